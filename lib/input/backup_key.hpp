// Keys of encrypted Android backups (research: backups.md 3.1, 3.2). Two kinds:
//   root key     crypt15: the 64 hex digits shown when end-to-end backup was turned on, or the
//                59-byte encrypted_backup.key file holding the same 32 bytes
//   classic key  crypt12 and crypt14: the 158-byte `key` file from /data/data/com.whatsapp/files
// Both files are Java-serialised byte arrays with the same 27-byte prefix. Key material is
// never printed, never logged, and wiped from memory when its object goes.
#pragma once

#include <tl/expected.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::input {

// 32 secret bytes, overwritten when destroyed.
class SecretKey {
 public:
  SecretKey() = default;

  explicit SecretKey(const std::array<std::uint8_t, 32>& bytes) : bytes_(bytes) {}

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  SecretKey(SecretKey&&) = default;
  SecretKey& operator=(SecretKey&&) = default;
  ~SecretKey();

  const std::array<std::uint8_t, 32>& bytes() const { return bytes_; }

 private:
  std::array<std::uint8_t, 32> bytes_{};
};

// The `key` file of crypt12/14 backups: the AES key itself, and the server salt that the
// backup's header repeats (so a key of another installation is told apart before decrypting).
struct ClassicKey {
  SecretKey aes;
  std::array<std::uint8_t, 32> server_salt{};
};

struct BackupKeys {
  std::vector<SecretKey> roots;      // crypt15
  std::vector<ClassicKey> classics;  // crypt12, crypt14

  bool empty() const { return roots.empty() && classics.empty(); }
};

// Adds the key in the file at `path`: 64 hex digits (any case, blanks and line breaks
// ignored), an encrypted_backup.key or a `key` file. The error names the file, never its bytes.
[[nodiscard]] tl::expected<void, std::string> add_key_file(BackupKeys& keys,
                                                           const std::filesystem::path& path);

// Adds a root key written as 64 hex digits; `source` names where it came from, for the error.
[[nodiscard]] tl::expected<void, std::string> add_hex_key(BackupKeys& keys, std::string_view text,
                                                          std::string_view source);

}  // namespace waudit::input

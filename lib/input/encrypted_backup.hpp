// Encrypted Android backups, msgstore.db.crypt12/.crypt14/.crypt15 (research: backups.md 3.3-3.6):
//   crypt14/15  [n][0x01?][n bytes of protobuf header][AES-256-GCM ciphertext][tag 16][MD5 16]
//   crypt12     [67-byte header, IV at 51][ciphertext][tag 16][MD5 16]["--" + 2 digits]
// The header is parsed (never fixed offsets: WhatsApp moved them several times). The plaintext
// is a zlib stream of an SQLite database; it is decrypted and inflated in pieces into a file
// the caller made private, and is trusted only once the GCM tag has checked out.
#pragma once

#include "diagnostics.hpp"
#include "input/backup_key.hpp"

#include <tl/expected.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace waudit::input {

enum class BackupFormat { crypt12, crypt14, crypt15 };

std::string_view to_string(BackupFormat format);  // "crypt12", "crypt14", "crypt15"

// The unencrypted part of a backup: what is needed to pick the key and decrypt.
struct BackupHeader {
  BackupFormat format = BackupFormat::crypt15;
  std::uint64_t file_size = 0;
  std::uint64_t payload_offset = 0;  // where the ciphertext starts
  std::array<std::uint8_t, 16> iv{};
  std::optional<std::array<std::uint8_t, 32>> server_salt;  // crypt12/14: names the key file
};

// Reads and checks the header of the backup at `path`.
[[nodiscard]] tl::expected<BackupHeader, Problem> read_backup_header(
    const std::filesystem::path& path);

// The format a file name suggests (".crypt15" and so on, any case), for reporting a file whose
// header cannot be read.
std::optional<BackupFormat> format_from_name(std::string_view file_name);

// What a successful decryption found out about the file.
struct DecryptedBackup {
  // The MD5 trailer matched. When it does not but the GCM tag did, the encrypted data is as
  // WhatsApp wrote it and only the unencrypted header was changed: the database is good, the
  // file is not the one WhatsApp wrote, and the caller says so.
  bool checksum_ok = true;
};

// Decrypts the backup at `path` with the first of `keys` that fits and writes the inflated
// database to `output` (an existing, private, empty file). Every failure is one line that says
// what the user can do: which key is missing, a key that does not fit, a damaged file.
[[nodiscard]] tl::expected<DecryptedBackup, Problem> decrypt_backup(
    const std::filesystem::path& path, const BackupHeader& header, const BackupKeys& keys,
    const std::filesystem::path& output);

}  // namespace waudit::input

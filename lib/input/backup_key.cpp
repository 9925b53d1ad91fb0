#include "input/backup_key.hpp"

#include <fmt/format.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

namespace waudit::input {
namespace {

// AC ED 00 05 (Java serialisation), a byte[] class descriptor "[B" with its serialVersionUID,
// then the array length as a big-endian int32 (research 3.2).
constexpr std::array<std::uint8_t, 23> kJavaByteArray{
    0xAC, 0xED, 0x00, 0x05, 0x75, 0x72, 0x00, 0x02, 0x5B, 0x42, 0xAC, 0xF3,
    0x17, 0xF8, 0x06, 0x08, 0x54, 0xE0, 0x02, 0x00, 0x00, 0x78, 0x70};
constexpr std::size_t kPrefixSize = kJavaByteArray.size() + 4;
constexpr std::size_t kRootPayload = 32;
// `key`: cipher version (2), key version (1), server salt (32), google-id salt (16), its
// SHA-256 (32), 16 zero bytes, the AES key (32).
constexpr std::size_t kClassicPayload = 131;
constexpr std::size_t kServerSaltOffset = 3;
constexpr std::size_t kClassicAesOffset = 99;
constexpr std::size_t kMaxKeyFileBytes = 4096;  // a key file is 59 or 158 bytes or 64 digits

std::array<std::uint8_t, 32> take32(const std::string& bytes, std::size_t offset) {
  std::array<std::uint8_t, 32> out{};
  std::transform(bytes.begin() + static_cast<std::ptrdiff_t>(offset),
                 bytes.begin() + static_cast<std::ptrdiff_t>(offset + out.size()), out.begin(),
                 [](char c) { return static_cast<std::uint8_t>(c); });
  return out;
}

// The payload length of a Java byte[] file, or 0 when `bytes` is none.
std::size_t java_payload_size(const std::string& bytes) {
  if (bytes.size() < kPrefixSize ||
      !std::equal(kJavaByteArray.begin(), kJavaByteArray.end(), bytes.begin(),
                  [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); })) {
    return 0;
  }
  std::size_t length = 0;
  for (std::size_t i = kJavaByteArray.size(); i < kPrefixSize; ++i) {
    length = (length << 8U) | static_cast<std::uint8_t>(bytes[i]);
  }
  return bytes.size() == kPrefixSize + length ? length : 0;
}

// 32 bytes from 64 hex digits among blanks; nullopt for anything else.
std::optional<std::array<std::uint8_t, 32>> parse_hex(std::string_view text) {
  std::array<std::uint8_t, 32> out{};
  std::size_t digits = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    }
    int value = 0;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      value = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      value = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    if (digits >= 64) {
      return std::nullopt;
    }
    out[digits / 2] = static_cast<std::uint8_t>((out[digits / 2] << 4U) | value);
    ++digits;
  }
  if (digits != 64) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

SecretKey::~SecretKey() {
  OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

tl::expected<void, std::string> add_key_file(BackupKeys& keys, const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::string bytes;
  if (file) {
    bytes.resize(kMaxKeyFileBytes + 1);
    file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(file.gcount(), 0)));
  }
  if (!file && !file.eof()) {
    return tl::unexpected(fmt::format("{}: cannot read the key file", path.string()));
  }
  const std::size_t payload = java_payload_size(bytes);
  if (payload == kRootPayload) {
    keys.roots.emplace_back(take32(bytes, kPrefixSize));
  } else if (payload == kClassicPayload) {
    keys.classics.push_back(ClassicKey{SecretKey(take32(bytes, kPrefixSize + kClassicAesOffset)),
                                       take32(bytes, kPrefixSize + kServerSaltOffset)});
  } else if (const auto root = bytes.size() <= kMaxKeyFileBytes ? parse_hex(bytes) : std::nullopt) {
    keys.roots.emplace_back(*root);
  } else {
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return tl::unexpected(fmt::format(
        "{}: not a WhatsApp backup key (expected 64 hex digits, an encrypted_backup.key or a "
        "key file)",
        path.string()));
  }
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return {};
}

tl::expected<void, std::string> add_hex_key(BackupKeys& keys, std::string_view text,
                                            std::string_view source) {
  const auto root = parse_hex(text);
  if (!root) {
    return tl::unexpected(fmt::format("{}: not a backup key (expected 64 hex digits)", source));
  }
  keys.roots.emplace_back(*root);
  return {};
}

}  // namespace waudit::input

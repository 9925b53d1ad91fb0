#include "input/encrypted_backup.hpp"

#include "../temp_dir.hpp"

#include <doctest/doctest.h>
#include <openssl/evp.h>

#include <fstream>
#include <iterator>

TEST_SUITE_BEGIN("input");

using waudit::input::BackupFormat;
using waudit::input::BackupKeys;
using waudit::input::decrypt_backup;
using waudit::input::format_from_name;
using waudit::input::read_backup_header;

namespace {

const std::filesystem::path kVectors =
    std::filesystem::path(WAUDIT_BACKUP_VECTORS_DIR) / "ElDavoo-wa-crypt-tools";

std::string sha256_of(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4U];
    hex += kHex[digest[i] & 0x0FU];
  }
  return hex;
}

// A crypt15 header (research 3.7) with IV 00..0f, followed by `rest`.
std::string crypt15_head(bool feature_flag) {
  std::string proto("\x08\x01\x1a\x12\x0a\x10", 6);
  for (char c = 0; c < 16; ++c) {
    proto += c;
  }
  proto += std::string("\x22\x0e\x0a\x08", 4) + "2.25.1.1" + std::string("\x1a\x02", 2) + "00";
  return static_cast<char>(proto.size()) + std::string(feature_flag ? "\x01" : "") + proto;
}

}  // namespace

TEST_CASE("input::format_from_name knows the backup extensions in any case") {
  CHECK(format_from_name("msgstore.db.crypt15") == BackupFormat::crypt15);
  CHECK(format_from_name("msgstore-2023-04-15.1.db.CRYPT14") == BackupFormat::crypt14);
  CHECK(format_from_name("msgstore.db.crypt12") == BackupFormat::crypt12);
  CHECK_FALSE(format_from_name("msgstore.db"));
  CHECK_FALSE(format_from_name("msgstore.db.crypt8"));
}

TEST_CASE("input::read_backup_header parses the header instead of using fixed offsets") {
  TempDir dir;
  const std::string payload(100, 'x');
  for (const bool flag : {true, false}) {
    const auto header = read_backup_header(dir.write("a.crypt15", crypt15_head(flag) + payload));
    REQUIRE(header);
    CHECK(header->format == BackupFormat::crypt15);
    CHECK(header->payload_offset == crypt15_head(flag).size());
    CHECK(header->iv[0] == 0);
    CHECK(header->iv[15] == 15);
    CHECK_FALSE(header->server_salt);
  }
  SUBCASE("crypt12: the fixed layout") {
    std::string file = std::string("\x00\x01\x02", 3) + std::string(48, 's');
    for (char c = 0; c < 16; ++c) {
      file += static_cast<char>(0x20 + c);
    }
    const auto header = read_backup_header(dir.write("b.crypt12", file + payload));
    REQUIRE(header);
    CHECK(header->format == BackupFormat::crypt12);
    CHECK(header->payload_offset == 67);
    CHECK(header->iv[0] == 0x20);
    REQUIRE(header->server_salt);
    CHECK((*header->server_salt)[0] == 's');
  }
  SUBCASE("damaged headers") {
    const auto past_end = read_backup_header(dir.write("c", crypt15_head(true).substr(0, 10)));
    REQUIRE_FALSE(past_end);
    CHECK(past_end.error().message.find("runs past the end") != std::string::npos);
    const auto noise = read_backup_header(dir.write("d", "\x05\x01hello" + payload));
    REQUIRE_FALSE(noise);
    CHECK(noise.error().message.find("not a WhatsApp encrypted backup") == 0);
    CHECK_FALSE(read_backup_header(dir.write("e", "")));
  }
}

TEST_CASE("input::decrypt_backup names the key the backup needs") {
  TempDir dir;
  const auto path = dir.write("msgstore.db.crypt15", crypt15_head(true) + std::string(100, 'x'));
  const auto header = read_backup_header(path);
  REQUIRE(header);
  const auto result = decrypt_backup(path, *header, BackupKeys{}, dir.write("out", ""));
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("64-digit key or the encrypted_backup.key") !=
        std::string::npos);
  CHECK(result.error().message.find("no key was given") != std::string::npos);
}

// The public vectors of wa-crypt-tools (../shared/conformance/backups/SOURCES.md): every file
// decrypts to the same database, byte for byte.
TEST_CASE("input::decrypt_backup reproduces the wa-crypt-tools plaintext") {
  if (!std::filesystem::is_directory(kVectors)) {
    MESSAGE("skipped: no wa-crypt-tools vectors in " << kVectors.string());
    return;
  }
  BackupKeys keys;
  REQUIRE(add_key_file(keys, kVectors / "encrypted_backup.key"));
  REQUIRE(add_key_file(keys, kVectors / "key"));
  TempDir dir;
  for (const char* name : {"msgstore.db.crypt15", "msgstore.db.crypt14",
                           "msgstore-noexpiry.db.crypt14", "msgstore.db.crypt12"}) {
    CAPTURE(name);
    const auto header = read_backup_header(kVectors / name);
    REQUIRE(header);
    const auto output = dir.write(name + std::string(".db"), "");
    const auto decrypted = decrypt_backup(kVectors / name, *header, keys, output);
    REQUIRE(decrypted);
    CHECK(decrypted->checksum_ok);  // as WhatsApp wrote them: the MD5 trailer matches
    CHECK(std::filesystem::file_size(output) == 1273856);
    CHECK(sha256_of(output) == "1425b944a2e3885fc936a7bb82f6548c5cc09523a2f61f02aa836c4ed8bbd16e");
  }
}

TEST_SUITE_END();

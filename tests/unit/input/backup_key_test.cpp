#include "input/backup_key.hpp"

#include "../temp_dir.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("input");

using waudit::input::add_hex_key;
using waudit::input::add_key_file;
using waudit::input::BackupKeys;

namespace {

const std::string kJavaPrefix(
    "\xAC\xED\x00\x05\x75\x72\x00\x02\x5B\x42\xAC\xF3\x17\xF8\x06\x08\x54\xE0\x02\x00\x00\x78\x70",
    23);

std::string counting(std::size_t size, int first) {
  std::string bytes;
  for (std::size_t i = 0; i < size; ++i) {
    bytes += static_cast<char>(first + static_cast<int>(i));
  }
  return bytes;
}

}  // namespace

TEST_CASE("input::add_hex_key takes 64 hex digits in any case with blanks between") {
  BackupKeys keys;
  const std::string grouped =
      "0001 0203 0405 0607 0809 0A0B 0C0D 0E0F\n1011 1213 1415 1617 1819 1a1b 1c1d 1e1f\n";
  REQUIRE(add_hex_key(keys, grouped, "test"));
  REQUIRE(keys.roots.size() == 1);
  CHECK(keys.roots[0].bytes()[0] == 0x00);
  CHECK(keys.roots[0].bytes()[10] == 0x0A);
  CHECK(keys.roots[0].bytes()[31] == 0x1F);
  SUBCASE("wrong length or characters are refused without echoing the text") {
    const auto short_key = add_hex_key(keys, std::string(62, 'a'), "WAUDIT_BACKUP_KEY");
    REQUIRE_FALSE(short_key);
    CHECK(short_key.error() == "WAUDIT_BACKUP_KEY: not a backup key (expected 64 hex digits)");
    CHECK_FALSE(add_hex_key(keys, std::string(66, 'a'), "x"));
    CHECK_FALSE(add_hex_key(keys, std::string(63, 'a') + "g", "x"));
    CHECK(keys.roots.size() == 1);
  }
}

TEST_CASE("input::add_key_file reads both Java key files and a file of hex digits") {
  TempDir dir;
  BackupKeys keys;
  // encrypted_backup.key: the prefix, length 32, the root key.
  const std::string root = counting(32, 0x40);
  REQUIRE(add_key_file(
      keys, dir.write("encrypted_backup.key", kJavaPrefix + std::string("\0\0\0\x20", 4) + root)));
  REQUIRE(keys.roots.size() == 1);
  CHECK(keys.roots[0].bytes()[0] == 0x40);
  // key: the prefix, length 131; server salt at 3, AES key at 99.
  const std::string payload = std::string("\x00\x01\x32", 3) + counting(32, 1) +
                              std::string(16 + 32 + 16, '\0') + counting(32, 0x60);
  REQUIRE(
      add_key_file(keys, dir.write("key", kJavaPrefix + std::string("\0\0\0\x83", 4) + payload)));
  REQUIRE(keys.classics.size() == 1);
  CHECK(keys.classics[0].server_salt[0] == 1);
  CHECK(keys.classics[0].server_salt[31] == 32);
  CHECK(keys.classics[0].aes.bytes()[0] == 0x60);
  REQUIRE(add_key_file(keys, dir.write("key.txt", std::string(64, 'f') + "\n")));
  CHECK(keys.roots.size() == 2);
  SUBCASE("anything else names the file only") {
    const auto path = dir.write("notes.txt", "my key is secret");
    const auto refused = add_key_file(keys, path);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find(path.string() + ": not a WhatsApp backup key") == 0);
    CHECK(refused.error().find("secret") == std::string::npos);
    CHECK_FALSE(add_key_file(keys, dir.write("truncated.key", kJavaPrefix + "\0\0\0\x20")));
  }
}

TEST_SUITE_END();

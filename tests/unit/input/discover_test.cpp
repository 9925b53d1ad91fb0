#include "input/discover.hpp"

#include "../temp_dir.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("input");

using waudit::input::discover;
using waudit::input::InputKind;
using waudit::input::sniff_kind;

TEST_CASE("input::sniff_kind knows a ZIP by its magic bytes") {
  CHECK(sniff_kind(std::string_view("PK\x03\x04rest", 8)) == InputKind::zip);
  CHECK(sniff_kind(std::string_view("PK\x05\x06", 4)) == InputKind::zip);
  CHECK(sniff_kind("15.04.23, 14:03 - Max: Hallo") == InputKind::text);
  CHECK(sniff_kind("") == InputKind::text);
}

TEST_CASE("input::discover walks directories and sorts what it finds") {
  TempDir dir;
  dir.write("b/WhatsApp Chat mit B.txt", "x");
  dir.write("a.TXT", "x");
  dir.write("b/export", std::string("PK\x03\x04", 4));  // a ZIP without extension
  dir.write("b/photo.jpg", "\xFF\xD8");                 // loose media: not an input
  const std::string root = dir.path().string();
  const auto found = discover({root});
  REQUIRE(found.files.size() == 3);
  CHECK(found.files[0].display_path == root + "/a.TXT");
  CHECK(found.files[1].display_path == root + "/b/WhatsApp Chat mit B.txt");
  CHECK(found.files[2].display_path == root + "/b/export");
  CHECK(found.files[2].kind == InputKind::zip);
  CHECK(found.problems.empty());
}

TEST_CASE("input::discover takes a named file whatever its name and reports missing paths") {
  TempDir dir;
  const auto named = dir.write("notes.md", "x").string();
  const std::string missing = (dir.path() / "missing.txt").string();
  const auto found = discover({missing, named, named});
  REQUIRE(found.files.size() == 1);  // duplicates removed
  CHECK(found.files[0].display_path == named);
  REQUIRE(found.problems.size() == 1);
  CHECK(found.problems[0].first.path == missing);
  CHECK(found.problems[0].second.message == "no such file or directory");
}

TEST_SUITE_END();

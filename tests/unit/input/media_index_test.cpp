#include "input/media_index.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using waudit::input::MediaIndex;

TEST_SUITE_BEGIN("input");

TEST_CASE("input::MediaIndex matches references to entries by base name") {
  MediaIndex index(
      {"00000001-PHOTO-2023-04-18-09-45-12.jpg", "Export/IMG-20230415-WA0007.jpg", "unused.pdf"});
  CHECK(index.resolve("00000001-PHOTO-2023-04-18-09-45-12.jpg", "") == 0);
  CHECK(index.resolve("IMG-20230415-WA0007.jpg", "") == 1);
  CHECK_FALSE(index.resolve("IMG-20230415-WA0008.jpg", ""));
  CHECK(index.unreferenced() == std::vector<std::string>{"unused.pdf"});
}

TEST_CASE("input::MediaIndex matches decomposed and composed names") {
  MediaIndex index({"00000002-Gru\u0308n.pdf", "00000003-\u00c9t\u00e9.jpg"});
  CHECK(index.resolve("00000002-Gr\u00fcn.pdf", "") == 0);
  CHECK(index.resolve("00000003-E\u0301te\u0301.jpg", "") == 1);
  CHECK(index.unreferenced().empty());
}

TEST_CASE("input::MediaIndex falls back to ASCII case only when no exact name matches") {
  MediaIndex index({"Scan.PDF", "scan.pdf", "Photo.JPG"});
  CHECK(index.resolve("scan.pdf", "") == 1);
  CHECK(index.resolve("photo.jpg", "") == 2);
  CHECK(index.unreferenced() == std::vector<std::string>{"Scan.PDF"});
}

TEST_CASE("input::MediaIndex prefers the entry in the chat text's folder") {
  MediaIndex index({"Anna/00000001-PHOTO.jpg", "Ben/00000001-PHOTO.jpg"});
  CHECK(index.resolve("00000001-PHOTO.jpg", "Ben/") == 1);
  CHECK(index.resolve("00000001-PHOTO.jpg", "Carl/") == 0);
  CHECK(index.unreferenced().empty());
}

TEST_CASE("input::folder_of and base_name split entry names") {
  CHECK(waudit::input::folder_of("a/b/c.jpg") == "a/b/");
  CHECK(waudit::input::folder_of("c.jpg").empty());
  CHECK(waudit::input::base_name("a/b/c.jpg") == "c.jpg");
  CHECK(waudit::input::base_name("c.jpg") == "c.jpg");
}

TEST_SUITE_END();

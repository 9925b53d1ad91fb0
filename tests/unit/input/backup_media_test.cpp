#include "input/backup_media.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

TEST_SUITE_BEGIN("input");

using waudit::input::android_media;
using waudit::input::android_media_relative;
using waudit::input::relative_below;

TEST_CASE("input::android_media_relative takes the path below the WhatsApp folder") {
  CHECK(android_media_relative("Media/WhatsApp Images/IMG-1.jpg") ==
        "Media/WhatsApp Images/IMG-1.jpg");
  CHECK(android_media_relative("/storage/emulated/0/WhatsApp/Media/WhatsApp Audio/a.opus") ==
        "Media/WhatsApp Audio/a.opus");
  CHECK(android_media_relative(
            "/storage/emulated/0/Android/media/com.whatsapp/WhatsApp/Media/WhatsApp Video/v.mp4") ==
        "Media/WhatsApp Video/v.mp4");
  CHECK_FALSE(android_media_relative("Media/../../etc/passwd"));
  CHECK_FALSE(android_media_relative("/etc/passwd"));
  CHECK_FALSE(android_media_relative(""));
}

TEST_CASE("input::relative_below refuses absolute and climbing paths") {
  CHECK(relative_below("Media/x/1.jpg") == std::filesystem::path("Media/x/1.jpg"));
  CHECK_FALSE(relative_below("/Media/x/1.jpg"));
  CHECK_FALSE(relative_below("Media/../../x"));
  CHECK_FALSE(relative_below(".."));
  CHECK_FALSE(relative_below(""));
}

TEST_CASE("input::android_media finds the Media folder beside Databases/") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "waudit-backup-media-test";
  fs::remove_all(root);
  fs::create_directories(root / "WhatsApp" / "Databases");
  CHECK_FALSE(android_media(root / "WhatsApp" / "Databases" / "msgstore.db"));
  fs::create_directories(root / "WhatsApp" / "Media" / "WhatsApp Images");
  std::ofstream(root / "WhatsApp" / "Media" / "WhatsApp Images" / "IMG-1.jpg") << "x";
  const auto locate = android_media(root / "WhatsApp" / "Databases" / "msgstore.db");
  REQUIRE(locate);
  CHECK((*locate)("Media/WhatsApp Images/IMG-1.jpg") ==
        root / "WhatsApp" / "Media" / "WhatsApp Images" / "IMG-1.jpg");
  CHECK_FALSE((*locate)("Media/WhatsApp Images/IMG-2.jpg"));
  CHECK_FALSE((*locate)("Media/WhatsApp Images"));  // a folder is no media file
  fs::remove_all(root);
}

TEST_SUITE_END();

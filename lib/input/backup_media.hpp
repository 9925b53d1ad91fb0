// Where the media files of a phone database are on disk, when they are (research: backups.md
// 2.2, 4.1, 4.5). The database names each message's file relative to a folder the backup may
// or may not include:
//   Android   message_media.file_path, relative to the WhatsApp folder ("Media/WhatsApp
//             Images/IMG-...jpg"; older versions wrote absolute /storage/... paths); the
//             WhatsApp/Media folder sits beside Databases/ or beside the msgstore.db itself
//   iOS       ZWAMEDIAITEM.ZMEDIALOCALPATH, relative to the app group's Message folder; in a
//             device backup found through Manifest.db, else in a Message folder beside
//             ChatStorage.sqlite
// A path that climbs out of its folder ("..") is never followed.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

namespace waudit::input {

// The file on disk that a database's media path names, nullopt when it is not there.
using MediaLocator =
    std::function<std::optional<std::filesystem::path>(std::string_view stored_path)>;

// For the Android msgstore at `database` (plain or encrypted): its WhatsApp folder's media,
// when a Media folder is beside the database or beside its folder; nullopt otherwise.
std::optional<MediaLocator> android_media(const std::filesystem::path& database);

// For an iOS ChatStorage.sqlite at `database` outside a device backup: the Message folder
// beside it, when there is one; nullopt otherwise.
std::optional<MediaLocator> ios_media(const std::filesystem::path& database);

// The part of an Android media path below the WhatsApp folder: "Media/..." as it is, and an
// absolute ".../WhatsApp/Media/..." from "Media/" on; nullopt for a path that is neither or
// that contains "..".
std::optional<std::string_view> android_media_relative(std::string_view stored_path);

// `stored_path` as a path below a folder: nullopt when it is absolute or contains "..".
std::optional<std::filesystem::path> relative_below(std::string_view stored_path);

}  // namespace waudit::input

// Phone databases as inputs: Android msgstore.db and iOS ChatStorage.sqlite, plain or as an
// encrypted Android backup (.crypt12/.crypt14/.crypt15). Every message row becomes the
// chat::Message an export would give (chat name, sender, local time, text) and goes through the
// same detectors, so findings and fingerprints match the export's. A row holds more texts than
// an export shows; each is scanned on its own (body, caption, document name, quoted copy,
// vCard, location, voice transcript).
// Findings: entry "message/<row id>", line null, column counted in code points within the
// text that holds the match.
// Media: the file each message names is looked for on disk (input/backup_media.hpp); the
// input lists the ones found (media) and not found (media_missing) when the backup comes with
// its media folder, and each file found gets the checks of export media (scan_backup_media).
#pragma once

#include "audit/input_scan.hpp"
#include "input/backup_key.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace waudit::audit {

// A media file of a backup that is on disk, with the first message that names it.
struct BackupMedia {
  std::string name;            // as the database names it; how media and media_missing list it
  std::filesystem::path file;  // where it is; read it with input::FileSource::open(file)
  Origin origin;               // the input's path, and the media name (with the app's prefix)
  std::string message_entry;   // "message/<row id>" of the message naming it
  std::string chat;
  std::string sender;                    // empty for a system message
  std::optional<std::string> timestamp;  // local time, as the findings of the message have it
};

// The checks that media files of exports get, run on one media file of a backup: a photo is
// read for the card-photo rule (image evidence only, located at the message that sent it),
// a contact card (.vcf) is scanned like an export's, its findings located at `media.origin`
// and the card's line. Findings, errors and counts go to `result`.
void scan_backup_media(const BackupMedia& media, const ScanSettings& settings, InputResult& result);

// Loads the keys of --key-file and WAUDIT_BACKUP_KEY and checks --timezone, before any input
// is read: a bad key or zone stops the run. Throws std::runtime_error with a one-line message
// that never contains key material.
input::BackupKeys load_backup_keys(const ScanRequest& request);

// Scans a plain SQLite input. Its kind (msgstore, chatstorage) comes from its tables; a wa.db
// beside an Android msgstore.db names chats and senders. The Manifest.db of an iPhone backup
// folder stands for the whole backup (kind "iosbackup"): the ChatStorage.sqlite of WhatsApp
// and of WhatsApp Business are found through it and scanned, the Business app's findings with
// entries "business/message/<row id>".
void scan_database_file(const input::InputFile& file, const ScanSettings& settings,
                        InputResult& result);

// Decrypts an encrypted backup into a private temporary directory (removed afterwards, on
// error too) and scans the database in it; the input's kind is its format ("crypt15"). An
// encrypted wa.db beside it (or in the Backups folder beside its folder) is decrypted with
// the same keys for the contact names; without it, or when it does not decrypt, chats and
// senders are named by number.
void scan_encrypted_file(const input::InputFile& file, const ScanSettings& settings,
                         InputResult& result);

}  // namespace waudit::audit

// Phone databases as inputs: Android msgstore.db and iOS ChatStorage.sqlite, plain or as an
// encrypted Android backup (.crypt12/.crypt14/.crypt15). Every message row becomes the
// chat::Message an export would give (chat name, sender, local time, text) and goes through the
// same detectors, so findings and fingerprints match the export's. A row holds more texts than
// an export shows; each is scanned on its own (body, caption, document name, quoted copy,
// vCard, location, voice transcript).
// Findings: entry "message/<row id>", line null, column counted in code points within the
// text that holds the match.
#pragma once

#include "audit/input_scan.hpp"
#include "input/backup_key.hpp"

namespace waudit::audit {

// Loads the keys of --key-file and WAUDIT_BACKUP_KEY and checks --timezone, before any input
// is read: a bad key or zone stops the run. Throws std::runtime_error with a one-line message
// that never contains key material.
input::BackupKeys load_backup_keys(const ScanRequest& request);

// Scans a plain SQLite input. Its kind (msgstore, chatstorage) comes from its tables; a wa.db
// beside an Android msgstore.db names chats and senders.
void scan_database_file(const input::InputFile& file, const ScanSettings& settings,
                        InputResult& result);

// Decrypts an encrypted backup into a private temporary directory (removed afterwards, on
// error too) and scans the database in it; the input's kind is its format ("crypt15").
void scan_encrypted_file(const input::InputFile& file, const ScanSettings& settings,
                         InputResult& result);

}  // namespace waudit::audit

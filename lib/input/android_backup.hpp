// Android's msgstore.db, read with one query that joins what an audit needs (research:
// backups.md 2.2-2.4). Two schema generations:
//   current (2022 on)  `message` + `chat` + `jid`, media, quotes, vCards, locations in side
//                      tables; LID-era `jid_map` maps pseudonymous @lid ids to phone numbers
//   legacy (to 2021)   `messages` keyed by the chat's JID string, `chat_list` for subjects
// A transitional database (2021-22) has both tables: `message` is read when it has rows beyond
// WhatsApp's placeholder, else `messages`. Columns are looked up, never taken by position, and a
// missing optional column or table only leaves its text out. Not read: system-event tables
// (number changes), link previews, reactions, call logs, FTS copies, thumbnails.
#pragma once

#include "input/message_store.hpp"
#include "input/query_store.hpp"
#include "input/sqlite_backup.hpp"

#include <set>
#include <string>

namespace waudit::input {

// Reads wa.db's `wa_contacts`: the address book's display name, else the name the person
// chose, by JID. An empty map when it has none (the wa.db of a backup usually has none).
[[nodiscard]] tl::expected<Contacts, Problem> read_contacts(const Database& wa_db);

// Starts reading the messages of a msgstore.db whose tables are `tables`.
[[nodiscard]] tl::expected<std::unique_ptr<MessageStore>, Problem> open_android_store(
    Database database, const std::set<std::string>& tables, Contacts contacts);

}  // namespace waudit::input

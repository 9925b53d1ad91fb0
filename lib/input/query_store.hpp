// The message store behind both phone databases: the Android and iOS readers only write one
// SELECT with the columns below (NULL where their schema has nothing), and this turns its rows
// into StoredMessages, naming chats and senders the way exports do.
#pragma once

#include "input/message_store.hpp"
#include "input/sqlite_backup.hpp"

#include <array>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

namespace waudit::input {

// Contact names by JID ("4915112345678@s.whatsapp.net").
using Contacts = std::unordered_map<std::string, std::string>;

// The columns of a message query, in this order.
enum class Column {
  row_id,       // INTEGER
  chat_key,     // anything that changes exactly when the chat changes
  chat_name,    // group subject or the name shown for the chat; NULL or '' when unknown
  chat_jid,     // TEXT
  from_me,      // INTEGER 0/1
  sender_jid,   // TEXT; NULL in one-to-one chats
  sender_name,  // TEXT; NULL when unknown
  unix_ms,      // INTEGER, UTC
  system,       // INTEGER 0/1
  body,         // the texts, in the order of TextField
  caption,
  file_name,
  quoted,
  vcard,
  place_name,
  place_address,
  transcript,
  media_path,  // TEXT: the media file as the database names it; not scanned
  count_,
};

inline constexpr auto kColumnCount = static_cast<std::size_t>(Column::count_);

// A SELECT being put together: every column starts as NULL.
struct MessageQuery {
  std::array<std::string, kColumnCount> columns;
  std::string from;   // FROM ... JOIN ... WHERE ...
  std::string order;  // ORDER BY terms: the chat key first

  MessageQuery() { columns.fill("NULL"); }

  std::string& operator[](Column column) { return columns[static_cast<std::size_t>(column)]; }

  std::string sql() const;
};

// The sender name of the owner's own messages when the database does not name the owner.
inline constexpr std::string_view kDefaultOwner = "me";

struct StoreSource {
  MessageQuery query;
  Contacts contacts;
  std::string owner;  // the sender name of the owner's own messages
};

// Prepares the query; fails when the schema does not have what it names.
[[nodiscard]] tl::expected<std::unique_ptr<MessageStore>, Problem> make_query_store(
    Database database, StoreSource source);

// "alias.column" when `columns` has `column`, else "NULL": for columns a schema may lack.
std::string column_or_null(const std::set<std::string>& columns, std::string_view alias,
                           std::string_view column);

// How a JID is shown when no name is known: "+<number>" for a phone number, else as written.
std::string jid_display(std::string_view jid);

}  // namespace waudit::input

// The messages of a WhatsApp database, one row at a time: Android's msgstore.db (current
// `message` schema, legacy `messages` schema) and iOS's ChatStorage.sqlite. The kind is decided
// from the tables, not the file name. Rows come chat by chat, in time order within a chat, so
// the caller can scan them like a chat export without holding more than one message.
#pragma once

#include "diagnostics.hpp"
#include "input/private_directory.hpp"
#include "input/sqlite_backup.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace waudit::input {

enum class StoreKind {
  msgstore,     // Android msgstore.db
  chatstorage,  // iOS ChatStorage.sqlite
  contacts,     // Android wa.db: names only, no messages
  other,        // an SQLite database of some other schema
};

std::string_view to_string(StoreKind kind);  // "msgstore", "chatstorage", "wadb", "sqlite"

// Where in a message row a text comes from. The body is what an export shows as the message;
// the others are texts the database keeps with it.
enum class TextField { body, caption, file_name, quoted, vcard, location, transcript };

struct StoredText {
  TextField field = TextField::body;
  std::string_view text;  // bytes as stored, not validated as UTF-8; never empty
};

// One message row. The views are valid until the next MessageStore::next().
struct StoredMessage {
  std::int64_t row_id = 0;       // of the message table: message._id, messages._id, Z_PK
  std::uint64_t chat_index = 0;  // 0 for the first chat read, +1 at each new chat
  std::string_view chat;         // group subject, else the contact's name, else the number
  std::string_view sender;       // empty for a system message
  bool system = false;
  std::optional<std::int64_t> unix_ms;  // UTC, milliseconds since 1970; nullopt when unset
  std::vector<StoredText> texts;        // the body first when there is one
  // The media file of the message as the database names it (Android: relative to the
  // WhatsApp folder, "Media/WhatsApp Images/IMG-...jpg"; iOS: relative to the app group's
  // Message folder, "Media/<jid>/.../<uuid>.jpg"); empty when it has none.
  std::string_view media_path;
};

class MessageStore {
 public:
  virtual ~MessageStore() = default;
  MessageStore() = default;
  MessageStore(const MessageStore&) = delete;
  MessageStore& operator=(const MessageStore&) = delete;
  MessageStore(MessageStore&&) = delete;
  MessageStore& operator=(MessageStore&&) = delete;

  // The next message, or nullptr after the last.
  [[nodiscard]] virtual tl::expected<const StoredMessage*, Problem> next() = 0;
};

// What the caller has to keep: the store and, declared first so it goes last, the private
// copy it may read from.
struct OpenStore {
  std::optional<PrivateDirectory> copy;
  StoreKind kind = StoreKind::other;
  std::unique_ptr<MessageStore> messages;  // set for msgstore and chatstorage only
  bool read_wal = false;  // a -wal file was beside the database and was read from a copy
};

struct StoreOptions {
  // wa.db whose contact names name chats and senders (Android only); nullopt: none.
  std::optional<std::filesystem::path> contacts;
};

// Opens the database at `path` without ever modifying it: with a non-empty `PATH-wal` beside
// it, the database and the -wal are copied into a private directory and the copy is read
// (SQLite's `immutable` mode would ignore the -wal and miss the newest messages); otherwise
// the file is opened in place, immutable.
[[nodiscard]] tl::expected<OpenStore, Problem> open_store(const std::filesystem::path& path,
                                                          const StoreOptions& options);

// The kind of the database at `path`, for choosing the files of a directory; `other` for
// anything unreadable.
StoreKind classify_database(const std::filesystem::path& path);

}  // namespace waudit::input

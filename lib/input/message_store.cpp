#include "input/message_store.hpp"

#include "input/android_backup.hpp"
#include "input/ios_backup.hpp"

#include <fmt/format.h>

#include <system_error>

namespace waudit::input {
namespace fs = std::filesystem;

namespace {

StoreKind kind_of(const std::set<std::string>& tables) {
  const bool current =
      tables.contains("message") && tables.contains("chat") && tables.contains("jid");
  if (current || tables.contains("messages")) {
    return StoreKind::msgstore;
  }
  if (tables.contains("ZWAMESSAGE") && tables.contains("ZWACHATSESSION")) {
    return StoreKind::chatstorage;
  }
  return tables.contains("wa_contacts") ? StoreKind::contacts : StoreKind::other;
}

fs::path wal_of(const fs::path& database) {
  return fs::path(database.string() + "-wal");
}

// Whether SQLite would have to read a -wal beside `database` to see every committed row.
bool has_wal(const fs::path& database) {
  std::error_code error;
  const auto size = fs::file_size(wal_of(database), error);
  return !error && size > 0;
}

// A database opened without modifying it, and the private copy it may be read from.
struct Evidence {
  std::optional<PrivateDirectory> copy;
  std::optional<Database> database;
};

tl::expected<Evidence, Problem> open_evidence(const fs::path& path) {
  Evidence evidence;
  fs::path read_path = path;
  OpenMode mode = OpenMode::immutable;
  if (has_wal(path)) {
    auto directory = PrivateDirectory::create();
    if (!directory) {
      return tl::unexpected(directory.error());
    }
    read_path = directory->path() / "database";
    std::error_code error;
    fs::copy_file(path, read_path, error);
    if (!error) {
      fs::copy_file(wal_of(path), wal_of(read_path), error);
    }
    if (error) {
      return tl::unexpected(
          Problem{fmt::format("cannot copy the database and its -wal to a private directory: {}",
                              error.message()),
                  std::nullopt});
    }
    evidence.copy.emplace(std::move(*directory));
    mode = OpenMode::read_only;
  }
  auto database = Database::open(read_path, mode);
  if (!database) {
    return tl::unexpected(database.error());
  }
  evidence.database.emplace(std::move(*database));
  return evidence;
}

// Names from wa.db; none when it is missing or unreadable (names are a convenience: numbers
// identify the chats as well).
Contacts load_contacts(const std::optional<fs::path>& path) {
  if (!path) {
    return {};
  }
  auto evidence = open_evidence(*path);
  if (!evidence) {
    return {};
  }
  auto contacts = read_contacts(*evidence->database);
  return contacts ? std::move(*contacts) : Contacts{};
}

}  // namespace

std::string_view to_string(StoreKind kind) {
  switch (kind) {
    case StoreKind::msgstore:
      return "msgstore";
    case StoreKind::chatstorage:
      return "chatstorage";
    case StoreKind::contacts:
      return "wadb";
    case StoreKind::other:
      break;
  }
  return "sqlite";
}

tl::expected<OpenStore, Problem> open_store(const fs::path& path, const StoreOptions& options) {
  auto evidence = open_evidence(path);
  if (!evidence) {
    return tl::unexpected(evidence.error());
  }
  auto tables = evidence->database->tables();
  if (!tables) {
    return tl::unexpected(tables.error());
  }
  OpenStore store;
  store.read_wal = evidence->copy.has_value();
  if (evidence->copy) {
    store.copy.emplace(std::move(*evidence->copy));
  }
  store.kind = kind_of(*tables);
  tl::expected<std::unique_ptr<MessageStore>, Problem> messages;
  if (store.kind == StoreKind::msgstore) {
    messages = open_android_store(std::move(*evidence->database), *tables,
                                  load_contacts(options.contacts));
  } else if (store.kind == StoreKind::chatstorage) {
    messages = open_ios_store(std::move(*evidence->database), *tables);
  }
  if (!messages) {
    return tl::unexpected(messages.error());
  }
  store.messages = std::move(*messages);
  return store;
}

StoreKind classify_database(const fs::path& path) {
  auto database = Database::open(path, OpenMode::immutable);
  if (!database) {
    return StoreKind::other;
  }
  auto tables = database->tables();
  return tables ? kind_of(*tables) : StoreKind::other;
}

}  // namespace waudit::input

#include "input/sqlite_backup.hpp"

#include <fmt/format.h>

#include <sqlite3.h>

namespace waudit::input {
namespace {

// A file URI for `path`: reserved characters escaped, so '?' or '#' in a name is no parameter.
std::string file_uri(const std::filesystem::path& path, OpenMode mode) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const char c : path.string()) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') || c == '/' || c == '.' || c == '-' ||
                       c == '_' || c == '~';
    if (plain) {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[byte >> 4U];
      uri += kHex[byte & 0x0FU];
    }
  }
  return uri + (mode == OpenMode::immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

Problem sqlite_problem(sqlite3* database, std::string_view doing) {
  // SQLite's messages name tables, columns and the failure, never row data.
  const char* message = database != nullptr ? sqlite3_errmsg(database) : "out of memory";
  return Problem{fmt::format("{}: {}", doing, message), std::nullopt};
}

// The first column of every row of `statement`, as a set.
tl::expected<std::set<std::string>, Problem> first_column(Statement& statement) {
  std::set<std::string> names;
  while (true) {
    auto row = statement.step();
    if (!row) {
      return tl::unexpected(row.error());
    }
    if (!*row) {
      return names;
    }
    names.emplace(statement.bytes(0));
  }
}

}  // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

tl::expected<bool, Problem> Statement::step() {
  const int result = sqlite3_step(stmt_.get());
  if (result == SQLITE_ROW) {
    return true;
  }
  if (result == SQLITE_DONE) {
    return false;
  }
  return tl::unexpected(sqlite_problem(database_, "cannot read the database"));
}

tl::expected<void, Problem> Statement::restart(std::initializer_list<std::string_view> texts) {
  sqlite3_reset(stmt_.get());
  int index = 1;
  for (const std::string_view text : texts) {
    if (sqlite3_bind_text(stmt_.get(), index++, text.data(), static_cast<int>(text.size()),
                          SQLITE_STATIC) != SQLITE_OK) {
      return tl::unexpected(sqlite_problem(database_, "cannot query the database"));
    }
  }
  return {};
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_.get(), column);
}

std::string_view Statement::bytes(int column) const {
  // The blob form gives TEXT byte-exact, without SQLite converting or validating it.
  const void* data = sqlite3_column_blob(stmt_.get(), column);
  const int size = sqlite3_column_bytes(stmt_.get(), column);
  if (data == nullptr || size <= 0) {
    return {};
  }
  return {static_cast<const char*>(data), static_cast<std::size_t>(size)};
}

void Database::Closer::operator()(sqlite3* database) const {
  sqlite3_close_v2(database);
}

tl::expected<Database, Problem> Database::open(const std::filesystem::path& path, OpenMode mode) {
  sqlite3* handle = nullptr;
  const int result =
      sqlite3_open_v2(file_uri(path, mode).c_str(), &handle,
                      SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  Database database(handle);
  if (result != SQLITE_OK) {
    return tl::unexpected(sqlite_problem(handle, "cannot open the database"));
  }
  // The file comes from someone else: its schema may not run functions or change anything
  // (https://sqlite.org/security.html, "untrusted database files").
  sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  return database;
}

tl::expected<Statement, Problem> Database::prepare(std::string_view sql) const {
  sqlite3_stmt* statement = nullptr;
  const int result =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  Statement prepared(db_.get(), statement);
  if (result != SQLITE_OK) {
    return tl::unexpected(sqlite_problem(db_.get(), "cannot query the database"));
  }
  return prepared;
}

tl::expected<std::set<std::string>, Problem> Database::tables() const {
  auto statement = prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  if (!statement) {
    return tl::unexpected(statement.error());
  }
  return first_column(*statement);
}

tl::expected<std::set<std::string>, Problem> Database::columns(std::string_view table) const {
  // The table name goes in as an SQL string literal, its quotes doubled.
  std::string quoted;
  for (const char c : table) {
    quoted += c;
    if (c == '\'') {
      quoted += c;
    }
  }
  auto statement = prepare(fmt::format("SELECT name FROM pragma_table_info('{}')", quoted));
  if (!statement) {
    return tl::unexpected(statement.error());
  }
  return first_column(*statement);
}

bool has_sqlite_magic(std::string_view first_bytes) {
  return first_bytes.starts_with(std::string_view("SQLite format 3\0", 16));
}

}  // namespace waudit::input

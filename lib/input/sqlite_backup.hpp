// SQLite access for the databases of phone backups (msgstore.db, wa.db, ChatStorage.sqlite):
// opened read-only, queried with prepared statements that hand out one row at a time, so memory
// does not grow with the database. sqlite_backup.cpp is the only file that includes
// <sqlite3.h>; the readers above it see Database and Statement only.
#pragma once

#include "diagnostics.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace waudit::input {

// How a database file is opened. Neither mode ever writes the file itself.
enum class OpenMode {
  // The file is evidence and has no -wal beside it: no locks are taken and no -wal, -shm or
  // -journal file is read or created (SQLite's `immutable=1`).
  immutable,
  // A private copy whose -wal must be read: SQLite creates a -shm beside the copy.
  read_only,
};

// One prepared query. Column values are valid until the next step().
class Statement {
 public:
  // Advances to the next row: true when there is one, false at the end.
  [[nodiscard]] tl::expected<bool, Problem> step();

  // Starts the query again from its first row, with `texts` as its parameters ?1, ?2, ...;
  // the views must stay valid until the next restart.
  [[nodiscard]] tl::expected<void, Problem> restart(std::initializer_list<std::string_view> texts);

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  // The bytes as stored, not validated as UTF-8 (invalid text is kept byte-exact); empty for
  // NULL. A number is given in SQLite's text form.
  std::string_view bytes(int column) const;

 private:
  friend class Database;

  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };

  Statement(sqlite3* database, sqlite3_stmt* statement) : database_(database), stmt_(statement) {}

  sqlite3* database_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

class Database {
 public:
  // Opens `path` read-only in `mode`; fails when it is no SQLite database.
  [[nodiscard]] static tl::expected<Database, Problem> open(const std::filesystem::path& path,
                                                            OpenMode mode);

  [[nodiscard]] tl::expected<Statement, Problem> prepare(std::string_view sql) const;

  // Names of the tables (not views) in the schema; fails on a damaged or foreign file.
  [[nodiscard]] tl::expected<std::set<std::string>, Problem> tables() const;

  // Names of the columns of `table`; empty when there is no such table.
  [[nodiscard]] tl::expected<std::set<std::string>, Problem> columns(std::string_view table) const;

 private:
  struct Closer {
    void operator()(sqlite3* database) const;
  };

  explicit Database(sqlite3* database) : db_(database) {}

  std::unique_ptr<sqlite3, Closer> db_;
};

// Whether `first_bytes` start with the 16-byte header of an SQLite 3 database file.
bool has_sqlite_magic(std::string_view first_bytes);

}  // namespace waudit::input

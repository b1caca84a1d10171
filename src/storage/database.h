#pragma once
// Database: one connection to an SQL engine, behind which SQLite and PostgreSQL look alike.
// SQL is written once, in the subset both engines share, with parameters as $1, $2, ...
// (SQLite binds "$N" by name; PostgreSQL natively). Values cross the boundary as SqlValue;
// PostgreSQL returns text for every column, so QueryResult's accessors convert on read.
//
// Thread-safety: a Database is used by one thread at a time (ConnectionPool hands them out).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace sg {

enum class Dialect { kSqlite, kPostgres };

// NULL, integer, real or text. Dates and timestamps travel as text (YYYY-MM-DD,
// YYYY-MM-DDTHH:MM:SSZ); booleans as 0/1 integers.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

class QueryResult {
 public:
  QueryResult() = default;
  QueryResult(std::vector<std::string> columns, std::vector<std::vector<SqlValue>> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<SqlValue>& row(size_t r) const { return rows_[r]; }

  bool IsNull(size_t r, size_t c) const;
  // REQUIRES: the value is not NULL. Integers stored as text (PostgreSQL) are parsed.
  std::int64_t Int(size_t r, size_t c) const;
  double Real(size_t r, size_t c) const;
  std::string Text(size_t r, size_t c) const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<SqlValue>> rows_;
};

// One row of a streaming query (Database::QueryEach), valid only inside the callback.
// Column numbers are 0-based; Text is empty and Int/Real 0 for NULL.
class RowView {
 public:
  virtual ~RowView() = default;
  virtual bool IsNull(int c) const = 0;
  virtual std::int64_t Int(int c) const = 0;
  virtual double Real(int c) const = 0;
  virtual std::string_view Text(int c) const = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // A human description, e.g. "SQLite 3.40.1" or "PostgreSQL 15.18".
  virtual std::string ServerVersion() = 0;

  // Runs one statement. Constraint violations come back as kAlreadyExists (unique) or
  // kInvalidArgument (foreign key / check); connection failures as kUnavailable.
  virtual Status Execute(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  virtual Result<QueryResult> Query(std::string_view sql,
                                    std::span<const SqlValue> params = {}) = 0;
  // Runs a query and hands each row to `fn` as it is read, without holding the result (bulk
  // reads of whole tables). The default reads through Query; SQLite streams.
  virtual Status QueryEach(std::string_view sql, std::span<const SqlValue> params,
                           const std::function<void(const RowView&)>& fn);
  // Runs several ';'-separated statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
};

// Opens a connection from a store location: an SQLite file path, or a postgresql:// (or
// postgres://) URL.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& location);

bool IsPostgresUrl(std::string_view location);

// Runs `fn` in a transaction: commits when it returns OK, rolls back otherwise (and on
// exceptions, which are rethrown).
Status InTransaction(Database& db, const std::function<Status()>& fn);

}  // namespace sg

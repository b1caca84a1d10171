#include "storage/database.h"

#include <charconv>
#include <cstdlib>

#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace sg {

bool QueryResult::IsNull(size_t r, size_t c) const {
  return std::holds_alternative<std::monostate>(rows_[r][c]);
}

std::int64_t QueryResult::Int(size_t r, size_t c) const {
  const SqlValue& v = rows_[r][c];
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double QueryResult::Real(size_t r, size_t c) const {
  const SqlValue& v = rows_[r][c];
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string QueryResult::Text(size_t r, size_t c) const {
  const SqlValue& v = rows_[r][c];
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

bool IsPostgresUrl(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& location) {
  if (IsPostgresUrl(location)) return OpenPostgres(location);
  return OpenSqlite(location);
}

namespace {
class ResultRow final : public RowView {
 public:
  ResultRow(const QueryResult& r, size_t row) : r_(r), row_(row) {}
  bool IsNull(int c) const override { return r_.IsNull(row_, static_cast<size_t>(c)); }
  std::int64_t Int(int c) const override {
    return IsNull(c) ? 0 : r_.Int(row_, static_cast<size_t>(c));
  }
  double Real(int c) const override {
    return IsNull(c) ? 0 : r_.Real(row_, static_cast<size_t>(c));
  }
  std::string_view Text(int c) const override {
    if (IsNull(c)) return {};
    const SqlValue& v = r_.row(row_)[static_cast<size_t>(c)];
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    text_ = r_.Text(row_, static_cast<size_t>(c));
    return text_;
  }

 private:
  const QueryResult& r_;
  size_t row_;
  mutable std::string text_;
};
}  // namespace

Status Database::QueryEach(std::string_view sql, std::span<const SqlValue> params,
                           const std::function<void(const RowView&)>& fn) {
  SG_ASSIGN_OR_RETURN(QueryResult r, Query(sql, params));
  for (size_t i = 0; i < r.size(); ++i) fn(ResultRow(r, i));
  return Status::Ok();
}

Status InTransaction(Database& db, const std::function<Status()>& fn) {
  SG_RETURN_IF_ERROR(db.Begin());
  Status s;
  try {
    s = fn();
  } catch (...) {
    (void)db.Rollback();
    throw;
  }
  if (!s.ok()) {
    (void)db.Rollback();
    return s;
  }
  return db.Commit();
}

}  // namespace sg

#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <string_view>
#include <unordered_map>

#include "common/json_writer.h"

namespace sg {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

Status MapError(PGconn* conn, const PGresult* res, std::string_view what) {
  std::string msg = std::string(what) + ": ";
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  msg += primary ? primary : PQerrorMessage(conn);
  if (PQstatus(conn) != CONNECTION_OK) return Status(StatusCode::kUnavailable, msg);
  const std::string_view code = state ? state : "";
  if (code == "23505") return Status(StatusCode::kAlreadyExists, msg);
  if (code.rfind("23", 0) == 0 || code.rfind("22", 0) == 0) return InvalidArgument(msg);
  if (code == "40001" || code == "40P01") return Status(StatusCode::kConflict, msg);
  if (code.rfind("08", 0) == 0 || code.rfind("57", 0) == 0) {
    return Status(StatusCode::kUnavailable, msg);
  }
  return IoError(msg);
}

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(PGconn* conn) : conn_(conn) {}
  ~PostgresDatabase() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  std::string ServerVersion() override {
    auto r = Query("SHOW server_version", {});
    if (!r.ok() || r->empty()) return "PostgreSQL (version unknown)";
    return "PostgreSQL " + r->Text(0, 0);
  }

  Status Execute(std::string_view sql, std::span<const SqlValue> params) override {
    return Run(sql, params, nullptr);
  }

  Result<QueryResult> Query(std::string_view sql, std::span<const SqlValue> params) override {
    QueryResult out;
    Status s = Run(sql, params, &out);
    if (!s.ok()) return s;
    return out;
  }

  Status ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    PgResult res(PQexec(conn_, text.c_str()));
    const auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return MapError(conn_, res.get(), "PostgreSQL script failed");
    }
    return Status::Ok();
  }

  Status Begin() override { return Execute("BEGIN", {}); }
  Status Commit() override { return Execute("COMMIT", {}); }
  Status Rollback() override { return Execute("ROLLBACK", {}); }

 private:
  Result<const std::string*> Prepare(std::string_view sql) {
    auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return &it->second;
    std::string name = "sg" + std::to_string(prepared_.size() + 1);
    const std::string text(sql);
    PgResult res(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return MapError(conn_, res.get(), "PostgreSQL prepare failed");
    }
    auto [pos, inserted] = prepared_.emplace(text, std::move(name));
    return &pos->second;
  }

  Status Run(std::string_view sql, std::span<const SqlValue> params, QueryResult* out) {
    // BEGIN/COMMIT/ROLLBACK are not worth preparing.
    const bool simple = params.empty() && (sql == "BEGIN" || sql == "COMMIT" || sql == "ROLLBACK");
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        texts[i] = FormatDouble(*d);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    PgResult res;
    if (simple) {
      res.reset(PQexec(conn_, std::string(sql).c_str()));
    } else {
      SG_ASSIGN_OR_RETURN(const std::string* name, Prepare(sql));
      res.reset(PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), values.data(),
                               nullptr, nullptr, 0));
    }
    const auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return MapError(conn_, res.get(), "PostgreSQL statement failed");
    }
    if (!out) return Status::Ok();
    const int nrows = PQntuples(res.get());
    const int ncols = PQnfields(res.get());
    std::vector<std::string> columns;
    columns.reserve(static_cast<size_t>(ncols));
    for (int c = 0; c < ncols; ++c) columns.emplace_back(PQfname(res.get(), c));
    std::vector<std::vector<SqlValue>> rows(static_cast<size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      auto& row = rows[static_cast<size_t>(r)];
      row.resize(static_cast<size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(res.get(), r, c)) continue;
        row[static_cast<size_t>(c)] = std::string(
            PQgetvalue(res.get(), r, c), static_cast<size_t>(PQgetlength(res.get(), r, c)));
      }
    }
    *out = QueryResult(std::move(columns), std::move(rows));
    return Status::Ok();
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) return Status(StatusCode::kUnavailable, "cannot allocate a PostgreSQL connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    PQfinish(conn);
    // The URL may hold a password: report the failure without it.
    return Status(StatusCode::kUnavailable, "cannot connect to PostgreSQL: " + msg);
  }
  auto db = std::make_unique<PostgresDatabase>(conn);
  SG_RETURN_IF_ERROR(db->ExecuteScript(
      "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_min_messages = warning;"));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace sg

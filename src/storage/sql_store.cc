#include <sodium.h>

#include <mutex>
#include <string_view>
#include <unordered_map>

#include "common/json_writer.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"
#include "storage/store.h"

namespace sg {
namespace {

constexpr std::string_view kMetaColumns =
    "id, version, created_at, created_by, updated_at, updated_by";
constexpr size_t kMetaCount = 6;

// SQL text per entity, built once.
struct EntitySql {
  std::string select;  // SELECT meta, fields FROM table
  std::string insert;  // INSERT ... RETURNING id
  std::string update;  // UPDATE ... WHERE id = $n AND version = $m RETURNING version
};

const EntitySql& SqlFor(const EntityDesc& e) {
  static const auto* cache = [] {
    auto* m = new std::unordered_map<const EntityDesc*, EntitySql>();
    for (const EntityDesc& d : AllEntities()) {
      EntitySql s;
      std::string cols;
      std::string params;
      std::string sets;
      size_t n = 5;  // $1..$5 are the stamp columns
      for (const FieldDesc& f : d.fields) {
        cols += ", " + std::string(f.name);
        ++n;
        params += ", $" + std::to_string(n);
        sets += ", " + std::string(f.name) + " = $" + std::to_string(n - 3);
      }
      s.select = "SELECT " + std::string(kMetaColumns) + cols + " FROM " + std::string(d.table);
      s.insert = "INSERT INTO " + std::string(d.table);
      s.insert += " (version, created_at, created_by, updated_at, updated_by" + cols;
      s.insert += ") VALUES ($1, $2, $3, $4, $5" + params;
      s.insert += ") RETURNING id";
      const size_t nf = d.fields.size();
      s.update = "UPDATE " + std::string(d.table) +
                 " SET version = version + 1, updated_at = $1, updated_by = $2" + sets +
                 " WHERE id = $" + std::to_string(nf + 3) + " AND version = $" +
                 std::to_string(nf + 4) + " RETURNING version";
      m->emplace(&d, std::move(s));
    }
    return m;
  }();
  return cache->at(&e);
}

SqlValue ToSql(const Value& v) {
  struct Visitor {
    SqlValue operator()(std::monostate) const { return {}; }
    SqlValue operator()(const std::string& s) const { return s; }
    SqlValue operator()(std::int64_t i) const { return i; }
    SqlValue operator()(double d) const { return d; }
    SqlValue operator()(bool b) const { return std::int64_t{b ? 1 : 0}; }
    SqlValue operator()(Date d) const { return d.ToString(); }
    SqlValue operator()(Timestamp t) const { return t.ToString(); }
    SqlValue operator()(const CodeSet& set) const { return ValueToText(set); }
  };
  return std::visit(Visitor{}, v);
}

Result<Value> FromSql(const FieldDesc& f, const QueryResult& q, size_t r, size_t c) {
  if (q.IsNull(r, c)) return Value{};
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kCode:
      return Value{q.Text(r, c)};
    case FieldType::kInt:
    case FieldType::kRef:
      return Value{q.Int(r, c)};
    case FieldType::kReal:
      return Value{q.Real(r, c)};
    case FieldType::kBool:
      return Value{q.Int(r, c) != 0};
    case FieldType::kDate: {
      auto d = Date::Parse(q.Text(r, c));
      if (!d.ok()) return Internal("stored " + std::string(f.name) + ": " + d.status().message());
      return Value{*d};
    }
    case FieldType::kTimestamp: {
      auto t = Timestamp::Parse(q.Text(r, c));
      if (!t.ok()) return Internal("stored " + std::string(f.name) + ": " + t.status().message());
      return Value{*t};
    }
    case FieldType::kCodeSet:
      return ParseValue(f, q.Text(r, c));
  }
  return Internal("unhandled field type");
}

Result<Timestamp> StoredTimestamp(const QueryResult& q, size_t r, size_t c) {
  return Timestamp::Parse(q.Text(r, c));
}

Result<Record> RowToRecord(const EntityDesc& e, const QueryResult& q, size_t r) {
  Record rec(e);
  RecordMeta& m = rec.meta();
  m.id = q.Int(r, 0);
  m.version = q.Int(r, 1);
  SG_ASSIGN_OR_RETURN(m.created_at, StoredTimestamp(q, r, 2));
  m.created_by = q.Int(r, 3);
  SG_ASSIGN_OR_RETURN(m.updated_at, StoredTimestamp(q, r, 4));
  m.updated_by = q.Int(r, 5);
  for (size_t i = 0; i < e.fields.size(); ++i) {
    SG_ASSIGN_OR_RETURN(rec.values()[i], FromSql(e.fields[i], q, r, kMetaCount + i));
  }
  return rec;
}

// Names the unique field a duplicate-key error is about, from the engine's message
// ("UNIQUE constraint failed: children.upn" / "... constraint \"children_upn_key\"").
Status DuplicateError(const EntityDesc& e, const Status& s) {
  for (const FieldDesc& f : e.fields) {
    if (!f.unique) continue;
    const std::string needle = std::string(e.table) + "." + std::string(f.name);
    const std::string needle_pg = std::string(e.table) + "_" + std::string(f.name) + "_key";
    if (s.message().find(needle) != std::string::npos ||
        s.message().find(needle_pg) != std::string::npos) {
      return Status(StatusCode::kAlreadyExists,
                    "another " + std::string(e.title) + " already has this " + std::string(f.name),
                    std::string(f.name));
    }
  }
  return Status(StatusCode::kAlreadyExists, "a duplicate " + std::string(e.title));
}

Result<User> RowToUser(const QueryResult& q, size_t r) {
  User u;
  u.id = q.Int(r, 0);
  u.username = q.Text(r, 1);
  u.display_name = q.Text(r, 2);
  if (!q.IsNull(r, 3)) u.password_hash = q.Text(r, 3);
  u.role = q.Text(r, 4);
  if (!q.IsNull(r, 5)) u.worker_id = q.Int(r, 5);
  u.active = q.Int(r, 6) != 0;
  u.must_change_password = q.Int(r, 7) != 0;
  return u;
}

constexpr std::string_view kUserSelect =
    "SELECT id, username, display_name, password_hash, role, worker_id, active, "
    "must_change_password FROM users";

// The text an access-log entry's hash covers: the previous hash, then the entry's fields as a
// JSON array (so no field can run into the next).
std::string AccessCanonical(const AccessEntry& e) {
  JsonWriter w;
  w.BeginArray().Int(e.id).String(e.at.ToString()).Int(e.user_id).String(e.username);
  w.String(e.role).String(e.action).String(e.entity);
  if (e.record_id) {
    w.Int(*e.record_id);
  } else {
    w.Null();
  }
  if (e.child_id) {
    w.Int(*e.child_id);
  } else {
    w.Null();
  }
  w.String(e.reason).String(e.request).EndArray();
  return e.prev_hash + "\n" + w.str();
}

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (unsigned char b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// The hash before the first entry.
constexpr std::string_view kGenesis = "safeguard access log";

constexpr std::string_view kAccessSelect =
    "SELECT id, at, user_id, username, role, action, entity, record_id, child_id, reason, "
    "request, prev_hash, hash FROM access_log";

Result<AccessEntry> RowToAccess(const QueryResult& q, size_t r) {
  AccessEntry e;
  e.id = q.Int(r, 0);
  SG_ASSIGN_OR_RETURN(e.at, StoredTimestamp(q, r, 1));
  e.user_id = q.Int(r, 2);
  e.username = q.Text(r, 3);
  e.role = q.Text(r, 4);
  e.action = q.Text(r, 5);
  e.entity = q.Text(r, 6);
  if (!q.IsNull(r, 7)) e.record_id = q.Int(r, 7);
  if (!q.IsNull(r, 8)) e.child_id = q.Int(r, 8);
  if (!q.IsNull(r, 9)) e.reason = q.Text(r, 9);
  if (!q.IsNull(r, 10)) e.request = q.Text(r, 10);
  e.prev_hash = q.Text(r, 11);
  e.hash = q.Text(r, 12);
  return e;
}

// The Store operations on one connection. Used inside a transaction by SqlStore.
class ConnectionStore final : public Store {
 public:
  ConnectionStore(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Dialect dialect() const override { return db_.dialect(); }
  Result<std::string> BackendVersion() override { return db_.ServerVersion(); }
  Result<int> SchemaVersion() override { return sg::SchemaVersion(db_); }

  Result<Record> Create(Record record, const Actor& actor) override {
    const EntityDesc& e = record.entity();
    const Timestamp now = clock_.Now();
    NormaliseRecord(record);
    SG_RETURN_IF_ERROR(ValidateRecord(record, now));
    SG_RETURN_IF_ERROR(CheckReferences(record));
    std::vector<SqlValue> params = {std::int64_t{1}, now.ToString(), actor.user_id, now.ToString(),
                                    actor.user_id};
    for (const Value& v : record.values()) params.push_back(ToSql(v));
    auto r = db_.Query(SqlFor(e).insert, params);
    if (!r.ok()) {
      if (r.status().code() == StatusCode::kAlreadyExists) return DuplicateError(e, r.status());
      return r.status();
    }
    const Id id = r->Int(0, 0);
    SG_ASSIGN_OR_RETURN(Record stored, Get(e, id));
    SG_RETURN_IF_ERROR(AppendHistory(stored, "create", actor, now));
    return stored;
  }

  Result<Record> Get(const EntityDesc& e, Id id) override {
    const SqlValue params[] = {id};
    SG_ASSIGN_OR_RETURN(QueryResult q, db_.Query(SqlFor(e).select + " WHERE id = $1", params));
    if (q.empty()) {
      return Status(StatusCode::kNotFound,
                    "no " + std::string(e.title) + " with id " + std::to_string(id));
    }
    return RowToRecord(e, q, 0);
  }

  Result<Record> Update(Record record, const Actor& actor) override {
    const EntityDesc& e = record.entity();
    const Timestamp now = clock_.Now();
    NormaliseRecord(record);
    SG_RETURN_IF_ERROR(ValidateRecord(record, now));
    SG_RETURN_IF_ERROR(CheckReferences(record));
    std::vector<SqlValue> params = {now.ToString(), actor.user_id};
    for (const Value& v : record.values()) params.push_back(ToSql(v));
    params.push_back(record.meta().id);
    params.push_back(record.meta().version);
    auto r = db_.Query(SqlFor(e).update, params);
    if (!r.ok()) {
      if (r.status().code() == StatusCode::kAlreadyExists) return DuplicateError(e, r.status());
      return r.status();
    }
    if (r->empty()) {
      SG_ASSIGN_OR_RETURN(Record current, Get(e, record.meta().id));
      return Status(StatusCode::kConflict,
                    std::string(e.title) + " " + std::to_string(current.id()) +
                        " has changed since version " + std::to_string(record.meta().version) +
                        " was read (it is now at version " +
                        std::to_string(current.meta().version) + "): reload and try again",
                    "version");
    }
    SG_ASSIGN_OR_RETURN(Record stored, Get(e, record.meta().id));
    SG_RETURN_IF_ERROR(AppendHistory(stored, "update", actor, now));
    return stored;
  }

  Result<Page> List(const EntityDesc& e, const ListQuery& query) override {
    if (query.limit < 1 || query.limit > 1000) {
      return InvalidArgument("limit must be between 1 and 1000", "limit");
    }
    std::string sql = SqlFor(e).select + " WHERE id > $1";
    std::vector<SqlValue> params = {query.after};
    for (const auto& [field, value] : query.equals) {
      if (field != "id" && e.FieldIndex(field) < 0) {
        return InvalidArgument("no field " + field + " on " + std::string(e.title), field);
      }
      params.push_back(ToSql(value));
      sql += " AND " + field + " = $" + std::to_string(params.size());
    }
    if (!query.in_field.empty()) {
      if (query.in_field != "id" && e.FieldIndex(query.in_field) < 0) {
        return InvalidArgument("no field " + query.in_field + " on " + std::string(e.title),
                               query.in_field);
      }
      if (query.in_ids.empty()) return Page{};
      sql += " AND " + query.in_field + " IN (";
      for (size_t i = 0; i < query.in_ids.size(); ++i) {
        params.push_back(query.in_ids[i]);
        sql += (i ? ", $" : "$") + std::to_string(params.size());
      }
      sql += ")";
    }
    for (const std::string& field : query.is_null) {
      if (e.FieldIndex(field) < 0) {
        return InvalidArgument("no field " + field + " on " + std::string(e.title), field);
      }
      sql += " AND " + field + " IS NULL";
    }
    params.push_back(std::int64_t{query.limit + 1});
    sql += " ORDER BY id LIMIT $" + std::to_string(params.size());
    SG_ASSIGN_OR_RETURN(QueryResult q, db_.Query(sql, params));
    Page page;
    const size_t n = std::min(q.size(), static_cast<size_t>(query.limit));
    page.items.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      SG_ASSIGN_OR_RETURN(Record rec, RowToRecord(e, q, i));
      page.items.push_back(std::move(rec));
    }
    if (q.size() > n) page.next_after = page.items.back().id();
    return page;
  }

  Result<std::int64_t> Count(const EntityDesc& e) override {
    SG_ASSIGN_OR_RETURN(QueryResult q,
                        db_.Query("SELECT COUNT(*) FROM " + std::string(e.table), {}));
    return q.Int(0, 0);
  }

  Result<std::vector<HistoryEntry>> History(const EntityDesc& e, Id id) override {
    const SqlValue params[] = {std::string(e.name), id};
    SG_ASSIGN_OR_RETURN(
        QueryResult q,
        db_.Query("SELECT id, entity, record_id, child_id, version, operation, data, actor_id, at "
                  "FROM record_history WHERE entity = $1 AND record_id = $2 ORDER BY version",
                  params));
    std::vector<HistoryEntry> out;
    for (size_t r = 0; r < q.size(); ++r) {
      HistoryEntry h;
      h.id = q.Int(r, 0);
      h.entity = q.Text(r, 1);
      h.record_id = q.Int(r, 2);
      if (!q.IsNull(r, 3)) h.child_id = q.Int(r, 3);
      h.version = q.Int(r, 4);
      h.operation = q.Text(r, 5);
      h.data = q.Text(r, 6);
      h.actor_id = q.Int(r, 7);
      SG_ASSIGN_OR_RETURN(h.at, StoredTimestamp(q, r, 8));
      out.push_back(std::move(h));
    }
    return out;
  }

  Status Transaction(const std::function<Status(Store&)>&) override {
    return Internal("transactions do not nest");
  }

  Result<User> CreateUser(User u) override {
    if (!FindCode(CodeListId::kRole, u.role)) {
      return InvalidArgument("unknown role \"" + u.role + "\"", "role");
    }
    if (u.username.empty() || u.username.size() > 64) {
      return InvalidArgument("a username is 1 to 64 characters", "username");
    }
    const std::string now = clock_.Now().ToString();
    std::vector<SqlValue> params = {u.username,
                                    u.display_name,
                                    u.password_hash ? SqlValue(*u.password_hash) : SqlValue(),
                                    u.role,
                                    u.worker_id ? SqlValue(*u.worker_id) : SqlValue(),
                                    std::int64_t{u.active ? 1 : 0},
                                    std::int64_t{u.must_change_password ? 1 : 0},
                                    now};
    auto r = db_.Query(
        "INSERT INTO users (username, display_name, password_hash, role, worker_id, active, "
        "must_change_password, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$8) RETURNING id",
        params);
    if (!r.ok()) {
      if (r.status().code() == StatusCode::kAlreadyExists) {
        return Status(StatusCode::kAlreadyExists, "username \"" + u.username + "\" is taken",
                      "username");
      }
      return r.status();
    }
    u.id = r->Int(0, 0);
    return u;
  }

  Result<User> GetUser(Id id) override {
    const SqlValue params[] = {id};
    SG_ASSIGN_OR_RETURN(QueryResult q,
                        db_.Query(std::string(kUserSelect) + " WHERE id = $1", params));
    if (q.empty()) return NotFound("no user with id " + std::to_string(id));
    return RowToUser(q, 0);
  }

  Result<User> FindUserByName(const std::string& username) override {
    const SqlValue params[] = {username};
    SG_ASSIGN_OR_RETURN(QueryResult q,
                        db_.Query(std::string(kUserSelect) + " WHERE username = $1", params));
    if (q.empty()) return NotFound("no user named " + username);
    return RowToUser(q, 0);
  }

  Result<std::vector<User>> ListUsers() override {
    SG_ASSIGN_OR_RETURN(QueryResult q, db_.Query(std::string(kUserSelect) + " ORDER BY id", {}));
    std::vector<User> out;
    for (size_t r = 0; r < q.size(); ++r) {
      SG_ASSIGN_OR_RETURN(User u, RowToUser(q, r));
      out.push_back(std::move(u));
    }
    return out;
  }

  Status SetPassword(Id user_id, const std::string& password_hash) override {
    const SqlValue params[] = {password_hash, clock_.Now().ToString(), user_id};
    SG_ASSIGN_OR_RETURN(
        QueryResult q,
        db_.Query("UPDATE users SET password_hash = $1, must_change_password = 0, updated_at = $2 "
                  "WHERE id = $3 RETURNING id",
                  params));
    if (q.empty()) return NotFound("no user with id " + std::to_string(user_id));
    return Status::Ok();
  }

  Status AppendAccess(std::vector<AccessEntry>& entries) override {
    if (entries.empty()) return Status::Ok();
    // One appender at a time: SQLite's write transaction is already exclusive (BEGIN
    // IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock.
    if (db_.dialect() == Dialect::kPostgres) {
      SG_RETURN_IF_ERROR(db_.Execute("SELECT pg_advisory_xact_lock(7470417)", {}));
    }
    SG_ASSIGN_OR_RETURN(QueryResult last,
                        db_.Query("SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1", {}));
    Id id = last.empty() ? 0 : last.Int(0, 0);
    std::string prev = last.empty() ? std::string(kGenesis) : last.Text(0, 1);
    for (AccessEntry& e : entries) {
      e.id = ++id;
      e.prev_hash = prev;
      e.hash = Sha256Hex(AccessCanonical(e));
      prev = e.hash;
      const SqlValue params[] = {e.id,
                                 e.at.ToString(),
                                 e.user_id,
                                 e.username,
                                 e.role,
                                 e.action,
                                 e.entity,
                                 e.record_id ? SqlValue(*e.record_id) : SqlValue(),
                                 e.child_id ? SqlValue(*e.child_id) : SqlValue(),
                                 e.reason.empty() ? SqlValue() : SqlValue(e.reason),
                                 e.request.empty() ? SqlValue() : SqlValue(e.request),
                                 e.prev_hash,
                                 e.hash};
      SG_RETURN_IF_ERROR(db_.Execute(
          "INSERT INTO access_log (id, at, user_id, username, role, action, entity, record_id, "
          "child_id, reason, request, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
          "$9, $10, $11, $12, $13)",
          params));
    }
    return Status::Ok();
  }

  Result<std::vector<AccessEntry>> ReadAccess(const AccessQuery& query) override {
    std::string sql = std::string(kAccessSelect) + " WHERE id > $1";
    std::vector<SqlValue> params = {query.after};
    if (query.child_id) {
      params.push_back(*query.child_id);
      sql += " AND child_id = $" + std::to_string(params.size());
    }
    if (query.user_id) {
      params.push_back(*query.user_id);
      sql += " AND user_id = $" + std::to_string(params.size());
    }
    const int limit = std::clamp(query.limit, 1, 10000);
    sql += " ORDER BY id LIMIT " + std::to_string(limit);
    SG_ASSIGN_OR_RETURN(QueryResult q, db_.Query(sql, params));
    std::vector<AccessEntry> out;
    for (size_t r = 0; r < q.size(); ++r) {
      SG_ASSIGN_OR_RETURN(AccessEntry e, RowToAccess(q, r));
      out.push_back(std::move(e));
    }
    return out;
  }

  Result<AccessLogCheck> VerifyAccessLog() override {
    AccessLogCheck check;
    std::string prev(kGenesis);
    Id expected = 1;
    Status st;
    Status s =
        db_.QueryEach(std::string(kAccessSelect) + " ORDER BY id", {}, [&](const RowView& row) {
          if (!check.intact) return;
          AccessEntry e;
          e.id = row.Int(0);
          auto at = Timestamp::Parse(row.Text(1));
          if (!at.ok()) {
            st = at.status();
            check.intact = false;
            return;
          }
          e.at = *at;
          e.user_id = row.Int(2);
          e.username = std::string(row.Text(3));
          e.role = std::string(row.Text(4));
          e.action = std::string(row.Text(5));
          e.entity = std::string(row.Text(6));
          if (!row.IsNull(7)) e.record_id = row.Int(7);
          if (!row.IsNull(8)) e.child_id = row.Int(8);
          if (!row.IsNull(9)) e.reason = std::string(row.Text(9));
          if (!row.IsNull(10)) e.request = std::string(row.Text(10));
          e.prev_hash = std::string(row.Text(11));
          const std::string hash(row.Text(12));
          ++check.entries;
          if (e.id != expected) {
            check.intact = false;
            check.first_bad = e.id;
            check.problem = "entry " + std::to_string(expected) + " is missing";
          } else if (e.prev_hash != prev) {
            check.intact = false;
            check.first_bad = e.id;
            check.problem = "entry " + std::to_string(e.id) + " does not follow the entry before";
          } else if (Sha256Hex(AccessCanonical(e)) != hash) {
            check.intact = false;
            check.first_bad = e.id;
            check.problem = "entry " + std::to_string(e.id) + " was changed after it was written";
          }
          prev = hash;
          ++expected;
        });
    SG_RETURN_IF_ERROR(s);
    SG_RETURN_IF_ERROR(st);
    return check;
  }

  Status CreateSession(const Session& s) override {
    const SqlValue params[] = {s.token_hash, s.user_id, s.created_at.ToString(),
                               s.last_seen_at.ToString(), s.expires_at.ToString()};
    return db_.Execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        params);
  }

  Result<Session> FindSession(const std::string& token_hash) override {
    const SqlValue params[] = {token_hash};
    SG_ASSIGN_OR_RETURN(QueryResult q,
                        db_.Query("SELECT id, token_hash, user_id, created_at, last_seen_at, "
                                  "expires_at FROM sessions WHERE token_hash = $1",
                                  params));
    if (q.empty()) return Status(StatusCode::kUnauthenticated, "no such session");
    Session s;
    s.id = q.Int(0, 0);
    s.token_hash = q.Text(0, 1);
    s.user_id = q.Int(0, 2);
    SG_ASSIGN_OR_RETURN(s.created_at, StoredTimestamp(q, 0, 3));
    SG_ASSIGN_OR_RETURN(s.last_seen_at, StoredTimestamp(q, 0, 4));
    SG_ASSIGN_OR_RETURN(s.expires_at, StoredTimestamp(q, 0, 5));
    return s;
  }

  Status TouchSession(const std::string& token_hash, Timestamp now) override {
    const SqlValue params[] = {now.ToString(), token_hash};
    return db_.Execute("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", params);
  }

  Status DeleteSession(const std::string& token_hash) override {
    const SqlValue params[] = {token_hash};
    return db_.Execute("DELETE FROM sessions WHERE token_hash = $1", params);
  }

 private:
  // Every reference must name an existing record; a reference to a record of another child's
  // record (an assessment of child A on a referral of child B) is refused.
  Status CheckReferences(const Record& record) {
    const EntityDesc& e = record.entity();
    const bool has_child = e.ChildField() == "child_id";
    const Value* child = has_child ? &record.Get("child_id") : nullptr;
    for (size_t i = 0; i < e.fields.size(); ++i) {
      const FieldDesc& f = e.fields[i];
      if (f.type != FieldType::kRef || IsNull(record.values()[i])) continue;
      const EntityDesc* target = FindEntity(f.ref_entity);
      if (!target) return Internal("unknown entity " + std::string(f.ref_entity));
      const Id ref = std::get<std::int64_t>(record.values()[i]);
      const bool same_child =
          has_child && f.name != "child_id" && target->ChildField() == "child_id";
      const std::string cols = same_child ? "child_id" : "id";
      const SqlValue params[] = {ref};
      SG_ASSIGN_OR_RETURN(
          QueryResult q,
          db_.Query("SELECT " + cols + " FROM " + std::string(target->table) + " WHERE id = $1",
                    params));
      if (q.empty()) {
        return InvalidArgument(
            "no " + std::string(target->title) + " with id " + std::to_string(ref),
            std::string(f.name));
      }
      if (same_child && child && !IsNull(*child) && q.Int(0, 0) != std::get<std::int64_t>(*child)) {
        return InvalidArgument(
            std::string(target->title) + " " + std::to_string(ref) + " belongs to another child",
            std::string(f.name));
      }
    }
    return Status::Ok();
  }

  Status AppendHistory(const Record& r, std::string_view op, const Actor& actor, Timestamp now) {
    const std::string_view child_field = r.entity().ChildField();
    SqlValue child;
    if (child_field == "id") {
      child = r.id();
    } else if (!child_field.empty() && !IsNull(r.Get(child_field))) {
      child = std::get<std::int64_t>(r.Get(child_field));
    }
    const SqlValue params[] = {std::string(r.entity().name),
                               r.id(),
                               child,
                               r.meta().version,
                               std::string(op),
                               RecordToJson(r),
                               actor.user_id,
                               now.ToString()};
    return db_.Execute(
        "INSERT INTO record_history (entity, record_id, child_id, version, operation, data, "
        "actor_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        params);
  }

  Database& db_;
  const Clock& clock_;
};

// The thread-safe Store: each operation takes a connection from the pool; writes run in
// their own transaction.
class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<ConnectionPool> pool, Dialect dialect, const Clock& clock)
      : pool_(std::move(pool)), dialect_(dialect), clock_(clock) {}

  Dialect dialect() const override { return dialect_; }

  Result<std::string> BackendVersion() override {
    return Read<std::string>([](Store& s) { return s.BackendVersion(); });
  }
  Result<int> SchemaVersion() override {
    return Read<int>([](Store& s) { return s.SchemaVersion(); });
  }
  Result<Record> Create(Record record, const Actor& actor) override {
    return Write<Record>([&](Store& s) { return s.Create(std::move(record), actor); });
  }
  Result<Record> Get(const EntityDesc& e, Id id) override {
    return Read<Record>([&](Store& s) { return s.Get(e, id); });
  }
  Result<Record> Update(Record record, const Actor& actor) override {
    return Write<Record>([&](Store& s) { return s.Update(std::move(record), actor); });
  }
  Result<Page> List(const EntityDesc& e, const ListQuery& query) override {
    return Read<Page>([&](Store& s) { return s.List(e, query); });
  }
  Result<std::int64_t> Count(const EntityDesc& e) override {
    return Read<std::int64_t>([&](Store& s) { return s.Count(e); });
  }
  Result<std::vector<HistoryEntry>> History(const EntityDesc& e, Id id) override {
    return Read<std::vector<HistoryEntry>>([&](Store& s) { return s.History(e, id); });
  }

  Status Transaction(const std::function<Status(Store&)>& fn) override {
    SG_ASSIGN_OR_RETURN(ConnectionPool::Handle conn, pool_->Acquire());
    ConnectionStore tx(*conn, clock_);
    Status s = InTransaction(*conn, [&] { return fn(tx); });
    if (s.code() == StatusCode::kUnavailable) conn.Discard();
    return s;
  }

  Result<User> CreateUser(User user) override {
    return Write<User>([&](Store& s) { return s.CreateUser(std::move(user)); });
  }
  Status AppendAccess(std::vector<AccessEntry>& entries) override {
    return Transaction([&](Store& s) { return s.AppendAccess(entries); });
  }
  Result<std::vector<AccessEntry>> ReadAccess(const AccessQuery& query) override {
    return Read<std::vector<AccessEntry>>([&](Store& s) { return s.ReadAccess(query); });
  }
  Result<AccessLogCheck> VerifyAccessLog() override {
    return Read<AccessLogCheck>([&](Store& s) { return s.VerifyAccessLog(); });
  }
  Result<User> GetUser(Id id) override {
    return Read<User>([&](Store& s) { return s.GetUser(id); });
  }
  Result<User> FindUserByName(const std::string& username) override {
    return Read<User>([&](Store& s) { return s.FindUserByName(username); });
  }
  Result<std::vector<User>> ListUsers() override {
    return Read<std::vector<User>>([](Store& s) { return s.ListUsers(); });
  }
  Status SetPassword(Id user_id, const std::string& hash) override {
    return Transaction([&](Store& s) { return s.SetPassword(user_id, hash); });
  }
  Status CreateSession(const Session& session) override {
    return Transaction([&](Store& s) { return s.CreateSession(session); });
  }
  Result<Session> FindSession(const std::string& token_hash) override {
    return Read<Session>([&](Store& s) { return s.FindSession(token_hash); });
  }
  Status TouchSession(const std::string& token_hash, Timestamp now) override {
    return Transaction([&](Store& s) { return s.TouchSession(token_hash, now); });
  }
  Status DeleteSession(const std::string& token_hash) override {
    return Transaction([&](Store& s) { return s.DeleteSession(token_hash); });
  }

 private:
  template <typename T, typename Fn>
  Result<T> Read(Fn&& fn) {
    SG_ASSIGN_OR_RETURN(ConnectionPool::Handle conn, pool_->Acquire());
    ConnectionStore store(*conn, clock_);
    Result<T> r = fn(store);
    if (!r.ok() && r.status().code() == StatusCode::kUnavailable) conn.Discard();
    return r;
  }

  template <typename T, typename Fn>
  Result<T> Write(Fn&& fn) {
    std::optional<T> out;
    Status s = Transaction([&](Store& tx) -> Status {
      Result<T> r = fn(tx);
      if (!r.ok()) return r.status();
      out.emplace(std::move(r).value());
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return std::move(*out);
  }

  std::unique_ptr<ConnectionPool> pool_;
  Dialect dialect_;
  const Clock& clock_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& location, const Clock& clock,
                                         size_t connections) {
  // Open one connection now so that a bad location fails here, with its own message.
  SG_ASSIGN_OR_RETURN(std::unique_ptr<Database> probe, OpenDatabase(location));
  const Dialect dialect = probe->dialect();
  probe.reset();
  auto pool = std::make_unique<ConnectionPool>([location]() { return OpenDatabase(location); },
                                               connections);
  return std::unique_ptr<Store>(new SqlStore(std::move(pool), dialect, clock));
}

Result<std::unique_ptr<Store>> OpenAndMigrate(const std::string& location, const Clock& clock,
                                              size_t connections) {
  {
    SG_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, OpenDatabase(location));
    SG_ASSIGN_OR_RETURN(int applied, Migrate(*db, clock.Now()));
    (void)applied;
  }
  return OpenStore(location, clock, connections);
}

}  // namespace sg

#pragma once
// Store: the record of the child's journey, user accounts and sessions, whatever engine holds
// them. Every create and update of a record is validated (field types, code lists, cross-field
// rules, references to existing records, unique identifiers), stamped with the acting user and
// the time, and appended to the record's history in the same transaction. Records are never
// deleted through the Store: the history is append-only.
//
// Thread-safety: a Store from OpenStore is safe to share between threads. The Store passed to a
// Transaction callback belongs to that callback's thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/record.h"
#include "storage/database.h"

namespace sg {

// Who is acting: a user id (1 is the system account used by command-line actions).
struct Actor {
  Id user_id = 1;
};

struct ListQuery {
  // field name -> value: records whose field equals the value.
  std::vector<std::pair<std::string, Value>> equals;
  // field names: records whose field is empty (NULL).
  std::vector<std::string> is_null;
  // Records whose `in_field` is one of `in_ids` (ignored when in_field is empty).
  std::string in_field;
  std::vector<Id> in_ids;
  Id after = 0;    // cursor: only records with id > after
  int limit = 50;  // 1..1000
};

struct Page {
  std::vector<Record> items;
  std::optional<Id> next_after;  // pass as `after` for the next page
};

struct HistoryEntry {
  Id id = 0;
  std::string entity;
  Id record_id = 0;
  std::optional<Id> child_id;
  std::int64_t version = 0;
  std::string operation;  // "create" or "update"
  std::string data;       // the record's JSON after the change
  Id actor_id = 0;
  Timestamp at;
};

struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  std::string role;  // a kRole code
  std::optional<std::string> password_hash;
  std::optional<Id> worker_id;
  bool active = true;
  bool must_change_password = false;
};

struct Session {
  Id id = 0;
  std::string token_hash;
  Id user_id = 0;
  Timestamp created_at;
  Timestamp last_seen_at;
  Timestamp expires_at;
};

// One entry of the access log: who read or changed which part of a child's record, when, and
// why when it was a break-glass look. The log is append-only and hash-chained: each entry's hash
// is SHA-256 over the previous entry's hash and this entry's fields, so that a changed, removed or
// reordered entry breaks the chain from there on (VerifyAccessLog finds where).
struct AccessEntry {
  Id id = 0;  // set by the store
  Timestamp at;
  Id user_id = 0;
  std::string username;
  std::string role;
  std::string action;  // read, list, create, update, history, search, caseload, break_glass, ...
  std::string entity;  // "child", "visit", ... or what was looked at ("caseload", "search")
  std::optional<Id> record_id;
  std::optional<Id> child_id;
  std::string reason;   // break-glass: the reason given
  std::string request;  // "GET /api/children/{id}/record": the route, never its values
  std::string prev_hash;
  std::string hash;
};

struct AccessQuery {
  std::optional<Id> child_id;
  std::optional<Id> user_id;
  Id after = 0;     // entries with id > after
  int limit = 100;  // 1..10000
};

// What VerifyAccessLog found.
struct AccessLogCheck {
  std::int64_t entries = 0;
  bool intact = true;
  Id first_bad = 0;  // the first entry whose hash or link does not match
  std::string problem;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Dialect dialect() const = 0;
  // "SQLite 3.40.1" / "PostgreSQL 15.18".
  virtual Result<std::string> BackendVersion() = 0;
  virtual Result<int> SchemaVersion() = 0;

  // Creates `record` (its meta is ignored and filled in). Returns the stored record.
  virtual Result<Record> Create(Record record, const Actor& actor) = 0;
  virtual Result<Record> Get(const EntityDesc& entity, Id id) = 0;
  // Replaces the fields of the record with id record.meta().id, provided its stored version is
  // record.meta().version (else kConflict). Returns the stored record, version + 1.
  virtual Result<Record> Update(Record record, const Actor& actor) = 0;
  virtual Result<Page> List(const EntityDesc& entity, const ListQuery& query) = 0;
  virtual Result<std::int64_t> Count(const EntityDesc& entity) = 0;
  // Every version of one record, oldest first.
  virtual Result<std::vector<HistoryEntry>> History(const EntityDesc& entity, Id id) = 0;

  // Runs `fn` with a Store whose every operation is part of one transaction: committed when fn
  // returns OK, rolled back otherwise. REQUIRES: not nested.
  virtual Status Transaction(const std::function<Status(Store& tx)>& fn) = 0;

  virtual Result<User> CreateUser(User user) = 0;
  virtual Result<User> GetUser(Id id) = 0;
  virtual Result<User> FindUserByName(const std::string& username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Status SetPassword(Id user_id, const std::string& password_hash) = 0;

  // The access log. AppendAccess writes the entries in one transaction, chained after the last
  // entry (appends are serialised: one at a time across processes); it fills each entry's id
  // and hashes. Entries are read oldest first.
  virtual Status AppendAccess(std::vector<AccessEntry>& entries) = 0;
  virtual Result<std::vector<AccessEntry>> ReadAccess(const AccessQuery& query) = 0;
  // Walks the whole chain.
  virtual Result<AccessLogCheck> VerifyAccessLog() = 0;

  virtual Status CreateSession(const Session& session) = 0;
  virtual Result<Session> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, Timestamp now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
};

// Opens the store at `location` (SQLite path or postgresql:// URL) with up to `connections`
// connections, using `clock` for every stamp. The clock must outlive the store. Does not
// migrate: call Migrate (or `safeguard migrate`) first.
Result<std::unique_ptr<Store>> OpenStore(const std::string& location, const Clock& clock,
                                         size_t connections = 8);

// Opens the store and applies pending migrations.
Result<std::unique_ptr<Store>> OpenAndMigrate(const std::string& location, const Clock& clock,
                                              size_t connections = 8);

}  // namespace sg

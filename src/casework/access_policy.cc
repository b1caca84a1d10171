#include "casework/access_policy.h"

#include <algorithm>
#include <map>

#include "storage/loaded_records.h"

namespace sg {
namespace {

bool OpenOn(const Record& r, const char* start, const char* end, Date day) {
  const auto s = DateOf(r, start);
  const auto e = DateOf(r, end);
  return (!s || *s <= day) && (!e || *e >= day);
}

Result<std::vector<Record>> OfChildren(Store& store, const char* entity, const char* field,
                                       const std::vector<Id>& ids) {
  ListQuery q;
  q.in_field = field;
  q.in_ids = ids;
  q.limit = 1000;
  return ListAll(store, Entity(entity), q);
}

}  // namespace

bool AccessPolicy::SeesAll(const User& user) {
  return user.role == "ADMIN" || user.role == "SENIOR_LEADER" || user.role == "AUDITOR" ||
         user.role == "ANALYST";
}

Result<std::optional<Id>> AccessPolicy::TeamOf(const User& user) {
  if (!user.worker_id) return std::optional<Id>();
  SG_ASSIGN_OR_RETURN(Record w, store_.Get(Entity("worker"), *user.worker_id));
  const Id team = w.GetInt("team_id");
  return team ? std::optional<Id>(team) : std::nullopt;
}

Result<std::vector<Id>> AccessPolicy::Filter(const User& user, const std::vector<Id>& children,
                                             bool every_unrestricted) {
  if (children.empty() || user.role == "SCRUTINY_MEMBER") return std::vector<Id>{};
  const Timestamp now = clock_.Now();
  const Date today = now.UkDate();
  std::vector<Id> ids = children;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  // Restricted children: only the people named on them.
  SG_ASSIGN_OR_RETURN(std::vector<Record> rows, OfChildren(store_, "child", "id", ids));
  std::map<Id, const Record*> child;
  std::vector<Id> restricted;
  for (const Record& c : rows) {
    child[c.id()] = &c;
    if (c.GetBool("restricted")) restricted.push_back(c.id());
  }
  std::set<Id> named;
  if (!restricted.empty()) {
    SG_ASSIGN_OR_RETURN(std::vector<Record> access,
                        OfChildren(store_, "restricted_access", "child_id", restricted));
    for (const Record& a : access) {
      if (a.GetInt("user_id") != user.id) continue;
      const auto end = DateOf(a, "end_date");
      if (!end || *end >= today) named.insert(a.GetInt("child_id"));
    }
  }

  // The relationship.
  std::set<Id> related;
  if (SeesAll(user) || every_unrestricted) {
    for (Id id : ids) related.insert(id);
  } else if (user.role == "SOCIAL_WORKER" || user.role == "TEAM_MANAGER") {
    SG_ASSIGN_OR_RETURN(std::optional<Id> team, TeamOf(user));
    SG_ASSIGN_OR_RETURN(std::vector<Record> allocations,
                        OfChildren(store_, "allocation", "child_id", ids));
    for (const Record& a : allocations) {
      if (!OpenOn(a, "start_date", "end_date", today)) continue;
      const bool mine = user.worker_id && a.GetInt("worker_id") == *user.worker_id;
      const bool ours = team && a.GetInt("team_id") == *team;
      if (mine || ours) related.insert(a.GetInt("child_id"));
    }
  } else if (user.role == "FRONT_DOOR") {
    const Timestamp since = now.AddSeconds(-std::int64_t{kFrontDoorDays} * 86400);
    SG_ASSIGN_OR_RETURN(std::vector<Record> contacts,
                        OfChildren(store_, "contact", "child_id", ids));
    for (const Record& c : contacts) {
      const auto* at = std::get_if<Timestamp>(&c.Get("received_at"));
      if (at && *at >= since) related.insert(c.GetInt("child_id"));
    }
  } else if (user.role == "IRO") {
    SG_ASSIGN_OR_RETURN(std::vector<Record> plans, OfChildren(store_, "cp_plan", "child_id", ids));
    for (const Record& p : plans) {
      if (OpenOn(p, "start_date", "end_date", today)) related.insert(p.GetInt("child_id"));
    }
    SG_ASSIGN_OR_RETURN(std::vector<Record> episodes,
                        OfChildren(store_, "cla_episode", "child_id", ids));
    for (const Record& e : episodes) {
      if (OpenOn(e, "start_date", "end_date", today)) related.insert(e.GetInt("child_id"));
    }
  }

  // A child the user recorded lately (a new case being set up).
  const Timestamp recent = now.AddSeconds(-std::int64_t{kFrontDoorDays} * 86400);
  for (const auto& [id, c] : child) {
    if (c->meta().created_by == user.id && c->meta().created_at >= recent) related.insert(id);
  }

  // Break-glass grants still running.
  ListQuery mine;
  mine.equals = {{"user_id", Value(user.id)}};
  mine.limit = 1000;
  SG_ASSIGN_OR_RETURN(std::vector<Record> grants, ListAll(store_, Entity("break_glass"), mine));
  for (const Record& g : grants) {
    const auto* until = std::get_if<Timestamp>(&g.Get("expires_at"));
    if (until && *until > now) related.insert(g.GetInt("child_id"));
  }

  std::vector<Id> out;
  for (Id id : children) {
    auto c = child.find(id);
    if (c == child.end()) continue;
    const bool is_restricted = c->second->GetBool("restricted");
    if (is_restricted ? named.count(id) > 0 : related.count(id) > 0) out.push_back(id);
  }
  return out;
}

Status AccessPolicy::CheckChild(const User& user, Id child) {
  const std::string absent = "no child with id " + std::to_string(child);
  auto rec = store_.Get(Entity("child"), child);
  if (!rec.ok()) return rec.status();
  if (user.role == "SCRUTINY_MEMBER") {
    if (rec->GetBool("restricted")) return NotFound(absent);
    return Status(StatusCode::kPermissionDenied,
                  "scrutiny members see aggregate figures only, not individual records");
  }
  SG_ASSIGN_OR_RETURN(std::vector<Id> visible, Visible(user, {child}));
  if (!visible.empty()) return Status::Ok();
  if (rec->GetBool("restricted")) return NotFound(absent);
  return Status(StatusCode::kPermissionDenied,
                "this child is not allocated to you or your team; if you need the record, break "
                "the glass with your reason (POST /api/children/" +
                    std::to_string(child) +
                    "/break-glass): the look is logged and your manager reviews it");
}

Status AccessPolicy::CheckNewContact(const User& user, Id child) {
  if (user.role != "FRONT_DOOR") return CheckChild(user, child);
  SG_ASSIGN_OR_RETURN(Record rec, store_.Get(Entity("child"), child));
  if (!rec.GetBool("restricted")) return Status::Ok();
  return CheckChild(user, child);
}

Result<Record> AccessPolicy::BreakGlass(const User& user, Id child, const std::string& reason) {
  if (user.role == "SCRUTINY_MEMBER") {
    return Status(StatusCode::kPermissionDenied,
                  "scrutiny members see aggregate figures only, not individual records");
  }
  SG_ASSIGN_OR_RETURN(Record rec, store_.Get(Entity("child"), child));
  if (rec.GetBool("restricted")) {
    SG_ASSIGN_OR_RETURN(std::vector<Id> visible, Visible(user, {child}));
    if (visible.empty()) return NotFound("no child with id " + std::to_string(child));
  }
  std::string trimmed = reason;
  trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
  if (trimmed.size() < 10) {
    return InvalidArgument("say why you need this child's record (at least 10 characters)",
                           "reason");
  }
  Record grant(Entity("break_glass"));
  grant.Set("child_id", child);
  grant.Set("user_id", user.id);
  grant.Set("reason", trimmed);
  grant.Set("expires_at", clock_.Now().AddSeconds(kBreakGlassSeconds));
  return store_.Create(std::move(grant), Actor{user.id});
}

}  // namespace sg

#include "http/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

#include "http/json_codec.h"
#include "http/openapi.h"
#include "indicators/annex_a.h"
#include "indicators/facts.h"
#include "indicators/output.h"
#include "returns/cin_census.h"
#include "returns/cin_validate.h"
#include "returns/report.h"
#include "returns/ssda903.h"
#include "returns/ssda903_measures.h"
#include "returns/ssda903_validate.h"
#include "storage/database.h"
#include "synth/measure.h"

namespace sg {
namespace {

using nlohmann::json;

constexpr const char* kSessionCookie = "sg_session";

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict:
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

struct Reply {
  int status = 200;
  json body;
  std::string set_cookie;
};

Reply Error(const Status& s) {
  Reply r;
  r.status = HttpStatusFor(s.code());
  if (s.code() == StatusCode::kIoError || s.code() == StatusCode::kInternal) {
    // Do not leak internals (SQL, file paths) to the client; the log has the detail.
    spdlog::error("internal error: {}", s.ToString());
    r.body = ErrorBody(Status(s.code(), "internal error; the server log has the details"));
  } else {
    r.body = ErrorBody(s);
  }
  return r;
}

std::optional<std::string> CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

// "/api/children/12/history" -> "/api/children/{id}/history": paths in logs carry no values.
std::string RouteLabel(const std::string& path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/' && i + 1 < path.size() &&
        std::isdigit(static_cast<unsigned char>(path[i + 1]))) {
      size_t j = i + 1;
      while (j < path.size() && std::isdigit(static_cast<unsigned char>(path[j]))) ++j;
      if (j == path.size() || path[j] == '/') {
        out += "/{id}";
        i = j;
        continue;
      }
    }
    out += path[i++];
  }
  return out;
}

Result<Id> ParseId(const std::string& text) {
  Id id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) {
    return InvalidArgument("expected a record id, got \"" + text + "\"", "id");
  }
  return id;
}

const char kLandingPage[] = R"html(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Safeguard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;line-height:1.5}code{background:#f3f2f1;padding:0 .2rem}
.note{border-left:4px solid #1d70b8;padding:.5rem 1rem;background:#f3f8fc}</style></head>
<body><h1>Safeguard</h1>
<p class="note">All data in this demo is synthetic: no real child, family or worker is in it.</p>
<p>Safeguard records a child's journey through children's social care, from the first contact to
leaving care. The browser application is being built; today the case record is served as a
JSON API, described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>Log in with <code>POST /api/login</code> and a JSON body
<code>{"username": "social.worker", "password": "safeguard-demo"}</code>; the session cookie it
sets authorises the other calls. <a href="/healthz">/healthz</a> reports the server's health.</p>
</body></html>
)html";

}  // namespace

class Server::Impl {
 public:
  Impl(Store& store, Auth& auth, ServerOptions options)
      : store_(store), auth_(auth), options_(std::move(options)) {
    openapi_ = BuildOpenApi().dump();
    Routes();
  }

  Result<int> Bind() {
    const int port = options_.port == 0
                         ? svr_.bind_to_any_port(options_.host)
                         : (svr_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port < 0) {
      return IoError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                     " (is another program using the port?)");
    }
    return port;
  }

  Status Run() {
    if (!svr_.listen_after_bind()) return IoError("the server stopped with an error");
    return Status::Ok();
  }

  void Stop() { svr_.stop(); }

 private:
  using Handler = std::function<Reply(const httplib::Request&, const User*)>;

  // Whether a route needs a logged-in user.
  enum class Gate { kPublic, kUser };

  void Routes() {
    const int threads = options_.threads;
    svr_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr_.set_payload_max_length(options_.max_body_bytes);
    svr_.set_read_timeout(30, 0);
    svr_.set_write_timeout(30, 0);
    svr_.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, const std::exception_ptr& ep) {
          std::string what = "unknown exception";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          spdlog::error("unhandled exception on {} {}: {}", req.method, RouteLabel(req.path), what);
          res.status = 500;
          res.set_content(ErrorBody(Status(StatusCode::kInternal, "internal error")).dump(),
                          "application/json");
        });
    // Errors httplib produces itself (413 for an oversized body, 404 for unknown paths) get
    // the same JSON body as ours.
    svr_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      Status s;
      if (res.status == 413) {
        s = Status(StatusCode::kResourceExhausted, "the request body is too large");
      } else if (res.status == 404) {
        s = Status(StatusCode::kNotFound,
                   "no such endpoint: " + req.method + " " + RouteLabel(req.path));
      } else {
        s = Status(StatusCode::kInvalidArgument,
                   "the request could not be handled (HTTP " + std::to_string(res.status) + ")");
      }
      res.set_content(ErrorBody(s).dump(), "application/json");
    });
    svr_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      spdlog::info("{} {} {}", req.method, RouteLabel(req.path), res.status);
    });

    svr_.Get("/healthz", Wrap(Gate::kPublic, [this](const auto&, const User*) {
               Reply r;
               auto version = store_.BackendVersion();
               auto schema = store_.SchemaVersion();
               if (!version.ok() || !schema.ok()) {
                 r.status = 503;
                 r.body = {{"status", "unavailable"}};
                 return r;
               }
               r.body = {{"status", "ok"}, {"store", *version}, {"schema_version", *schema}};
               return r;
             }));
    svr_.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kLandingPage, "text/html; charset=utf-8");
    });
    svr_.Get("/api/openapi.json", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi_, "application/json");
    });
    svr_.Post("/api/login",
              Wrap(Gate::kPublic, [this](const auto& req, const User*) { return Login(req); }));
    svr_.Post("/api/logout", Wrap(Gate::kUser, [this](const auto& req, const User*) {
                Reply r;
                if (auto token = CookieValue(req, kSessionCookie)) {
                  Status s = auth_.Logout(*token);
                  if (!s.ok()) return Error(s);
                }
                r.status = 204;
                r.set_cookie =
                    std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
                return r;
              }));
    svr_.Get("/api/me", Wrap(Gate::kUser, [](const auto&, const User* user) {
               Reply r;
               r.body = UserJson(*user);
               return r;
             }));
    svr_.Get("/api/code-lists", Wrap(Gate::kUser, [](const auto&, const User*) {
               Reply r;
               r.body = json::array();
               for (const CodeList& l : AllCodeLists()) r.body.push_back(CodeListJson(l));
               return r;
             }));
    svr_.Get(R"(/api/code-lists/([a-z0-9_]+))", Wrap(Gate::kUser, [](const auto& req, const User*) {
               const CodeList* l = FindCodeListByName(req.matches[1].str());
               if (!l) return Error(NotFound("no code list named " + req.matches[1].str()));
               Reply r;
               r.body = CodeListJson(*l);
               return r;
             }));
    svr_.Get("/api/returns/cin/validate", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return ValidateCin(req, *u);
             }));
    svr_.Get("/api/returns/903/validate", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return Validate903(req, *u);
             }));
    svr_.Get("/api/indicators", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return Indicators(req, *u);
             }));
    svr_.Get("/api/annex-a",
             Wrap(Gate::kUser, [this](const auto& req, const User* u) { return AnnexA(req, *u); }));
    svr_.Get("/api/returns/903/measures", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return Measures903(req, *u);
             }));
    svr_.Get(
        R"(/api/children/(\d+)/record)",
        Wrap(Gate::kUser, [this](const auto& req, const User* u) { return ChildRecord(req, *u); }));
    svr_.Get(R"(/api/([a-z0-9-]+))",
             Wrap(Gate::kUser, [this](const auto& req, const User* u) { return List(req, *u); }));
    svr_.Post(R"(/api/([a-z0-9-]+))", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
                return Create(req, *u);
              }));
    svr_.Get(R"(/api/([a-z0-9-]+)/(\d+))",
             Wrap(Gate::kUser, [this](const auto& req, const User* u) { return GetOne(req, *u); }));
    svr_.Patch(
        R"(/api/([a-z0-9-]+)/(\d+))",
        Wrap(Gate::kUser, [this](const auto& req, const User* u) { return Patch(req, *u); }));
    svr_.Get(
        R"(/api/([a-z0-9-]+)/(\d+)/history)",
        Wrap(Gate::kUser, [this](const auto& req, const User* u) { return History(req, *u); }));
  }

  // Authenticates (when required), enforces JSON on state-changing requests (a CSRF barrier:
  // a cross-site form cannot send application/json), runs the handler and writes the reply.
  httplib::Server::Handler Wrap(Gate mode, const Handler& handler) {
    return [this, mode, handler](const httplib::Request& req, httplib::Response& res) {
      Reply reply;
      std::optional<User> user;
      Status gate;
      if (req.method != "GET" && req.method != "HEAD") {
        const std::string type = req.get_header_value("Content-Type");
        if (type.rfind("application/json", 0) != 0) {
          gate = Status(StatusCode::kInvalidArgument,
                        "state-changing requests must send Content-Type: application/json",
                        "Content-Type");
        }
      }
      if (gate.ok() && mode == Gate::kUser) {
        auto token = CookieValue(req, kSessionCookie);
        if (!token) {
          gate = Status(StatusCode::kUnauthenticated, "log in first (POST /api/login)");
        } else {
          auto u = auth_.Authenticate(*token);
          if (u.ok()) {
            user = std::move(u).value();
          } else {
            gate = u.status();
          }
        }
      }
      reply = gate.ok() ? handler(req, user ? &*user : nullptr) : Error(gate);
      res.status = reply.status;
      if (!reply.set_cookie.empty()) res.set_header("Set-Cookie", reply.set_cookie);
      res.set_header("Cache-Control", "no-store");
      res.set_header("X-Content-Type-Options", "nosniff");
      if (reply.status != 204) res.set_content(reply.body.dump(), "application/json");
    };
  }

  static json UserJson(const User& u) {
    json j = {{"id", u.id},
              {"username", u.username},
              {"display_name", u.display_name},
              {"role", u.role},
              {"must_change_password", u.must_change_password}};
    j["worker_id"] = u.worker_id ? json(*u.worker_id) : json(nullptr);
    return j;
  }

  static json CodeListJson(const CodeList& l) {
    json codes = json::array();
    for (const CodeEntry& c : l.entries) codes.push_back({{"code", c.code}, {"label", c.label}});
    return {{"name", l.name}, {"title", l.title}, {"source", l.source}, {"codes", codes}};
  }

  Reply Login(const httplib::Request& req) {
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    const json& j = *body;
    if (!j.is_object() || !j.contains("username") || !j["username"].is_string()) {
      return Error(InvalidArgument("expected a string", "username"));
    }
    if (!j.contains("password") || !j["password"].is_string()) {
      return Error(InvalidArgument("expected a string", "password"));
    }
    auto login = auth_.Login(j["username"].get<std::string>(), j["password"].get<std::string>());
    if (!login.ok()) {
      spdlog::warn("failed login from {}", req.remote_addr);
      return Error(login.status());
    }
    Reply r;
    r.body = {{"user", UserJson(login->user)}, {"expires_at", login->expires_at.ToString()}};
    r.set_cookie = std::string(kSessionCookie) + "=" + login->token +
                   "; Path=/; HttpOnly; SameSite=Strict" +
                   (options_.secure_cookies ? "; Secure" : "");
    return r;
  }

  Result<const EntityDesc*> EntityFor(const httplib::Request& req) {
    const std::string path = req.matches[1].str();
    const EntityDesc* e = FindEntityByPath(path);
    if (!e) return NotFound("no such collection: /api/" + path);
    return e;
  }

  Reply List(const httplib::Request& req, const User& user) {
    auto e = EntityFor(req);
    if (!e.ok()) return Error(e.status());
    if (Status s = CheckAccess(user, **e, Access::kRead); !s.ok()) return Error(s);
    ListQuery q;
    for (const auto& [key, value] : req.params) {
      if (key == "limit") {
        auto n = ParseId(value);
        if (!n.ok() || *n > 1000) return Error(InvalidArgument("expected 1 to 1000", "limit"));
        q.limit = static_cast<int>(*n);
      } else if (key == "after") {
        Id after = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), after);
        if (ec != std::errc() || p != value.data() + value.size() || after < 0) {
          return Error(InvalidArgument("expected a record id", "after"));
        }
        q.after = after;
      } else {
        const int i = (*e)->FieldIndex(key);
        if (i < 0 || (*e)->fields[static_cast<size_t>(i)].type == FieldType::kCodeSet) {
          return Error(
              InvalidArgument("cannot filter " + std::string((*e)->title) + " by this", key));
        }
        const FieldDesc& f = (*e)->fields[static_cast<size_t>(i)];
        auto v = ParseValue(f, value);
        if (!v.ok()) return Error(v.status());
        // An unknown code can match nothing: say so rather than return an empty page.
        if (f.type == FieldType::kCode) {
          if (Status s = ValidateValue(f, *v, Timestamp()); !s.ok()) return Error(s);
        }
        q.equals.emplace_back(key, std::move(v).value());
      }
    }
    auto page = store_.List(**e, q);
    if (!page.ok()) return Error(page.status());
    Reply r;
    json items = json::array();
    for (const Record& rec : page->items) items.push_back(RecordToJsonValue(rec));
    r.body = {{"items", items}};
    r.body["next_after"] = page->next_after ? json(*page->next_after) : json(nullptr);
    return r;
  }

  Reply Create(const httplib::Request& req, const User& user) {
    auto e = EntityFor(req);
    if (!e.ok()) return Error(e.status());
    if (Status s = CheckAccess(user, **e, Access::kWrite); !s.ok()) return Error(s);
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    if (!body->is_object()) return Error(InvalidArgument("expected a JSON object"));
    auto rec = RecordFromJson(**e, *body);
    if (!rec.ok()) return Error(rec.status());
    auto stored = store_.Create(std::move(rec).value(), Actor{user.id});
    if (!stored.ok()) return Error(stored.status());
    Reply r;
    r.status = 201;
    r.body = RecordToJsonValue(*stored);
    return r;
  }

  Reply GetOne(const httplib::Request& req, const User& user) {
    auto e = EntityFor(req);
    if (!e.ok()) return Error(e.status());
    if (Status s = CheckAccess(user, **e, Access::kRead); !s.ok()) return Error(s);
    auto id = ParseId(req.matches[2].str());
    if (!id.ok()) return Error(id.status());
    auto rec = store_.Get(**e, *id);
    if (!rec.ok()) return Error(rec.status());
    Reply r;
    r.body = RecordToJsonValue(*rec);
    return r;
  }

  Reply Patch(const httplib::Request& req, const User& user) {
    auto e = EntityFor(req);
    if (!e.ok()) return Error(e.status());
    if (Status s = CheckAccess(user, **e, Access::kWrite); !s.ok()) return Error(s);
    auto id = ParseId(req.matches[2].str());
    if (!id.ok()) return Error(id.status());
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    if (!body->is_object()) return Error(InvalidArgument("expected a JSON object"));
    std::int64_t version = 0;
    if (body->contains("version") && (*body)["version"].is_number_integer()) {
      version = (*body)["version"].get<std::int64_t>();
    } else if (req.has_header("If-Match")) {
      std::string tag = req.get_header_value("If-Match");
      tag.erase(std::remove(tag.begin(), tag.end(), '"'), tag.end());
      version = std::atoll(tag.c_str());
    }
    if (version <= 0) {
      return Error(InvalidArgument(
          "send the version you read (\"version\" in the body or If-Match), so that a "
          "concurrent change is not overwritten",
          "version"));
    }
    auto rec = store_.Get(**e, *id);
    if (!rec.ok()) return Error(rec.status());
    if (Status s = ApplyJsonPatch(*rec, *body); !s.ok()) return Error(s);
    rec->meta().version = version;
    auto stored = store_.Update(std::move(rec).value(), Actor{user.id});
    if (!stored.ok()) return Error(stored.status());
    Reply r;
    r.body = RecordToJsonValue(*stored);
    return r;
  }

  Reply History(const httplib::Request& req, const User& user) {
    auto e = EntityFor(req);
    if (!e.ok()) return Error(e.status());
    if (Status s = CheckAccess(user, **e, Access::kRead); !s.ok()) return Error(s);
    auto id = ParseId(req.matches[2].str());
    if (!id.ok()) return Error(id.status());
    auto rec = store_.Get(**e, *id);
    if (!rec.ok()) return Error(rec.status());
    auto history = store_.History(**e, *id);
    if (!history.ok()) return Error(history.status());
    json items = json::array();
    for (const HistoryEntry& h : *history) {
      auto data = ParseJson(h.data);
      items.push_back({{"version", h.version},
                       {"operation", h.operation},
                       {"actor_id", h.actor_id},
                       {"at", h.at.ToString()},
                       {"record", data.ok() ? *data : json(nullptr)}});
    }
    Reply r;
    r.body = {{"items", items}};
    return r;
  }

  // The CIN census of a collection year built from the live record and checked against every
  // rule, so that errors are fixed at source before census day. ?year=2025-26 (default: the
  // latest year that has ended).
  // The findings of a validation and their summary by rule, into a reply's body.
  static void AddFindings(const std::vector<Finding>& findings, json& body) {
    json by_rule = json::array();
    for (const RuleCount& c : SummariseByRule(findings)) {
      by_rule.push_back({{"rule", c.rule},
                         {"severity", std::string(SeverityName(c.severity))},
                         {"message", c.message},
                         {"findings", c.findings},
                         {"children", c.children}});
    }
    body["by_rule"] = std::move(by_rule);
    json list = json::array();
    for (const Finding& f : findings) {
      list.push_back({{"rule", f.rule},
                      {"severity", std::string(SeverityName(f.severity))},
                      {"child", f.child},
                      {"field", f.field},
                      {"where", f.path},
                      {"message", std::string(f.text())}});
    }
    body["findings"] = std::move(list);
  }

  // ?year=2025-26, or the latest collection year that has ended.
  static Result<int> YearParam(const httplib::Request& req) {
    if (req.has_param("year")) return cin::ParseCollectionYear(req.get_param_value("year"));
    const Date today = SystemClock().Now().UkDate();
    return today.month() >= 4 ? today.year() : today.year() - 1;
  }

  // The SSDA903 built from the record for a year, validated against every rule that can run
  // on it (the previous year's return is built too, for the rules comparing years).
  Reply Validate903(const httplib::Request& req, const User& user) {
    if (user.role == "SCRUTINY_MEMBER") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "scrutiny members see aggregate figures only, not individual records"));
    }
    auto year = YearParam(req);
    if (!year.ok()) return Error(year.status());
    auto records = LoadedRecords::Load(store_);
    if (!records.ok()) return Error(records.status());
    auto current = ssda903::Build(*records, {*year});
    if (!current.ok()) return Error(current.status());
    auto previous = ssda903::Build(*records, {*year - 1});
    if (!previous.ok()) return Error(previous.status());
    ssda903::ValidateOptions options;
    options.collection_year = *year;
    options.previous = &*previous;
    const ssda903::Validation v = ssda903::Validate(*current, options);
    Reply r;
    r.body = json::object();
    r.body["year"] = cin::CollectionLabel(*year);
    r.body["children"] = v.children;
    r.body["rules_run"] = v.rules_run;
    r.body["errors"] = CountErrors(v.findings);
    r.body["queries"] = v.findings.size() - static_cast<size_t>(CountErrors(v.findings));
    json not_run = json::array();
    for (const auto& n : v.not_run) not_run.push_back({{"rule", n.rule}, {"needs", n.needs}});
    r.body["not_run"] = std::move(not_run);
    AddFindings(v.findings, r.body);
    return r;
  }

  // The national measures of the year's 903 (aggregates: open to every role).
  // The scorecard: ?period=FROM..TO or ?monthly=FROM..TO, &by=team|worker|age|sex|ethnicity|
  // disability, &only=id,id. Aggregates only, so every role may ask; a breakdown by worker is
  // for managers, not scrutiny members.
  Reply Indicators(const httplib::Request& req, const User& user) {
    ind::EvaluateOptions o;
    o.threads = 2;
    if (req.has_param("by")) {
      auto by = ind::ParseBreakdown(req.get_param_value("by"));
      if (!by.ok()) return Error(by.status());
      if (*by == ind::Breakdown::kWorker && user.role == "SCRUTINY_MEMBER") {
        return Error(Status(StatusCode::kPermissionDenied,
                            "scrutiny members see figures by team, not by worker"));
      }
      o.by = *by;
    }
    if (req.has_param("only")) {
      std::string only = req.get_param_value("only");
      size_t at = 0;
      while (at <= only.size()) {
        const size_t comma = std::min(only.find(',', at), only.size());
        if (comma > at) o.ids.push_back(only.substr(at, comma - at));
        at = comma + 1;
      }
    }
    auto facts = CurrentFacts();
    if (!facts.ok()) return Error(facts.status());
    if (req.has_param("monthly")) {
      auto span = ind::ParsePeriod(req.get_param_value("monthly"));
      if (!span.ok()) return Error(span.status().WithFieldPrefix("monthly"));
      auto months = ind::MonthlyPeriods(Date::FromDays(span->from), Date::FromDays(span->to));
      if (!months.ok()) return Error(months.status());
      o.periods = std::move(*months);
    } else if (req.has_param("period")) {
      auto p = ind::ParsePeriod(req.get_param_value("period"));
      if (!p.ok()) return Error(p.status().WithFieldPrefix("period"));
      o.periods = {*p};
    } else {
      const ind::Day latest = ind::LatestEvent(**facts);
      if (latest == ind::kNoDay)
        return Error(InvalidArgument("no events to report on: give period"));
      o.periods = {ind::DefaultPeriod(latest)};
    }
    auto card = ind::Evaluate(**facts, o);
    if (!card.ok()) return Error(card.status());
    ind::ReportContext ctx;
    ctx.targets = options_.targets;
    // Members see aggregates: breakdown cells of fewer than 5 children or events are withheld.
    if (user.role == "SCRUTINY_MEMBER") ctx.suppress_below = 5;
    if (!options_.store_location.empty()) {
      if (auto la = ind::InferLaCode(options_.store_location); la.ok()) ctx.la_code = *la;
    }
    if (auto figures = ind::BenchmarkFigures(); figures.ok()) {
      ctx.figures = *figures;
      if (auto sn = StatNeighbours::Shipped(); sn.ok()) ctx.neighbours = *sn;
      if (!ctx.la_code.empty()) {
        if (auto area = ctx.figures->FindArea(ctx.la_code); area.ok()) ctx.la_name = (*area)->name;
      }
    }
    Reply r;
    r.body = json::parse(ind::ToJson(*card, ctx));
    return r;
  }

  // The facts the scorecard reads, kept between requests until the record changes: every write
  // appends to record_history in its transaction, so its highest id marks the record's state.
  // (A write landing while the facts load makes the next request reload: never stale.)
  Result<std::shared_ptr<const ind::Facts>> CurrentFacts() {
    if (options_.store_location.empty()) {
      SG_ASSIGN_OR_RETURN(LoadedRecords records, LoadedRecords::Load(store_));
      SG_ASSIGN_OR_RETURN(ind::Facts f, ind::FromRecords(records));
      return std::make_shared<const ind::Facts>(std::move(f));
    }
    SG_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, OpenDatabase(options_.store_location));
    std::int64_t marker = 0;
    SG_RETURN_IF_ERROR(db->QueryEach("SELECT COALESCE(MAX(id), 0) FROM record_history", {},
                                     [&](const RowView& r) { marker = r.Int(0); }));
    std::lock_guard<std::mutex> lock(facts_mu_);
    if (facts_ && facts_marker_ == marker) return facts_;
    SG_ASSIGN_OR_RETURN(ind::Facts f, ind::LoadFacts(options_.store_location, 2));
    facts_ = std::make_shared<const ind::Facts>(std::move(f));
    facts_marker_ = marker;
    return facts_;
  }

  // Ofsted Annex A lists 1-11 as JSON (?as_of=YYYY-MM-DD): lists of children, so not for
  // scrutiny members.
  Reply AnnexA(const httplib::Request& req, const User& user) {
    if (user.role == "SCRUTINY_MEMBER") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "scrutiny members see aggregate figures only, not individual records"));
    }
    auto as_of = Date::Parse(req.get_param_value("as_of"));
    if (!as_of.ok()) return Error(as_of.status().WithFieldPrefix("as_of"));
    auto records = LoadedRecords::Load(store_);
    if (!records.ok()) return Error(records.status());
    auto annex = annex_a::Build(*records, *as_of);
    if (!annex.ok()) return Error(annex.status());
    Reply r;
    r.body = json::object();
    r.body["as_of"] = as_of->ToString();
    json lists = json::array();
    for (const auto& l : annex->lists) {
      lists.push_back(
          {{"number", l.number}, {"title", l.title}, {"columns", l.columns}, {"rows", l.rows}});
    }
    r.body["lists"] = std::move(lists);
    return r;
  }

  Reply Measures903(const httplib::Request& req, const User&) {
    auto year = YearParam(req);
    if (!year.ok()) return Error(year.status());
    auto records = LoadedRecords::Load(store_);
    if (!records.ok()) return Error(records.status());
    std::vector<ssda903::Return> rets;
    for (int y = *year; y > *year - 3; --y) {
      auto ret = ssda903::Build(*records, {y});
      if (!ret.ok()) return Error(ret.status());
      rets.push_back(std::move(*ret));
    }
    Reply r;
    r.body = json::object();
    r.body["year"] = cin::CollectionLabel(*year);
    json list = json::array();
    for (const auto& m : ssda903::Measures(rets[0], *year, {&rets[1], &rets[2]})) {
      list.push_back({{"id", m.id},
                      {"title", m.title},
                      {"unit", m.unit},
                      {"value", m.value},
                      {"numerator", m.numerator},
                      {"denominator", m.denominator},
                      {"unknown", m.unknown}});
    }
    r.body["measures"] = std::move(list);
    return r;
  }

  Reply ValidateCin(const httplib::Request& req, const User& user) {
    if (user.role == "SCRUTINY_MEMBER") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "scrutiny members see aggregate figures only, not individual records"));
    }
    int year = 0;
    if (req.has_param("year")) {
      auto y = cin::ParseCollectionYear(req.get_param_value("year"));
      if (!y.ok()) return Error(y.status());
      year = *y;
    } else {
      const Date today = SystemClock().Now().UkDate();
      year = today.month() >= 4 ? today.year() : today.year() - 1;
    }
    auto records = LoadedRecords::Load(store_);
    if (!records.ok()) return Error(records.status());
    auto census = cin::Build(*records, {year, "", ""});
    if (!census.ok()) return Error(census.status());
    const std::vector<Finding> findings = cin::Validate(*census, {year});
    Reply r;
    r.body = json::object();
    r.body["year"] = cin::CollectionLabel(year);
    r.body["children"] = census->children.size();
    r.body["rules"] = cin::Rules().size();
    r.body["errors"] = CountErrors(findings);
    r.body["queries"] = findings.size() - static_cast<size_t>(CountErrors(findings));
    AddFindings(findings, r.body);
    return r;
  }

  Reply ChildRecord(const httplib::Request& req, const User& user) {
    const EntityDesc& child = Entity("child");
    if (Status s = CheckAccess(user, child, Access::kRead); !s.ok()) return Error(s);
    auto id = ParseId(req.matches[1].str());
    if (!id.ok()) return Error(id.status());
    auto rec = store_.Get(child, *id);
    if (!rec.ok()) return Error(rec.status());
    Reply r;
    r.body = {{"child", RecordToJsonValue(*rec)}};
    for (const EntityDesc& e : AllEntities()) {
      if (e.ChildField() != "child_id") continue;
      ListQuery q;
      q.limit = 1000;
      q.equals.emplace_back("child_id", Value{*id});
      json items = json::array();
      while (true) {
        auto page = store_.List(e, q);
        if (!page.ok()) return Error(page.status());
        for (const Record& x : page->items) items.push_back(RecordToJsonValue(x));
        if (!page->next_after) break;
        q.after = *page->next_after;
      }
      r.body[std::string(e.table)] = items;
    }
    return r;
  }

  Store& store_;
  Auth& auth_;
  ServerOptions options_;
  std::mutex facts_mu_;
  std::shared_ptr<const ind::Facts> facts_;  // guarded by facts_mu_
  std::int64_t facts_marker_ = -1;
  std::string openapi_;
  httplib::Server svr_;
};

Server::Server(Store& store, Auth& auth, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, auth, std::move(options))) {}
Server::~Server() = default;
Result<int> Server::Bind() { return impl_->Bind(); }
Status Server::Run() { return impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace sg

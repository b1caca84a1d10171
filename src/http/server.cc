#include "http/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "casework/access_policy.h"
#include "casework/child_search.h"
#include "casework/worklists.h"
#include "common/csv.h"
#include "http/fair_gate.h"
#include "http/json_codec.h"
#include "http/openapi.h"
#include "http/quality_json.h"
#include "indicators/annex_a.h"
#include "indicators/facts.h"
#include "indicators/output.h"
#include "quality/audit_sample.h"
#include "quality/audits.h"
#include "quality/board_report.h"
#include "quality/case_review.h"
#include "quality/improvement.h"
#include "report/document.h"
#include "returns/cin_census.h"
#include "returns/cin_reader.h"
#include "returns/cin_validate.h"
#include "returns/report.h"
#include "returns/ssda903.h"
#include "returns/ssda903_measures.h"
#include "returns/ssda903_reader.h"
#include "returns/ssda903_validate.h"
#include "storage/access_recorder.h"
#include "storage/database.h"
#include "synth/measure.h"

namespace sg {
namespace {

using nlohmann::json;

constexpr const char* kSessionCookie = "sg_session";
// With the charset named, httplib does not compress the response itself (it would use
// brotli at its slowest setting: 130 ms for a 127 KB scorecard, 0.8 s for the chart code).
constexpr const char* kJson = "application/json; charset=utf-8";
// Connections waiting to be accepted (the kernel caps it at net.core.somaxconn).
constexpr int kListenBacklog = 1024;

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
  std::string raw;  // a body already serialised (sent instead of `body` when set)
  std::string set_cookie;
  std::string content_type;  // of `raw`, when it is not JSON
  std::string disposition;   // Content-Disposition, for a file to save
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

// The access-log entries of the request this thread is serving; Wrap sets it, the handlers add
// to it (through Accessed), and Wrap writes them before the reply leaves.
thread_local std::vector<AccessEntry>* tl_access = nullptr;

void Accessed(std::string_view action, std::string_view entity, std::optional<Id> record,
              std::optional<Id> child) {
  if (!tl_access) return;
  AccessEntry e;
  e.action = std::string(action);
  e.entity = std::string(entity);
  e.record_id = record;
  e.child_id = child;
  tl_access->push_back(std::move(e));
}

// The child a record of a child's record belongs to (nullopt for other records).
std::optional<Id> ChildOf(const Record& r) {
  if (r.entity().scope != Scope::kChildRecord) return std::nullopt;
  const std::string_view field = r.entity().ChildField();
  if (field == "id") return r.id();
  if (field.empty()) return std::nullopt;
  const Value& v = r.Get(field);
  if (const auto* id = std::get_if<std::int64_t>(&v)) return *id;
  return std::nullopt;
}

// Logs a break-glass look with its reason.
void AccessedWithReason(std::string_view action, Id child, std::string reason) {
  Accessed(action, "child", child, child);
  if (tl_access && !tl_access->empty()) tl_access->back().reason = std::move(reason);
}

// Logs `action` on one record when it is part of a child's record.
void Accessed(std::string_view action, const Record& r) {
  if (auto child = ChildOf(r)) Accessed(action, r.entity().name, r.id(), child);
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
leaving care. This server was started without the browser application (build it with
<code>make web</code>, or give <code>safeguard serve --web DIR</code>); the JSON API is served
and described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>Log in with <code>POST /api/login</code> and a JSON body
<code>{"username": "social.worker", "password": "safeguard-demo"}</code>; the session cookie it
sets authorises the other calls. <a href="/healthz">/healthz</a> reports the server's health.</p>
</body></html>
)html";

}  // namespace

class Server::Impl {
 public:
  Impl(Store& store, Auth& auth, ServerOptions options)
      : store_(store),
        auth_(auth),
        access_(store),
        options_(std::move(options)),
        queue_(options_.workers > 0 ? options_.workers : DefaultWorkers()) {
    openapi_ = BuildOpenApi().dump();
    if (!options_.store_location.empty()) {
      search_ = std::make_unique<ChildSearch>(options_.store_location,
                                              [this] { return HistoryMarker(); });
    }
    Routes();
  }

  ~Impl() {
    if (warm_.joinable()) warm_.join();
    std::thread reload;
    {
      std::lock_guard<std::mutex> lock(facts_mu_);
      reload = std::move(facts_reload_);
    }
    if (reload.joinable()) reload.join();
    std::vector<std::thread> builders;
    {
      std::lock_guard<std::mutex> lock(cache_mu_);
      builders = std::move(cache_threads_);
    }
    for (auto& t : builders) t.join();
  }

  // Loads the search index and the scorecard's facts in the background, so that the first
  // user does not wait for them.
  void WarmUp() {
    warm_ = std::thread([this] {
      if (search_) {
        if (Status s = search_->Refresh(); !s.ok()) spdlog::warn("search index: {}", s.ToString());
      }
      if (auto f = CurrentFacts(); !f.ok()) {
        spdlog::warn("scorecard facts: {}", f.status().ToString());
      }
      // The scorecard page's own question (24 months to the end of this month), for leaders
      // and for members.
      {
        const Date today = SystemClock().Now().UkDate();
        const Date end = Date::FromCivil(today.year(), today.month(), 1).AddMonths(1).AddDays(-1);
        const Date start = Date::FromCivil(today.year(), today.month(), 1).AddMonths(-23);
        httplib::Request req;
        req.params.emplace("monthly", start.ToString() + ".." + end.ToString());
        for (const char* role : {"SENIOR_LEADER", "SCRUTINY_MEMBER"}) {
          User u;
          u.role = role;
          (void)Indicators(req, u);
        }
      }
      // The returns of the latest collection year that has ended.
      const Date today = SystemClock().Now().UkDate();
      const int year = today.month() >= 4 ? today.year() : today.year() - 1;
      (void)Cached("cin:" + std::to_string(year), [this, year] { return BuildCin(year); });
      (void)Cached("903:" + std::to_string(year), [this, year] { return Build903(year); });
      // The case review managers open, as on today.
      quality::ReviewOptions review;
      review.today = today;
      (void)CachedCaseReview(review);
      spdlog::info("warm-up done");
    });
  }

  Result<int> Bind() {
    const int port = options_.port == 0
                         ? svr_.bind_to_any_port(options_.host)
                         : (svr_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port < 0) {
      return IoError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                     " (is another program using the port?)");
    }
    if (listen_socket_ >= 0 && ::listen(listen_socket_, kListenBacklog) != 0) {
      spdlog::warn("could not lengthen the queue of connections waiting to be accepted");
    }
    return port;
  }

  Status Run() {
    WarmUp();
    if (!svr_.listen_after_bind()) return IoError("the server stopped with an error");
    return Status::Ok();
  }

  void Stop() { svr_.stop(); }

 private:
  using Handler = std::function<Reply(const httplib::Request&, const User*)>;

  // Handlers that run at once by default: twice the cores (on 2 cores, 4 gave the shortest tail
  // in `make bench`: 3 and 6 were longer).
  static int DefaultWorkers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 4 : static_cast<int>(2 * cores);
  }

  // Whether a route needs a logged-in user.
  enum class Gate { kPublic, kUser };
  // How a request reaches its handler: queued in arrival order behind the requests already
  // running (at most `workers` at once: see FairGate), or at once. At once are the requests
  // that answer from memory (the health check, the scorecard and returns kept since the
  // record last changed) and the long ones that would otherwise hold a slot for seconds (a
  // login's password hash, a return uploaded and checked, Annex A, the case review and audit
  // sampling).
  enum class Lane { kQueued, kAtOnce };

  void Routes() {
    const int threads = options_.threads;
    svr_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr_.set_payload_max_length(options_.max_body_bytes);
    svr_.set_read_timeout(30, 0);
    // A browser or client keeps its connection for many requests (httplib's default closes it
    // after 5, and every reconnection waits for a free thread).
    svr_.set_keep_alive_max_count(1000);
    // A reply is written in pieces (headers, then body): without TCP_NODELAY the second
    // waits for the client's delayed acknowledgement of the first, up to 40 ms.
    svr_.set_tcp_nodelay(true);
    // httplib listens with a backlog of 5: when more clients connect at once (a load test,
    // an office opening the dashboard at nine), the kernel drops the extra handshakes and
    // those clients wait a second or more for the retry. Bind() listens again with a longer
    // queue on the socket remembered here.
    svr_.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listen_socket_ = sock;
    });
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
      res.set_content(ErrorBody(s).dump(), kJson);
    });
    svr_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      const std::string timing = res.get_header_value("Server-Timing");
      if (timing.empty()) {
        spdlog::info("{} {} {}", req.method, RouteLabel(req.path), res.status);
      } else {
        spdlog::info("{} {} {} ({})", req.method, RouteLabel(req.path), res.status, timing);
      }
    });

    svr_.Get("/healthz",
             Wrap(
                 Gate::kPublic,
                 [this](const auto&, const User*) {
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
                 },
                 Lane::kAtOnce));
    svr_.set_file_extension_and_mimetype_mapping("js", "application/javascript; charset=utf-8");
    svr_.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
    svr_.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
    if (!options_.static_dir.empty() && svr_.set_mount_point("/", options_.static_dir)) {
      // Hashed asset names never change content: cache them; the page itself is never cached.
      svr_.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
        const bool asset = req.path.rfind("/assets/", 0) == 0;
        res.set_header("Cache-Control", asset ? "public, max-age=31536000, immutable" : "no-cache");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; style-src 'self' "
                       "'unsafe-inline'; frame-ancestors 'none'");
      });
    } else {
      svr_.Get("/", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(kLandingPage, "text/html; charset=utf-8");
      });
    }
    svr_.Get("/api/openapi.json", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi_, kJson);
    });
    svr_.Post("/api/login",
              Wrap(
                  Gate::kPublic, [this](const auto& req, const User*) { return Login(req); },
                  Lane::kAtOnce));
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
    svr_.Post("/api/returns/cin/validate",
              Wrap(
                  Gate::kUser,
                  [this](const auto& req, const User* u) { return ValidateCinUpload(req, *u); },
                  Lane::kAtOnce));
    svr_.Get(
        "/api/returns/cin/validate",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return ValidateCin(req, *u); },
            Lane::kAtOnce));
    svr_.Post("/api/returns/903/validate",
              Wrap(
                  Gate::kUser,
                  [this](const auto& req, const User* u) { return Validate903Upload(req, *u); },
                  Lane::kAtOnce));
    svr_.Get(
        "/api/returns/903/validate",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return Validate903(req, *u); },
            Lane::kAtOnce));
    svr_.Get(
        "/api/indicators",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return Indicators(req, *u); },
            Lane::kAtOnce));
    svr_.Get("/api/annex-a",
             Wrap(
                 Gate::kUser, [this](const auto& req, const User* u) { return AnnexA(req, *u); },
                 Lane::kAtOnce));
    svr_.Get(
        "/api/returns/903/measures",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return Measures903(req, *u); },
            Lane::kAtOnce));
    svr_.Get("/api/search/children", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return SearchChildren(req, *u);
             }));
    svr_.Get("/api/front-door/queue",
             Wrap(Gate::kUser, [this](const auto& req, const User* u) { return Queue(req, *u); }));
    svr_.Get("/api/my-work",
             Wrap(Gate::kUser, [this](const auto& req, const User* u) { return MyWork(req, *u); }));
    svr_.Get("/api/team-work", Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return TeamWork(req, *u);
             }));
    // Built from the whole record (a second or two on a county) and kept until it changes.
    svr_.Get(
        "/api/case-review",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return CaseReview(req, *u); },
            Lane::kAtOnce));
    // Reads every referral, allocation, assessment and plan: seconds on a county.
    svr_.Get(
        "/api/audit-sample",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return AuditSample(req, *u); },
            Lane::kAtOnce));
    // The quality work: audits summarised, a plan rated, the board report (aggregates).
    svr_.Get(
        "/api/audits/summary",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return AuditsSummary(req, *u); },
            Lane::kAtOnce));
    svr_.Get(
        R"(/api/improvement-plans/(\d+)/status)",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return PlanStatus(req, *u); },
            Lane::kAtOnce));
    svr_.Get(
        "/api/board-report",
        Wrap(
            Gate::kUser, [this](const auto& req, const User* u) { return BoardReport(req, *u); },
            Lane::kAtOnce));
    svr_.Post(R"(/api/children/(\d+)/placement-change)",
              Wrap(Gate::kUser,
                   [this](const auto& req, const User* u) { return PlacementChange(req, *u); }));
    svr_.Get(
        R"(/api/children/(\d+)/due)",
        Wrap(Gate::kUser, [this](const auto& req, const User* u) { return ChildDue(req, *u); }));
    svr_.Post(
        R"(/api/children/(\d+)/break-glass)",
        Wrap(Gate::kUser, [this](const auto& req, const User* u) { return BreakGlass(req, *u); }));
    svr_.Get("/api/break-glass/unreviewed",
             Wrap(Gate::kUser, [this](const auto& req, const User* u) {
               return UnreviewedBreakGlass(req, *u);
             }));
    svr_.Get(R"(/api/children/(\d+)/access-log)",
             Wrap(Gate::kUser,
                  [this](const auto& req, const User* u) { return ChildAccessLog(req, *u); }));
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
  httplib::Server::Handler Wrap(Gate mode, const Handler& handler, Lane lane = Lane::kQueued) {
    return [this, mode, handler, lane](const httplib::Request& req, httplib::Response& res) {
      const auto arrived = std::chrono::steady_clock::now();
      FairGate::Pass pass(lane == Lane::kQueued ? &queue_ : nullptr);
      const auto admitted = std::chrono::steady_clock::now();
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
      std::vector<AccessEntry> accessed;
      tl_access = &accessed;
      reply = gate.ok() ? handler(req, user ? &*user : nullptr) : Error(gate);
      tl_access = nullptr;
      if (!accessed.empty() && user && reply.status < 400) {
        // Nothing of a child's record leaves unless the log says who saw it.
        const Timestamp now = SystemClock().Now();
        const std::string route = req.method + " " + RouteLabel(req.path);
        for (AccessEntry& e : accessed) {
          e.at = now;
          e.user_id = user->id;
          e.username = user->username;
          e.role = user->role;
          e.request = route;
        }
        if (Status logged = access_.Record(std::move(accessed)); !logged.ok()) {
          spdlog::error("access log: {}", logged.ToString());
          reply = Error(Status(StatusCode::kUnavailable,
                               "the access log could not be written, so nothing is shown: try "
                               "again"));
        }
      }
      // Whatever it changed is committed by now: the next read asks the store afresh.
      if (req.method != "GET" && req.method != "HEAD") writes_.fetch_add(1);
      res.status = reply.status;
      // How long it waited for a worker and how long it took (for the browser's developer
      // tools and the request log).
      const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
      res.set_header("Server-Timing",
                     fmt::format("queue;dur={:.1f}, app;dur={:.1f}", ms(admitted - arrived),
                                 ms(std::chrono::steady_clock::now() - admitted)));
      if (!reply.set_cookie.empty()) res.set_header("Set-Cookie", reply.set_cookie);
      res.set_header("Cache-Control", "no-store");
      res.set_header("X-Content-Type-Options", "nosniff");
      if (!reply.disposition.empty()) res.set_header("Content-Disposition", reply.disposition);
      if (reply.status != 204) {
        const std::string type = reply.content_type.empty() ? kJson : reply.content_type;
        res.set_content(reply.raw.empty() ? reply.body.dump() : std::move(reply.raw), type);
      }
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

  // The legitimate relationship (casework/access_policy.h) for a record of a child's record.
  Status MaySee(const User& user, const Record& rec) {
    auto child = ChildOf(rec);
    if (!child) return Status::Ok();
    return policy_.CheckChild(user, *child);
  }

  // Creating a record of a child's record: the child must be one the user may see (a new child
  // is theirs; the Front Door records a contact for any child it finds). Break-glass grants are
  // made only by their endpoint; who may see a restricted record, only by an administrator.
  Status MayCreate(const User& user, const Record& rec) {
    const std::string_view name = rec.entity().name;
    if (name == "break_glass") {
      return Status(StatusCode::kPermissionDenied,
                    "break the glass with POST /api/children/{id}/break-glass and a reason");
    }
    if (name == "restricted_access" && user.role != "ADMIN") {
      return Status(StatusCode::kPermissionDenied,
                    "who may see a restricted record is set by an administrator");
    }
    if (name == "child" || rec.entity().scope != Scope::kChildRecord) return Status::Ok();
    const Value& v = rec.Get("child_id");
    const auto* child = std::get_if<std::int64_t>(&v);
    if (!child) return Status::Ok();  // validation will say it is missing
    if (name == "contact") return policy_.CheckNewContact(user, *child);
    return policy_.CheckChild(user, *child);
  }

  // A manager's review of a break-glass look: only the review fields, by a manager, and not
  // of their own.
  static Status BreakGlassReview(const User& user, const Record& grant, const json& body) {
    if (user.role != "TEAM_MANAGER" && user.role != "SENIOR_LEADER" && user.role != "ADMIN") {
      return Status(StatusCode::kPermissionDenied, "break-glass looks are reviewed by managers");
    }
    if (grant.GetInt("user_id") == user.id) {
      return Status(StatusCode::kPermissionDenied,
                    "a break-glass look is reviewed by another "
                    "manager than the one who made it");
    }
    for (const auto& [key, value] : body.items()) {
      if (key != "version" && key != "review_date" && key != "review_outcome" &&
          key != "review_notes") {
        return InvalidArgument(
            "a review changes only review_date, review_outcome and "
            "review_notes",
            key);
      }
    }
    return Status::Ok();
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
    // Only the children the user may see (the page may come back shorter than the limit).
    std::vector<Id> listed;
    for (const Record& rec : page->items) {
      if (auto child = ChildOf(rec)) listed.push_back(*child);
    }
    auto visible = policy_.Visible(user, listed);
    if (!visible.ok()) return Error(visible.status());
    const std::set<Id> may(visible->begin(), visible->end());
    Reply r;
    json items = json::array();
    std::set<Id> children;  // one entry per child whose records were listed
    for (const Record& rec : page->items) {
      auto child = ChildOf(rec);
      if (child && !may.count(*child)) continue;
      items.push_back(RecordToJsonValue(rec));
      if (child && children.insert(*child).second) {
        Accessed("list", (*e)->name, std::nullopt, child);
      }
    }
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
    if (Status s = MayCreate(user, *rec); !s.ok()) return Error(s);
    auto stored = store_.Create(std::move(rec).value(), Actor{user.id});
    if (!stored.ok()) return Error(stored.status());
    Accessed("create", *stored);
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
    if (Status s = MaySee(user, *rec); !s.ok()) return Error(s);
    Accessed("read", *rec);
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
    // A review of a break-glass look touches only the review (BreakGlassReview), and is made by
    // the breaker's manager, who need not see the child; every other change needs the child.
    if ((*e)->name != "break_glass") {
      if (Status s = MaySee(user, *rec); !s.ok()) return Error(s);
    }
    if ((*e)->name == "break_glass") {
      if (Status s = BreakGlassReview(user, *rec, *body); !s.ok()) return Error(s);
      rec->Set("reviewed_by", user.id);
    } else if ((*e)->name == "restricted_access" && user.role != "ADMIN") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "who may see a restricted record is set by an administrator"));
    }
    if (Status s = ApplyJsonPatch(*rec, *body); !s.ok()) return Error(s);
    rec->meta().version = version;
    auto stored = store_.Update(std::move(rec).value(), Actor{user.id});
    if (!stored.ok()) return Error(stored.status());
    Accessed("update", *stored);
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
    if (Status s = MaySee(user, *rec); !s.ok()) return Error(s);
    auto history = store_.History(**e, *id);
    if (!history.ok()) return Error(history.status());
    Accessed("history", *rec);
    json items = json::array();
    std::map<Id, std::string> names;  // who made each change, by name
    for (const HistoryEntry& h : *history) {
      auto data = ParseJson(h.data);
      auto name = names.find(h.actor_id);
      if (name == names.end()) {
        auto actor = store_.GetUser(h.actor_id);
        name = names.emplace(h.actor_id, actor.ok() ? actor->display_name : std::string()).first;
      }
      items.push_back({{"version", h.version},
                       {"operation", h.operation},
                       {"actor_id", h.actor_id},
                       {"actor", name->second},
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
  // LA child id -> the child's record id and the worker allocated now, so that a finding
  // can be sent to the worker who can fix it and link to the record.
  struct ChildRef {
    Id id = 0;
    std::string worker;
  };
  static std::map<std::string, ChildRef> ChildRefs(const RecordSet& records) {
    std::map<std::string, ChildRef> out;
    std::map<Id, std::string> workers;
    for (const Record& w : records.Of("worker")) {
      workers[w.id()] = w.GetText("first_name") + " " + w.GetText("last_name");
    }
    std::map<Id, std::string> children;
    for (const Record& c : records.Of("child")) {
      out[c.GetText("la_child_id")].id = c.id();
      children[c.id()] = c.GetText("la_child_id");
    }
    std::map<Id, Date> latest;  // child -> start of the open allocation used
    for (const Record& a : records.Of("allocation")) {
      if (!IsNull(a.Get("end_date"))) continue;
      const Id child = a.GetInt("child_id");
      const auto start = DateOf(a, "start_date");
      if (!start) continue;
      auto it = latest.find(child);
      if (it != latest.end() && it->second > *start) continue;
      latest[child] = *start;
      out[children[child]].worker = workers[a.GetInt("worker_id")];
    }
    return out;
  }

  static void AddFindings(const std::vector<Finding>& findings, json& body,
                          const std::map<std::string, ChildRef>& refs = {}) {
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
      json item = {{"rule", f.rule},   {"severity", std::string(SeverityName(f.severity))},
                   {"child", f.child}, {"field", f.field},
                   {"where", f.path},  {"message", std::string(f.text())}};
      if (auto it = refs.find(f.child); it != refs.end()) {
        item["child_id"] = it->second.id;
        item["worker"] = it->second.worker;
      }
      list.push_back(std::move(item));
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
    Accessed("list", "ssda903", std::nullopt, std::nullopt);
    return Cached("903:" + std::to_string(*year), [this, y = *year] { return Build903(y); });
  }

  Reply Build903(int year) {
    auto records = LoadedRecords::Load(store_);
    if (!records.ok()) return Error(records.status());
    auto current = ssda903::Build(*records, {year});
    if (!current.ok()) return Error(current.status());
    auto previous = ssda903::Build(*records, {year - 1});
    if (!previous.ok()) return Error(previous.status());
    ssda903::ValidateOptions options;
    options.collection_year = year;
    options.previous = &*previous;
    const ssda903::Validation v = ssda903::Validate(*current, options);
    Reply r;
    r.body = Ssda903Json(v, year, ChildRefs(*records));
    return r;
  }

  // A validated SSDA903 as the returns page reads it.
  static json Ssda903Json(const ssda903::Validation& v, int year,
                          const std::map<std::string, ChildRef>& refs) {
    json body = json::object();
    body["year"] = cin::CollectionLabel(year);
    body["children"] = v.children;
    body["rules_run"] = v.rules_run;
    body["errors"] = CountErrors(v.findings);
    body["queries"] = v.findings.size() - static_cast<size_t>(CountErrors(v.findings));
    json not_run = json::array();
    for (const auto& n : v.not_run) not_run.push_back({{"rule", n.rule}, {"needs", n.needs}});
    body["not_run"] = std::move(not_run);
    AddFindings(v.findings, body, refs);
    return body;
  }

  // A validated CIN census as the returns page reads it.
  static json CinJson(int year, size_t children, size_t rules, const std::vector<Finding>& findings,
                      const std::map<std::string, ChildRef>& refs) {
    json body = json::object();
    body["year"] = cin::CollectionLabel(year);
    body["children"] = children;
    body["rules"] = rules;
    body["errors"] = CountErrors(findings);
    body["queries"] = findings.size() - static_cast<size_t>(CountErrors(findings));
    AddFindings(findings, body, refs);
    return body;
  }

  // For a file from another system: the record's id and allocated worker of each child with a
  // finding, looked up by the LA's child id.
  std::map<std::string, ChildRef> RefsFromStore(const std::vector<Finding>& findings) {
    std::map<std::string, ChildRef> refs;
    for (const Finding& f : findings) {
      if (f.child.empty() || refs.count(f.child)) continue;
      ChildRef& ref = refs[f.child];
      ListQuery q;
      q.limit = 1;
      q.equals.emplace_back("la_child_id", Value{f.child});
      auto page = store_.List(Entity("child"), q);
      if (!page.ok() || page->items.empty()) continue;
      ref.id = page->items.front().id();
      ListQuery a;
      a.limit = 100;
      a.equals.emplace_back("child_id", Value{ref.id});
      a.is_null.push_back("end_date");
      auto allocs = store_.List(Entity("allocation"), a);
      if (!allocs.ok() || allocs->items.empty()) continue;
      auto worker = store_.Get(Entity("worker"), allocs->items.back().GetInt("worker_id"));
      if (worker.ok())
        ref.worker = worker->GetText("first_name") + " " + worker->GetText("last_name");
    }
    return refs;
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
    bool refreshing = false;
    auto facts = CurrentFacts(&refreshing);
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
    // The same question on the same facts has the same answer: keep it (a scorecard is tens
    // of milliseconds of work on a county, and many people open the same page).
    const bool member = user.role == "SCRUTINY_MEMBER";
    const std::string key = req.get_param_value("monthly") + "|" + req.get_param_value("period") +
                            "|" + req.get_param_value("by") + "|" + req.get_param_value("only") +
                            "|" + (member ? "member" : "");
    std::string body;
    {
      // One request computes a scorecard at a time; meanwhile others get the previous one,
      // or, when there is none yet, wait for that computation instead of repeating it.
      std::unique_lock<std::mutex> lock(scorecards_mu_);
      auto it = scorecards_.find(key);
      if (it == scorecards_.end()) {
        scorecards_[key].computing = true;
      } else {
        scorecards_cv_.wait(lock, [&] {
          it = scorecards_.find(key);
          return it == scorecards_.end() || !it->second.computing || !it->second.body.empty();
        });
        if (it == scorecards_.end()) {
          scorecards_[key].computing = true;  // dropped meanwhile: compute it here
        } else if (it->second.facts == *facts && !it->second.body.empty()) {
          body = it->second.body;
        } else if (it->second.computing) {
          body = it->second.body;
          refreshing = true;
        } else {
          it->second.computing = true;
        }
      }
    }
    if (body.empty()) {
      // Computed on a thread of lower priority (its own threads inherit it), so that a
      // scorecard recomputed after the record changed does not hold up other requests.
      Result<ind::Scorecard> card = Status(StatusCode::kInternal, "not computed");
      std::thread worker([&] {
        Background();
        card = ind::Evaluate(**facts, o);
      });
      worker.join();
      if (!card.ok()) {
        {
          std::lock_guard<std::mutex> lock(scorecards_mu_);
          if (auto it = scorecards_.find(key); it != scorecards_.end()) {
            if (it->second.body.empty()) {
              scorecards_.erase(it);
            } else {
              it->second.computing = false;
            }
          }
        }
        scorecards_cv_.notify_all();
        return Error(card.status());
      }
      ind::ReportContext ctx = IndicatorContext();
      // Members see aggregates: breakdown cells of fewer than 5 children or events are withheld.
      if (member) ctx.suppress_below = 5;
      body = ind::ToJson(*card, ctx);
      {
        std::lock_guard<std::mutex> lock(scorecards_mu_);
        if (scorecards_.size() >= 256) {
          // Forget the others, but not the ones being computed (their waiters expect them).
          std::erase_if(scorecards_, [](const auto& kv) { return !kv.second.computing; });
        }
        scorecards_[key] = {*facts, body, false};
      }
      scorecards_cv_.notify_all();
    }
    // The record changed since these figures were computed; newer ones are on their way.
    const size_t close = body.rfind('}');
    if (close == std::string::npos) return Error(Internal("the scorecard is not a JSON object"));
    Reply r;
    r.raw = body.substr(0, close) + ",\"refreshing\":" + (refreshing ? "true" : "false") + "}";
    return r;
  }

  // The LA's targets, code, name and benchmarks, for figures computed from the record.
  ind::ReportContext IndicatorContext() {
    ind::ReportContext ctx;
    ctx.targets = options_.targets;
    ctx.la_code = LaCode();
    (void)ind::AddBenchmarks(ctx);  // without them the figures have no benchmarks
    return ctx;
  }

  // ?period=FROM..TO, else the 12 months to as_of.
  static Result<ind::Period> PeriodOr12Months(const httplib::Request& req, Date as_of) {
    if (req.has_param("period")) {
      auto p = ind::ParsePeriod(req.get_param_value("period"));
      if (!p.ok()) return p.status().WithFieldPrefix("period");
      return *p;
    }
    ind::Period p;
    p.to = ind::DayOf(as_of);
    p.from = ind::DayOf(as_of.AddDays(1).AddMonths(-12));
    return p;
  }

  // GET /api/audits/summary[?period=FROM..TO&as_of=]: what the period's case file audits found
  // (quality/audits.h). Scrutiny members, social workers and the Front Door get the figures
  // without the lists of audits and actions (which name workers and carry child ids).
  Reply AuditsSummary(const httplib::Request& req, const User& user) {
    auto as_of = AsOf(req);
    if (!as_of.ok()) return Error(as_of.status());
    auto period = PeriodOr12Months(req, *as_of);
    if (!period.ok()) return Error(period.status());
    auto summary = quality::SummariseAudits(
        store_, {ind::DateFromDay(period->from), ind::DateFromDay(period->to), *as_of});
    if (!summary.ok()) return Error(summary.status());
    Reply r;
    r.body = AuditSummaryToJson(*summary);
    if (user.role == "SCRUTINY_MEMBER" || user.role == "SOCIAL_WORKER" ||
        user.role == "FRONT_DOOR") {
      r.body["moderation"].erase("audits");
      r.body["reaudits"].erase("list");
      r.body["actions"].erase("overdue_list");
    }
    return r;
  }

  // The plan rated on `as_of`, its indicator measures computed from the current facts.
  Result<quality::PlanState> AssessPlan(Id id, Date as_of) {
    bool refreshing = false;
    SG_ASSIGN_OR_RETURN(auto facts, CurrentFacts(&refreshing));
    const ind::ReportContext ctx = IndicatorContext();
    return quality::AssessPlan(store_, id, as_of, {facts.get(), &ctx});
  }

  // GET /api/improvement-plans/{id}/status[?as_of=]: the plan's workstreams, projects and
  // actions, measures and risks rated (quality/improvement.h). Every role may read it.
  Reply PlanStatus(const httplib::Request& req, const User& user) {
    if (Status s = CheckAccess(user, Entity("improvement_plan"), Access::kRead); !s.ok()) {
      return Error(s);
    }
    auto id = ParseId(req.matches[1].str());
    if (!id.ok()) return Error(id.status());
    auto as_of = AsOf(req);
    if (!as_of.ok()) return Error(as_of.status());
    auto plan = AssessPlan(*id, *as_of);
    if (!plan.ok()) return Error(plan.status());
    Reply r;
    r.body = PlanStateToJson(*plan);
    return r;
  }

  // GET /api/board-report[?period=FROM..TO&as_of=&format=html|pdf]: the report for an
  // improvement board or scrutiny panel (quality/board_report.h): aggregates only, so every
  // role may have it.
  Reply BoardReport(const httplib::Request& req, const User&) {
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "html";
    if (format != "html" && format != "pdf") {
      return Error(InvalidArgument("html or pdf", "format"));
    }
    auto as_of = AsOf(req);
    if (!as_of.ok()) return Error(as_of.status());
    auto period = PeriodOr12Months(req, *as_of);
    if (!period.ok()) return Error(period.status());
    bool refreshing = false;
    auto facts = CurrentFacts(&refreshing);
    if (!facts.ok()) return Error(facts.status());
    const ind::ReportContext ctx = IndicatorContext();
    auto audits = quality::SummariseAudits(
        store_, {ind::DateFromDay(period->from), ind::DateFromDay(period->to), *as_of});
    if (!audits.ok()) return Error(audits.status());
    quality::BoardReportInput in;
    in.period = *period;
    in.as_of = *as_of;
    in.facts = facts->get();
    in.context = &ctx;
    in.audits = &*audits;
    in.generated = quality::LongDate(SystemClock().Now().UkDate());
    in.footer = quality::kBoardReportFooter;
    ListQuery active;
    active.equals = {{"status", Value(std::string("ACTIVE"))}};
    auto plans = ListAll(store_, Entity("improvement_plan"), active);
    if (!plans.ok()) return Error(plans.status());
    for (const Record& p : *plans) {
      auto state = quality::AssessPlan(store_, p.id(), *as_of, {facts->get(), &ctx});
      if (!state.ok()) return Error(state.status());
      in.plans.push_back(std::move(*state));
    }
    auto doc = quality::BuildBoardReport(in);
    if (!doc.ok()) return Error(doc.status());
    Reply r;
    const std::string name = "board-report-" + ind::DateFromDay(period->to).ToString();
    if (format == "pdf") {
      auto pdf = report::RenderPdf(*doc);
      if (!pdf.ok()) return Error(pdf.status());
      r.raw = std::move(*pdf);
      r.content_type = "application/pdf";
      r.disposition = "attachment; filename=\"" + name + ".pdf\"";
    } else {
      r.raw = report::RenderHtml(*doc);
      r.content_type = "text/html; charset=utf-8";
    }
    return r;
  }

  // The LA's code, inferred once from the children's UPNs.
  std::string LaCode() {
    std::lock_guard<std::mutex> lock(la_mu_);
    if (!la_known_ && !options_.store_location.empty()) {
      if (auto la = ind::InferLaCode(options_.store_location); la.ok()) la_code_ = *la;
      la_known_ = true;
    }
    return la_code_;
  }

  // The facts the scorecard reads, kept between requests. Every write appends to
  // record_history in its transaction, so its highest id marks the record's state. When the
  // record has changed, the facts are reloaded in the background and the cached ones answer
  // meanwhile (`*refreshing` says so), so that no scorecard request waits for a reload after
  // every write; the first load, with nothing cached, is waited for.
  Result<std::shared_ptr<const ind::Facts>> CurrentFacts(bool* refreshing = nullptr) {
    if (refreshing) *refreshing = false;
    if (options_.store_location.empty()) {
      SG_ASSIGN_OR_RETURN(LoadedRecords records, LoadedRecords::Load(store_));
      SG_ASSIGN_OR_RETURN(ind::Facts f, ind::FromRecords(records));
      return std::make_shared<const ind::Facts>(std::move(f));
    }
    SG_ASSIGN_OR_RETURN(std::int64_t marker, HistoryMarker());
    {
      std::lock_guard<std::mutex> lock(facts_mu_);
      if (facts_ && facts_marker_ == marker) return facts_;
      if (facts_) {
        // At most one reload every scorecard_refresh_seconds, however often the record
        // changes: a reload
        // reads the whole record again (about a second of both cores for a large LA).
        const auto now = std::chrono::steady_clock::now();
        if (!facts_loading_ &&
            now - facts_loaded_at_ >= std::chrono::seconds(options_.scorecard_refresh_seconds)) {
          facts_loading_ = true;
          if (facts_reload_.joinable()) facts_reload_.join();
          facts_reload_ = std::thread([this, marker] {
            Background();
            auto f = ind::LoadFacts(options_.store_location, 2);
            std::lock_guard<std::mutex> l(facts_mu_);
            facts_loading_ = false;
            if (!f.ok()) {
              spdlog::warn("scorecard facts: {}", f.status().ToString());
              return;
            }
            facts_ = std::make_shared<const ind::Facts>(std::move(*f));
            facts_marker_ = marker;
            facts_loaded_at_ = std::chrono::steady_clock::now();
          });
        }
        if (refreshing) *refreshing = true;
        return facts_;
      }
    }
    // Nothing cached yet: load now (one loader at a time).
    std::lock_guard<std::mutex> first(facts_first_mu_);
    {
      std::lock_guard<std::mutex> lock(facts_mu_);
      if (facts_) return facts_;
    }
    SG_ASSIGN_OR_RETURN(ind::Facts f, ind::LoadFacts(options_.store_location, 2));
    std::lock_guard<std::mutex> lock(facts_mu_);
    facts_ = std::make_shared<const ind::Facts>(std::move(f));
    facts_marker_ = marker;
    facts_loaded_at_ = std::chrono::steady_clock::now();
    return facts_;
  }

  // Rebuilds run at a lower priority than requests (the threads they start inherit it), so
  // that a reload after a write does not hold up the requests being served meanwhile.
  static void Background() {
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10) != 0) {
      spdlog::debug("could not lower the priority of a background rebuild");
    }
  }

  // The highest record_history id, on a connection kept for it (opening one per request
  // cost more than the query). The store is asked again only when this server has handled a
  // state-changing request since it last asked, or when a second has passed (another process
  // may change the record too): asking on every request made them queue for the connection.
  Result<std::int64_t> HistoryMarker() {
    const std::uint64_t writes = writes_.load();
    std::lock_guard<std::mutex> lock(marker_mu_);
    const auto now = std::chrono::steady_clock::now();
    if (marker_ >= 0 && marker_writes_ == writes && now - marker_at_ < std::chrono::seconds(1)) {
      return marker_;
    }
    if (!marker_db_) {
      SG_ASSIGN_OR_RETURN(marker_db_, OpenDatabase(options_.store_location));
    }
    std::int64_t marker = 0;
    Status s = marker_db_->QueryEach("SELECT COALESCE(MAX(id), 0) FROM record_history", {},
                                     [&](const RowView& r) { marker = r.Int(0); });
    if (!s.ok()) {
      marker_db_.reset();  // a lost connection is opened afresh next time
      return s;
    }
    marker_ = marker;
    marker_writes_ = writes;
    marker_at_ = now;
    return marker;
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
    Accessed("list", "annex_a", std::nullopt, std::nullopt);
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

  // Replies built from the whole record (a return and its validation: seconds on a county),
  // kept until the record changes. After a change the kept reply answers, marked
  // "refreshing", while a new one is built in the background.
  Reply Cached(const std::string& key, const std::function<Reply()>& compute) {
    if (options_.store_location.empty()) return compute();
    auto marker = HistoryMarker();
    if (!marker.ok()) return Error(marker.status());
    {
      std::lock_guard<std::mutex> lock(cache_mu_);
      auto it = cache_.find(key);
      if (it != cache_.end()) {
        Reply r;
        r.body = it->second.body;
        if (it->second.marker == *marker) return r;
        if (!it->second.loading) {
          it->second.loading = true;
          cache_threads_.emplace_back([this, key, compute, m = *marker] {
            Background();
            Reply fresh = compute();
            std::lock_guard<std::mutex> l(cache_mu_);
            CachedBody& c = cache_[key];
            c.loading = false;
            if (fresh.status == 200) {
              c.body = std::move(fresh.body);
              c.marker = m;
            }
          });
        }
        r.body["refreshing"] = true;
        return r;
      }
    }
    Reply r = compute();
    if (r.status == 200) {
      std::lock_guard<std::mutex> lock(cache_mu_);
      CachedBody& c = cache_[key];
      if (!c.loading) {
        c.body = r.body;
        c.marker = *marker;
      }
    }
    return r;
  }

  // POST /api/returns/cin/validate {"xml": "..."}: a CIN census from another system (or this
  // year's file before it is sent), checked against the XSD and every rule; findings about
  // children in the record link to them.
  Reply ValidateCinUpload(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    if (!body->is_object() || !body->contains("xml") || !(*body)["xml"].is_string()) {
      return Error(InvalidArgument("expected the census file's text", "xml"));
    }
    const std::string& xml = (*body)["xml"].get_ref<const std::string&>();
    std::vector<Finding> rule_findings;
    cin::ReadOptions options;
    options.then = [&](const cin::ReadResult& r) {
      if (r.well_formed) rule_findings = cin::Validate(r.census, {r.census.collection_year});
    };
    auto read = cin::ReadText(xml, options);
    if (!read.ok()) return Error(read.status());
    std::vector<Finding> findings = std::move(read->findings);
    findings.insert(findings.end(), std::make_move_iterator(rule_findings.begin()),
                    std::make_move_iterator(rule_findings.end()));
    Reply r;
    r.body =
        CinJson(read->census.collection_year, read->census.children.size(),
                read->well_formed ? cin::Rules().size() : 0, findings, RefsFromStore(findings));
    r.body["well_formed"] = read->well_formed;
    return r;
  }

  // POST /api/returns/903/validate {"year": "2025-26", "files": [{"name", "text"}, ...]}: an
  // SSDA903 from another system (its CSV tables, or one XML file), checked against every rule
  // that can run on it alone. The files are read from a private temporary folder, removed
  // afterwards.
  Reply Validate903Upload(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    const json& b = *body;
    if (!b.is_object() || !b.contains("year") || !b["year"].is_string()) {
      return Error(InvalidArgument("expected the collection year, e.g. \"2025-26\"", "year"));
    }
    auto year = cin::ParseCollectionYear(b["year"].get<std::string>());
    if (!year.ok()) return Error(year.status().WithFieldPrefix("year"));
    if (!b.contains("files") || !b["files"].is_array() || b["files"].empty() ||
        b["files"].size() > 20) {
      return Error(InvalidArgument("expected 1 to 20 files, each {\"name\", \"text\"}", "files"));
    }
    std::error_code ec;
    std::string dir = (std::filesystem::temp_directory_path(ec) / "sg-903-XXXXXX").string();
    if (ec || mkdtemp(dir.data()) == nullptr) {
      return Error(IoError("cannot make a temporary folder for the upload"));
    }
    struct Cleanup {
      std::string dir;
      ~Cleanup() {
        std::error_code e;
        std::filesystem::remove_all(dir, e);
      }
    } cleanup{dir};
    std::string path = dir;
    for (size_t i = 0; i < b["files"].size(); ++i) {
      const json& f = b["files"][i];
      const std::string field = "files[" + std::to_string(i) + "]";
      if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("text") ||
          !f["text"].is_string()) {
        return Error(InvalidArgument("expected {\"name\", \"text\"}", field));
      }
      // Only the file's own name, and only plain characters: nothing can leave the folder.
      std::string name = std::filesystem::path(f["name"].get<std::string>()).filename().string();
      if (name.empty() || name.size() > 100 ||
          !std::all_of(name.begin(), name.end(),
                       [](char c) {
                         return std::isalnum(static_cast<unsigned char>(c)) || c == '.' ||
                                c == '_' || c == '-' || c == ' ';
                       }) ||
          name.front() == '.') {
        return Error(InvalidArgument("a file name of letters, digits, '.', '_' and '-'", field));
      }
      std::string file = dir;
      file.append("/").append(name);
      std::ofstream out(file, std::ios::binary);
      out << f["text"].get_ref<const std::string&>();
      if (!out) return Error(IoError("cannot write the uploaded file"));
      if (b["files"].size() == 1) path = file;
    }
    std::vector<Finding> findings;
    auto current = ssda903::ReadReturn(path, findings);
    if (!current.ok()) return Error(current.status());
    current->collection_year = *year;
    ssda903::ValidateOptions options;
    options.collection_year = *year;
    ssda903::Validation v;
    v.findings = std::move(findings);
    ssda903::Validate(*current, options, v);
    // Files of another system name their own paths: say only the file's name.
    for (Finding& f : v.findings) {
      if (f.path.rfind(dir, 0) == 0)
        f.path = f.path.substr(std::min(f.path.size(), dir.size() + 1));
    }
    Reply r;
    r.body = Ssda903Json(v, *year, RefsFromStore(v.findings));
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
    Accessed("list", "cin_census", std::nullopt, std::nullopt);
    return Cached("cin:" + std::to_string(year), [this, year] { return BuildCin(year); });
  }

  Reply BuildCin(int year) {
    auto records = LoadedRecords::Load(store_);
    if (!records.ok()) return Error(records.status());
    auto census = cin::Build(*records, {year, "", ""});
    if (!census.ok()) return Error(census.status());
    const std::vector<Finding> findings = cin::Validate(*census, {year});
    Reply r;
    r.body =
        CinJson(year, census->children.size(), cin::Rules().size(), findings, ChildRefs(*records));
    return r;
  }

  // Lists of children are not for scrutiny members, who see aggregates only.
  static Status NoChildLists(const User& user) {
    if (user.role == "SCRUTINY_MEMBER") {
      return Status(StatusCode::kPermissionDenied,
                    "scrutiny members see aggregate figures only, not individual records");
    }
    return Status::Ok();
  }

  // ?as_of=YYYY-MM-DD, else today in the UK.
  static Result<Date> AsOf(const httplib::Request& req) {
    if (!req.has_param("as_of")) return SystemClock().Now().UkDate();
    auto d = Date::Parse(req.get_param_value("as_of"));
    if (!d.ok()) return d.status().WithFieldPrefix("as_of");
    return *d;
  }

  static json DueJson(const work::DueItem& d, Date today) {
    return {{"kind", d.kind},          {"what", d.what},
            {"due", d.due.ToString()}, {"days", d.due.days() - today.days()},
            {"overdue", d.overdue},    {"visit", d.is_visit},
            {"entity", d.entity},      {"record_id", d.record_id}};
  }

  static json SummaryJson(const work::ChildSummary& c, Date today) {
    json due = json::array();
    for (const auto& d : c.due) due.push_back(DueJson(d, today));
    json j = {{"child_id", c.child_id},
              {"la_child_id", c.la_child_id},
              {"name", c.name},
              {"status", c.status},
              {"overdue", c.overdue},
              {"not_seen_in_time", c.not_seen_in_time},
              {"due", due}};
    j["date_of_birth"] = c.date_of_birth ? json(c.date_of_birth->ToString()) : json(nullptr);
    j["last_seen"] = c.last_seen ? json(c.last_seen->ToString()) : json(nullptr);
    return j;
  }

  static json CaseloadJson(const work::Caseload& l, Date today) {
    json children = json::array();
    for (const auto& c : l.children) children.push_back(SummaryJson(c, today));
    return {{"worker_id", l.worker_id}, {"worker_name", l.worker_name},
            {"role", l.role},           {"caseload", l.children.size()},
            {"overdue", l.overdue},     {"not_seen_in_time", l.not_seen_in_time},
            {"children", children}};
  }

  // GET /api/search/children?q=...&limit=20: name (forgiving typos), date of birth, UPN or
  // the LA's child id.
  Reply SearchChildren(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    if (!search_)
      return Error(Status(StatusCode::kUnavailable, "search needs a store file or URL"));
    int limit = 20;
    if (req.has_param("limit")) {
      auto n = ParseId(req.get_param_value("limit"));
      if (!n.ok() || *n > 100) return Error(InvalidArgument("expected 1 to 100", "limit"));
      limit = static_cast<int>(*n);
    }
    auto found = search_->Search(req.get_param_value("q"), limit);
    if (!found.ok()) return Error(found.status());
    std::vector<Id> ids;
    for (const ChildMatch& m : *found) ids.push_back(m.id);
    auto findable = policy_.Findable(user, ids);
    if (!findable.ok()) return Error(findable.status());
    const std::set<Id> may(findable->begin(), findable->end());
    json items = json::array();
    for (const ChildMatch& m : *found) {
      if (!may.count(m.id)) continue;
      Accessed("search", "child", m.id, m.id);
      items.push_back({{"id", m.id},
                       {"la_child_id", m.la_child_id},
                       {"first_name", m.first_name},
                       {"last_name", m.last_name},
                       {"date_of_birth", m.date_of_birth},
                       {"upn", m.upn},
                       {"score", m.score},
                       {"matched", m.why}});
    }
    Reply r;
    r.body = {{"items", items}};
    return r;
  }

  // GET /api/front-door/queue: contacts awaiting a decision, oldest first, with their age.
  Reply Queue(const httplib::Request&, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    auto queue = work::FrontDoorQueue(store_, SystemClock().Now());
    if (!queue.ok()) return Error(queue.status());
    Accessed("list", "front_door_queue", std::nullopt, std::nullopt);
    json items = json::array();
    for (const auto& q : *queue) {
      items.push_back({{"contact_id", q.contact_id},
                       {"child_id", q.child_id},
                       {"child_name", q.child_name},
                       {"received_at", q.received_at.ToString()},
                       {"age_hours", q.age_hours},
                       {"source", q.source},
                       {"rag", q.rag},
                       {"checks", q.checks},
                       {"checks_outstanding", q.checks_outstanding}});
    }
    Reply r;
    r.body = {{"items", items}};
    return r;
  }

  // GET /api/my-work[?as_of=]: the caseload of the worker the account is linked to.
  Reply MyWork(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    if (!user.worker_id) {
      return Error(Status(StatusCode::kFailedPrecondition,
                          "your account is not linked to a worker, so it has no caseload"));
    }
    auto today = AsOf(req);
    if (!today.ok()) return Error(today.status());
    auto load = work::WorkerCaseload(store_, *user.worker_id, *today);
    if (!load.ok()) return Error(load.status());
    // A caseload is logged as one entry naming the worker, not one per child.
    Accessed("list", "caseload", *user.worker_id, std::nullopt);
    Reply r;
    r.body = CaseloadJson(*load, *today);
    r.body["as_of"] = today->ToString();
    // The actions case file audits gave this worker that are not done yet.
    ListQuery mine;
    mine.equals = {{"owner_id", Value(*user.worker_id)}};
    mine.is_null = {"completed_date"};
    mine.limit = 200;
    auto actions = store_.List(Entity("audit_action"), mine);
    if (!actions.ok()) return Error(actions.status());
    json list = json::array();
    for (const Record& a : actions->items) {
      const auto due = DateOf(a, "due_date");
      list.push_back({{"id", a.id()},
                      {"audit_id", a.GetInt("audit_id")},
                      {"child_id", a.GetInt("child_id")},
                      {"action", a.GetText("action")},
                      {"due_date", due ? json(due->ToString()) : json(nullptr)},
                      {"overdue", due && *due < *today}});
    }
    r.body["audit_actions"] = std::move(list);
    return r;
  }

  // GET /api/case-review[?as_of=&closed_months=]: the bulk case review (quality/case_review.h),
  // for managers, leaders and auditors.
  Reply CaseReview(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    if (user.role == "SOCIAL_WORKER" || user.role == "FRONT_DOOR") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "the case review is for managers, leaders and auditors"));
    }
    auto today = AsOf(req);
    if (!today.ok()) return Error(today.status());
    quality::ReviewOptions o;
    o.today = *today;
    if (req.has_param("closed_months")) {
      int months = 0;
      const std::string text = req.get_param_value("closed_months");
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), months);
      if (ec != std::errc() || end != text.data() + text.size() || months < 1 || months > 60) {
        return Error(InvalidArgument("a number of months from 1 to 60", "closed_months"));
      }
      o.closed_months = months;
    }
    Accessed("list", "case_review", std::nullopt, std::nullopt);
    Reply r = CachedCaseReview(o);
    if (r.status != 200 || !r.body.contains("cases")) return r;
    // The cases the user may see: a team manager their team's; restricted ones only for the
    // people named on them. (The counts by rule stay the service's.)
    std::vector<Id> children;
    for (const json& c : r.body["cases"]) children.push_back(c["child_id"].get<Id>());
    auto visible = policy_.Visible(user, children);
    if (!visible.ok()) return Error(visible.status());
    if (visible->size() != children.size()) {
      const std::set<Id> may(visible->begin(), visible->end());
      json kept = json::array();
      for (json& c : r.body["cases"]) {
        if (may.count(c["child_id"].get<Id>())) kept.push_back(std::move(c));
      }
      r.body["cases"] = std::move(kept);
    }
    return r;
  }

  Reply CachedCaseReview(const quality::ReviewOptions& o) {
    return Cached("case-review:" + o.today.ToString() + ":" + std::to_string(o.closed_months),
                  [this, o] {
                    auto r = quality::ReviewCases(store_, o);
                    if (!r.ok()) return Error(r.status());
                    Reply reply;
                    reply.body = CaseReviewJson(*r);
                    return reply;
                  });
  }

  // GET /api/audit-sample?month=YYYY-MM[&rule=random|peer-review&per_group=N&seed=S]: the
  // cases to audit (quality/audit_sample.h), for managers, leaders and auditors.
  Reply AuditSample(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    if (user.role == "SOCIAL_WORKER" || user.role == "FRONT_DOOR") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "audit sampling is for managers, leaders and auditors"));
    }
    quality::SampleOptions o;
    auto month = Date::Parse(req.get_param_value("month") + "-01");
    if (!month.ok()) return Error(InvalidArgument("a month as YYYY-MM, e.g. 2026-01", "month"));
    o.month = *month;
    const std::string rule = req.has_param("rule") ? req.get_param_value("rule") : "random";
    if (rule != "random" && rule != "peer-review") {
      return Error(InvalidArgument("random or peer-review", "rule"));
    }
    o.rule = rule == "random" ? quality::SampleRule::kRandom : quality::SampleRule::kPeerReview;
    if (req.has_param("seed")) {
      const std::string text = req.get_param_value("seed");
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), o.seed);
      if (ec != std::errc() || end != text.data() + text.size()) {
        return Error(InvalidArgument("a whole number", "seed"));
      }
    }
    if (req.has_param("per_group")) {
      const std::string text = req.get_param_value("per_group");
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), o.per_group);
      if (ec != std::errc() || end != text.data() + text.size()) {
        return Error(InvalidArgument("a whole number", "per_group"));
      }
    }
    auto sample = quality::SampleForAudit(store_, o);
    if (!sample.ok()) return Error(sample.status());
    Accessed("list", "audit_sample", std::nullopt, std::nullopt);
    std::vector<Id> children;
    for (const quality::SampledCase& c : *sample) children.push_back(c.child_id);
    auto visible = policy_.Visible(user, children);
    if (!visible.ok()) return Error(visible.status());
    const std::set<Id> may(visible->begin(), visible->end());
    json items = json::array();
    for (const quality::SampledCase& c : *sample) {
      if (!may.count(c.child_id)) continue;
      items.push_back({{"child_id", c.child_id},
                       {"la_child_id", c.la_child_id},
                       {"group", c.group},
                       {"worker_id", c.worker_id},
                       {"worker_name", c.worker_name},
                       {"why", c.why}});
    }
    Reply r;
    r.body = {{"month", o.month.ToString().substr(0, 7)},
              {"rule", rule},
              {"per_group", o.per_group},
              {"seed", o.seed},
              {"items", std::move(items)}};
    return r;
  }

  static json CaseReviewJson(const quality::ReviewResult& r) {
    auto date = [](const std::optional<Date>& d) {
      return d ? json(d->ToString()) : json(nullptr);
    };
    json rules = json::array();
    for (const quality::DriftRuleInfo& info : quality::DriftRules()) {
      auto it = r.by_rule.find(info.rule);
      rules.push_back({{"id", info.id},
                       {"name", info.name},
                       {"description", info.description},
                       {"weight", info.weight},
                       {"cases", it == r.by_rule.end() ? 0 : it->second}});
    }
    json spikes = json::array();
    for (const quality::ClosureSpike& s : r.spikes) {
      spikes.push_back({{"week", s.week.ToString()}, {"closed", s.closed}, {"usual", s.usual}});
    }
    json cases = json::array();
    for (const quality::ReviewedCase& c : r.flagged) {
      json flags = json::array();
      for (const quality::DriftFlag& f : c.flags) {
        flags.push_back(
            {{"rule", quality::InfoFor(f.rule).id}, {"detail", f.detail}, {"due", date(f.due)}});
      }
      cases.push_back({{"child_id", c.child_id},
                       {"la_child_id", c.la_child_id},
                       {"name", c.name},
                       {"status", c.status},
                       {"priority", c.priority},
                       {"referral_id", c.referral_id},
                       {"referral_date", c.referral_date.ToString()},
                       {"closure_date", date(c.closure_date)},
                       {"closure_reason", c.closure_reason},
                       {"worker_id", c.worker_id},
                       {"worker_name", c.worker_name},
                       {"team_id", c.team_id},
                       {"team_name", c.team_name},
                       {"last_seen", date(c.last_seen)},
                       {"outcome", c.outcome.empty() ? json(nullptr) : json(c.outcome)},
                       {"outcome_date", date(c.outcome_date)},
                       {"flags", std::move(flags)}});
    }
    return {{"as_of", r.options.today.ToString()},
            {"closed_months", r.options.closed_months},
            {"open_cases", r.open_cases},
            {"closed_cases", r.closed_cases},
            {"rules", std::move(rules)},
            {"spikes", std::move(spikes)},
            {"cases", std::move(cases)}};
  }

  // GET /api/team-work?team_id=N[&as_of=]: every worker's caseload in a team (default: the
  // team of the worker the account is linked to). For managers and leaders.
  Reply TeamWork(const httplib::Request& req, const User& user) {
    if (Status s = NoChildLists(user); !s.ok()) return Error(s);
    if (user.role == "SOCIAL_WORKER" || user.role == "FRONT_DOOR") {
      return Error(
          Status(StatusCode::kPermissionDenied, "the team view is for team managers and leaders"));
    }
    auto today = AsOf(req);
    if (!today.ok()) return Error(today.status());
    Id team = 0;
    if (req.has_param("team_id")) {
      auto t = ParseId(req.get_param_value("team_id"));
      if (!t.ok()) return Error(t.status().WithFieldPrefix("team_id"));
      team = *t;
    } else if (user.worker_id) {
      auto w = store_.Get(Entity("worker"), *user.worker_id);
      if (!w.ok()) return Error(w.status());
      team = w->GetInt("team_id");
    }
    if (team == 0) return Error(InvalidArgument("say which team", "team_id"));
    auto work = work::TeamCaseloads(store_, team, *today);
    if (!work.ok()) return Error(work.status());
    Accessed("list", "team_caseloads", team, std::nullopt);
    json workers = json::array();
    for (const auto& l : work->workers) workers.push_back(CaseloadJson(l, *today));
    Reply r;
    r.body = {{"team_id", work->team_id},
              {"team_name", work->team_name},
              {"as_of", today->ToString()},
              {"workers", workers}};
    return r;
  }

  // GET /api/children/{id}/due[?as_of=]: what is due and overdue for the child.
  Reply ChildDue(const httplib::Request& req, const User& user) {
    if (Status s = CheckAccess(user, Entity("child"), Access::kRead); !s.ok()) return Error(s);
    auto id = ParseId(req.matches[1].str());
    if (!id.ok()) return Error(id.status());
    auto today = AsOf(req);
    if (!today.ok()) return Error(today.status());
    if (Status s = policy_.CheckChild(user, *id); !s.ok()) return Error(s);
    auto summary = work::SummariseChild(store_, *id, *today);
    if (!summary.ok()) return Error(summary.status());
    Accessed("read", "child_due", *id, *id);
    Reply r;
    r.body = SummaryJson(*summary, *today);
    r.body["as_of"] = today->ToString();
    return r;
  }

  // POST /api/children/{id}/placement-change: ends the open episode (REC X1, with the reason
  // for the change) and starts the next one on the same day, carrying over the legal status,
  // category of need and home postcode; both in one transaction. Body: episode_id, version,
  // date, placement_type, and optionally placement_provider, placement_postcode, provider_urn,
  // reason_place_change, reason_new_episode (P by default; T when the carer stays).
  Reply PlacementChange(const httplib::Request& req, const User& user) {
    const EntityDesc& ep = Entity("cla_episode");
    if (Status s = CheckAccess(user, ep, Access::kWrite); !s.ok()) return Error(s);
    auto child = ParseId(req.matches[1].str());
    if (!child.ok()) return Error(child.status());
    if (Status s = policy_.CheckChild(user, *child); !s.ok()) return Error(s);
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    const json& b = *body;
    auto need_int = [&](const char* k) -> Result<std::int64_t> {
      if (!b.is_object() || !b.contains(k) || !b[k].is_number_integer())
        return InvalidArgument("expected a whole number", k);
      return b[k].get<std::int64_t>();
    };
    auto text = [&](const char* k) -> std::string {
      return b.is_object() && b.contains(k) && b[k].is_string() ? b[k].get<std::string>() : "";
    };
    auto episode_id = need_int("episode_id");
    if (!episode_id.ok()) return Error(episode_id.status());
    auto version = need_int("version");
    if (!version.ok()) return Error(version.status());
    auto date = Date::Parse(text("date"));
    if (!date.ok()) return Error(date.status().WithFieldPrefix("date"));
    if (text("placement_type").empty()) {
      return Error(InvalidArgument("say what the new placement is", "placement_type"));
    }
    Result<Record> created = Status(StatusCode::kInternal, "not run");
    Status s = store_.Transaction([&](Store& tx) -> Status {
      SG_ASSIGN_OR_RETURN(Record current, tx.Get(ep, *episode_id));
      if (current.GetInt("child_id") != *child) {
        return Status(StatusCode::kNotFound, "no such episode for this child", "episode_id");
      }
      if (!IsNull(current.Get("end_date"))) {
        return Status(StatusCode::kFailedPrecondition, "that episode has already ended",
                      "episode_id");
      }
      const auto start = DateOf(current, "start_date");
      if (start && *date <= *start) {
        return InvalidArgument(
            "the change must come after the episode's start (" + start->ToString() + ")", "date");
      }
      Record next(ep);
      for (const char* k : {"child_id", "legal_status", "category_of_need", "home_postcode"}) {
        next.Set(k, current.Get(k));
      }
      current.Set("end_date", *date);
      current.Set("reason_ceased", std::string("X1"));
      if (!text("reason_place_change").empty()) {
        current.Set("reason_place_change", text("reason_place_change"));
      }
      current.meta().version = *version;
      SG_RETURN_IF_ERROR(tx.Update(std::move(current), Actor{user.id}).status());
      next.Set("start_date", *date);
      next.Set("reason_new_episode",
               text("reason_new_episode").empty() ? std::string("P") : text("reason_new_episode"));
      for (const char* k :
           {"placement_type", "placement_provider", "placement_postcode", "provider_urn"}) {
        if (!text(k).empty()) next.Set(k, text(k));
      }
      created = tx.Create(std::move(next), Actor{user.id});
      return created.status();
    });
    if (!s.ok()) return Error(s);
    Accessed("update", "cla_episode", std::nullopt, *child);
    Accessed("create", *created);
    Reply r;
    r.status = 201;
    r.body = RecordToJsonValue(*created);
    return r;
  }

  // GET /api/children/{id}/access-log[?format=csv]: who read or changed the child's record,
  // oldest first (for the child's managers, information governance and subject access
  // requests). Looking at it is logged too.
  Reply ChildAccessLog(const httplib::Request& req, const User& user) {
    if (user.role != "ADMIN" && user.role != "SENIOR_LEADER" && user.role != "TEAM_MANAGER") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "who viewed a child is for managers, senior leaders and administrators"));
    }
    auto id = ParseId(req.matches[1].str());
    if (!id.ok()) return Error(id.status());
    if (Status s = policy_.CheckChild(user, *id); !s.ok()) return Error(s);
    AccessQuery q;
    q.child_id = *id;
    q.limit = 10000;
    auto entries = store_.ReadAccess(q);
    if (!entries.ok()) return Error(entries.status());
    Accessed("read", "access_log", *id, *id);
    Reply r;
    if (req.get_param_value("format") == "csv") {
      std::string csv = "at,user,role,action,what,record_id,reason,request\r\n";
      for (const AccessEntry& e : *entries) {
        std::ostringstream line;
        WriteCsvCell(line, e.at.ToString());
        for (const std::string& cell :
             {e.username, e.role, e.action, e.entity,
              e.record_id ? std::to_string(*e.record_id) : std::string(), e.reason, e.request}) {
          line << ',';
          WriteCsvCell(line, cell);
        }
        csv += line.str() + "\r\n";
      }
      r.raw = std::move(csv);
      r.content_type = "text/csv; charset=utf-8";
      r.disposition = "attachment; filename=\"access-log-child-" + std::to_string(*id) + ".csv\"";
      return r;
    }
    json items = json::array();
    for (const AccessEntry& e : *entries) {
      items.push_back({{"id", e.id},
                       {"at", e.at.ToString()},
                       {"user_id", e.user_id},
                       {"username", e.username},
                       {"role", e.role},
                       {"action", e.action},
                       {"entity", e.entity},
                       {"record_id", e.record_id ? json(*e.record_id) : json(nullptr)},
                       {"reason", e.reason},
                       {"request", e.request}});
    }
    r.body = {{"child_id", *id}, {"items", std::move(items)}};
    return r;
  }

  // POST /api/children/{id}/break-glass {"reason": "..."}: opens a child outside the user's
  // relationship for 8 hours; logged with the reason and listed for managers to review.
  Reply BreakGlass(const httplib::Request& req, const User& user) {
    auto id = ParseId(req.matches[1].str());
    if (!id.ok()) return Error(id.status());
    auto body = ParseJson(req.body);
    if (!body.ok()) return Error(body.status());
    if (!body->is_object() || !body->contains("reason") || !(*body)["reason"].is_string()) {
      return Error(InvalidArgument("say why you need this child's record", "reason"));
    }
    const std::string reason = (*body)["reason"].get<std::string>();
    auto grant = policy_.BreakGlass(user, *id, reason);
    if (!grant.ok()) return Error(grant.status());
    AccessedWithReason("break_glass", *id, grant->GetText("reason"));
    Reply r;
    r.status = 201;
    r.body = RecordToJsonValue(*grant);
    return r;
  }

  // GET /api/break-glass/unreviewed: break-glass looks no manager has reviewed yet, oldest
  // first: for a team manager, those of their team's workers and those at their team's
  // children; for senior leaders and administrators, all.
  Reply UnreviewedBreakGlass(const httplib::Request&, const User& user) {
    if (user.role != "TEAM_MANAGER" && user.role != "SENIOR_LEADER" && user.role != "ADMIN") {
      return Error(Status(StatusCode::kPermissionDenied,
                          "break-glass looks are reviewed by "
                          "managers"));
    }
    ListQuery q;
    q.is_null = {"review_date"};
    q.limit = 1000;
    auto grants = ListAll(store_, Entity("break_glass"), q);
    if (!grants.ok()) return Error(grants.status());
    std::vector<Id> children;
    for (const Record& g : *grants) children.push_back(g.GetInt("child_id"));
    auto visible = policy_.Visible(user, children);
    if (!visible.ok()) return Error(visible.status());
    const std::set<Id> may(visible->begin(), visible->end());
    // A team manager reviews the looks of their team's workers, and those at their children.
    std::optional<Id> team;
    if (user.role == "TEAM_MANAGER" && user.worker_id) {
      if (auto w = store_.Get(Entity("worker"), *user.worker_id); w.ok() && w->GetInt("team_id")) {
        team = w->GetInt("team_id");
      }
    }
    json items = json::array();
    for (const Record& g : *grants) {
      auto who = store_.GetUser(g.GetInt("user_id"));
      bool ours = false;
      if (team && who.ok() && who->worker_id) {
        auto w = store_.Get(Entity("worker"), *who->worker_id);
        ours = w.ok() && w->GetInt("team_id") == *team;
      }
      const bool all = user.role != "TEAM_MANAGER";
      if (!all && !ours && !may.count(g.GetInt("child_id"))) continue;
      json item = RecordToJsonValue(g);
      item["username"] = who.ok() ? who->username : "";
      item["user_name"] = who.ok() ? who->display_name : "";
      items.push_back(std::move(item));
      Accessed("list", g);
    }
    Reply r;
    r.body = {{"items", std::move(items)}};
    return r;
  }

  Reply ChildRecord(const httplib::Request& req, const User& user) {
    const EntityDesc& child = Entity("child");
    if (Status s = CheckAccess(user, child, Access::kRead); !s.ok()) return Error(s);
    auto id = ParseId(req.matches[1].str());
    if (!id.ok()) return Error(id.status());
    if (Status s = policy_.CheckChild(user, *id); !s.ok()) return Error(s);
    auto rec = store_.Get(child, *id);
    if (!rec.ok()) return Error(rec.status());
    Accessed("read", "child_record", *id, *id);
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
  AccessRecorder access_;
  SystemClock clock_;
  AccessPolicy policy_{store_, clock_};
  ServerOptions options_;
  std::mutex facts_mu_;
  std::mutex facts_first_mu_;
  std::shared_ptr<const ind::Facts> facts_;                // guarded by facts_mu_
  std::int64_t facts_marker_ = -1;                         // guarded by facts_mu_
  bool facts_loading_ = false;                             // guarded by facts_mu_
  std::chrono::steady_clock::time_point facts_loaded_at_;  // guarded by facts_mu_
  std::thread facts_reload_;                               // guarded by facts_mu_
  std::string openapi_;
  std::unique_ptr<ChildSearch> search_;  // null without a store location
  struct CachedBody {
    std::int64_t marker = -1;
    json body;
    bool loading = false;
  };
  std::mutex cache_mu_;
  std::map<std::string, CachedBody> cache_;  // guarded by cache_mu_
  std::mutex scorecards_mu_;
  struct Scorecard {
    std::shared_ptr<const ind::Facts> facts;  // what it was computed on
    std::string body;                         // the JSON
    bool computing = false;                   // a request is computing it afresh
  };
  std::map<std::string, Scorecard> scorecards_;  // query -> scorecard; guarded by scorecards_mu_
  std::condition_variable scorecards_cv_;        // a first computation has ended
  std::mutex marker_mu_;
  std::unique_ptr<Database> marker_db_;  // guarded by marker_mu_
  std::int64_t marker_ = -1;             // the last answer, guarded by marker_mu_
  std::uint64_t marker_writes_ = 0;      // writes_ when it was asked, guarded by marker_mu_
  std::chrono::steady_clock::time_point marker_at_;  // when, guarded by marker_mu_
  std::atomic<std::uint64_t> writes_{0};  // state-changing requests handled (after the reply)
  FairGate queue_;                        // admits the kQueued requests to their handlers
  socket_t listen_socket_ = -1;           // the socket bound by Bind()
  std::mutex la_mu_;
  bool la_known_ = false;                   // guarded by la_mu_
  std::string la_code_;                     // guarded by la_mu_
  std::vector<std::thread> cache_threads_;  // guarded by cache_mu_
  std::thread warm_;
  httplib::Server svr_;
};

Server::Server(Store& store, Auth& auth, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, auth, std::move(options))) {}
Server::~Server() = default;
Result<int> Server::Bind() { return impl_->Bind(); }
Status Server::Run() { return impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace sg

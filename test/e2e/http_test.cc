// The HTTP API end to end: the real binary, serving a demo store on port 0, on each backend.

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "e2e/process.h"
#include "model/entity.h"
#include "returns/cin_validate.h"
#include "storage/migrations.h"
#include "test_util.h"

namespace sg {
namespace {

using nlohmann::json;
using testing::RunSafeguard;
using testing::ServerProcess;

struct Shared {
  std::unique_ptr<testing::TempDir> dir;
  std::unique_ptr<ServerProcess> server;
  std::string db;  // the store's location, for the CLI
};

class HttpApi : public ::testing::TestWithParam<std::string> {
 protected:
  static std::map<std::string, Shared>& Servers() {
    static auto* m = new std::map<std::string, Shared>();
    return *m;
  }

  static void TearDownTestSuite() { Servers().clear(); }

  void SetUp() override {
    Shared& s = Servers()[GetParam()];
    if (!s.server) {
      s.dir = std::make_unique<testing::TempDir>();
      const std::string db = testing::FreshLocation(GetParam(), *s.dir);
      s.db = db;
      auto demo = RunSafeguard({"demo", "--db", db});
      ASSERT_EQ(demo.exit_code, 0) << demo.err;
      s.server = std::make_unique<ServerProcess>(db);
    }
    ASSERT_TRUE(s.server->ok()) << "server did not start";
    client_ = std::make_unique<httplib::Client>("127.0.0.1", s.server->port());
    client_->set_read_timeout(30, 0);
  }

  std::string Login(const std::string& user) {
    auto r = client_->Post("/api/login",
                           json({{"username", user}, {"password", "safeguard-demo"}}).dump(),
                           "application/json");
    EXPECT_TRUE(r);
    if (!r) return "";
    EXPECT_EQ(r->status, 200) << r->body;
    const std::string cookie = r->get_header_value("Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    return cookie.substr(0, cookie.find(';'));
  }

  httplib::Result Get(const std::string& path, const std::string& cookie) {
    return client_->Get(path, {{"Cookie", cookie}});
  }
  httplib::Result Post(const std::string& path, const json& body, const std::string& cookie) {
    return client_->Post(path, {{"Cookie", cookie}}, body.dump(), "application/json");
  }
  httplib::Result Patch(const std::string& path, const json& body, const std::string& cookie) {
    return client_->Patch(path, {{"Cookie", cookie}}, body.dump(), "application/json");
  }

  static json Body(const httplib::Result& r) { return json::parse(r->body); }

  static void ExpectError(const httplib::Result& r, int status, const std::string& code,
                          const std::string& field = "") {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    json b = json::parse(r->body, nullptr, false);
    ASSERT_TRUE(b.is_object()) << r->body;
    EXPECT_EQ(b["error"]["code"], code) << r->body;
    EXPECT_TRUE(b["error"]["message"].is_string());
    if (!field.empty()) {
      EXPECT_EQ(b["error"]["field"], field) << r->body;
    }
  }

  std::unique_ptr<httplib::Client> client_;
};

TEST_P(HttpApi, HealthzReportsTheStore) {
  auto r = client_->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  json b = Body(r);
  EXPECT_EQ(b["status"], "ok");
  EXPECT_EQ(b["schema_version"], LatestSchemaVersion());
  EXPECT_EQ(
      b["store"].get<std::string>().rfind(GetParam() == "sqlite" ? "SQLite" : "PostgreSQL", 0), 0u);
}

TEST_P(HttpApi, RepliesSayHowLongTheyWaitedAndTook) {
  const std::regex timing(R"(queue;dur=\d+\.\d, app;dur=\d+\.\d)");
  auto health = client_->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_TRUE(std::regex_match(health->get_header_value("Server-Timing"), timing))
      << health->get_header_value("Server-Timing");
  const std::string cookie = Login("social.worker");
  auto work = Get("/api/my-work", cookie);
  ASSERT_TRUE(work);
  EXPECT_TRUE(std::regex_match(work->get_header_value("Server-Timing"), timing))
      << work->get_header_value("Server-Timing");
}

// Clients connecting at once wait in the kernel's queue instead of having their handshakes
// dropped (and retried a second later): the listening socket's queue is longer than the 5
// httplib asks for. ss reports a listening socket's queue limit as its Send-Q.
TEST_P(HttpApi, ManyClientsCanWaitToBeAccepted) {
  const int port = Servers()[GetParam()].server->port();
  const std::string command = "ss -Hltn 'sport = :" + std::to_string(port) + "'";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[256];
  while (fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  ASSERT_EQ(pclose(pipe), 0) << command;
  std::istringstream line(out);
  std::string state;
  long queued = -1, limit = -1;
  line >> state >> queued >> limit;
  EXPECT_EQ(state, "LISTEN") << out;
  EXPECT_GE(limit, 128) << out;
}

TEST_P(HttpApi, RecordsNeedALogin) {
  ExpectError(client_->Get("/api/children"), 401, "unauthenticated");
  ExpectError(client_->Get("/api/children", {{"Cookie", "sg_session=" + std::string(64, 'a')}}),
              401, "unauthenticated");
  auto bad = client_->Post(
      "/api/login", json({{"username", "social.worker"}, {"password", "wrong-password"}}).dump(),
      "application/json");
  ExpectError(bad, 401, "unauthenticated");
}

TEST_P(HttpApi, CreateAChildAndAContactAndReadThemBack) {
  const std::string cookie = Login("front.door");
  auto child = Post("/api/children",
                    {{"la_child_id", "E2E-" + GetParam()},
                     {"first_name", "Pat"},
                     {"last_name", "Example"},
                     {"date_of_birth", "2016-09-01"},
                     {"sex", "F"},
                     {"ethnicity", "WBRI"},
                     {"disabilities", {"NONE"}}},
                    cookie);
  ASSERT_TRUE(child);
  ASSERT_EQ(child->status, 201) << child->body;
  const auto child_id = Body(child)["id"].get<std::int64_t>();
  auto contact = Post("/api/contacts",
                      {{"child_id", child_id},
                       {"received_at", "2026-02-01T09:30:00Z"},
                       {"source", "5A"},
                       {"concern", "Police report a domestic incident."},
                       {"rag", "AMBER"}},
                      cookie);
  ASSERT_TRUE(contact);
  ASSERT_EQ(contact->status, 201) << contact->body;
  const auto contact_id = Body(contact)["id"].get<std::int64_t>();

  auto read = Get("/api/children/" + std::to_string(child_id), cookie);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
  EXPECT_EQ(Body(read)["first_name"], "Pat");
  EXPECT_EQ(Body(read)["disabilities"], json({"NONE"}));
  auto read_contact = Get("/api/contacts/" + std::to_string(contact_id), cookie);
  ASSERT_TRUE(read_contact);
  EXPECT_EQ(Body(read_contact)["concern"], "Police report a domestic incident.");
  EXPECT_EQ(Body(read_contact)["received_at"], "2026-02-01T09:30:00Z");
  auto me = Get("/api/me", cookie);
  EXPECT_EQ(Body(read_contact)["created_by"], Body(me)["id"]);

  auto listed = Get("/api/contacts?child_id=" + std::to_string(child_id), cookie);
  ASSERT_TRUE(listed);
  ASSERT_EQ(Body(listed)["items"].size(), 1u);
  auto record = Get("/api/children/" + std::to_string(child_id) + "/record", cookie);
  ASSERT_TRUE(record);
  EXPECT_EQ(Body(record)["contacts"].size(), 1u);
  EXPECT_EQ(Body(record)["child"]["id"], child_id);
}

TEST_P(HttpApi, BadInputGetsAFieldAndWritesNothing) {
  const std::string cookie = Login("social.worker");
  auto before = Body(Get("/api/children?limit=1000", cookie))["items"].size();
  ExpectError(client_->Post("/api/children", {{"Cookie", cookie}},
                            "{\"la_child_id\": ", "application/json"),
              400, "invalid_argument");
  ExpectError(Post("/api/children",
                   {{"la_child_id", "Q1"},
                    {"first_name", "A"},
                    {"last_name", "B"},
                    {"date_of_birth", "2099-01-01"}},
                   cookie),
              400, "invalid_argument", "date_of_birth");
  ExpectError(Post("/api/children",
                   {{"la_child_id", "Q1"},
                    {"first_name", "A"},
                    {"last_name", "B"},
                    {"date_of_birth", "2015-02-30"}},
                   cookie),
              400, "invalid_argument", "date_of_birth");
  ExpectError(Post("/api/children",
                   {{"la_child_id", "Q1"},
                    {"first_name", "A"},
                    {"last_name", "B"},
                    {"date_of_birth", "2015-01-01"},
                    {"ethnicity", "MARS"}},
                   cookie),
              400, "invalid_argument", "ethnicity");
  ExpectError(Post("/api/children",
                   {{"la_child_id", "DEMO0001"},
                    {"first_name", "A"},
                    {"last_name", "B"},
                    {"date_of_birth", "2015-01-01"}},
                   cookie),
              409, "already_exists", "la_child_id");
  ExpectError(Post("/api/children",
                   {{"la_child_id", "Q1"},
                    {"first_name", "A"},
                    {"last_name", "B"},
                    {"date_of_birth", "2015-01-01"},
                    {"shoe_size", 5}},
                   cookie),
              400, "invalid_argument", "shoe_size");
  EXPECT_EQ(Body(Get("/api/children?limit=1000", cookie))["items"].size(), before);

  // A plan that ends before it starts.
  auto cp = Body(Get("/api/cp-plans?limit=1", cookie))["items"][0];
  ExpectError(Patch("/api/cp-plans/" + std::to_string(cp["id"].get<std::int64_t>()),
                    {{"version", cp["version"]}, {"end_date", "2020-01-01"}}, cookie),
              400, "invalid_argument", "end_date");
  ExpectError(Get("/api/children?sex=Z", cookie), 400, "invalid_argument");
  ExpectError(Get("/api/children?colour=red", cookie), 400, "invalid_argument", "colour");
  ExpectError(Get("/api/children/999999", cookie), 404, "not_found");
  ExpectError(Get("/api/no-such-things", cookie), 404, "not_found");
}

TEST_P(HttpApi, StateChangesMustBeJson) {
  const std::string cookie = Login("social.worker");
  auto r = client_->Post("/api/children", {{"Cookie", cookie}}, "la_child_id=X",
                         "application/x-www-form-urlencoded");
  ExpectError(r, 400, "invalid_argument", "Content-Type");
}

TEST_P(HttpApi, OversizedBodiesAreRefused) {
  const std::string cookie = Login("social.worker");
  // Above the 64 MB limit (set for uploaded returns).
  const std::string big = "{\"concern\": \"" + std::string((64 << 20) + 1024, 'x') + "\"}";
  auto r = client_->Post("/api/contacts", {{"Cookie", cookie}}, big, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  // The server is still serving.
  EXPECT_EQ(client_->Get("/healthz")->status, 200);
}

TEST_P(HttpApi, AnUploadedCinCensusIsChecked) {
  const std::string cookie = Login("social.worker");
  auto r = client_->Post("/api/returns/cin/validate", {{"Cookie", cookie}},
                         json{{"xml", "<Message><Header><CollectionDetails>"}}.dump(),
                         "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json b = Body(r);
  EXPECT_FALSE(b["well_formed"].get<bool>());
  EXPECT_GE(b["errors"].get<int>(), 1);
  EXPECT_EQ(b["findings"][0]["rule"], "XML");
  auto missing =
      client_->Post("/api/returns/cin/validate", {{"Cookie", cookie}}, "{}", "application/json");
  ExpectError(missing, 400, "invalid_argument", "xml");
  const std::string member = Login("member");
  auto denied = client_->Post("/api/returns/cin/validate", {{"Cookie", member}},
                              json{{"xml", "<Message/>"}}.dump(), "application/json");
  ExpectError(denied, 403, "permission_denied");
}

TEST_P(HttpApi, AnUploaded903IsCheckedInAPrivateFolder) {
  const std::string cookie = Login("team.manager");
  // A header table with one child whose sex is not a code; a file name that tries to leave
  // the folder keeps only its own name.
  const std::string header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,9,01/01/2015,WBRI,UN1,,\n";
  auto r = client_->Post(
      "/api/returns/903/validate", {{"Cookie", cookie}},
      json{{"year", "2025-26"}, {"files", {{{"name", "../../header.csv"}, {"text", header}}}}}
          .dump(),
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json b = Body(r);
  EXPECT_EQ(b["year"], "2025-26");
  EXPECT_GT(b["rules_run"].get<int>(), 0);
  bool sex = false;
  for (const json& f : b["findings"]) {
    EXPECT_EQ(f["where"].get<std::string>().find("sg-903-"), std::string::npos) << f.dump();
    if (f["field"] == "SEX" && f["child"] == "C1") sex = true;
  }
  EXPECT_TRUE(sex) << b.dump();
  auto bad =
      client_->Post("/api/returns/903/validate", {{"Cookie", cookie}},
                    json{{"year", "2025-26"}, {"files", {{{"name", ".."}, {"text", "x"}}}}}.dump(),
                    "application/json");
  ExpectError(bad, 400, "invalid_argument", "files[0]");
  auto no_year = client_->Post("/api/returns/903/validate", {{"Cookie", cookie}},
                               json{{"files", json::array()}}.dump(), "application/json");
  ExpectError(no_year, 400, "invalid_argument", "year");
}

TEST_P(HttpApi, PatchNeedsTheCurrentVersionAndKeepsHistory) {
  const std::string cookie = Login("social.worker");
  auto created = Post("/api/children",
                      {{"la_child_id", "V-" + GetParam()},
                       {"first_name", "Val"},
                       {"last_name", "Version"},
                       {"date_of_birth", "2014-01-01"}},
                      cookie);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string path =
      "/api/children/" + std::to_string(Body(created)["id"].get<std::int64_t>());
  ExpectError(Patch(path, {{"other_names", "Vee"}}, cookie), 400, "invalid_argument", "version");
  auto ok = Patch(path, {{"version", 1}, {"other_names", "Vee"}}, cookie);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(Body(ok)["version"], 2);
  EXPECT_EQ(Body(ok)["other_names"], "Vee");
  ExpectError(Patch(path, {{"version", 1}, {"other_names", "Lost"}}, cookie), 409, "conflict");
  auto history = Get(path + "/history", cookie);
  ASSERT_EQ(history->status, 200);
  json items = Body(history)["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["operation"], "create");
  EXPECT_TRUE(items[0]["record"]["other_names"].is_null());
  EXPECT_EQ(items[1]["record"]["other_names"], "Vee");
}

TEST_P(HttpApi, RolesAreEnforcedByTheServer) {
  const std::string member = Login("member");
  ExpectError(Get("/api/children", member), 403, "permission_denied");
  ExpectError(Get("/api/children/1/record", member), 403, "permission_denied");
  const std::string analyst = Login("analyst");
  EXPECT_EQ(Get("/api/children", analyst)->status, 200);
  ExpectError(Post("/api/children",
                   {{"la_child_id", "R1"},
                    {"first_name", "A"},
                    {"last_name", "B"},
                    {"date_of_birth", "2015-01-01"}},
                   analyst),
              403, "permission_denied");
}

TEST_P(HttpApi, ListsPageWithACursor) {
  const std::string cookie = Login("analyst");
  auto first = Body(Get("/api/children?limit=3", cookie));
  ASSERT_EQ(first["items"].size(), 3u);
  ASSERT_TRUE(first["next_after"].is_number());
  auto second = Body(Get("/api/children?limit=3&after=" + first["next_after"].dump(), cookie));
  ASSERT_FALSE(second["items"].empty());
  EXPECT_GT(second["items"][0]["id"].get<int>(), first["items"][2]["id"].get<int>());
}

TEST_P(HttpApi, LogoutEndsTheSession) {
  const std::string cookie = Login("auditor");
  EXPECT_EQ(Get("/api/me", cookie)->status, 200);
  auto out = client_->Post("/api/logout", {{"Cookie", cookie}}, "{}", "application/json");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  ExpectError(Get("/api/me", cookie), 401, "unauthenticated");
}

TEST_P(HttpApi, OpenApiDescribesEveryCollection) {
  auto r = client_->Get("/api/openapi.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json doc = Body(r);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const EntityDesc& e : AllEntities()) {
    const std::string path = "/api/" + std::string(e.path);
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
    EXPECT_TRUE(doc["paths"].contains(path + "/{id}")) << path;
    EXPECT_TRUE(doc["components"]["schemas"].contains(std::string(e.name))) << e.name;
  }
  EXPECT_TRUE(doc["paths"].contains("/healthz"));
  for (const char* path :
       {"/api/search/children", "/api/front-door/queue", "/api/my-work", "/api/team-work",
        "/api/children/{id}/due", "/api/children/{id}/placement-change", "/api/case-review"}) {
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  }
  EXPECT_TRUE(doc["paths"]["/api/returns/903/validate"].contains("post"));
}

TEST_P(HttpApi, TheCaseReviewIsForManagers) {
  const std::string manager = Login("team.manager");
  auto r = Get("/api/case-review?closed_months=12", manager);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json b = Body(r);
  EXPECT_EQ(b["closed_months"], 12);
  ASSERT_EQ(b["rules"].size(), 8u);
  EXPECT_EQ(b["rules"][0]["id"], "not_seen");
  EXPECT_GE(b["open_cases"].get<int>(), 1);
  int priority = 1000;
  for (const json& c : b["cases"]) {
    EXPECT_LE(c["priority"].get<int>(), priority);  // most worrying first
    priority = c["priority"].get<int>();
    EXPECT_FALSE(c["flags"].empty());
  }
  ExpectError(Get("/api/case-review", Login("social.worker")), 403, "permission_denied");
  ExpectError(Get("/api/case-review", Login("member")), 403, "permission_denied");
  ExpectError(Get("/api/case-review?closed_months=0", manager), 400, "invalid_argument",
              "closed_months");
}

TEST_P(HttpApi, AuditSamplesAreReproducible) {
  const std::string auditor = Login("auditor");
  auto a = Get("/api/audit-sample?month=2026-01&per_group=1&seed=3", auditor);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200) << a->body;
  const json b = Body(a);
  EXPECT_EQ(b["month"], "2026-01");
  EXPECT_EQ(b["rule"], "random");
  ASSERT_FALSE(b["items"].empty());
  EXPECT_EQ(Body(Get("/api/audit-sample?month=2026-01&per_group=1&seed=3", auditor))["items"],
            b["items"]);
  auto peer = Get("/api/audit-sample?month=2026-01&rule=peer-review", auditor);
  ASSERT_TRUE(peer);
  EXPECT_EQ(peer->status, 200) << peer->body;
  ExpectError(Get("/api/audit-sample?month=2026-13", auditor), 400, "invalid_argument", "month");
  ExpectError(Get("/api/audit-sample?month=2026-01&rule=any", auditor), 400, "invalid_argument",
              "rule");
  ExpectError(Get("/api/audit-sample?month=2026-01", Login("social.worker")), 403,
              "permission_denied");
}

// The quality work over the API on the demo LA: audits summarised (lists withheld from
// members), auditors write audits, plans read by every role and written by leaders, a plan
// rated, and the board report as PDF and HTML.
TEST_P(HttpApi, AuditsPlansAndTheBoardReport) {
  const std::string auditor = Login("auditor");
  const std::string member = Login("member");
  const std::string period = "period=2025-10-01..2026-03-31&as_of=2026-02-15";
  auto summary = Get("/api/audits/summary?" + period, auditor);
  ASSERT_TRUE(summary);
  ASSERT_EQ(summary->status, 200) << summary->body;
  json s = Body(summary);
  EXPECT_EQ(s["audits"], 2);  // the moderation is not an audit of its own
  EXPECT_EQ(s["moderation"]["pairs"], 1);
  EXPECT_EQ(s["moderation"]["agreed"], 1);
  ASSERT_EQ(s["moderation"]["audits"].size(), 1u);
  EXPECT_EQ(s["actions"]["overdue"], 1);  // due 3 February, not done
  json m = Body(Get("/api/audits/summary?" + period, member));
  EXPECT_EQ(m["audits"], 2);
  EXPECT_FALSE(m["moderation"].contains("audits"));
  EXPECT_FALSE(m["actions"].contains("overdue_list"));
  ExpectError(Get("/api/audits/summary?period=2026-01-01..2025-01-01", auditor), 400,
              "invalid_argument");
  // The worker sees the action the audit gave them.
  auto mine = Body(Get("/api/my-work?as_of=2026-02-15", Login("social.worker")));
  ASSERT_EQ(mine["audit_actions"].size(), 1u) << mine.dump();
  EXPECT_EQ(mine["audit_actions"][0]["action"], "Hold the CIN plan review");
  EXPECT_TRUE(mine["audit_actions"][0]["overdue"].get<bool>());

  // An auditor re-grades an audit; a member may not.
  const json first = s["moderation"]["audits"][0];
  auto workers = Body(Get("/api/workers?limit=1", auditor));
  const json body = {{"child_id", first["child_id"]},
                     {"auditor_id", workers["items"][0]["id"]},
                     {"audit_date", "2026-02-10"},
                     {"grade", "GOOD"},
                     {"moderates_id", first["audit_id"]}};
  auto created = Post("/api/case-audits", body, auditor);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  ExpectError(Post("/api/case-audits", body, member), 403, "permission_denied");
  EXPECT_EQ(Body(Get("/api/audits/summary?" + period, auditor))["moderation"]["pairs"], 2);

  // Plans: members read them; leaders change them, social workers do not.
  auto plans = Body(Get("/api/improvement-plans", member));
  ASSERT_EQ(plans["items"].size(), 1u);
  const std::string id = std::to_string(plans["items"][0]["id"].get<std::int64_t>());
  auto status = Get("/api/improvement-plans/" + id + "/status?as_of=2026-02-15", member);
  ASSERT_TRUE(status);
  ASSERT_EQ(status->status, 200) << status->body;
  json p = Body(status);
  EXPECT_EQ(p["rag"], "red");
  ASSERT_EQ(p["workstreams"].size(), 2u);
  const json action = p["workstreams"][0]["items"][0]["items"][0];
  EXPECT_EQ(action["title"], "Train every team on direct work");
  EXPECT_EQ(action["rag"], "red");
  EXPECT_EQ(action["reason"], "Overdue by 15 days");
  EXPECT_EQ(p["workstreams"][0]["items"][0]["items"][1]["rag"], "amber");  // waits for it
  ASSERT_EQ(p["measures"].size(), 2u);
  EXPECT_EQ(p["measures"][1]["kind"], "CHILD_VOICE");
  EXPECT_EQ(p["measures"][1]["rag"], "amber");  // 71 against an expected 71.5, tolerance 1.2
  ExpectError(Get("/api/improvement-plans/999/status", member), 404, "not_found");

  const std::string leader = Login("senior.leader");
  const std::string item = "/api/plan-items/" + std::to_string(action["id"].get<std::int64_t>());
  auto current = Body(Get(item, leader));
  auto patched = Patch(item,
                       {{"version", current["version"]},
                        {"status", "COMPLETE"},
                        {"completed_date", "2026-02-10"},
                        {"evidence", "Every team trained"}},
                       leader);
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->status, 200) << patched->body;
  const json history = Body(Get(item + "/history", leader));
  ASSERT_EQ(history["items"].size(), 2u);
  EXPECT_EQ(history["items"][1]["actor"], "Lee Senior (demo)");
  ExpectError(Post("/api/plan-risks",
                   {{"plan_id", plans["items"][0]["id"]},
                    {"title", "A risk"},
                    {"likelihood", 1},
                    {"impact", 1},
                    {"status", "OPEN"}},
                   Login("social.worker")),
              403, "permission_denied");
  p = Body(Get("/api/improvement-plans/" + id + "/status?as_of=2026-02-15", member));
  EXPECT_EQ(p["workstreams"][0]["items"][0]["items"][0]["rag"], "complete");

  // The board report, for members too.
  auto pdf = Get("/api/board-report?format=pdf&" + period, member);
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
  auto html = Get("/api/board-report?" + period, member);
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(html->body.find("What case file audits found"), std::string::npos);
  EXPECT_NE(html->body.find("Children&#39;s services improvement plan"), std::string::npos);
  ExpectError(Get("/api/board-report?format=doc", member), 400, "invalid_argument", "format");
}

// Every read and change of a child's record is in the access log before the reply leaves:
// who, what, which route; managers see who viewed a child (and export it for a subject access
// request); social workers do not; the chain is intact.
TEST_P(HttpApi, ReadsAndChangesOfAChildAreLogged) {
  const std::string sw = Login("social.worker");
  auto children = Body(Get("/api/children?limit=2", sw));
  ASSERT_GE(children["items"].size(), 1u);
  const std::int64_t child = children["items"][0]["id"].get<std::int64_t>();
  const std::string id = std::to_string(child);
  ASSERT_EQ(Get("/api/children/" + id + "/record", sw)->status, 200);
  ASSERT_EQ(Get("/api/children/" + id, sw)->status, 200);
  auto visit = Post("/api/visits",
                    {{"child_id", child},
                     {"visit_date", "2026-02-01"},
                     {"visit_type", "CIN"},
                     {"child_seen", true}},
                    sw);
  ASSERT_TRUE(visit);
  ASSERT_EQ(visit->status, 201) << visit->body;

  const std::string manager = Login("team.manager");
  auto log = Get("/api/children/" + id + "/access-log", manager);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->status, 200) << log->body;
  const json items = Body(log)["items"];
  auto has = [&](const std::string& action, const std::string& request) {
    for (const auto& e : items) {
      if (e["username"] == "social.worker" && e["action"] == action && e["request"] == request) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(has("list", "GET /api/children")) << items.dump();
  EXPECT_TRUE(has("read", "GET /api/children/{id}/record")) << items.dump();
  EXPECT_TRUE(has("read", "GET /api/children/{id}")) << items.dump();
  EXPECT_TRUE(has("create", "POST /api/visits")) << items.dump();
  for (const auto& e : items)
    EXPECT_EQ(e["request"].get<std::string>().find(id), std::string::npos);

  auto csv = Get("/api/children/" + id + "/access-log?format=csv", manager);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_EQ(csv->body.rfind("at,user,role,action,what,record_id,reason,request\r\n", 0), 0u);
  EXPECT_NE(csv->body.find("social.worker,SOCIAL_WORKER,read,child_record"), std::string::npos)
      << csv->body;
  ExpectError(Get("/api/children/" + id + "/access-log", sw), 403, "permission_denied");
  // The manager's look at the log is itself logged.
  auto again = Body(Get("/api/children/" + id + "/access-log", manager))["items"];
  EXPECT_EQ(again.back()["action"], "read");
  EXPECT_EQ(again.back()["entity"], "access_log");

  // The CLI reads the same log (a subject access request's export) and checks its chain.
  const std::string db = Servers()[GetParam()].db;
  auto sar = RunSafeguard({"access-log", "--db", db, "--child", id, "--format", "csv"});
  ASSERT_EQ(sar.exit_code, 0) << sar.err;
  EXPECT_NE(sar.out.find(",social.worker,SOCIAL_WORKER,read,child_record,"), std::string::npos)
      << sar.out;
  auto verify = RunSafeguard({"access-log", "--db", db, "--verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("intact"), std::string::npos) << verify.out;
}

// The legitimate relationship: a social worker sees the children allocated to them or their
// team and no others (403, no data), until they break the glass with a reason; the look is
// logged with its reason and waits for a manager's review, which another manager makes.
TEST_P(HttpApi, SocialWorkersSeeTheirTeamsChildrenAndBreakTheGlass) {
  const std::string sw = Login("social.worker");
  const std::string analyst = Login("analyst");
  const json all = Body(Get("/api/children?limit=1000", analyst))["items"];
  const json mine = Body(Get("/api/children?limit=1000", sw))["items"];
  ASSERT_FALSE(mine.empty());
  ASSERT_LT(mine.size(), all.size());
  std::set<std::int64_t> visible;
  for (const auto& c : mine) visible.insert(c["id"].get<std::int64_t>());
  std::int64_t other = 0;
  for (const auto& c : all) {
    if (!visible.count(c["id"].get<std::int64_t>())) other = c["id"].get<std::int64_t>();
  }
  ASSERT_NE(other, 0);
  const std::string id = std::to_string(other);
  auto refused = Get("/api/children/" + id + "/record", sw);
  ExpectError(refused, 403, "permission_denied");
  EXPECT_EQ(refused->body.find("first_name"), std::string::npos);  // no data
  EXPECT_NE(refused->body.find("break-glass"), std::string::npos);
  ExpectError(Get("/api/children/" + id, sw), 403, "permission_denied");
  EXPECT_TRUE(Body(Get("/api/visits?limit=1000&child_id=" + id, sw))["items"].empty());
  ExpectError(Post("/api/visits",
                   {{"child_id", other}, {"visit_date", "2026-02-01"}, {"visit_type", "CIN"}}, sw),
              403, "permission_denied");

  // Break the glass: a reason is required; then the record opens, and the look is logged.
  ExpectError(Post("/api/children/" + id + "/break-glass", {{"reason", "need"}}, sw), 400,
              "invalid_argument", "reason");
  auto glass = Post("/api/children/" + id + "/break-glass",
                    {{"reason", "Duty call: police report a sibling at risk tonight"}}, sw);
  ASSERT_TRUE(glass);
  ASSERT_EQ(glass->status, 201) << glass->body;
  EXPECT_EQ(Get("/api/children/" + id + "/record", sw)->status, 200);
  const std::string manager = Login("team.manager");
  const json log = Body(Get("/api/children/" + id + "/access-log", Login("admin")))["items"];
  bool logged = false;
  for (const auto& e : log) {
    logged |= e["action"] == "break_glass" &&
              e["reason"] == "Duty call: police report a sibling at risk tonight";
  }
  EXPECT_TRUE(logged) << log.dump();

  // The worker's own manager reviews it; the one who broke the glass may not.
  const std::string leader = manager;
  const json waiting = Body(Get("/api/break-glass/unreviewed", leader))["items"];
  json grant;
  for (const auto& g : waiting) {
    if (g["child_id"] == other) grant = g;
  }
  ASSERT_FALSE(grant.is_null()) << waiting.dump();
  EXPECT_EQ(grant["username"], "social.worker");
  ExpectError(Get("/api/break-glass/unreviewed", sw), 403, "permission_denied");
  const std::string path = "/api/break-glass/" + std::to_string(grant["id"].get<std::int64_t>());
  ExpectError(Patch(path, {{"version", grant["version"]}, {"reason", "changed"}}, leader), 400,
              "invalid_argument", "reason");
  auto reviewed = Patch(path,
                        {{"version", grant["version"]},
                         {"review_date", "2026-02-02"},
                         {"review_outcome", "JUSTIFIED"}},
                        leader);
  ASSERT_TRUE(reviewed);
  ASSERT_EQ(reviewed->status, 200) << reviewed->body;
  EXPECT_FALSE(Body(reviewed)["reviewed_by"].is_null());
  ExpectError(Post("/api/break-glass",
                   {{"child_id", other},
                    {"user_id", 1},
                    {"reason", "made up directly"},
                    {"expires_at", "2030-01-01T00:00:00Z"}},
                   manager),
              403, "permission_denied");
}

// A restricted record is seen only by the people named on it: to everyone else, the
// administrator included, it does not exist (404, not 403), in lists and in search too.
TEST_P(HttpApi, RestrictedRecordsAreHiddenFromAllButTheNamed) {
  const std::string admin = Login("admin");
  const std::string manager = Login("team.manager");
  auto found = Body(Get("/api/search/children?q=DEMO0010", manager))["items"];
  ASSERT_EQ(found.size(), 1u) << found.dump();
  const std::string id = std::to_string(found[0]["id"].get<std::int64_t>());
  EXPECT_EQ(Get("/api/children/" + id + "/record", manager)->status, 200);
  for (const char* who : {"admin", "analyst", "social.worker", "iro"}) {
    const std::string cookie = Login(who);
    ExpectError(Get("/api/children/" + id + "/record", cookie), 404, "not_found");
    ExpectError(Get("/api/children/" + id, cookie), 404, "not_found");
    EXPECT_TRUE(Body(Get("/api/search/children?q=DEMO0010", cookie))["items"].empty()) << who;
    const json listed = Body(Get("/api/children?limit=1000", cookie))["items"];
    for (const auto& c : listed) {
      EXPECT_NE(c["la_child_id"], "DEMO0010") << who;
    }
  }
  // Break-glass does not open it, and only an administrator names people on it.
  ExpectError(Post("/api/children/" + id + "/break-glass",
                   {{"reason", "I would like to see this record please"}}, admin),
              404, "not_found");
  ExpectError(
      Post("/api/restricted-access", {{"child_id", std::stoll(id)}, {"user_id", 2}}, manager), 403,
      "permission_denied");
}

TEST_P(HttpApi, CodeListsAreServed) {
  const std::string cookie = Login("social.worker");
  auto r = Get("/api/code-lists/referral_source", cookie);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["codes"][0]["code"], "1A");
  ExpectError(Get("/api/code-lists/nope", cookie), 404, "not_found");
}

TEST_P(HttpApi, TheLiveRecordIsValidatedAsACinCensus) {
  const std::string cookie = Login("analyst");
  auto r = Get("/api/returns/cin/validate?year=2025-26", cookie);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["year"], "2025-26");
  EXPECT_EQ(body["rules"], cin::Rules().size());
  EXPECT_GT(body["children"].get<int>(), 0);
  EXPECT_EQ(body["errors"].get<size_t>() + body["queries"].get<size_t>(), body["findings"].size());
  for (const auto& f : body["findings"]) {
    EXPECT_TRUE(f.contains("rule") && f.contains("child") && f.contains("where")) << f.dump();
  }
  ExpectError(Get("/api/returns/cin/validate?year=26", cookie), 400, "invalid_argument");
  // Members see aggregates only: the findings name children.
  ExpectError(Get("/api/returns/cin/validate", Login("member")), 403, "permission_denied");
}

TEST_P(HttpApi, TheLiveRecordIsValidatedAsAn903AndMeasured) {
  const std::string cookie = Login("analyst");
  auto r = Get("/api/returns/903/validate?year=2025-26", cookie);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["year"], "2025-26");
  EXPECT_GT(body["rules_run"].get<int>(), 0);
  EXPECT_EQ(body["errors"].get<size_t>() + body["queries"].get<size_t>(), body["findings"].size());
  // Built from the record, the previous year's return is there: nothing waits on it.
  for (const auto& n : body["not_run"]) {
    EXPECT_EQ(n["needs"].get<std::string>().find("previous year"), std::string::npos) << n;
  }
  ExpectError(Get("/api/returns/903/validate?year=26", cookie), 400, "invalid_argument");
  ExpectError(Get("/api/returns/903/validate", Login("member")), 403, "permission_denied");
  // The measures are aggregates: members may see them.
  auto m = Get("/api/returns/903/measures?year=2025-26", Login("member"));
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200) << m->body;
  const json measures = Body(m)["measures"];
  ASSERT_GE(measures.size(), 10u);
  EXPECT_EQ(measures[0]["id"], "cla_at_31_march");
  EXPECT_GE(measures[0]["value"].get<double>(), 0);
}

TEST_P(HttpApi, APlacementChangeIsOneTransaction) {
  const std::string worker = Login("iro");  // IROs see every child in care
  auto list = Get("/api/cla-episodes?limit=1000", worker);
  ASSERT_EQ(list->status, 200);
  json open;
  const json episodes = Body(list)["items"];
  for (const json& e : episodes) {
    if (e["end_date"].is_null() && e["start_date"].get<std::string>() < "2026-02-01") open = e;
  }
  ASSERT_FALSE(open.is_null()) << "the demo LA has a child in care";
  const std::string url =
      "/api/children/" + std::to_string(open["child_id"].get<Id>()) + "/placement-change";
  // The new placement is not a code: nothing changes, not even the episode that would end.
  auto bad = Post(url,
                  {{"episode_id", open["id"]},
                   {"version", open["version"]},
                   {"date", "2026-02-20"},
                   {"placement_type", "ZZ"}},
                  worker);
  ExpectError(bad, 400, "invalid_argument", "placement_type");
  auto still = Get("/api/cla-episodes/" + std::to_string(open["id"].get<Id>()), worker);
  EXPECT_TRUE(Body(still)["end_date"].is_null());
  EXPECT_EQ(Body(still)["version"], open["version"]);
  auto ok = Post(url,
                 {{"episode_id", open["id"]},
                  {"version", open["version"]},
                  {"date", "2026-02-20"},
                  {"placement_type", "U4"},
                  {"reason_place_change", "CARPL"}},
                 worker);
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 201) << ok->body;
  const json next = Body(ok);
  EXPECT_EQ(next["start_date"], "2026-02-20");
  EXPECT_EQ(next["reason_new_episode"], "P");
  EXPECT_EQ(next["legal_status"], open["legal_status"]);
  EXPECT_TRUE(next["end_date"].is_null());
  const json ended = Body(Get("/api/cla-episodes/" + std::to_string(open["id"].get<Id>()), worker));
  EXPECT_EQ(ended["end_date"], "2026-02-20");
  EXPECT_EQ(ended["reason_ceased"], "X1");
  EXPECT_EQ(ended["reason_place_change"], "CARPL");
  // The same change again finds the episode already ended.
  ExpectError(Post(url,
                   {{"episode_id", open["id"]},
                    {"version", ended["version"]},
                    {"date", "2026-02-21"},
                    {"placement_type", "U4"}},
                   worker),
              409, "failed_precondition", "episode_id");
  // Members see no child: not the work lists, the search or the due dates.
  const std::string member = Login("member");
  for (const char* path : {"/api/search/children?q=a", "/api/front-door/queue", "/api/my-work",
                           "/api/team-work?team_id=1"}) {
    auto r = Get(path, member);
    ExpectError(r, 403, "permission_denied");
    EXPECT_FALSE(Body(r).contains("items")) << path;
  }
  ExpectError(Get("/api/team-work?team_id=1", Login("social.worker")), 403, "permission_denied");
}

TEST_P(HttpApi, TheScorecardAndAnnexAAreServed) {
  const std::string member = Login("member");
  auto r =
      Get("/api/indicators?period=2024-03-01..2026-03-31&by=team&only=referrals,cla_at_end,"
          "rereferral_pct",
          member);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  ASSERT_EQ(body["indicators"].size(), 3u);
  EXPECT_EQ(body["breakdown"], "team");
  const json& referrals = body["indicators"][0];
  EXPECT_EQ(referrals["id"], "referrals");
  EXPECT_GT(referrals["values"][0].get<double>(), 0);
  // Members see no breakdown cell under 5 (the demo LA is tiny, so every team's is withheld);
  // an analyst sees them, and the teams add up to the whole.
  int withheld = 0;
  for (const auto& g : referrals["groups"]) {
    const bool shown = !g["suppressed"][0].get<bool>();
    withheld += shown ? 0 : 1;
    EXPECT_TRUE(shown ? g["numerators"][0].get<double>() >= 5 || g["numerators"][0] == 0
                      : g["numerators"][0].is_null())
        << g.dump();
  }
  EXPECT_GT(withheld, 0);
  auto full =
      Get("/api/indicators?period=2024-03-01..2026-03-31&by=team&only=referrals", Login("analyst"));
  ASSERT_TRUE(full);
  ASSERT_EQ(full->status, 200) << full->body;
  const json all = Body(full)["indicators"][0];
  EXPECT_FALSE(all["groups"][0].contains("suppressed"));
  double sum = 0;
  for (const auto& g : all["groups"]) sum += g["numerators"][0].get<double>();
  EXPECT_EQ(sum, all["numerators"][0].get<double>());
  EXPECT_EQ(all["numerators"][0], referrals["numerators"][0]);
  EXPECT_FALSE(body["indicators"][2]["definition"]["denominator"].get<std::string>().empty());
  // Members see teams, not workers; bad input names the parameter.
  ExpectError(Get("/api/indicators?by=worker", member), 403, "permission_denied");
  ExpectError(Get("/api/indicators?period=2025-04-01", member), 400, "invalid_argument");
  ExpectError(Get("/api/indicators?only=no_such_indicator", member), 404, "not_found");
  // A new referral shows once the facts are reloaded: the first request after the change gets
  // the kept figures marked "refreshing" and starts the reload in the background.
  const std::string worker = Login("social.worker");
  auto child = Post("/api/children",
                    {{"la_child_id", "SCORECARD1"},
                     {"first_name", "Kit"},
                     {"last_name", "Example"},
                     {"date_of_birth", "2015-05-05"}},
                    worker);
  ASSERT_TRUE(child);
  ASSERT_EQ(child->status, 201) << child->body;
  auto referral = Post(
      "/api/referrals",
      {{"child_id", Body(child)["id"]}, {"referral_date", "2026-02-02"}, {"source", "6"}}, worker);
  ASSERT_TRUE(referral);
  ASSERT_EQ(referral->status, 201) << referral->body;
  auto stale = Get("/api/indicators?period=2024-03-01..2026-03-31&only=referrals", member);
  ASSERT_TRUE(stale);
  ASSERT_EQ(stale->status, 200) << stale->body;
  EXPECT_TRUE(Body(stale)["refreshing"].get<bool>());
  EXPECT_EQ(Body(stale)["indicators"][0]["numerators"][0].get<double>(),
            referrals["numerators"][0].get<double>());
  json again = Body(stale);
  for (int i = 0; i < 300 && again["refreshing"].get<bool>(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto r = Get("/api/indicators?period=2024-03-01..2026-03-31&only=referrals", member);
    ASSERT_TRUE(r);
    again = Body(r);
  }
  EXPECT_FALSE(again["refreshing"].get<bool>());
  EXPECT_EQ(again["indicators"][0]["numerators"][0].get<double>(),
            referrals["numerators"][0].get<double>() + 1);

  // A monthly series has one value per month.
  auto m = Get("/api/indicators?monthly=2024-04-01..2025-03-31&only=cp_at_end", member);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200) << m->body;
  EXPECT_EQ(Body(m)["indicators"][0]["values"].size(), 12u);

  // Annex A lists children: analysts yes, members no.
  auto a = Get("/api/annex-a?as_of=2025-03-31", Login("analyst"));
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200) << a->body;
  const json annex = Body(a);
  ASSERT_EQ(annex["lists"].size(), 11u);
  EXPECT_EQ(annex["lists"][0]["number"], 1);
  EXPECT_FALSE(annex["lists"][0]["columns"].empty());
  ExpectError(Get("/api/annex-a?as_of=2025-03-31", member), 403, "permission_denied");
  ExpectError(Get("/api/annex-a?as_of=31/03/2025", Login("analyst")), 400, "invalid_argument");
}

INSTANTIATE_TEST_SUITE_P(Backends, HttpApi, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sg

// Choosing cases to audit: reproducible from the seed, N per team, and the peer-review kinds.

#include "quality/audit_sample.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "test_util.h"

namespace sg {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

class AuditSample : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    location_ = testing::FreshLocation(GetParam(), dir_);
    auto s = OpenAndMigrate(location_, clock_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  Id Add(const char* entity, std::initializer_list<std::pair<const char*, Value>> fields) {
    return testing::AddRecord(*store_, entity, fields);
  }

  Id Team(const char* name) {
    const Id team = Add("team", {{"name", std::string(name)}});
    workers_[team] = Add("worker", {{"staff_id", std::string("S") + name},
                                    {"first_name", std::string("Worker")},
                                    {"last_name", std::string(name)},
                                    {"role", std::string("SOCIAL_WORKER")},
                                    {"team_id", team},
                                    {"fte", 1.0},
                                    {"start_date", D("2020-01-01")}});
    return team;
  }

  // A child with a case from `referred` (closed on `closed` when given), allocated in `team`.
  std::pair<Id, Id> Case(Id team, const char* referred, const char* closed = nullptr) {
    const std::string id = "A" + std::to_string(++n_);
    const Id child = Add("child", {{"la_child_id", id},
                                   {"first_name", std::string("Child")},
                                   {"last_name", id},
                                   {"date_of_birth", D("2015-01-01")}});
    Record r(Entity("referral"));
    r.Set("child_id", child);
    r.Set("referral_date", D(referred));
    r.Set("source", std::string("1A"));
    if (closed) {
      r.Set("closure_date", D(closed));
      r.Set("closure_reason", std::string("RC8"));
    }
    auto ref = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(ref.ok());
    Add("allocation", {{"child_id", child},
                       {"worker_id", workers_[team]},
                       {"team_id", team},
                       {"start_date", D(referred)}});
    return {child, ref.ok() ? ref->id() : 0};
  }

  std::vector<quality::SampledCase> Sample(quality::SampleOptions o) {
    auto r = quality::SampleForAudit(*store_, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<quality::SampledCase>{};
  }

  static std::vector<Id> Children(const std::vector<quality::SampledCase>& s) {
    std::vector<Id> out;
    for (const auto& c : s) out.push_back(c.child_id);
    return out;
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::string location_;
  std::unique_ptr<Store> store_;
  std::map<Id, Id> workers_;
  int n_ = 0;
};

TEST_P(AuditSample, NPerTeamFromTheCasesOpenInTheMonthAndTheSameForTheSameSeed) {
  const Id north = Team("North"), south = Team("South");
  for (int i = 0; i < 12; ++i) Case(north, "2025-10-01");
  for (int i = 0; i < 3; ++i) Case(south, "2026-01-20");
  Case(north, "2025-10-01", "2025-12-15");  // closed before January: not a candidate
  Case(south, "2026-02-02");                // opened after January: not a candidate
  quality::SampleOptions o;
  o.month = D("2026-01-10");
  o.per_group = 4;
  o.seed = 7;
  const auto a = Sample(o);
  ASSERT_EQ(a.size(), 4u + 3u);  // 4 of North's 12, all 3 of South's
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(a[i].group, "North");
  for (size_t i = 4; i < 7; ++i) EXPECT_EQ(a[i].group, "South");
  EXPECT_EQ(a[0].worker_name, "Worker North");
  EXPECT_EQ(a[0].why, "Open in the month, allocated to North");
  for (const auto& c : a) EXPECT_LE(c.child_id, 15);  // never the closed or later cases
  // The same seed and month: the same cases. Another seed: another draw of North's.
  EXPECT_EQ(Children(Sample(o)), Children(a));
  o.seed = 8;
  const auto b = Sample(o);
  EXPECT_NE(Children(b), Children(a));
  const std::vector<Id> ca = Children(a), cb = Children(b);
  EXPECT_EQ(std::vector<Id>(cb.begin() + 4, cb.end()),
            std::vector<Id>(ca.begin() + 4, ca.end()));  // all of South
  // Every one of North's cases comes up for some seed: the draw is not stuck on a few.
  std::set<Id> seen;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    o.seed = seed;
    for (const auto& c : Sample(o)) seen.insert(c.child_id);
  }
  EXPECT_EQ(seen.size(), 15u);
}

TEST_P(AuditSample, ThePeerReviewKinds) {
  const Id team = Team("Safeguarding");
  // Domestic abuse found at assessment of an open case.
  const auto [abuse, abuse_ref] = Case(team, "2025-11-03");
  Add("assessment", {{"child_id", abuse},
                     {"referral_id", abuse_ref},
                     {"start_date", D("2025-11-03")},
                     {"authorised_date", D("2025-12-01")},
                     {"factors", CodeSet{"1B", "3B"}}});
  // An assessment without domestic abuse.
  const auto [other, other_ref] = Case(team, "2025-11-03");
  Add("assessment", {{"child_id", other},
                     {"referral_id", other_ref},
                     {"start_date", D("2025-11-03")},
                     {"authorised_date", D("2025-12-01")},
                     {"factors", CodeSet{"2B"}}});
  // An S47 in October that led to no plan: below the threshold.
  const auto [below, below_ref] = Case(team, "2025-10-01");
  Add("s47_enquiry", {{"child_id", below},
                      {"referral_id", below_ref},
                      {"start_date", D("2025-10-06")},
                      {"end_date", D("2025-10-20")}});
  // An S47 that led to a plan: neither below the threshold nor harmed on a plan.
  const auto [planned, planned_ref] = Case(team, "2025-10-01");
  Add("s47_enquiry", {{"child_id", planned},
                      {"referral_id", planned_ref},
                      {"start_date", D("2025-10-06")},
                      {"end_date", D("2025-10-20")}});
  Add("cp_plan", {{"child_id", planned},
                  {"referral_id", planned_ref},
                  {"start_date", D("2025-10-27")},
                  {"initial_category", std::string("NEG")}});
  // An S47 while on a plan, and the plan is the child's second.
  const auto [harmed, harmed_ref] = Case(team, "2025-03-03");
  Add("cp_plan", {{"child_id", harmed},
                  {"referral_id", harmed_ref},
                  {"start_date", D("2025-04-01")},
                  {"initial_category", std::string("PHY")},
                  {"previous_plans", std::int64_t{1}}});
  Add("s47_enquiry", {{"child_id", harmed},
                      {"referral_id", harmed_ref},
                      {"start_date", D("2025-09-01")},
                      {"end_date", D("2025-09-12")}});
  quality::SampleOptions o;
  o.month = D("2026-01-31");
  o.rule = quality::SampleRule::kPeerReview;
  o.per_group = 5;
  std::map<std::string, std::vector<Id>> kinds;
  for (const auto& c : Sample(o)) kinds[c.group].push_back(c.child_id);
  EXPECT_EQ(kinds["domestic_abuse"], std::vector<Id>{abuse});
  EXPECT_EQ(kinds["below_threshold"], std::vector<Id>{below});
  EXPECT_EQ(kinds["harmed_on_plan"], std::vector<Id>{harmed});
  EXPECT_EQ(kinds["second_plan"], std::vector<Id>{harmed});
  EXPECT_EQ(kinds.size(), 4u);
}

TEST_P(AuditSample, SaysWhatIsWrongWithTheOptions) {
  quality::SampleOptions o;
  o.month = D("2026-01-01");
  o.per_group = 0;
  auto r = quality::SampleForAudit(*store_, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "per_group");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditSample, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace sg

// Bulk case review: each drift rule on a hand-built record, with a near miss that must not be
// flagged, on each backend.

#include "quality/case_review.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"

namespace sg {
namespace {

using quality::DriftRule;

Date D(const char* iso) { return *Date::Parse(iso); }

class CaseReview : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    location_ = testing::FreshLocation(GetParam(), dir_);
    auto s = OpenAndMigrate(location_, clock_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    team_ = Add("team", {{"name", std::string("Children in Need North")}});
    worker_ = Add("worker", {{"staff_id", std::string("W1")},
                             {"first_name", std::string("Sam")},
                             {"last_name", std::string("Okoro")},
                             {"role", std::string("SOCIAL_WORKER")},
                             {"team_id", team_},
                             {"fte", 1.0},
                             {"start_date", D("2020-01-01")}});
  }

  Id Add(const char* entity, std::initializer_list<std::pair<const char*, Value>> fields) {
    return testing::AddRecord(*store_, entity, fields);
  }

  // A child with a referral (closed when `closed` is given) allocated to the worker while it
  // is open.
  std::pair<Id, Id> Case(const char* dob, const char* referred, const char* closed = nullptr,
                         const char* reason = "RC8", bool allocate = true) {
    static int n = 0;
    const std::string id = "R" + std::to_string(++n);
    const Id child = Add("child", {{"la_child_id", id},
                                   {"first_name", std::string("Child")},
                                   {"last_name", id},
                                   {"date_of_birth", D(dob)}});
    Record r(Entity("referral"));
    r.Set("child_id", child);
    r.Set("referral_date", D(referred));
    r.Set("source", std::string("1A"));
    if (closed) {
      r.Set("closure_date", D(closed));
      r.Set("closure_reason", std::string(reason));
    }
    auto stored = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    if (allocate) {
      Record a(Entity("allocation"));
      a.Set("child_id", child);
      a.Set("worker_id", worker_);
      a.Set("team_id", team_);
      a.Set("start_date", D(referred));
      if (closed) a.Set("end_date", D(closed));
      EXPECT_TRUE(store_->Create(std::move(a), Actor{}).ok());
    }
    return {child, stored.ok() ? stored->id() : 0};
  }

  void Visit(Id child, const char* type, const char* date, bool seen = true) {
    Add("visit", {{"child_id", child},
                  {"visit_type", std::string(type)},
                  {"visit_date", D(date)},
                  {"child_seen", seen}});
  }

  void Contact(Id child, const char* at) {
    Add("contact", {{"child_id", child},
                    {"received_at", *Timestamp::Parse(at)},
                    {"source", std::string("1A")},
                    {"concern", std::string("Worries about the child at school")}});
  }

  quality::ReviewResult Review(quality::ReviewOptions o = {}) {
    o.today = D("2026-03-02");
    auto r = quality::ReviewCases(*store_, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : quality::ReviewResult{};
  }

  static const quality::ReviewedCase* Find(const quality::ReviewResult& r, Id child) {
    for (const auto& c : r.flagged) {
      if (c.child_id == child) return &c;
    }
    return nullptr;
  }

  static std::vector<DriftRule> RulesOf(const quality::ReviewResult& r, Id child) {
    std::vector<DriftRule> out;
    if (const auto* c = Find(r, child)) {
      for (const auto& f : c->flags) out.push_back(f.rule);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::string location_;
  std::unique_ptr<Store> store_;
  Id team_ = 0, worker_ = 0;
};

TEST(DriftRules, AreListedInOrderWithTheirIds) {
  const auto& rules = quality::DriftRules();
  ASSERT_EQ(rules.size(), 8u);
  for (size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(rules[i].rule), i);
    EXPECT_GT(rules[i].weight, 0);
  }
  EXPECT_STREQ(quality::InfoFor(DriftRule::kMassClosure).id, "mass_closure");
}

TEST_P(CaseReview, ChildNotSeenWithinTimescale) {
  // CIN plan: seen Monday 1 Dec 2025, next due 20 working days later over Christmas (25, 26
  // Dec are bank holidays): Wednesday 31 Dec; 61 days late on 2 March 2026.
  const auto [late, late_ref] = Case("2016-04-01", "2025-10-01");
  const Id plan = Add(
      "cin_plan", {{"child_id", late}, {"referral_id", late_ref}, {"start_date", D("2025-11-03")}});
  Add("plan_review", {{"child_id", late}, {"cin_plan_id", plan}, {"review_date", D("2026-02-01")}});
  Visit(late, "CIN", "2025-12-01");
  Visit(late, "CIN", "2026-02-10", /*seen=*/false);  // a visit without seeing the child
  // The near miss: seen on 20 February.
  const auto [seen, seen_ref] = Case("2016-04-01", "2025-10-01");
  const Id plan2 = Add(
      "cin_plan", {{"child_id", seen}, {"referral_id", seen_ref}, {"start_date", D("2025-11-03")}});
  Add("plan_review",
      {{"child_id", seen}, {"cin_plan_id", plan2}, {"review_date", D("2026-02-01")}});
  Visit(seen, "CIN", "2026-02-20");

  const auto r = Review();
  EXPECT_EQ(RulesOf(r, late), std::vector<DriftRule>{DriftRule::kNotSeen});
  const auto* c = Find(r, late);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->flags[0].due, D("2025-12-31"));
  EXPECT_NE(c->flags[0].detail.find("61 days overdue"), std::string::npos) << c->flags[0].detail;
  EXPECT_EQ(c->status, "Child in need plan");
  EXPECT_EQ(c->worker_name, "Sam Okoro");
  EXPECT_EQ(c->team_name, "Children in Need North");
  EXPECT_EQ(c->last_seen, D("2025-12-01"));
  EXPECT_EQ(c->priority, 3 + 2);  // the rule's weight, and 2 whole months late
  EXPECT_EQ(Find(r, seen), nullptr);
  EXPECT_EQ(r.open_cases, 2);
  EXPECT_EQ(r.by_rule.at(DriftRule::kNotSeen), 1);
}

TEST_P(CaseReview, AssessmentPast45WorkingDays) {
  // Started Monday 3 Nov 2025: 45 working days end on Thursday 8 Jan 2026 (over Christmas).
  const auto [late, late_ref] = Case("2019-01-01", "2025-11-03");
  Add("assessment",
      {{"child_id", late}, {"referral_id", late_ref}, {"start_date", D("2025-11-03")}});
  const auto [fresh, fresh_ref] = Case("2019-01-01", "2026-02-02");
  Add("assessment",
      {{"child_id", fresh}, {"referral_id", fresh_ref}, {"start_date", D("2026-02-02")}});
  const auto r = Review();
  EXPECT_EQ(RulesOf(r, late), std::vector<DriftRule>{DriftRule::kAssessmentOverdue});
  EXPECT_EQ(Find(r, late)->flags[0].due, D("2026-01-08"));
  EXPECT_EQ(Find(r, fresh), nullptr);
}

TEST_P(CaseReview, PlanNotReviewedOnTime) {
  // A CP plan from 1 Oct 2025 with no review: the first was due by 1 Jan 2026. The child is
  // visited (seen Friday 27 Feb: next visit due 13 March).
  const auto [child, ref] = Case("2023-05-01", "2025-09-15");
  Add("cp_plan", {{"child_id", child},
                  {"referral_id", ref},
                  {"start_date", D("2025-10-01")},
                  {"initial_category", std::string("NEG")}});
  Visit(child, "CP", "2026-02-27");
  const auto r = Review();
  EXPECT_EQ(RulesOf(r, child), std::vector<DriftRule>{DriftRule::kReviewOverdue});
  const auto* c = Find(r, child);
  EXPECT_EQ(c->flags[0].due, D("2026-01-01"));
  // Weight 2, on a CP plan 2, under 5 1, 60 days late 2.
  EXPECT_EQ(c->priority, 2 + 2 + 1 + 2);
}

TEST_P(CaseReview, OpenCaseWithNoWorker) {
  const auto [none, none_ref] = Case("2012-01-01", "2026-02-16", nullptr, "", /*allocate=*/false);
  const auto [some, some_ref] = Case("2012-01-01", "2026-02-16");
  // An allocation that ended does not count.
  Add("allocation", {{"child_id", none},
                     {"worker_id", worker_},
                     {"start_date", D("2026-02-16")},
                     {"end_date", D("2026-02-20")}});
  const auto r = Review();
  EXPECT_EQ(RulesOf(r, none), std::vector<DriftRule>{DriftRule::kUnallocated});
  EXPECT_EQ(Find(r, some), nullptr);
}

TEST_P(CaseReview, OpenOverTwoYearsWithNoPlan) {
  const auto [drift, drift_ref] = Case("2011-01-01", "2023-06-01");
  Add("assessment", {{"child_id", drift},
                     {"referral_id", drift_ref},
                     {"start_date", D("2023-06-01")},
                     {"authorised_date", D("2023-07-03")}});
  // The near miss: as long open, but on a CIN plan that is visited and reviewed.
  const auto [planned, planned_ref] = Case("2011-01-01", "2023-06-01");
  const Id plan =
      Add("cin_plan",
          {{"child_id", planned}, {"referral_id", planned_ref}, {"start_date", D("2023-08-01")}});
  Add("plan_review",
      {{"child_id", planned}, {"cin_plan_id", plan}, {"review_date", D("2026-02-02")}});
  Visit(planned, "CIN", "2026-02-25");
  // And one a day short of 2 years.
  const auto [young, young_ref] = Case("2011-01-01", "2024-03-03");
  const auto r = Review();
  EXPECT_EQ(RulesOf(r, drift), std::vector<DriftRule>{DriftRule::kLongCinNoPlan});
  EXPECT_NE(Find(r, drift)->flags[0].detail.find("2 years"), std::string::npos);
  EXPECT_EQ(Find(r, planned), nullptr);
  EXPECT_EQ(Find(r, young), nullptr);
}

TEST_P(CaseReview, RepeatedContactsAfterClosure) {
  const auto [back, back_ref] = Case("2014-01-01", "2025-06-02", "2025-10-01");
  Contact(back, "2025-06-01T09:00:00Z");  // before the closure: does not count
  Contact(back, "2025-11-03T09:00:00Z");
  Contact(back, "2026-01-15T09:00:00Z");
  const auto [once, once_ref] = Case("2014-01-01", "2025-06-02", "2025-10-01");
  Contact(once, "2025-06-01T09:00:00Z");
  Contact(once, "2025-11-03T09:00:00Z");
  // Closed before the window (6 months back from 2 March 2026: 2 September 2025).
  const auto [old, old_ref] = Case("2014-01-01", "2025-01-06", "2025-09-01");
  Contact(old, "2025-11-03T09:00:00Z");
  Contact(old, "2026-01-15T09:00:00Z");
  const auto r = Review();
  EXPECT_EQ(RulesOf(r, back), std::vector<DriftRule>{DriftRule::kRecontactAfterClosure});
  EXPECT_EQ(Find(r, back)->status, "Closed");
  EXPECT_EQ(Find(r, back)->worker_name, "Sam Okoro");  // allocated at closure
  EXPECT_EQ(Find(r, once), nullptr);
  EXPECT_EQ(Find(r, old), nullptr);
  EXPECT_EQ(r.closed_cases, 2);
  EXPECT_EQ(r.open_cases, 0);
}

TEST_P(CaseReview, ClosedForAnyOtherReasonWithoutSeeingTheChild) {
  const auto [unseen, unseen_ref] = Case("2015-01-01", "2025-07-01", "2025-12-01", "RC7");
  Visit(unseen, "CIN", "2025-08-01");  // more than 3 months before the closure
  const auto [seen, seen_ref] = Case("2015-01-01", "2025-07-01", "2025-12-01", "RC7");
  Visit(seen, "CIN", "2025-11-20");
  const auto [nfa, nfa_ref] = Case("2015-01-01", "2025-07-01", "2025-12-01", "RC8");
  const auto r = Review();
  EXPECT_EQ(RulesOf(r, unseen), std::vector<DriftRule>{DriftRule::kClosedWithoutReason});
  EXPECT_EQ(Find(r, seen), nullptr);
  EXPECT_EQ(Find(r, nfa), nullptr);
}

TEST_P(CaseReview, MassClosureOfLongOpenCases) {
  // Ten cases open since January 2025 closed in the week of Monday 2 Feb 2026, where none
  // usually are: a spike. Three cases opened in January and closed the same week are not
  // long-open and are not part of it.
  std::vector<Id> mass, brief;
  for (int i = 0; i < 10; ++i) {
    mass.push_back(Case("2013-01-01", "2025-01-06", i < 5 ? "2026-02-02" : "2026-02-06").first);
  }
  for (int i = 0; i < 3; ++i) brief.push_back(Case("2013-01-01", "2026-01-05", "2026-02-03").first);
  auto r = Review();
  ASSERT_EQ(r.spikes.size(), 1u);
  EXPECT_EQ(r.spikes[0].week, D("2026-02-02"));
  EXPECT_EQ(r.spikes[0].closed, 10);
  EXPECT_EQ(r.spikes[0].usual, 0);
  for (Id c : mass) EXPECT_EQ(RulesOf(r, c), std::vector<DriftRule>{DriftRule::kMassClosure});
  for (Id c : brief) EXPECT_EQ(Find(r, c), nullptr);
  EXPECT_EQ(r.by_rule.at(DriftRule::kMassClosure), 10);
  // Below the minimum there is no spike.
  quality::ReviewOptions o;
  o.spike_minimum = 11;
  r = Review(o);
  EXPECT_TRUE(r.spikes.empty());
  EXPECT_TRUE(r.flagged.empty());
}

TEST_P(CaseReview, MostWorryingFirst) {
  const auto [unallocated, u_ref] = Case("2012-01-01", "2026-02-16", nullptr, "", false);
  const auto [cp, cp_ref] = Case("2023-05-01", "2025-09-15");
  Add("cp_plan", {{"child_id", cp},
                  {"referral_id", cp_ref},
                  {"start_date", D("2025-10-01")},
                  {"initial_category", std::string("NEG")}});
  Visit(cp, "CP", "2026-02-27");
  const auto r = Review();
  ASSERT_EQ(r.flagged.size(), 2u);
  EXPECT_EQ(r.flagged[0].child_id, cp);           // priority 7
  EXPECT_EQ(r.flagged[1].child_id, unallocated);  // priority 3
}

TEST_P(CaseReview, ShowsTheLatestDecisionOnTheCase) {
  const auto [child, ref] = Case("2012-01-01", "2026-02-16", nullptr, "", false);
  // A decision on an earlier case of the child does not count.
  Add("review_outcome", {{"child_id", child},
                         {"review_date", D("2025-06-01")},
                         {"outcome", std::string("ESCALATED")}});
  auto r = Review();
  ASSERT_NE(Find(r, child), nullptr);
  EXPECT_EQ(Find(r, child)->outcome, "");
  Add("review_outcome", {{"child_id", child},
                         {"referral_id", ref},
                         {"review_date", D("2026-02-20")},
                         {"rules", std::string("unallocated")},
                         {"outcome", std::string("NO_CONCERN")}});
  Add("review_outcome", {{"child_id", child},
                         {"referral_id", ref},
                         {"review_date", D("2026-02-27")},
                         {"outcome", std::string("CONFIRMED")},
                         {"notes", std::string("To be allocated at Monday's meeting")}});
  r = Review();
  EXPECT_EQ(Find(r, child)->outcome, "CONFIRMED");
  EXPECT_EQ(Find(r, child)->outcome_date, D("2026-02-27"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseReview, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace sg

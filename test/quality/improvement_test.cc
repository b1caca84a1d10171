// Improvement plans rated: each RAG rule of quality/improvement.h on a hand-built plan, the
// roll-up to projects, workstreams and the plan, measures against their trajectories, risks.

#include "quality/improvement.h"

#include <gtest/gtest.h>

#include "indicators/facts.h"
#include "storage/loaded_records.h"
#include "test_util.h"

namespace sg {
namespace {

using quality::Rag;

Date D(const char* iso) { return *Date::Parse(iso); }

class Improvement : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    location_ = testing::FreshLocation(GetParam(), dir_);
    auto s = OpenAndMigrate(location_, clock_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    plan_ = Add("improvement_plan", {{"title", std::string("Improvement plan 2025-27")},
                                     {"start_date", D("2025-04-01")},
                                     {"status", std::string("ACTIVE")}});
  }

  Id Add(const char* entity, std::initializer_list<std::pair<const char*, Value>> fields) {
    return testing::AddRecord(*store_, entity, fields);
  }

  Id Item(Id parent, const char* kind, const char* title, const char* status,
          const char* due = nullptr, const char* done = nullptr) {
    Record r(Entity("plan_item"));
    r.Set("plan_id", plan_);
    if (parent) r.Set("parent_id", parent);
    r.Set("kind", std::string(kind));
    r.Set("title", std::string(title));
    r.Set("status", std::string(status));
    if (due) r.Set("due_date", D(due));
    if (done) r.Set("completed_date", D(done));
    auto s = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? s->id() : 0;
  }

  Id Measure(const char* name, const char* kind, double baseline, const char* from, double target,
             const char* by, bool lower_better = false, double tolerance = -1,
             const char* indicator = nullptr) {
    Record r(Entity("plan_measure"));
    r.Set("plan_id", plan_);
    r.Set("name", std::string(name));
    r.Set("kind", std::string(kind));
    r.Set("baseline", baseline);
    r.Set("baseline_date", D(from));
    r.Set("target", target);
    r.Set("target_date", D(by));
    r.Set("lower_is_better", lower_better);
    if (tolerance >= 0) r.Set("tolerance", tolerance);
    if (indicator) r.Set("indicator_id", std::string(indicator));
    auto s = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? s->id() : 0;
  }

  void Value_(Id measure, const char* date, double v) {
    Add("measure_value", {{"measure_id", measure}, {"value_date", D(date)}, {"value", v}});
  }

  void Risk(const char* title, int likelihood, int impact, const char* status = "OPEN",
            const char* review = nullptr) {
    Record r(Entity("plan_risk"));
    r.Set("plan_id", plan_);
    r.Set("title", std::string(title));
    r.Set("likelihood", std::int64_t{likelihood});
    r.Set("impact", std::int64_t{impact});
    r.Set("status", std::string(status));
    if (review) r.Set("review_date", D(review));
    auto s = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
  }

  quality::PlanState Assess(const char* as_of = "2025-10-01") {
    auto r = quality::AssessPlan(*store_, plan_, D(as_of), {});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : quality::PlanState{};
  }

  static const quality::ItemState* Find(const std::vector<quality::ItemState>& items,
                                        const std::string& title) {
    for (const auto& i : items) {
      if (i.title == title) return &i;
      if (const auto* f = Find(i.items, title)) return f;
    }
    return nullptr;
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::string location_;
  std::unique_ptr<Store> store_;
  Id plan_ = 0;
};

// The plan of the golden tests: three workstreams as of 1 October 2025.
class GoldenPlan : public Improvement {
 protected:
  void SetUp() override {
    Improvement::SetUp();
    const Id w1 = Item(0, "WORKSTREAM", "Front door", "IN_PROGRESS", "2026-03-31");
    const Id p1 = Item(w1, "PROJECT", "MASH redesign", "IN_PROGRESS", "2025-12-31");
    a1_ = Item(p1, "ACTION", "A1 overdue", "IN_PROGRESS", "2025-09-15");
    Item(p1, "ACTION", "A2 due soon", "NOT_STARTED", "2025-10-10");
    Item(p1, "ACTION", "A3 done", "COMPLETE", "2025-08-31", "2025-08-01");
    const Id w2 = Item(0, "WORKSTREAM", "Workforce", "IN_PROGRESS");
    const Id a4 = Item(w2, "ACTION", "A4 waits", "IN_PROGRESS", "2025-12-01");
    Add("plan_dependency", {{"item_id", a4}, {"depends_on_id", a1_}});
    Item(w2, "ACTION", "A5 blocked", "BLOCKED", "2025-11-01");
    Item(w2, "ACTION", "A6 cancelled", "CANCELLED", "2025-01-01");
    Item(w2, "ACTION", "A7 fine", "IN_PROGRESS", "2025-12-01");
    Item(0, "WORKSTREAM", "Done workstream", "COMPLETE", "2025-06-30", "2025-06-01");
  }
  Id a1_ = 0;
};

TEST_P(GoldenPlan, EachActionRule) {
  const auto p = Assess();
  struct Case {
    const char* title;
    Rag rag;
    const char* reason;
  };
  for (const Case& c :
       {Case{"A1 overdue", Rag::kRed, "Overdue by 16 days"},
        Case{"A2 due soon", Rag::kAmber, "Due in 9 days, not started"},
        Case{"A3 done", Rag::kComplete, "Completed 2025-08-01"},
        Case{"A4 waits", Rag::kAmber, "Waits for \"A1 overdue\", which is overdue"},
        Case{"A5 blocked", Rag::kAmber, "Blocked"}, Case{"A6 cancelled", Rag::kNone, "Cancelled"},
        Case{"A7 fine", Rag::kGreen, "On track, due 2025-12-01"}}) {
    const auto* item = Find(p.workstreams, c.title);
    ASSERT_NE(item, nullptr) << c.title;
    EXPECT_EQ(item->rag, c.rag) << c.title;
    EXPECT_EQ(item->reason, c.reason) << c.title;
  }
}

TEST_P(GoldenPlan, BlockedAndDueWithinTwoWeeksIsRed) {
  Item(0, "ACTION", "Blocked and close", "BLOCKED", "2025-10-05");
  const auto p = Assess();
  const auto* item = Find(p.workstreams, "Blocked and close");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->rag, Rag::kRed);
  EXPECT_EQ(item->reason, "Blocked, due in 4 days");
}

TEST_P(GoldenPlan, RatingsRollUpToTheWorst) {
  const auto p = Assess();
  ASSERT_EQ(p.workstreams.size(), 3u);
  // Sorted by due date: Done (June), Front door (March), Workforce (no date).
  EXPECT_EQ(p.workstreams[0].title, "Done workstream");
  EXPECT_EQ(p.workstreams[0].rag, Rag::kComplete);
  EXPECT_EQ(p.workstreams[1].rag, Rag::kRed);
  EXPECT_EQ(p.workstreams[1].items[0].reason, "1 red of 3");
  EXPECT_EQ(p.workstreams[2].rag, Rag::kAmber);
  EXPECT_EQ(p.workstreams[2].reason, "2 amber of 4");
  EXPECT_EQ(p.rag, Rag::kRed);
  EXPECT_EQ(p.counts.actions, 7);
  EXPECT_EQ(p.counts.complete, 2);
  EXPECT_EQ(p.counts.overdue, 1);
  EXPECT_EQ(p.counts.due_soon, 1);
  EXPECT_EQ(p.counts.blocked, 1);
  EXPECT_EQ(p.reason, "2 of 7 actions complete; 1 actions overdue; 1 blocked");
}

TEST_P(GoldenPlan, FinishingTheOverdueActionLiftsItsDependant) {
  Record a1 = *store_->Get(Entity("plan_item"), a1_);
  a1.Set("status", std::string("COMPLETE"));
  a1.Set("completed_date", D("2025-09-30"));
  ASSERT_TRUE(store_->Update(std::move(a1), Actor{}).ok());
  const auto p = Assess();
  EXPECT_EQ(Find(p.workstreams, "A4 waits")->rag, Rag::kGreen);
  EXPECT_EQ(p.workstreams[1].rag, Rag::kAmber);  // A2 still due soon and not started
}

TEST_P(Improvement, MeasuresAgainstTheirTrajectories) {
  // 50 -> 90 over a year: expected 69.9 at 30 September; 60 is 9.9 behind, tolerance 4: red.
  const Id m1 = Measure("Supervision on time", "LOCAL", 50, "2025-04-01", 90, "2026-04-01");
  Value_(m1, "2025-09-30", 60);
  // 70 -> 80: expected 74.2 on 1 September; 76 is ahead: green.
  const Id m2 = Measure("I know who to talk to", "CHILD_VOICE", 70, "2025-04-01", 80, "2026-03-31");
  Value_(m2, "2025-09-01", 76);
  // Lower is better, 30 -> 20, tolerance 20% (2): expected 24.99 on 1 October; 26 is 1.01
  // behind: amber.
  const Id m3 = Measure("Agency rate", "LOCAL", 30, "2025-04-01", 20, "2026-04-01", true, 20);
  Value_(m3, "2025-10-01", 26);
  Measure("Nothing recorded", "LOCAL", 10, "2025-04-01", 20, "2026-04-01");
  // Met early (lower is better).
  const Id m5 = Measure("Re-referrals", "LOCAL", 10, "2025-04-01", 5, "2026-04-01", true);
  Value_(m5, "2025-06-30", 4);
  Value_(m5, "2025-03-01", 1);  // before the baseline: not the latest value
  const auto p = Assess();
  ASSERT_EQ(p.measures.size(), 5u);
  EXPECT_EQ(p.measures[0].rag, Rag::kRed);
  ASSERT_TRUE(p.measures[0].expected);
  EXPECT_NEAR(*p.measures[0].expected, 50 + 40.0 * 182 / 365, 1e-9);
  EXPECT_EQ(p.measures[0].reason, "Behind the trajectory");
  EXPECT_EQ(p.measures[1].rag, Rag::kGreen);
  EXPECT_EQ(p.measures[1].reason, "On trajectory");
  EXPECT_EQ(p.measures[2].rag, Rag::kAmber);
  EXPECT_EQ(p.measures[3].rag, Rag::kAmber);
  EXPECT_EQ(p.measures[3].reason, "No value since the baseline");
  EXPECT_EQ(p.measures[4].rag, Rag::kGreen);
  EXPECT_EQ(p.measures[4].reason, "Target met");
  ASSERT_TRUE(p.measures[4].latest);
  EXPECT_EQ(p.measures[4].latest->value, 4);
  EXPECT_EQ(p.counts.measures_off_track, 3);
  EXPECT_EQ(p.rag, Rag::kRed);  // no items: the measures set it
}

TEST_P(Improvement, TheTrajectoryIsFlatOutsideItsDates) {
  quality::MeasureState m;
  m.baseline = 10;
  m.target = 20;
  m.baseline_date = D("2025-01-01");
  m.target_date = D("2025-01-11");
  EXPECT_EQ(quality::Expected(m, D("2024-12-01")), 10);
  EXPECT_EQ(quality::Expected(m, D("2025-01-06")), 15);
  EXPECT_EQ(quality::Expected(m, D("2026-01-01")), 20);
}

TEST_P(Improvement, IndicatorMeasuresNeedAKnownIndicator) {
  Measure("CP plans reviewed on time", "INDICATOR", 80, "2025-04-01", 95, "2026-04-01", false, -1,
          "cp_reviews_on_time_pct");
  auto ok = Assess();
  ASSERT_EQ(ok.measures.size(), 1u);
  EXPECT_EQ(ok.measures[0].unit, "%");
  EXPECT_NE(ok.measures[0].reason.find("indicator figures not loaded"), std::string::npos);
  Measure("Made up", "INDICATOR", 1, "2025-04-01", 2, "2026-04-01", false, -1, "no_such_thing");
  auto bad = quality::AssessPlan(*store_, plan_, D("2025-10-01"), {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "indicator_id");
  EXPECT_NE(bad.status().message().find("no_such_thing"), std::string::npos);
}

// An indicator measure's values are the indicator over the 12 months to each month's end: with
// one referral a month, every window holds 12 (the windows overlap, and each must count all of
// its own referrals), and the baseline, not recorded, is the 12 months to the baseline date.
TEST_P(Improvement, IndicatorMeasuresAreTwelveMonthWindows) {
  const Id child = Add("child", {{"la_child_id", std::string("R1")},
                                 {"first_name", std::string("Child")},
                                 {"last_name", std::string("R1")},
                                 {"date_of_birth", D("2015-01-01")}});
  for (int m = 0; m < 24; ++m) {
    const Date day = Date::FromCivil(2024 + m / 12, static_cast<unsigned>(m % 12 + 1), 10);
    Add("referral", {{"child_id", child}, {"referral_date", day}, {"source", std::string("1A")}});
  }
  Record r(Entity("plan_measure"));
  r.Set("plan_id", plan_);
  r.Set("name", std::string("Referrals"));
  r.Set("kind", std::string("INDICATOR"));
  r.Set("indicator_id", std::string("referrals"));
  r.Set("baseline_date", D("2025-01-31"));
  r.Set("target", 20.0);
  r.Set("target_date", D("2026-01-31"));
  ASSERT_TRUE(store_->Create(std::move(r), Actor{}).ok());
  auto loaded = LoadedRecords::Load(*store_);
  ASSERT_TRUE(loaded.ok());
  auto facts = ind::FromRecords(*loaded);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ind::ReportContext ctx;
  auto p = quality::AssessPlan(*store_, plan_, D("2025-06-20"), {&*facts, &ctx});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  const auto& m = p->measures.at(0);
  EXPECT_TRUE(m.baseline_computed);
  EXPECT_EQ(m.baseline, 12);
  ASSERT_EQ(m.values.size(), 6u);  // January to June, June cut at the 20th
  for (const auto& v : m.values) EXPECT_EQ(v.value, 12) << v.date.ToString();
  EXPECT_EQ(m.values.back().date, D("2025-06-20"));
}

TEST_P(Improvement, RisksByScore) {
  Risk("Recruitment", 4, 4);
  Risk("Court delays", 2, 3, "OPEN", "2025-09-01");
  Risk("IT change", 1, 4);
  Risk("Old risk", 5, 5, "CLOSED");
  const auto p = Assess();
  ASSERT_EQ(p.risks.size(), 4u);
  EXPECT_EQ(p.risks[0].title, "Recruitment");
  EXPECT_EQ(p.risks[0].score, 16);
  EXPECT_EQ(p.risks[0].rag, Rag::kRed);
  EXPECT_EQ(p.risks[1].rag, Rag::kAmber);
  EXPECT_TRUE(p.risks[1].review_overdue);
  EXPECT_EQ(p.risks[2].rag, Rag::kGreen);
  EXPECT_EQ(p.risks[3].title, "Old risk");
  EXPECT_EQ(p.risks[3].rag, Rag::kNone);
  EXPECT_EQ(p.counts.open_red_risks, 1);
  EXPECT_EQ(p.rag, Rag::kGreen);  // risks are reported beside the plan, not rolled into it
}

TEST_P(Improvement, ACycleOfParentsIsRefused) {
  const Id x = Item(0, "PROJECT", "X", "IN_PROGRESS");
  const Id y = Item(x, "PROJECT", "Y", "IN_PROGRESS");
  Record rx = *store_->Get(Entity("plan_item"), x);
  rx.Set("parent_id", y);
  ASSERT_TRUE(store_->Update(std::move(rx), Actor{}).ok());
  auto r = quality::AssessPlan(*store_, plan_, D("2025-10-01"), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "parent_id");
}

INSTANTIATE_TEST_SUITE_P(Backends, Improvement, ::testing::ValuesIn(testing::Backends()));
INSTANTIATE_TEST_SUITE_P(Backends, GoldenPlan, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace sg

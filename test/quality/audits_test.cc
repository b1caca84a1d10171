// Case file audits summarised: grade mix by theme and month, moderation agreement (with
// Cohen's kappa worked by hand), re-audits and actions; on each backend.

#include "quality/audits.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace sg {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

class Audits : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    location_ = testing::FreshLocation(GetParam(), dir_);
    auto s = OpenAndMigrate(location_, clock_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    auditor_ = Worker("A", "Auditor");
    moderator_ = Worker("M", "Moderator");
    template_ = Add("audit_template",
                    {{"name", std::string("Practice standards")},
                     {"themes", std::string("Child seen and heard\nManagement oversight")},
                     {"active", true}});
  }

  Id Add(const char* entity, std::initializer_list<std::pair<const char*, Value>> fields) {
    return testing::AddRecord(*store_, entity, fields);
  }

  Id Worker(const char* id, const char* name) {
    return Add("worker", {{"staff_id", std::string(id)},
                          {"first_name", std::string("Ann")},
                          {"last_name", std::string(name)},
                          {"role", std::string("SOCIAL_WORKER")},
                          {"fte", 1.0},
                          {"start_date", D("2020-01-01")}});
  }

  Id Child() {
    const std::string id = "C" + std::to_string(++n_);
    return Add("child", {{"la_child_id", id},
                         {"first_name", std::string("Child")},
                         {"last_name", id},
                         {"date_of_birth", D("2015-01-01")}});
  }

  // An audit of `child`; `link` is "moderates_id" or "reaudit_of_id" (with `of`), or null.
  Id Audit(Id child, const char* date, const char* grade, Id by = 0, const char* link = nullptr,
           Id of = 0) {
    Record r(Entity("case_audit"));
    r.Set("child_id", child);
    r.Set("auditor_id", by ? by : auditor_);
    r.Set("audit_date", D(date));
    r.Set("grade", std::string(grade));
    r.Set("template_id", template_);
    if (link) r.Set(link, of);
    auto s = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? s->id() : 0;
  }

  void Theme(Id audit, Id child, const char* theme, const char* grade) {
    Add("audit_theme_grade", {{"audit_id", audit},
                              {"child_id", child},
                              {"theme", std::string(theme)},
                              {"grade", std::string(grade)}});
  }

  void Action(Id audit, Id child, const char* due, const char* done = nullptr) {
    Record r(Entity("audit_action"));
    r.Set("audit_id", audit);
    r.Set("child_id", child);
    r.Set("action", std::string("Visit the child and record their views"));
    r.Set("owner_id", auditor_);
    r.Set("due_date", D(due));
    if (done) r.Set("completed_date", D(done));
    auto s = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
  }

  quality::AuditSummary Summarise() {
    auto r = quality::SummariseAudits(*store_, {D("2025-10-01"), D("2025-12-31"), D("2026-02-01")});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : quality::AuditSummary{};
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::string location_;
  std::unique_ptr<Store> store_;
  Id auditor_ = 0, moderator_ = 0, template_ = 0;
  int n_ = 0;
};

// The fixture of the whole file: four audits in the quarter and one either side, three
// moderations, a re-audit and five actions.
class AuditQuarter : public Audits {
 protected:
  void SetUp() override {
    Audits::SetUp();
    const Id c1 = Child(), c2 = Child(), c3 = Child(), c4 = Child();
    a0_ = Audit(c1, "2025-09-30", "GOOD");
    const Id a1 = Audit(c1, "2025-10-10", "GOOD");
    Theme(a1, c1, "Child seen and heard", "GOOD");
    Theme(a1, c1, "Management oversight", "REQUIRES_IMPROVEMENT");
    a2_ = Audit(c2, "2025-10-20", "INADEQUATE");
    Theme(a2_, c2, "Child seen and heard", "INADEQUATE");
    Theme(a2_, c2, "Management oversight", "INADEQUATE");
    const Id a3 = Audit(c3, "2025-11-05", "OUTSTANDING");
    const Id a4 = Audit(c4, "2025-12-01", "REQUIRES_IMPROVEMENT");
    Audit(c4, "2026-01-01", "GOOD");
    // Moderations: agree; one grade apart; two grades apart.
    const Id m1 = Audit(c1, "2025-11-01", "GOOD", moderator_, "moderates_id", a1);
    Theme(m1, c1, "Child seen and heard", "GOOD");
    Theme(m1, c1, "Management oversight", "GOOD");
    Audit(c2, "2025-11-02", "REQUIRES_IMPROVEMENT", moderator_, "moderates_id", a2_);
    Audit(c3, "2025-12-10", "REQUIRES_IMPROVEMENT", moderator_, "moderates_id", a3);
    // A re-audit of the inadequate case, two grades better.
    reaudit_ = Audit(c2, "2025-12-15", "GOOD", 0, "reaudit_of_id", a2_);
    Action(a1, c1, "2025-11-30", "2025-11-20");   // on time
    Action(a2_, c2, "2025-11-15", "2025-12-01");  // late
    Action(a2_, c2, "2026-01-15");                // open, 17 days overdue on 1 February
    Action(a0_, c1, "2025-10-15");                // set before the quarter, 109 days overdue
    Action(a4, c4, "2026-03-01");                 // open, not yet due
  }
  Id a0_ = 0, a2_ = 0, reaudit_ = 0;
};

TEST_P(AuditQuarter, GradeMixCountsFirstAuditsAndReauditsNotModerations) {
  const auto s = Summarise();
  EXPECT_EQ(s.audits, 5);
  EXPECT_EQ(s.overall.counts, (std::array<int, 4>{1, 2, 1, 1}));
  ASSERT_TRUE(s.overall.GoodOrBetterPct());
  EXPECT_DOUBLE_EQ(*s.overall.GoodOrBetterPct(), 60.0);
  EXPECT_EQ(s.months, (std::vector<std::string>{"2025-10", "2025-11", "2025-12"}));
}

TEST_P(AuditQuarter, ThemesAreCountedMonthByMonth) {
  const auto s = Summarise();
  ASSERT_EQ(s.themes.size(), 3u);
  EXPECT_EQ(s.themes[0].theme, "Overall");
  EXPECT_EQ(s.themes[0].months[0].counts, (std::array<int, 4>{0, 1, 0, 1}));
  EXPECT_EQ(s.themes[0].months[1].counts, (std::array<int, 4>{1, 0, 0, 0}));
  EXPECT_EQ(s.themes[0].months[2].counts, (std::array<int, 4>{0, 1, 1, 0}));
  EXPECT_EQ(s.themes[1].theme, "Child seen and heard");
  EXPECT_EQ(s.themes[1].total.counts, (std::array<int, 4>{0, 1, 0, 1}));
  EXPECT_EQ(s.themes[2].theme, "Management oversight");
  // The moderation's theme grades are not audits of their own.
  EXPECT_EQ(s.themes[2].total.counts, (std::array<int, 4>{0, 0, 1, 1}));
  EXPECT_EQ(s.themes[2].months[1].Total(), 0);
}

TEST_P(AuditQuarter, ModerationAgreementAndKappa) {
  const auto s = Summarise();
  const auto& m = s.moderation;
  EXPECT_EQ(m.pairs, 3);
  EXPECT_EQ(m.agreed, 1);
  EXPECT_EQ(m.within_one, 2);
  ASSERT_TRUE(m.agreement_pct && m.within_one_pct && m.kappa);
  EXPECT_NEAR(*m.agreement_pct, 100.0 / 3, 1e-9);
  EXPECT_NEAR(*m.within_one_pct, 200.0 / 3, 1e-9);
  // Pairs (Good, Good), (Inadequate, RI), (Outstanding, RI): observed 1/3, chance 1/9,
  // kappa = (1/3 - 1/9) / (1 - 1/9) = 0.25.
  EXPECT_NEAR(*m.kappa, 0.25, 1e-9);
  EXPECT_EQ(m.themes_compared, 2);
  EXPECT_EQ(m.themes_agreed, 1);
  ASSERT_EQ(m.audits.size(), 3u);
  EXPECT_EQ(m.audits[0].original_grade, "GOOD");
  EXPECT_EQ(m.audits[0].auditor, "Ann Auditor");
  EXPECT_EQ(m.audits[0].moderator, "Ann Moderator");
  EXPECT_EQ(m.audits[1].audit_id, a2_);
  EXPECT_EQ(m.audits[2].moderated_grade, "REQUIRES_IMPROVEMENT");
}

TEST_P(AuditQuarter, ReauditsSayWhetherTheGradeMoved) {
  const auto s = Summarise();
  EXPECT_EQ(s.reaudits.count, 1);
  EXPECT_EQ(s.reaudits.improved, 1);
  EXPECT_EQ(s.reaudits.worse, 0);
  ASSERT_EQ(s.reaudits.list.size(), 1u);
  EXPECT_EQ(s.reaudits.list[0].reaudit_id, reaudit_);
  EXPECT_EQ(s.reaudits.list[0].change, 2);
}

TEST_P(AuditQuarter, ActionsDoneLateAndOverdue) {
  const auto s = Summarise();
  EXPECT_EQ(s.actions.set, 4);
  EXPECT_EQ(s.actions.completed, 2);
  EXPECT_EQ(s.actions.completed_on_time, 1);
  EXPECT_EQ(s.actions.open, 3);
  EXPECT_EQ(s.actions.overdue, 2);
  ASSERT_EQ(s.actions.overdue_list.size(), 2u);
  EXPECT_EQ(s.actions.overdue_list[0].audit_id, a0_);
  EXPECT_EQ(s.actions.overdue_list[0].days_overdue, 109);
  EXPECT_EQ(s.actions.overdue_list[1].days_overdue, 17);
  EXPECT_EQ(s.actions.overdue_list[1].owner, "Ann Auditor");
}

TEST_P(Audits, NoModerationsMeansNoRates) {
  Audit(Child(), "2025-10-10", "GOOD");
  const auto s = Summarise();
  EXPECT_EQ(s.audits, 1);
  EXPECT_EQ(s.moderation.pairs, 0);
  EXPECT_FALSE(s.moderation.agreement_pct);
  EXPECT_FALSE(s.moderation.kappa);
}

TEST_P(Audits, AnAuditCannotBeBothAModerationAndAReaudit) {
  const Id c = Child();
  const Id a = Audit(c, "2025-10-10", "GOOD");
  Record r(Entity("case_audit"));
  r.Set("child_id", c);
  r.Set("auditor_id", auditor_);
  r.Set("audit_date", D("2025-10-11"));
  r.Set("grade", std::string("GOOD"));
  r.Set("moderates_id", a);
  r.Set("reaudit_of_id", a);
  auto s = store_->Create(std::move(r), Actor{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
}

TEST_P(Audits, APeriodEndingBeforeItStartsIsRefused) {
  auto r = quality::SummariseAudits(*store_, {D("2025-10-01"), D("2025-09-01"), D("2025-10-01")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "period");
}

INSTANTIATE_TEST_SUITE_P(Backends, Audits, ::testing::ValuesIn(testing::Backends()));
INSTANTIATE_TEST_SUITE_P(Backends, AuditQuarter, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace sg

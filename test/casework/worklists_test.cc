#include "casework/worklists.h"

#include <gtest/gtest.h>

#include "casework/child_search.h"
#include "test_util.h"

namespace sg {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

class WorkLists : public ::testing::TestWithParam<std::string> {
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

  Id Child(const char* first, const char* last, const char* dob, const char* upn = nullptr) {
    static int n = 0;
    std::string id = "T" + std::to_string(++n);
    Record r(Entity("child"));
    r.Set("la_child_id", id);
    r.Set("first_name", std::string(first));
    r.Set("last_name", std::string(last));
    r.Set("date_of_birth", D(dob));
    if (upn) r.Set("upn", std::string(upn));
    auto stored = store_->Create(std::move(r), Actor{});
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    return stored.ok() ? stored->id() : 0;
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::string location_;
  std::unique_ptr<Store> store_;
};

TEST(BoundedEditDistance, CountsTyposAndTranspositions) {
  EXPECT_EQ(BoundedEditDistance("john", "john", 2), 0);
  EXPECT_EQ(BoundedEditDistance("jhon", "john", 2), 1);       // transposition
  EXPECT_EQ(BoundedEditDistance("jon", "john", 2), 1);        // deletion
  EXPECT_EQ(BoundedEditDistance("smyth", "smith", 2), 1);     // substitution
  EXPECT_EQ(BoundedEditDistance("smithers", "smith", 2), 3);  // beyond the limit
  EXPECT_EQ(BoundedEditDistance("abcdef", "badcfe", 5), 3);
}

TEST_P(WorkLists, DueDatesFollowTheTimescales) {
  const Id child = Child("Robin", "Marsh", "2016-05-04");
  const Id referral =
      Add("referral",
          {{"child_id", child}, {"referral_date", D("2025-12-01")}, {"source", std::string("1A")}});
  // Started Monday 1 Dec 2025: 45 working days, over Christmas and New Year's bank holidays
  // (25, 26 Dec, 1 Jan), end on Thursday 5 Feb 2026.
  Add("assessment",
      {{"child_id", child}, {"referral_id", referral}, {"start_date", D("2025-12-01")}});
  const Id plan = Add("cp_plan", {{"child_id", child},
                                  {"referral_id", referral},
                                  {"start_date", D("2026-01-05")},
                                  {"initial_category", std::string("NEG")}});
  // Seen on Monday 12 Jan: the next visit is due 10 working days later, Monday 26 Jan.
  Add("visit", {{"child_id", child},
                {"visit_type", std::string("CP")},
                {"visit_date", D("2026-01-12")},
                {"child_seen", true}});
  // A later visit where the child was not seen does not reset the clock.
  Add("visit", {{"child_id", child},
                {"visit_type", std::string("CP")},
                {"visit_date", D("2026-01-20")},
                {"child_seen", false}});
  auto due = work::DueForChild(*store_, child, D("2026-02-02"));
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  ASSERT_EQ(due->size(), 3u);
  EXPECT_EQ((*due)[0].kind, "cp_visit");
  EXPECT_EQ((*due)[0].due, D("2026-01-26"));
  EXPECT_TRUE((*due)[0].overdue);
  EXPECT_TRUE((*due)[0].is_visit);
  EXPECT_EQ((*due)[1].kind, "assessment");
  EXPECT_EQ((*due)[1].due, D("2026-02-05"));
  EXPECT_FALSE((*due)[1].overdue);
  EXPECT_EQ((*due)[2].kind, "cp_review");
  EXPECT_EQ((*due)[2].due, D("2026-04-05"));  // 3 months after the plan began
  // A review resets the review clock to 6 months.
  Add("plan_review", {{"child_id", child}, {"cp_plan_id", plan}, {"review_date", D("2026-02-27")}});
  auto later = work::SummariseChild(*store_, child, D("2026-03-02"));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->status, "Child protection plan");
  EXPECT_TRUE(later->not_seen_in_time);
  bool review = false;
  for (const auto& d : later->due) {
    if (d.kind != "cp_review") continue;
    review = true;
    EXPECT_EQ(d.due, D("2026-08-27"));
  }
  EXPECT_TRUE(review);
}

TEST_P(WorkLists, LookedAfterVisitsAndReviewsCountFromThePeriodOfCare) {
  const Id child = Child("Sky", "Fenn", "2012-09-09");
  const Id first = Add("cla_episode", {{"child_id", child},
                                       {"start_date", D("2026-01-05")},
                                       {"reason_new_episode", std::string("S")},
                                       {"legal_status", std::string("C2")},
                                       {"category_of_need", std::string("N1")},
                                       {"placement_type", std::string("U4")},
                                       {"end_date", D("2026-02-02")},
                                       {"reason_ceased", std::string("X1")}});
  ASSERT_NE(first, 0);
  Add("cla_episode", {{"child_id", child},
                      {"start_date", D("2026-02-02")},
                      {"reason_new_episode", std::string("P")},
                      {"legal_status", std::string("C2")},
                      {"category_of_need", std::string("N1")},
                      {"placement_type", std::string("U1")}});
  // No review yet: the first is due 20 working days after care began (5 Jan -> 2 Feb);
  // no visit: the first was due within a week (12 Jan).
  auto due = work::DueForChild(*store_, child, D("2026-02-10"));
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].kind, "cla_visit");
  EXPECT_EQ((*due)[0].due, D("2026-01-12"));
  EXPECT_EQ((*due)[1].kind, "cla_review");
  EXPECT_EQ((*due)[1].due, D("2026-02-02"));
  Add("visit", {{"child_id", child},
                {"visit_type", std::string("CLA")},
                {"visit_date", D("2026-02-09")},
                {"child_seen", true}});
  Add("cla_review", {{"child_id", child}, {"review_date", D("2026-01-30")}});
  due = work::DueForChild(*store_, child, D("2026-02-10"));
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].due, D("2026-03-23"));  // 6 weeks after the visit
  EXPECT_FALSE((*due)[0].overdue);
  EXPECT_EQ((*due)[1].due, D("2026-04-30"));  // the second review: 3 months after the first
}

TEST_P(WorkLists, FrontDoorQueueHoldsUndecidedContactsOldestFirst) {
  const Id a = Child("Kit", "Lowe", "2014-02-03");
  const Id b = Child("Ash", "Lowe", "2015-02-03");
  const Timestamp t0 = *Timestamp::Parse("2026-03-01T09:00:00Z");
  const Id late = Add("contact", {{"child_id", a},
                                  {"received_at", t0},
                                  {"source", std::string("1A")},
                                  {"concern", std::string("c")}});
  Add("contact", {{"child_id", b},
                  {"received_at", t0.AddSeconds(3600)},
                  {"source", std::string("1A")},
                  {"concern", std::string("c")},
                  {"decision", std::string("NFA")},
                  {"decided_at", t0.AddSeconds(7200)}});
  const Id newer = Add("contact", {{"child_id", b},
                                   {"received_at", t0.AddSeconds(1800)},
                                   {"source", std::string("1A")},
                                   {"concern", std::string("c")}});
  Add("mash_check", {{"contact_id", newer},
                     {"child_id", b},
                     {"agency", std::string("POLICE")},
                     {"requested_at", t0.AddSeconds(2000)},
                     {"outcome", std::string("REQUESTED")}});
  auto q = work::FrontDoorQueue(*store_, t0.AddSeconds(10 * 3600));
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].contact_id, late);
  EXPECT_DOUBLE_EQ((*q)[0].age_hours, 10.0);
  EXPECT_EQ((*q)[0].child_name, "Kit Lowe");
  EXPECT_EQ((*q)[1].contact_id, newer);
  EXPECT_EQ((*q)[1].checks, 1);
  EXPECT_EQ((*q)[1].checks_outstanding, 1);
}

TEST_P(WorkLists, SearchFindsChildrenByNameTypoDateAndUpnAndFollowsTheRecord) {
  const Id jon = Child("Jonathan", "Smith", "2015-03-04", "A123456789012");
  const Id jo = Child("Jo", "Smyth", "2016-04-03");
  Child("Alex", "Brown", "2015-03-04");
  ChildSearch search(location_);
  auto by_name = search.Search("jonathan smith");
  ASSERT_TRUE(by_name.ok()) << by_name.status().ToString();
  ASSERT_FALSE(by_name->empty());
  EXPECT_EQ(by_name->front().id, jon);
  // One typo in each word still finds him first.
  auto typo = search.Search("jonathon smiht");
  ASSERT_TRUE(typo.ok());
  ASSERT_FALSE(typo->empty());
  EXPECT_EQ(typo->front().id, jon);
  // A date of birth, written the UK way, narrows the name.
  auto dob = search.Search("smith 04/03/2015");
  ASSERT_TRUE(dob.ok());
  ASSERT_EQ(dob->size(), 1u);
  EXPECT_EQ(dob->front().id, jon);
  // A date alone finds everyone born that day.
  auto born = search.Search("04/03/2015");
  ASSERT_TRUE(born.ok());
  EXPECT_EQ(born->size(), 2u);
  // Day and month swapped still finds Jo, ranked as a weaker match.
  auto swapped = search.Search("smyth 2016-03-04");
  ASSERT_TRUE(swapped.ok());
  ASSERT_EQ(swapped->size(), 1u);
  EXPECT_EQ(swapped->front().id, jo);
  auto upn = search.Search("a123456789012");
  ASSERT_TRUE(upn.ok());
  ASSERT_EQ(upn->size(), 1u);
  EXPECT_EQ(upn->front().id, jon);
  EXPECT_EQ(upn->front().why, "UPN");
  // Every word must match: no child is "Smith Zebedee".
  auto none = search.Search("smith zebedee");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_FALSE(search.Search("  ").ok());
  // A child added, or renamed, after the index was built is found at once.
  const Id later = Child("Zebedee", "Smith", "2019-01-01");
  auto found = search.Search("smith zebedee");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, later);
  auto rec = store_->Get(Entity("child"), jo);
  ASSERT_TRUE(rec.ok());
  rec->Set("last_name", std::string("Quennell"));
  ASSERT_TRUE(store_->Update(*rec, Actor{}).ok());
  auto renamed = search.Search("quennell");
  ASSERT_TRUE(renamed.ok());
  ASSERT_EQ(renamed->size(), 1u);
  EXPECT_EQ(renamed->front().id, jo);
  // ("smyth" is one letter from the Smiths, who still match; Jo no longer does.)
  auto smyth = search.Search("smyth");
  ASSERT_TRUE(smyth.ok());
  for (const ChildMatch& m : *smyth) EXPECT_NE(m.id, jo);
  // The index holds restricted records too: the server shows them only to the people named on
  // them (AccessPolicy::Findable; HttpApi.RestrictedRecordsAreHiddenFromAllButTheNamed).
  auto secret = store_->Get(Entity("child"), later);
  ASSERT_TRUE(secret.ok());
  secret->Set("restricted", true);
  ASSERT_TRUE(store_->Update(*secret, Actor{}).ok());
  EXPECT_FALSE(search.Search("zebedee")->empty());
}

// A server tells the index the record's marker (it knows when it wrote): the index reloads
// only when the marker moves, and a change that touched no child leaves it as it was.
TEST_P(WorkLists, SearchWithAMarkerSourceReloadsOnlyWhenTheMarkerMoves) {
  const Id ann = Child("Annabel", "Pelcroft", "2014-05-06");
  std::int64_t marker = 0;
  int asked = 0;
  ChildSearch search(location_, [&]() -> Result<std::int64_t> {
    ++asked;
    return marker;
  });
  auto first = search.Search("pelcroft");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front().id, ann);
  EXPECT_EQ(asked, 1);
  // Renamed in the store, but the marker has not moved: the index is not reloaded.
  auto rec = store_->Get(Entity("child"), ann);
  ASSERT_TRUE(rec.ok());
  rec->Set("last_name", std::string("Quennell"));
  ASSERT_TRUE(store_->Update(*rec, Actor{}).ok());
  EXPECT_EQ(search.Search("pelcroft")->size(), 1u);
  EXPECT_TRUE(search.Search("quennell")->empty());
  // The marker moves: the change is picked up.
  marker = 1'000'000;
  auto renamed = search.Search("quennell");
  ASSERT_TRUE(renamed.ok());
  ASSERT_EQ(renamed->size(), 1u);
  EXPECT_EQ(renamed->front().id, ann);
  EXPECT_TRUE(search.Search("pelcroft")->empty());
  EXPECT_EQ(asked, 5);
  // A marker error is the search's error.
  ChildSearch broken(location_, [] { return Result<std::int64_t>(IoError("store gone")); });
  EXPECT_EQ(broken.Search("quennell").status().code(), StatusCode::kIoError);
}

TEST_P(WorkLists, CaseloadsPutTheMostOverdueFirst) {
  const Id team = Add("team", {{"name", std::string("Safeguarding 1")}});
  auto worker = [&](const char* staff, const char* role) {
    return Add("worker", {{"staff_id", std::string(staff)},
                          {"first_name", std::string("Alex")},
                          {"last_name", std::string(staff)},
                          {"role", std::string(role)},
                          {"team_id", team},
                          {"fte", 1.0},
                          {"start_date", D("2020-01-01")}});
  };
  const Id sw = worker("W1", "SOCIAL_WORKER");
  const Id other = worker("W2", "SOCIAL_WORKER");
  worker("W3", "TEAM_MANAGER");
  const Id quiet = Child("Amy", "Ash", "2015-01-01");
  const Id late = Child("Ben", "Birch", "2014-01-01");
  const Id gone = Child("Cat", "Cole", "2013-01-01");
  for (Id c : {quiet, late}) {
    Add("allocation", {{"child_id", c}, {"worker_id", sw}, {"start_date", D("2025-06-01")}});
  }
  Add("allocation", {{"child_id", gone},
                     {"worker_id", sw},
                     {"start_date", D("2025-06-01")},
                     {"end_date", D("2025-12-31")}});
  Add("allocation", {{"child_id", gone}, {"worker_id", other}, {"start_date", D("2026-01-01")}});
  const Id ref =
      Add("referral",
          {{"child_id", late}, {"referral_date", D("2025-11-03")}, {"source", std::string("1A")}});
  Add("cp_plan", {{"child_id", late},
                  {"referral_id", ref},
                  {"start_date", D("2025-12-01")},
                  {"initial_category", std::string("NEG")}});
  auto load = work::WorkerCaseload(*store_, sw, D("2026-02-02"));
  ASSERT_TRUE(load.ok()) << load.status().ToString();
  ASSERT_EQ(load->children.size(), 2u);  // the child moved to another worker is not listed
  EXPECT_EQ(load->children[0].child_id, late);
  EXPECT_EQ(load->children[0].status, "Child protection plan");
  EXPECT_TRUE(load->children[0].not_seen_in_time);
  EXPECT_EQ(load->children[1].child_id, quiet);
  EXPECT_EQ(load->children[1].status, "Allocated");
  EXPECT_EQ(load->not_seen_in_time, 1);
  EXPECT_EQ(load->overdue, load->children[0].overdue);
  auto tw = work::TeamCaseloads(*store_, team, D("2026-02-02"));
  ASSERT_TRUE(tw.ok()) << tw.status().ToString();
  ASSERT_EQ(tw->workers.size(), 3u);
  size_t total = 0;
  for (const auto& w : tw->workers) total += w.children.size();
  EXPECT_EQ(total, 3u);
  auto pick = work::BusiestWorkerAndManager(*store_, D("2026-02-02"));
  ASSERT_TRUE(pick.ok());
  EXPECT_EQ(pick->first, sw);
  EXPECT_NE(pick->second, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkLists, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace sg

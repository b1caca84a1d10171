// Golden tests of the looked-after, care leaver, adoption and workforce indicators
// (defs_cla.cc, defs_workforce.cc): one hand-built record of 23 children and 10 workers in 3
// teams whose events are placed on purpose, and for each indicator the figures for the
// reporting year 2024-04-01..2025-03-31 worked out by hand.
//
// Conventions the hand computations lean on:
// - "looked after at 31 March" means at the end of that day: an episode ending (DEC) on the
//   reference date is not open then; short breaks (LS V3, V4) are never counted;
// - an episode ending X1 continues in the next one (a new placement or legal status), so it
//   neither ends nor starts a period of care;
// - "the 12 months up to 31 March 2025" are 1 April 2024 to 31 March 2025;
// - England and Wales bank holidays in the year: Easter Monday 1 April 2024 (the first day),
//   6 May, 27 May, 26 August, 25 and 26 December 2024, 1 January 2025 (Good Friday 2025 is
//   18 April, after the year). The year has 261 weekdays, so 254 working days.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "golden_util.h"
#include "model/record.h"

namespace sg::testing {
namespace {

using std::string_literals::operator""s;

constexpr std::string_view kYear = "2024-04-01..2025-03-31";
constexpr double kPopulation = 20000.0;  // children aged 0-17, for the rates per 10,000

// ---- The fixture ----
//
// Teams (established FTE): T1 "Children in Care Team" (4.0), T2 "Leaving Care Team" (2.0),
// T3 "Adoption Team" (2.0).
//
// Workers (role, team, FTE, employed or agency, case holder, in post):
//   W1  SW101 SOCIAL_WORKER          T1 1.0 employed case holder  2019-01-07..
//   W2  SW102 SENIOR_PRACTITIONER    T1 0.8 employed case holder  2022-05-03..
//   W3  SW103 SOCIAL_WORKER          T1 1.0 AGENCY   case holder  2024-10-14..
//   W4  TM104 TEAM_MANAGER           T1 1.0 employed not holding  2018-04-03..
//   W5  SW105 SOCIAL_WORKER          T2 1.0 employed case holder  2020-09-01..2024-03-31
//       (left exactly 12 months before the reference date)
//   W6  SW106 ASYE                   T2 1.0 employed case holder  2024-09-02..
//   W7  SW107 SOCIAL_WORKER          T3 0.6 employed case holder  2016-02-01..2024-12-20
//   W8  SW108 SOCIAL_WORKER          T3 1.0 employed case holder  2025-03-10.. (new starter)
//   W9  FS109 FAMILY_SUPPORT_WORKER  T3 1.0 employed not holding  2021-01-04..
//   W10 SW110 SOCIAL_WORKER          T2 0.5 AGENCY   case holder  2023-06-01..
//
// Children (age on the reference date 31 March 2025) and their looked-after episodes
// (start RNE LS PLACE ..end REC):
//   C01 GL01 2012-05-10 (12)  S C2 U4 2021-06-01..open (spans the period start)
//   C02 GL02 2009-03-31 (16 ON the reference date)  S C2 U4 2020-02-01..open
//   C03 GL03 2010-07-19 (14)  S V2 U6 2023-05-01..2024-06-10 X1
//                             P V2 U6 2024-06-10..2024-10-01 X1
//                             L C2 U6 2024-10-01..2025-01-15 X1 (legal status only)
//                             P C2 K2 2025-01-15..open
//   C04 GL04 2014-07-01 (10)  S V2 U6 2022-01-10..2023-06-01 X1
//                             L C2 U6 2023-06-01..2024-09-01 X1 (same placement, before the year)
//                             P C2 U4 2024-09-01..2025-02-01 X1
//                             P C2 U4 2025-02-01..open
//   C05 GL05 2015-02-20 (10)  S C2 U4 2022-09-30..open (exactly 2.5 years before 31 March 2025)
//   C06 GL06 2013-08-08 (11)  S C2 U4 2022-10-02..open (2.5 years less two days)
//   C07 GL07 2020-06-01 (4)   S C2 U6 2022-03-01..2023-10-15 X1
//                             B E1 A6 2023-10-15..2024-11-20 E12 (adopted)
//   C08 GL08 2022-01-25 (3)   S C2 U5 2023-02-01..2024-01-10 X1
//                             U E1 A5 2024-01-10..2025-03-31 E11 (adopted ON the reference date)
//   C09 GL09 2011-01-05 (14)  S V2 U6 2023-11-01..2024-07-20 E4A (went home)
//                             S C2 K2 2024-07-22..open (back after one day, 21 July, at home)
//   C10 GL10 2012-12-12 (12)  S V3 U6 2024-01-01..open (short breaks only)
//   C11 GL11 2016-03-03 (9)   S V4 U6 2024-05-01..2024-08-01 E8 (short breaks only)
//   C12 GL12 2008-06-01 (16)  UASC  S V2 K3 2024-06-15..open
//   C13 GL13 2006-09-01 (18)  UASC  S V2 K3 2023-01-10..2024-09-01 E5 (18th birthday)
//   C14 GL14 2017-04-04 (7)   S C1 U6 2024-02-01..2024-10-01 X1
//                             B C2 P1 2024-10-01..open (placed with parents)
//   C15 GL15 2024-08-10 (0)   S C1 U6 2024-10-15..open
//   C16 GL16 2005-07-12 (19 on 2024-07-12)  S C2 U4 2019-03-01..2023-07-12 E17; care leaver
//   C17 GL17 2003-12-03 (21 on 2024-12-03)  care leaver
//   C18 GL18 2003-01-15 (22 on 2025-01-15)  care leaver
//   C19 GL19 2006-05-05 (18 on 2024-05-05)  S C2 U4 2021-02-01..2024-05-05 E17; care leaver
//   C20 GL20 2004-10-30 (20 on 2024-10-30)  care leaver
//   C21 GL21 2019-09-09 (5)   S C2 U6 2024-04-01..open (starts on the period's first day)
//   C22 GL22 2023-03-15 (2)   S C2 U6 2023-04-20..2025-01-06 X1
//                             P E1 A6 2025-01-06..open (placed for adoption)
//   C23 GL23 2005-01-08 (20 on 2025-01-08)  care leaver
//
// Looked after at the end of 31 March 2025 (12): C01 C02 C03 C04 C05 C06 C09 C12 C14 C15 C21
// C22. Not: C07 (adopted in November), C08 (adopted ON 31 March), C10 and C11 (short breaks),
// C13 and C19 (left care at 18), the care leavers.
FixtureRecords BuildFixture() {
  FixtureRecords r;

  // ---- Teams and workers ----
  auto team = [&](const std::string& name, double established) {
    return r.Add("team", {{"name", name}, {"established_fte", established}});
  };
  const Id t1 = team("Children in Care Team", 4.0);
  const Id t2 = team("Leaving Care Team", 2.0);
  const Id t3 = team("Adoption Team", 2.0);

  auto worker = [&](const std::string& staff_id, const std::string& role, Id in_team, double fte,
                    bool agency, bool case_holder, Date start, std::optional<Date> end) {
    std::vector<std::pair<std::string, Value>> v = {
        {"staff_id", staff_id}, {"first_name", "Sam"s},       {"last_name", "Worker " + staff_id},
        {"role", role},         {"team_id", in_team},         {"fte", fte},
        {"agency", agency},     {"case_holder", case_holder}, {"start_date", start}};
    if (end) {
      v.emplace_back("end_date", *end);
      v.emplace_back("leaving_reason", "Moved on"s);
    }
    return r.Add("worker", std::move(v));
  };
  const std::optional<Date> kInPost;
  const Id w1 = worker("SW101", "SOCIAL_WORKER", t1, 1.0, false, true, D(2019, 1, 7), kInPost);
  const Id w2 =
      worker("SW102", "SENIOR_PRACTITIONER", t1, 0.8, false, true, D(2022, 5, 3), kInPost);
  const Id w3 = worker("SW103", "SOCIAL_WORKER", t1, 1.0, true, true, D(2024, 10, 14), kInPost);
  const Id w4 = worker("TM104", "TEAM_MANAGER", t1, 1.0, false, false, D(2018, 4, 3), kInPost);
  const Id w5 =
      worker("SW105", "SOCIAL_WORKER", t2, 1.0, false, true, D(2020, 9, 1), D(2024, 3, 31));
  const Id w6 = worker("SW106", "ASYE", t2, 1.0, false, true, D(2024, 9, 2), kInPost);
  const Id w7 =
      worker("SW107", "SOCIAL_WORKER", t3, 0.6, false, true, D(2016, 2, 1), D(2024, 12, 20));
  const Id w8 = worker("SW108", "SOCIAL_WORKER", t3, 1.0, false, true, D(2025, 3, 10), kInPost);
  const Id w9 =
      worker("FS109", "FAMILY_SUPPORT_WORKER", t3, 1.0, false, false, D(2021, 1, 4), kInPost);
  const Id w10 = worker("SW110", "SOCIAL_WORKER", t2, 0.5, true, true, D(2023, 6, 1), kInPost);

  // ---- Children ----
  auto child = [&](const std::string& id, Date dob, const std::string& sex, bool uasc = false) {
    return r.Add("child", {{"la_child_id", id},
                           {"first_name", "Child"s},
                           {"last_name", id},
                           {"date_of_birth", dob},
                           {"sex", sex},
                           {"ethnicity", "WBRI"s},
                           {"uasc", uasc}});
  };
  const Id c01 = child("GL01", D(2012, 5, 10), "M");
  const Id c02 = child("GL02", D(2009, 3, 31), "F");
  const Id c03 = child("GL03", D(2010, 7, 19), "M");
  const Id c04 = child("GL04", D(2014, 7, 1), "M");
  const Id c05 = child("GL05", D(2015, 2, 20), "F");
  const Id c06 = child("GL06", D(2013, 8, 8), "M");
  const Id c07 = child("GL07", D(2020, 6, 1), "M");
  const Id c08 = child("GL08", D(2022, 1, 25), "F");
  const Id c09 = child("GL09", D(2011, 1, 5), "F");
  const Id c10 = child("GL10", D(2012, 12, 12), "M");
  const Id c11 = child("GL11", D(2016, 3, 3), "F");
  const Id c12 = child("GL12", D(2008, 6, 1), "F", true);
  const Id c13 = child("GL13", D(2006, 9, 1), "M", true);
  const Id c14 = child("GL14", D(2017, 4, 4), "F");
  const Id c15 = child("GL15", D(2024, 8, 10), "M");
  const Id c16 = child("GL16", D(2005, 7, 12), "F");
  const Id c17 = child("GL17", D(2003, 12, 3), "M");
  const Id c18 = child("GL18", D(2003, 1, 15), "F");
  const Id c19 = child("GL19", D(2006, 5, 5), "M");
  const Id c20 = child("GL20", D(2004, 10, 30), "M");
  const Id c21 = child("GL21", D(2019, 9, 9), "F");
  const Id c22 = child("GL22", D(2023, 3, 15), "M");
  const Id c23 = child("GL23", D(2005, 1, 8), "F");

  // ---- Looked-after episodes ----
  auto episode = [&](Id who, Date start, const std::string& rne, const std::string& ls,
                     const std::string& place, std::optional<Date> end = std::nullopt,
                     const std::string& rec = "") {
    std::vector<std::pair<std::string, Value>> v = {{"child_id", who},
                                                    {"start_date", start},
                                                    {"reason_new_episode", rne},
                                                    {"legal_status", ls},
                                                    {"category_of_need", "N1"s},
                                                    {"placement_type", place},
                                                    {"placement_provider", "PR1"s}};
    if (end) {
      v.emplace_back("end_date", *end);
      v.emplace_back("reason_ceased", rec);
    }
    return r.Add("cla_episode", std::move(v));
  };
  episode(c01, D(2021, 6, 1), "S", "C2", "U4");
  episode(c02, D(2020, 2, 1), "S", "C2", "U4");
  episode(c03, D(2023, 5, 1), "S", "V2", "U6", D(2024, 6, 10), "X1");
  episode(c03, D(2024, 6, 10), "P", "V2", "U6", D(2024, 10, 1), "X1");
  episode(c03, D(2024, 10, 1), "L", "C2", "U6", D(2025, 1, 15), "X1");
  episode(c03, D(2025, 1, 15), "P", "C2", "K2");
  episode(c04, D(2022, 1, 10), "S", "V2", "U6", D(2023, 6, 1), "X1");
  episode(c04, D(2023, 6, 1), "L", "C2", "U6", D(2024, 9, 1), "X1");
  episode(c04, D(2024, 9, 1), "P", "C2", "U4", D(2025, 2, 1), "X1");
  episode(c04, D(2025, 2, 1), "P", "C2", "U4");
  episode(c05, D(2022, 9, 30), "S", "C2", "U4");
  episode(c06, D(2022, 10, 2), "S", "C2", "U4");
  episode(c07, D(2022, 3, 1), "S", "C2", "U6", D(2023, 10, 15), "X1");
  episode(c07, D(2023, 10, 15), "B", "E1", "A6", D(2024, 11, 20), "E12");
  episode(c08, D(2023, 2, 1), "S", "C2", "U5", D(2024, 1, 10), "X1");
  episode(c08, D(2024, 1, 10), "U", "E1", "A5", D(2025, 3, 31), "E11");
  episode(c09, D(2023, 11, 1), "S", "V2", "U6", D(2024, 7, 20), "E4A");
  episode(c09, D(2024, 7, 22), "S", "C2", "K2");
  episode(c10, D(2024, 1, 1), "S", "V3", "U6");
  episode(c11, D(2024, 5, 1), "S", "V4", "U6", D(2024, 8, 1), "E8");
  episode(c12, D(2024, 6, 15), "S", "V2", "K3");
  episode(c13, D(2023, 1, 10), "S", "V2", "K3", D(2024, 9, 1), "E5");
  episode(c14, D(2024, 2, 1), "S", "C1", "U6", D(2024, 10, 1), "X1");
  episode(c14, D(2024, 10, 1), "B", "C2", "P1");
  episode(c15, D(2024, 10, 15), "S", "C1", "U6");
  episode(c16, D(2019, 3, 1), "S", "C2", "U4", D(2023, 7, 12), "E17");
  episode(c19, D(2021, 2, 1), "S", "C2", "U4", D(2024, 5, 5), "E17");
  episode(c21, D(2024, 4, 1), "S", "C2", "U6");
  episode(c22, D(2023, 4, 20), "S", "C2", "U6", D(2025, 1, 6), "X1");
  episode(c22, D(2025, 1, 6), "P", "E1", "A6");

  // ---- Looked-after reviews (REVIEW_CODE; "" when not recorded) ----
  auto review = [&](Id who, Date date, const std::string& code) {
    std::vector<std::pair<std::string, Value>> v = {{"child_id", who}, {"review_date", date}};
    if (!code.empty()) v.emplace_back("participation", code);
    return r.Add("cla_review", std::move(v));
  };
  review(c01, D(2024, 5, 15), "PN1");
  review(c01, D(2024, 11, 20), "PN1");
  review(c02, D(2024, 10, 8), "PN7");
  review(c03, D(2024, 6, 5), "PN5");
  review(c03, D(2024, 12, 5), "PN4");
  review(c04, D(2024, 8, 20), "PN1");
  review(c04, D(2025, 2, 14), "");
  review(c05, D(2024, 4, 10), "PN2");
  review(c05, D(2024, 10, 1), "PN2");
  review(c05, D(2025, 4, 2), "PN7");   // after the period
  review(c06, D(2024, 3, 30), "PN1");  // before the period
  review(c06, D(2024, 9, 30), "PN6");
  review(c09, D(2024, 8, 16), "PN1");
  review(c09, D(2025, 2, 12), "PN7");
  review(c14, D(2024, 4, 1), "PN3");
  review(c14, D(2024, 9, 20), "PN1");
  review(c14, D(2025, 3, 14), "PN1");
  review(c15, D(2024, 11, 12), "PN0");
  review(c15, D(2025, 1, 10), "PN0");
  review(c21, D(2024, 4, 29), "PN1");
  review(c21, D(2024, 7, 25), "PN1");
  review(c21, D(2025, 1, 21), "PN1");
  review(c22, D(2024, 10, 17), "PN0");
  // C12 has had no review since coming into care.

  // ---- Missing from care (M) and away without authorisation (A) ----
  auto missing = [&](Id who, const std::string& type, Date start, Date end) {
    return r.Add(
        "missing_episode",
        {{"child_id", who}, {"missing_type", type}, {"start_date", start}, {"end_date", end}});
  };
  missing(c03, "M", D(2024, 8, 3), D(2024, 8, 4));
  missing(c09, "M", D(2024, 5, 5), D(2024, 5, 6));
  missing(c01, "A", D(2024, 12, 1), D(2024, 12, 1));
  missing(c10, "M", D(2024, 9, 9), D(2024, 9, 10));   // on short breaks only
  missing(c13, "M", D(2023, 12, 1), D(2023, 12, 2));  // before the period
  missing(c12, "M", D(2025, 4, 3), D(2025, 4, 4));    // after the period

  // ---- Health (OC2): HEALTH_ASSESSMENT, TEETH_CHECK, IMMUNISATIONS ----
  auto health = [&](Id who, Date year_ending, bool assessment, bool teeth, bool imms) {
    return r.Add("cla_health", {{"child_id", who},
                                {"year_ending", year_ending},
                                {"health_assessment", assessment},
                                {"health_check", assessment},
                                {"teeth_check", teeth},
                                {"immunisations", imms}});
  };
  const Date ye2025 = D(2025, 3, 31);
  health(c01, ye2025, true, true, true);
  health(c02, ye2025, true, false, true);
  health(c03, ye2025, true, true, false);
  health(c04, ye2025, false, true, true);
  health(c05, ye2025, true, true, false);
  health(c06, ye2025, true, false, true);
  health(c08, ye2025, true, false, true);
  health(c09, ye2025, true, true, true);  // the one-day gap in July breaks continuity
  health(c21, ye2025, true, true, true);
  health(c22, ye2025, false, false, true);
  health(c01, D(2024, 3, 31), false, false, false);  // the year before

  // ---- Care leavers (OC3): contacts around their birthdays ----
  auto leaver = [&](Id who, Date date, const std::string& in_touch, const std::string& activity,
                    const std::string& accommodation) {
    return r.Add("care_leaver_contact", {{"child_id", who},
                                         {"contact_date", date},
                                         {"in_touch", in_touch},
                                         {"activity", activity},
                                         {"accommodation", accommodation}});
  };
  leaver(c16, D(2024, 6, 20), "YES", "G5", "S2");  // before her 19th birthday
  leaver(c16, D(2024, 7, 25), "YES", "F5", "D1");  // after it: the latest
  leaver(c17, D(2024, 3, 15), "YES", "F2", "E1");  // about his 20th birthday, the year before
  leaver(c17, D(2024, 12, 10), "NO", "0", "0");
  leaver(c18, D(2025, 1, 20), "YES", "F1", "U1");
  leaver(c19, D(2024, 5, 10), "YES", "F2", "K1");
  leaver(c20, D(2024, 11, 5), "YES", "G4", "B2");
  leaver(c23, D(2025, 1, 14), "YES", "F4", "S2");

  // ---- Adoption ----
  r.Add("adoption", {{"child_id", c07},
                     {"best_interest_date", D(2023, 4, 12)},
                     {"placement_order_date", D(2023, 6, 1)},
                     {"match_date", D(2023, 9, 20)},
                     {"placed_date", D(2023, 10, 15)},
                     {"order_date", D(2024, 11, 20)}});
  r.Add("adoption", {{"child_id", c08},
                     {"best_interest_date", D(2023, 9, 1)},
                     {"placement_order_date", D(2023, 11, 15)},
                     {"match_date", D(2023, 12, 20)},
                     {"placed_date", D(2024, 1, 10)},
                     {"order_date", D(2025, 3, 31)}});
  r.Add("adoption", {{"child_id", c22},
                     {"best_interest_date", D(2024, 7, 1)},
                     {"placement_order_date", D(2024, 9, 12)},
                     {"match_date", D(2024, 12, 9)},
                     {"placed_date", D(2025, 1, 6)}});

  // ---- Allocations (child, worker, worker's team) ----
  auto alloc = [&](Id who, Id to, Id in_team, Date start, std::optional<Date> end = std::nullopt) {
    std::vector<std::pair<std::string, Value>> v = {
        {"child_id", who}, {"worker_id", to}, {"team_id", in_team}, {"start_date", start}};
    if (end) v.emplace_back("end_date", *end);
    return r.Add("allocation", std::move(v));
  };
  alloc(c01, w1, t1, D(2021, 6, 1));
  alloc(c02, w1, t1, D(2020, 2, 1));
  alloc(c03, w2, t1, D(2023, 5, 1));
  alloc(c04, w7, t3, D(2022, 1, 10), D(2022, 5, 2));
  alloc(c04, w2, t1, D(2022, 5, 3));
  alloc(c05, w7, t3, D(2022, 9, 30), D(2024, 10, 13));
  alloc(c05, w3, t1, D(2024, 10, 14));
  alloc(c06, w7, t3, D(2022, 10, 2), D(2024, 10, 13));
  alloc(c06, w3, t1, D(2024, 10, 14));
  alloc(c07, w7, t3, D(2022, 3, 1), D(2024, 11, 20));
  alloc(c08, w7, t3, D(2023, 2, 1), D(2024, 12, 20));
  alloc(c08, w1, t1, D(2024, 12, 21), D(2025, 3, 31));  // closed on the day she was adopted
  alloc(c09, w2, t1, D(2023, 11, 1));
  alloc(c10, w1, t1, D(2024, 1, 1));
  alloc(c12, w10, t2, D(2024, 6, 15));
  alloc(c13, w10, t2, D(2023, 6, 1), D(2024, 9, 1));
  alloc(c14, w1, t1, D(2024, 2, 1));
  alloc(c15, w7, t3, D(2024, 10, 15), D(2024, 12, 20));
  alloc(c15, w1, t1, D(2024, 12, 21), D(2025, 3, 9));
  alloc(c15, w8, t3, D(2025, 3, 10));
  alloc(c16, w5, t2, D(2023, 7, 12), D(2024, 3, 31));
  alloc(c16, w6, t2, D(2024, 9, 2));
  alloc(c17, w6, t2, D(2024, 9, 2));
  alloc(c18, w5, t2, D(2021, 1, 15), D(2024, 3, 31));
  alloc(c19, w10, t2, D(2023, 6, 1));
  alloc(c20, w6, t2, D(2024, 9, 2));
  alloc(c21, w2, t1, D(2024, 4, 1));
  alloc(c22, w7, t3, D(2023, 4, 20), D(2024, 12, 20));
  alloc(c22, w1, t1, D(2024, 12, 21), D(2025, 3, 9));
  alloc(c22, w8, t3, D(2025, 3, 10));
  alloc(c23, w10, t2, D(2023, 6, 1));

  // ---- Supervision (by the team manager) ----
  auto supervision = [&](Id who, Date date) {
    return r.Add("supervision",
                 {{"worker_id", who}, {"supervisor_id", w4}, {"supervision_date", date}});
  };
  supervision(w1, D(2025, 3, 12));
  supervision(w1, D(2025, 4, 2));  // after the reference date
  supervision(w2, D(2025, 1, 20));
  supervision(w2, D(2025, 2, 28));  // exactly a month before the reference date: not in it
  supervision(w3, D(2025, 3, 31));  // on the reference date
  supervision(w6, D(2025, 3, 1));   // the first day of the month up to it
  supervision(w8, D(2025, 3, 20));
  supervision(w10, D(2025, 1, 15));

  // ---- Sickness absence (working days lost, FTE) ----
  auto sickness = [&](Id who, Date start, Date end, double days_lost) {
    return r.Add(
        "sickness_absence",
        {{"worker_id", who}, {"start_date", start}, {"end_date", end}, {"days_lost", days_lost}});
  };
  // Mon 23 Dec 2024 .. Fri 3 Jan 2025: 23, 24, 27, 30, 31 Dec, 2, 3 Jan = 7 working days (25,
  // 26 Dec and 1 Jan are bank holidays).
  sickness(w1, D(2024, 12, 23), D(2025, 1, 3), 7);
  // Fri 28 Mar .. Wed 2 Apr 2025: 28, 31 Mar, 1, 2 Apr = 4, all counted in the year it began.
  sickness(w1, D(2025, 3, 28), D(2025, 4, 2), 4);
  // Fri 24 .. Fri 31 May 2024: 24, 28, 29, 30, 31 = 5 (27 May is a bank holiday), x 0.8 FTE.
  sickness(w2, D(2024, 5, 24), D(2024, 5, 31), 4.0);
  // Thu 22 .. Wed 28 Aug 2024: 22, 23, 27, 28 = 4 (26 Aug is a bank holiday), x 0.6 FTE.
  sickness(w7, D(2024, 8, 22), D(2024, 8, 28), 2.4);
  sickness(w5, D(2024, 3, 25), D(2024, 3, 28), 4);     // before the period
  sickness(w10, D(2024, 11, 4), D(2024, 11, 8), 2.5);  // agency
  sickness(w9, D(2024, 6, 3), D(2024, 6, 7), 5);       // not a social worker

  // ---- Case file audits (auditor: the team manager w4) ----
  auto audit = [&](Id child, Id holder, Date on, const std::string& grade) {
    r.Add("case_audit", {{"child_id", child},
                         {"worker_id", holder},
                         {"auditor_id", w4},
                         {"audit_date", on},
                         {"grade", grade}});
  };
  audit(c01, w1, D(2024, 4, 1), "GOOD");                   // A1: the first day
  audit(c02, w6, D(2024, 9, 15), "OUTSTANDING");           // A2
  audit(c03, w8, D(2025, 3, 31), "INADEQUATE");            // A3: the last day
  audit(c04, w3, D(2024, 12, 2), "REQUIRES_IMPROVEMENT");  // A4
  audit(c05, w1, D(2024, 3, 31), "INADEQUATE");            // the day before the year
  audit(c01, w1, D(2025, 4, 1), "GOOD");                   // the day after
  return r;
}

const FixtureRecords& Fixture() {
  static const FixtureRecords* const kFixture = new FixtureRecords(BuildFixture());
  return *kFixture;
}

// The total's numerator and denominator over the year, and its value (a percentage or an
// average).
void ExpectRatio(std::string_view id, double num, double den, double value) {
  SCOPED_TRACE(std::string(id));
  const ind::Cell cell = TotalCell(Fixture(), id, kYear);
  EXPECT_NEAR(cell.num, num, 1e-9);
  EXPECT_NEAR(cell.den, den, 1e-9);
  const std::optional<double> v = ValueFor(Fixture(), id, kYear);
  ASSERT_TRUE(v.has_value());
  EXPECT_NEAR(*v, value, 1e-9);
}
void ExpectPercent(std::string_view id, double num, double den) {
  ExpectRatio(id, num, den, 100.0 * num / den);
}

void ExpectCount(std::string_view id, double count) {
  SCOPED_TRACE(std::string(id));
  EXPECT_NEAR(TotalCell(Fixture(), id, kYear).num, count, 1e-9);
  const std::optional<double> v = ValueFor(Fixture(), id, kYear);
  ASSERT_TRUE(v.has_value());
  EXPECT_NEAR(*v, count, 1e-9);
}

// Every record of the fixture obeys the model's rules (required fields, code lists, cross-field
// rules), although FixtureRecords does not check them.
TEST(GoldenClaFixture, EveryRecordIsValid) {
  const Timestamp now = At(2025, 6, 1);
  for (std::string_view entity :
       {"team", "worker", "child", "cla_episode", "cla_review", "missing_episode", "cla_health",
        "care_leaver_contact", "adoption", "allocation", "supervision", "sickness_absence"}) {
    const auto& records = Fixture().Of(entity);
    EXPECT_FALSE(records.empty()) << entity;
    for (const Record& rec : records) {
      const Status st = ValidateRecord(rec, now);
      EXPECT_TRUE(st.ok()) << entity << " " << rec.id() << ": " << st.ToString();
    }
  }
}

// ==== Children looked after ====

// At the end of 31 March 2025: C01 C02 C03 C04 C05 C06 C09 C12 C14 C15 C21 C22 = 12.
// Not: C08, whose episode ended ON 31 March (adopted that day); C10 (V3) and C11 (V4) on short
// breaks; C07, C13, C19, who left during the year; C03's and C04's X1 chains count once each.
// Month by month (at each month's last day), starting from the 9 in care all year (C01-C06,
// C14, C21 from 1 April, C22) plus C07, C08, C09, C13, C19 at 30 April = 14:
//   May 13 (C19 left 5 May), Jun 14 (C12 came 15 June), Jul 14 (C09 home 20 July, back 22
//   July), Aug 14 (C13 leaves on 1 September), Sep 13, Oct 14 (C15 came 15 October), Nov 13
//   (C07 adopted 20 November), Dec 13, Jan 13, Feb 13, Mar 12 (C08 adopted 31 March).
TEST(Golden, cla_at_end) {
  ExpectCount("cla_at_end", 12);
  const std::vector<std::optional<double>> want = {14, 13, 14, 14, 14, 13, 14, 13, 13, 13, 13, 12};
  EXPECT_EQ(Monthly(Fixture(), "cla_at_end", D(2024, 4, 1), D(2025, 3, 31)), want);
}

// 12 children looked after at 31 March per 10,000 of 20,000 children: 12 x 10,000 / 20,000 = 6.
TEST(Golden, cla_rate) {
  EXPECT_EQ(TotalCell(Fixture(), "cla_rate", kYear).num, 12);
  EXPECT_EQ(ValueFor(Fixture(), "cla_rate", kYear, kPopulation), 6.0);
  EXPECT_EQ(ValueFor(Fixture(), "cla_rate", kYear), std::nullopt);  // no population, no rate
}

// New periods of care (RNE S) begun in the year: C21 (1 April, the first day), C12 (15 June),
// C09 (22 July, back after going home), C15 (15 October) = 4.
// Not: C11's V4 short breaks from 1 May; C03, C04, C14, C22's new placements (P, B) or legal
// status (L) within a period of care; starts before the year.
TEST(Golden, cla_started) { ExpectCount("cla_started", 4); }

// Periods of care ended in the year (an episode ending other than X1): C19 (5 May, E17), C09
// (20 July, E4A), C13 (1 September, E5), C07 (20 November, E12), C08 (31 March, E11: the
// reference date is in the year) = 5.
// Not: C11's short breaks ending 1 August; the X1 endings of C03, C04, C07, C08, C14, C22.
TEST(Golden, cla_ceased) { ExpectCount("cla_ceased", 5); }

// Of the 12 looked after at 31 March, placements open in 1 April 2024..31 March 2025:
//   C03: the placement begun 1 May 2023 (still open on 1 April), P 10 June, (L 1 October is
//        the same placement), P 15 January = 3;
//   C04: the placement begun 10 January 2022 and carried on by the L episode of 1 June 2023
//        (open on 1 April), P 1 September, P 1 February = 3;
//   C09: 2 (the episode ending 20 July, the new one from 22 July); C14: 2; C22: 2;
//   C01, C02, C05, C06, C12, C15, C21: 1 each.
// Three or more: C03, C04 = 2 of 12.
TEST(Golden, cla_3plus_placements_pct) { ExpectPercent("cla_3plus_placements_pct", 2, 12); }

// Under 16 at 31 March and looked after continuously since 30 September 2022 or earlier:
//   C01 (since June 2021), C04 (since January 2022), C05 (since 30 September 2022, exactly 2.5
//   years) = 3.
//   Not: C02, in care since 2020 in the same placement, but 16 ON the reference date; C06, in
//   care since 2 October 2022; C03, C09, C14, C15, C21, C22 (recent); C12 (16).
// Same placement for 2 years or more (since 31 March 2023): C01 (June 2021), C05 (30 September
// 2022) = 2; C04 moved on 1 February 2025.
TEST(Golden, cla_long_term_stable_pct) { ExpectPercent("cla_long_term_stable_pct", 2, 3); }

// Placements at 31 March of the 12: U4 C01 C02 C04 C05 C06, U6 C15 C21 (foster: 7); K2 C03 C09
// (children's homes: 2); P1 C14 (parents: 1); K3 C12 (independent/supported: 1); A6 C22
// (placed for adoption: 1).
TEST(Golden, cla_foster_pct) { ExpectPercent("cla_foster_pct", 7, 12); }
TEST(Golden, cla_residential_pct) { ExpectPercent("cla_residential_pct", 2, 12); }
TEST(Golden, cla_parents_pct) { ExpectPercent("cla_parents_pct", 1, 12); }
TEST(Golden, cla_independent_pct) { ExpectPercent("cla_independent_pct", 1, 12); }
TEST(Golden, cla_placed_for_adoption_pct) {
  // C08 was placed for adoption (A5) until adopted on 31 March: not looked after at its end.
  ExpectPercent("cla_placed_for_adoption_pct", 1, 12);
}

// UASC looked after at 31 March: C12 = 1. C13 (UASC) left care on his 18th birthday.
TEST(Golden, cla_uasc) { ExpectCount("cla_uasc", 1); }

// Of the 12 looked after at 31 March, in their current period of care since 30 September 2024
// or earlier (6 months): all but C15 (since 15 October 2024) = 11.
// Reviewed in the 6 months up to 31 March (the next review, due 6 months after the last, not
// yet overdue): C01 (20 Nov), C02 (8 Oct), C03 (5 Dec), C04 (14 Feb, participation not
// recorded), C05 (1 October 2024, due by 1 April 2025), C09 (12 Feb), C14 (14 Mar), C21 (21
// Jan), C22 (17 Oct) = 9.
// Not: C06, last reviewed 30 September 2024, so due by 30 March 2025 and overdue on 31 March;
// C12, never reviewed. C05's review of 2 April 2025 is after the reference date.
TEST(Golden, cla_reviews_up_to_date_pct) { ExpectPercent("cla_reviews_up_to_date_pct", 9, 11); }

// Reviews in the year with a participation code PN1-PN7 (PN0, under 4, and unrecorded are left
// out): C01 PN1 PN1, C02 PN7, C03 PN5 PN4, C04 PN1 (14 Feb unrecorded), C05 PN2 PN2 (2 April
// 2025 is after the year), C06 PN6 (30 March 2024 is before it), C09 PN1 PN7, C14 PN3 (1 April)
// PN1 PN1, C21 PN1 PN1 PN1 = 17; C15's and C22's are PN0.
// Took part (PN1-PN6): all but C02's and C09's PN7 = 15.
TEST(Golden, cla_review_participation_pct) {
  ExpectPercent("cla_review_participation_pct", 15, 17);
}

// Looked after (not on short breaks) at any time in the year: C01-C09, C12, C13, C14, C15, C19,
// C21, C22 = 16 (C07 until November, C13 until September, C19 until May).
// With a missing incident (M) starting in the year: C03 (3 August), C09 (5 May) = 2.
// Not: C01's absence without authorisation (A); C10, missing but on short breaks only; C13's
// incident of December 2023; C12's of April 2025.
TEST(Golden, cla_missing_pct) { ExpectPercent("cla_missing_pct", 2, 16); }

// ==== Health (OC2): looked after continuously for 12 months at 31 March 2025 ====
//
// DfE's rule (903 guide; LookedAfterAllYear in returns/ssda903_rules_151_199.cc): not
// continuously looked after if care started (RNE S) after 1 April or ended (REC not X1) before
// 31 March of the year, or any short breaks in it. So the 12 months are 1 April 2024 to 31
// March 2025, both days included.
// With a record for the year ending 31 March 2025 and looked after on each of those days:
// C01, C02, C05, C06 (single episodes from before the year); C03, C04, C22 (X1 chains); C08
// (adopted ON 31 March 2025); C21 (came into care ON 1 April 2024) = 9.
// Not: C09, home on 21 July (the episode ended 20 July, the next began 22 July); C01's record
// for the year before.
//
// HEALTH_ASSESSMENT: C01 C02 C03 C05 C06 C08 C21 = 7 (not C04, C22).
TEST(Golden, cla_health_check_pct) { ExpectPercent("cla_health_check_pct", 7, 9); }
// TEETH_CHECK: C01 C03 C04 C05 C21 = 5.
TEST(Golden, cla_dental_check_pct) { ExpectPercent("cla_dental_check_pct", 5, 9); }
// IMMUNISATIONS: C01 C02 C04 C06 C08 C21 C22 = 7 (not C03, C05).
TEST(Golden, cla_immunisations_pct) { ExpectPercent("cla_immunisations_pct", 7, 9); }

// ==== Care leavers (OC3), by the birthday the contact is about ====
//
// Birthdays in the year and the age reached:
//   C16 19 (12 July 2024): two contacts, 20 June (G5, S2) and 25 July (F5, D1): counted once,
//       by the latest (25 July);
//   C17 21 (3 December 2024): contact 10 December, not in touch; his contact of 15 March 2024
//       is about his 20th birthday, in the year before;
//   C20 20 (30 October 2024); C23 20 (8 January 2025);
//   C19 18 (5 May 2024) and C18 22 (15 January 2025): outside 19-21, left out.
// Denominator: C16, C17, C20, C23 = 4.
// In touch: C16, C20, C23 = 3.
TEST(Golden, care_leavers_in_touch_pct) { ExpectPercent("care_leavers_in_touch_pct", 3, 4); }
// Suitable accommodation: C16 (D1) = 1. Not: C17 (0), C20 (B2), C23 (S2); C16's earlier S2.
TEST(Golden, care_leavers_suitable_pct) { ExpectPercent("care_leavers_suitable_pct", 1, 4); }
// In education, employment or training: C16 (F5), C23 (F4) = 2. Not: C17 (0), C20 (G4); C16's
// earlier G5.
TEST(Golden, care_leavers_eet_pct) { ExpectPercent("care_leavers_eet_pct", 2, 4); }

// ==== Adoption ====

// Adopted in the year: C07 (20 November 2024, E12), C08 (31 March 2025, E11) = 2.
TEST(Golden, adopted) { ExpectCount("adopted", 2); }

// Of the 5 who ceased care in the year (see cla_ceased), adopted: 2.
TEST(Golden, adopted_pct) { ExpectPercent("adopted_pct", 2, 5); }

// Days from entering care to the first placement for adoption in that period of care:
//   C07: 1 March 2022 -> 15 October 2023 (A6) = 365 + 228 = 593;
//   C08: 1 February 2023 -> 10 January 2024 (A5) = 365 - 22 = 343.
// Average (593 + 343) / 2 = 468. C22 is placed for adoption but not yet adopted.
TEST(Golden, adoption_a10_days) { ExpectRatio("adoption_a10_days", 936, 2, 468); }

// Days from placement order to match, for the children adopted:
//   C07: 1 June 2023 -> 20 September 2023 = 29 + 31 + 31 + 20 = 111;
//   C08: 15 November 2023 -> 20 December 2023 = 15 + 20 = 35.
// Average (111 + 35) / 2 = 73. C22 (matched, not adopted) is left out.
TEST(Golden, adoption_a2_days) { ExpectRatio("adoption_a2_days", 146, 2, 73); }

// ==== Workforce (on 31 March 2025, or the 12 months up to it) ====

// Employed social workers in post on 31 March: W1 1.0 + W2 0.8 + W4 (team manager) 1.0 + W6
// (ASYE) 1.0 + W8 (from 10 March) 1.0 = 4.8.
// Not: W3, W10 (agency); W9 (family support worker); W5 (left 31 March 2024); W7 (left 20
// December 2024).
TEST(Golden, social_workers_fte) { ExpectCount("social_workers_fte", 4.8); }

// Agency social workers in post: W3 1.0 + W10 0.5 = 1.5, of 4.8 + 1.5 = 6.3 FTE.
TEST(Golden, agency_rate_pct) { ExpectRatio("agency_rate_pct", 1.5, 6.3, 100.0 * 1.5 / 6.3); }

// Funded posts less employed social workers in post, team by team:
//   T1 4.0 - (W1 1.0 + W2 0.8 + W4 1.0) = 1.2 (the agency W3 covers a vacancy);
//   T2 2.0 - W6 1.0 = 1.0 (W5 has left; W10 is agency);
//   T3 2.0 - W8 1.0 = 1.0 (W7 has left; W9 is not a social worker).
// Total 3.2 of 8.0 = 40%.
TEST(Golden, vacancy_rate_pct) {
  ExpectRatio("vacancy_rate_pct", 3.2, 8.0, 40.0);
  const auto by_team = ByGroup(Fixture(), "vacancy_rate_pct", kYear, "team");
  ASSERT_EQ(by_team.size(), 3u);
  EXPECT_NEAR(by_team.at("Children in Care Team").value_or(-1), 30.0, 1e-9);
  EXPECT_NEAR(by_team.at("Leaving Care Team").value_or(-1), 50.0, 1e-9);
  EXPECT_NEAR(by_team.at("Adoption Team").value_or(-1), 50.0, 1e-9);
}

// Employed social workers who left in 1 April 2024..31 March 2025: W7 (20 December, 0.6 FTE).
// Not: W5, who left on 31 March 2024, exactly 12 months before the reference date.
// Of those in post on 31 March: 4.8 FTE (social_workers_fte). 0.6 / 4.8 = 12.5%.
TEST(Golden, turnover_pct) { ExpectRatio("turnover_pct", 0.6, 4.8, 12.5); }

// Case-holding workers in post on 31 March (employed and agency): W1 1.0, W2 0.8, W3 1.0, W6
// 1.0, W8 1.0, W10 0.5 = 5.3 FTE (W4 and W9 hold no cases).
// Children allocated to them on 31 March:
//   W1: C01, C02, C08 (allocation closed on 31 March, the day she was adopted: still allocated
//       that day), C10 (short breaks), C14 = 5;
//   W2: C03, C04, C09, C21 = 4;   W3: C05, C06 = 2;   W8: C15, C22 = 2;
//   W6: C16, C17, C20 = 3;        W10: C12, C19, C23 = 3.
// Total 19 / 5.3. Not: allocations that ended before (C07, C13; W5's and W7's; C15's and
// C22's to W1 until 9 March).
// By the worker's team: Children in Care (W1, W2, W3) 11 / 2.8; Leaving Care (W6, W10)
// 6 / 1.5 = 4; Adoption (W8) 2 / 1.0 = 2.
TEST(Golden, caseload_average) {
  ExpectRatio("caseload_average", 19, 5.3, 19 / 5.3);
  const auto by_team = ByGroup(Fixture(), "caseload_average", kYear, "team");
  ASSERT_EQ(by_team.size(), 3u);
  EXPECT_NEAR(by_team.at("Children in Care Team").value_or(-1), 11 / 2.8, 1e-9);
  EXPECT_NEAR(by_team.at("Leaving Care Team").value_or(-1), 4.0, 1e-9);
  EXPECT_NEAR(by_team.at("Adoption Team").value_or(-1), 2.0, 1e-9);
}

// Working days lost (FTE) to absences of employed social workers beginning in the year:
//   W1 7 (23 Dec - 3 Jan, around Christmas) + W1 4 (from 28 March, running into April) + W2
//   4.0 (24-31 May, around the Spring bank holiday, x 0.8) + W7 2.4 (22-28 August, around the
//   Summer bank holiday, x 0.6) = 17.4.
//   Not: W5's absence of March 2024; W10 (agency); W9 (not a social worker).
// Working days contracted (FTE x working days in post in the year; 254 in the whole year):
//   W1 254 + W2 0.8 x 254 = 203.2 + W4 254
//   + W6 148 (2 September 2024 to 31 March 2025: 151 weekdays less 25, 26 December and 1
//     January)
//   + W7 0.6 x 186 (1 April to 20 December 2024: 190 weekdays less 1 April, 6 May, 27 May and
//     26 August) = 111.6
//   + W8 16 (10 to 31 March 2025)
//   = 986.8. W5 left the day before the year began.
// 17.4 / 986.8 = 1.763%.
TEST(Golden, sickness_rate_pct) {
  ExpectRatio("sickness_rate_pct", 17.4, 986.8, 100.0 * 17.4 / 986.8);
}

// Case-holding social workers in post on 31 March since 28 February 2025 or earlier: W1, W2,
// W3 (agency), W6, W10 (agency) = 5; W8 started 10 March (less than a month).
// Supervised in the month up to 31 March (1 to 31 March): W1 (12 March), W3 (31 March, the
// reference date), W6 (1 March) = 3.
// Not: W2, last supervised 28 February (a month and a day before); W10 (15 January).
TEST(Golden, supervision_on_time_pct) { ExpectPercent("supervision_on_time_pct", 3, 5); }

// Audits in the year: A1 (1 April, GOOD, w1 of the Children in Care Team), A2 (OUTSTANDING,
// w6, Leaving Care), A3 (31 March, INADEQUATE, w8, Adoption), A4 (REQUIRES_IMPROVEMENT, w3,
// Children in Care) = 4; the audits of 31 March 2024 and 1 April 2025 are outside it. By the
// audited worker's team: Children in Care 2 (A1, A4), Leaving Care 1, Adoption 1.
TEST(Golden, audits_completed) {
  ExpectCount("audits_completed", 4);
  const auto by_team = ByGroup(Fixture(), "audits_completed", kYear, "team");
  EXPECT_EQ(by_team.at("Children in Care Team"), 2);
  EXPECT_EQ(by_team.at("Leaving Care Team"), 1);
  EXPECT_EQ(by_team.at("Adoption Team"), 1);
}

// Good or outstanding: A1, A2 = 2 of 4.
TEST(Golden, audits_good_pct) { ExpectPercent("audits_good_pct", 2, 4); }

// Inadequate: A3 = 1 of 4 (the inadequate audit of 31 March 2024 is the year before).
TEST(Golden, audits_inadequate_pct) { ExpectPercent("audits_inadequate_pct", 1, 4); }

}  // namespace
}  // namespace sg::testing

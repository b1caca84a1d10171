// Golden tests of the Front Door, referral, assessment, Section 47, child protection and
// children-in-need indicators (defs_front_door.cc, defs_cin_cp.cc): one hand-built record of
// 20 children whose events are placed on purpose, and for each indicator the figures for the
// reporting year 2024-04-01..2025-03-31 worked out by hand.
//
// Calendar facts the hand computations lean on (England and Wales bank holidays):
// - Easter 2024: Good Friday 29 March, Easter Monday 1 April (the period's first day);
// - Spring bank holiday Monday 27 May 2024;
// - Christmas Day Wednesday 25 December 2024, Boxing Day Thursday 26 December 2024, New Year's
//   Day Wednesday 1 January 2025;
// - the reference date, Monday 31 March 2025, is a working day; clocks went forward on Sunday
//   31 March 2024 and Sunday 30 March 2025 (so both ends of the year are in BST).
// "Within N working days of D" is on or before the N-th working day after D (D is day 0).
#include <gtest/gtest.h>

#include <algorithm>
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
// Teams and workers: "Assessment Team" (SW001) and "Child Protection Team" (SW002).
//
// Children (age on the reference date 31 March 2025 in brackets):
//   a GC01 2012-06-10 (12)   b GC02 2015-09-01 (9)    c GC03 2010-01-20 (15)
//   d GC04 2013-03-03 (12)   e GC05 2019-02-14 (6)    f GC06 2016-11-30 (8)
//   g GC07 2020-05-05 (4)    h GC08 2011-08-08 (13)   i GC09 unborn, due 2025-05-01
//   j GC10 2009-12-12 (15)   k GC11 2007-03-31 (18 ON the reference date)
//   l GC12 2006-11-20 (turned 18 on 2024-11-20)       m GC13 2023-08-19 (1)
//   n GC14 2014-02-02 (11)   o GC15 2024-03-31 (1 ON the reference date)
//   p GC16 2018-07-07 (6)    q GC17 2017-01-15 (8)    s GC18 2017-01-16 (8)
//   t GC19 2024-06-15 (0)    u GC20 2009-03-31 (16 ON the reference date)
//
// Referrals (date, source, NFA, closure):
//   ra1 a 2024-04-01 (first day, Easter Monday)  police 6         open
//   rb1 b 2024-03-31 (one day before the period) schools 2A       closed 2024-05-20 RC8
//   rb2 b 2025-03-31 (last day; exactly a year after rb1) GP 3A   open
//   rc1 c 2023-05-15                             family 1A        closed 2023-11-01 RC7
//   rc2 c 2024-05-15 (exactly a year after rc1)  health visitor 3B, NFA, closed same day RC8
//   rd1 d 2023-07-10                             other 8          closed 2023-12-01 RC7
//   rd2 d 2024-07-11 (a year and a day after rd1) police 6        open
//   re1 e 2025-01-24                             early help 5D    open
//   rf1 f 2022-01-10                             LA social care 5A open
//   rg1 g 2023-03-31 (two years to the day before the reference date) school nurse 3C, open
//   rh1 h 2023-04-01 (two years less a day)      housing 4        open
//   ri1 i 2025-01-27 (unborn child)              health other 3D  open
//   rj1 j 2024-10-01                             police 6         closed 2025-03-31 RC7
//   rk1 k 2024-06-03                             self 1C          open
//   rl1 l 2024-01-26                             legal agency 7   closed 2024-11-20 RC6 (18th)
//   rm1 m 2024-10-25                             A&E 3E           closed 2025-01-02 RC8
//   rn1 n 2024-12-02                             acquaintance 1B, NFA, closure not recorded
//   rn2 n 2025-04-01 (one day after the period)  schools 2A       open
//   ro1 o 2024-10-28                             schools 2A       open
//   rp1 p 2024-03-27                             police 6         open
//   rq1 q 2022-12-01                             unknown 10       closed 2025-03-10 RC7
//   rs1 s 2022-12-02                             unknown 10       closed 2025-03-10 RC7
//   rt1 t 2025-03-03                             police 6         open
//   ru1 u 2024-03-20                             education 2B     open
//
// Assessments (referral's 45th working day in brackets):
//   As1 a/ra1 2024-04-02..2024-05-31 (45th: 2024-06-05), seen 2024-04-04 alone, SW001
//   As2 b/rb1 2024-04-02..2024-05-17 (45th: 2024-06-05), seen 2024-04-10 not alone, SW001
//   As3 d/rd2 2024-07-12..open (45th: 2024-09-13), SW002
//   As4 l/rl1 2024-01-29..2024-04-02 (45th: 2024-04-02, after Good Friday and Easter Monday;
//       ignoring the holidays it would be 2024-03-29), seen 2024-02-05 alone, SW001
//   As5 o/ro1 2024-10-30..2025-01-02 (45th: 2025-01-02, after 25, 26 Dec and 1 Jan; ignoring
//       them it would be 2024-12-30), child not seen, SW002
//   As6 m/rm1 2024-10-28..2025-01-02 (45th: 2024-12-31, so one working day late), seen
//       2025-01-03 (after authorisation) alone, SW002
//   As7 c/rc1 2023-05-16..2023-06-30 (before the period), SW001
//   As8 j/rj1 2024-10-02..2025-03-31 (45th: 2024-12-03), seen 2024-10-03, no worker recorded
//   As9 t/rt1 2025-03-04..open (45th: 2025-05-08), SW001
//   As10 i/ri1 2025-01-28..open (45th: 2025-03-31, the reference date itself), SW002
//   As11 e/re1 2025-01-27..2025-04-01 (45th: 2025-03-28), SW001
//
// Section 47 enquiries (start; initial conference; 15th working day after the start):
//   S1 p/rp1 2024-03-28; ICPC 2024-04-22 (15th: 2024-04-22, after Easter)
//   S2 a/ra1 2024-04-01; ICPC 2024-04-23 (15th: 2024-04-22)
//   S3 b/rb2 2025-03-31; no conference yet
//   S4 e/re1 2025-04-01; no conference
//   S5 d/rd2 2024-07-12; no conference needed
//   S6 j/rj1 2024-10-02; ICPC 2024-10-23 (15th: 2024-10-23), a second ICPC record 2024-10-30
//      and a review conference (RCPC) 2025-01-20
//   S7 h/rh1 2024-11-04 (new concerns while h is on a plan); no ICPC needed, the outcome went
//      to a review conference (RCPC) 2024-11-20 recorded against the enquiry
//
// Child protection plans (start..end, initial category, NumberOfPreviousCPP):
//   CP1 f 2023-02-01..2024-06-30 NEG 0 (spans the period start)
//   CP2 g 2023-03-31..open       MUL 0 (two years to the day at the reference date)
//   CP3 h 2023-04-01..open       NEG 0 (two years less a day)
//   CP4 p 2024-04-22..open       PHY 0
//   CP5 a 2024-04-23..2025-03-31 EMO 1 (ends ON the reference date)
//   CP6 j 2024-10-23..2025-02-14 SAB 2
//   CP7 q 2023-03-01..2025-02-28 NEG 0 (730 days)
//   CP8 s 2023-03-02..2025-02-28 NEG 0 (729 days)
//   CP9 t 2025-03-31..open       NEG (previous plans not recorded; starts on the last day)
//   CP10 e 2025-04-01..open      PHY 0 (starts one day after the period)
//   CP11 u 2024-04-01..open      MUL 0 (starts on the first day)
//
// Child in need plans: f 2024-06-30..open, k 2024-07-15..open, o 2025-01-10..open,
//   j 2025-02-14..2025-03-31, c 2023-07-01..2023-10-31, l 2024-04-10..2024-11-20,
//   n 2025-04-01..open.
//
// Allocations: g Child Protection Team from 2023-03-31; h Assessment Team 2023-04-01..2025-03-30
//   then Child Protection Team from 2025-03-31; p SW002 with no team recorded from 2024-03-28;
//   t Assessment Team from 2025-03-03; u Assessment Team 2024-03-20..2025-03-30 (nothing after);
//   j Assessment Team 2024-10-01..2025-03-31; a Assessment Team 2024-04-01..2024-04-22 then
//   Child Protection Team from 2024-04-23; b Assessment Team 2024-03-31..2024-05-20 and again
//   from 2025-04-01; d SW002 in the Child Protection Team from 2024-07-11.
FixtureRecords BuildFixture() {
  FixtureRecords r;

  const Id team_a = r.Add("team", {{"name", "Assessment Team"s}, {"established_fte", 6.0}});
  const Id team_c = r.Add("team", {{"name", "Child Protection Team"s}, {"established_fte", 8.0}});
  auto worker = [&](const std::string& staff_id, Id team) {
    return r.Add("worker", {{"staff_id", staff_id},
                            {"first_name", "Sam"s},
                            {"last_name", "Worker " + staff_id},
                            {"role", "SOCIAL_WORKER"s},
                            {"team_id", team},
                            {"fte", 1.0},
                            {"case_holder", true},
                            {"start_date", D(2020, 9, 1)}});
  };
  const Id w1 = worker("SW001", team_a);
  const Id w2 = worker("SW002", team_c);

  auto child = [&](const std::string& id, Date dob, const std::string& sex) {
    return r.Add("child", {{"la_child_id", id},
                           {"first_name", "Child"s},
                           {"last_name", id},
                           {"date_of_birth", dob},
                           {"sex", sex},
                           {"ethnicity", "WBRI"s}});
  };
  const Id a = child("GC01", D(2012, 6, 10), "M");
  const Id b = child("GC02", D(2015, 9, 1), "F");
  const Id c = child("GC03", D(2010, 1, 20), "M");
  const Id d = child("GC04", D(2013, 3, 3), "F");
  const Id e = child("GC05", D(2019, 2, 14), "M");
  const Id f = child("GC06", D(2016, 11, 30), "F");
  const Id g = child("GC07", D(2020, 5, 5), "M");
  const Id h = child("GC08", D(2011, 8, 8), "F");
  const Id i = r.Add("child", {{"la_child_id", "GC09"s},
                               {"first_name", "Unborn"s},
                               {"last_name", "GC09"s},
                               {"expected_date_of_birth", D(2025, 5, 1)},
                               {"sex", "U"s}});
  const Id j = child("GC10", D(2009, 12, 12), "M");
  const Id k = child("GC11", D(2007, 3, 31), "F");
  const Id l = child("GC12", D(2006, 11, 20), "M");
  const Id m = child("GC13", D(2023, 8, 19), "F");
  const Id n = child("GC14", D(2014, 2, 2), "M");
  const Id o = child("GC15", D(2024, 3, 31), "M");
  const Id p = child("GC16", D(2018, 7, 7), "F");
  const Id q = child("GC17", D(2017, 1, 15), "M");
  const Id s = child("GC18", D(2017, 1, 16), "F");
  const Id t = child("GC19", D(2024, 6, 15), "M");
  const Id u = child("GC20", D(2009, 3, 31), "F");

  // ---- Contacts ----
  auto contact = [&](Id who, Timestamp received, const std::string& source,
                     std::optional<Timestamp> decided, const std::string& decision) {
    std::vector<std::pair<std::string, Value>> v = {{"child_id", who},
                                                    {"received_at", received},
                                                    {"source", source},
                                                    {"concern", "Concern raised by " + source}};
    if (decided) {
      v.emplace_back("decided_at", *decided);
      v.emplace_back("decision", decision);
      v.emplace_back("decided_by", w1);
    }
    return r.Add("contact", std::move(v));
  };
  // C1: 00:30 BST on 1 April 2024 (23:30 UTC on 31 March): a contact of 1 April.
  contact(a, At(2024, 4, 1, 0, 30), "6", At(2024, 4, 2, 10, 0), "REFERRAL");
  // C2: the day before the period.
  contact(b, At(2024, 3, 31, 12, 0), "2A", At(2024, 3, 31, 15, 0), "REFERRAL");
  // C3: Friday before the Spring bank holiday, decided on the Tuesday.
  contact(c, At(2024, 5, 24, 16, 0), "3B", At(2024, 5, 28, 9, 0), "EARLY_HELP");
  // C4: Thursday, decided the following Monday.
  contact(d, At(2024, 6, 13, 10, 0), "1A", At(2024, 6, 17, 9, 0), "NFA");
  // C5: decided the same day.
  contact(f, At(2024, 9, 10, 9, 0), "6", At(2024, 9, 10, 15, 0), "STRATEGY_DISCUSSION");
  // C6: decided exactly 24 hours later.
  contact(h, At(2024, 10, 1, 10, 0), "4", At(2024, 10, 2, 10, 0), "ADVICE_AND_INFORMATION");
  // C7: decided after the reference date.
  contact(k, At(2025, 3, 20, 9, 0), "1C", At(2025, 4, 2, 9, 0), "REFERRAL");
  // C8: Friday, decided at 17:00 on the reference date (Monday).
  contact(u, At(2025, 3, 28, 9, 0), "2B", At(2025, 3, 31, 17, 0), "SINGLE_AGENCY");
  // C9: late on the last day, not decided.
  contact(i, At(2025, 3, 31, 23, 30), "3D", std::nullopt, "");
  // C10: the day after the period, not decided.
  contact(j, At(2025, 4, 1, 9, 0), "6", std::nullopt, "");
  // C11: long before the period, never decided.
  contact(b, At(2023, 11, 15, 11, 0), "9", std::nullopt, "");

  // ---- Referrals ----
  auto referral = [&](Id who, Date date, const std::string& source, bool nfa,
                      std::optional<Date> closed, const std::string& reason) {
    std::vector<std::pair<std::string, Value>> v = {
        {"child_id", who}, {"referral_date", date}, {"source", source}, {"nfa", nfa}};
    if (!nfa) v.emplace_back("primary_need", "N1"s);
    if (closed) {
      v.emplace_back("closure_date", *closed);
      v.emplace_back("closure_reason", reason);
    }
    return r.Add("referral", std::move(v));
  };
  const std::optional<Date> kOpenEpisode;
  const Id ra1 = referral(a, D(2024, 4, 1), "6", false, kOpenEpisode, "");
  const Id rb1 = referral(b, D(2024, 3, 31), "2A", false, D(2024, 5, 20), "RC8");
  const Id rb2 = referral(b, D(2025, 3, 31), "3A", false, kOpenEpisode, "");
  const Id rc1 = referral(c, D(2023, 5, 15), "1A", false, D(2023, 11, 1), "RC7");
  referral(c, D(2024, 5, 15), "3B", true, D(2024, 5, 15), "RC8");
  referral(d, D(2023, 7, 10), "8", false, D(2023, 12, 1), "RC7");
  const Id rd2 = referral(d, D(2024, 7, 11), "6", false, kOpenEpisode, "");
  const Id re1 = referral(e, D(2025, 1, 24), "5D", false, kOpenEpisode, "");
  const Id rf1 = referral(f, D(2022, 1, 10), "5A", false, kOpenEpisode, "");
  const Id rg1 = referral(g, D(2023, 3, 31), "3C", false, kOpenEpisode, "");
  const Id rh1 = referral(h, D(2023, 4, 1), "4", false, kOpenEpisode, "");
  const Id ri1 = referral(i, D(2025, 1, 27), "3D", false, kOpenEpisode, "");
  const Id rj1 = referral(j, D(2024, 10, 1), "6", false, D(2025, 3, 31), "RC7");
  const Id rk1 = referral(k, D(2024, 6, 3), "1C", false, kOpenEpisode, "");
  const Id rl1 = referral(l, D(2024, 1, 26), "7", false, D(2024, 11, 20), "RC6");
  const Id rm1 = referral(m, D(2024, 10, 25), "3E", false, D(2025, 1, 2), "RC8");
  referral(n, D(2024, 12, 2), "1B", true, kOpenEpisode, "");
  const Id rn2 = referral(n, D(2025, 4, 1), "2A", false, kOpenEpisode, "");
  const Id ro1 = referral(o, D(2024, 10, 28), "2A", false, kOpenEpisode, "");
  const Id rp1 = referral(p, D(2024, 3, 27), "6", false, kOpenEpisode, "");
  const Id rq1 = referral(q, D(2022, 12, 1), "10", false, D(2025, 3, 10), "RC7");
  const Id rs1 = referral(s, D(2022, 12, 2), "10", false, D(2025, 3, 10), "RC7");
  const Id rt1 = referral(t, D(2025, 3, 3), "6", false, kOpenEpisode, "");
  const Id ru1 = referral(u, D(2024, 3, 20), "2B", false, kOpenEpisode, "");

  // ---- Assessments ----
  auto assessment = [&](Id ref, Id who, Date start, std::optional<Date> authorised,
                        std::optional<Date> seen, bool alone, std::optional<Id> by) {
    std::vector<std::pair<std::string, Value>> v = {{"referral_id", ref},
                                                    {"child_id", who},
                                                    {"start_date", start},
                                                    {"child_seen_alone", alone}};
    if (authorised) v.emplace_back("authorised_date", *authorised);
    if (seen) v.emplace_back("child_seen_date", *seen);
    if (by) v.emplace_back("worker_id", *by);
    return r.Add("assessment", std::move(v));
  };
  const std::optional<Date> kNotYet;
  assessment(ra1, a, D(2024, 4, 2), D(2024, 5, 31), D(2024, 4, 4), true, w1);     // As1
  assessment(rb1, b, D(2024, 4, 2), D(2024, 5, 17), D(2024, 4, 10), false, w1);   // As2
  assessment(rd2, d, D(2024, 7, 12), kNotYet, kNotYet, false, w2);                // As3
  assessment(rl1, l, D(2024, 1, 29), D(2024, 4, 2), D(2024, 2, 5), true, w1);     // As4
  assessment(ro1, o, D(2024, 10, 30), D(2025, 1, 2), kNotYet, false, w2);         // As5
  assessment(rm1, m, D(2024, 10, 28), D(2025, 1, 2), D(2025, 1, 3), true, w2);    // As6
  assessment(rc1, c, D(2023, 5, 16), D(2023, 6, 30), D(2023, 5, 20), true, w1);   // As7
  assessment(rj1, j, D(2024, 10, 2), D(2025, 3, 31), D(2024, 10, 3), false, {});  // As8
  assessment(rt1, t, D(2025, 3, 4), kNotYet, kNotYet, false, w1);                 // As9
  assessment(ri1, i, D(2025, 1, 28), kNotYet, kNotYet, false, w2);                // As10
  assessment(re1, e, D(2025, 1, 27), D(2025, 4, 1), D(2025, 1, 30), false, w1);   // As11

  // ---- Section 47 enquiries and conferences ----
  auto s47 = [&](Id ref, Id who, Date start, bool icpc_not_required) {
    return r.Add("s47_enquiry", {{"referral_id", ref},
                                 {"child_id", who},
                                 {"start_date", start},
                                 {"icpc_not_required", icpc_not_required}});
  };
  auto conference = [&](Id ref, Id who, std::optional<Id> enquiry, const std::string& type,
                        Date date) {
    std::vector<std::pair<std::string, Value>> v = {{"child_id", who},
                                                    {"referral_id", ref},
                                                    {"conference_type", type},
                                                    {"conference_date", date},
                                                    {"plan_decided", true}};
    if (enquiry) v.emplace_back("s47_id", *enquiry);
    return r.Add("cp_conference", std::move(v));
  };
  const Id s1 = s47(rp1, p, D(2024, 3, 28), false);
  const Id s2 = s47(ra1, a, D(2024, 4, 1), false);
  s47(rb2, b, D(2025, 3, 31), false);
  s47(re1, e, D(2025, 4, 1), false);
  s47(rd2, d, D(2024, 7, 12), true);
  const Id s6 = s47(rj1, j, D(2024, 10, 2), false);
  const Id s7 = s47(rh1, h, D(2024, 11, 4), true);
  conference(rp1, p, s1, "ICPC", D(2024, 4, 22));
  conference(ra1, a, s2, "ICPC", D(2024, 4, 23));
  conference(rj1, j, s6, "ICPC", D(2024, 10, 23));
  conference(rj1, j, s6, "ICPC", D(2024, 10, 30));  // a second record: the earliest counts
  conference(rj1, j, s6, "RCPC", D(2025, 1, 20));   // a review conference is not an ICPC
  conference(rh1, h, s7, "RCPC", D(2024, 11, 20));  // nor is this one, S7's only conference

  // ---- Child protection plans, reviews and visits ----
  auto cp_plan = [&](Id ref, Id who, Date start, std::optional<Date> end,
                     const std::string& category, std::optional<std::int64_t> previous) {
    std::vector<std::pair<std::string, Value>> v = {{"referral_id", ref},
                                                    {"child_id", who},
                                                    {"start_date", start},
                                                    {"initial_category", category}};
    if (end) v.emplace_back("end_date", *end);
    if (previous) v.emplace_back("previous_plans", *previous);
    return r.Add("cp_plan", std::move(v));
  };
  const std::optional<Date> kOngoing;
  cp_plan(rf1, f, D(2023, 2, 1), D(2024, 6, 30), "NEG", 0);            // CP1
  const Id cp2 = cp_plan(rg1, g, D(2023, 3, 31), kOngoing, "MUL", 0);  // CP2
  const Id cp3 = cp_plan(rh1, h, D(2023, 4, 1), kOngoing, "NEG", 0);   // CP3
  const Id cp4 = cp_plan(rp1, p, D(2024, 4, 22), kOngoing, "PHY", 0);  // CP4
  cp_plan(ra1, a, D(2024, 4, 23), D(2025, 3, 31), "EMO", 1);           // CP5
  cp_plan(rj1, j, D(2024, 10, 23), D(2025, 2, 14), "SAB", 2);          // CP6
  cp_plan(rq1, q, D(2023, 3, 1), D(2025, 2, 28), "NEG", 0);            // CP7
  cp_plan(rs1, s, D(2023, 3, 2), D(2025, 2, 28), "NEG", 0);            // CP8
  cp_plan(rt1, t, D(2025, 3, 31), kOngoing, "NEG", std::nullopt);      // CP9
  cp_plan(re1, e, D(2025, 4, 1), kOngoing, "PHY", 0);                  // CP10
  const Id cp11 = cp_plan(ru1, u, D(2024, 4, 1), kOngoing, "MUL", 0);  // CP11

  auto review = [&](Id who, Id plan, Date date) {
    return r.Add("plan_review", {{"child_id", who}, {"cp_plan_id", plan}, {"review_date", date}});
  };
  review(g, cp2, D(2023, 6, 20));
  review(g, cp2, D(2023, 12, 15));
  review(g, cp2, D(2024, 6, 14));
  review(g, cp2, D(2024, 12, 13));
  review(h, cp3, D(2023, 7, 1));
  review(h, cp3, D(2024, 1, 2));
  review(h, cp3, D(2024, 6, 28));
  review(h, cp3, D(2024, 12, 20));
  review(p, cp4, D(2024, 7, 22));
  review(p, cp4, D(2025, 1, 20));
  review(u, cp11, D(2024, 6, 28));
  review(u, cp11, D(2024, 9, 27));

  auto visit = [&](Id who, const std::string& type, Date date, bool seen) {
    return r.Add("visit", {{"child_id", who},
                           {"visit_type", type},
                           {"visit_date", date},
                           {"child_seen", seen},
                           {"child_seen_alone", seen},
                           {"worker_id", w2}});
  };
  visit(g, "CP", D(2025, 3, 17), true);
  visit(h, "CP", D(2025, 3, 14), true);
  visit(h, "CIN", D(2025, 3, 26), true);
  visit(p, "CP", D(2025, 3, 10), true);
  visit(p, "CP", D(2025, 3, 31), false);
  visit(u, "CIN", D(2025, 3, 25), true);
  visit(u, "CP", D(2025, 3, 20), true);
  visit(u, "CP", D(2025, 4, 1), true);

  // ---- Child in need plans ----
  auto cin_plan = [&](Id ref, Id who, Date start, std::optional<Date> end) {
    std::vector<std::pair<std::string, Value>> v = {
        {"referral_id", ref}, {"child_id", who}, {"start_date", start}};
    if (end) v.emplace_back("end_date", *end);
    return r.Add("cin_plan", std::move(v));
  };
  cin_plan(rf1, f, D(2024, 6, 30), kOngoing);
  cin_plan(rk1, k, D(2024, 7, 15), kOngoing);
  cin_plan(ro1, o, D(2025, 1, 10), kOngoing);
  cin_plan(rj1, j, D(2025, 2, 14), D(2025, 3, 31));
  cin_plan(rc1, c, D(2023, 7, 1), D(2023, 10, 31));
  cin_plan(rl1, l, D(2024, 4, 10), D(2024, 11, 20));
  cin_plan(rn2, n, D(2025, 4, 1), kOngoing);

  // ---- Allocations ----
  auto allocation = [&](Id who, Id by, std::optional<Id> team, Date start,
                        std::optional<Date> end) {
    std::vector<std::pair<std::string, Value>> v = {
        {"child_id", who}, {"worker_id", by}, {"start_date", start}};
    if (team) v.emplace_back("team_id", *team);
    if (end) v.emplace_back("end_date", *end);
    return r.Add("allocation", std::move(v));
  };
  allocation(g, w2, team_c, D(2023, 3, 31), kOngoing);
  allocation(h, w1, team_a, D(2023, 4, 1), D(2025, 3, 30));
  allocation(h, w2, team_c, D(2025, 3, 31), kOngoing);
  allocation(p, w2, std::nullopt, D(2024, 3, 28), kOngoing);
  allocation(t, w1, team_a, D(2025, 3, 3), kOngoing);
  allocation(u, w1, team_a, D(2024, 3, 20), D(2025, 3, 30));
  allocation(j, w1, team_a, D(2024, 10, 1), D(2025, 3, 31));
  allocation(a, w1, team_a, D(2024, 4, 1), D(2024, 4, 22));
  allocation(a, w2, team_c, D(2024, 4, 23), kOngoing);
  allocation(b, w1, team_a, D(2024, 3, 31), D(2024, 5, 20));
  allocation(b, w1, team_a, D(2025, 4, 1), kOngoing);
  allocation(d, w2, team_c, D(2024, 7, 11), kOngoing);
  return r;
}

const FixtureRecords& Fixture() {
  static const FixtureRecords* const kFixture = new FixtureRecords(BuildFixture());
  return *kFixture;
}

// The total's numerator and denominator over the year, and its percentage.
void ExpectPercent(std::string_view id, double num, double den) {
  SCOPED_TRACE(std::string(id));
  const ind::Cell cell = TotalCell(Fixture(), id, kYear);
  EXPECT_EQ(cell.num, num);
  EXPECT_EQ(cell.den, den);
  const std::optional<double> v = ValueFor(Fixture(), id, kYear);
  ASSERT_TRUE(v.has_value());
  EXPECT_NEAR(*v, 100.0 * num / den, 1e-9);
}

void ExpectCount(std::string_view id, double count) {
  SCOPED_TRACE(std::string(id));
  EXPECT_EQ(TotalCell(Fixture(), id, kYear).num, count);
  EXPECT_EQ(ValueFor(Fixture(), id, kYear), count);
}

std::vector<double> SortedValues(std::string_view id) {
  std::vector<double> v = TotalCell(Fixture(), id, kYear).values;
  std::sort(v.begin(), v.end());
  return v;
}

// Every record of the fixture obeys the model's rules (required fields, code lists, cross-field
// rules), although FixtureRecords does not check them.
TEST(GoldenCinFixture, EveryRecordIsValid) {
  const Timestamp now = At(2025, 6, 1);
  for (std::string_view entity :
       {"team", "worker", "child", "contact", "referral", "assessment", "s47_enquiry",
        "cp_conference", "cp_plan", "plan_review", "visit", "cin_plan", "allocation"}) {
    const auto& records = Fixture().Of(entity);
    EXPECT_FALSE(records.empty()) << entity;
    for (const Record& rec : records) {
      const Status st = ValidateRecord(rec, now);
      EXPECT_TRUE(st.ok()) << entity << " " << rec.id() << ": " << st.ToString();
    }
  }
}

// ==== Front Door ====

// Contacts received in the year, by their UK date:
//   C1 (00:30 BST on 1 April 2024, 23:30 UTC on 31 March: a 1 April contact), C3, C4, C5, C6,
//   C7, C8 and C9 (23:30 on 31 March 2025) = 8.
//   Not: C2 (31 March 2024), C10 (1 April 2025), C11 (November 2023).
// Monthly: Apr C1, May C3, Jun C4, Sep C5, Oct C6, Mar C7 C8 C9.
TEST(Golden, contacts) {
  ExpectCount("contacts", 8);
  const std::vector<std::optional<double>> want = {1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 3};
  EXPECT_EQ(Monthly(Fixture(), "contacts", D(2024, 4, 1), D(2025, 3, 31)), want);
}

// Contacts by source, of the 8 received in the year (C1, C3-C9):
//   police (6): C1, C5 = 2 (C10, also the police, is the day after the year);
//   schools (2A): none (C2 is 2A but the day before the year; C8 is 2B, education services);
//   health (3A-3F): C3 (3B), C9 (3D, received 23:30 on the last day) = 2.
TEST(Golden, contact_source_police_pct) { ExpectPercent("contact_source_police_pct", 2, 8); }
TEST(Golden, contact_source_schools_pct) { ExpectPercent("contact_source_schools_pct", 0, 8); }
TEST(Golden, contact_source_health_pct) { ExpectPercent("contact_source_health_pct", 2, 8); }

// Denominator: contacts received in the year with a decision: C1, C3, C4, C5, C6, C7 (decided
// after the year ends, still a decision), C8 = 7; C9 is undecided.
// Referral or strategy discussion: C1 (REFERRAL), C5 (STRATEGY_DISCUSSION), C7 (REFERRAL) = 3.
// C2 was a referral too but was received the day before the year.
TEST(Golden, contact_referral_pct) { ExpectPercent("contact_referral_pct", 3, 7); }

// NFA or advice and information: C4 (NFA), C6 (ADVICE_AND_INFORMATION) = 2 of the 7.
TEST(Golden, contact_nfa_pct) { ExpectPercent("contact_nfa_pct", 2, 7); }

// Early help: C3 = 1 of the 7 (C8's single-agency response is not early help).
TEST(Golden, contact_early_help_pct) { ExpectPercent("contact_early_help_pct", 1, 7); }

// Decided on or before the first working day after the day received:
//   C1 received Easter Monday 1 April (a bank holiday), decided Tue 2 April: the 1st  -> yes
//   C3 received Fri 24 May, decided Tue 28 May; Mon 27 May is a bank holiday: the 1st -> yes
//   C4 received Thu 13 June, decided Mon 17 June; the 1st was Fri 14 June            -> no
//   C5 decided the same day                                                          -> yes
//   C6 decided the next day (Wed 2 October)                                          -> yes
//   C7 received 20 March 2025, decided 2 April                                       -> no
//   C8 received Fri 28 March 2025, decided Mon 31 March                              -> yes
// = 5 of 7.
TEST(Golden, contact_decided_1wd_pct) { ExpectPercent("contact_decided_1wd_pct", 5, 7); }

// Decided within 24 hours of the time received: C5 (6 hours) and C6 (exactly 24 hours) = 2 of
// 7. C1 took 33.5 hours (00:30 to 10:00 the next day), C3 and C8 spanned weekends.
TEST(Golden, contact_decided_24h_pct) { ExpectPercent("contact_decided_24h_pct", 2, 7); }

// Received on or before 31 March 2025 and not decided by the end of it:
//   C7 (decided 2 April 2025), C9 (received 23:30 on 31 March, undecided), C11 (November 2023,
//   never decided) = 3.
//   Not: C8 (decided on 31 March itself), C10 (received 1 April 2025), C2 (decided).
TEST(Golden, contacts_awaiting_decision) { ExpectCount("contacts_awaiting_decision", 3); }

// ==== Referrals ====

// Referrals dated in the year: ra1 (1 April 2024, the first day), rc2, rk1, rd2, rj1, rm1, ro1,
// rn1, re1, ri1, rt1, rb2 (31 March 2025, the last day) = 12.
// Not: rb1 (31 March 2024), rn2 (1 April 2025), and the earlier rc1 rd1 rf1 rg1 rh1 rl1 rp1 rq1
// rs1 ru1. NFA referrals (rc2, rn1) are referrals all the same.
// Monthly: Apr ra1, May rc2, Jun rk1, Jul rd2, Oct rj1 rm1 ro1, Dec rn1, Jan re1 ri1,
// Mar rt1 rb2.
// By team, the child's allocation open on the referral date:
//   Assessment Team: ra1 (a allocated from that day, 1 April 2024; its move to the Child
//     Protection Team on 23 April comes later), rj1 (j allocated that day), rt1 = 3
//   Child Protection Team: rd2 (d allocated to SW002 that day) = 1
//   No team: rb2 (b's earlier allocation ended 20 May 2024, the next starts 1 April 2025, the
//     day after), rc2, re1, ri1, rk1, rm1, rn1, ro1 = 8
TEST(Golden, referrals) {
  ExpectCount("referrals", 12);
  const std::vector<std::optional<double>> want = {1, 1, 1, 1, 0, 0, 3, 0, 1, 2, 0, 2};
  EXPECT_EQ(Monthly(Fixture(), "referrals", D(2024, 4, 1), D(2025, 3, 31)), want);
  const std::map<std::string, std::optional<double>> teams = {
      {"Assessment Team", 3}, {"Child Protection Team", 1}, {"No team", 8}};
  EXPECT_EQ(ByGroup(Fixture(), "referrals", kYear, "team"), teams);
}

// 12 referrals per 20,000 children: 12 * 10,000 / 20,000 = 6.0; no rate without a population.
TEST(Golden, referral_rate) {
  EXPECT_EQ(TotalCell(Fixture(), "referral_rate", kYear).num, 12);
  const std::optional<double> v = ValueFor(Fixture(), "referral_rate", kYear, kPopulation);
  ASSERT_TRUE(v.has_value());
  EXPECT_DOUBLE_EQ(*v, 6.0);
  EXPECT_FALSE(ValueFor(Fixture(), "referral_rate", kYear).has_value());
}

// Of the 12 referrals in the year, made on or before the first anniversary of the same child's
// previous referral:
//   rb2 31 March 2025, rb1 31 March 2024: exactly the first anniversary -> yes
//   rc2 15 May 2024, rc1 15 May 2023: exactly the first anniversary     -> yes (NFA or not)
//   rd2 11 July 2024, rd1 10 July 2023: a year and a day                -> no
//   the other nine have no earlier referral (rn1 comes before rn2, not after it).
// = 2 of 12.
TEST(Golden, rereferral_pct) { ExpectPercent("rereferral_pct", 2, 12); }

// ReferralNFA: rc2 and rn1 = 2 of 12.
TEST(Golden, referral_nfa_pct) { ExpectPercent("referral_nfa_pct", 2, 12); }

// Assessed and closed with RC8 (case closed after assessment, no further action): rm1 (closed
// after assessment on 2 January 2025) = 1 of 12.
//   Not rc2: an NFA referral, closed the same day with RC8, was never assessed (DfE rule 8831:
//   no assessment on an NFA referral), so it is not "assessed as not in need".
//   Not rb1: closed RC8 in the year, but referred on 31 March 2024, the day before the year.
TEST(Golden, referral_not_in_need_pct) { ExpectPercent("referral_not_in_need_pct", 1, 12); }

// Police (6): ra1, rd2, rj1, rt1 = 4 of 12 (rp1, also police, came on 27 March 2024).
TEST(Golden, referral_source_police_pct) { ExpectPercent("referral_source_police_pct", 4, 12); }

// Schools (2A): ro1 = 1 of 12. rb1 (31 March 2024) and rn2 (1 April 2025) are schools
// referrals one day either side of the year; ru1 is education services (2B), not schools.
TEST(Golden, referral_source_schools_pct) { ExpectPercent("referral_source_schools_pct", 1, 12); }

// Health (3A-3F): rb2 (3A GP), rc2 (3B health visitor), ri1 (3D), rm1 (3E A&E) = 4 of 12
// (rg1, school nurse 3C, was in March 2023).
TEST(Golden, referral_source_health_pct) { ExpectPercent("referral_source_health_pct", 4, 12); }

// ==== Assessments ====

// Authorised in the year: As4 (2 April 2024), As2, As1, As5 and As6 (2 January 2025), As8
// (31 March 2025, the last day) = 6. Not: As7 (June 2023), As11 (1 April 2025), and the open
// As3, As9, As10.
// By team, the assessing worker's team: Assessment Team As1, As2, As4 (SW001) and As8 (no
// worker: the child's allocation open on 31 March 2025, which ends that day, is the Assessment
// Team's) = 4; Child Protection Team As5, As6 (SW002) = 2.
TEST(Golden, assessments_completed) {
  ExpectCount("assessments_completed", 6);
  const std::map<std::string, std::optional<double>> want = {{"Assessment Team", 4},
                                                             {"Child Protection Team", 2}};
  EXPECT_EQ(ByGroup(Fixture(), "assessments_completed", kYear, "team"), want);
}

// Of the 6, authorised on or before the 45th working day after the referral:
//   As1 referral 1 April 2024, 45th WD 5 June; authorised 31 May                      -> yes
//   As2 referral 31 March 2024, 45th WD 5 June; authorised 17 May                     -> yes
//   As4 referral Fri 26 January 2024, 45th WD Tue 2 April 2024 (Good Friday 29 March and
//       Easter Monday 1 April do not count); authorised 2 April                       -> yes
//   As5 referral Mon 28 October 2024, 45th WD Thu 2 January 2025 (25, 26 December and
//       1 January do not count); authorised 2 January                                -> yes
//   As6 referral Fri 25 October 2024, 45th WD Tue 31 December; authorised 2 January,
//       one working day late                                                          -> no
//   As8 referral 1 October 2024, 45th WD 3 December; authorised 31 March 2025          -> no
// = 4 of 6.
TEST(Golden, assessment_45wd_pct) { ExpectPercent("assessment_45wd_pct", 4, 6); }

// Working days from start to authorisation, (start, authorised]:
//   As1 2 April..31 May 2024 = 41 (Early May bank holiday 6 May and Spring 27 May excluded)
//   As2 2 April..17 May 2024 = 32
//   As4 29 January..2 April 2024 = 2 + 21 (Feb) + 20 (Mar, less Good Friday) + 1 (2 Apr) = 44
//   As5 30 October 2024..2 January 2025 = 43 (less 25, 26 December and 1 January)
//   As6 28 October 2024..2 January 2025 = 45
//   As8 2 October 2024..31 March 2025 = 125
// Sorted 32 41 43 44 45 125: the median is (43 + 44) / 2 = 43.5.
TEST(Golden, assessment_median_wd) {
  EXPECT_EQ(SortedValues("assessment_median_wd"), (std::vector<double>{32, 41, 43, 44, 45, 125}));
  EXPECT_EQ(ValueFor(Fixture(), "assessment_median_wd", kYear), 43.5);
}

// Of the 6, a date the child was seen on or before authorisation: As1, As2, As4, As8 = 4.
// As5 has no date; As6's child was first seen the day after authorisation.
TEST(Golden, assessment_child_seen_pct) { ExpectPercent("assessment_child_seen_pct", 4, 6); }

// Seen (as above) and seen alone: As1, As4 = 2 of 6. As6 is flagged "alone" but the child was
// seen only after authorisation; As2 and As8 were seen, not alone.
TEST(Golden, assessment_seen_alone_pct) { ExpectPercent("assessment_seen_alone_pct", 2, 6); }

// Not authorised by the end of 31 March 2025 and the referral's 45th working day before it:
//   As3 (45th WD 13 September 2024, still open)                                     -> yes
//   As11 (45th WD Fri 28 March 2025, authorised 1 April 2025)                        -> yes
//   As10 (45th WD is 31 March 2025 itself: due, not yet overdue)                     -> no
//   As9 (45th WD 8 May 2025)                                                         -> no
//   As8 (long overdue, but authorised on 31 March 2025)                              -> no
// = 2.
TEST(Golden, assessments_overdue) { ExpectCount("assessments_overdue", 2); }

// ==== Section 47 enquiries and conferences ====

// Started in the year: S2 (1 April 2024, the first day), S5, S6, S7, S3 (31 March 2025, the
// last day) = 5. Not: S1 (28 March 2024), S4 (1 April 2025).
TEST(Golden, s47_started) { ExpectCount("s47_started", 5); }

// 5 * 10,000 / 20,000 = 2.5 per 10,000 children.
TEST(Golden, s47_rate) {
  EXPECT_EQ(TotalCell(Fixture(), "s47_rate", kYear).num, 5);
  EXPECT_EQ(ValueFor(Fixture(), "s47_rate", kYear, kPopulation), 2.5);
}

// Initial conferences in the year, one per enquiry: S1 (22 April 2024; its enquiry began before
// the year), S2 (23 April 2024), S6 (23 October 2024; its second ICPC record of 30 October and
// its review conference are not further ICPCs) = 3. S7's only conference was a review (RCPC).
TEST(Golden, icpc_held) { ExpectCount("icpc_held", 3); }

// Of the 3, held on or before the 15th working day after the enquiry's start:
//   S1 start Thu 28 March 2024; Good Friday and Easter Monday skipped, the 15th WD is
//      Mon 22 April; held 22 April                                                   -> yes
//   S2 start Easter Monday 1 April (day 0); the 15th WD is 22 April; held 23 April   -> no
//   S6 start Wed 2 October 2024; the 15th WD is 23 October; held 23 October          -> yes
// = 2 of 3.
TEST(Golden, icpc_15wd_pct) { ExpectPercent("icpc_15wd_pct", 2, 3); }

// Of the 5 enquiries started in the year, with an initial conference: S2, S6 = 2. S5 needed no
// conference; S7 had a review conference, not an initial one; S3 began on the last day and has
// none yet.
TEST(Golden, s47_to_icpc_pct) { ExpectPercent("s47_to_icpc_pct", 2, 5); }

// ==== Child protection plans ====

// Started in the year: CP11 (1 April 2024, the first day), CP4, CP5, CP6, CP9 (31 March 2025,
// the last day) = 5. Not: CP10 (1 April 2025) nor the plans started before April 2024.
TEST(Golden, cp_started) { ExpectCount("cp_started", 5); }

// Ended in the year: CP1 (30 June 2024), CP6 (14 February 2025), CP7 and CP8 (28 February
// 2025), CP5 (31 March 2025, the last day) = 5.
TEST(Golden, cp_ended) { ExpectCount("cp_ended", 5); }

// On a plan at the end of 31 March 2025 (started on or before it, not ended on or before it):
//   CP2 g, CP3 h, CP4 p, CP9 t (started that day), CP11 u = 5.
//   Not: CP5 a (ended ON 31 March 2025), CP10 e (starts 1 April 2025), CP1 CP6 CP7 CP8 (ended).
// Monthly, at the end of each month:
//   Apr-May 2024: CP1 CP2 CP3 CP4 CP5 CP7 CP8 CP11 = 8
//   Jun-Sep: CP1 ended 30 June = 7;   Oct-Jan: CP6 from 23 October = 8
//   Feb 2025: CP6 ended 14 Feb, CP7 and CP8 ended ON 28 Feb = 5
//   Mar 2025: CP5 ended ON 31 Mar, CP9 started 31 Mar = 5
// By team (the allocation open on 31 March 2025):
//   g Child Protection Team; h Child Protection Team (its Assessment Team allocation ended the
//   day before); p SW002's team, Child Protection Team (the allocation names no team); t
//   Assessment Team; u none (its allocation ended 30 March) -> "No team".
TEST(Golden, cp_at_end) {
  ExpectCount("cp_at_end", 5);
  const std::vector<std::optional<double>> monthly = {8, 8, 7, 7, 7, 7, 8, 8, 8, 8, 5, 5};
  EXPECT_EQ(Monthly(Fixture(), "cp_at_end", D(2024, 4, 1), D(2025, 3, 31)), monthly);
  const std::map<std::string, std::optional<double>> teams = {
      {"Assessment Team", 1}, {"Child Protection Team", 3}, {"No team", 1}};
  EXPECT_EQ(ByGroup(Fixture(), "cp_at_end", kYear, "team"), teams);
}

// 5 children on a plan per 20,000: 5 * 10,000 / 20,000 = 2.5.
TEST(Golden, cp_rate) {
  EXPECT_EQ(TotalCell(Fixture(), "cp_rate", kYear).num, 5);
  EXPECT_EQ(ValueFor(Fixture(), "cp_rate", kYear, kPopulation), 2.5);
}

// Of the 5 plans started in the year, NumberOfPreviousCPP 1 or more: CP5 (1), CP6 (2) = 2.
// CP9 has no number recorded and so does not count.
TEST(Golden, cp_subsequent_pct) { ExpectPercent("cp_subsequent_pct", 2, 5); }

// Of the 5 on a plan at 31 March 2025, started on or before 31 March 2023 (two years or more):
// CP2 (31 March 2023, two years to the day) = 1. CP3 (1 April 2023) is a day short.
TEST(Golden, cp_open_2y_pct) { ExpectPercent("cp_open_2y_pct", 1, 5); }

// Of the 5 plans ended in the year, lasting 730 days or more:
//   CP7 1 March 2023..28 February 2025 = 730 days (29 February 2024 between) -> yes
//   CP8 2 March 2023..28 February 2025 = 729 days                           -> no
//   CP1 515 days, CP5 342 days, CP6 114 days                                -> no
// = 1 of 5.
TEST(Golden, cp_ended_2y_pct) { ExpectPercent("cp_ended_2y_pct", 1, 5); }

// Initial categories of the 5 plans started in the year: CP4 PHY, CP5 EMO, CP6 SAB, CP9 NEG,
// CP11 MUL; one each. (CP10, PHY, starts a day after the year; CP2, MUL, and CP1, CP3, CP7,
// CP8, NEG, started before it.)
TEST(Golden, cp_neglect_pct) { ExpectPercent("cp_neglect_pct", 1, 5); }
TEST(Golden, cp_emotional_pct) { ExpectPercent("cp_emotional_pct", 1, 5); }
TEST(Golden, cp_physical_pct) { ExpectPercent("cp_physical_pct", 1, 5); }
TEST(Golden, cp_sexual_pct) { ExpectPercent("cp_sexual_pct", 1, 5); }
TEST(Golden, cp_multiple_pct) { ExpectPercent("cp_multiple_pct", 1, 5); }

// Plans open at the end of 31 March 2025 that began at least 3 months before: CP2, CP3, CP4,
// CP11 = 4 (CP9 began that day; CP5 ended that day). First review due 3 months after the start,
// each later one 6 months after the one before:
//   CP2 start 31 Mar 2023: reviews 20 Jun 2023 (due 30 Jun), 15 Dec 2023 (due 20 Dec),
//       14 Jun 2024 (due 15 Jun), 13 Dec 2024 (due 14 Dec); next due 13 Jun 2025   -> on time
//   CP3 start 1 Apr 2023: 1 Jul 2023 (due 1 Jul, on the day), 2 Jan 2024 (due 1 Jan, a day
//       late), then 28 Jun 2024 and 20 Dec 2024 on time                           -> late
//   CP4 start 22 Apr 2024: 22 Jul 2024 (due 22 Jul), 20 Jan 2025 (due 22 Jan); next due
//       20 Jul 2025                                                              -> on time
//   CP11 start 1 Apr 2024: 28 Jun 2024, 27 Sep 2024; the next was due 27 Mar 2025 and had
//       not happened by 31 March                                                  -> late
// = 2 of 4.
TEST(Golden, cp_reviews_on_time_pct) { ExpectPercent("cp_reviews_on_time_pct", 2, 4); }

// Children on a plan at 31 March 2025 for 10 working days or more: g, h, p, u = 4 (t's plan
// began that day). The 10th working day before Monday 31 March 2025 is Monday 17 March:
//   g seen on a CP visit 17 March                                                 -> yes
//   h last seen on a CP visit Friday 14 March (11 working days before); the CIN visit of
//     26 March is not a CP visit                                                  -> no
//   p CP visit on 31 March without seeing the child; last seen 10 March           -> no
//   u seen on a CP visit 20 March (the CIN visit of 25 March is not a CP visit, the CP visit of
//     1 April is after the date)                                                  -> yes
// = 2 of 4.
TEST(Golden, cp_visits_10wd_pct) { ExpectPercent("cp_visits_10wd_pct", 2, 4); }

// ==== Children in need ====

// Episodes open at the end of 31 March 2025, other than NFA referrals:
//   ra1 a, rb2 b (referred that day), rd2 d, re1 e, rf1 f, rg1 g, rh1 h, ri1 i (unborn), rk1 k,
//   ro1 o, rp1 p, rt1 t, ru1 u = 13.
//   Not: rj1 (closed ON 31 March 2025), rn1 (NFA, its closure not yet recorded), rn2 (1 April
//   2025), rb1 rc1 rc2 rd1 rl1 rm1 rq1 rs1 (closed).
// By age on 31 March 2025:
//   Unborn or not known: i = 1;  Under 1: t = 1;  1 to 4: g (4), o (1 that day) = 2;
//   5 to 9: b, e, f, p = 4;  10 to 15: a, d, h = 3;
//   16 and over: u (16 that day), k (18 that day: the indicator has no upper age, and k's
//   episode is still open) = 2.
TEST(Golden, cin_at_end) {
  ExpectCount("cin_at_end", 13);
  const std::map<std::string, std::optional<double>> ages = {
      {"Unborn or not known", 1}, {"Under 1", 1}, {"1 to 4", 2}, {"5 to 9", 4}, {"10 to 15", 3},
      {"16 and over", 2}};
  EXPECT_EQ(ByGroup(Fixture(), "cin_at_end", kYear, "age"), ages);
}

// 13 * 10,000 / 20,000 = 6.5 per 10,000 children.
TEST(Golden, cin_rate) {
  EXPECT_EQ(TotalCell(Fixture(), "cin_rate", kYear).num, 13);
  EXPECT_EQ(ValueFor(Fixture(), "cin_rate", kYear, kPopulation), 6.5);
}

// Of the 13 open at 31 March 2025, referred on or before 31 March 2023: rf1 (January 2022) and
// rg1 (31 March 2023, two years to the day) = 2. rh1 (1 April 2023) is a day short.
TEST(Golden, cin_open_2y_pct) { ExpectPercent("cin_open_2y_pct", 2, 13); }

// Episodes closed in the year (not NFA), days from referral to closure:
//   rb1 31 Mar..20 May 2024 = 50;   rm1 25 Oct 2024..2 Jan 2025 = 69;
//   rj1 1 Oct 2024..31 Mar 2025 = 181;   rl1 26 Jan..20 Nov 2024 (l's 18th birthday) = 299;
//   rs1 2 Dec 2022..10 Mar 2025 = 829;   rq1 1 Dec 2022..10 Mar 2025 = 830.
//   Not: rc2 (NFA, closed the day it came), rc1 and rd1 (closed in 2023).
// Median of 50 69 181 299 829 830 = (181 + 299) / 2 = 240.
TEST(Golden, cin_closed_median_days) {
  EXPECT_EQ(SortedValues("cin_closed_median_days"),
            (std::vector<double>{50, 69, 181, 299, 829, 830}));
  EXPECT_EQ(ValueFor(Fixture(), "cin_closed_median_days", kYear), 240);
}

// CIN plans open at the end of 31 March 2025: f (from 30 June 2024), k, o = 3. Not: j's (ended
// ON 31 March 2025), n's (starts 1 April 2025), c's and l's (ended).
TEST(Golden, cin_plans_at_end) { ExpectCount("cin_plans_at_end", 3); }

}  // namespace
}  // namespace sg::testing

// Ofsted Annex A: every list's headers against the schema file, who is in each list at the
// window edges, hand-computed cells, blanks where the record has nothing, and the workbook and
// CSV forms. The record is built by hand below; the as-of date is 31/01/2024, so the 6-month
// window is 01/08/2023-31/01/2024 and the 12-month window 01/02/2023-31/01/2024.

#include "indicators/annex_a.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "common/csv.h"
#include "model/code_list.h"

namespace sg::annex_a {
namespace {

// ---- A hand-built record

class TestRecords final : public RecordSet {
 public:
  const std::vector<Record>& Of(std::string_view entity) const override {
    static const std::vector<Record> kNone;
    auto it = records_.find(entity);
    return it == records_.end() ? kNone : it->second;
  }
  void Add(std::string_view entity, Id id,
           std::initializer_list<std::pair<std::string_view, Value>> fields) {
    Record r(Entity(entity));
    r.meta().id = id;
    for (const auto& [name, value] : fields) r.Set(name, value);
    records_[std::string(entity)].push_back(std::move(r));
  }

 private:
  std::map<std::string, std::vector<Record>, std::less<>> records_;
};

Value T(const char* s) { return std::string(s); }
Value I(std::int64_t n) { return n; }
Value D(int y, unsigned m, unsigned d) { return Date::FromCivil(y, m, d); }
Value B(bool b) { return b; }
Value At(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromUkLocal(Date::FromCivil(y, m, d), hh, mm, 0);
}

const Date kAsOf = Date::FromCivil(2024, 1, 31);

TestRecords MakeRecords() {
  TestRecords r;
  r.Add("team", 1, {{"name", T("Assessment Team North")}});
  r.Add("team", 2, {{"name", T("Care Leavers Team")}});
  auto worker = [&](Id id, const char* first, const char* last, const char* role, Id team) {
    r.Add("worker", id,
          {{"staff_id", T(("W" + std::to_string(id)).c_str())},
           {"first_name", T(first)},
           {"last_name", T(last)},
           {"role", T(role)},
           {"team_id", I(team)},
           {"fte", 1.0},
           {"start_date", D(2015, 1, 1)}});
  };
  worker(1, "Ann", "Smith", "SOCIAL_WORKER", 1);
  worker(2, "Priya", "Patel", "PERSONAL_ADVISER", 2);
  worker(3, "Iris", "Reed", "IRO", 1);

  // Children. C001 is 8 on the as-of date, C002 13 (14 the next day), C003 18, C004 unborn.
  r.Add("child", 1,
        {{"la_child_id", T("C001")},
         {"first_name", T("A")},
         {"last_name", T("One")},
         {"date_of_birth", D(2015, 3, 1)},
         {"sex", T("F")},
         {"ethnicity", T("APKN")},
         {"disabilities", CodeSet{"NONE"}},
         {"uasc", B(false)}});
  r.Add("child", 2,
        {{"la_child_id", T("C002")},
         {"first_name", T("B")},
         {"last_name", T("Two")},
         {"date_of_birth", D(2010, 2, 1)},
         {"sex", T("M")},
         {"ethnicity", T("WBRI")},
         {"disabilities", CodeSet{"AUT"}}});
  r.Add("child", 3,
        {{"la_child_id", T("C003")},
         {"first_name", T("C")},
         {"last_name", T("Three")},
         {"date_of_birth", D(2005, 6, 15)},
         {"uasc", B(true)}});
  r.Add("child", 4,
        {{"la_child_id", T("C004")},
         {"first_name", T("D")},
         {"last_name", T("Four")},
         {"expected_date_of_birth", D(2024, 3, 1)},
         {"sex", T("U")}});
  r.Add("child", 5,
        {{"la_child_id", T("C005")},
         {"first_name", T("E")},
         {"last_name", T("Five")},
         {"date_of_birth", D(2012, 1, 1)}});
  r.Add("child", 6,
        {{"la_child_id", T("C006")},
         {"first_name", T("F")},
         {"last_name", T("Six")},
         {"date_of_birth", D(2006, 7, 1)}});
  r.Add("child", 7,
        {{"la_child_id", T("C007")},
         {"first_name", T("G")},
         {"last_name", T("Seven")},
         {"date_of_birth", D(2001, 3, 1)}});
  r.Add("child", 9,
        {{"la_child_id", T("C009")},
         {"first_name", T("I")},
         {"last_name", T("Nine")},
         {"date_of_birth", D(2006, 9, 1)}});
  r.Add("child", 8,
        {{"la_child_id", T("C008")},
         {"first_name", T("H")},
         {"last_name", T("Eight")},
         {"date_of_birth", D(2000, 1, 1)}});

  // Contacts: the window's first day in UK time, the day before it (in UK time: 23:30 BST is
  // still 31 July), 23:30 UTC on 31 July (00:30 BST on 1 August: inside), the as-of date's
  // last minute, and the day after it.
  auto contact = [&](Id id, Id child, Value at, const char* source) {
    r.Add("contact", id,
          {{"child_id", I(child)},
           {"received_at", std::move(at)},
           {"source", T(source)},
           {"concern", T("concern")}});
  };
  contact(1, 1, At(2023, 8, 1, 9, 0), "6");
  contact(2, 2, At(2023, 7, 31, 23, 30), "2A");
  contact(3, 4, At(2024, 1, 31, 23, 59), "1A");
  contact(4, 1, At(2024, 2, 1, 0, 0), "9");
  contact(5, 2, Timestamp::Parse("2023-07-31T23:30:00Z").value(), "3B");

  r.Add("early_help_episode", 1,
        {{"child_id", I(1)},
         {"start_date", D(2023, 6, 1)},
         {"assessment_date", D(2023, 6, 20)},
         {"lead_agency", T("EDUCATION")},
         {"end_date", D(2023, 8, 1)},
         {"outcome", T("NEEDS_MET")}});
  r.Add("early_help_episode", 2,
        {{"child_id", I(2)}, {"start_date", D(2023, 1, 10)}, {"end_date", D(2023, 7, 31)}});
  r.Add("early_help_episode", 3, {{"child_id", I(3)}, {"start_date", D(2024, 2, 1)}});

  auto referral = [&](Id id, Id child, Value on, const char* source, bool nfa, const char* need,
                      Value closed, const char* reason) {
    r.Add("referral", id,
          {{"child_id", I(child)},
           {"referral_date", std::move(on)},
           {"source", T(source)},
           {"nfa", B(nfa)},
           {"primary_need", need != nullptr ? T(need) : Value()},
           {"closure_date", std::move(closed)},
           {"closure_reason", reason != nullptr ? T(reason) : Value()}});
  };
  referral(10, 2, D(2022, 10, 1), "3A", true, "N1", D(2022, 10, 1), "RC8");
  referral(11, 2, D(2023, 9, 1), "2A", false, "N1", Value(), nullptr);
  referral(12, 1, D(2023, 7, 31), "8", false, "N4", D(2023, 8, 15), "RC7");
  referral(13, 1, D(2024, 1, 31), "9", true, "N9", D(2024, 1, 31), "RC8");
  referral(14, 1, D(2023, 6, 1), "5A", false, "N4", D(2023, 7, 30), "RC7");

  auto allocation = [&](Id id, Id child, Id worker, Id team, Value start, Value end) {
    r.Add("allocation", id,
          {{"child_id", I(child)},
           {"worker_id", I(worker)},
           {"team_id", team != 0 ? I(team) : Value()},
           {"start_date", std::move(start)},
           {"end_date", std::move(end)}});
  };
  allocation(1, 2, 1, 1, D(2023, 9, 1), Value());
  allocation(2, 1, 1, 1, D(2023, 6, 1), D(2023, 8, 15));
  allocation(3, 3, 2, 2, D(2023, 6, 15), Value());
  allocation(4, 3, 1, 0, D(2022, 1, 1), Value());
  allocation(6, 7, 1, 1, D(2023, 1, 1), D(2024, 1, 31));  // ends on the as-of date: still on
  allocation(7, 7, 2, 2, D(2023, 1, 1), D(2024, 1, 30));  // ended the day before

  auto assessment = [&](Id id, Id child, Id referral_id, Value start, Value done, Value seen,
                        const char* outcome) {
    r.Add("assessment", id,
          {{"referral_id", I(referral_id)},
           {"child_id", I(child)},
           {"start_date", std::move(start)},
           {"authorised_date", std::move(done)},
           {"child_seen_date", std::move(seen)},
           {"outcome", outcome != nullptr ? T(outcome) : Value()}});
  };
  assessment(20, 2, 11, D(2023, 9, 1), D(2023, 10, 20), D(2023, 9, 5), "STRATEGY_DISCUSSION");
  assessment(21, 1, 12, D(2023, 7, 31), D(2023, 8, 14), Value(), "NFA");
  assessment(22, 1, 14, D(2023, 6, 1), D(2023, 7, 30), Value(), "NFA");
  assessment(23, 2, 11, D(2024, 1, 15), Value(), Value(), nullptr);

  r.Add("strategy_discussion", 30,
        {{"referral_id", I(11)},
         {"child_id", I(2)},
         {"discussion_date", D(2023, 10, 2)},
         {"s47_required", B(true)}});
  r.Add("s47_enquiry", 40,
        {{"referral_id", I(11)},
         {"child_id", I(2)},
         {"strategy_discussion_id", I(30)},
         {"start_date", D(2023, 10, 2)},
         {"end_date", D(2023, 10, 20)},
         {"icpc_not_required", B(false)}});
  r.Add("s47_enquiry", 41,
        {{"referral_id", I(10)},
         {"child_id", I(2)},
         {"start_date", D(2023, 1, 15)},
         {"icpc_not_required", B(true)}});
  r.Add("cp_conference", 50,
        {{"child_id", I(2)},
         {"referral_id", I(11)},
         {"s47_id", I(40)},
         {"conference_type", T("ICPC")},
         {"conference_date", D(2023, 10, 20)},
         {"plan_decided", B(true)}});
  r.Add("cp_conference", 51,
        {{"child_id", I(2)},
         {"referral_id", I(10)},
         {"conference_type", T("ICPC")},
         {"conference_date", D(2022, 9, 1)}});
  r.Add("cp_plan", 60,
        {{"referral_id", I(11)},
         {"child_id", I(2)},
         {"conference_id", I(50)},
         {"start_date", D(2023, 10, 20)},
         {"initial_category", T("NEG")}});
  r.Add("cp_plan", 61,
        {{"referral_id", I(10)},
         {"child_id", I(2)},
         {"start_date", D(2021, 1, 1)},
         {"end_date", D(2021, 6, 1)},
         {"initial_category", T("PHY")}});
  r.Add("plan_review", 70,
        {{"child_id", I(2)}, {"cp_plan_id", I(60)}, {"review_date", D(2024, 1, 10)}});
  r.Add("plan_review", 71,
        {{"child_id", I(2)}, {"cp_plan_id", I(60)}, {"review_date", D(2024, 2, 10)}});

  auto visit = [&](Id id, Id child, const char* type, Value on, bool seen, Value alone, Id by) {
    r.Add("visit", id,
          {{"child_id", I(child)},
           {"visit_type", T(type)},
           {"visit_date", std::move(on)},
           {"child_seen", B(seen)},
           {"child_seen_alone", std::move(alone)},
           {"worker_id", I(by)}});
  };
  visit(80, 2, "CP", D(2024, 1, 20), true, B(true), 1);
  visit(81, 2, "CP", D(2024, 2, 5), true, B(false), 1);  // after the as-of date
  visit(82, 1, "CLA", D(2024, 1, 5), true, Value(), 1);
  visit(83, 1, "CLA", D(2024, 1, 12), true, Value(), 3);  // by the IRO
  visit(84, 3, "CARE_LEAVER", D(2023, 12, 1), true, Value(), 2);
  visit(85, 1, "CIN", D(2023, 8, 10), true, Value(), 1);

  auto episode = [&](Id id, Id child, Value start, const char* rne, const char* ls,
                     const char* need, const char* place, const char* provider, const char* post,
                     const char* urn, Value end, const char* rec) {
    r.Add("cla_episode", id,
          {{"child_id", I(child)},
           {"start_date", std::move(start)},
           {"reason_new_episode", T(rne)},
           {"legal_status", T(ls)},
           {"category_of_need", T(need)},
           {"placement_type", T(place)},
           {"placement_provider", provider != nullptr ? T(provider) : Value()},
           {"placement_postcode", post != nullptr ? T(post) : Value()},
           {"provider_urn", urn != nullptr ? T(urn) : Value()},
           {"end_date", std::move(end)},
           {"reason_ceased", rec != nullptr ? T(rec) : Value()}});
  };
  // C001: an earlier period that ended on the 12-month window's first day, then a period
  // from 01/03/2023: S47 V2 placement, a legal-status-only change to C1, then a new placement
  // (U5, fostering for adoption) under a placement order (E1).
  episode(90, 1, D(2022, 5, 1), "S", "V2", "N5", "U3", "PR1", nullptr, nullptr, D(2023, 2, 1),
          "E4A");
  episode(91, 1, D(2023, 3, 1), "S", "V2", "N1", "U6", "PR4", "WR1 2AB", "SC123456", D(2023, 9, 1),
          "X1");
  episode(92, 1, D(2023, 9, 1), "L", "C1", "N1", "U6", "PR4", "WR1 2AB", "SC123456", D(2023, 12, 1),
          "X1");
  episode(93, 1, D(2023, 12, 1), "B", "E1", "N1", "U5", "PR1", "WR2 3CD", nullptr, Value(),
          nullptr);
  // C002: police protection that ended on the 6-month window's first day.
  episode(94, 2, D(2023, 7, 30), "S", "L1", "N1", "K2", "PR1", nullptr, nullptr, D(2023, 8, 1),
          "E4A");
  // C005: short breaks only. C006: 19 days in care at 16. C003, C007, C008: care from 14 to 18.
  episode(95, 5, D(2023, 10, 1), "S", "V3", "N2", "K2", "PR1", nullptr, nullptr, D(2023, 10, 3),
          "E8");
  episode(96, 6, D(2023, 1, 1), "S", "V2", "N4", "U6", "PR1", nullptr, nullptr, D(2023, 1, 20),
          "E4A");
  episode(97, 3, D(2019, 6, 15), "S", "C2", "N8", "U6", "PR1", nullptr, nullptr, D(2023, 6, 15),
          "E17");
  episode(98, 7, D(2016, 1, 1), "S", "C2", "N1", "U4", "PR1", nullptr, nullptr, D(2019, 3, 1),
          "E17");
  episode(99, 8, D(2014, 6, 1), "S", "C2", "N1", "U4", "PR1", nullptr, nullptr, D(2018, 1, 1),
          "E17");

  // C009: 11 months in care from 14, all of it before 16.
  episode(89, 9, D(2021, 1, 1), "S", "V2", "N4", "U6", "PR1", nullptr, nullptr, D(2021, 12, 1),
          "E4A");

  r.Add("cla_review", 100, {{"child_id", I(1)}, {"review_date", D(2023, 12, 15)}});
  r.Add("cla_review", 101, {{"child_id", I(1)}, {"review_date", D(2023, 2, 20)}});

  r.Add("missing_episode", 110,
        {{"child_id", I(1)},
         {"missing_type", T("M")},
         {"start_date", D(2023, 10, 1)},
         {"return_interview_offered", B(true)},
         {"return_interview_accepted", B(false)}});
  r.Add("missing_episode", 111,
        {{"child_id", I(1)}, {"missing_type", T("A")}, {"start_date", D(2023, 11, 1)}});
  r.Add("missing_episode", 112,
        {{"child_id", I(1)}, {"missing_type", T("M")}, {"start_date", D(2022, 12, 1)}});

  r.Add("cla_health", 120,
        {{"child_id", I(1)},
         {"year_ending", D(2023, 3, 31)},
         {"last_health_check_date", D(2023, 4, 10)},
         {"last_dental_check_date", D(2023, 5, 1)}});
  r.Add("cla_health", 121,
        {{"child_id", I(1)},
         {"year_ending", D(2024, 3, 31)},
         {"last_health_check_date", D(2024, 2, 10)}});

  r.Add("care_leaver_contact", 130,
        {{"child_id", I(3)},
         {"contact_date", D(2023, 6, 20)},
         {"in_touch", T("YES")},
         {"activity", T("F2")},
         {"accommodation", T("Z1")}});
  r.Add("care_leaver_contact", 131,
        {{"child_id", I(7)},
         {"contact_date", D(2023, 3, 5)},
         {"in_touch", T("YES")},
         {"activity", T("G5")},
         {"accommodation", T("U1")}});
  r.Add("care_leaver_contact", 132,
        {{"child_id", I(8)}, {"contact_date", D(2022, 12, 1)}, {"in_touch", T("YES")}});

  r.Add("adoption", 140,
        {{"child_id", I(1)},
         {"best_interest_date", D(2023, 10, 25)},
         {"placement_order_date", D(2023, 11, 1)},
         {"match_date", D(2024, 1, 20)}});
  r.Add(
      "adoption", 141,
      {{"child_id", I(2)}, {"best_interest_date", D(2021, 1, 1)}, {"order_date", D(2022, 12, 31)}});
  r.Add("adoption", 142,
        {{"child_id", I(6)},
         {"placement_order_date", D(2022, 3, 1)},
         {"ceased_date", D(2023, 5, 1)},
         {"ceased_reason", T("RD3")}});
  return r;
}

// ---- The schema's column keys (Annex_A_schema.yml, column_map.list_N), read line by line

std::string SchemaPath() {
  const char* env = std::getenv("SG_ANNEX_A_SCHEMA");
  return env != nullptr ? env : SG_TEST_FIXTURES "/annex_a/Annex_A_schema.yml";
}

// list number -> column keys. A key is a line indented by exactly 8 spaces under a
// "    list_N:" line: quoted ("..." or '...') or plain up to ": " or a final ':'.
std::map<int, std::vector<std::string>> SchemaColumns(const std::string& path) {
  std::map<int, std::vector<std::string>> out;
  std::ifstream in(path);
  std::string line;
  int list = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("    list_", 0) == 0) {
      list = std::atoi(line.c_str() + 9);
      continue;
    }
    if (list == 0 || line.size() <= 8 || line.compare(0, 8, std::string(8, ' ')) != 0 ||
        line[8] == ' ' || line[8] == '-') {
      continue;
    }
    std::string key;
    const char q = line[8];
    if (q == '"' || q == '\'') {
      for (size_t i = 9; i < line.size(); ++i) {
        if (line[i] == q && q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          key += '\'';
          ++i;
        } else if (line[i] == q) {
          break;
        } else {
          key += line[i];
        }
      }
    } else {
      size_t end = line.find(": ", 8);
      if (end == std::string::npos && line.back() == ':') end = line.size() - 1;
      key = line.substr(8, end - 8);
    }
    out[list].push_back(key);
  }
  return out;
}

// The category codes of each list's columns (list -> column -> codes), following the file's
// anchors (&name), aliases (*name) and merges (<<: *name). A code may run over several lines.
using SchemaCodeMap = std::map<int, std::map<std::string, std::set<std::string>>>;

SchemaCodeMap SchemaCodes(const std::string& path) {
  std::vector<std::string> lines;
  {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
  }
  auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
  auto unquote = [](std::string v) {
    while (!v.empty() && v.back() == ' ' && v.front() != '\'') v.pop_back();
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
      std::string out;
      for (size_t i = 1; i + 1 < v.size(); ++i) {
        out += v[i];
        if (v[i] == '\'' && v[i + 1] == '\'') ++i;
      }
      return out;
    }
    return v;
  };
  SchemaCodeMap out;
  std::map<std::string, std::set<std::string>> anchors;
  int list = 0;
  std::string column;
  std::string anchor;
  auto finish = [&] {
    if (!anchor.empty()) anchors[anchor] = out[list][column];
    anchor.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind("    list_", 0) == 0) {
      finish();
      list = std::atoi(l.c_str() + 9);
      column.clear();
      continue;
    }
    if (list == 0) continue;
    const size_t at = indent(l);
    if (at == 8 && l[8] != '-') {
      finish();
      size_t colon = l.find(": ", 8);
      std::string rest = colon == std::string::npos ? "" : l.substr(colon + 2);
      std::string key;
      if (l[8] == '"' || l[8] == '\'') {
        const size_t close = l.find(l[8], 9);
        key = l.substr(9, close - 9);
        colon = l.find(": ", close);
        rest = colon == std::string::npos ? "" : l.substr(colon + 2);
      } else {
        key = l.substr(8, (colon == std::string::npos ? l.size() - 1 : colon) - 8);
      }
      column = key;
      out[list][column];
      if (rest.rfind("&", 0) == 0) anchor = rest.substr(1);
      if (rest.rfind("*", 0) == 0) out[list][column] = anchors[rest.substr(1)];
      continue;
    }
    if (column.empty()) continue;
    const std::string trimmed = l.substr(std::min(at, l.size()));
    if (trimmed.rfind("<<: *", 0) == 0) {
      const auto& merged = anchors[trimmed.substr(5)];
      out[list][column].insert(merged.begin(), merged.end());
      continue;
    }
    const size_t code = l.find("-   code: ");
    if (code == std::string::npos || code != at) continue;
    std::string value = l.substr(code + 10);
    // Continuation lines: deeper than "name:", not a list item.
    while (i + 1 < lines.size() && indent(lines[i + 1]) != std::string::npos &&
           indent(lines[i + 1]) > at + 4 && lines[i + 1][indent(lines[i + 1])] != '-' &&
           lines[i + 1].find(':') == std::string::npos) {
      ++i;
      value += " " + lines[i].substr(indent(lines[i]));
    }
    out[list][column].insert(unquote(value));
  }
  finish();
  return out;
}

// ---- Reading the lists

class AnnexATest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    records_ = new TestRecords(MakeRecords());
    auto built = Build(*records_, kAsOf);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    annex_ = new AnnexA(std::move(built).value());
  }
  static void TearDownTestSuite() {
    delete annex_;
    delete records_;
  }

  static const List& L(int n) { return annex_->lists.at(static_cast<size_t>(n - 1)); }

  static size_t Col(const List& list, const std::string& header) {
    for (size_t i = 0; i < list.columns.size(); ++i) {
      if (list.columns[i] == header) return i;
    }
    ADD_FAILURE() << "no column \"" << header << "\" in " << list.sheet_name;
    return 0;
  }
  // The child ids of the list's rows, in order.
  static std::vector<std::string> Ids(const List& list) {
    std::vector<std::string> out;
    for (const auto& row : list.rows) out.push_back(row.at(0));
    return out;
  }
  static std::string Cell(const List& list, size_t row, const std::string& header) {
    return list.rows.at(row).at(Col(list, header));
  }

  static TestRecords* records_;
  static AnnexA* annex_;
};

TestRecords* AnnexATest::records_ = nullptr;
AnnexA* AnnexATest::annex_ = nullptr;

std::filesystem::path TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("annex_a_test_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a command and returns its standard output and exit status.
std::pair<std::string, int> RunCommand(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {"", -1};
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  return {out, ::pclose(pipe)};
}

// The entry names in a zip file's central directory (empty if it is not a zip).
std::vector<std::string> ZipEntries(const std::string& zip) {
  auto u16 = [&](size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::vector<std::string> names;
  if (zip.size() < 22) return names;
  size_t eocd = zip.size() - 22;
  while (eocd > 0 && zip.compare(eocd, 4, "PK\x05\x06") != 0) --eocd;
  if (zip.compare(eocd, 4, "PK\x05\x06") != 0) return names;
  const unsigned count = u16(eocd + 10);
  size_t at = u32(eocd + 16);
  for (unsigned i = 0; i < count; ++i) {
    if (at + 46 > zip.size() || zip.compare(at, 4, "PK\x01\x02") != 0) return {};
    const unsigned name_len = u16(at + 28);
    const unsigned extra = u16(at + 30);
    const unsigned comment = u16(at + 32);
    names.push_back(zip.substr(at + 46, name_len));
    at += 46 + name_len + extra + comment;
  }
  return names;
}

// ---- Headers

TEST_F(AnnexATest, HeadersAreTheSchemasColumnsInOrder) {
  const auto schema = SchemaColumns(SchemaPath());
  ASSERT_EQ(schema.size(), 11u) << "cannot read the Annex A schema at " << SchemaPath()
                                << " (set SG_ANNEX_A_SCHEMA to its path)";
  ASSERT_EQ(annex_->lists.size(), 11u);
  EXPECT_EQ(annex_->as_of, kAsOf);
  for (int n = 1; n <= 11; ++n) {
    const List& list = L(n);
    EXPECT_EQ(list.number, n);
    EXPECT_EQ(list.sheet_name, "List " + std::to_string(n));
    EXPECT_EQ(list.columns, schema.at(n)) << list.sheet_name;
    for (const auto& row : list.rows) EXPECT_EQ(row.size(), list.columns.size()) << list.title;
  }
}

TEST_F(AnnexATest, BuildIsDeterministic) {
  auto again = Build(*records_, kAsOf);
  ASSERT_TRUE(again.ok());
  for (int n = 1; n <= 11; ++n) EXPECT_EQ(again->lists[n - 1].rows, L(n).rows) << n;
}

TEST_F(AnnexATest, RejectsAnImplausibleAsOfDate) {
  EXPECT_FALSE(Build(*records_, Date::FromCivil(1999, 12, 31)).ok());
}

// ---- List by list

TEST_F(AnnexATest, List1ContactsAtTheWindowEdgesInUkTime) {
  const List& l = L(1);
  // In: 01/08 09:00 (C001), 23:30 UTC on 31/07 = 00:30 BST on 01/08 (C002), 31/01 23:59
  // (C004). Out: 23:30 BST on 31/07 (C002, id 2) and 01/02/2024 (C001).
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C001", "C002", "C004"}));
  EXPECT_EQ(l.rows[0], (std::vector<std::string>{"C001", "b) Female", "k) APKN", "01/03/2015", "8",
                                                 "01/08/2023", "g) Police"}));
  EXPECT_EQ(Cell(l, 1, "Contact Source"), "d) Health Services");
  EXPECT_EQ(Cell(l, 1, "Age of Child (Years)"), "13");
  EXPECT_EQ(Cell(l, 1, "Ethnicity"), "a) WBRI");
  // Unborn: no date of birth, no age; sex U is "not stated/recorded".
  EXPECT_EQ(l.rows[2], (std::vector<std::string>{"C004", "c) Not stated/recorded", "", "", "",
                                                 "31/01/2024", "a) Individual"}));
}

TEST_F(AnnexATest, List2EarlyHelpOpenInTheWindow) {
  const List& l = L(2);
  // Episode 1 ended on the window's first day (in); episode 2 the day before (out); episode 3
  // starts after the as-of date (out).
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C001"}));
  EXPECT_EQ(Cell(l, 0, "Assessment start date"), "01/06/2023");
  EXPECT_EQ(Cell(l, 0, "Assessment completion date"), "20/06/2023");
  EXPECT_EQ(Cell(l, 0, "Organisation completing assessment"), "Education");
}

TEST_F(AnnexATest, List3ReferralsInTheWindow) {
  const List& l = L(3);
  // 31/07/2023 (one day early) and 01/06/2023 are out; 01/09/2023 and 31/01/2024 in.
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C002", "C001"}));
  EXPECT_EQ(l.rows[0], (std::vector<std::string>{"C002", "a) Male", "a) WBRI", "01/02/2010", "13",
                                                 "01/09/2023", "b) Schools", "No", "1",
                                                 "Assessment Team North", "Ann Smith"}));
  // Referrals of C001 on 31/07/2023 and 01/06/2023 are in the 12 months before this one;
  // its allocation ended on 15/08/2023, so no team or worker.
  EXPECT_EQ(Cell(l, 1, "Date of referral"), "31/01/2024");
  EXPECT_EQ(Cell(l, 1, "Referral Source"), "j) Anonymous");
  EXPECT_EQ(Cell(l, 1, "Referral NFA?"), "Yes");
  EXPECT_EQ(Cell(l, 1, "Number of Referrals in Last 12 Months"), "2");
  EXPECT_EQ(Cell(l, 1, "Allocated Team"), "");
  EXPECT_EQ(Cell(l, 1, "Allocated Worker"), "");
}

TEST_F(AnnexATest, List4AssessmentsInProgressInTheWindow) {
  const List& l = L(4);
  // Authorised on 30/07/2023 (out); on 14/08/2023 (in, started before the window); open.
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C001", "C002", "C002"}));
  const std::string seen = "Child Seen During Continuous Assessment";
  const std::string support =
      "Was the child assessed as requiring LA children's social care support?";
  EXPECT_EQ(Cell(l, 0, "Does the Child have a Disability"), "No");
  EXPECT_EQ(Cell(l, 0, "Continuous Assessment Start Date"), "31/07/2023");
  EXPECT_EQ(Cell(l, 0, seen), "No");
  EXPECT_EQ(Cell(l, 0, "Continuous Assessment Date of Authorisation"), "14/08/2023");
  EXPECT_EQ(Cell(l, 0, support), "No");
  EXPECT_EQ(Cell(l, 1, "Does the Child have a Disability"), "Yes");
  EXPECT_EQ(Cell(l, 1, seen), "Yes");
  EXPECT_EQ(Cell(l, 1, support), "Yes");
  EXPECT_EQ(Cell(l, 1, "Allocated Worker"), "Ann Smith");
  // Still open: no authorisation, so no answer on support.
  EXPECT_EQ(Cell(l, 2, "Continuous Assessment Start Date"), "15/01/2024");
  EXPECT_EQ(Cell(l, 2, "Continuous Assessment Date of Authorisation"), "");
  EXPECT_EQ(Cell(l, 2, support), "");
}

TEST_F(AnnexATest, List5Section47AndTheInitialConference) {
  const List& l = L(5);
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C002"}));  // the 15/01/2023 enquiry is out
  EXPECT_EQ(Cell(l, 0, "Strategy discussion initiating Section 47 Enquiry Start Date"),
            "02/10/2023");
  EXPECT_EQ(Cell(l, 0, "Was an Initial Child Protection Conference deemed unnecessary?"), "No");
  EXPECT_EQ(Cell(l, 0, "Date of Initial Child Protection Conference"), "20/10/2023");
  EXPECT_EQ(
      Cell(l, 0, "Did the Initial Child Protection Conference Result in a Child Protection Plan"),
      "Yes");
  // The 15/01/2023 enquiry is in the 12 months before; the 01/09/2022 ICPC is not.
  EXPECT_EQ(Cell(l, 0, "Number of Section 47 Enquiries in the last 12 months"), "1");
  EXPECT_EQ(Cell(l, 0, "Number of ICPCs in the last 12 months"), "0");
}

TEST_F(AnnexATest, List6ChildrenInNeedOpenInTheWindow) {
  const List& l = L(6);
  // Out: closed on 30/07/2023, and the two NFA referrals.
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C001", "C002"}));
  EXPECT_EQ(l.rows[0],
            (std::vector<std::string>{"C001", "b) Female", "k) APKN", "01/03/2015", "8", "No",
                                      "31/07/2023", "d) Family in acute stress", "10/08/2023",
                                      "15/08/2023", "g) 'Other' incl. Child no longer in need",
                                      "e) Closed episode", "", ""}));
  EXPECT_EQ(Cell(l, 1, "Primary Need Code"), "a) Abuse or neglect");
  EXPECT_EQ(Cell(l, 1, "Date Child Was Last Seen"), "20/01/2024");  // not the 05/02 visit
  EXPECT_EQ(Cell(l, 1, "CIN Closure Date"), "");
  EXPECT_EQ(Cell(l, 1, "Reason for Closure"), "");
  EXPECT_EQ(Cell(l, 1, "Case Status"), "b) Child Protection plan");
}

TEST_F(AnnexATest, List7ChildProtectionPlans) {
  const List& l = L(7);
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C002"}));  // the 2021 plan is out
  EXPECT_EQ(Cell(l, 0, "Child Protection Plan Start Date"), "20/10/2023");
  EXPECT_EQ(Cell(l, 0, "Initial Category of Abuse"), "a) Neglect");
  EXPECT_EQ(Cell(l, 0, "Latest Category of Abuse"), "a) Neglect");
  EXPECT_EQ(Cell(l, 0, "Date of the Last Statutory Visit"), "20/01/2024");
  EXPECT_EQ(Cell(l, 0, "Was the Child Seen Alone?"), "Yes");
  EXPECT_EQ(Cell(l, 0, "Date of latest review conference"), "10/01/2024");
  EXPECT_EQ(Cell(l, 0, "Child Protection Plan End Date"), "");
  // Police protection (L1) that ended on 01/08/2023, the 6-month window's first day.
  EXPECT_EQ(Cell(l, 0,
                 "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
                 "Six Months (Y/N)"),
            "Yes");
  EXPECT_EQ(Cell(l, 0, "Number of Previous Child Protection Plans"), "1");
  EXPECT_EQ(Cell(l, 0, "Allocated Team"), "Assessment Team North");
}

TEST_F(AnnexATest, List8ChildrenLookedAfter) {
  const List& l = L(8);
  // C002's police protection ended on the window's first day (in); C005 had short breaks
  // only; C003 left care on 15/06/2023 (out).
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C001", "C002"}));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "No"},
      {"Does the Child have a Disability", "No"},
      {"Date Started to be Looked After", "01/03/2023"},
      {"Child's Category of Need", "a) Abuse or neglect"},
      {"Is this a second or subsequent period of being a Looked After Child within the last 12 "
       "months (Y/N)",
       "Yes"},
      {"Start date of current legal status", "01/12/2023"},
      {"Child's Legal Status", "d) Placement order granted"},
      {"Date of Latest Statutory Review", "15/12/2023"},
      {"Date of Last Social Work Visit", "05/01/2024"},
      {"What is the permanence plan for this child?", ""},
      {"Date of Last IRO Visit / Contact to the Child", "12/01/2024"},
      {"Date of Last Health Assessment", "10/04/2023"},
      {"Date of Last Dental Check", "01/05/2023"},
      {"Number of Placements in the Last 12 months", "3"},
      {"Date Ceased to be Looked After", ""},
      {"Reason Ceased to be Looked After", ""},
      {"Start Date of Most Recent Placement", "01/12/2023"},
      {"Placement Type", "a) Foster Placement"},
      {"Placement Provider", "a) Own LA"},
      {"Placement postcode", "WR2 3CD"},
      {"URN of Placement", ""},
      {"Placement Location", ""},
      {"LA of Placement", ""},
      {"Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
       "months",
       "1"},
      {"Number of Episodes the Child has been 'Absent' from their Placement in the last 12 "
       "months",
       "1"},
      {"Was the child offered a Return Interview after their last missing episode (Y/N)?", "Yes"},
      {"Did the child accept a Return Interview after their last missing episode (Y/N)?", "No"},
      {"Allocated Team", ""},
      {"Allocated Worker", ""},
  };
  for (const auto& [header, value] : expected) EXPECT_EQ(Cell(l, 0, header), value) << header;
  // C002: UASC never recorded (blank), one placement, ceased on 01/08/2023 (E4A).
  EXPECT_EQ(Cell(l, 1, expected[0].first), "");
  EXPECT_EQ(Cell(l, 1, "Child's Legal Status"),
            "f) Detained on child protection grounds in LA accommodation");
  EXPECT_EQ(Cell(l, 1, "Number of Placements in the Last 12 months"), "1");
  EXPECT_EQ(Cell(l, 1, "Date Ceased to be Looked After"), "01/08/2023");
  EXPECT_EQ(Cell(l, 1, "Reason Ceased to be Looked After"),
            "d) Returned home to live with parents or relatives");
  EXPECT_EQ(Cell(l, 1, "Placement Type"), "h) Children’s Homes");
  EXPECT_EQ(Cell(l, 1, expected[23].first), "0");
  EXPECT_EQ(Cell(l, 1, expected[25].first), "");  // no missing episode: no return interview
}

TEST_F(AnnexATest, List9CareLeavers) {
  const List& l = L(9);
  // C006 was in care 19 days and C009 only before 16 (not eligible); C008 (24) was last in
  // touch over 12 months ago.
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C003", "C007"}));
  EXPECT_EQ(l.rows[0], (std::vector<std::string>{
                           "C003", "", "", "15/06/2005", "18", "Yes", "", "Assessment Team North",
                           "Ann Smith", "Priya Patel", "b) Former relevant", "", "a) In touch",
                           "01/12/2023", "o) With Former Foster Carer", "a) Suitable",
                           "F2: Full time in education other than higher"}));
  EXPECT_EQ(Cell(l, 1, "Age of Child (Years)"), "22");
  EXPECT_EQ(Cell(l, 1, "Allocated Worker"), "Ann Smith");   // allocated until the as-of date
  EXPECT_EQ(Cell(l, 1, "Allocated Personal Advisor"), "");  // ended the day before
  EXPECT_EQ(Cell(l, 1, "Latest Date of Contact"), "05/03/2023");
  EXPECT_EQ(Cell(l, 1, "Type of Accommodation"), "k) Independent living");
  EXPECT_EQ(Cell(l, 1, "Activity Status"), "G5: Not in education, employment or training - other");
}

TEST_F(AnnexATest, List10Adoption) {
  const List& l = L(10);
  // C002's adoption order (31/12/2022) is over 12 months old: out.
  ASSERT_EQ(Ids(l), (std::vector<std::string>{"C006", "C001"}));
  EXPECT_EQ(l.rows[1],
            (std::vector<std::string>{"C001", "", "b) Female", "k) APKN", "01/03/2015", "8", "No",
                                      "01/03/2023", "01/11/2023", "01/12/2023", "20/01/2024", "",
                                      "", "", "", "01/12/2023"}));
  // C006: the decision was reversed on 01/05/2023; no period of care began by the decision.
  EXPECT_EQ(Cell(l, 0, "Date the Child Entered Care"), "");
  EXPECT_EQ(Cell(l, 0, "Date of Decision that Child Should be Placed for Adoption"), "01/03/2022");
  EXPECT_EQ(Cell(l, 0, "Date of Decision that Child Should No Longer be Placed for Adoption"),
            "01/05/2023");
  EXPECT_EQ(Cell(l, 0, "Reason Why Child No Longer Placed for Adoption"),
            "c) Prospective adopters cannot be found");
}

TEST_F(AnnexATest, List11AdoptersHasHeadersOnly) {
  EXPECT_TRUE(L(11).rows.empty());
  EXPECT_EQ(L(11).columns.front(), "Individual adopter identifier");
}

// ---- Every code the record can hold, mapped to the schema's codes

// A record holding each code of every coded field Annex A reports, cycled over 40 children
// (and 40 care leavers), each with a contact, a CIN episode closed in the window, a CP plan,
// a period of care ended in the window, and an adoption decision reversed in the window.
TestRecords AllCodes() {
  TestRecords r;
  auto codes = [](CodeListId id, std::set<std::string> skip = {}) {
    std::vector<std::string> out;
    for (const CodeEntry& e : GetCodeList(id).entries) {
      if (!skip.count(std::string(e.code))) out.emplace_back(e.code);
    }
    return out;
  };
  const auto sexes = codes(CodeListId::kSex);
  const auto ethnicities = codes(CodeListId::kEthnicity);
  const auto sources = codes(CodeListId::kReferralSource);
  const auto needs = codes(CodeListId::kPrimaryNeed);
  const auto closures = codes(CodeListId::kCinClosureReason);
  const auto abuse = codes(CodeListId::kCategoryOfAbuse);
  const auto statuses = codes(CodeListId::kLegalStatus, {"V3", "V4"});
  const auto categories = codes(CodeListId::kCategoryOfNeed);
  const auto places = codes(CodeListId::kPlacementType);
  const auto providers = codes(CodeListId::kPlacementProvider);
  const auto ceased = codes(CodeListId::kReasonEpisodeCeased, {"X1"});
  const auto touch = codes(CodeListId::kCareLeaverInTouch);
  const auto activities = codes(CodeListId::kCareLeaverActivity);
  const auto accommodation = codes(CodeListId::kCareLeaverAccommodation);
  const auto reversals = codes(CodeListId::kReasonPlacedCeased);
  auto pick = [](const std::vector<std::string>& v, size_t i) { return Value(v[i % v.size()]); };
  for (size_t i = 0; i < 40; ++i) {
    const Id child = static_cast<Id>(i + 1);
    r.Add("child", child,
          {{"la_child_id", Value("K" + std::to_string(100 + i))},
           {"first_name", T("X")},
           {"last_name", T("Y")},
           {"date_of_birth", D(2010, 1, 1)},
           {"sex", pick(sexes, i)},
           {"ethnicity", pick(ethnicities, i)},
           {"disabilities", i % 2 ? CodeSet{"MOB"} : CodeSet{"NONE"}}});
    r.Add("contact", child,
          {{"child_id", I(child)},
           {"received_at", At(2023, 9, 1, 10, 0)},
           {"source", pick(sources, i)},
           {"concern", T("c")}});
    r.Add("referral", child,
          {{"child_id", I(child)},
           {"referral_date", D(2023, 9, 1)},
           {"source", pick(sources, i)},
           {"nfa", B(false)},
           {"primary_need", pick(needs, i)},
           {"closure_date", D(2023, 12, 1)},
           {"closure_reason", pick(closures, i)}});
    r.Add("cp_plan", child,
          {{"referral_id", I(child)},
           {"child_id", I(child)},
           {"start_date", D(2023, 9, 1)},
           {"initial_category", pick(abuse, i)},
           {"latest_category", pick(abuse, i + 1)}});
    r.Add("cla_episode", child,
          {{"child_id", I(child)},
           {"start_date", D(2023, 9, 1)},
           {"reason_new_episode", T("S")},
           {"legal_status", pick(statuses, i)},
           {"category_of_need", pick(categories, i)},
           {"placement_type", pick(places, i)},
           {"placement_provider", pick(providers, i)},
           {"end_date", D(2023, 12, 1)},
           {"reason_ceased", pick(ceased, i)}});
    r.Add("adoption", child,
          {{"child_id", I(child)},
           {"placement_order_date", D(2023, 10, 1)},
           {"ceased_date", D(2023, 12, 1)},
           {"ceased_reason", pick(reversals, i)}});
    const Id leaver = child + 100;
    r.Add("child", leaver,
          {{"la_child_id", Value("L" + std::to_string(100 + i))},
           {"first_name", T("X")},
           {"last_name", T("Y")},
           {"date_of_birth", D(2004, 6, 1)}});
    r.Add("cla_episode", leaver,
          {{"child_id", I(leaver)},
           {"start_date", D(2019, 1, 1)},
           {"reason_new_episode", T("S")},
           {"legal_status", T("C2")},
           {"category_of_need", T("N1")},
           {"placement_type", T("U4")},
           {"end_date", D(2022, 6, 1)},
           {"reason_ceased", T("E17")}});
    r.Add("care_leaver_contact", leaver,
          {{"child_id", I(leaver)},
           {"contact_date", D(2023, 6, 1)},
           {"in_touch", pick(touch, i)},
           {"activity", pick(activities, i)},
           {"accommodation", pick(accommodation, i)}});
  }
  return r;
}

TEST_F(AnnexATest, EveryCodeInTheRecordBecomesOneOfTheSchemasCodes) {
  const auto schema = SchemaCodes(SchemaPath());
  ASSERT_EQ(schema.size(), 11u) << "cannot read the Annex A schema at " << SchemaPath();
  // The parser found the codes (a multi-line one among them).
  ASSERT_TRUE(schema.at(8)
                  .at("Reason Ceased to be Looked After")
                  .count("i) Transferred to residential care funded by adult social services"));
  ASSERT_TRUE(schema.at(3).at("Referral Source").count("g) Police"));  // a merged anchor
  const TestRecords records = AllCodes();
  auto built = Build(records, kAsOf);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  // Columns that must never be blank here: every code the record can hold has a mapping.
  const std::map<int, std::set<std::string>> never_blank = {
      {1, {"Gender", "Ethnicity", "Contact Source"}},
      {3, {"Referral Source", "Referral NFA?"}},
      {6, {"Primary Need Code", "Reason for Closure", "Case Status"}},
      {7, {"Initial Category of Abuse", "Latest Category of Abuse"}},
      {8,
       {"Child's Category of Need", "Child's Legal Status", "Placement Type", "Placement Provider",
        "Reason Ceased to be Looked After"}},
      {9, {"LA in Touch", "Suitability of Accommodation"}},
      {10, {"Reason Why Child No Longer Placed for Adoption"}},
  };
  const std::map<int, size_t> rows = {{1, 40}, {3, 40}, {6, 40}, {7, 40},
                                      {8, 40}, {9, 40}, {10, 40}};
  for (const List& list : built->lists) {
    if (rows.count(list.number)) {
      EXPECT_EQ(list.rows.size(), rows.at(list.number)) << list.title;
    }
    for (size_t c = 0; c < list.columns.size(); ++c) {
      const auto& accepted = schema.at(list.number).at(list.columns[c]);
      const bool required =
          never_blank.count(list.number) && never_blank.at(list.number).count(list.columns[c]);
      for (const auto& row : list.rows) {
        const std::string& cell = row[c];
        if (cell.empty()) {
          EXPECT_FALSE(required) << list.sheet_name << " / " << list.columns[c] << " is blank";
          continue;
        }
        if (list.columns[c] == "Ethnicity") {
          // The lettered DfE code ("a) WBRI"): one of the names the schema accepts.
          EXPECT_TRUE(std::regex_match(cell, std::regex("[a-t]\\) [A-Z]{4}"))) << cell;
        } else if (!accepted.empty()) {
          EXPECT_TRUE(accepted.count(cell)) << list.sheet_name << " / " << list.columns[c] << ": \""
                                            << cell << "\" is not one of the schema's codes";
        }
      }
    }
  }
  // Activity is blank only for the 903's "0" (not in touch, activity not known).
  const auto& activities = GetCodeList(CodeListId::kCareLeaverActivity).entries;
  size_t zeros = 0;
  for (size_t i = 0; i < 40; ++i) zeros += activities[i % activities.size()].code == "0" ? 1 : 0;
  size_t blank_activity = 0;
  for (const auto& row : built->lists[8].rows) {
    blank_activity += row[Col(built->lists[8], "Activity Status")].empty() ? 1 : 0;
  }
  EXPECT_GT(zeros, 0u);
  EXPECT_EQ(blank_activity, zeros);
}

TEST_F(AnnexATest, DatesAreDdMmYyyyOrBlank) {
  const std::regex uk("\\d{2}/\\d{2}/\\d{4}");
  for (const List& list : annex_->lists) {
    for (size_t c = 0; c < list.columns.size(); ++c) {
      const std::string& h = list.columns[c];
      if (h.find("Date") == std::string::npos && h.find("date") == std::string::npos) continue;
      for (const auto& row : list.rows) {
        EXPECT_TRUE(row[c].empty() || std::regex_match(row[c], uk)) << h << ": " << row[c];
      }
    }
  }
}

// ---- Files

TEST_F(AnnexATest, WriteXlsxMakesAWorkbookWithElevenSheets) {
  const auto dir = TempDir("xlsx");
  const std::string path = (dir / "annex_a.xlsx").string();
  ASSERT_TRUE(WriteXlsx(*annex_, path).ok());
  const std::string bytes = ReadFile(path);
  ASSERT_EQ(bytes.compare(0, 4, "PK\x03\x04"), 0);
  const auto entries = ZipEntries(bytes);
  for (int n = 1; n <= 11; ++n) {
    const std::string sheet = "xl/worksheets/sheet" + std::to_string(n) + ".xml";
    EXPECT_NE(std::find(entries.begin(), entries.end(), sheet), entries.end()) << sheet;
  }
  EXPECT_NE(std::find(entries.begin(), entries.end(), "xl/sharedStrings.xml"), entries.end());
  // The archive's own check, then the strings and the first sheet.
  EXPECT_EQ(RunCommand("unzip -tqq '" + path + "'").second, 0);
  const std::string strings = RunCommand("unzip -p '" + path + "' xl/sharedStrings.xml").first;
  EXPECT_NE(strings.find(">Child Unique ID<"), std::string::npos);
  EXPECT_NE(strings.find(">Contact Source<"), std::string::npos);
  EXPECT_NE(strings.find(">C001<"), std::string::npos);
  EXPECT_NE(strings.find(">g) Police<"), std::string::npos);
  EXPECT_NE(strings.find(">01/08/2023<"), std::string::npos);  // dates are text
  const std::string sheet1 = RunCommand("unzip -p '" + path + "' xl/worksheets/sheet1.xml").first;
  EXPECT_NE(sheet1.find("ySplit=\"1\""), std::string::npos);  // frozen header row
  EXPECT_NE(sheet1.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet1.find("<autoFilter ref=\"A1:G4\""), std::string::npos);
  EXPECT_NE(sheet1.find("<c r=\"E2\"><v>8</v></c>"), std::string::npos);  // age: a number
  EXPECT_NE(sheet1.find("<cols>"), std::string::npos);
  EXPECT_NE(sheet1.find("<c r=\"A1\" s=\"1\" t=\"s\">"), std::string::npos);  // styled header
  const std::string styles = RunCommand("unzip -p '" + path + "' xl/styles.xml").first;
  EXPECT_NE(styles.find("<b/>"), std::string::npos);  // ... and the style is bold
  const std::string workbook = RunCommand("unzip -p '" + path + "' xl/workbook.xml").first;
  EXPECT_NE(workbook.find("name=\"List 1\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"List 11\""), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_F(AnnexATest, WriteXlsxReportsAnUnwritablePath) {
  EXPECT_FALSE(WriteXlsx(*annex_, "/nonexistent-dir/annex_a.xlsx").ok());
}

TEST_F(AnnexATest, WriteCsvFilesParseBackToTheSameRows) {
  const auto dir = TempDir("csv");
  ASSERT_TRUE(WriteCsv(*annex_, (dir / "out").string()).ok());
  EXPECT_EQ(CsvFileName(1), "list_01_contacts.csv");
  EXPECT_EQ(CsvFileName(11), "list_11_adopters.csv");
  EXPECT_EQ(CsvFileName(12), "");
  for (const List& list : annex_->lists) {
    const auto path = dir / "out" / CsvFileName(list.number);
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    const std::string text = ReadFile(path);
    ASSERT_GE(text.size(), 2u);
    EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
    std::vector<std::vector<std::string>> records;
    ASSERT_TRUE(ForEachCsvRecord(text, [&](int, std::vector<std::string>& cells) {
                  records.push_back(cells);
                  return Status::Ok();
                }).ok());
    ASSERT_FALSE(records.empty());
    EXPECT_EQ(records.front(), list.columns) << path;
    EXPECT_EQ(std::vector<std::vector<std::string>>(records.begin() + 1, records.end()), list.rows)
        << path;
  }
  // A header holding a comma is quoted.
  const std::string care_leavers = ReadFile(dir / "out" / CsvFileName(9));
  EXPECT_NE(care_leavers.find(
                "\"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over "
                "(Y/N)\""),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sg::annex_a

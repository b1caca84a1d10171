// The `safeguard` command end to end: help, exit codes, migrate, import/export, users.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "e2e/process.h"
#include "returns/cin_validate.h"
#include "storage/migrations.h"
#include "test_util.h"

namespace sg {
namespace {

using testing::RunSafeguard;

TEST(Cli, HelpListsTheCommands) {
  auto r = RunSafeguard({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"serve", "migrate", "demo", "import", "export", "--db"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunSafeguard({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunSafeguard({}).exit_code, 2);
  EXPECT_EQ(RunSafeguard({"serve", "--port", "70000"}).exit_code, 2);
}

TEST(Cli, MigrateThenServeRefusesAnUnmigratedStore) {
  testing::TempDir dir;
  const std::string db = dir.File("a.db");
  auto serve = RunSafeguard({"serve", "--db", db, "--port", "0"});
  EXPECT_EQ(serve.exit_code, 1);
  EXPECT_NE(serve.err.find("safeguard migrate"), std::string::npos) << serve.err;
  auto migrate = RunSafeguard({"migrate", "--db", db});
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  const std::string latest = std::to_string(LatestSchemaVersion());
  EXPECT_NE(migrate.out.find("from schema version 0 to " + latest), std::string::npos)
      << migrate.out;
  // --db may also come from the environment.
  auto again = RunSafeguard({"migrate"}, "", {"SAFEGUARD_DB=" + db});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("from schema version " + latest + " to " + latest), std::string::npos)
      << again.out;
}

TEST(Cli, ExportImportRoundTripAndAllOrNothing) {
  testing::TempDir dir;
  const std::string a = dir.File("a.db");
  const std::string b = dir.File("b.db");
  const std::string file = dir.File("export.jsonl");
  ASSERT_EQ(RunSafeguard({"demo", "--db", a}).exit_code, 0);
  auto exp = RunSafeguard({"export", "json", "--db", a, "--out", file});
  ASSERT_EQ(exp.exit_code, 0) << exp.err;
  auto imp = RunSafeguard({"import", "json", file, "--db", b});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  EXPECT_NE(imp.err.find("imported"), std::string::npos);

  // Append a faulty line: the whole file is refused and the store keeps what it had.
  {
    std::ofstream out(file, std::ios::app);
    out << R"({"entity":"child","record":{"la_child_id":"NEW","first_name":"A","last_name":"B","date_of_birth":"2015-13-01"}})"
        << "\n";
  }
  const std::string c = dir.File("c.db");
  auto bad = RunSafeguard({"import", "json", file, "--db", c});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("date_of_birth"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("nothing was imported"), std::string::npos) << bad.err;
  auto empty_export = RunSafeguard({"export", "json", "--db", c});
  EXPECT_EQ(empty_export.exit_code, 0);
  EXPECT_TRUE(empty_export.out.empty()) << empty_export.out.substr(0, 200);

  EXPECT_EQ(RunSafeguard({"import", "json", dir.File("missing.jsonl"), "--db", c}).exit_code, 3);
}

TEST(Cli, UsersAddTakesThePasswordFromTheEnvironment) {
  testing::TempDir dir;
  const std::string db = dir.File("u.db");
  auto ok = RunSafeguard({"users", "add", "jo", "--role", "ANALYST", "--db", db}, "",
                         {"SAFEGUARD_PASSWORD=a-long-enough-password"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  auto weak = RunSafeguard({"users", "add", "al", "--role", "ANALYST", "--db", db}, "",
                           {"SAFEGUARD_PASSWORD=short"});
  EXPECT_EQ(weak.exit_code, 1);
  auto role = RunSafeguard({"users", "add", "al", "--role", "KING", "--db", db}, "",
                           {"SAFEGUARD_PASSWORD=a-long-enough-password"});
  EXPECT_EQ(role.exit_code, 1);
}

TEST(Cli, UnreachableStoreIsAnIoErrorWithoutThePassword) {
  auto r = RunSafeguard({"migrate", "--db", "postgresql://sg:s3cret@127.0.0.1:1/none"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace sg

namespace sg {
namespace {

TEST(Cli, StatsPrintsTableCsvAndJson) {
  testing::TempDir dir;
  const std::string db = dir.File("s.db");
  ASSERT_EQ(RunSafeguard({"demo", "--db", db}).exit_code, 0);
  auto table = RunSafeguard({"stats", "--db", db});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("child "), std::string::npos) << table.out;
  auto csv = RunSafeguard({"stats", "--db", db, "--format", "csv"});
  EXPECT_EQ(csv.out.rfind("entity,title,records\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\nchild,Child,10\n"), std::string::npos) << csv.out;
  auto json = RunSafeguard({"stats", "--db", db, "--format", "json"});
  EXPECT_NE(json.out.find(R"({"entity":"child","title":"Child","records":"10"})"),
            std::string::npos)
      << json.out;
  EXPECT_EQ(RunSafeguard({"stats", "--db", db, "--format", "xml"}).exit_code, 2);
  // A store that was never migrated is refused with the fix, not an SQL error.
  auto fresh = RunSafeguard({"stats", "--db", dir.File("empty.db")});
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_NE(fresh.err.find("safeguard migrate"), std::string::npos) << fresh.err;
}

TEST(Cli, GenerateWritesTheStoreAndTheReturnsWithPlantedFaults) {
  testing::TempDir dir;
  const std::string db = dir.File("g.db");
  const std::string out = dir.File("returns");
  const std::vector<std::string> common = {"generate", "--like",    "Rutland", "--years",
                                           "1",        "--burn-in", "1",       "--scale",
                                           "0.3",      "--seed",    "3"};
  auto args = common;
  for (const char* a : {"--db", "", "--out", "", "--inject-errors", "0.1"}) args.push_back(a);
  args[args.size() - 5] = db;
  args[args.size() - 3] = out;
  auto r = RunSafeguard(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("faults planted"), std::string::npos) << r.out;
  std::ifstream manifest(out + "/faults.csv");
  ASSERT_TRUE(manifest.good());
  std::string header;
  std::getline(manifest, header);
  EXPECT_EQ(header, "file,child,location,field,fault,original,injected,expected_rules");
  std::ifstream census(out + "/cin_census_2024-25.xml");
  EXPECT_TRUE(census.good());
  std::ifstream episodes(out + "/ssda903_2024-25/episodes.csv");
  EXPECT_TRUE(episodes.good());
  // The store holds the same council.
  auto stats = RunSafeguard({"stats", "--db", db, "--format", "csv"});
  EXPECT_NE(stats.out.find("\nchild,Child,"), std::string::npos) << stats.out;

  // Files only: no --db, no store written.
  auto files_only = common;
  for (const char* a : {"--out", ""}) files_only.push_back(a);
  files_only.back() = dir.File("only");
  auto f = RunSafeguard(files_only);
  EXPECT_EQ(f.exit_code, 0) << f.err;
  EXPECT_EQ(f.out.find("safeguard.db"), std::string::npos) << f.out;  // no store named
  EXPECT_TRUE(std::ifstream(dir.File("only/faults.csv")).fail());     // no faults asked for
  EXPECT_TRUE(std::ifstream(dir.File("only/cin_census_2024-25.xml")).good());

  // Faults need files to go in; a bad rate is refused.
  auto no_out = common;
  for (const char* a : {"--db", "", "--inject-errors", "0.1"}) no_out.push_back(a);
  no_out[no_out.size() - 3] = dir.File("x.db");
  auto bad = RunSafeguard(no_out);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--out"), std::string::npos) << bad.err;
  no_out.back() = "1.5";
  EXPECT_EQ(RunSafeguard(no_out).exit_code, 1);
}

// The scorecard from the store and from the returns built from it, in each format; targets
// give RAG; Annex A as a workbook and CSV.
TEST(Cli, IndicatorsFromTheStoreAndFromReturnsAndAnnexA) {
  testing::TempDir dir;
  const std::string db = dir.File("i.db");
  const std::string out = dir.File("returns");
  auto g = RunSafeguard({"generate", "--like", "Rutland", "--years", "2", "--burn-in", "2",
                         "--scale", "0.5", "--seed", "5", "--db", db, "--out", out});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const std::string period = "2024-04-01..2025-03-31";
  auto table = RunSafeguard({"indicators", "--db", db, "--period", period});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Rutland"), std::string::npos) << table.out;  // LA from the UPNs
  EXPECT_NE(table.out.find("Re-referrals within 12 months"), std::string::npos);
  EXPECT_NE(table.out.find("England"), std::string::npos);  // benchmarks shown

  // Targets: a target every LA meets is green, one none meets is red.
  {
    std::ofstream t(dir.File("targets.csv"));
    t << "indicator,target,amber\nassessment_45wd_pct,0,5\nrereferral_pct,0,0\n";
  }
  auto csv = RunSafeguard({"indicators", "--db", db, "--period", period, "--format", "csv",
                           "--targets", dir.File("targets.csv"), "--only",
                           "assessment_45wd_pct,rereferral_pct,referrals"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("assessment_45wd_pct,"), std::string::npos);
  EXPECT_NE(csv.out.find(",0,green,"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",0,red,"), std::string::npos) << csv.out;
  {
    std::ofstream t(dir.File("bad.csv"));
    t << "indicator,target\nrereferral_pct,ten\n";
  }
  auto bad = RunSafeguard({"indicators", "--db", db, "--targets", dir.File("bad.csv")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("line 2, field target"), std::string::npos) << bad.err;

  // From the returns alone: the census and 903 of both years give the same referrals and
  // children looked after as the store.
  auto json_store = RunSafeguard({"indicators", "--db", db, "--period", period, "--format", "json",
                                  "--only", "referrals,cla_at_end,contacts"});
  auto json_returns = RunSafeguard(
      {"indicators", "--period", period, "--format", "json", "--only",
       "referrals,cla_at_end,contacts", "--returns", out + "/cin_census_2023-24.xml",
       out + "/cin_census_2024-25.xml", out + "/ssda903_2023-24", out + "/ssda903_2024-25"});
  ASSERT_EQ(json_store.exit_code, 0) << json_store.err;
  ASSERT_EQ(json_returns.exit_code, 0) << json_returns.err;
  const auto a = nlohmann::json::parse(json_store.out)["indicators"];
  const auto b = nlohmann::json::parse(json_returns.out)["indicators"];
  EXPECT_GT(a[0]["values"][0].get<double>(), 0);
  EXPECT_EQ(a[0]["values"], b[0]["values"]);
  EXPECT_EQ(a[1]["values"], b[1]["values"]);
  EXPECT_TRUE(a[2]["available"].get<bool>());
  EXPECT_FALSE(b[2]["available"].get<bool>());  // returns carry no contacts
  auto missing = RunSafeguard({"indicators", "--returns", dir.File("nothing-here")});
  EXPECT_NE(missing.exit_code, 0);

  auto annex = RunSafeguard({"annex-a", "--db", db, "--as-of", "2025-03-31", "--out",
                             dir.File("annex_a.xlsx"), "--csv", dir.File("annex")});
  ASSERT_EQ(annex.exit_code, 0) << annex.err;
  EXPECT_TRUE(std::ifstream(dir.File("annex_a.xlsx")).good());
  std::ifstream list1(dir.File("annex/list_01_contacts.csv"));
  std::string header;
  std::getline(list1, header);
  EXPECT_EQ(header.rfind("Child Unique ID,", 0), 0u) << header;
  EXPECT_EQ(RunSafeguard({"annex-a", "--db", db, "--as-of", "2025-03-31"}).exit_code, 1);
}

// The census built from the record, imported into an empty store and built again: the same
// bytes. Importing it twice is refused whole.
TEST(Cli, CinCensusRoundTripsThroughImportByteForByte) {
  testing::TempDir dir;
  const std::string db = dir.File("a.db"), db2 = dir.File("b.db");
  ASSERT_EQ(
      RunSafeguard({"generate", "--like", "Rutland", "--years", "1", "--burn-in", "2", "--db", db})
          .exit_code,
      0);
  const std::vector<std::string> build = {
      "returns", "cin", "--year", "2024-25", "--date-time", "2025-04-21T09:00:00", "--out"};
  auto first = build;
  first.insert(first.end(), {dir.File("a.xml"), "--db", db});
  auto a = RunSafeguard(first);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto imported = RunSafeguard({"import", "cin", dir.File("a.xml"), "--db", db2});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("children from"), std::string::npos) << imported.out;
  auto second = build;
  second.insert(second.end(), {dir.File("b.xml"), "--db", db2});
  ASSERT_EQ(RunSafeguard(second).exit_code, 0);
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string xml = slurp(dir.File("a.xml"));
  EXPECT_GT(xml.size(), 10000u);
  EXPECT_EQ(xml, slurp(dir.File("b.xml")));
  auto before = RunSafeguard({"stats", "--db", db2, "--format", "csv"});
  auto again = RunSafeguard({"import", "cin", dir.File("a.xml"), "--db", db2});
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_NE(again.err.find("nothing was imported"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("a.xml line "), std::string::npos) << again.err;
  EXPECT_EQ(RunSafeguard({"stats", "--db", db2, "--format", "csv"}).out, before.out);
}

// Every planted fault whose rule is registered is found (recall), in every report format; the
// exit code says whether there are errors.
TEST(Cli, ValidateCinFindsEveryPlantedFault) {
  testing::TempDir dir;
  const std::string out = dir.File("r");
  ASSERT_EQ(RunSafeguard({"generate", "--like", "Hackney", "--years", "1", "--burn-in", "2",
                          "--scale", "0.2", "--out", out, "--inject-errors", "0.05"})
                .exit_code,
            0);
  const std::string census = out + "/cin_census_2024-25.xml";
  auto csv = RunSafeguard({"validate", "cin", census, "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 1) << csv.err;
  ASSERT_EQ(csv.out.rfind("rule,severity,child,line,field,where,message\n", 0), 0u) << csv.out;
  std::set<std::pair<std::string, std::string>> found;  // (rule, child)
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    auto cells = SplitCsvLine(line);
    found.insert({cells.at(0), cells.at(2)});
  }
  std::ifstream manifest(out + "/faults.csv");
  std::getline(manifest, line);
  int planted = 0, checked = 0;
  while (std::getline(manifest, line)) {
    auto f = SplitCsvLine(line);  // file,child,location,field,fault,original,injected,rules
    if (f.at(0) != "cin_census_2024-25.xml") continue;
    ++planted;
    if (!cin::FindRule(f.at(7))) continue;  // rule not yet registered
    ++checked;
    EXPECT_TRUE(found.count({f.at(7), f.at(1)})) << "missed " << line;
  }
  EXPECT_GT(planted, 10);
  std::printf("planted %d faults in the census, %d with registered rules, all checked\n", planted,
              checked);
  auto json = RunSafeguard({"validate", "cin", census, "--format", "json"});
  EXPECT_NE(json.out.find("\"by_rule\":["), std::string::npos);
  auto html = RunSafeguard(
      {"validate", "cin", census, "--format", "html", "--out", dir.File("report.html")});
  EXPECT_EQ(html.exit_code, 1);
  std::ifstream report(dir.File("report.html"));
  std::string page((std::istreambuf_iterator<char>(report)), {});
  EXPECT_NE(page.find("<h2>By rule</h2>"), std::string::npos);
  // A truncated file: a finding with its line, exit 1, no crash; a missing file: exit 3.
  {
    std::ifstream in(census, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::ofstream cut(dir.File("cut.xml"), std::ios::binary);
    cut << text.substr(0, text.size() / 3);
  }
  auto cut = RunSafeguard({"validate", "cin", dir.File("cut.xml")});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.out.find("not well-formed XML"), std::string::npos) << cut.out;
  EXPECT_EQ(RunSafeguard({"validate", "cin", dir.File("none.xml")}).exit_code, 3);
}

// The 903 built from the record, imported into an empty store (all or nothing) and built
// again: the same bytes, table by table. A second import of the same children is refused whole
// with the file, line and column.
TEST(Cli, Ssda903RoundTripsThroughImportByteForByte) {
  testing::TempDir dir;
  const std::string db = dir.File("a.db"), db2 = dir.File("b.db");
  ASSERT_EQ(
      RunSafeguard({"generate", "--like", "Rutland", "--years", "1", "--burn-in", "2", "--db", db})
          .exit_code,
      0);
  auto a =
      RunSafeguard({"returns", "903", "--year", "2024-25", "--out", dir.File("a"), "--db", db});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto imported = RunSafeguard({"import", "903", dir.File("a"), "--db", db2});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("SSDA903 from"), std::string::npos) << imported.out;
  auto b =
      RunSafeguard({"returns", "903", "--year", "2024-25", "--out", dir.File("b"), "--db", db2});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  size_t bytes = 0;
  for (const char* table :
       {"header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv", "ad1.csv",
        "placed_for_adoption.csv", "previous_permanence.csv", "missing.csv", "sw_episodes.csv",
        "dolo.csv"}) {
    const std::string first = slurp(dir.File(std::string("a/") + table));
    EXPECT_FALSE(first.empty()) << table;
    bytes += first.size();
    EXPECT_EQ(first, slurp(dir.File(std::string("b/") + table))) << table;
  }
  EXPECT_GT(bytes, 3000u);
  auto before = RunSafeguard({"stats", "--db", db2, "--format", "csv"});
  // Importing the same children's care again is refused whole.
  auto again = RunSafeguard({"import", "903", dir.File("a"), "--db", db2});
  EXPECT_EQ(again.exit_code, 1) << again.out;
  EXPECT_NE(again.err.find("already has looked-after episodes"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("header.csv line 2, CHILD"), std::string::npos) << again.err;
  EXPECT_EQ(RunSafeguard({"stats", "--db", db2, "--format", "csv"}).out, before.out);
  // A bad cell stops the import, naming the file, line and column: a date a spreadsheet
  // rewrote (refused before the store is touched) and, in the last row, a legal status the
  // record does not know (refused by the store after the other rows went in: rolled back).
  const std::string eps = slurp(dir.File("a/episodes.csv"));
  auto replace_cell = [&](size_t line_start, int column, const std::string& value) {
    std::string text = eps;
    size_t from = line_start;
    for (int c = 0; c < column; ++c) from = text.find(',', from) + 1;
    text.replace(from, text.find(',', from) - from, value);
    std::ofstream(dir.File("a/episodes.csv"), std::ios::binary) << text;
  };
  replace_cell(eps.find('\n') + 1, 1, "2024-04-01");
  const std::string db3 = dir.File("c.db");
  auto bad = RunSafeguard({"import", "903", dir.File("a"), "--db", db3});
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.err.find("episodes.csv line 2, DECOM"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("nothing was imported"), std::string::npos) << bad.err;
  const size_t last_line = eps.rfind('\n', eps.size() - 2) + 1;
  replace_cell(last_line, 3, "ZZ");
  const int line = static_cast<int>(std::count(eps.begin(), eps.end(), '\n'));
  auto refused = RunSafeguard({"import", "903", dir.File("a"), "--db", db3});
  EXPECT_EQ(refused.exit_code, 1) << refused.out;
  EXPECT_NE(refused.err.find("episodes.csv line " + std::to_string(line) + ", LS"),
            std::string::npos)
      << refused.err << " (line " << line << ")";
  auto empty = RunSafeguard({"stats", "--db", db3, "--format", "csv"});
  EXPECT_NE(empty.out.find("\nchild,Child,0\n"), std::string::npos) << empty.out;
  EXPECT_NE(empty.out.find("\ncla_episode,"), std::string::npos) << empty.out;
}

// validate 903: every report format, the exit code, and rules that cannot run said so.
TEST(Cli, Validate903ReportsFindingsAndRulesNotRun) {
  const std::string fixtures = std::string(SG_TEST_FIXTURES) + "/ssda903";
  auto table = RunSafeguard({"validate", "903", fixtures + "/fixtures", "--year", "2025-26"});
  EXPECT_EQ(table.exit_code, 1) << table.err;
  EXPECT_NE(table.out.find("SSDA903 2025-26"), std::string::npos) << table.out.substr(0, 400);
  EXPECT_NE(table.out.find("2675 children"), std::string::npos) << table.out.substr(0, 400);
  auto csv = RunSafeguard(
      {"validate", "903", fixtures + "/fixtures", "--year", "2025-26", "--format", "csv"});
  ASSERT_EQ(csv.out.rfind("rule,severity,child,line,field,where,message\n", 0), 0u);
  EXPECT_NE(csv.out.find("\n1003,error,921450,6,DATE_PLACED,placed_for_adoption.csv,"),
            std::string::npos);
  auto json = RunSafeguard(
      {"validate", "903", fixtures + "/fixtures", "--year", "2025-26", "--format", "json"});
  EXPECT_NE(json.out.find("\"not_run\":["), std::string::npos);
  // Without the previous year, the rules comparing years say what they need.
  if (json.out.find("\"needs\":\"the previous year's") == std::string::npos) {
    ADD_FAILURE() << "no rule reported as needing the previous year";
  }
  // The XML form, and a file that is not a return.
  auto xml = RunSafeguard({"validate", "903", fixtures + "/fake_903.xml", "--year", "2025-26"});
  EXPECT_NE(xml.out.find("253 children"), std::string::npos) << xml.out.substr(0, 300);
  testing::TempDir dir;
  std::ofstream(dir.File("notes.csv")) << "NAME,TOWN\nA,B\n";
  auto junk = RunSafeguard({"validate", "903", dir.File("notes.csv"), "--year", "2025-26"});
  EXPECT_EQ(junk.exit_code, 1);
  EXPECT_NE(junk.out.find("does not match any 903 table"), std::string::npos) << junk.out;
  EXPECT_EQ(RunSafeguard({"validate", "903", dir.File("none")}).exit_code, 3);
  auto no_year = RunSafeguard({"validate", "903", dir.File("notes.csv")});
  EXPECT_EQ(no_year.exit_code, 1);
  EXPECT_NE(no_year.err.find("--year"), std::string::npos) << no_year.err;
}

// Every fault planted in a generated 903 is found by the rule the manifest names (recall), on
// the CSV tables and on the XML form.
TEST(Cli, Validate903FindsEveryPlantedFault) {
  testing::TempDir dir;
  const std::string out = dir.File("r");
  ASSERT_EQ(RunSafeguard({"generate", "--like", "Hackney", "--years", "1", "--burn-in", "2",
                          "--scale", "0.3", "--out", out, "--inject-errors", "0.05"})
                .exit_code,
            0);
  std::ifstream manifest(out + "/faults.csv");
  std::string line;
  std::getline(manifest, line);
  std::vector<std::vector<std::string>> planted;
  while (std::getline(manifest, line)) {
    auto f = SplitCsvLine(line);  // file,child,location,field,fault,original,injected,rules
    if (f.at(0).rfind("ssda903_2024-25", 0) == 0) planted.push_back(f);
  }
  ASSERT_GT(planted.size(), 5u);
  auto csv = RunSafeguard(
      {"validate", "903", out + "/ssda903_2024-25", "--year", "2024-25", "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 1) << csv.err;
  std::set<std::pair<std::string, std::string>> found;  // (rule, child)
  std::istringstream lines(csv.out);
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    auto cells = SplitCsvLine(line);
    if (cells.size() > 2) found.insert({cells[0], cells[2]});
  }
  for (const auto& f : planted) {
    EXPECT_TRUE(found.count({f.at(7), f.at(1)}))
        << "missed " << f.at(4) << " (rule " << f.at(7) << ") in child " << f.at(1);
  }
  std::printf("planted %zu faults in the 903, all found\n", planted.size());
}

// The bulk case review against drift planted by the generator: the same synthetic LA
// generated twice (the same seed), once with drift; every planted case must be found by its
// rule. Precision: of the findings that the planting added (present with drift, absent
// without), the share that are planted cases.
TEST(Cli, CaseReviewFindsEveryPlantedDrift) {
  testing::TempDir dir;
  const std::vector<std::string> gen = {
      "generate", "--like", "Worcestershire", "--years", "2",       "--burn-in", "3",
      "--seed",   "7",      "--scale",        "0.1",     "--as-of", "2026-11-30"};
  auto args = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = gen;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  const std::string plain = dir.path() + "/plain.db", drifted = dir.path() + "/drifted.db";
  const std::string manifest = dir.path() + "/drift.csv";
  auto g1 = RunSafeguard(args({"--db", plain}));
  ASSERT_EQ(g1.exit_code, 0) << g1.err;
  auto g2 = RunSafeguard(args({"--db", drifted, "--drift", "0.05", "--drift-manifest", manifest}));
  ASSERT_EQ(g2.exit_code, 0) << g2.err;
  EXPECT_NE(g2.out.find("cases of drift planted"), std::string::npos) << g2.out;

  using Finding = std::pair<std::string, std::string>;  // child id, rule
  auto read_csv = [](const std::string& text, size_t child_col, size_t rule_col) {
    std::set<Finding> out;
    bool header = true;
    Status s = ForEachCsvRecord(text, [&](int, std::vector<std::string>& cells) {
      if (header) {
        header = false;
      } else if (cells.size() > std::max(child_col, rule_col)) {
        out.emplace(cells[child_col], cells[rule_col]);
      }
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  };
  std::ifstream in(manifest);
  std::stringstream text;
  text << in.rdbuf();
  const std::set<Finding> planted = read_csv(text.str(), 0, 2);
  std::set<std::string> kinds;
  for (const auto& [child, rule] : planted) kinds.insert(rule);
  EXPECT_EQ(kinds, (std::set<std::string>{"assessment_overdue", "closed_without_reason",
                                          "long_cin_no_plan", "mass_closure", "not_seen",
                                          "recontact_after_closure", "unallocated"}));

  auto review = [&](const std::string& db) {
    auto r = RunSafeguard({"case-review", "--db", db, "--as-of", "2026-11-30", "--format", "csv"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_csv(r.out, 1, 6);
  };
  const std::set<Finding> before = review(plain), after = review(drifted);
  int found = 0;
  for (const Finding& f : planted) {
    if (after.count(f)) {
      ++found;
    } else {
      ADD_FAILURE() << "planted drift not found: child " << f.first << ", " << f.second;
    }
  }
  int added = 0, added_planted = 0;
  for (const Finding& f : after) {
    if (before.count(f)) continue;
    ++added;
    if (planted.count(f)) ++added_planted;
  }
  const double precision = added == 0 ? 0 : static_cast<double>(added_planted) / added;
  std::cout << "case review: " << planted.size() << " planted, " << found << " found; " << added
            << " findings added by the planting, " << added_planted
            << " of them planted (precision " << precision << ")\n";
  ::testing::Test::RecordProperty("precision", std::to_string(precision));
  EXPECT_EQ(found, static_cast<int>(planted.size()));
  EXPECT_GE(precision, 0.7);
}

// The quality commands on a generated LA: audits summarised, the plan rated, and the board
// report as a PDF (read back with poppler's pdftotext and rendered with pdftoppm) and HTML.
TEST(Cli, AuditsPlanAndBoardReport) {
  testing::TempDir dir;
  const std::string db = dir.File("q.db");
  auto g = RunSafeguard({"generate", "--like", "Rutland", "--years", "2", "--burn-in", "2",
                         "--seed", "9", "--as-of", "2025-06-30", "--db", db});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  auto audits = RunSafeguard({"audits", "--db", db, "--period", "2024-07-01..2025-06-30", "--as-of",
                              "2025-06-30", "--format", "json"});
  ASSERT_EQ(audits.exit_code, 0) << audits.err;
  const auto a = nlohmann::json::parse(audits.out);
  EXPECT_GT(a["audits"].get<int>(), 0);
  EXPECT_EQ(a["themes"].size(), 5u);  // Overall and the template's four themes
  EXPECT_EQ(a["themes"][0]["total"]["total"], a["audits"]);
  EXPECT_LE(a["moderation"]["agreed"].get<int>(), a["moderation"]["pairs"].get<int>());

  auto plan = RunSafeguard({"plan", "--db", db, "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto p = nlohmann::json::parse(plan.out);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0]["workstreams"].size(), 6u);
  ASSERT_EQ(p[0]["measures"].size(), 7u);
  // Indicator measures' baselines are the indicator on the baseline date, computed.
  EXPECT_TRUE(p[0]["measures"][1]["baseline_computed"].get<bool>()) << p[0]["measures"][1];
  EXPECT_TRUE(p[0]["measures"][1]["baseline"].is_number());
  auto table = RunSafeguard({"plan", "--db", db, "--as-of", "2025-06-30"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Assessments within 45 working days"), std::string::npos);

  const std::string pdf = dir.File("board.pdf");
  auto report = RunSafeguard({"board-report", "--db", db, "--period", "2024-07-01..2025-06-30",
                              "--as-of", "2025-06-30", "--out", pdf});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string text = dir.File("board.txt");
  ASSERT_EQ(std::system(("pdftotext -layout " + pdf + " " + text).c_str()), 0)
      << "pdftotext missing? run scripts/install-deps.sh";
  std::stringstream read;
  read << std::ifstream(text).rdbuf();
  const std::string body = read.str();
  for (const char* heading :
       {"Summary", "How children are doing: the headline figures", "What case file audits found",
        "Improvement plan: Children's services improvement plan", "Exceptions: what is off track",
        "Risks", "How the ratings are worked out", "What the headline figures mean",
        "Assessments within 45 working days, month by month", "Audit grades, month by month",
        "Themes over time"}) {
    EXPECT_NE(body.find(heading), std::string::npos) << heading;
  }
  const int pages = static_cast<int>(std::count(body.begin(), body.end(), '\f'));
  EXPECT_GE(pages, 5);
  ASSERT_EQ(std::system(("pdftoppm -r 30 -png " + pdf + " " + dir.File("page")).c_str()), 0);
  int images = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    if (e.path().extension() == ".png" && e.file_size() > 1000) ++images;
  }
  EXPECT_EQ(images, pages);

  const std::string html = dir.File("board.html");
  ASSERT_EQ(
      RunSafeguard({"board-report", "--db", db, "--as-of", "2025-06-30", "--out", html}).exit_code,
      0);
  std::stringstream page;
  page << std::ifstream(html).rdbuf();
  EXPECT_NE(page.str().find("<svg"), std::string::npos);
  EXPECT_NE(page.str().find("What case file audits found"), std::string::npos);
  auto bad = RunSafeguard(
      {"board-report", "--db", db, "--period", "2025-01-01..2024-01-01", "--out", pdf});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--period"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace sg

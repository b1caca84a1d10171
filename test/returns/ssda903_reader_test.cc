// The SSDA903 readers: CSV tables recognised by their headers, whatever the order of columns,
// with every problem of the files a finding with file, line and column; the XML form; and a
// fuzz of the CSV reader (no crash, no silent loss: every data line is a row or a finding).

#include "returns/ssda903_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "common/csv.h"
#include "returns/ssda903_rule_test_util.h"

namespace sg::ssda903 {
namespace {

const std::string kFixtures = std::string(SG_TEST_FIXTURES) + "/ssda903";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Finding> Read(std::string_view text, std::string_view file, Return& ret) {
  std::vector<Finding> f;
  ReadCsvTable(text, file, ret, f);
  return f;
}

TEST(Ssda903Reader, RecognisesEachTableByItsHeader) {
  for (size_t t = 0; t < kTableCount; ++t) {
    const auto id = static_cast<TableId>(t);
    std::vector<std::string> header(Spec(id).columns.begin(), Spec(id).columns.end());
    EXPECT_EQ(RecogniseTable(header, "upload.csv"), id) << Spec(id).name;
    std::reverse(header.begin(), header.end());
    EXPECT_EQ(RecogniseTable(header, "x.csv"), id) << Spec(id).name << " reversed";
  }
  // Lower case and spaces around names; UASC and Header share CHILD, SEX, DOB.
  EXPECT_EQ(RecogniseTable({" child", "sex ", "dob", "duc"}, "a.csv"), kUasc);
  EXPECT_EQ(RecogniseTable({"CHILD", "SEX", "DOB", "ETHNIC", "UPN"}, "a.csv"), kHeader);
  EXPECT_EQ(RecogniseTable({"NAME", "ADDRESS", "CHILD"}, "a.csv"), kTableCount);
}

TEST(Ssda903Reader, ColumnsInAnyOrderUnknownAndMissingColumnsAreNamed) {
  Return ret;
  const auto f = Read(
      "URN,DECOM,CHILD,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,HOME_POST,PL_POST,COLOUR\n"
      "SC1,01/04/2025,7,S,C2,N1,U1,PR1,,,AB1 2CD,AB1 3CD,red\n",
      "eps.csv", ret);
  ASSERT_TRUE(ret.sources[kEpisodes].present);
  ASSERT_EQ(ret.tables[kEpisodes].size(), 1u);
  const Row& row = ret.tables[kEpisodes][0];
  EXPECT_EQ(row[0], "7");
  EXPECT_EQ(row[static_cast<size_t>(ColumnIndex(kEpisodes, "DECOM"))], "01/04/2025");
  EXPECT_EQ(row[static_cast<size_t>(ColumnIndex(kEpisodes, "URN"))], "SC1");
  EXPECT_EQ(ret.sources[kEpisodes].lines, std::vector<int>{2});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].field, "COLOUR");  // unknown: a query
  EXPECT_EQ(f[0].severity, Severity::kQuery);
  EXPECT_EQ(f[0].line, 1);
  EXPECT_EQ(f[1].field, "REASON_PLACE_CHANGE");  // missing: an error, read as blank
  EXPECT_EQ(f[1].severity, Severity::kError);
  EXPECT_EQ(f[1].path, "eps.csv");
}

TEST(Ssda903Reader, QuotedLineBreaksBomAndCrlfKeepLineNumbersRight) {
  Return ret;
  const auto f = Read(
      "\xEF\xBB\xBF"
      "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\n"
      "1,01/01/2005,YES,\"F1\nsecond line\",B\r\n"
      "2,01/01/2006,\"NO, \"\"moved\"\"\",F2,C\r\n",
      "oc3.csv", ret);
  EXPECT_TRUE(f.empty()) << f[0].message;
  ASSERT_EQ(ret.tables[kOc3].size(), 2u);
  EXPECT_EQ(ret.tables[kOc3][0][oc3::ACTIV], "F1\nsecond line");
  EXPECT_EQ(ret.tables[kOc3][1][oc3::IN_TOUCH], "NO, \"moved\"");
  EXPECT_EQ(ret.sources[kOc3].lines, (std::vector<int>{2, 4}));
}

TEST(Ssda903Reader, BadRowsAndExcelDatesAreFindingsWithLineAndColumn) {
  Return ret;
  const auto f = Read(
      "CHILD,DOB,REVIEW,REVIEW_CODE\n"
      "1,01/01/2015,2025-06-01,PN1\n"        // ISO: Excel's save
      "2,01/01/2015,45678,PN1\n"             // a day number
      "3,1/1/2015,01/06/2025 00:00,PN1\n"    // no leading zeros; a time
      "4,01/01/2015\n"                       // too few cells
      "5,01/01/2015,01/06/2025,PN1,extra\n"  // too many
      "\n"                                   // blank: skipped
      "6,01/01/2015,31/02/2025,PN1\n",       // not a date, but DD/MM/YYYY: left to the rules
      "reviews.csv", ret);
  ASSERT_EQ(ret.tables[kReviews].size(), 6u);
  std::vector<std::string> got;
  for (const Finding& x : f) got.push_back(std::to_string(x.line) + ":" + x.field);
  EXPECT_EQ(got,
            (std::vector<std::string>{"2:REVIEW", "3:REVIEW", "4:DOB", "4:REVIEW", "5:", "6:"}));
  EXPECT_NE(f[0].message.find("YYYY-MM-DD"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].child, "1");
  EXPECT_EQ(ret.tables[kReviews][3][rev::REVIEW], "");  // the missing cell is blank
}

TEST(Ssda903Reader, ASecondCopyOfATableAndAnUnknownFileAreRefusedWithAReason) {
  Return ret;
  EXPECT_TRUE(
      Read("CHILD,DOB,MISSING,MIS_START,MIS_END\n1,01/01/2010,M,01/05/2025,\n", "missing.csv", ret)
          .empty());
  auto dup = Read("CHILD,DOB,MISSING,MIS_START,MIS_END\n2,01/01/2010,M,01/05/2025,\n",
                  "missing (1).csv", ret);
  ASSERT_EQ(dup.size(), 1u);
  EXPECT_NE(dup[0].message.find("already read from missing.csv"), std::string::npos);
  EXPECT_EQ(ret.tables[kMissing].size(), 1u);
  auto unknown = Read("NAME,TOWN\nA,B\n", "notes.csv", ret);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_NE(unknown[0].message.find("does not match any 903 table"), std::string::npos);
  auto quote = [] {
    Return r;
    return Read("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,x,\"open\n", "oc3.csv", r);
  }();
  ASSERT_FALSE(quote.empty());
  EXPECT_NE(quote.back().message.find("no closing quote"), std::string::npos);
}

TEST(Ssda903Reader, ReadsTheFixtureTablesAndTheirXml) {
  std::vector<Finding> f;
  auto csv = ReadReturn(kFixtures + "/fixtures", f);
  ASSERT_TRUE(csv.ok());
  // The fixture's only faults of form: two reviews given twice, cell for cell (queries).
  ASSERT_EQ(f.size(), 2u) << f[0].message;
  EXPECT_EQ(f[0].path, "reviews.csv");
  EXPECT_EQ(f[0].line, 9826);
  EXPECT_EQ(f[0].severity, Severity::kQuery);
  EXPECT_NE(f[0].message.find("repeats line 9825 exactly"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].line, 12074);
  EXPECT_EQ(csv->tables[kHeader].size(), 2675u);
  EXPECT_EQ(csv->tables[kEpisodes].size(), 5050u);
  EXPECT_EQ(csv->tables[kReviews].size(), 12582u);
  EXPECT_EQ(csv->tables[kSwEpisodes].size(), 1u);  // its header starts with a BOM
  EXPECT_EQ(csv->tables[kDoLo].size(), 1u);
  EXPECT_EQ(LatestCollectionYear(*csv, Date::FromCivil(2026, 3, 31)), 2026);

  std::vector<Finding> xf;
  auto xml = ReadReturn(kFixtures + "/fake_903.xml", xf);
  ASSERT_TRUE(xml.ok());
  EXPECT_TRUE(xf.empty()) << xf[0].message;
  EXPECT_EQ(xml->tables[kHeader].size(), 253u);
  EXPECT_GT(xml->tables[kEpisodes].size(), 253u);
  EXPECT_EQ(xml->tables[kEpisodes][0][ep::PLACE], "R5");  // <PL> is PLACE
  EXPECT_EQ(xml->tables[kEpisodes][0][ep::CHILD], "907440");
  EXPECT_GT(xml->sources[kEpisodes].lines[0], 0);
}

// Whatever the builder writes, the readers read back unchanged: CSV table by table, and XML
// for the tables CLA.xsd carries.
TEST(Ssda903Reader, WritersAndReadersRoundTrip) {
  Return built = testing::ValidReturn({"1", "2"});
  testing::AddRow(
      built, kMissing,
      {{"CHILD", "2"}, {"DOB", "01/06/2015"}, {"MISSING", "M"}, {"MIS_START", "02/05/2025"}});
  testing::AddRow(built, kOc3,
                  {{"CHILD", "1"},
                   {"DOB", "01/06/2015"},
                   {"IN_TOUCH", "YES"},
                   {"ACTIV", "F1"},
                   {"ACCOM", "S, \"quoted\""}});
  Return csv;
  std::vector<Finding> f;
  for (size_t t = 0; t < kTableCount; ++t) {
    std::ostringstream s;
    WriteCsv(built, static_cast<TableId>(t), s);
    ReadCsvTable(s.str(), Spec(static_cast<TableId>(t)).file, csv, f);
  }
  EXPECT_TRUE(f.empty()) << f[0].message;
  for (size_t t = 0; t < kTableCount; ++t) EXPECT_EQ(csv.tables[t], built.tables[t]) << t;

  std::ostringstream x;
  WriteXml(built, x);
  Return xml;
  ReadXmlReturn(x.str(), "r.xml", xml, f);
  // The XML is checked against CLA.xsd too: an ACCOM of more than two characters is reported
  // (with its line and element), and still read.
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "XSD");
  EXPECT_EQ(f[0].field, "ACCOM");
  EXPECT_GT(f[0].line, 0);
  for (TableId t : {kHeader, kEpisodes, kReviews, kOc2, kOc3, kPrevPerm, kMissing}) {
    EXPECT_EQ(xml.tables[t], built.tables[t]) << Spec(t).name;
  }
}

TEST(Ssda903Reader, NotXmlIsAFindingWithItsLine) {
  std::vector<Finding> f;
  Return r;
  ReadXmlReturn("<EXPSSDA903>\n<CHILD>\n<HEADER>\n</CHILD>", "bad.xml", r, f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "XML");
  EXPECT_GT(f[0].line, 0);
  f.clear();
  ReadXmlReturn("<Message/>", "cin.xml", r, f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("EXPSSDA903"), std::string::npos);
}

// Mutated fixture tables (bytes changed, dropped, quotes and line breaks inserted, truncated):
// the reader never crashes, and each line of the input is accounted for: read as (part of) a
// row, or named by a finding.
TEST(Ssda903Reader, FuzzedCsvNeverCrashesOrLosesARowSilently) {
  const std::string base = Slurp(kFixtures + "/fixtures/episodes.csv");
  ASSERT_GT(base.size(), 10000u);
  std::mt19937 rng(20261122);
  const char kBytes[] = {'"', ',', '\n', '\r', 'x', '/', '\0', '\xEF', ' '};
  for (int round = 0; round < 300; ++round) {
    std::string text = base.substr(0, 3000 + rng() % 3000);
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0:
          text[at] = kBytes[rng() % sizeof(kBytes)];
          break;
        case 1:
          text.erase(at, 1 + rng() % 20);
          break;
        case 2:
          text.insert(at, 1, kBytes[rng() % sizeof(kBytes)]);
          break;
        default:
          text.resize(at);
      }
      if (text.empty()) text = "x";
    }
    Return ret;
    std::vector<Finding> f;
    ReadCsvTable(text, "episodes.csv", ret, f);
    size_t records = 0;
    (void)ForEachCsvRecord(text, [&](int, std::vector<std::string>& cells) {
      if (!(cells.size() == 1 && cells[0].empty())) ++records;
      return Status::Ok();
    });
    const size_t rows = ret.tables[kEpisodes].size();
    if (!ret.sources[kEpisodes].present) {
      // Not recognised as Episodes (the header was hit): a finding says the file was not read.
      EXPECT_FALSE(f.empty()) << "round " << round;
      continue;
    }
    // Every record after the header is a row, unless an unclosed quote ended the file, which
    // is a finding.
    const bool unclosed = std::any_of(f.begin(), f.end(), [](const Finding& x) {
      return x.message.find("no closing quote") != std::string::npos;
    });
    if (!unclosed) {
      EXPECT_EQ(rows + 1, records) << "round " << round;
    }
    for (size_t i = 0; i < rows; ++i) {
      EXPECT_EQ(ret.tables[kEpisodes][i].size(), Spec(kEpisodes).columns.size());
    }
  }
}

TEST(Ssda903Reader, AMissingPathIsAnIoError) {
  std::vector<Finding> f;
  EXPECT_EQ(ReadReturn("/nonexistent/903", f).status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace sg::ssda903

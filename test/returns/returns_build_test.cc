// The CIN census and SSDA903 returns built from a generated local authority: valid against
// DfE's schemas, nothing after the reference date, and counts that agree with the headline
// figures measured from the same records by a different route (synth/measure).

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <map>
#include <set>
#include <sstream>

#include "common/data_files.h"
#include "returns/cin_census.h"
#include "returns/ssda903.h"
#include "synth/generator.h"
#include "synth/measure.h"

namespace sg {
namespace {

struct Generated {
  MemorySink sink;
  GenerationSummary summary;
};

// One generation shared by the tests (a small council, a tenth of its volume, three years).
const Generated& Walsall() {
  static const Generated* g = [] {
    auto* out = new Generated;
    auto figures = ReferenceFigures::Shipped();
    EXPECT_TRUE(figures.ok());
    GenerateOptions o;
    o.like = "Walsall";
    o.years = 3;
    o.seed = 11;
    o.scale = 0.1;
    o.burn_in_years = 3;
    // A month past the last reporting year, so that there are records after the census date.
    auto s = Generate(o, **figures, out->sink);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    out->summary = *s;
    return out;
  }();
  return *g;
}

// The errors libxml2 reports validating `xml` against the shipped schema `xsd`.
std::vector<std::string> SchemaErrors(const std::string& xml, const std::string& xsd) {
  auto text = ReadDataFile("schemas/" + xsd);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  std::vector<std::string> errors;
  xmlSchemaParserCtxtPtr pctx =
      xmlSchemaNewMemParserCtxt(text->data(), static_cast<int>(text->size()));
  xmlSchemaPtr schema = xmlSchemaParse(pctx);
  EXPECT_NE(schema, nullptr);
  xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(
      vctx,
      [](void* ctx, xmlErrorPtr e) {
        auto* out = static_cast<std::vector<std::string>*>(ctx);
        if (out->size() < 20) out->push_back("line " + std::to_string(e->line) + ": " + e->message);
      },
      &errors);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "return.xml", nullptr,
                                XML_PARSE_NONET);
  if (doc == nullptr) {
    errors.push_back("not well-formed XML");
  } else {
    xmlSchemaValidateDoc(vctx, doc);
    xmlFreeDoc(doc);
  }
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  xmlSchemaFreeParserCtxt(pctx);
  return errors;
}

std::map<std::string, double> Headline(int year) {
  std::map<std::string, double> out;
  for (const Figure& f : MeasureYear(Walsall().sink, year)) out[f.measure] = f.Value();
  return out;
}

TEST(CinCensusBuild, MatchesTheSchemaAndTheMeasuredFigures) {
  const int year = Walsall().summary.last_year;
  auto census = cin::Build(Walsall().sink, {year, "335", "2026-05-01T09:00:00"});
  ASSERT_TRUE(census.ok()) << census.status().ToString();
  ASSERT_GT(census->children.size(), 200u);

  const Date from = cin::CollectionStart(year), to = cin::CollectionEnd(year);
  int referrals = 0, cp_open = 0, cp_started = 0, s47 = 0;
  std::set<std::string> ids;
  for (const cin::Child& c : census->children) {
    EXPECT_TRUE(ids.insert(c.la_child_id).second) << "child twice: " << c.la_child_id;
    ASSERT_FALSE(c.episodes.empty());
    EXPECT_NE(c.upn.empty(), c.upn_unknown.empty()) << c.la_child_id;
    for (const cin::Episode& e : c.episodes) {
      const Date referred = *Date::Parse(e.referral_date);
      EXPECT_LE(referred, to);
      if (referred >= from) ++referrals;
      if (!e.closure_date.empty()) {
        EXPECT_GE(*Date::Parse(e.closure_date), from) << c.la_child_id;
        EXPECT_LE(*Date::Parse(e.closure_date), to) << c.la_child_id;
        EXPECT_FALSE(e.closure_reason.empty());
      }
      for (const cin::Section47& s : e.enquiries) {
        if (*Date::Parse(s.start) >= from) ++s47;
        if (!s.icpc.empty()) {
          EXPECT_LE(*Date::Parse(s.icpc), to);
        }
      }
      for (const cin::ProtectionPlan& p : e.cp_plans) {
        if (p.end.empty()) ++cp_open;
        if (*Date::Parse(p.start) >= from) ++cp_started;
        EXPECT_GE(*Date::Parse(p.start), referred);
        for (const std::string& r : p.reviews) EXPECT_LE(*Date::Parse(r), to);
      }
      for (const cin::Assessment& a : e.assessments) {
        if (a.authorised.empty()) {
          EXPECT_TRUE(a.factors.empty());
        }
      }
    }
  }
  const auto measured = Headline(year);
  EXPECT_EQ(referrals, measured.at("referrals"));
  EXPECT_EQ(cp_open, measured.at("cpp_at_31_march"));
  EXPECT_EQ(cp_started, measured.at("cpp_started"));
  EXPECT_EQ(s47, measured.at("s47_count"));

  std::ostringstream xml;
  cin::WriteXml(*census, xml);
  EXPECT_EQ(SchemaErrors(xml.str(), "CIN_schema_2026.xsd"), std::vector<std::string>{});
  // The 2023/24 form carries GenderCurrent instead of Sex.
  census->collection_year = 2024;
  std::ostringstream old;
  cin::WriteXml(*census, old);
  EXPECT_NE(old.str().find("<GenderCurrent>"), std::string::npos);
  EXPECT_EQ(SchemaErrors(old.str(), "CIN_schema_2024.xsd"), std::vector<std::string>{});
}

TEST(CinCensusBuild, WritesTheSameBytesTwice) {
  const int year = Walsall().summary.last_year;
  std::ostringstream a, b;
  cin::WriteXml(*cin::Build(Walsall().sink, {year, "335", "2026-05-01T09:00:00"}), a);
  cin::WriteXml(*cin::Build(Walsall().sink, {year, "335", "2026-05-01T09:00:00"}), b);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_FALSE(cin::Build(Walsall().sink, {1999, "335", ""}).ok());
}

TEST(CinCensusXml, EscapesTextAndLeavesAbsentElementsOut) {
  cin::Census census;
  census.collection_year = 2026;
  census.header.year = "2026";
  census.header.lea = "335";
  cin::Child c;
  c.la_child_id = "A<&>B";
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.episodes.push_back({});
  c.episodes[0].referral_date = "2025-06-01";
  c.episodes[0].source = "1A";
  c.episodes[0].nfa = "1";
  census.children.push_back(c);
  std::ostringstream out;
  cin::WriteXml(census, out);
  const std::string xml = out.str();
  EXPECT_NE(xml.find("<LAchildID>A&lt;&amp;&gt;B</LAchildID>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<UPN>"), std::string::npos);
  EXPECT_EQ(xml.find("<Disabilities>"), std::string::npos);
  EXPECT_NE(xml.find("<ReferralNFA>1</ReferralNFA>"), std::string::npos);
}

TEST(Ssda903Build, MatchesTheSchemaAndTheMeasuredFigures) {
  const int year = Walsall().summary.last_year;
  auto ret = ssda903::Build(Walsall().sink, {year});
  ASSERT_TRUE(ret.ok()) << ret.status().ToString();
  const auto& T = ret->tables;
  ASSERT_GT(T[ssda903::kEpisodes].size(), 50u);
  std::set<std::string> header_children;
  for (const auto& row : T[ssda903::kHeader]) {
    EXPECT_TRUE(header_children.insert(row[0]).second) << "child twice: " << row[0];
  }
  std::set<std::string> open_at_31_march;
  int started = 0;
  const Date from = Date::FromCivil(year - 1, 4, 1), to = Date::FromCivil(year, 3, 31);
  for (const auto& row : T[ssda903::kEpisodes]) {
    ASSERT_EQ(row.size(), ssda903::Spec(ssda903::kEpisodes).columns.size());
    EXPECT_TRUE(header_children.count(row[0])) << row[0];
    const Date decom = *Date::ParseUk(row[1]);
    EXPECT_LE(decom, to);
    if (row[7].empty()) {
      open_at_31_march.insert(row[0]);
      EXPECT_TRUE(row[8].empty());
    } else {
      EXPECT_GE(*Date::ParseUk(row[7]), from);
      EXPECT_LE(*Date::ParseUk(row[7]), to);
      EXPECT_FALSE(row[8].empty());
    }
    if (row[2] == "S" && decom >= from) ++started;
  }
  for (ssda903::TableId t :
       {ssda903::kReviews, ssda903::kMissing, ssda903::kOc2, ssda903::kSwEpisodes}) {
    for (const auto& row : T[t]) EXPECT_TRUE(header_children.count(row[0])) << row[0];
  }
  EXPECT_GT(T[ssda903::kReviews].size(), 0u);
  EXPECT_GT(T[ssda903::kOc2].size(), 0u);
  EXPECT_GT(T[ssda903::kOc3].size(), 0u);
  EXPECT_GT(T[ssda903::kSwEpisodes].size(), 0u);
  // Every child starting care in the year says whether it had a permanence order before.
  std::set<std::string> starters, asked;
  for (const auto& row : T[ssda903::kEpisodes]) {
    if (row[2] == "S" && *Date::ParseUk(row[1]) >= from) starters.insert(row[0]);
  }
  for (const auto& row : T[ssda903::kPrevPerm]) asked.insert(row[0]);
  EXPECT_EQ(starters, asked);
  const auto measured = Headline(year);
  EXPECT_EQ(static_cast<double>(open_at_31_march.size()), measured.at("cla_at_31_march"));
  EXPECT_EQ(started, measured.at("cla_started"));

  std::ostringstream xml;
  ssda903::WriteXml(*ret, xml);
  // CLA.xsd predates the 2025/26 placement codes Z11-Z14, three characters long: that facet
  // is the one difference allowed.
  std::vector<std::string> errors;
  for (const std::string& e : SchemaErrors(xml.str(), "CLA.xsd")) {
    if (e.find("Element 'PL': [facet 'maxLength'] The value has a length of '3'") ==
        std::string::npos) {
      errors.push_back(e);
    }
  }
  EXPECT_EQ(errors, std::vector<std::string>{});
  std::ostringstream csv;
  ssda903::WriteCsv(*ret, ssda903::kEpisodes, csv);
  const std::string text = csv.str();
  EXPECT_EQ(text.rfind("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,", 0), 0u);
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')),
            T[ssda903::kEpisodes].size() + 1);
}

TEST(Ssda903Csv, QuotesCellsThatNeedIt) {
  ssda903::Return ret;
  ret.tables[ssda903::kOc3].push_back({"C1", "01/02/2005", "YES", "a,b", "say \"hi\""});
  std::ostringstream out;
  ssda903::WriteCsv(ret, ssda903::kOc3, out);
  EXPECT_EQ(out.str(),
            "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/02/2005,YES,\"a,b\",\"say \"\"hi\"\"\"\n");
}

}  // namespace
}  // namespace sg

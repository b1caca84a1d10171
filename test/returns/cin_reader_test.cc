// Reading CIN census XML: the shipped fixtures, a byte-identical round trip, and bad input of
// every kind reported as findings with a line, never a crash (a small fuzz loop included).

#include "returns/cin_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "returns/cin_census.h"
#include "synth/generator.h"

namespace sg::cin {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SG_TEST_FIXTURES) + "/cin/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Xml(const Census& c) {
  std::ostringstream out;
  WriteXml(c, out);
  return out.str();
}

const Census& Generated() {
  static const Census* c = [] {
    MemorySink sink;
    GenerateOptions o;
    o.like = "Rutland";
    o.years = 1;
    o.burn_in_years = 2;
    o.scale = 1;
    auto s = Generate(o, **ReferenceFigures::Shipped(), sink);
    EXPECT_TRUE(s.ok());
    auto census = Build(sink, {s->last_year, "857", "2025-04-21T09:00:00"});
    EXPECT_TRUE(census.ok());
    return new Census(*census);
  }();
  return *c;
}

TEST(CinReader, ReadsWhatTheWriterWroteByteForByte) {
  const std::string first = Xml(Generated());
  auto read = ReadText(first);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->well_formed);
  EXPECT_TRUE(read->findings.empty()) << read->findings[0].message;
  EXPECT_EQ(read->census.children.size(), Generated().children.size());
  EXPECT_EQ(Xml(read->census), first);
  // Lines point at the elements.
  const Child& c = read->census.children.at(0);
  EXPECT_GT(c.line, 10);
  ASSERT_FALSE(c.episodes.empty());
  EXPECT_GT(c.episodes[0].line, c.line);
}

TEST(CinReader, ReadsTheFixturesAndKeepsTheDraftPreProceedingsBlock) {
  auto r = ReadText(Fixture("CIN_Census_2026.xml"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->well_formed);
  EXPECT_EQ(r->census.collection_year, 2024);  // its ReferenceDate is 2024-03-31
  ASSERT_EQ(r->census.children.size(), 2u);
  const Episode& e = r->census.children[0].episodes.at(0);
  ASSERT_EQ(e.pre_proceedings.size(), 10u);
  EXPECT_EQ(e.pre_proceedings[0],
            (std::pair<std::string, std::string>{"PPStartDate", "2026-09-09"}));
  EXPECT_NE(Xml(r->census).find("<PPOutcome>A</PPOutcome>"), std::string::npos);
  for (const Finding& f : r->findings) {
    EXPECT_EQ(f.message.find("PreProceedingsandFGDM"), std::string::npos) << f.message;
  }
  auto fake = ReadText(Fixture("fake_CIN_data.xml"));
  ASSERT_TRUE(fake.ok());
  EXPECT_EQ(fake->census.children.size(), 332u);
}

TEST(CinReader, GenderCurrentBefore2025AndSexAfter) {
  Census c = Generated();
  c.collection_year = 2024;
  c.header.reference_date = "2024-03-31";
  auto r = ReadText(Xml(c));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->census.collection_year, 2024);
  EXPECT_TRUE(r->findings.empty()) << r->findings[0].message;
  EXPECT_EQ(r->census.children[0].sex, Generated().children[0].sex);
  // A 2024 file checked against the 2026 schema: GenderCurrent is not allowed there.
  auto wrong = ReadText(Xml(c), {2026, true});
  ASSERT_TRUE(wrong.ok());
  ASSERT_FALSE(wrong->findings.empty());
  EXPECT_EQ(wrong->findings[0].rule, "XSD");
  EXPECT_NE(wrong->findings[0].message.find("GenderCurrent"), std::string::npos);
  EXPECT_GT(wrong->findings[0].line, 0);
}

TEST(CinReader, BadInputIsAFindingWithALine) {
  const std::string good = Xml(Generated());
  // Truncated.
  auto cut = ReadText(good.substr(0, good.size() / 2));
  ASSERT_TRUE(cut.ok());
  EXPECT_FALSE(cut->well_formed);
  ASSERT_FALSE(cut->findings.empty());
  EXPECT_EQ(cut->findings.back().rule, "XML");
  EXPECT_GT(cut->findings.back().line, 0);
  // Not XML at all.
  auto junk = ReadText("this is not a census\n\x01\x02\xff");
  ASSERT_TRUE(junk.ok());
  EXPECT_FALSE(junk->well_formed);
  EXPECT_TRUE(junk->census.children.empty());
  // Declared UTF-16 but is not.
  auto enc = ReadText("<?xml version=\"1.0\" encoding=\"UTF-16\"?><Message/>");
  ASSERT_TRUE(enc.ok());
  EXPECT_FALSE(enc->findings.empty());
  // A namespace the schema does not know, and a wrong root.
  std::string ns = good;
  ns.replace(ns.find("<Message>"), 9, "<Message xmlns=\"urn:other\">");
  auto other = ReadText(ns);
  ASSERT_TRUE(other.ok());
  ASSERT_FALSE(other->findings.empty());
  EXPECT_EQ(other->findings[0].rule, "XSD");
  // An unknown code is the rules' business, not the reader's: the value is kept.
  std::string code = good;
  code.replace(code.find("<Ethnicity>") + 11, 4, "QQQQ");
  auto coded = ReadText(code);
  ASSERT_TRUE(coded.ok());
  EXPECT_EQ(coded->census.children[0].ethnicity, "QQQQ");
  // A file that cannot be opened is an I/O error.
  EXPECT_EQ(ReadFile("/nonexistent/census.xml").status().code(), StatusCode::kIoError);
}

// 100 MB of garbage: a finding, not a crash (libxml2 stops at the first fatal error; a hang
// would meet ctest's timeout).
TEST(CinReader, ReturnsPromptlyOnAHundredMegabytesOfGarbage) {
  std::string junk(100u << 20, '\0');
  std::mt19937_64 rng(7);
  for (size_t i = 0; i + 8 <= junk.size(); i += 8) {
    const std::uint64_t v = rng();
    std::memcpy(&junk[i], &v, 8);
  }
  auto r = ReadText(junk);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->well_formed);
  EXPECT_TRUE(r->census.children.empty());
  ASSERT_FALSE(r->findings.empty());
  EXPECT_LE(r->findings.size(), 1000u);
  EXPECT_EQ(r->findings[0].rule, "XML");
}

// Random damage to a valid file: truncations, flipped bytes, deleted ranges. The reader must
// return (well formed or not) without crashing; ASan and UBSan watch it in make test.
TEST(CinReader, SurvivesRandomDamage) {
  const std::string good = Xml(Generated()).substr(0, 20000);
  std::mt19937 rng(12345);
  for (int i = 0; i < 300; ++i) {
    std::string bad = good;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < edits && !bad.empty(); ++k) {
      const size_t at = rng() % bad.size();
      switch (rng() % 3) {
        case 0:
          bad[at] = static_cast<char>(rng() % 256);
          break;
        case 1:
          bad.erase(at, rng() % 40);
          break;
        default:
          bad.resize(at);
          break;
      }
    }
    auto r = ReadText(bad);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_LE(r->findings.size(), 1000u);
  }
}

}  // namespace
}  // namespace sg::cin

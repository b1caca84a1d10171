#include "synth/generator.h"

#include <gtest/gtest.h>

#include "synth/measure.h"
#include "synth/store_sink.h"
#include "test_util.h"

namespace sg {
namespace {

const ReferenceFigures& Figures() {
  auto f = ReferenceFigures::Shipped();
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return **f;
}

GenerateOptions Small(const char* la, std::uint64_t seed) {
  GenerateOptions o;
  o.like = la;
  o.years = 2;
  o.seed = seed;
  o.scale = 0.04;
  o.burn_in_years = 2;
  return o;
}

std::string Dump(const MemorySink& sink) {
  std::string out;
  for (const EntityDesc& e : AllEntities()) {
    for (const Record& r : sink.Of(e.name)) out += RecordToJson(r) + "\n";
  }
  return out;
}

TEST(Generator, TheSameSeedGivesTheSameRecords) {
  MemorySink a, b, c;
  ASSERT_TRUE(Generate(Small("Walsall", 7), Figures(), a).ok());
  ASSERT_TRUE(Generate(Small("Walsall", 7), Figures(), b).ok());
  ASSERT_TRUE(Generate(Small("Walsall", 8), Figures(), c).ok());
  EXPECT_GT(a.Total(), 1000);
  const std::string da = Dump(a);
  EXPECT_EQ(da, Dump(b));
  EXPECT_NE(da, Dump(c));
}

TEST(Generator, UnknownCouncilsAreNamedWithSuggestions) {
  MemorySink sink;
  auto r = Generate(Small("Worcester", 1), Figures(), sink);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "like");
  EXPECT_NE(r.status().message().find("Worcestershire"), std::string::npos) << r.status().message();
  auto bad = Small("Walsall", 1);
  bad.years = 0;
  EXPECT_EQ(Generate(bad, Figures(), sink).status().field(), "years");
}

TEST(Generator, IdentifiersAndAddressesArePlainlySynthetic) {
  MemorySink sink;
  ASSERT_TRUE(Generate(Small("Hackney", 3), Figures(), sink).ok());
  ASSERT_FALSE(sink.Of("child").empty());
  for (const Record& c : sink.Of("child")) {
    EXPECT_EQ(c.GetText("la_child_id").rfind("SYN", 0), 0u);
    const std::string upn = c.GetText("upn");
    if (!upn.empty()) {
      EXPECT_TRUE(IsValidUpn(upn)) << upn;
    }
  }
  for (const Record& a : sink.Of("address")) {
    EXPECT_EQ(a.GetText("postcode").rfind("ZZ", 0), 0u) << a.GetText("postcode");
  }
}

// Generated records go through the store's validation like any other write, and measuring the
// store gives the figures measured in memory.
class GeneratorStore : public ::testing::TestWithParam<std::string> {};

TEST_P(GeneratorStore, StoredRecordsMeasureAsInMemory) {
  testing::TempDir dir;
  FixedClock clock(testing::TestNow());
  auto store = testing::FreshStore(GetParam(), dir, clock);
  ASSERT_NE(store, nullptr);
  auto options = Small("Rutland", 11);
  options.scale = 0.5;
  MemorySink memory;
  auto expected = Generate(options, Figures(), memory);
  ASSERT_TRUE(expected.ok());
  Status s = store->Transaction([&](Store& tx) -> Status {
    StoreSink sink(tx, Actor{1});
    return Generate(options, Figures(), sink).status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  for (const auto& [entity, n] : expected->counts) {
    EXPECT_EQ(*store->Count(Entity(entity)), n) << entity;
  }
  auto loaded = LoadedRecords::Load(*store);
  ASSERT_TRUE(loaded.ok());
  for (int year = expected->first_year; year <= expected->last_year; ++year) {
    const auto a = MeasureYear(memory, year);
    const auto b = MeasureYear(*loaded, year);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].numerator, b[i].numerator) << a[i].measure << " " << year;
      EXPECT_EQ(a[i].denominator, b[i].denominator) << a[i].measure << " " << year;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, GeneratorStore, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

TEST(ReferenceFigures, ParsesPublishedNumbersAndSuppression) {
  EXPECT_EQ(ParsePublished("1,234"), 1234);
  EXPECT_EQ(ParsePublished("12.5"), 12.5);
  for (const char* marker : {"c", "x", "z", "low", "u", "k", ""}) {
    EXPECT_FALSE(ParsePublished(marker).has_value()) << marker;
  }
  EXPECT_FALSE(ReferenceFigures::FromCsv("a,b\n1,2\n").ok());
}

TEST(ReferenceFigures, ShippedFiguresHaveTheSeedCouncils) {
  const ReferenceFigures& f = Figures();
  auto worcs = f.FindArea("worcestershire");
  ASSERT_TRUE(worcs.ok());
  EXPECT_EQ((*worcs)->la_code, "885");
  EXPECT_EQ(f.Value(**worcs, 2025, "referrals"), 4805);
  EXPECT_EQ((*f.FindArea("885"))->name, "Worcestershire");
  // Two councils have been called Dorset: the name means the current one.
  EXPECT_EQ((*f.FindArea("Dorset"))->la_code, "838");
  EXPECT_EQ(f.England().name, "England");
  EXPECT_GT(f.LocalAuthorities().size(), 150u);
}

}  // namespace
}  // namespace sg

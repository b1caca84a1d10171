// Returns written straight from generated councils: planted faults are real faults of the
// kind the manifest says, files are byte-identical from run to run, and England is generated
// council by council with the same files whatever the number of threads.

#include "synth/returns_output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/code_list.h"
#include "model/record.h"
#include "synth/councils.h"
#include "synth/inject.h"
#include "test_util.h"

namespace sg {
namespace {

namespace fs = std::filesystem;

const ReferenceFigures& Figures() { return **ReferenceFigures::Shipped(); }

GenerateOptions Small(const char* like) {
  GenerateOptions o;
  o.like = like;
  o.years = 2;
  o.seed = 5;
  o.scale = 0.05;
  o.burn_in_years = 2;
  return o;
}

struct Generated {
  MemorySink sink{ReturnEntities()};
  GenerationSummary summary;
};

const Generated& Hackney() {
  static const Generated* g = [] {
    auto* out = new Generated;
    auto s = Generate(Small("Hackney"), Figures(), out->sink);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    out->summary = *s;
    return out;
  }();
  return *g;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file under `dir`, by relative path.
std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = Slurp(e.path());
  }
  return out;
}

bool Known(CodeListId list, const std::string& code) { return FindCode(list, code) != nullptr; }

std::optional<Date> Iso(const std::string& s) {
  auto d = Date::Parse(s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

TEST(FaultInjector, EveryPlantedFaultIsARealFaultOfItsKind) {
  const int year = Hackney().summary.last_year;
  auto census = cin::Build(Hackney().sink, {year, "204", "2025-04-21T09:00:00"});
  ASSERT_TRUE(census.ok());
  const cin::Census clean = *census;
  std::vector<Fault> faults;
  FaultInjector(1.0, 9).Inject(*census, "cin.xml", faults);
  // Rate 1: one fault per child.
  ASSERT_EQ(faults.size(), census->children.size());
  std::map<std::string, const cin::Child*> by_id;
  for (const cin::Child& c : census->children) by_id[c.la_child_id] = &c;
  std::map<std::string, int> kinds;
  for (const Fault& f : faults) {
    ++kinds[f.kind];
    EXPECT_NE(f.original, f.injected) << f.child << " " << f.field;
    EXPECT_FALSE(f.rules.empty());
    const cin::Child& c = *by_id.at(f.child);
    const std::string where = f.child + " " + f.location + " " + f.field;
    // The episode the location names, if any: "CINdetails[2]/..." -> 1.
    const cin::Episode* e = nullptr;
    if (f.location.rfind("CINdetails[", 0) == 0) {
      e = &c.episodes.at(std::stoul(f.location.substr(11)) - 1);
    }
    if (f.field == "Ethnicity") {
      EXPECT_FALSE(Known(CodeListId::kEthnicity, c.ethnicity)) << where;
    } else if (f.field == "UPN") {
      EXPECT_EQ(c.upn.size(), 13u);
      EXPECT_FALSE(IsValidUpn(c.upn)) << where;
    } else if (f.kind == "missing_date") {
      EXPECT_TRUE(e->referral_date.empty()) << where;
    } else if (f.field == "ReferralSource") {
      EXPECT_FALSE(Known(CodeListId::kReferralSource, e->source)) << where;
    } else if (f.kind == "closure_before_referral") {
      EXPECT_LT(*Iso(e->closure_date), *Iso(e->referral_date)) << where;
    } else if (f.kind == "overlapping_episodes") {
      const size_t i = static_cast<size_t>(e - c.episodes.data());
      EXPECT_GT(*Iso(e->closure_date), *Iso(c.episodes.at(i + 1).referral_date)) << where;
    } else if (f.kind == "plan_ends_before_start") {
      const auto& p = e->plans.at(std::stoul(f.location.substr(f.location.find("Dates[") + 6)) - 1);
      EXPECT_LT(*Iso(p.end), *Iso(p.start)) << where;
    } else if (f.field == "InitialCategoryOfAbuse") {
      const size_t k = std::stoul(f.location.substr(f.location.find("Plans[") + 6)) - 1;
      EXPECT_FALSE(Known(CodeListId::kCategoryOfAbuse, e->cp_plans.at(k).initial_category));
    } else {
      ADD_FAILURE() << "unchecked fault kind " << f.kind;
    }
  }
  // Each child was faulted once: the others are as built.
  EXPECT_EQ(census->children.size(), clean.children.size());
  EXPECT_GE(kinds.size(), 5u);

  // The 903: the same, on the CSV tables.
  auto ret = ssda903::Build(Hackney().sink, {year});
  ASSERT_TRUE(ret.ok());
  std::vector<Fault> more;
  FaultInjector(1.0, 9).Inject(*ret, "ssda903", more);
  EXPECT_EQ(more.size(), ret->tables[ssda903::kHeader].size());
  for (const Fault& f : more) {
    const size_t row = std::stoul(f.location.substr(4)) - 2;  // "row N", N a file line
    const bool header = f.file == "ssda903/header.csv";
    const auto& cells = ret->tables[header ? ssda903::kHeader : ssda903::kEpisodes].at(row);
    EXPECT_EQ(cells[0], f.child);
    const std::string value = cells[static_cast<size_t>(
        ssda903::ColumnIndex(header ? ssda903::kHeader : ssda903::kEpisodes, f.field))];
    EXPECT_EQ(value, f.injected) << f.kind;
    if (f.kind == "episode_ends_before_start") {
      EXPECT_LT(*Date::ParseUk(value), *Date::ParseUk(cells[1]));
    } else if (f.kind == "upn_form") {
      EXPECT_FALSE(IsValidUpn(value));
      EXPECT_EQ(value[0], 'I');
    } else if (f.kind == "wrong_code") {
      EXPECT_FALSE(Known(CodeListId::kPlacementType, value));
    }
  }
}

TEST(FaultInjector, PlantsAboutTheRateAskedAndAManifestLinePerFault) {
  const int year = Hackney().summary.last_year;
  auto census = cin::Build(Hackney().sink, {year, "204", ""});
  std::vector<Fault> faults;
  FaultInjector(0.1, 3).Inject(*census, "cin.xml", faults);
  const double n = static_cast<double>(census->children.size());
  EXPECT_NEAR(static_cast<double>(faults.size()), 0.1 * n, 4 * std::sqrt(0.09 * n));
  std::ostringstream manifest;
  WriteFaultManifest(faults, manifest);
  const std::string text = manifest.str();
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), faults.size() + 1);
  EXPECT_EQ(text.rfind("file,child,location,field,fault,original,injected,expected_rules\n", 0),
            0u);
  std::vector<Fault> none;
  FaultInjector(0.0, 3).Inject(*census, "cin.xml", none);
  EXPECT_TRUE(none.empty());
}

TEST(WriteReturns, SameSeedSameBytes) {
  testing::TempDir a, b;
  ReturnsOptions o;
  o.inject_rate = 0.05;
  o.seed = 5;
  o.dir = a.path();
  auto wa = WriteReturns(Hackney().sink, Hackney().summary, o);
  ASSERT_TRUE(wa.ok()) << wa.status().ToString();
  o.dir = b.path();
  ASSERT_TRUE(WriteReturns(Hackney().sink, Hackney().summary, o).ok());
  const auto files = Files(a.path());
  EXPECT_EQ(files, Files(b.path()));
  // Two years: a census, 12 tables (DoLo's empty) and the 903 XML each, and the manifest.
  EXPECT_EQ(files.size(), 2 * 14 + 1u);
  EXPECT_TRUE(
      files.count("cin_census_" + cin::CollectionLabel(Hackney().summary.last_year) + ".xml"));
  EXPECT_TRUE(files.count("ssda903_2024-25/episodes.csv"));
  EXPECT_GT(wa->faults.size(), 0u);
  EXPECT_EQ(wa->files.back(), "faults.csv");
}

TEST(Councils, EnglandIsEveryCurrentCouncilAndARegionItsOwn) {
  auto england = CouncilsFor("England", Figures());
  ASSERT_TRUE(england.ok());
  EXPECT_GE(england->size(), 150u);
  EXPECT_LE(england->size(), 155u);
  std::set<std::string> codes;
  for (const Area* a : *england) {
    EXPECT_TRUE(codes.insert(a->la_code).second) << a->la_code;
    EXPECT_EQ(a->level, "Local authority");
  }
  auto north_east = CouncilsFor("North East", Figures());
  ASSERT_TRUE(north_east.ok());
  EXPECT_EQ(north_east->size(), 12u);
  for (const Area* a : *north_east) EXPECT_EQ(a->region, "North East");
  auto one = CouncilsFor("Rutland", Figures());
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_NE(CouncilSeed(42, *england->at(0)), CouncilSeed(42, *england->at(1)));
}

TEST(Councils, ARegionComesOutTheSameWithOneThreadOrTwo) {
  testing::TempDir one, two;
  CouncilsOptions o;
  o.options.like = "North East";
  o.options.years = 1;
  o.options.burn_in_years = 1;
  o.options.scale = 0.01;
  o.inject_rate = 0.02;
  o.out = one.path();
  o.jobs = 1;
  auto a = GenerateCouncils(o, Figures(), nullptr);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  o.out = two.path();
  o.jobs = 2;
  auto b = GenerateCouncils(o, Figures(), nullptr);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(a->size(), 12u);
  const auto files = Files(one.path());
  EXPECT_EQ(files, Files(two.path()));
  // One folder per council, named by its LA code; child ids carry the code.
  const std::string& first = (*a)[0].summary.area->la_code;
  const std::string census =
      files.at(first + "/cin_census_" + cin::CollectionLabel((*a)[0].summary.last_year) + ".xml");
  EXPECT_NE(census.find("<LAchildID>SYN" + first), std::string::npos);
}

}  // namespace
}  // namespace sg

#include "model/code_list.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace sg {
namespace {

TEST(CodeLists, EveryListIsNamedAndHasDistinctCodes) {
  std::set<std::string_view> names;
  size_t index = 0;
  for (const CodeList& l : AllCodeLists()) {
    EXPECT_EQ(static_cast<size_t>(l.id), index++);
    EXPECT_TRUE(names.insert(l.name).second) << l.name;
    EXPECT_FALSE(l.entries.empty()) << l.name;
    EXPECT_FALSE(l.source.empty()) << l.name;
    std::set<std::string_view> codes;
    for (const CodeEntry& e : l.entries) {
      EXPECT_TRUE(codes.insert(e.code).second) << l.name << " repeats " << e.code;
      EXPECT_FALSE(e.label.empty()) << l.name << " " << e.code;
    }
  }
  EXPECT_EQ(index, static_cast<size_t>(CodeListId::kCount));
}

TEST(CodeLists, DfeListsHaveTheCodesOfTheCollection) {
  EXPECT_NE(FindCode(CodeListId::kEthnicity, "WBRI"), nullptr);
  EXPECT_NE(FindCode(CodeListId::kEthnicity, "NOBT"), nullptr);
  EXPECT_EQ(FindCode(CodeListId::kEthnicity, "wbri"), nullptr);  // case-sensitive
  EXPECT_EQ(GetCodeList(CodeListId::kPrimaryNeed).entries.size(), 10u);
  EXPECT_EQ(GetCodeList(CodeListId::kCinClosureReason).entries.size(), 9u);
  EXPECT_EQ(GetCodeList(CodeListId::kCategoryOfAbuse).entries.size(), 5u);
  EXPECT_EQ(GetCodeList(CodeListId::kLegalStatus).entries.size(), 13u);
  EXPECT_NE(FindCode(CodeListId::kPlacementType, "K3"), nullptr);   // added 2024/25
  EXPECT_NE(FindCode(CodeListId::kPlacementType, "Z11"), nullptr);  // added 2025/26
  EXPECT_NE(FindCode(CodeListId::kReferralSource, "10"), nullptr);
  EXPECT_EQ(FindCode(CodeListId::kReferralSource, "11"), nullptr);
}

TEST(CodeLists, FindByName) {
  const CodeList* l = FindCodeListByName("referral_source");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->id, CodeListId::kReferralSource);
  EXPECT_EQ(FindCodeListByName("nope"), nullptr);
}

}  // namespace
}  // namespace sg

namespace sg {
namespace {

TEST(Coded, TypedCodesKnowTheirList) {
  auto ls = LegalStatus::Of("C2");
  ASSERT_TRUE(ls.has_value());
  EXPECT_EQ(ls->code(), "C2");
  EXPECT_FALSE(ls->label().empty());
  EXPECT_FALSE(LegalStatus::Of("U1").has_value());  // a placement code, not a legal status
  EXPECT_TRUE(PlacementType::Of("U1").has_value());
  EXPECT_EQ(*CategoryOfAbuse::Of("NEG"), *CategoryOfAbuse::Of("NEG"));
  EXPECT_FALSE(*CategoryOfAbuse::Of("NEG") == *CategoryOfAbuse::Of("PHY"));
}

}  // namespace
}  // namespace sg

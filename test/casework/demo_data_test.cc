#include "casework/demo_data.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace sg {
namespace {

class DemoData : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoData, BuildsTheDemoLaWithALoginPerRole) {
  testing::TempDir dir;
  FixedClock clock(testing::TestNow());
  auto store = testing::FreshStore(GetParam(), dir, clock);
  ASSERT_NE(store, nullptr);
  auto logins = CreateDemoLa(*store, clock, FastAuthOptionsForTests());
  ASSERT_TRUE(logins.ok()) << logins.status().ToString();
  EXPECT_EQ(logins->size(), GetCodeList(CodeListId::kRole).entries.size());
  EXPECT_GE(*store->Count(Entity("child")), 8);
  EXPECT_GE(*store->Count(Entity("cp_plan")), 1);
  // Every table of the record has at least one demo row.
  for (const EntityDesc& e : AllEntities()) {
    EXPECT_GE(*store->Count(e), 1) << e.name;
  }
  Auth auth(*store, clock, FastAuthOptionsForTests());
  for (const DemoLogin& l : *logins) {
    auto login = auth.Login(l.username, l.password);
    EXPECT_TRUE(login.ok()) << l.username;
    if (login.ok()) {
      EXPECT_EQ(login->user.role, l.role);
    }
  }
  // A second run refuses to mix demo data into a populated store.
  auto again = CreateDemoLa(*store, clock, FastAuthOptionsForTests());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoData, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sg

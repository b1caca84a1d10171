#include "http/records_io.h"

#include <gtest/gtest.h>

#include <sstream>

#include "casework/demo_data.h"
#include "test_util.h"

namespace sg {
namespace {

class RecordsIo : public ::testing::TestWithParam<std::string> {};

// Export from one backend, import into a fresh store of the same backend: the same records,
// the same references, new ids.
TEST_P(RecordsIo, ExportImportRoundTrip) {
  testing::TempDir dir;
  FixedClock clock(testing::TestNow());
  auto source = testing::FreshStore(GetParam(), dir, clock);
  ASSERT_NE(source, nullptr);
  ASSERT_TRUE(CreateDemoLa(*source, clock, FastAuthOptionsForTests()).ok());
  std::stringstream file;
  auto exported = ExportRecords(*source, file);
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_GT(exported->records, 50);

  auto target = testing::FreshStore(GetParam(), dir, clock);
  ASSERT_NE(target, nullptr);
  std::stringstream in(file.str());
  auto imported = ImportRecords(*target, in, "export.jsonl", Actor{1});
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->records, exported->records);
  for (const EntityDesc& e : AllEntities()) {
    EXPECT_EQ(*target->Count(e), Exported(e) ? *source->Count(e) : 0) << e.name;
  }
  std::stringstream again;
  ASSERT_TRUE(ExportRecords(*target, again).ok());
  EXPECT_EQ(again.str().size(), file.str().size());
}

TEST_P(RecordsIo, AFaultyLineImportsNothingAndNamesTheLine) {
  testing::TempDir dir;
  FixedClock clock(testing::TestNow());
  auto store = testing::FreshStore(GetParam(), dir, clock);
  ASSERT_NE(store, nullptr);
  std::stringstream in(
      R"({"entity":"child","record":{"id":5,"la_child_id":"A","first_name":"A","last_name":"B","date_of_birth":"2015-01-01"}})"
      "\n"
      R"({"entity":"contact","record":{"child_id":5,"received_at":"2026-01-01T10:00:00Z","source":"2A","concern":"x"}})"
      "\n"
      R"({"entity":"contact","record":{"child_id":5,"received_at":"2026-01-01T10:00:00Z","source":"ZZ","concern":"x"}})"
      "\n");
  auto r = ImportRecords(*store, in, "bad.jsonl", Actor{1});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.jsonl:3"), std::string::npos) << r.status().message();
  EXPECT_EQ(r.status().field(), "source");
  EXPECT_EQ(*store->Count(Entity("child")), 0);
  EXPECT_EQ(*store->Count(Entity("contact")), 0);

  std::stringstream dangling(
      R"({"entity":"contact","record":{"child_id":77,"received_at":"2026-01-01T10:00:00Z","source":"2A","concern":"x"}})"
      "\n");
  auto d = ImportRecords(*store, dangling, "d.jsonl", Actor{1});
  EXPECT_EQ(d.status().field(), "child_id");
  EXPECT_NE(d.status().message().find("not earlier in the file"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordsIo, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sg

// The access log: appended in order and chained, read by child or user, refused any change by
// the engine, and a change made behind the engine's back (triggers dropped) found by
// VerifyAccessLog at the entry changed; on each backend.

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <thread>

#include "storage/access_recorder.h"
#include "storage/database.h"
#include "storage/store.h"
#include "test_util.h"

namespace sg {
namespace {

class AccessLog : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    location_ = testing::FreshLocation(GetParam(), dir_);
    auto s = OpenAndMigrate(location_, clock_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  AccessEntry Entry(const char* action, std::optional<Id> child, const char* reason = "") {
    AccessEntry e;
    e.at = clock_.Now();
    e.user_id = 1;
    e.username = "system";
    e.role = "ADMIN";
    e.action = action;
    e.entity = "child";
    e.record_id = child;
    e.child_id = child;
    e.reason = reason;
    e.request = "GET /api/children/{id}";
    return e;
  }

  // Runs SQL on the store behind its back (another connection).
  void Raw(const std::string& sql) {
    auto db = OpenDatabase(location_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Status s = (*db)->ExecuteScript(sql);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::string location_;
  std::unique_ptr<Store> store_;
};

TEST_P(AccessLog, AppendsInOrderChainedAndReadsByChild) {
  std::vector<AccessEntry> first = {Entry("read", 7), Entry("read", 8)};
  ASSERT_TRUE(store_->AppendAccess(first).ok());
  EXPECT_EQ(first[0].id, 1);
  EXPECT_EQ(first[1].id, 2);
  EXPECT_EQ(first[1].prev_hash, first[0].hash);
  EXPECT_EQ(first[0].hash.size(), 64u);
  clock_.Advance(60);
  std::vector<AccessEntry> second = {Entry("break_glass", 7, "Out of hours strategy discussion")};
  ASSERT_TRUE(store_->AppendAccess(second).ok());
  EXPECT_EQ(second[0].id, 3);
  EXPECT_EQ(second[0].prev_hash, first[1].hash);

  AccessQuery q;
  q.child_id = 7;
  auto seven = store_->ReadAccess(q);
  ASSERT_TRUE(seven.ok()) << seven.status().ToString();
  ASSERT_EQ(seven->size(), 2u);
  EXPECT_EQ((*seven)[1].action, "break_glass");
  EXPECT_EQ((*seven)[1].reason, "Out of hours strategy discussion");
  EXPECT_EQ((*seven)[1].at, testing::TestNow().AddSeconds(60));
  EXPECT_EQ((*seven)[1].hash, second[0].hash);

  auto check = store_->VerifyAccessLog();
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->intact) << check->problem;
  EXPECT_EQ(check->entries, 3);
}

TEST_P(AccessLog, TheEngineRefusesChanges) {
  std::vector<AccessEntry> e = {Entry("read", 7)};
  ASSERT_TRUE(store_->AppendAccess(e).ok());
  auto db = OpenDatabase(location_);
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->Execute("UPDATE access_log SET username = 'someone else'", {}).ok());
  EXPECT_FALSE((*db)->Execute("DELETE FROM access_log", {}).ok());
  auto check = store_->VerifyAccessLog();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact);
}

TEST_P(AccessLog, TamperingBehindTheEnginesBackIsFound) {
  std::vector<AccessEntry> e = {Entry("read", 7), Entry("read", 8), Entry("read", 9)};
  ASSERT_TRUE(store_->AppendAccess(e).ok());
  // Someone with the database's owner rights drops the guard and rewrites entry 2.
  if (GetParam() == "sqlite") {
    Raw("DROP TRIGGER access_log_no_update; UPDATE access_log SET child_id = 99 WHERE id = 2;");
  } else {
    Raw("ALTER TABLE access_log DISABLE TRIGGER USER; "
        "UPDATE access_log SET child_id = 99 WHERE id = 2;");
  }
  auto check = store_->VerifyAccessLog();
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_FALSE(check->intact);
  EXPECT_EQ(check->first_bad, 2);
  EXPECT_NE(check->problem.find("changed"), std::string::npos) << check->problem;
}

TEST_P(AccessLog, ARemovedEntryIsFound) {
  std::vector<AccessEntry> e = {Entry("read", 7), Entry("read", 8), Entry("read", 9)};
  ASSERT_TRUE(store_->AppendAccess(e).ok());
  if (GetParam() == "sqlite") {
    Raw("DROP TRIGGER access_log_no_delete; DELETE FROM access_log WHERE id = 2;");
  } else {
    Raw("ALTER TABLE access_log DISABLE TRIGGER USER; DELETE FROM access_log WHERE id = 2;");
  }
  auto check = store_->VerifyAccessLog();
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->intact);
  EXPECT_EQ(check->first_bad, 3);
  EXPECT_NE(check->problem.find("missing"), std::string::npos) << check->problem;
}

// Eight threads record 50 reads each: every entry is in the log once, the chain is intact, and
// threads arriving while a batch was written shared the next commit.
TEST_P(AccessLog, TheRecorderGroupsConcurrentEntriesAndLosesNone) {
  AccessRecorder recorder(*store_);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Status s = recorder.Record({Entry("read", 1000 * t + i)});
        EXPECT_TRUE(s.ok()) << s.ToString();
      }
    });
  }
  for (auto& th : threads) th.join();
  AccessQuery q;
  q.limit = 10000;
  auto all = store_->ReadAccess(q);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 400u);
  std::set<Id> children;
  for (const auto& e : *all) children.insert(*e.child_id);
  EXPECT_EQ(children.size(), 400u);
  auto check = store_->VerifyAccessLog();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact) << check->problem;
  EXPECT_LE(recorder.batches(), 400u);
  std::printf("[ recorder ] 400 entries from 8 threads in %llu commits\n",
              static_cast<unsigned long long>(recorder.batches()));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessLog, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace sg

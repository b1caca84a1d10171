// The storage conformance suite: every test runs against SQLite and against PostgreSQL (when
// $SG_TEST_PG_URL names a server, which `make test` always arranges).

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "model/record.h"
#include "storage/migrations.h"
#include "storage/store.h"
#include "test_util.h"

namespace sg {
namespace {

using testing::FreshStore;
using testing::TempDir;
using testing::TestNow;

class StoreConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = FreshStore(GetParam(), dir_, clock_);
    ASSERT_NE(store_, nullptr);
  }

  Record ChildRecord(const std::string& la_id) {
    Record r(Entity("child"));
    r.Set("la_child_id", la_id);
    r.Set("first_name", std::string("Test"));
    r.Set("last_name", std::string("Child"));
    r.Set("date_of_birth", *Date::Parse("2016-01-01"));
    return r;
  }

  Id NewChild(const std::string& la_id) {
    auto r = store_->Create(ChildRecord(la_id), Actor{});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id() : 0;
  }

  Record ContactFor(Id child, const std::string& when) {
    Record c(Entity("contact"));
    c.Set("child_id", child);
    c.Set("received_at", *Timestamp::Parse(when));
    c.Set("source", std::string("2A"));
    c.Set("concern", std::string("a concern"));
    return c;
  }

  TempDir dir_;
  FixedClock clock_{TestNow()};
  std::unique_ptr<Store> store_;
};

TEST_P(StoreConformance, ReportsBackendAndSchema) {
  auto version = store_->BackendVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->rfind(GetParam() == "sqlite" ? "SQLite" : "PostgreSQL", 0), 0u) << *version;
  std::cout << "[ backend  ] " << *version << "\n";
  EXPECT_EQ(*store_->SchemaVersion(), LatestSchemaVersion());
}

// Builds a record of `e` with every field filled (except the second of an either/or pair), so
// that each column of each table is written and read back. References are satisfied by
// creating the referenced records first, all for one child.
class RecordFactory {
 public:
  RecordFactory(Store& store) : store_(store) {}

  Result<Record> Build(const EntityDesc& e) {
    // A self-reference (an audit moderating another) points at a record built first, whose
    // own self-references are left empty.
    const bool nested = !building_.insert(e.name).second;
    struct Done {
      std::set<std::string_view>& set;
      std::string_view name;
      bool nested;
      ~Done() {
        if (!nested) set.erase(name);
      }
    } done{building_, e.name, nested};
    Record r(e);
    for (size_t i = 0; i < e.fields.size(); ++i) {
      const FieldDesc& f = e.fields[i];
      Value& v = r.values()[i];
      switch (f.type) {
        case FieldType::kText:
          if (f.check == Check::kUpn) {
            const std::string body = "80120000" + Pad(++serial_, 4);
            v = std::string(1, UpnCheckLetter(body)) + body;
          } else if (f.check == Check::kPostcode) {
            v = std::string("ZZ1 1ZZ");
          } else if (f.check == Check::kUrn) {
            v = std::string("SC123456");
          } else {
            std::string text = std::string(f.name).substr(0, 2) + Pad(++serial_, 1);
            if (f.max > 0 && text.size() > static_cast<size_t>(f.max)) {
              text = text.substr(text.size() - static_cast<size_t>(f.max));
            }
            v = text;
          }
          break;
        case FieldType::kCode:
          v = std::string(GetCodeList(f.code_list).entries.back().code);
          break;
        case FieldType::kCodeSet:
          v = CodeSet{std::string(GetCodeList(f.code_list).entries[0].code),
                      std::string(GetCodeList(f.code_list).entries.back().code)};
          break;
        case FieldType::kInt:
          v = std::int64_t{f.min < f.max ? f.max : 7};
          // Account ids (who may see a restricted record, who broke the glass): the system
          // account, the one user every store has.
          if (f.name == "user_id" || f.name == "reviewed_by") v = std::int64_t{1};
          break;
        case FieldType::kReal:
          v = f.min < f.max ? 0.5 * static_cast<double>(f.max) : 2.25;
          break;
        case FieldType::kBool:
          v = true;
          break;
        case FieldType::kDate:
          v = *Date::Parse("2025-01-01");
          break;
        case FieldType::kTimestamp:
          v = *Timestamp::Parse("2025-01-01T09:30:15Z");
          break;
        case FieldType::kRef: {
          if (f.ref_entity == e.name && nested) break;
          SG_ASSIGN_OR_RETURN(Id id, IdOf(Entity(f.ref_entity)));
          v = id;
          break;
        }
      }
    }
    for (const CrossRule& rule : e.rules) {
      if (rule.kind == RuleKind::kExactlyOneOf || rule.kind == RuleKind::kAtMostOneOf) {
        r.Set(rule.b, Value{});
      }
    }
    return r;
  }

  // The id of a stored record of `e`, creating one on first use.
  Result<Id> IdOf(const EntityDesc& e) {
    auto it = ids_.find(e.name);
    if (it != ids_.end()) return it->second;
    SG_ASSIGN_OR_RETURN(Record r, Build(e));
    SG_ASSIGN_OR_RETURN(Record stored, store_.Create(std::move(r), Actor{}));
    ids_[e.name] = stored.id();
    return stored.id();
  }

 private:
  static std::string Pad(int n, int width) {
    std::string s = std::to_string(n);
    while (static_cast<int>(s.size()) < width) s = "0" + s;
    return s;
  }
  Store& store_;
  std::map<std::string_view, Id> ids_;
  std::set<std::string_view> building_;
  int serial_ = 0;
};

TEST_P(StoreConformance, EveryEntityRoundTripsEveryField) {
  RecordFactory factory(*store_);
  for (const EntityDesc& e : AllEntities()) {
    SCOPED_TRACE(std::string(e.name));
    auto built = factory.Build(e);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    Record sent = *built;
    NormaliseRecord(sent);
    auto stored = store_->Create(std::move(built).value(), Actor{});
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    auto read = store_->Get(e, stored->id());
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    for (size_t i = 0; i < e.fields.size(); ++i) {
      EXPECT_EQ(read->values()[i], sent.values()[i]) << e.fields[i].name;
    }
    EXPECT_EQ(read->meta().version, 1);
    EXPECT_EQ(read->meta().created_by, 1);
    EXPECT_EQ(read->meta().created_at, TestNow());
  }
}

TEST_P(StoreConformance, UpdateKeepsHistoryAndChecksTheVersion) {
  const Id child = NewChild("H1");
  auto first = store_->Get(Entity("child"), child);
  ASSERT_TRUE(first.ok());
  clock_.Advance(60);
  Record changed = *first;
  changed.Set("last_name", std::string("Renamed"));
  auto updated = store_->Update(changed, Actor{1});
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->meta().version, 2);
  EXPECT_EQ(updated->GetText("last_name"), "Renamed");
  EXPECT_EQ(updated->meta().updated_at, TestNow().AddSeconds(60));
  EXPECT_EQ(updated->meta().created_at, TestNow());

  // A second writer still holding version 1 is refused, and nothing changes.
  Record stale = *first;
  stale.Set("last_name", std::string("Lost update"));
  auto refused = store_->Update(stale, Actor{1});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(store_->Get(Entity("child"), child)->GetText("last_name"), "Renamed");

  auto history = store_->History(Entity("child"), child);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].operation, "create");
  EXPECT_EQ((*history)[1].operation, "update");
  EXPECT_EQ((*history)[1].version, 2);
  EXPECT_EQ((*history)[1].child_id, child);
  EXPECT_NE((*history)[0].data.find("\"last_name\":\"Child\""), std::string::npos);
  EXPECT_NE((*history)[1].data.find("\"last_name\":\"Renamed\""), std::string::npos);
}

TEST_P(StoreConformance, HistoryOfSubRecordsCarriesTheChild) {
  const Id child = NewChild("H2");
  auto contact = store_->Create(ContactFor(child, "2026-01-01T10:00:00Z"), Actor{});
  ASSERT_TRUE(contact.ok());
  auto h = store_->History(Entity("contact"), contact->id());
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 1u);
  EXPECT_EQ((*h)[0].child_id, child);
  EXPECT_EQ((*h)[0].actor_id, 1);
}

TEST_P(StoreConformance, DuplicateIdentifiersAreRefusedByField) {
  NewChild("DUP1");
  auto again = store_->Create(ChildRecord("DUP1"), Actor{});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.status().field(), "la_child_id");
  EXPECT_EQ(*store_->Count(Entity("child")), 1);
}

TEST_P(StoreConformance, ReferencesMustExistAndBelongToTheSameChild) {
  const Id a = NewChild("A");
  const Id b = NewChild("B");
  auto orphan = store_->Create(ContactFor(999, "2026-01-01T10:00:00Z"), Actor{});
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.status().field(), "child_id");

  Record ref(Entity("referral"));
  ref.Set("child_id", a);
  ref.Set("referral_date", *Date::Parse("2026-01-02"));
  ref.Set("source", std::string("2A"));
  auto referral = store_->Create(ref, Actor{});
  ASSERT_TRUE(referral.ok()) << referral.status().ToString();

  Record assessment(Entity("assessment"));
  assessment.Set("referral_id", referral->id());
  assessment.Set("child_id", b);  // the referral is A's
  assessment.Set("start_date", *Date::Parse("2026-01-03"));
  auto wrong = store_->Create(assessment, Actor{});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().field(), "referral_id");
  EXPECT_NE(wrong.status().message().find("another child"), std::string::npos);
  EXPECT_EQ(*store_->Count(Entity("assessment")), 0);
}

TEST_P(StoreConformance, InvalidRecordsWriteNothing) {
  Record r = ChildRecord("BAD");
  r.Set("date_of_birth", *Date::Parse("2030-01-01"));
  auto bad = store_->Create(r, Actor{});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "date_of_birth");
  EXPECT_EQ(*store_->Count(Entity("child")), 0);
}

TEST_P(StoreConformance, ListFiltersAndPages) {
  const Id a = NewChild("PA");
  const Id b = NewChild("PB");
  for (int i = 0; i < 25; ++i) {
    ASSERT_TRUE(
        store_->Create(ContactFor(i % 5 == 0 ? b : a, "2026-01-01T10:00:00Z"), Actor{}).ok());
  }
  ListQuery q;
  q.equals.emplace_back("child_id", Value{a});
  q.limit = 8;
  std::vector<Id> seen;
  int pages = 0;
  while (true) {
    auto page = store_->List(Entity("contact"), q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ++pages;
    for (const Record& r : page->items) {
      EXPECT_EQ(r.GetInt("child_id"), a);
      if (!seen.empty()) {
        EXPECT_GT(r.id(), seen.back());
      }
      seen.push_back(r.id());
    }
    if (!page->next_after) break;
    q.after = *page->next_after;
  }
  EXPECT_EQ(seen.size(), 20u);
  EXPECT_EQ(pages, 3);

  ListQuery bad;
  bad.equals.emplace_back("no_such_field", Value{std::int64_t{1}});
  EXPECT_EQ(store_->List(Entity("contact"), bad).status().code(), StatusCode::kInvalidArgument);
  ListQuery big;
  big.limit = 5000;
  EXPECT_EQ(store_->List(Entity("contact"), big).status().field(), "limit");
}

TEST_P(StoreConformance, TransactionsAreAllOrNothing) {
  Status s = store_->Transaction([&](Store& tx) -> Status {
    SG_RETURN_IF_ERROR(tx.Create(ChildRecord("T1"), Actor{}).status());
    SG_RETURN_IF_ERROR(tx.Create(ChildRecord("T2"), Actor{}).status());
    return tx.Create(ChildRecord("T1"), Actor{}).status();  // duplicate: fails
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(*store_->Count(Entity("child")), 0);

  s = store_->Transaction([&](Store& tx) -> Status {
    SG_RETURN_IF_ERROR(tx.Create(ChildRecord("T1"), Actor{}).status());
    return tx.Create(ChildRecord("T2"), Actor{}).status();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*store_->Count(Entity("child")), 2);
}

TEST_P(StoreConformance, UsersAndSessions) {
  User u;
  u.username = "worker1";
  u.display_name = "Worker One";
  u.role = "SOCIAL_WORKER";
  u.password_hash = "$argon2id$placeholder";
  auto created = store_->CreateUser(u);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 1);
  auto dup = store_->CreateUser(u);
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(dup.status().field(), "username");
  u.username = "worker2";
  u.role = "WIZARD";
  EXPECT_EQ(store_->CreateUser(u).status().field(), "role");

  auto found = store_->FindUserByName("worker1");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->display_name, "Worker One");
  EXPECT_EQ(found->password_hash, "$argon2id$placeholder");
  EXPECT_EQ(store_->FindUserByName("system")->id, 1);

  Session s;
  s.token_hash = "abc";
  s.user_id = created->id;
  s.created_at = TestNow();
  s.last_seen_at = TestNow();
  s.expires_at = TestNow().AddSeconds(3600);
  ASSERT_TRUE(store_->CreateSession(s).ok());
  auto got = store_->FindSession("abc");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->user_id, created->id);
  EXPECT_EQ(got->expires_at, TestNow().AddSeconds(3600));
  ASSERT_TRUE(store_->TouchSession("abc", TestNow().AddSeconds(100)).ok());
  EXPECT_EQ(store_->FindSession("abc")->last_seen_at, TestNow().AddSeconds(100));
  ASSERT_TRUE(store_->DeleteSession("abc").ok());
  EXPECT_EQ(store_->FindSession("abc").status().code(), StatusCode::kUnauthenticated);
}

TEST_P(StoreConformance, ConcurrentWritersLoseNothing) {
  const Id child = NewChild("CONC");
  constexpr int kThreads = 4;
  constexpr int kEach = 15;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        if (!store_->Create(ContactFor(child, "2026-01-01T10:00:00Z"), Actor{}).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*store_->Count(Entity("contact")), kThreads * kEach);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

// `make test` must exercise PostgreSQL; a run without it is a failed run, not a skipped one.
// Set SG_ALLOW_NO_POSTGRES=1 to run the SQLite half alone on a machine without a server.
TEST(StoreConformanceSetup, PostgresIsConfigured) {
  const char* allow = std::getenv("SG_ALLOW_NO_POSTGRES");
  if (allow && std::string(allow) == "1") return;
  EXPECT_FALSE(testing::PostgresUrl().empty())
      << "SG_TEST_PG_URL is not set: run the tests with `make test`, which starts PostgreSQL";
}

}  // namespace
}  // namespace sg

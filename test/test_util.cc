#include "test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "storage/database.h"

namespace sg::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sgtest-XXXXXX").string();
  char* p = mkdtemp(tmpl.data());
  if (!p) std::abort();
  path_ = p;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string PostgresUrl() {
  const char* url = std::getenv("SG_TEST_PG_URL");
  return url ? url : "";
}

std::vector<std::string> Backends() {
  std::vector<std::string> out = {"sqlite"};
  if (!PostgresUrl().empty()) out.push_back("postgres");
  return out;
}

std::string FreshLocation(const std::string& backend, const TempDir& dir) {
  static std::atomic<int> counter{0};
  if (backend == "sqlite") return dir.File("store" + std::to_string(counter++) + ".db");
  std::random_device rd;
  const std::string schema =
      "t" + std::to_string(getpid()) + "_" + std::to_string(rd()) + "_" + std::to_string(counter++);
  auto admin = OpenDatabase(PostgresUrl());
  if (!admin.ok()) {
    ADD_FAILURE() << admin.status().ToString();
    return "";
  }
  Status s = (*admin)->ExecuteScript("CREATE SCHEMA " + schema);
  if (!s.ok()) ADD_FAILURE() << s.ToString();
  const std::string base = PostgresUrl();
  const char sep = base.find('?') == std::string::npos ? '?' : '&';
  return base + sep + "options=-csearch_path%3D" + schema;
}

std::unique_ptr<Store> FreshStore(const std::string& backend, const TempDir& dir,
                                  const Clock& clock) {
  auto store = OpenAndMigrate(FreshLocation(backend, dir), clock, 4);
  if (!store.ok()) {
    ADD_FAILURE() << store.status().ToString();
    return nullptr;
  }
  return std::move(store).value();
}

Timestamp TestNow() { return *Timestamp::Parse("2026-03-02T10:00:00Z"); }

Id AddRecord(Store& store, const char* entity,
             std::initializer_list<std::pair<const char*, Value>> fields) {
  Record r(Entity(entity));
  for (const auto& [k, v] : fields) r.Set(k, v);
  auto stored = store.Create(std::move(r), Actor{});
  EXPECT_TRUE(stored.ok()) << entity << ": " << stored.status().ToString();
  return stored.ok() ? stored->id() : 0;
}

}  // namespace sg::testing

#pragma once
// Helpers shared by the tests: temporary directories, and fresh stores on each backend.
// PostgreSQL tests run against the server named by $SG_TEST_PG_URL (scripts/run-tests.sh starts
// one); each store gets its own schema, so tests can run in parallel.

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "storage/store.h"

namespace sg::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// "sqlite", plus "postgres" when $SG_TEST_PG_URL is set.
std::vector<std::string> Backends();

// The PostgreSQL URL from the environment, or empty.
std::string PostgresUrl();

// A store location for `backend` that no other test uses: an SQLite file in `dir`, or a fresh
// schema on the test PostgreSQL server.
std::string FreshLocation(const std::string& backend, const TempDir& dir);

// A migrated store at a fresh location.
std::unique_ptr<Store> FreshStore(const std::string& backend, const TempDir& dir,
                                  const Clock& clock);

// 2026-03-02T10:00:00Z: a fixed "now" for tests.
Timestamp TestNow();

// Creates a record of `entity` with `fields` (as the system account); a failure fails the test
// and returns 0.
Id AddRecord(Store& store, const char* entity,
             std::initializer_list<std::pair<const char*, Value>> fields);

}  // namespace sg::testing

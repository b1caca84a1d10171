// Store throughput, SQLite and PostgreSQL side by side: single-record creates (each its own
// transaction, with its history row), creates batched in one transaction (the import path),
// reads by id and list pages. PostgreSQL runs when $SG_BENCH_PG_URL names a server
// (scripts/run-bench.sh starts one). Compare items_per_second across the /sqlite and
// /postgres rows; the run-bench script prints the ratios.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>


#include "common/working_days.h"
#include "storage/database.h"
#include "storage/store.h"

namespace sg {
namespace {

std::string PgUrl() {
  const char* u = std::getenv("SG_BENCH_PG_URL");
  return u ? u : "";
}

// A fresh, migrated store for one benchmark run.
std::unique_ptr<Store> Fresh(const std::string& backend, const Clock& clock) {
  static int n = 0;
  std::string location;
  if (backend == "sqlite") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("sgbench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    location = (dir / ("b" + std::to_string(n++) + ".db")).string();
    std::filesystem::remove(location);
  } else {
    const std::string schema = "bench" + std::to_string(getpid()) + "_" + std::to_string(n++);
    auto admin = OpenDatabase(PgUrl());
    if (!admin.ok() || !(*admin)->ExecuteScript("CREATE SCHEMA " + schema).ok()) return nullptr;
    location = PgUrl() + "?options=-csearch_path%3D" + schema;
  }
  auto store = OpenAndMigrate(location, clock, 4);
  return store.ok() ? std::move(store).value() : nullptr;
}

Record Child(int i) {
  Record r(Entity("child"));
  r.Set("la_child_id", "B" + std::to_string(i));
  r.Set("first_name", std::string("Bench"));
  r.Set("last_name", std::string("Child"));
  r.Set("date_of_birth", Date::FromCivil(2010 + i % 15, 1 + i % 12, 1 + i % 28));
  r.Set("sex", std::string(i % 2 ? "M" : "F"));
  r.Set("ethnicity", std::string("WBRI"));
  return r;
}

bool Skip(benchmark::State& state, const std::string& backend) {
  if (backend == "postgres" && PgUrl().empty()) {
    state.SkipWithError("SG_BENCH_PG_URL not set: run `make bench`");
    return true;
  }
  return false;
}

void BM_CreateEach(benchmark::State& state, const std::string& backend) {
  if (Skip(state, backend)) return;
  SystemClock clock;
  auto store = Fresh(backend, clock);
  if (!store) return state.SkipWithError("cannot open store");
  int i = 0;
  for (auto _ : state) {
    if (!store->Create(Child(i++), Actor{}).ok()) return state.SkipWithError("create failed");
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CreateBatched(benchmark::State& state, const std::string& backend) {
  if (Skip(state, backend)) return;
  SystemClock clock;
  auto store = Fresh(backend, clock);
  if (!store) return state.SkipWithError("cannot open store");
  const int batch = static_cast<int>(state.range(0));
  int i = 0;
  for (auto _ : state) {
    Status s = store->Transaction([&](Store& tx) -> Status {
      for (int k = 0; k < batch; ++k) SG_RETURN_IF_ERROR(tx.Create(Child(i++), Actor{}).status());
      return Status::Ok();
    });
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch);
}

void BM_GetById(benchmark::State& state, const std::string& backend) {
  if (Skip(state, backend)) return;
  SystemClock clock;
  auto store = Fresh(backend, clock);
  if (!store) return state.SkipWithError("cannot open store");
  constexpr int kRows = 2000;
  Status s = store->Transaction([&](Store& tx) -> Status {
    for (int k = 0; k < kRows; ++k) SG_RETURN_IF_ERROR(tx.Create(Child(k), Actor{}).status());
    return Status::Ok();
  });
  if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  std::mt19937 rng(42);
  std::uniform_int_distribution<Id> pick(1, kRows);
  for (auto _ : state) {
    auto r = store->Get(Entity("child"), pick(rng));
    if (!r.ok()) return state.SkipWithError("get failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ListPage(benchmark::State& state, const std::string& backend) {
  if (Skip(state, backend)) return;
  SystemClock clock;
  auto store = Fresh(backend, clock);
  if (!store) return state.SkipWithError("cannot open store");
  constexpr int kRows = 2000;
  Status s = store->Transaction([&](Store& tx) -> Status {
    for (int k = 0; k < kRows; ++k) SG_RETURN_IF_ERROR(tx.Create(Child(k), Actor{}).status());
    return Status::Ok();
  });
  if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  std::mt19937 rng(7);
  std::uniform_int_distribution<Id> pick(0, kRows - 100);
  for (auto _ : state) {
    ListQuery q;
    q.limit = 100;
    q.after = pick(rng);
    auto page = store->List(Entity("child"), q);
    if (!page.ok()) return state.SkipWithError("list failed");
    benchmark::DoNotOptimize(page);
  }
  state.SetItemsProcessed(state.iterations() * 100);
}

void BM_AddWorkingDays(benchmark::State& state) {
  const auto& cal = WorkingDayCalendar::England();
  Date d = Date::FromCivil(2015, 1, 1);
  for (auto _ : state) {
    auto r = cal.AddWorkingDays(d, 45);
    benchmark::DoNotOptimize(r);
    d = d.AddDays(1);
    if (d.year() > 2029) d = Date::FromCivil(2015, 1, 1);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(BM_CreateEach, sqlite, std::string("sqlite"))->MinTime(1.0)->UseRealTime();
BENCHMARK_CAPTURE(BM_CreateEach, postgres, std::string("postgres"))->MinTime(1.0)->UseRealTime();
BENCHMARK_CAPTURE(BM_CreateBatched, sqlite, std::string("sqlite"))->Arg(1000)->UseRealTime();
BENCHMARK_CAPTURE(BM_CreateBatched, postgres, std::string("postgres"))->Arg(1000)->UseRealTime();
BENCHMARK_CAPTURE(BM_GetById, sqlite, std::string("sqlite"))->UseRealTime();
BENCHMARK_CAPTURE(BM_GetById, postgres, std::string("postgres"))->UseRealTime();
BENCHMARK_CAPTURE(BM_ListPage, sqlite, std::string("sqlite"))->UseRealTime();
BENCHMARK_CAPTURE(BM_ListPage, postgres, std::string("postgres"))->UseRealTime();
BENCHMARK(BM_AddWorkingDays);

}  // namespace
}  // namespace sg

BENCHMARK_MAIN();

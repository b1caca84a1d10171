#include "synth/councils.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "synth/store_sink.h"

namespace sg {

namespace {

// Passes each record to two sinks (the store, then the returns' memory); the first's ids count.
class TeeSink final : public RecordSink {
 public:
  TeeSink(RecordSink& first, RecordSink& second) : first_(first), second_(second) {}
  Result<Id> Add(Record record) override {
    SG_ASSIGN_OR_RETURN(Id id, first_.Add(record));
    SG_RETURN_IF_ERROR(second_.Add(std::move(record)).status());
    return id;
  }

 private:
  RecordSink& first_;
  RecordSink& second_;
};

}  // namespace

Result<std::vector<CouncilRun>> GenerateCouncils(const CouncilsOptions& options,
                                                 const ReferenceFigures& figures, Store* tx) {
  SG_ASSIGN_OR_RETURN(std::vector<const Area*> councils,
                      CouncilsFor(options.options.like, figures));
  const bool many = councils.size() > 1;
  std::vector<CouncilRun> runs(councils.size());
  std::mutex mu;  // serialises council_done
  std::int64_t stored = 0;

  auto one = [&](size_t i) -> Status {
    const Area& council = *councils[i];
    GenerateOptions o = options.options;
    o.like = council.la_code.empty() ? council.name : council.la_code;
    if (many) {
      o.seed = CouncilSeed(options.options.seed, council);
      o.distinct_ids = true;
    }
    // The returns need only the records they are built from; keeping only those bounds the
    // memory a large council takes.
    MemorySink memory(ReturnEntities());
    std::unique_ptr<StoreSink> store_sink;
    std::unique_ptr<TeeSink> tee;
    RecordSink* sink = &memory;
    if (tx != nullptr) {
      store_sink = std::make_unique<StoreSink>(*tx, Actor{1}, [&](std::int64_t n) {
        if (options.progress) options.progress(stored + n);
      });
      sink = store_sink.get();
      if (!options.out.empty()) {
        tee = std::make_unique<TeeSink>(*store_sink, memory);
        sink = tee.get();
      }
    }
    CouncilRun& run = runs[i];
    SG_ASSIGN_OR_RETURN(run.summary, Generate(o, figures, *sink));
    for (const auto& [entity, n] : run.summary.counts) run.records += n;
    stored += tx != nullptr ? run.records : 0;
    if (!options.out.empty()) {
      ReturnsOptions r;
      r.dir = many ? options.out + "/" + council.la_code : options.out;
      r.inject_rate = options.inject_rate;
      r.seed = o.seed;
      SG_ASSIGN_OR_RETURN(run.returns, WriteReturns(memory, run.summary, r));
    }
    if (options.council_done) {
      std::lock_guard<std::mutex> lock(mu);
      options.council_done(council, run.records);
    }
    return Status::Ok();
  };

  const int jobs = tx != nullptr ? 1 : std::max(1, std::min<int>(options.jobs, councils.size()));
  if (jobs == 1) {
    for (size_t i = 0; i < councils.size(); ++i) SG_RETURN_IF_ERROR(one(i));
    return runs;
  }
  // Workers take councils in order; the first error stops them taking more.
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<Status> errors(councils.size());
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j) {
    workers.emplace_back([&] {
      for (size_t i; !failed && (i = next++) < councils.size();) {
        errors[i] = one(i);
        if (!errors[i].ok()) failed = true;
      }
    });
  }
  for (std::thread& w : workers) w.join();
  for (const Status& s : errors) SG_RETURN_IF_ERROR(s);
  return runs;
}

}  // namespace sg

#pragma once
// Writes generated records into a Store (inside the caller's transaction, so that generation
// is all or nothing), each validated like any other write and attributed to `actor`.

#include <functional>

#include "storage/store.h"
#include "synth/generator.h"

namespace sg {

class StoreSink final : public RecordSink {
 public:
  StoreSink(Store& tx, Actor actor, std::function<void(std::int64_t)> progress = {})
      : tx_(tx), actor_(actor), progress_(std::move(progress)) {}

  Result<Id> Add(Record record) override {
    const std::string entity(record.entity().name);
    auto stored = tx_.Create(std::move(record), actor_);
    if (!stored.ok()) {
      return stored.status().WithFieldPrefix("generated " + entity);
    }
    if (progress_ && ++written_ % 1000 == 0) progress_(written_);
    return stored->id();
  }

 private:
  Store& tx_;
  Actor actor_;
  std::function<void(std::int64_t)> progress_;
  std::int64_t written_ = 0;
};

}  // namespace sg

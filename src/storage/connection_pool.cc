#include "storage/connection_pool.h"

namespace sg {

ConnectionPool::ConnectionPool(Factory factory, size_t max_size)
    : factory_(std::move(factory)), max_size_(max_size == 0 ? 1 : max_size) {}

ConnectionPool::Handle::~Handle() {
  if (pool_ && db_) pool_->Release(std::move(db_), broken_);
}

Result<ConnectionPool::Handle> ConnectionPool::Acquire() {
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_size_; });
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Handle(this, std::move(db));
    }
    ++open_;
  }
  auto db = factory_();
  if (!db.ok()) {
    std::lock_guard lock(mu_);
    --open_;
    cv_.notify_one();
    return db.status();
  }
  return Handle(this, std::move(db).value());
}

void ConnectionPool::Release(std::unique_ptr<Database> db, bool broken) {
  std::lock_guard lock(mu_);
  if (broken) {
    db.reset();
    --open_;
  } else {
    idle_.push_back(std::move(db));
  }
  cv_.notify_one();
}

}  // namespace sg

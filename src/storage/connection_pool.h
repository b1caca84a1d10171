#pragma once
// A pool of Database connections shared by threads. Acquire() hands out a connection for the
// caller's exclusive use and takes it back when the handle is destroyed; a connection whose
// last error said the server was unavailable is discarded instead of reused.
//
// Thread-safety: all methods are safe to call concurrently.

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.h"

namespace sg {

class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<Database>>()>;

  // Opens connections lazily, at most `max_size` at once.
  ConnectionPool(Factory factory, size_t max_size);

  class Handle {
   public:
    Handle(ConnectionPool* pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    Handle(Handle&&) = default;
    Handle& operator=(Handle&&) = delete;
    ~Handle();
    Database& operator*() const { return *db_; }
    Database* operator->() const { return db_.get(); }
    // Marks the connection broken: it is closed, not returned to the pool.
    void Discard() { broken_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Database> db_;
    bool broken_ = false;
  };

  Result<Handle> Acquire();

 private:
  void Release(std::unique_ptr<Database> db, bool broken);

  Factory factory_;
  const size_t max_size_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Database>> idle_;  // guarded by mu_
  size_t open_ = 0;                              // guarded by mu_
};

}  // namespace sg

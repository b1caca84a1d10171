#pragma once
// The HTTP server: a thin layer that parses a request, authenticates and authorises it, calls
// the store, and serialises the answer. No SQL and no business rules live here. Built on
// cpp-httplib, which is confined to server.cc.
//
// Thread-safety: requests are served concurrently from a thread pool; Store and Auth are
// thread-safe.

#include <memory>
#include <string>

#include "casework/auth.h"
#include "common/date.h"
#include "indicators/output.h"
#include "storage/store.h"

namespace sg {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  // Request bodies above this get 413; large enough for a county's CIN census uploaded to be
  // checked (a 903 or census of a county is a few megabytes).
  std::size_t max_body_bytes = std::size_t{64} << 20;
  int threads = 32;  // a kept-alive connection holds a thread while it is open
  // Requests whose handlers run at once; the others wait in arrival order (0 = twice the
  // cores). See FairGate.
  int workers = 0;
  bool secure_cookies = false;  // set when served behind TLS
  std::string static_dir;       // built web assets, served at /; empty = built-in page
  std::string store_location;   // the store's file or URL, for bulk reads (indicators)
  ind::Targets targets;         // the LA's indicator targets (RAG)
  // The scorecard's figures are recomputed from the record at most this often after it
  // changes (a reload reads the whole record: about a second of both cores for a large LA).
  int scorecard_refresh_seconds = 30;
};

class Server {
 public:
  Server(Store& store, Auth& auth, ServerOptions options);
  ~Server();

  // Binds the listening socket; returns the port (useful with port 0).
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Run();
  // Safe to call from another thread or a signal-watching thread.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sg

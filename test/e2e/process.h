#pragma once
// Runs the real `safeguard` binary for end-to-end tests.

#include <sys/types.h>

#include <string>
#include <vector>

namespace sg::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs safeguard with `args` to completion, with `input` on standard input.
RunResult RunSafeguard(const std::vector<std::string>& args, const std::string& input = "",
                       const std::vector<std::string>& env = {});

// `safeguard serve --port 0` on a store, stopped (SIGTERM) when destroyed.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& db);
  ~ServerProcess();
  int port() const { return port_; }
  bool ok() const { return port_ > 0; }
  // Stops with SIGTERM and returns the exit code.
  int Stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int out_fd_ = -1;
};

}  // namespace sg::testing

#include "common/data_files.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace sg {

Result<std::string> ReadDataFile(const std::string& relative) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("SAFEGUARD_DATA_DIR"); env && *env) dirs.emplace_back(env);
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "safeguard");
  dirs.emplace_back(SG_SOURCE_DATA_DIR);
  std::string tried;
  for (const auto& dir : dirs) {
    const auto path = dir / relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      tried += (tried.empty() ? "" : ", ") + path.string();
      continue;
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  return IoError("cannot find the data file " + relative + " (looked in " + tried +
                 "; set SAFEGUARD_DATA_DIR)");
}

}  // namespace sg

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "indicators/facts.h"
#include "returns/cin_reader.h"
#include "returns/ssda903_reader.h"
#include "storage/database.h"

namespace sg::ind {

Result<std::string> InferLaCode(const std::string& location) {
  SG_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, OpenDatabase(location));
  std::map<std::string, std::int64_t> votes;
  SG_RETURN_IF_ERROR(db->QueryEach(
      "SELECT substr(upn, 2, 3) FROM children WHERE upn IS NOT NULL AND length(upn) = 13 "
      "LIMIT 5000",
      {}, [&](const RowView& r) { ++votes[std::string(r.Text(0))]; }));
  std::string best;
  std::int64_t n = 0;
  for (const auto& [code, count] : votes) {
    if (count > n) {
      n = count;
      best = code;
    }
  }
  return best;
}

namespace {
bool LooksLikeCinCensus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head.find("<Message") != std::string::npos && head.find("EXPSSDA903") == std::string::npos;
}
}  // namespace

Result<Facts> FactsFromReturnFiles(const std::vector<std::string>& paths) {
  std::vector<cin::Census> censuses;
  std::vector<ssda903::Return> returns;
  for (const std::string& path : paths) {
    if (!std::filesystem::exists(path)) return NotFound(path + ": no such file or folder");
    if (!std::filesystem::is_directory(path) && LooksLikeCinCensus(path)) {
      SG_ASSIGN_OR_RETURN(cin::ReadResult read, cin::ReadFile(path, {0, false, {}}));
      if (!read.well_formed) {
        std::string msg = path;
        msg += ": not a well-formed CIN census (run `safeguard validate cin ";
        msg += path;
        msg += "` for the details)";
        return InvalidArgument(msg);
      }
      censuses.push_back(std::move(read.census));
    } else {
      std::vector<Finding> findings;
      SG_ASSIGN_OR_RETURN(ssda903::Return ret, ssda903::ReadReturn(path, findings));
      if (ret.collection_year == 0) {
        ret.collection_year = ssda903::LatestCollectionYear(ret, SystemClock().Now().UkDate());
      }
      if (ret.collection_year == 0) {
        return InvalidArgument(path + ": an SSDA903 return with no dated event to tell its year");
      }
      returns.push_back(std::move(ret));
    }
  }
  std::vector<const cin::Census*> cs;
  cs.reserve(censuses.size());
  for (const auto& c : censuses) cs.push_back(&c);
  std::vector<const ssda903::Return*> rs;
  rs.reserve(returns.size());
  for (const auto& r : returns) rs.push_back(&r);
  return FromReturns(cs, rs);
}

Day LatestEvent(const Facts& f) {
  Day latest = kNoDay;
  auto see = [&](Day d) {
    if (d != kNoDay && d != kOpen) latest = std::max(latest, d);
  };
  for (const auto& r : f.referrals) see(r.date), see(r.closure);
  for (const auto& e : f.episodes) see(e.start), see(e.end);
  for (const auto& c : f.care_leavers) see(c.date);
  return latest;
}

}  // namespace sg::ind

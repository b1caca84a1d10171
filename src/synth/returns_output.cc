#include "synth/returns_output.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "returns/cin_census.h"
#include "returns/ssda903.h"

namespace sg {

std::set<std::string, std::less<>> ReturnEntities() {
  return {
      "child",           "referral",   "assessment",          "s47_enquiry", "cp_conference",
      "cin_plan",        "cp_plan",    "plan_review",         "cla_episode", "cla_review",
      "missing_episode", "cla_health", "care_leaver_contact", "adoption",    "previous_permanence",
      "allocation",      "worker"};
}

namespace {

// Writes a file through `fn`, reporting the path on failure.
template <typename Fn>
Status WriteFile(const std::filesystem::path& path, Fn fn) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return IoError("cannot write " + path.string());
  fn(out);
  out.flush();
  if (!out) return IoError("writing " + path.string() + " failed (disk full?)");
  return Status::Ok();
}

}  // namespace

Result<ReturnsWritten> WriteReturns(const RecordSet& records, const GenerationSummary& summary,
                                    const ReturnsOptions& options) {
  namespace fs = std::filesystem;
  const fs::path dir(options.dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir.string() + ": " + ec.message());
  ReturnsWritten written;
  const std::string la = summary.area != nullptr ? summary.area->la_code : std::string();
  for (int year = summary.first_year; year <= summary.last_year; ++year) {
    const Date reference = Date::FromCivil(year, 3, 31);
    if (reference > summary.end) break;  // the year has not ended in the simulation
    const std::string label = cin::CollectionLabel(year);
    // A fixed submission time, three weeks after the reference date, keeps files identical
    // from run to run.
    const std::string stamp = reference.AddDays(21).ToString() + "T09:00:00";
    FaultInjector injector(options.inject_rate,
                           options.seed * 1000003ULL + static_cast<std::uint64_t>(year));

    SG_ASSIGN_OR_RETURN(cin::Census census, cin::Build(records, {year, la, stamp}));
    const std::string cin_file = "cin_census_" + label + ".xml";
    if (options.inject_rate > 0) injector.Inject(census, cin_file, written.faults);
    SG_RETURN_IF_ERROR(
        WriteFile(dir / cin_file, [&](std::ostream& out) { cin::WriteXml(census, out); }));
    written.files.push_back(cin_file);
    written.cin_children = static_cast<std::int64_t>(census.children.size());

    SG_ASSIGN_OR_RETURN(ssda903::Return ret, ssda903::Build(records, {year}));
    const std::string folder = "ssda903_" + label;
    if (options.inject_rate > 0) injector.Inject(ret, folder, written.faults);
    fs::create_directories(dir / folder, ec);
    if (ec) return IoError("cannot create " + (dir / folder).string() + ": " + ec.message());
    for (int t = 0; t < ssda903::kTableCount; ++t) {
      const auto table = static_cast<ssda903::TableId>(t);
      const std::string file = folder + "/" + std::string(ssda903::Spec(table).file);
      SG_RETURN_IF_ERROR(
          WriteFile(dir / file, [&](std::ostream& out) { ssda903::WriteCsv(ret, table, out); }));
      written.files.push_back(file);
    }
    SG_RETURN_IF_ERROR(WriteFile(dir / (folder + ".xml"),
                                 [&](std::ostream& out) { ssda903::WriteXml(ret, out); }));
    written.files.push_back(folder + ".xml");
    written.cla_children = static_cast<std::int64_t>(ret.tables[ssda903::kHeader].size());
  }
  if (options.inject_rate > 0) {
    SG_RETURN_IF_ERROR(WriteFile(
        dir / "faults.csv", [&](std::ostream& out) { WriteFaultManifest(written.faults, out); }));
    written.files.push_back("faults.csv");
  }
  return written;
}

}  // namespace sg

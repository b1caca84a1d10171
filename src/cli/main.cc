// The `safeguard` command: the only place that chooses a store and wires the pieces together.
// Exit codes: 0 success; 1 the input has errors; 2 usage; 3 I/O or store failure; 4 internal.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <thread>

#include "casework/auth.h"
#include "casework/cin_import.h"
#include "casework/demo_data.h"
#include "casework/ssda903_import.h"
#include "casework/worklists.h"
#include "common/csv.h"
#include "common/json_writer.h"
#include "http/quality_json.h"
#include "http/records_io.h"
#include "http/server.h"
#include "indicators/annex_a.h"
#include "indicators/facts.h"
#include "indicators/output.h"
#include "quality/audit_sample.h"
#include "quality/audits.h"
#include "quality/board_report.h"
#include "quality/case_review.h"
#include "quality/improvement.h"
#include "report/document.h"
#include "returns/cin_census.h"
#include "returns/cin_reader.h"
#include "returns/cin_validate.h"
#include "returns/report.h"
#include "returns/ssda903.h"
#include "returns/ssda903_measures.h"
#include "returns/ssda903_reader.h"
#include "returns/ssda903_reference.h"
#include "returns/ssda903_validate.h"
#include "storage/database.h"
#include "storage/loaded_records.h"
#include "storage/migrations.h"
#include "storage/store.h"
#include "synth/councils.h"
#include "synth/drift.h"
#include "synth/generator.h"
#include "synth/measure.h"
#include "synth/store_sink.h"

namespace sg {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitIo = 3;
constexpr int kExitInternal = 4;

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kNotFound:
      return kExitInputErrors;
    case StatusCode::kUnavailable:
    case StatusCode::kIoError:
    case StatusCode::kResourceExhausted:
    case StatusCode::kUnauthenticated:
    case StatusCode::kPermissionDenied:
      return kExitIo;
    case StatusCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Status& s) {
  std::cerr << "safeguard: " << s.message();
  if (!s.field().empty() && s.message().find(s.field()) == std::string::npos) {
    std::cerr << " (field: " << s.field() << ")";
  }
  std::cerr << "\n";
  return ExitCodeFor(s);
}

// Where the store is: --db, else $SAFEGUARD_DB, else ./safeguard.db.
std::string ResolveDb(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SAFEGUARD_DB"); env && *env) return env;
  return "safeguard.db";
}

// The store location with any password removed, for messages.
std::string Redacted(const std::string& location) {
  if (!IsPostgresUrl(location)) return location;
  const size_t scheme = location.find("://") + 3;
  const size_t at = location.find('@', scheme);
  const size_t colon = location.find(':', scheme);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return location;
  return location.substr(0, colon + 1) + "***" + location.substr(at);
}

// A one-line progress counter on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::string verb) : verb_(std::move(verb)), tty_(isatty(2) != 0) {}
  void operator()(std::int64_t done) {
    if (tty_ && done % 500 == 0)
      std::fprintf(stderr, "\r%s %lld records", verb_.c_str(), static_cast<long long>(done));
  }
  void Done(std::int64_t done) {
    if (tty_) std::fprintf(stderr, "\r");
    std::fprintf(stderr, "%s %lld records\n", verb_.c_str(), static_cast<long long>(done));
  }

 private:
  std::string verb_;
  bool tty_;
};

// Prints rows as an aligned table, CSV (RFC 4180 quoting) or a JSON array of objects: the one
// output convention of every command that prints results (--format table|csv|json).
void PrintRows(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, const std::string& format) {
  if (format == "json") {
    JsonWriter w;
    w.BeginArray();
    for (const auto& row : rows) {
      w.BeginObject();
      for (size_t i = 0; i < header.size(); ++i) w.Key(header[i]).String(row[i]);
      w.EndObject();
    }
    w.EndArray();
    std::cout << w.str() << "\n";
    return;
  }
  if (format == "csv") {
    auto line = [](const std::vector<std::string>& cells) {
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i) std::cout << ',';
        WriteCsvCell(std::cout, cells[i]);
      }
      std::cout << "\n";
    };
    line(header);
    for (const auto& row : rows) line(row);
    return;
  }
  std::vector<size_t> width(header.size());
  for (size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      std::cout << cells[i];
      if (i + 1 < cells.size()) std::cout << std::string(width[i] - cells[i].size() + 2, ' ');
    }
    std::cout << "\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
}

Result<Actor> ActorFor(Store& store, const std::string& username) {
  if (username.empty()) return Actor{1};
  SG_ASSIGN_OR_RETURN(User u, store.FindUserByName(username));
  return Actor{u.id};
}

// Opens a store that must already be at this program's schema version (commands that only
// read, and the server, never migrate behind the operator's back).
Result<std::unique_ptr<Store>> OpenCurrent(const std::string& db, const Clock& clock,
                                           size_t connections) {
  SG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(db, clock, connections));
  SG_ASSIGN_OR_RETURN(int version, store->SchemaVersion());
  if (version != LatestSchemaVersion()) {
    return Status(StatusCode::kFailedPrecondition,
                  "the store is at schema version " + std::to_string(version) +
                      " but this program needs " + std::to_string(LatestSchemaVersion()) +
                      ": run `safeguard migrate --db " + Redacted(db) + "` first");
  }
  return store;
}

int RunMigrate(const std::string& db) {
  SystemClock clock;
  auto conn = OpenDatabase(db);
  if (!conn.ok()) return Fail(conn.status());
  auto before = SchemaVersion(**conn);
  if (!before.ok()) return Fail(before.status());
  auto applied = Migrate(**conn, clock.Now());
  if (!applied.ok()) return Fail(applied.status());
  std::cout << "migrated " << Redacted(db) << " from schema version " << *before << " to "
            << *before + *applied << " (" << (*conn)->ServerVersion() << ")\n";
  return kExitOk;
}

int RunDemo(const std::string& db) {
  SystemClock clock;
  auto store = OpenAndMigrate(db, clock);
  if (!store.ok()) return Fail(store.status());
  auto logins = CreateDemoLa(**store, clock, AuthOptions{});
  if (!logins.ok()) return Fail(logins.status());
  std::cout << "created the demo local authority in " << Redacted(db)
            << " (all data synthetic)\ndemo logins (password \"" << kDemoPassword << "\"):\n";
  for (const DemoLogin& l : *logins) std::cout << "  " << l.username << "  (" << l.role << ")\n";
  return kExitOk;
}

// Reads an indicator targets CSV (indicator,target,amber).
Result<ind::Targets> ReadTargets(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ind::ParseTargets(text, path);
}

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 32;  // a kept-alive connection holds a thread: one per client
  int workers = 0;   // 0: twice the cores
  bool secure_cookies = false;
  std::string targets;
  std::string web_dir = SG_WEB_DIST;
  int scorecard_refresh = 30;
};

int RunServe(const std::string& db, const ServeArgs& a) {
  // Block the termination signals in every thread; one thread waits for them and stops the
  // server, so that in-flight requests finish and the store closes cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SystemClock clock;
  auto store = OpenCurrent(db, clock, static_cast<size_t>(a.threads) + 2);
  if (!store.ok()) return Fail(store.status());
  Auth auth(**store, clock);
  ServerOptions options;
  if (!a.targets.empty()) {
    auto t = ReadTargets(a.targets);
    if (!t.ok()) return Fail(t.status());
    options.targets = std::move(*t);
  }
  options.host = a.host;
  options.port = a.port;
  options.threads = a.threads;
  options.workers = a.workers;
  options.secure_cookies = a.secure_cookies;
  options.store_location = db;
  options.scorecard_refresh_seconds = a.scorecard_refresh;
  if (!a.web_dir.empty()) {
    if (std::filesystem::exists(std::filesystem::path(a.web_dir) / "index.html")) {
      options.static_dir = a.web_dir;
    } else {
      std::cerr << "safeguard: no web application in " << a.web_dir
                << " (build it with `make web`); serving the API only\n";
    }
  }
  Server server(**store, auth, options);
  auto bound = server.Bind();
  if (!bound.ok()) return Fail(bound.status());
  std::cout << "safeguard: serving " << Redacted(db) << " on http://" << a.host << ":" << *bound
            << std::endl;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("stopping on signal {}", sig);
    server.Stop();
  });
  Status s = server.Run();
  // Wake the waiter if the server stopped on its own (the signal is blocked in every thread,
  // so it reaches only the waiter's sigwait).
  kill(getpid(), SIGTERM);
  waiter.join();
  // No request is running now: free the fonts PDF reports loaded (a leak checker's report at
  // exit then shows only real leaks).
  report::ReleaseFontCaches();
  if (!s.ok()) return Fail(s);
  return kExitOk;
}

int RunExport(const std::string& db, const std::string& out_path) {
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 2);
  if (!store.ok()) return Fail(store.status());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (out_path != "-") {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(IoError("cannot write " + out_path));
    out = &file;
  }
  Progress progress("exported");
  auto counts = ExportRecords(**store, *out, [&](std::int64_t n) { progress(n); });
  if (!counts.ok()) return Fail(counts.status());
  progress.Done(counts->records);
  return kExitOk;
}

int RunImport(const std::string& db, const std::string& path, const std::string& as_user) {
  SystemClock clock;
  auto store = OpenAndMigrate(db, clock);
  if (!store.ok()) return Fail(store.status());
  auto actor = ActorFor(**store, as_user);
  if (!actor.ok()) return Fail(actor.status());
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(IoError("cannot read " + path));
  Progress progress("imported");
  auto counts = ImportRecords(**store, in, path, *actor, [&](std::int64_t n) { progress(n); });
  if (!counts.ok()) {
    std::cerr << "safeguard: nothing was imported (the import is all or nothing)\n";
    return Fail(counts.status());
  }
  progress.Done(counts->records);
  return kExitOk;
}

// ---- CIN census: validate a file, build one from the record, import one.

// Who holds each child's case, from the record's latest allocations: (team, worker).
std::map<std::string, std::pair<std::string, std::string>> CaseHolders(const RecordSet& rs) {
  std::map<Id, std::string> teams, workers, child_ids;
  for (const Record& t : rs.Of("team")) teams[t.id()] = t.GetText("name");
  for (const Record& w : rs.Of("worker")) {
    workers[w.id()] = w.GetText("first_name") + " " + w.GetText("last_name");
  }
  for (const Record& c : rs.Of("child")) child_ids[c.id()] = c.GetText("la_child_id");
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::map<Id, Date> latest;
  for (const Record& a : rs.Of("allocation")) {
    const Id child = a.GetInt("child_id");
    const Date start = std::get<Date>(a.Get("start_date"));
    if (latest.count(child) && latest[child] > start) continue;
    latest[child] = start;
    out[child_ids[child]] = {teams[a.GetInt("team_id")], workers[a.GetInt("worker_id")]};
  }
  return out;
}

int RunValidateCin(const std::string& db_flag, const std::string& db, const std::string& file,
                   const std::string& format, const std::string& year_text,
                   const std::string& out_path) {
  int year = 0;
  if (!year_text.empty()) {
    auto y = cin::ParseCollectionYear(year_text);
    if (!y.ok()) return Fail(y.status());
    year = *y;
  }
  // The rules run as soon as the file is read, while its schema check finishes.
  std::vector<Finding> rule_findings;
  cin::ReadOptions options;
  options.collection_year = year;
  options.then = [&](const cin::ReadResult& r) {
    if (r.well_formed) rule_findings = cin::Validate(r.census, {year});
  };
  auto read = cin::ReadFile(file, options);
  if (!read.ok()) return Fail(read.status());
  std::vector<Finding> findings = std::move(read->findings);
  findings.insert(findings.end(), std::make_move_iterator(rule_findings.begin()),
                  std::make_move_iterator(rule_findings.end()));
  ReportInfo info;
  const int y = year ? year : read->census.collection_year;
  info.title = "CIN census " + cin::CollectionLabel(y) +
               (read->well_formed ? "" : " (not well-formed XML: the rules were not run)");
  info.file = file;
  info.children = static_cast<int>(read->census.children.size());
  info.rules_run = read->well_formed ? static_cast<int>(cin::Rules().size()) : 0;
  // With a store named (--db or $SAFEGUARD_DB), the HTML report groups children by who
  // holds their case.
  std::map<std::string, std::pair<std::string, std::string>> holders;
  if (!db_flag.empty() && format == "html") {
    SystemClock clock;
    auto store = OpenCurrent(db, clock, 1);
    if (!store.ok()) return Fail(store.status());
    auto records = LoadedRecords::Load(**store);
    if (!records.ok()) return Fail(records.status());
    holders = CaseHolders(*records);
    info.owner = [&](const std::string& child) {
      auto it = holders.find(child);
      return it == holders.end() ? std::pair<std::string, std::string>{} : it->second;
    };
  }
  std::ofstream file_out;
  if (!out_path.empty() && out_path != "-") {
    file_out.open(out_path, std::ios::binary);
    if (!file_out) return Fail(IoError("cannot write " + out_path));
  }
  std::ostream& out = file_out.is_open() ? file_out : std::cout;
  WriteReport(findings, info, format, out);
  out.flush();
  if (!out) return Fail(IoError("writing the report failed"));
  return CountErrors(findings) > 0 ? kExitInputErrors : kExitOk;
}

int RunReturnsCin(const std::string& db, const std::string& year_text, const std::string& la,
                  const std::string& date_time, const std::string& out_path) {
  auto year = cin::ParseCollectionYear(year_text);
  if (!year.ok()) return Fail(year.status());
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto records = LoadedRecords::Load(**store);
  if (!records.ok()) return Fail(records.status());
  cin::BuildOptions o;
  o.collection_year = *year;
  o.la_code = la;
  if (o.la_code.empty()) {
    // The LA code most UPNs carry (characters 2-4).
    std::map<std::string, int> votes;
    for (const Record& c : records->Of("child")) {
      const std::string upn = c.GetText("upn");
      if (upn.size() == 13) ++votes[upn.substr(1, 3)];
    }
    int best = 0;
    for (const auto& [code, n] : votes) {
      if (n > best) {
        best = n;
        o.la_code = code;
      }
    }
  }
  o.date_time = date_time.empty() ? clock.Now().ToUkLocalString().substr(0, 19) : date_time;
  auto census = cin::Build(*records, o);
  if (!census.ok()) return Fail(census.status());
  std::ofstream file_out;
  if (out_path != "-") {
    file_out.open(out_path, std::ios::binary);
    if (!file_out) return Fail(IoError("cannot write " + out_path));
  }
  std::ostream& out = file_out.is_open() ? file_out : std::cout;
  cin::WriteXml(*census, out);
  out.flush();
  if (!out) return Fail(IoError("writing " + out_path + " failed"));
  std::cerr << "CIN census " << cin::CollectionLabel(*year) << ": " << census->children.size()
            << " children" << (out_path == "-" ? "" : " written to " + out_path) << "\n";
  return kExitOk;
}

int RunImportCin(const std::string& db, const std::string& file, const std::string& as_user) {
  auto read = cin::ReadFile(file, {0, true});
  if (!read.ok()) return Fail(read.status());
  if (!read->well_formed) {
    const Finding& f = read->findings.front();
    return Fail(InvalidArgument(file + " line " + std::to_string(f.line) + ": " +
                                std::string(f.text()) + " (nothing was imported)"));
  }
  SystemClock clock;
  auto store = OpenAndMigrate(db, clock);
  if (!store.ok()) return Fail(store.status());
  auto actor = ActorFor(**store, as_user);
  if (!actor.ok()) return Fail(actor.status());
  CinImportCounts counts;
  Status s = (*store)->Transaction([&](Store& tx) -> Status {
    SG_ASSIGN_OR_RETURN(counts, ImportCensus(tx, read->census, file, *actor));
    return Status::Ok();
  });
  if (!s.ok()) {
    std::cerr << "safeguard: nothing was imported (the import is all or nothing)\n";
    return Fail(s);
  }
  std::cout << "imported " << read->census.children.size() << " children from " << file << " ("
            << counts.total() << " records";
  for (const auto& [entity, n] : counts.records) std::cout << ", " << n << " " << entity;
  std::cout << ")\n";
  if (!read->findings.empty()) {
    std::cout << read->findings.size()
              << " schema findings in the file; `safeguard validate cin` lists them\n";
  }
  return kExitOk;
}

// ---- SSDA903: validate a return, build one from the record, import one.

// The collection year of a 903 at `path`: --year when given, else the latest collection the
// files' events fit (up to today).
Result<int> Ssda903Year(const ssda903::Return& ret, const std::string& path,
                        const std::string& year_text, const Clock& clock) {
  if (!year_text.empty()) return cin::ParseCollectionYear(year_text);
  const int year = ssda903::LatestCollectionYear(ret, clock.Now().UkDate());
  if (year == 0) {
    return InvalidArgument(path +
                           " has no dated event to tell the collection year from; "
                           "give --year, e.g. --year 2025-26");
  }
  return year;
}

struct Validate903Args {
  std::string path, previous, year, format = "table", out, la, providers, postcodes;
};

int RunValidate903(const std::string& db_flag, const std::string& db, const Validate903Args& a) {
  // SG_PROFILE_RULES=1: how long reading, the rules and the report take, on standard error.
  const bool profile = std::getenv("SG_PROFILE_RULES") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    if (!profile) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "%s %.1f ms\n", what,
                 std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  };
  std::vector<Finding> findings;
  auto current = ssda903::ReadReturn(a.path, findings);
  lap("read");
  if (!current.ok()) return Fail(current.status());
  SystemClock clock;
  auto year_or = Ssda903Year(*current, a.path, a.year, clock);
  if (!year_or.ok()) return Fail(year_or.status());
  const int year = *year_or;
  current->collection_year = year;
  std::optional<ssda903::Return> previous;
  if (!a.previous.empty()) {
    std::vector<Finding> prev_findings;
    auto p = ssda903::ReadReturn(a.previous, prev_findings);
    if (!p.ok()) return Fail(p.status());
    p->collection_year = year - 1;
    previous = std::move(*p);
    // What is wrong with last year's files is worth knowing, but it is last year's.
    for (Finding& f : prev_findings) {
      f.path = "previous year: " + f.path;
      f.severity = Severity::kQuery;
      findings.push_back(std::move(f));
    }
  }
  ssda903::Reference ref;
  ref.la_code = a.la;
  if (!a.providers.empty()) {
    if (Status s = ssda903::LoadProviders(a.providers, ref); !s.ok()) return Fail(s);
  }
  if (!a.postcodes.empty()) {
    if (Status s = ssda903::LoadPostcodes(a.postcodes, ref); !s.ok()) return Fail(s);
  }
  ssda903::ValidateOptions options;
  options.collection_year = year;
  options.previous = previous ? &*previous : nullptr;
  options.reference = &ref;
  ssda903::Validation v;
  v.findings = std::move(findings);
  ssda903::Validate(*current, options, v);
  findings = std::move(v.findings);
  lap("validate");
  ReportInfo info;
  info.title = "SSDA903 " + cin::CollectionLabel(year);
  info.file = a.path + (a.previous.empty() ? "" : " (previous year: " + a.previous + ")");
  info.children = v.children;
  info.rules_run = v.rules_run;
  info.not_run = std::move(v.not_run);
  std::map<std::string, std::pair<std::string, std::string>> holders;
  if (!db_flag.empty() && a.format == "html") {
    auto store = OpenCurrent(db, clock, 1);
    if (!store.ok()) return Fail(store.status());
    auto records = LoadedRecords::Load(**store);
    if (!records.ok()) return Fail(records.status());
    holders = CaseHolders(*records);
    info.owner = [&](const std::string& child) {
      auto it = holders.find(child);
      return it == holders.end() ? std::pair<std::string, std::string>{} : it->second;
    };
  }
  std::ofstream file_out;
  if (!a.out.empty() && a.out != "-") {
    file_out.open(a.out, std::ios::binary);
    if (!file_out) return Fail(IoError("cannot write " + a.out));
  }
  std::ostream& out = file_out.is_open() ? file_out : std::cout;
  WriteReport(findings, info, a.format, out);
  out.flush();
  lap("report");
  if (!out) return Fail(IoError("writing the report failed"));
  const int code = CountErrors(findings) > 0 ? kExitInputErrors : kExitOk;
  // The command ends here: the returns and findings (a county's are hundreds of megabytes of
  // small strings) are handed to the operating system with the process rather than freed one
  // by one. They stay reachable, so leak checkers do not count them.
  static std::vector<std::vector<Finding>>* kept = new std::vector<std::vector<Finding>>;
  static std::vector<ssda903::Return>* kept_returns = new std::vector<ssda903::Return>;
  kept->push_back(std::move(findings));
  kept_returns->push_back(std::move(*current));
  if (previous) kept_returns->push_back(std::move(*previous));
  return code;
}

int RunReturns903(const std::string& db, const std::string& year_text, const std::string& out) {
  auto year = cin::ParseCollectionYear(year_text);
  if (!year.ok()) return Fail(year.status());
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto records = LoadedRecords::Load(**store);
  if (!records.ok()) return Fail(records.status());
  auto ret = ssda903::Build(*records, {*year});
  if (!ret.ok()) return Fail(ret.status());
  namespace fs = std::filesystem;
  auto write = [](const fs::path& path, const std::function<void(std::ostream&)>& fn) -> Status {
    std::ofstream f(path, std::ios::binary);
    if (!f) return IoError("cannot write " + path.string());
    fn(f);
    f.flush();
    if (!f) return IoError("writing " + path.string() + " failed");
    return Status::Ok();
  };
  const bool xml = out.size() > 4 && out.substr(out.size() - 4) == ".xml";
  if (xml) {
    if (Status s = write(out, [&](std::ostream& o) { ssda903::WriteXml(*ret, o); }); !s.ok()) {
      return Fail(s);
    }
  } else {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) return Fail(IoError("cannot create " + out + ": " + ec.message()));
    for (size_t t = 0; t < ssda903::kTableCount; ++t) {
      const auto table = static_cast<ssda903::TableId>(t);
      Status s = write(fs::path(out) / std::string(ssda903::Spec(table).file),
                       [&](std::ostream& o) { ssda903::WriteCsv(*ret, table, o); });
      if (!s.ok()) return Fail(s);
    }
  }
  std::cerr << "SSDA903 " << cin::CollectionLabel(*year) << ": "
            << ret->tables[ssda903::kHeader].size() << " children, "
            << ret->tables[ssda903::kEpisodes].size() << " episodes written to " << out
            << (xml ? "" : " (one CSV file per table)") << "\n";
  return kExitOk;
}

int RunImport903(const std::string& db, const std::string& path, const std::string& year_text,
                 const std::string& as_user) {
  std::vector<Finding> findings;
  auto ret = ssda903::ReadReturn(path, findings);
  if (!ret.ok()) return Fail(ret.status());
  // A file that could not be read as a 903 stops the import: nothing half-read goes in.
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) {
      return Fail(InvalidArgument(f.path + (f.line ? " line " + std::to_string(f.line) : "") +
                                  (f.field.empty() ? "" : ", " + f.field) + ": " +
                                  std::string(f.text()) + " (nothing was imported)"));
    }
  }
  SystemClock clock;
  auto year = Ssda903Year(*ret, path, year_text, clock);
  if (!year.ok()) return Fail(year.status());
  ret->collection_year = *year;
  auto store = OpenAndMigrate(db, clock);
  if (!store.ok()) return Fail(store.status());
  auto actor = ActorFor(**store, as_user);
  if (!actor.ok()) return Fail(actor.status());
  Ssda903ImportCounts counts;
  Status s = (*store)->Transaction([&](Store& tx) -> Status {
    SG_ASSIGN_OR_RETURN(counts, ImportSsda903(tx, *ret, *actor));
    return Status::Ok();
  });
  if (!s.ok()) {
    std::cerr << "safeguard: nothing was imported (the import is all or nothing)\n";
    return Fail(s);
  }
  std::cout << "imported the " << cin::CollectionLabel(ret->collection_year) << " SSDA903 from "
            << path << ": " << ret->tables[ssda903::kHeader].size() << " children ("
            << counts.existing_children << " already in the record), " << counts.total()
            << " records";
  for (const auto& [entity, n] : counts.records) std::cout << ", " << n << " " << entity;
  std::cout << "\n";
  for (const auto& [what, n] : counts.not_imported) {
    std::cout << "not imported (the record has no place for it): " << n << " x " << what << "\n";
  }
  if (!findings.empty()) {
    std::cout << findings.size()
              << " queries about the files; `safeguard validate 903` lists them\n";
  }
  return kExitOk;
}

// The national measures a 903 feeds, from the return alone (earlier years' returns add history).
int RunMeasures903(const std::string& path, const std::string& year_text,
                   const std::vector<std::string>& previous, const std::string& format) {
  std::vector<Finding> findings;
  auto current = ssda903::ReadReturn(path, findings);
  if (!current.ok()) return Fail(current.status());
  SystemClock clock;
  auto year_or = Ssda903Year(*current, path, year_text, clock);
  if (!year_or.ok()) return Fail(year_or.status());
  const int year = *year_or;
  std::vector<ssda903::Return> earlier;
  for (const std::string& p : previous) {
    auto r = ssda903::ReadReturn(p, findings);
    if (!r.ok()) return Fail(r.status());
    earlier.push_back(std::move(*r));
  }
  std::vector<const ssda903::Return*> history;
  history.reserve(earlier.size());
  for (const auto& r : earlier) history.push_back(&r);
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : ssda903::Measures(*current, year, history)) {
    char value[32];
    std::snprintf(value, sizeof value, m.unit == "children" ? "%.0f" : "%.1f", m.value);
    char num[32], den[32];
    std::snprintf(num, sizeof num, "%.0f", m.numerator);
    std::snprintf(den, sizeof den, "%.0f", m.denominator);
    rows.push_back({m.id, m.title, value, m.unit, num, m.unit == "children" ? "" : den,
                    m.unknown ? std::to_string(m.unknown) : ""});
  }
  if (format == "table") {
    std::cout << "SSDA903 " << cin::CollectionLabel(year) << " measures from " << path
              << (previous.empty()
                      ? ""
                      : " (with " + std::to_string(previous.size()) + " earlier years' returns)")
              << "\n";
  }
  PrintRows({"measure", "title", "value", "unit", "numerator", "denominator", "unknown"}, rows,
            format);
  return kExitOk;
}

// ---- Indicators and Ofsted Annex A ----

struct IndicatorsArgs {
  std::string period, monthly, by, format = "table", out, la, targets;
  std::vector<std::string> only, returns;
  bool list = false;
  int threads = 2;
};

int ListIndicators(const std::string& format) {
  std::vector<std::vector<std::string>> rows;
  for (const ind::IndicatorDef& d : ind::AllIndicators()) {
    rows.push_back({std::string(d.id), std::string(d.area), std::string(d.name),
                    std::string(ind::UnitName(d.unit)),
                    d.polarity == Polarity::kHigherBetter  ? "higher"
                    : d.polarity == Polarity::kLowerBetter ? "lower"
                                                           : "",
                    std::string(d.benchmark), std::string(d.numerator), std::string(d.denominator),
                    std::string(d.timing)});
  }
  PrintRows(
      {"id", "area", "name", "unit", "better", "benchmark", "numerator", "denominator", "timing"},
      rows, format);
  return kExitOk;
}

int RunIndicators(const std::string& db, const IndicatorsArgs& a) {
  if (a.list) return ListIndicators(a.format);
  // SG_TIMING=1: how long reading and computing took, on stderr (make bench reads it).
  const bool timing = std::getenv("SG_TIMING") != nullptr;
  const auto t0 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  ind::EvaluateOptions o;
  o.threads = a.threads;
  o.ids = a.only;
  if (!a.by.empty()) {
    auto by = ind::ParseBreakdown(a.by);
    if (!by.ok()) return Fail(by.status());
    o.by = *by;
  }
  if (!a.monthly.empty()) {
    auto span = ind::ParsePeriod(a.monthly);
    if (!span.ok()) return Fail(span.status().WithFieldPrefix("--monthly"));
    auto months = ind::MonthlyPeriods(Date::FromDays(span->from), Date::FromDays(span->to));
    if (!months.ok()) return Fail(months.status());
    o.periods = std::move(*months);
  } else if (!a.period.empty()) {
    auto p = ind::ParsePeriod(a.period);
    if (!p.ok()) return Fail(p.status().WithFieldPrefix("--period"));
    o.periods = {*p};
  }
  if (a.returns.empty()) {
    // A store older than the program lacks tables the indicators read: say what to do.
    auto conn = OpenDatabase(db);
    if (!conn.ok()) return Fail(conn.status());
    auto version = SchemaVersion(**conn);
    if (!version.ok()) return Fail(version.status());
    if (*version != LatestSchemaVersion()) {
      return Fail(Status(StatusCode::kFailedPrecondition,
                         "the store is at schema version " + std::to_string(*version) +
                             " but this program needs " + std::to_string(LatestSchemaVersion()) +
                             ": run `safeguard migrate --db " + Redacted(db) + "` first"));
    }
  }
  // The published figures (a 28 MB table) and the LA's code load while the record is read.
  auto reference = std::async(std::launch::async, [&] {
    std::string la = a.la;
    if (la.empty() && a.returns.empty()) {
      if (auto inferred = ind::InferLaCode(db); inferred.ok()) la = *inferred;
    }
    auto figures = ind::BenchmarkFigures();
    if (figures.ok()) (void)StatNeighbours::Shipped();
    return std::make_pair(la, figures);
  });
  // Only what the periods can use is read from the store.
  Result<ind::Facts> facts =
      a.returns.empty()
          ? ind::LoadFacts(db, a.threads, o.periods.empty() ? ind::kNoDay : o.periods.front().from)
          : ind::FactsFromReturnFiles(a.returns);
  if (!facts.ok()) return Fail(facts.status());
  if (o.periods.empty()) {
    // The reporting year of the latest event recorded.
    const ind::Day latest = ind::LatestEvent(*facts);
    if (latest == ind::kNoDay) {
      return Fail(InvalidArgument("no events to report on: give --period"));
    }
    o.periods = {ind::DefaultPeriod(latest)};
  }
  const auto t1 = std::chrono::steady_clock::now();
  auto card = ind::Evaluate(*facts, o);
  if (!card.ok()) return Fail(card.status());
  const auto t2 = std::chrono::steady_clock::now();

  ind::ReportContext ctx;
  auto [la_code, figures] = reference.get();
  ctx.la_code = la_code;
  if (figures.ok()) {
    if (Status b = ind::AddBenchmarks(ctx); !b.ok()) return Fail(b.WithFieldPrefix("--la"));
  } else {
    std::cerr << "safeguard: benchmarks unavailable: " << figures.status().message() << "\n";
  }
  if (!a.targets.empty()) {
    auto targets = ReadTargets(a.targets);
    if (!targets.ok()) return Fail(targets.status());
    ctx.targets = std::move(*targets);
  }
  std::ofstream file_out;
  if (!a.out.empty() && a.out != "-") {
    file_out.open(a.out, std::ios::binary);
    if (!file_out) return Fail(IoError("cannot write " + a.out));
  }
  std::ostream& out = file_out.is_open() ? file_out : std::cout;
  if (a.format == "csv") {
    ind::WriteCsv(*card, ctx, out);
  } else if (a.format == "json") {
    out << ind::ToJson(*card, ctx) << "\n";
  } else {
    ind::WriteTable(*card, ctx, out);
  }
  out.flush();
  if (!out) return Fail(IoError("writing the scorecard failed"));
  if (timing) {
    std::fprintf(stderr, "timing: read %.1f ms, compute %.1f ms, write %.1f ms\n", ms(t0, t1),
                 ms(t1, t2), ms(t2, std::chrono::steady_clock::now()));
  }
  return kExitOk;
}

struct AnnexAArgs {
  std::string as_of, out, csv_dir;
};

int RunAnnexA(const std::string& db, const AnnexAArgs& a) {
  auto as_of = Date::Parse(a.as_of);
  if (!as_of.ok()) return Fail(as_of.status().WithFieldPrefix("--as-of"));
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto records = LoadedRecords::Load(**store);
  if (!records.ok()) return Fail(records.status());
  auto annex = annex_a::Build(*records, *as_of);
  if (!annex.ok()) return Fail(annex.status());
  if (!a.out.empty()) {
    Status s = annex_a::WriteXlsx(*annex, a.out);
    if (!s.ok()) return Fail(s);
  }
  if (!a.csv_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(a.csv_dir, ec);
    Status s = annex_a::WriteCsv(*annex, a.csv_dir);
    if (!s.ok()) return Fail(s);
  }
  for (const auto& list : annex->lists) {
    std::cerr << "List " << list.number << " (" << list.title << "): " << list.rows.size()
              << " rows\n";
  }
  return kExitOk;
}

int RunAddUser(const std::string& db, const std::string& username, const std::string& name,
               const std::string& role) {
  SystemClock clock;
  auto store = OpenAndMigrate(db, clock);
  if (!store.ok()) return Fail(store.status());
  const char* pw = std::getenv("SAFEGUARD_PASSWORD");
  std::string password;
  if (pw) {
    password = pw;
  } else {
    std::cerr << "password for " << username << ": ";
    std::getline(std::cin, password);
  }
  Auth auth(**store, clock);
  User u;
  u.username = username;
  u.display_name = name.empty() ? username : name;
  u.role = role;
  auto created = auth.CreateUser(std::move(u), password);
  if (!created.ok()) return Fail(created.status());
  std::cout << "created user " << created->username << " (" << created->role << ", id "
            << created->id << ")\n";
  return kExitOk;
}

struct GenerateArgs {
  GenerateOptions options;
  std::string as_of;
  bool demo_logins = false;
  std::string out;           // write the returns here
  double inject_errors = 0;  // chance that a child in a return gets a fault
  double drift = 0;          // share of each drift pool planted in the record
  std::string drift_manifest;
  int jobs = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
};

// `db` is empty when only files are wanted.
int RunGenerate(const std::string& db, GenerateArgs args) {
  if (!args.as_of.empty()) {
    auto d = Date::Parse(args.as_of);
    if (!d.ok()) return Fail(InvalidArgument("--as-of: " + d.status().message()));
    args.options.as_of = *d;
  }
  SystemClock clock;
  if (args.options.as_of.days() != 0 && args.options.as_of >= clock.Now().UkDate()) {
    return Fail(InvalidArgument("--as-of must be before today (the simulation covers whole days)"));
  }
  if (!(args.inject_errors >= 0 && args.inject_errors <= 1)) {
    return Fail(InvalidArgument("--inject-errors must be a rate between 0 and 1, e.g. 0.02"));
  }
  if (!(args.drift >= 0 && args.drift <= 1)) {
    return Fail(InvalidArgument("--drift must be a rate between 0 and 1, e.g. 0.02"));
  }
  if (args.drift > 0 && (db.empty() || args.drift_manifest.empty())) {
    return Fail(InvalidArgument(
        "--drift plants drift in the record for the case review to find: give --db and "
        "--drift-manifest FILE (where the planted cases are listed)"));
  }
  if (args.inject_errors > 0 && args.out.empty()) {
    return Fail(InvalidArgument(
        "--inject-errors plants faults in the returns' files: give --out DIR as well (the store "
        "only accepts valid records)"));
  }
  auto figures = ReferenceFigures::Shipped();
  if (!figures.ok()) return Fail(figures.status());
  auto councils = CouncilsFor(args.options.like, **figures);
  if (!councils.ok()) return Fail(councils.status());
  if (args.demo_logins && db.empty()) {
    return Fail(InvalidArgument("--demo-logins needs a store (--db)"));
  }

  std::unique_ptr<Store> store;
  if (!db.empty()) {
    auto opened = OpenAndMigrate(db, clock, 2);
    if (!opened.ok()) return Fail(opened.status());
    store = std::move(*opened);
    auto children = store->Count(Entity("child"));
    if (!children.ok()) return Fail(children.status());
    if (*children > 0) {
      return Fail(Status(StatusCode::kFailedPrecondition,
                         "the store already holds " + std::to_string(*children) +
                             " children: generate into an empty store"));
    }
  }
  Progress progress("generated");
  CouncilsOptions run;
  run.options = args.options;
  run.out = args.out;
  run.inject_rate = args.inject_errors;
  run.jobs = std::max(1, args.jobs);
  run.progress = [&](std::int64_t n) { progress(n); };
  run.council_done = [&](const Area& council, std::int64_t records) {
    if (councils->size() > 1) {
      std::fprintf(stderr, "%s (%s): %lld records\n", council.name.c_str(), council.la_code.c_str(),
                   static_cast<long long>(records));
    }
  };
  std::vector<CouncilRun> runs;
  std::vector<DemoLogin> logins;
  std::vector<PlantedDrift> drift;
  Status s;
  if (store) {
    s = store->Transaction([&](Store& tx) -> Status {
      SG_ASSIGN_OR_RETURN(runs, GenerateCouncils(run, **figures, &tx));
      if (args.drift > 0) {
        DriftOptions d;
        d.rate = args.drift;
        d.seed = args.options.seed;
        d.today = runs.front().summary.end;
        SG_ASSIGN_OR_RETURN(drift, PlantDrift(tx, d, Actor{}));
      }
      if (args.demo_logins) {
        // The demo social worker holds the busiest caseload; the demo manager manages it.
        const Date today =
            args.options.as_of.days() != 0 ? args.options.as_of : clock.Now().UkDate();
        SG_ASSIGN_OR_RETURN(auto linked, work::BusiestWorkerAndManager(tx, today));
        SG_ASSIGN_OR_RETURN(
            logins, CreateDemoLogins(tx, clock, AuthOptions{}, linked.first, linked.second));
      }
      return Status::Ok();
    });
  } else {
    auto done = GenerateCouncils(run, **figures, nullptr);
    s = done.status();
    if (done.ok()) runs = std::move(*done);
  }
  if (!s.ok()) {
    if (store) std::cerr << "safeguard: nothing was written to the store (all or nothing)\n";
    return Fail(s);
  }
  std::map<std::string, std::int64_t> counts;
  std::int64_t written = 0, faults = 0, cin_children = 0, cla_children = 0;
  for (const CouncilRun& r : runs) {
    for (const auto& [entity, n] : r.summary.counts) counts[entity] += n;
    written += r.records;
    faults += static_cast<std::int64_t>(r.returns.faults.size());
    cin_children += r.returns.cin_children;
    cla_children += r.returns.cla_children;
  }
  const bool many = runs.size() > 1;
  std::vector<GenerationSummary> summaries;
  summaries.reserve(runs.size());
  for (CouncilRun& r : runs) summaries.push_back(std::move(r.summary));
  progress.Done(written);
  const GenerationSummary& first = summaries.front();
  std::cout << "generated "
            << (many ? std::to_string(summaries.size()) + " synthetic councils in "
                     : std::string("a synthetic local authority like "))
            << (many ? std::string(args.options.like) : first.area->name)
            << " (reporting years ending 31 March " << first.first_year << " to " << first.last_year
            << "; simulated " << first.start.ToString() << " to " << first.end.ToString()
            << ", seed " << args.options.seed << ", scale " << args.options.scale << ")";
  if (store) std::cout << " in " << Redacted(db);
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows;
  rows.reserve(counts.size());
  for (const auto& [entity, n] : counts) rows.push_back({entity, std::to_string(n)});
  PrintRows({"entity", "records"}, rows, "table");
  if (!args.out.empty()) {
    std::cout << "returns written to " << args.out << (many ? "/<LA code>/" : "/")
              << ": CIN census XML, SSDA903 CSV and XML for each reporting year (last year: "
              << cin_children << " children in need, " << cla_children
              << " looked after or care leavers)\n";
    if (args.inject_errors > 0) {
      std::cout << faults << " faults planted, listed in faults.csv with the rule that should "
                << "catch each\n";
    }
  }
  if (args.drift > 0) {
    std::ofstream manifest(args.drift_manifest);
    WriteDriftManifest(drift, manifest);
    manifest.close();
    if (!manifest) return Fail(IoError("cannot write " + args.drift_manifest));
    std::cout << drift.size() << " cases of drift planted, listed in " << args.drift_manifest
              << " with the case review rule that should find each\n";
  }
  if (!many && !first.notes.empty()) {
    std::cout << "figures not published for " << first.area->name << " (England's used):\n";
    for (const auto& n : first.notes) std::cout << "  " << n << "\n";
  }
  if (!logins.empty()) {
    std::cout << "demo logins (password \"" << kDemoPassword << "\"):";
    for (const DemoLogin& l : logins) std::cout << " " << l.username;
    std::cout << "\n";
  }
  return kExitOk;
}

struct CaseReviewArgs {
  std::string as_of;  // default today
  int closed_months = 6;
  std::string format = "table";
};

// One row per finding, the most worrying case first; a summary before the table.
int RunCaseReview(const std::string& db, const CaseReviewArgs& a) {
  SystemClock clock;
  quality::ReviewOptions o;
  o.today = clock.Now().UkDate();
  if (!a.as_of.empty()) {
    auto d = Date::Parse(a.as_of);
    if (!d.ok()) return Fail(d.status().WithFieldPrefix("--as-of"));
    o.today = *d;
  }
  o.closed_months = a.closed_months;
  auto store = OpenCurrent(db, clock, 2);  // the review reads on two connections at once
  if (!store.ok()) return Fail(store.status());
  auto r = quality::ReviewCases(**store, o);
  if (!r.ok()) return Fail(r.status());
  if (a.format == "table") {
    std::cout << "case review on " << o.today.ToString() << ": " << r->open_cases
              << " open cases and " << r->closed_cases << " closed in the last " << o.closed_months
              << " months; " << r->flagged.size() << " need a look\n";
    for (const quality::DriftRuleInfo& info : quality::DriftRules()) {
      auto it = r->by_rule.find(info.rule);
      std::cout << "  " << info.name << ": " << (it == r->by_rule.end() ? 0 : it->second) << "\n";
    }
    for (const quality::ClosureSpike& spike : r->spikes) {
      std::cout << "  mass closure: " << spike.closed << " long-open cases closed in the week of "
                << spike.week.ToString() << " (usually " << spike.usual << ")\n";
    }
  }
  std::vector<std::vector<std::string>> rows;
  for (const quality::ReviewedCase& c : r->flagged) {
    for (const quality::DriftFlag& f : c.flags) {
      rows.push_back({std::to_string(c.priority), std::to_string(c.child_id), c.la_child_id,
                      c.status, c.worker_name, c.team_name, quality::InfoFor(f.rule).id, f.detail});
    }
  }
  PrintRows({"priority", "child_id", "la_child_id", "status", "worker", "team", "rule", "detail",
             "outcome"},
            rows, a.format);
  return kExitOk;
}

struct AuditSampleArgs {
  std::string month;  // YYYY-MM
  std::string rule = "random";
  int per_group = 2;
  std::uint64_t seed = 1;
  std::string format = "table";
};

int RunAuditSample(const std::string& db, const AuditSampleArgs& a) {
  auto month = Date::Parse(a.month + "-01");
  if (!month.ok()) return Fail(InvalidArgument("--month: a month as YYYY-MM, e.g. 2026-01"));
  quality::SampleOptions o;
  o.month = *month;
  o.rule =
      a.rule == "peer-review" ? quality::SampleRule::kPeerReview : quality::SampleRule::kRandom;
  o.per_group = a.per_group;
  o.seed = a.seed;
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto sample = quality::SampleForAudit(**store, o);
  if (!sample.ok()) return Fail(sample.status());
  std::vector<std::vector<std::string>> rows;
  for (const quality::SampledCase& c : *sample) {
    rows.push_back({c.group, std::to_string(c.child_id), c.la_child_id, c.worker_name, c.why});
  }
  PrintRows({"group", "child_id", "la_child_id", "worker", "why"}, rows, a.format);
  return kExitOk;
}

// The period of --period FROM..TO, else the 12 months to `as_of`.
Result<ind::Period> PeriodOr12Months(const std::string& text, Date as_of) {
  if (!text.empty()) {
    auto p = ind::ParsePeriod(text);
    if (!p.ok()) return p.status().WithFieldPrefix("--period");
    return *p;
  }
  ind::Period p;
  p.to = ind::DayOf(as_of);
  p.from = ind::DayOf(as_of.AddDays(1).AddMonths(-12));
  return p;
}

Result<Date> AsOfOrToday(const std::string& text) {
  if (text.empty()) return SystemClock().Now().UkDate();
  auto d = Date::Parse(text);
  if (!d.ok()) return d.status().WithFieldPrefix("--as-of");
  return *d;
}

struct QualityArgs {
  std::string period, as_of, format = "table", out, la, targets;
  Id plan_id = 0;
  int threads = 2;
};

int RunAudits(const std::string& db, const QualityArgs& a) {
  auto as_of = AsOfOrToday(a.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  auto period = PeriodOr12Months(a.period, *as_of);
  if (!period.ok()) return Fail(period.status());
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto s = quality::SummariseAudits(
      **store, {ind::DateFromDay(period->from), ind::DateFromDay(period->to), *as_of});
  if (!s.ok()) return Fail(s.status());
  if (a.format == "json") {
    std::cout << AuditSummaryToJson(*s).dump(2) << "\n";
    return kExitOk;
  }
  auto pct = [](std::optional<double> v) {
    return v ? FormatDouble(std::round(*v * 10) / 10) : std::string("-");
  };
  std::vector<std::vector<std::string>> rows;
  for (const quality::ThemeTrend& t : s->themes) {
    const quality::GradeMix& g = t.total;
    rows.push_back({t.theme, std::to_string(g.Total()), std::to_string(g.counts[0]),
                    std::to_string(g.counts[1]), std::to_string(g.counts[2]),
                    std::to_string(g.counts[3]), pct(g.GoodOrBetterPct())});
  }
  PrintRows({"theme", "graded", "outstanding", "good", "requires_improvement", "inadequate",
             "good_or_better_pct"},
            rows, a.format);
  if (a.format == "table") {
    const quality::Moderation& m = s->moderation;
    std::cout << "\n"
              << s->audits << " audits from " << s->from.ToString() << " to " << s->to.ToString()
              << "\nmoderation: " << m.pairs << " re-graded, " << m.agreed << " agreed ("
              << pct(m.agreement_pct) << "%), " << m.within_one << " within one grade ("
              << pct(m.within_one_pct) << "%), kappa "
              << (m.kappa ? FormatDouble(std::round(*m.kappa * 100) / 100) : "-")
              << "\nre-audits: " << s->reaudits.count << " (" << s->reaudits.improved
              << " improved, " << s->reaudits.same << " same, " << s->reaudits.worse
              << " worse)\nactions: " << s->actions.set << " set, " << s->actions.completed
              << " done (" << s->actions.completed_on_time << " on time); on "
              << s->as_of.ToString() << " " << s->actions.open << " open, " << s->actions.overdue
              << " overdue\n";
  }
  return kExitOk;
}

// The facts and context for indicator figures (indicator measures, the board report).
struct IndicatorInputs {
  ind::Facts facts;
  ind::ReportContext context;
};

Result<IndicatorInputs> LoadIndicatorInputs(const std::string& db, const QualityArgs& a) {
  IndicatorInputs in;
  SG_ASSIGN_OR_RETURN(in.facts, ind::LoadFacts(db, a.threads));
  in.context.la_code = a.la;
  if (in.context.la_code.empty()) {
    if (auto inferred = ind::InferLaCode(db); inferred.ok()) in.context.la_code = *inferred;
  }
  if (Status b = ind::AddBenchmarks(in.context); !b.ok()) return b.WithFieldPrefix("--la");
  if (!a.targets.empty()) {
    SG_ASSIGN_OR_RETURN(in.context.targets, ReadTargets(a.targets));
  }
  return in;
}

// The plans asked for (--plan N), else every active plan, rated on `as_of`.
Result<std::vector<quality::PlanState>> AssessPlans(Store& store, const IndicatorInputs& in,
                                                    Id plan_id, Date as_of) {
  std::vector<Id> ids;
  if (plan_id != 0) {
    ids.push_back(plan_id);
  } else {
    ListQuery active;
    active.equals = {{"status", Value(std::string("ACTIVE"))}};
    SG_ASSIGN_OR_RETURN(std::vector<Record> plans,
                        ListAll(store, Entity("improvement_plan"), active));
    for (const Record& p : plans) ids.push_back(p.id());
  }
  std::vector<quality::PlanState> out;
  for (Id id : ids) {
    SG_ASSIGN_OR_RETURN(quality::PlanState p,
                        quality::AssessPlan(store, id, as_of, {&in.facts, &in.context}));
    out.push_back(std::move(p));
  }
  return out;
}

void PlanRows(const quality::ItemState& item, int depth,
              std::vector<std::vector<std::string>>& rows) {
  rows.push_back({std::string(static_cast<size_t>(depth) * 2, ' ') + item.title, item.kind,
                  item.due ? item.due->ToString() : "", item.status, report::RagLabel(item.rag),
                  item.reason});
  for (const quality::ItemState& i : item.items) PlanRows(i, depth + 1, rows);
}

int RunPlan(const std::string& db, const QualityArgs& a) {
  auto as_of = AsOfOrToday(a.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto in = LoadIndicatorInputs(db, a);
  if (!in.ok()) return Fail(in.status());
  auto plans = AssessPlans(**store, *in, a.plan_id, *as_of);
  if (!plans.ok()) return Fail(plans.status());
  if (a.format == "json") {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& p : *plans) all.push_back(PlanStateToJson(p));
    std::cout << all.dump(2) << "\n";
    return kExitOk;
  }
  for (const quality::PlanState& p : *plans) {
    std::cout << p.title << " (plan " << p.id << "): " << report::RagLabel(p.rag) << ", "
              << p.reason << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& w : p.workstreams) PlanRows(w, 0, rows);
    PrintRows({"item", "kind", "due", "status", "rating", "why"}, rows, "table");
    std::cout << "\n";
    rows.clear();
    auto num = [](double v) { return FormatDouble(std::round(v * 10) / 10); };
    for (const auto& m : p.measures) {
      rows.push_back({m.name, m.has_baseline ? num(m.baseline) : "-",
                      m.latest ? num(m.latest->value) : "-", m.expected ? num(*m.expected) : "-",
                      num(m.target) + " by " + m.target_date.ToString(), report::RagLabel(m.rag),
                      m.reason});
    }
    PrintRows({"measure", "baseline", "latest", "expected", "target", "rating", "why"}, rows,
              "table");
    std::cout << "\n";
    rows.clear();
    for (const auto& r : p.risks) {
      rows.push_back({r.title, std::to_string(r.likelihood), std::to_string(r.impact),
                      std::to_string(r.score), r.status, report::RagLabel(r.rag)});
    }
    PrintRows({"risk", "likelihood", "impact", "score", "status", "rating"}, rows, "table");
    std::cout << "\n";
  }
  return kExitOk;
}

int RunBoardReport(const std::string& db, const QualityArgs& a) {
  auto as_of = AsOfOrToday(a.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  auto period = PeriodOr12Months(a.period, *as_of);
  if (!period.ok()) return Fail(period.status());
  std::string format = a.format;
  if (format.empty()) {
    format = a.out.size() > 4 && a.out.substr(a.out.size() - 4) == ".pdf" ? "pdf" : "html";
  }
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto in = LoadIndicatorInputs(db, a);
  if (!in.ok()) return Fail(in.status());
  auto audits = quality::SummariseAudits(
      **store, {ind::DateFromDay(period->from), ind::DateFromDay(period->to), *as_of});
  if (!audits.ok()) return Fail(audits.status());
  quality::BoardReportInput input;
  input.period = *period;
  input.as_of = *as_of;
  input.facts = &in->facts;
  input.context = &in->context;
  input.audits = &*audits;
  input.generated = quality::LongDate(clock.Now().UkDate());
  input.footer = quality::kBoardReportFooter;
  auto plans = AssessPlans(**store, *in, a.plan_id, *as_of);
  if (!plans.ok()) return Fail(plans.status());
  input.plans = std::move(*plans);
  auto doc = quality::BuildBoardReport(input);
  if (!doc.ok()) return Fail(doc.status());
  Status written;
  if (format == "pdf") {
    written = report::WritePdf(*doc, a.out);
  } else {
    std::ofstream out(a.out, std::ios::binary);
    out << report::RenderHtml(*doc);
    out.close();
    if (!out) written = IoError("cannot write " + a.out);
  }
  report::ReleaseFontCaches();
  if (!written.ok()) return Fail(written);
  std::cerr << "wrote " << a.out << " (" << doc->sections.size() << " sections)\n";
  return kExitOk;
}

struct AccessLogArgs {
  Id child = 0;
  Id user = 0;
  bool verify = false;
  std::string format = "table";
};

// The access log: who read or changed a child's record (or everything a user looked at), or
// --verify to walk the hash chain (exit 1 when it is broken).
int RunAccessLog(const std::string& db, const AccessLogArgs& a) {
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  if (a.verify) {
    auto check = (*store)->VerifyAccessLog();
    if (!check.ok()) return Fail(check.status());
    if (!check->intact) {
      std::cerr << "safeguard: the access log is broken at entry " << check->first_bad << ": "
                << check->problem << " (" << check->entries << " entries read)\n";
      return kExitInputErrors;
    }
    std::cout << "the access log is intact: " << check->entries << " entries, each chained to "
              << "the one before\n";
    return kExitOk;
  }
  AccessQuery q;
  if (a.child) q.child_id = a.child;
  if (a.user) q.user_id = a.user;
  q.limit = 10000;
  std::vector<std::vector<std::string>> rows;
  while (true) {
    auto page = (*store)->ReadAccess(q);
    if (!page.ok()) return Fail(page.status());
    for (const AccessEntry& e : *page) {
      rows.push_back({std::to_string(e.id), e.at.ToString(), e.username, e.role, e.action, e.entity,
                      e.record_id ? std::to_string(*e.record_id) : "",
                      e.child_id ? std::to_string(*e.child_id) : "", e.reason, e.request});
    }
    if (page->size() < static_cast<size_t>(q.limit)) break;
    q.after = page->back().id;
  }
  PrintRows(
      {"id", "at", "user", "role", "action", "what", "record_id", "child_id", "reason", "request"},
      rows, a.format);
  return kExitOk;
}

int RunListUsers(const std::string& db, const std::string& format) {
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  auto users = (*store)->ListUsers();
  if (!users.ok()) return Fail(users.status());
  std::vector<std::vector<std::string>> rows;
  for (const User& u : *users) {
    if (u.id == 1) continue;  // the system account cannot log in
    rows.push_back(
        {std::to_string(u.id), u.username, u.display_name, u.role, u.active ? "yes" : "no"});
  }
  PrintRows({"id", "username", "name", "role", "active"}, rows, format);
  return kExitOk;
}

int RunStats(const std::string& db, const std::string& format) {
  SystemClock clock;
  auto store = OpenCurrent(db, clock, 1);
  if (!store.ok()) return Fail(store.status());
  std::vector<std::vector<std::string>> rows;
  for (const EntityDesc& e : AllEntities()) {
    auto n = (*store)->Count(e);
    if (!n.ok()) return Fail(n.status());
    rows.push_back({std::string(e.name), std::string(e.title), std::to_string(*n)});
  }
  PrintRows({"entity", "title", "records"}, rows, format);
  return kExitOk;
}

}  // namespace
}  // namespace sg

int main(int argc, char** argv) {
  using namespace sg;
  auto logger = spdlog::stderr_color_mt("safeguard");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

  CLI::App app{
      "Safeguard: the case record, statutory returns and performance of children's social care.\n"
      "Every data command takes --db PATH: an SQLite file or a postgresql:// URL\n"
      "(default: $SAFEGUARD_DB, else ./safeguard.db).",
      "safeguard"};
  app.require_subcommand(1);
  // Global options (--db, --log-level) may come after the subcommand too.
  app.fallthrough();
  app.set_version_flag("--version", "safeguard 0.1.0");
  std::string db_flag;
  std::string log_level = "info";
  app.add_option("--db", db_flag, "the store: an SQLite file or a postgresql:// URL")
      ->envname("SAFEGUARD_DB");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  auto* migrate = app.add_subcommand("migrate", "Create or upgrade the store's schema");

  auto* demo = app.add_subcommand(
      "demo", "Create a small demo local authority (synthetic data) with one login per role");

  ServeArgs sv;
  auto* serve = app.add_subcommand("serve", "Serve the web application and the HTTP API");
  serve->add_option("--host", sv.host, "address to listen on")->capture_default_str();
  serve->add_option("--port", sv.port, "port to listen on; 0 picks a free port (printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--threads", sv.threads, "connection threads (one per open connection)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  serve
      ->add_option("--workers", sv.workers,
                   "requests handled at once, the others queued in arrival order; 0: twice "
                   "the cores")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  serve
      ->add_option("--scorecard-refresh", sv.scorecard_refresh,
                   "recompute the scorecard from the record at most every N seconds after it "
                   "changes")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  serve
      ->add_option("--web", sv.web_dir,
                   "the built web application (web/dist); without it, a page about the API")
      ->capture_default_str();
  serve->add_option(
      "--targets", sv.targets,
      "the LA's indicator targets, CSV: indicator,target,amber (RAG on the scorecard)");
  serve->add_flag("--secure-cookies", sv.secure_cookies,
                  "mark the session cookie Secure (when served behind TLS)");

  auto* exp = app.add_subcommand("export", "Export records");
  exp->require_subcommand(1);
  std::string out_path = "-";
  auto* exp_json = exp->add_subcommand("json", "Every record as JSON lines (one per record)");
  exp_json->add_option("--out", out_path, "output file; - for standard output")
      ->capture_default_str();

  auto* imp = app.add_subcommand("import", "Import records (all or nothing)");
  imp->require_subcommand(1);
  std::string in_path;
  std::string as_user;
  auto* imp_json = imp->add_subcommand("json", "JSON lines as written by `export json`");
  imp_json->add_option("FILE", in_path, "the file to import")->required();
  imp_json->add_option("--as", as_user, "record the import against this user (default: system)");

  std::string cin_file;
  auto* imp_cin = imp->add_subcommand("cin", "A CIN census XML file (a migration route)");
  imp_cin->add_option("FILE", cin_file, "the census file")->required();
  imp_cin->add_option("--as", as_user, "record the import against this user (default: system)");

  std::string path_903, year_903;
  auto* imp_903 = imp->add_subcommand(
      "903", "An SSDA903 return: a folder of CSV tables or the XML (a migration route)");
  imp_903->add_option("PATH", path_903, "the folder of CSV tables, or the XML file")->required();
  imp_903->add_option("--year", year_903,
                      "collection year, e.g. 2025-26 (default: the latest the files fit)");
  imp_903->add_option("--as", as_user, "record the import against this user (default: system)");

  auto* validate =
      app.add_subcommand("validate", "Validate a statutory return against DfE's rules");
  validate->require_subcommand(1);
  std::string report_format = "table", report_out, year_text;
  auto* val_cin = validate->add_subcommand(
      "cin", "A CIN census XML file: the schema and every 2025/26 rule; exit 1 when errors");
  val_cin->add_option("FILE", cin_file, "the census file")->required();
  val_cin->add_option("--format", report_format, "table, csv, json or html")
      ->check(CLI::IsMember({"table", "csv", "json", "html"}))
      ->capture_default_str();
  val_cin->add_option("--year", year_text,
                      "collection year, e.g. 2025-26 (default: the file's reference date)");
  val_cin->add_option("--out", report_out, "write the report here (default: standard output)");

  Validate903Args v903;
  auto* val_903 = validate->add_subcommand(
      "903",
      "An SSDA903 return (a folder of CSV tables, or the XML): every 2025/26 rule; exit 1 when "
      "errors");
  val_903->add_option("PATH", v903.path, "the folder of CSV tables, or one CSV or XML file")
      ->required();
  val_903->add_option("--year", v903.year,
                      "collection year, e.g. 2025-26 (default: the latest the files fit)");
  val_903->add_option("--previous", v903.previous,
                      "the previous year's return (folder or XML), for the rules that compare "
                      "years");
  val_903->add_option("--format", v903.format, "table, csv, json or html")
      ->check(CLI::IsMember({"table", "csv", "json", "html"}))
      ->capture_default_str();
  val_903->add_option("--out", v903.out, "write the report here (default: standard output)");
  val_903->add_option("--la", v903.la, "the LA's code, e.g. E09000027 (for the rules on it)");
  val_903->add_option("--providers", v903.providers,
                      "Ofsted provider list (CSV with URN; see docs/returns/903-differences.md)");
  val_903->add_option("--postcodes", v903.postcodes,
                      "postcode directory (CSV with pcd, laua, oseast1m, osnrth1m)");

  auto* returns = app.add_subcommand("returns", "Build a statutory return from the record");
  returns->require_subcommand(1);
  std::string la_code, date_time;
  std::string returns_out = "-";
  auto* ret_cin = returns->add_subcommand("cin", "The CIN census XML for a collection year");
  ret_cin->add_option("--year", year_text, "collection year, e.g. 2025-26")->required();
  ret_cin->add_option("--out", returns_out, "output file; - for standard output")
      ->capture_default_str();
  ret_cin->add_option("--la", la_code, "the LA's three-digit code (default: from the UPNs)");
  ret_cin->add_option("--date-time", date_time,
                      "the header's DateTime, YYYY-MM-DDTHH:MM:SS (default: now)");

  std::string out_903;
  auto* ret_903 = returns->add_subcommand(
      "903", "The SSDA903 for a collection year: a folder of CSV tables, or XML (--out X.xml)");
  ret_903->add_option("--year", year_text, "collection year, e.g. 2025-26")->required();
  ret_903->add_option("--out", out_903, "output folder (one CSV per table) or .xml file")
      ->required();

  auto* measures =
      app.add_subcommand("measures", "National measures computed from a statutory return alone");
  measures->require_subcommand(1);
  std::string m903_path, m903_year, m903_format = "table";
  std::vector<std::string> m903_previous;
  auto* meas_903 = measures->add_subcommand(
      "903",
      "From an SSDA903: CLA at 31 March, 3+ placements, long-term stability, care leavers "
      "19-21 accommodation and EET, adoption timeliness");
  meas_903->add_option("PATH", m903_path, "the folder of CSV tables, or the XML file")->required();
  meas_903->add_option("--year", m903_year,
                       "collection year, e.g. 2025-26 (default: the latest the files fit)");
  meas_903->add_option("--previous", m903_previous,
                       "earlier years' returns, most recent first (history for stability)");
  meas_903->add_option("--format", m903_format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();

  auto* users = app.add_subcommand("users", "Manage accounts");
  users->require_subcommand(1);
  std::string username, display_name, role;
  auto* add_user = users->add_subcommand(
      "add", "Create an account; the password comes from $SAFEGUARD_PASSWORD or standard input");
  add_user->add_option("USERNAME", username, "login name")->required();
  add_user->add_option("--name", display_name, "display name");
  add_user
      ->add_option("--role", role,
                   "role code (SOCIAL_WORKER, TEAM_MANAGER, FRONT_DOOR, IRO, "
                   "AUDITOR, ANALYST, SENIOR_LEADER, SCRUTINY_MEMBER, ADMIN)")
      ->required();

  std::string format = "table";
  auto* list_users = users->add_subcommand("list", "List the accounts");
  list_users->add_option("--format", format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  auto* stats = app.add_subcommand("stats", "Count the records of each kind in the store");
  stats->add_option("--format", format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();

  GenerateArgs gen;
  auto* generate = app.add_subcommand(
      "generate",
      "Create a synthetic local authority calibrated to a real council's published "
      "figures (all names and identifiers are synthetic)");
  generate->add_option("--like", gen.options.like, "the council to imitate (name or LA code)")
      ->capture_default_str();
  generate->add_option("--years", gen.options.years, "reporting years to calibrate (1-10)")
      ->capture_default_str();
  generate
      ->add_option("--seed", gen.options.seed, "random seed; the same seed gives the same records")
      ->capture_default_str();
  generate->add_option("--scale", gen.options.scale, "multiply every flow (0.1 = a tenth)")
      ->capture_default_str();
  generate->add_option("--last-year", gen.options.last_year,
                       "last reporting year (ending 31 March); default the latest published");
  generate->add_option("--as-of", gen.as_of,
                       "simulate up to this date (YYYY-MM-DD); default 31 March of the last year");
  generate
      ->add_option("--burn-in", gen.options.burn_in_years,
                   "years of simulated history before the first reporting year")
      ->capture_default_str();
  generate->add_flag("--demo-logins", gen.demo_logins,
                     "also create one demo login per role (password safeguard-demo)");
  generate->add_option("--out", gen.out,
                       "also write the returns (CIN census XML, SSDA903 CSV and XML) for each "
                       "reporting year into this folder; without --db, only the files");
  generate->add_option("--inject-errors", gen.inject_errors,
                       "plant data-quality faults in the returns' files at this rate per child "
                       "(e.g. 0.02) and list them in faults.csv");
  generate->add_option("--drift", gen.drift,
                       "plant drift in the record (visits not seeing the child, unfinished "
                       "assessments, unallocated and long-open cases, contacts after closure, a "
                       "mass closure) for this share of each kind's candidates, e.g. 0.02");
  generate->add_option("--drift-manifest", gen.drift_manifest,
                       "where to list the planted drift (CSV), with --drift");
  generate
      ->add_option("--jobs", gen.jobs,
                   "councils generated at once when writing files only (England, a region)")
      ->capture_default_str();

  CaseReviewArgs cr;
  auto* case_review = app.add_subcommand(
      "case-review",
      "Bulk case review: every open case and every case closed recently, checked for drift "
      "(child not seen, work overdue, unallocated, closed without a reason, mass closure)");
  case_review->add_option("--as-of", cr.as_of,
                          "review as on this date (YYYY-MM-DD); default today");
  case_review
      ->add_option("--closed-months", cr.closed_months, "closed cases looked back over (months)")
      ->check(CLI::Range(1, 60))
      ->capture_default_str();
  case_review->add_option("--format", cr.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();

  AuditSampleArgs as;
  auto* audit_sample = app.add_subcommand(
      "audit-sample",
      "Choose the cases to audit in a month, reproducibly: N per team at random, or N of each "
      "kind a peer review samples");
  audit_sample->add_option("--month", as.month, "the month (YYYY-MM)")->required();
  audit_sample->add_option("--rule", as.rule, "random or peer-review")
      ->check(CLI::IsMember({"random", "peer-review"}))
      ->capture_default_str();
  audit_sample->add_option("--per-group", as.per_group, "cases per team (random) or per kind")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  audit_sample->add_option("--seed", as.seed, "the same seed chooses the same cases")
      ->capture_default_str();
  audit_sample->add_option("--format", as.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();

  AccessLogArgs al;
  auto* access_log = app.add_subcommand(
      "access-log",
      "Who read or changed a child's record (for a subject access request), or what a user "
      "looked at; --verify checks the log's hash chain");
  access_log->add_option("--child", al.child, "the child's id");
  access_log->add_option("--user", al.user, "a user's id");
  access_log->add_flag("--verify", al.verify, "walk the hash chain; exit 1 if it is broken");
  access_log->add_option("--format", al.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();

  QualityArgs qa;
  auto* audits = app.add_subcommand(
      "audits",
      "What case file audits found in a period: grades by theme, moderation agreement, "
      "re-audits and actions");
  audits->add_option("--period", qa.period, "FROM..TO (default: the 12 months to --as-of)");
  audits->add_option("--as-of", qa.as_of, "actions open and overdue on this day (default today)");
  audits->add_option("--format", qa.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  QualityArgs pa;
  auto* plan = app.add_subcommand(
      "plan", "Improvement plans rated red, amber or green: actions, measures and risks");
  plan->add_option("--plan", pa.plan_id, "one plan's id (default: every active plan)");
  plan->add_option("--as-of", pa.as_of, "rate as on this day (default today)");
  plan->add_option("--la", pa.la, "the LA's three-digit code (default: from the UPNs)");
  plan->add_option("--targets", pa.targets, "the LA's indicator targets (CSV)");
  plan->add_option("--format", pa.format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  QualityArgs ba;
  ba.format.clear();
  auto* board = app.add_subcommand(
      "board-report",
      "The report for an improvement board or scrutiny panel, as a PDF or an HTML page: the "
      "headline figures with benchmarks, audit findings, plan progress, exceptions and risks");
  board->add_option("--period", ba.period, "FROM..TO (default: the 12 months to --as-of)");
  board->add_option("--as-of", ba.as_of, "plans rated as on this day (default today)");
  board->add_option("--out", ba.out, "the file to write (.pdf or .html)")->required();
  board->add_option("--format", ba.format, "pdf or html (default: from --out's extension)")
      ->check(CLI::IsMember({"pdf", "html"}));
  board->add_option("--plan", ba.plan_id, "one plan's id (default: every active plan)");
  board->add_option("--la", ba.la, "the LA's three-digit code (default: from the UPNs)");
  board->add_option("--targets", ba.targets, "the LA's indicator targets (CSV)");

  IndicatorsArgs ia;
  auto* indicators = app.add_subcommand(
      "indicators",
      "The performance scorecard: every indicator from the record (or from imported returns), "
      "with targets, RAG and benchmarks");
  indicators->add_option("--period", ia.period,
                         "FROM..TO, e.g. 2024-04-01..2025-03-31 "
                         "(default: the reporting year of the latest event)");
  indicators->add_option("--monthly", ia.monthly,
                         "FROM..TO: a monthly series instead (at most 60 months)");
  indicators->add_option("--by", ia.by, "team, worker, age, sex, ethnicity or disability")
      ->check(CLI::IsMember({"team", "worker", "age", "sex", "ethnicity", "disability"}));
  indicators->add_option("--format", ia.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  indicators->add_option("--out", ia.out, "write to this file instead of standard output");
  indicators->add_option("--la", ia.la, "the LA's three-digit code (default: from the UPNs)");
  indicators->add_option("--targets", ia.targets, "targets CSV: indicator,target,amber");
  indicators->add_option("--only", ia.only, "only these indicator ids")->delimiter(',');
  indicators->add_option("--returns", ia.returns,
                         "compute from these returns instead of the store: CIN census XML files "
                         "and SSDA903 folders or XML files, any years");
  indicators->add_flag("--list", ia.list, "list the indicators and their definitions");
  indicators->add_option("--threads", ia.threads, "threads to use")->capture_default_str();

  AnnexAArgs aa;
  auto* annex = app.add_subcommand("annex-a", "Ofsted Annex A lists 1-11 from the record");
  annex->add_option("--as-of", aa.as_of, "the date the lists are drawn up on (YYYY-MM-DD)")
      ->required();
  annex->add_option("--out", aa.out, "the .xlsx workbook to write");
  annex->add_option("--csv", aa.csv_dir, "also write one CSV per list into this folder");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  spdlog::set_level(spdlog::level::from_str(log_level));
  const std::string db = ResolveDb(db_flag);
  try {
    if (*migrate) return RunMigrate(db);
    if (*demo) return RunDemo(db);
    if (*serve) return RunServe(db, sv);
    if (*exp_json) return RunExport(db, out_path);
    if (*imp_json) return RunImport(db, in_path, as_user);
    if (*imp_cin) return RunImportCin(db, cin_file, as_user);
    if (*val_cin) {
      return RunValidateCin(db_flag, db, cin_file, report_format, year_text, report_out);
    }
    if (*ret_cin) return RunReturnsCin(db, year_text, la_code, date_time, returns_out);
    if (*val_903) return RunValidate903(db_flag, db, v903);
    if (*meas_903) return RunMeasures903(m903_path, m903_year, m903_previous, m903_format);
    if (*ret_903) return RunReturns903(db, year_text, out_903);
    if (*imp_903) return RunImport903(db, path_903, year_903, as_user);
    if (*add_user) return RunAddUser(db, username, display_name, role);
    if (*list_users) return RunListUsers(db, format);
    if (*stats) return RunStats(db, format);
    if (*indicators) return RunIndicators(db, ia);
    if (*case_review) return RunCaseReview(db, cr);
    if (*audit_sample) return RunAuditSample(db, as);
    if (*audits) return RunAudits(db, qa);
    if (*access_log) return RunAccessLog(db, al);
    if (*plan) return RunPlan(db, pa);
    if (*board) return RunBoardReport(db, ba);
    if (*annex) {
      if (aa.out.empty() && aa.csv_dir.empty()) {
        return Fail(InvalidArgument("annex-a: give --out annex_a.xlsx and/or --csv DIR"));
      }
      return RunAnnexA(db, aa);
    }
    // Without --db (or $SAFEGUARD_DB), --out alone writes only the files.
    if (*generate) return RunGenerate(db_flag.empty() && !gen.out.empty() ? "" : db, gen);
  } catch (const std::exception& e) {
    std::cerr << "safeguard: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

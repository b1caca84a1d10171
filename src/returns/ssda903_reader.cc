#include "returns/ssda903_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "common/csv.h"
#include "common/data_files.h"

namespace sg::ssda903 {
namespace {

namespace fs = std::filesystem;

Finding FileFinding(std::string_view file, int line, std::string_view field, std::string message,
                    Severity severity = Severity::kError) {
  Finding f;
  f.rule = "CSV";
  f.severity = severity;
  f.path = std::string(file);
  f.line = line;
  f.field = std::string(field);
  f.message = std::move(message);
  return f;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsDateColumn(std::string_view column) {
  static constexpr std::string_view kDates[] = {
      "DOB",       "MC_DOB",   "DECOM",      "DEC",         "REVIEW",
      "DUC",       "DATE_INT", "DATE_MATCH", "DATE_PLACED", "DATE_PLACED_CEASED",
      "MIS_START", "MIS_END",  "SW_DECOM",   "SW_DEC",      "DOLO_START",
      "DOLO_END"};
  return std::find(std::begin(kDates), std::end(kDates), column) != std::end(kDates);
}

bool AllDigits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// Why a date cell looks as though a spreadsheet rewrote it, or "" if it does not. DD/MM/YYYY
// is what the return wants; anything else that is not a date is left to the rules.
std::string ExcelDateProblem(std::string_view v) {
  if (v.size() == 10 && v[2] == '/' && v[5] == '/') return {};
  if (v.size() == 10 && v[4] == '-' && v[7] == '-' && AllDigits(v.substr(0, 4))) {
    return "is YYYY-MM-DD (as a spreadsheet saves dates)";
  }
  if (v.size() > 10 && v[2] == '/' && v[5] == '/' && v[10] == ' ') {
    return "has a time after the date (as a spreadsheet saves dates)";
  }
  if (v.size() == 5 && AllDigits(v)) return "is a spreadsheet's day number, not a date";
  if (v.size() >= 8 && v.size() < 10 && std::count(v.begin(), v.end(), '/') == 2) {
    return "has no leading zeros (as a spreadsheet shows dates)";
  }
  return {};
}

// Which columns of each table are dates (worked out once: this runs for every row).
const std::array<std::vector<bool>, kTableCount>& DateColumns() {
  static const auto* columns = [] {
    auto* out = new std::array<std::vector<bool>, kTableCount>;
    for (size_t t = 0; t < kTableCount; ++t) {
      for (std::string_view c : Spec(static_cast<TableId>(t)).columns) {
        (*out)[t].push_back(IsDateColumn(c));
      }
    }
    return out;
  }();
  return *columns;
}

void CheckDates(TableId table, const Row& row, std::string_view file, int line,
                std::vector<Finding>& findings) {
  const auto& cols = Spec(table).columns;
  const std::vector<bool>& dates = DateColumns()[static_cast<size_t>(table)];
  for (size_t c = 0; c < cols.size() && c < row.size(); ++c) {
    if (row[c].empty() || !dates[c]) continue;
    const std::string why = ExcelDateProblem(row[c]);
    if (why.empty()) continue;
    findings.push_back(
        FileFinding(file, line, cols[c],
                    std::string(cols[c]) + " \"" + row[c] + "\" " + why + "; expected DD/MM/YYYY",
                    Severity::kError));
    findings.back().child = row.empty() ? std::string() : row[0];
  }
}

std::string FileName(std::string_view file) {
  const size_t slash = file.find_last_of('/');
  return Upper(slash == std::string_view::npos ? file : file.substr(slash + 1));
}

}  // namespace

TableId RecogniseTable(const std::vector<std::string>& header, std::string_view file_name) {
  std::vector<std::string> cols;
  cols.reserve(header.size());
  for (const auto& h : header) cols.push_back(Upper(Trim(h)));
  const std::string name = FileName(file_name);
  TableId best = kTableCount;
  int best_score = 0;
  bool best_named = false;
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableSpec& spec = Spec(static_cast<TableId>(t));
    int matched = 0;
    for (const auto& c : cols) {
      if (std::find(spec.columns.begin(), spec.columns.end(), c) != spec.columns.end()) ++matched;
    }
    // Columns matched, less the table's columns the file lacks and the file's columns the
    // table lacks: UASC (CHILD, SEX, DOB, DUC) and Header (CHILD, SEX, DOB, ETHNIC, ...)
    // share three columns and differ in the rest.
    const int missing = static_cast<int>(spec.columns.size()) - matched;
    const int unknown = static_cast<int>(cols.size()) - matched;
    const int score = matched * 4 - missing - unknown;
    // A table's own columns beyond CHILD and DOB must be there for it to be recognised.
    if (matched < 3 && !(matched >= 2 && spec.columns.size() <= 4)) continue;
    std::string stem = Upper(spec.file.substr(0, spec.file.find('.')));
    const bool named = name.find(stem) != std::string::npos || name.find(Upper(spec.name)) == 0;
    if (score > best_score || (score == best_score && named && !best_named)) {
      best = static_cast<TableId>(t);
      best_score = score;
      best_named = named;
    }
  }
  return best;
}

namespace {

// A row that repeats an earlier one cell for cell (a copy pasted twice) is a query, and kept,
// so that the rules see what the file holds. Rows are grouped by a 64-bit hash of their cells
// (sorted, not hashed into a map: a county's reviews are a hundred thousand rows) and
// confirmed cell for cell.
void FindRepeatedRows(TableId table, std::string_view file, const Return& ret,
                      std::vector<Finding>& findings) {
  const auto& rows = ret.tables[table];
  const auto& lines = ret.sources[table].lines;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
    for (const std::string& cell : rows[r]) {
      for (unsigned char c : cell) hash = (hash ^ c) * 1099511628211ull;
      hash = (hash ^ 0x1f) * 1099511628211ull;
    }
    keys[r] = {hash, static_cast<std::uint32_t>(r)};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;  // (row, the first like it)
  for (size_t k = 1; k < keys.size(); ++k) {
    if (keys[k].first != keys[k - 1].first) continue;
    // The first row of this hash that has the same cells.
    size_t first = k - 1;
    while (first > 0 && keys[first - 1].first == keys[k].first) --first;
    for (size_t m = first; m < k; ++m) {
      if (rows[keys[m].second] == rows[keys[k].second]) {
        repeats.emplace_back(keys[k].second, keys[m].second);
        break;
      }
    }
  }
  std::sort(repeats.begin(), repeats.end());
  for (const auto& [row, like] : repeats) {
    Finding f = FileFinding(
        file, lines[row], "",
        "the row repeats line " + std::to_string(lines[like]) + " exactly; a copy pasted twice?",
        Severity::kQuery);
    f.child = rows[row][0];
    findings.push_back(std::move(f));
  }
}

// Reads one CSV file into `ret` (a return of its own: see ReadCsvTable for the joining).
void ReadCsvInto(std::string_view text, std::string_view file, Return& ret,
                 std::vector<Finding>& findings) {
  TableId table = kTableCount;
  std::vector<int> column_of;  // the file's column i -> the spec's column, or -1
  size_t spec_width = 0;
  bool reported = false;  // a finding already says why reading stopped
  const Status s = ForEachCsvRecord(text, [&](int line, std::vector<std::string>& cells) {
    if (table == kTableCount && column_of.empty()) {
      table = RecogniseTable(cells, file);
      if (table == kTableCount) {
        std::string names;
        for (size_t t = 0; t < kTableCount; ++t) {
          names += (t ? ", " : "") + std::string(Spec(static_cast<TableId>(t)).name);
        }
        findings.push_back(FileFinding(
            file, line, "",
            "the header line does not match any 903 table (" + names + "); file not read"));
        reported = true;
        return InvalidArgument("unrecognised");
      }
      TableSource& src = ret.sources[table];
      if (src.present) {
        findings.push_back(FileFinding(file, line, "",
                                       std::string(Spec(table).name) + " was already read from " +
                                           src.file + "; this second copy is not read"));
        reported = true;
        return InvalidArgument("duplicate");
      }
      src.present = true;
      src.file = std::string(file);
      const auto& spec = Spec(table).columns;
      spec_width = spec.size();
      std::vector<bool> seen(spec.size(), false);
      for (size_t i = 0; i < cells.size(); ++i) {
        const std::string name = Upper(Trim(cells[i]));
        const int idx = ColumnIndex(table, name);
        if (idx >= 0 && seen[static_cast<size_t>(idx)]) {
          findings.push_back(FileFinding(file, line, name,
                                         "column " + name + " appears twice; the first is read"));
          column_of.push_back(-1);
          continue;
        }
        if (idx < 0) {
          if (!name.empty()) {
            findings.push_back(FileFinding(file, line, name,
                                           "column " + name + " is not a column of " +
                                               std::string(Spec(table).name) + "; it is ignored",
                                           Severity::kQuery));
          }
          column_of.push_back(-1);
          continue;
        }
        seen[static_cast<size_t>(idx)] = true;
        column_of.push_back(idx);
      }
      for (size_t c = 0; c < spec.size(); ++c) {
        if (!seen[c]) {
          findings.push_back(FileFinding(file, line, spec[c],
                                         std::string(Spec(table).name) + " has no column " +
                                             std::string(spec[c]) +
                                             "; its cells are read as blank"));
        }
      }
      return Status::Ok();
    }
    // A blank line (one empty cell) is not a row.
    if (cells.size() == 1 && cells[0].empty()) return Status::Ok();
    if (cells.size() != column_of.size()) {
      findings.push_back(FileFinding(
          file, line, "",
          "the row has " + std::to_string(cells.size()) + " cells; the header has " +
              std::to_string(column_of.size()) +
              (cells.size() > column_of.size() ? "; the extra cells are ignored"
                                               : "; the missing cells are read as blank")));
    }
    Row row(spec_width);
    for (size_t i = 0; i < cells.size() && i < column_of.size(); ++i) {
      if (column_of[i] >= 0) row[static_cast<size_t>(column_of[i])] = std::move(cells[i]);
    }
    CheckDates(table, row, file, line, findings);
    ret.tables[table].push_back(std::move(row));
    ret.sources[table].lines.push_back(line);
    return Status::Ok();
  });
  if (!s.ok() && !reported) {
    findings.push_back(FileFinding(
        file, 0, "",
        s.message() +
            (table != kTableCount ? "; the rows before it were read" : "; file not read")));
  } else if (s.ok() && table == kTableCount) {
    findings.push_back(FileFinding(file, 0, "", "the file is empty"));
  }
  if (table != kTableCount) FindRepeatedRows(table, file, ret, findings);
}

// One CSV file read on its own (files are read in parallel, then joined in order).
struct ParsedCsv {
  Return part;
  std::vector<Finding> findings;
};

ParsedCsv ParseCsv(std::string_view text, std::string_view file) {
  ParsedCsv p;
  ReadCsvInto(text, file, p.part, p.findings);
  return p;
}

// Joins a file read on its own into `ret`: a second copy of a table is refused whole.
void Join(ParsedCsv&& p, std::string_view file, Return& ret, std::vector<Finding>& findings) {
  for (size_t t = 0; t < kTableCount; ++t) {
    TableSource& part = p.part.sources[t];
    if (!part.present) continue;
    if (ret.sources[t].present) {
      findings.push_back(FileFinding(file, 1, "",
                                     std::string(Spec(static_cast<TableId>(t)).name) +
                                         " was already read from " + ret.sources[t].file +
                                         "; this second copy is not read"));
      return;
    }
    ret.sources[t] = std::move(part);
    ret.tables[t] = std::move(p.part.tables[t]);
  }
  findings.insert(findings.end(), std::make_move_iterator(p.findings.begin()),
                  std::make_move_iterator(p.findings.end()));
}

}  // namespace

void ReadCsvTable(std::string_view text, std::string_view file, Return& ret,
                  std::vector<Finding>& findings) {
  Join(ParseCsv(text, file), file, ret, findings);
}

// ---- XML

namespace {

std::string Text(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return Trim(out);
}

std::string_view Name(xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

// A row of `table` for `child`, filled from the children of `parent` whose element names are
// the table's columns (`renames` maps an element name to a column: PL -> PLACE).
struct XmlRow {
  Row row;
  int line = 0;
  bool any = false;  // a column other than CHILD/DOB/SEX was present
};

void Fill(TableId table, xmlNode* parent, XmlRow& r) {
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    if (table == kEpisodes && name == "PL") name = "PLACE";
    const int idx = ColumnIndex(table, name);
    if (idx <= 0) continue;
    if (name == "DOB" || name == "SEX") continue;
    r.row[static_cast<size_t>(idx)] = Text(c);
    r.any = true;
  }
}

void Add(Return& ret, TableId table, XmlRow&& r) {
  ret.tables[table].push_back(std::move(r.row));
  ret.sources[table].lines.push_back(r.line);
}

// CLA.xsd, parsed once per process (read-only while validating, so threads may share it).
xmlSchemaPtr ClaSchema() {
  static xmlSchemaPtr schema = [] {
    auto text = ReadDataFile("schemas/CLA.xsd");
    if (!text.ok()) return static_cast<xmlSchemaPtr>(nullptr);
    xmlSchemaParserCtxtPtr ctx =
        xmlSchemaNewMemParserCtxt(text->data(), static_cast<int>(text->size()));
    xmlSchemaPtr s = xmlSchemaParse(ctx);
    xmlSchemaFreeParserCtxt(ctx);
    return s;
  }();
  return schema;
}

struct SchemaFindings {
  std::string file;
  std::vector<Finding>* out;
  int count = 0;
  static void OnError(void* self, xmlErrorPtr e) {
    auto* me = static_cast<SchemaFindings*>(self);
    if (e == nullptr || e->domain != XML_FROM_SCHEMASV || ++me->count > 1000) return;
    Finding f = FileFinding(me->file, e->line, "",
                            "does not match CLA.xsd: " + Trim(e->message ? e->message : "error"));
    f.rule = "XSD";
    const std::string& m = f.message;
    const size_t q = m.find("Element '");
    if (q != std::string::npos) {
      const size_t end = m.find('\'', q + 9);
      if (end != std::string::npos) f.field = m.substr(q + 9, end - q - 9);
    }
    me->out->push_back(std::move(f));
  }
};

}  // namespace

void ReadXmlReturn(std::string_view text, std::string_view file, Return& ret,
                   std::vector<Finding>& findings) {
  xmlDocPtr doc =
      xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* err = xmlGetLastError();
    Finding f = FileFinding(file, err ? err->line : 0, "",
                            std::string("not well-formed XML: ") +
                                (err && err->message ? Trim(err->message) : "unreadable"));
    f.rule = "XML";
    findings.push_back(std::move(f));
    return;
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root || Name(root) != "EXPSSDA903") {
    Finding f = FileFinding(file, root ? static_cast<int>(xmlGetLineNo(root)) : 0, "",
                            "the root element is not EXPSSDA903; this is not a 903 XML return");
    f.rule = "XML";
    findings.push_back(std::move(f));
    xmlFreeDoc(doc);
    return;
  }
  // The schema first: what it finds is reported, and the file is read as far as it can be.
  if (xmlSchemaPtr schema = ClaSchema()) {
    SchemaFindings sf{std::string(file), &findings};
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(vctx, &SchemaFindings::OnError, &sf);
    xmlSchemaValidateDoc(vctx, doc);
    xmlSchemaFreeValidCtxt(vctx);
  }
  for (size_t t = 0; t < kTableCount; ++t) {
    if (t == kDoLo) continue;  // not in CLA.xsd
    if (ret.sources[t].present) {
      Finding f =
          FileFinding(file, 0, "",
                      std::string(Spec(static_cast<TableId>(t)).name) + " was already read from " +
                          ret.sources[t].file + "; the XML's copy is not read");
      f.rule = "XML";
      findings.push_back(std::move(f));
      continue;
    }
    ret.sources[t].present = true;
    ret.sources[t].file = std::string(file);
  }
  auto fresh = [](TableId t, const std::string& child, const std::string& dob, xmlNode* at) {
    XmlRow r;
    r.row.assign(Spec(t).columns.size(), std::string());
    r.row[0] = child;
    const int d = ColumnIndex(t, "DOB");
    if (d > 0) r.row[static_cast<size_t>(d)] = dob;
    r.line = static_cast<int>(xmlGetLineNo(at));
    return r;
  };
  for (xmlNode* c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || Name(c) != "CHILD") continue;
    xmlNode* header = nullptr;
    for (xmlNode* h = c->children; h; h = h->next) {
      if (h->type == XML_ELEMENT_NODE && Name(h) == "HEADER") header = h;
    }
    std::string child, dob, sex;
    bool uasc = false;
    if (header) {
      for (xmlNode* f = header->children; f; f = f->next) {
        if (f->type != XML_ELEMENT_NODE) continue;
        if (Name(f) == "CHILDID") child = Text(f);
        if (Name(f) == "DOB") dob = Text(f);
        if (Name(f) == "SEX") sex = Text(f);
        if (Name(f) == "UASC") uasc = Text(f) == "1";
      }
    }
    if (!header) {
      Finding f = FileFinding(file, static_cast<int>(xmlGetLineNo(c)), "HEADER",
                              "a CHILD has no HEADER; its episodes are read without one");
      f.rule = "XML";
      findings.push_back(std::move(f));
    } else {
      XmlRow h = fresh(kHeader, child, dob, header);
      h.row[static_cast<size_t>(ColumnIndex(kHeader, "SEX"))] = sex;
      Fill(kHeader, header, h);
      Add(ret, kHeader, std::move(h));
      XmlRow u = fresh(kUasc, child, dob, header);
      u.row[static_cast<size_t>(ColumnIndex(kUasc, "SEX"))] = sex;
      Fill(kUasc, header, u);
      if (uasc || !u.row[static_cast<size_t>(ColumnIndex(kUasc, "DUC"))].empty()) {
        Add(ret, kUasc, std::move(u));
      }
      for (TableId t : {kAd1, kOc3}) {
        XmlRow r = fresh(t, child, dob, header);
        Fill(t, header, r);
        if (r.any) Add(ret, t, std::move(r));
      }
      for (xmlNode* f = header->children; f; f = f->next) {
        if (f->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = Name(f);
        TableId t = kTableCount;
        if (name == "AMISSING") t = kMissing;
        if (name == "AREVIEW") t = kReviews;
        if (name == "PERMANENCE") t = kPrevPerm;
        if (name == "OC2") t = kOc2;
        if (name == "AD_PLACED") t = kPlacedAdoption;
        if (t == kTableCount) continue;
        XmlRow r = fresh(t, child, dob, f);
        Fill(t, f, r);
        Add(ret, t, std::move(r));
      }
    }
    for (xmlNode* e = c->children; e; e = e->next) {
      if (e->type != XML_ELEMENT_NODE || Name(e) != "EPISODE") continue;
      XmlRow r = fresh(kEpisodes, child, dob, e);
      Fill(kEpisodes, e, r);
      Add(ret, kEpisodes, std::move(r));
    }
  }
  xmlFreeDoc(doc);
}

Result<Return> ReadReturn(const std::string& path, std::vector<Finding>& findings) {
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (!entry.is_regular_file()) continue;
      const std::string ext = Upper(entry.path().extension().string());
      if (ext == ".CSV" || ext == ".XML") files.push_back(entry.path());
    }
    if (ec) return IoError("cannot list " + path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) return IoError(path + " holds no .csv or .xml file");
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    return IoError("no such file or directory: " + path);
  }
  std::vector<std::string> texts, names;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return IoError("cannot read " + p.string());
    std::error_code size_ec;
    const auto size = fs::file_size(p, size_ec);
    std::string text(size_ec ? 0 : size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in) return IoError("cannot read " + p.string());
    texts.push_back(std::move(text));
    names.push_back(files.size() == 1 ? p.string() : p.filename().string());
  }
  auto is_xml = [&](size_t i) {
    const size_t first = texts[i].find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string::npos && texts[i][first] == '<';
  };
  // The CSV files are read in parallel (a county's reviews and episodes are most of the work),
  // then joined in file order, so the result does not depend on the threads.
  std::vector<ParsedCsv> parsed(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      if (!is_xml(i)) parsed[i] = ParseCsv(texts[i], names[i]);
    }
  };
  {
    std::vector<std::thread> pool;
    const size_t threads =
        std::min<size_t>({std::max(1u, std::thread::hardware_concurrency()), 4, files.size()});
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
  }
  Return ret;
  for (size_t i = 0; i < files.size(); ++i) {
    if (is_xml(i)) {
      ReadXmlReturn(texts[i], names[i], ret, findings);
    } else {
      Join(std::move(parsed[i]), names[i], ret, findings);
    }
  }
  return ret;
}

int LatestCollectionYear(const Return& ret, Date today) {
  static constexpr std::pair<TableId, std::string_view> kEvents[] = {
      {kEpisodes, "DECOM"},
      {kEpisodes, "DEC"},
      {kReviews, "REVIEW"},
      {kMissing, "MIS_START"},
      {kMissing, "MIS_END"},
      {kSwEpisodes, "SW_DECOM"},
      {kSwEpisodes, "SW_DEC"},
      {kPlacedAdoption, "DATE_PLACED"},
      {kPlacedAdoption, "DATE_PLACED_CEASED"},
      {kAd1, "DATE_INT"},
      {kAd1, "DATE_MATCH"}};
  std::optional<Date> latest;
  for (const auto& [table, column] : kEvents) {
    const auto c = static_cast<size_t>(ColumnIndex(table, column));
    for (const Row& row : ret.tables[table]) {
      auto d = Date::ParseUk(row[c]);
      if (d.ok() && *d <= today && (!latest || *d > *latest)) latest = *d;
    }
  }
  if (!latest) return 0;
  return latest->month() >= 4 ? latest->year() + 1 : latest->year();
}

}  // namespace sg::ssda903

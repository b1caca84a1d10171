#include "returns/report.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "common/csv.h"
#include "common/json_writer.h"

namespace sg {

std::vector<RuleCount> SummariseByRule(const std::vector<Finding>& findings) {
  std::map<std::string, RuleCount> by_rule;
  std::map<std::string, std::set<std::string>> children;
  for (const Finding& f : findings) {
    RuleCount& c = by_rule[f.rule];
    if (c.findings == 0) {
      c.rule = f.rule;
      c.severity = f.severity;
      c.message = std::string(f.text());
    }
    ++c.findings;
    if (!f.child.empty()) children[f.rule].insert(f.child);
  }
  std::vector<RuleCount> out;
  for (auto& [rule, c] : by_rule) {
    c.children = static_cast<int>(children[rule].size());
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) {
    if (a.severity != b.severity) return a.severity == Severity::kError;
    return a.findings > b.findings;
  });
  return out;
}

int CountErrors(const std::vector<Finding>& findings) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  }));
}

namespace {

void Html(std::ostream& out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      default:
        out << c;
    }
  }
}

std::string Line(int line) { return line > 0 ? std::to_string(line) : std::string(); }

void Table(const std::vector<Finding>& findings, const ReportInfo& info, std::ostream& out) {
  const int errors = CountErrors(findings);
  out << info.title << ": " << info.file << "\n"
      << info.children << " children, " << info.rules_run << " rules: " << errors << " errors, "
      << findings.size() - static_cast<size_t>(errors) << " queries\n";
  if (!info.not_run.empty()) {
    out << info.not_run.size() << " rules not run:\n";
    for (const auto& n : info.not_run) out << "  " << n.rule << ": needs " << n.needs << "\n";
  }
  if (findings.empty()) return;
  const std::vector<std::string> head = {"severity", "rule",  "child",  "line",
                                         "field",    "where", "message"};
  std::vector<std::vector<std::string>> rows;
  rows.reserve(findings.size());
  for (const Finding& f : findings) {
    rows.push_back({std::string(SeverityName(f.severity)), f.rule, f.child, Line(f.line), f.field,
                    f.path, std::string(f.text())});
  }
  std::vector<size_t> width(head.size());
  for (size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
  for (const auto& r : rows) {
    // The message column is last and not padded.
    for (size_t i = 0; i + 1 < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  }
  auto print = [&](const std::vector<std::string>& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      out << r[i];
      if (i + 1 < r.size()) out << std::string(width[i] - r[i].size() + 2, ' ');
    }
    out << "\n";
  };
  out << "\n";
  print(head);
  for (const auto& r : rows) print(r);
  out << "\nby rule:\n";
  for (const RuleCount& c : SummariseByRule(findings)) {
    out << "  " << c.rule << std::string(c.rule.size() < 6 ? 6 - c.rule.size() : 0, ' ') << " "
        << SeverityName(c.severity) << "  " << c.findings << " findings, " << c.children
        << " children  " << c.message << "\n";
  }
}

void CsvReport(const std::vector<Finding>& findings, const ReportInfo& info, std::ostream& out) {
  out << "rule,severity,child,line,field,where,message\n";
  // Rows are built in a buffer written a block at a time: a county's return has hundreds of
  // thousands of findings.
  std::string buf;
  buf.reserve(1 << 20);
  // A rule's findings share its message: quoted once per run of them.
  std::string_view last_text;
  std::string quoted_text;
  char digits[16];
  for (const Finding& f : findings) {
    AppendCsvCell(buf, f.rule);
    buf += ',';
    buf.append(SeverityName(f.severity));
    buf += ',';
    AppendCsvCell(buf, f.child);
    buf += ',';
    if (f.line > 0) {
      const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, f.line);
      buf.append(digits, end);
    }
    buf += ',';
    AppendCsvCell(buf, f.field);
    buf += ',';
    AppendCsvCell(buf, f.path);
    buf += ',';
    const std::string_view text = f.text();
    if (text.data() != last_text.data() || text.size() != last_text.size()) {
      last_text = text;
      quoted_text.clear();
      AppendCsvCell(quoted_text, text);
    }
    buf += quoted_text;
    buf += '\n';
    if (buf.size() > (1 << 20) - 4096) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  // Rules not run: a row each, severity "not run", the message saying what they needed.
  for (const auto& n : info.not_run) {
    WriteCsvCell(out, n.rule);
    out << ",not run,,,,,";
    WriteCsvCell(out, "not run: needs " + n.needs);
    out << '\n';
  }
}

void JsonReport(const std::vector<Finding>& findings, const ReportInfo& info, std::ostream& out) {
  JsonWriter w;
  w.BeginObject();
  w.Key("title").String(info.title);
  w.Key("file").String(info.file);
  w.Key("children").Int(info.children);
  w.Key("rules_run").Int(info.rules_run);
  w.Key("errors").Int(CountErrors(findings));
  w.Key("queries").Int(static_cast<std::int64_t>(findings.size()) - CountErrors(findings));
  w.Key("not_run").BeginArray();
  for (const auto& n : info.not_run) {
    w.BeginObject();
    w.Key("rule").String(n.rule);
    w.Key("needs").String(n.needs);
    w.EndObject();
  }
  w.EndArray();
  w.Key("by_rule").BeginArray();
  for (const RuleCount& c : SummariseByRule(findings)) {
    w.BeginObject();
    w.Key("rule").String(c.rule);
    w.Key("severity").String(SeverityName(c.severity));
    w.Key("message").String(c.message);
    w.Key("findings").Int(c.findings);
    w.Key("children").Int(c.children);
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings").BeginArray();
  for (const Finding& f : findings) {
    w.BeginObject();
    w.Key("rule").String(f.rule);
    w.Key("severity").String(SeverityName(f.severity));
    w.Key("child").String(f.child);
    if (f.line > 0) {
      w.Key("line").Int(f.line);
    } else {
      w.Key("line").Null();
    }
    w.Key("field").String(f.field);
    w.Key("where").String(f.path);
    w.Key("message").String(f.text());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << w.str() << "\n";
}

void HtmlReport(const std::vector<Finding>& findings, const ReportInfo& info, std::ostream& out) {
  const int errors = CountErrors(findings);
  out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>";
  Html(out, info.title);
  out << "</title>\n<style>body{font:15px/1.4 system-ui,sans-serif;margin:2rem;color:#1a1a1a}"
         "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #767676;"
         "padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#e8e8e8}"
         ".error{color:#a4000f;font-weight:600}.query{color:#6b4b00}"
         "h2{margin-top:2rem}</style></head><body>\n<h1>";
  Html(out, info.title);
  out << "</h1>\n<p>File: <code>";
  Html(out, info.file);
  out << "</code>. " << info.children << " children checked against " << info.rules_run
      << " rules: <strong>" << errors << " errors</strong> and " << findings.size() - errors
      << " queries.</p>\n";
  if (!info.not_run.empty()) {
    out << "<h2>Rules not run (" << info.not_run.size()
        << ")</h2>\n<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Needs</th>"
           "</tr></thead><tbody>\n";
    for (const auto& n : info.not_run) {
      out << "<tr><td>";
      Html(out, n.rule);
      out << "</td><td>";
      Html(out, n.needs);
      out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }
  if (findings.empty()) {
    out << "<p>Nothing to fix.</p></body></html>\n";
    return;
  }
  out << "<h2>By rule</h2>\n<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Type"
         "</th><th scope=\"col\">Findings</th><th scope=\"col\">Children</th>"
         "<th scope=\"col\">Message</th></tr></thead><tbody>\n";
  for (const RuleCount& c : SummariseByRule(findings)) {
    out << "<tr><td>";
    Html(out, c.rule);
    out << "</td><td class=\"" << SeverityName(c.severity) << "\">" << SeverityName(c.severity)
        << "</td><td>" << c.findings << "</td><td>" << c.children << "</td><td>";
    Html(out, c.message);
    out << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  // Grouped for the people who fix them: by team and worker when known, then by child.
  std::map<std::pair<std::string, std::string>, std::vector<const Finding*>> groups;
  for (const Finding& f : findings) {
    std::pair<std::string, std::string> key;
    if (info.owner && !f.child.empty()) key = info.owner(f.child);
    groups[key].push_back(&f);
  }
  for (const auto& [owner, list] : groups) {
    out << "<h2>";
    if (owner.first.empty() && owner.second.empty()) {
      Html(out, info.owner ? "Not allocated, or not in the record" : "All findings");
    } else {
      Html(out, owner.first + (owner.second.empty() ? "" : ": " + owner.second));
    }
    out << " (" << list.size()
        << ")</h2>\n<table><thead><tr><th scope=\"col\">Child</th>"
           "<th scope=\"col\">Rule</th><th scope=\"col\">Type</th><th scope=\"col\">Field</th>"
           "<th scope=\"col\">Line</th><th scope=\"col\">Message</th></tr></thead><tbody>\n";
    for (const Finding* f : list) {
      out << "<tr><td>";
      Html(out, f->child);
      out << "</td><td>";
      Html(out, f->rule);
      out << "</td><td class=\"" << SeverityName(f->severity) << "\">" << SeverityName(f->severity)
          << "</td><td>";
      Html(out, f->field);
      out << "</td><td>" << Line(f->line) << "</td><td>";
      Html(out, f->message);
      out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }
  out << "</body></html>\n";
}

}  // namespace

void WriteReport(const std::vector<Finding>& findings, const ReportInfo& info,
                 const std::string& format, std::ostream& out) {
  if (format == "csv") {
    CsvReport(findings, info, out);
  } else if (format == "json") {
    JsonReport(findings, info, out);
  } else if (format == "html") {
    HtmlReport(findings, info, out);
  } else {
    Table(findings, info, out);
  }
}

}  // namespace sg

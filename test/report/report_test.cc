// The report renderers. HTML is checked as text (escaping, contents links, ratings in words and
// colour, chart SVG). The PDF is checked through poppler-utils, as a reader would see it: the
// text pdftotext extracts page by page (headings, the last row of a long table, the repeated
// header row, "Page N of M", the footer), pdfinfo's title and page count, and pdftoppm's images
// (one per page; the chart's page is not blank).

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/document.h"
#include "report/render.h"

namespace sg::report {
namespace {

namespace fs = std::filesystem;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos;
       p = haystack.find(needle, p + needle.size())) {
    ++n;
  }
  return n;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a shell command; its exit status, with stdout in `out`.
int RunCommand(const std::string& command, std::string* out = nullptr) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  size_t n;
  std::string text;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) text.append(buf, n);
  const int status = pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A fresh directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sg_report_XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// poppler-utils must be installed: a missing tool fails the test (it is not skipped).
void RequireTool(const char* tool) {
  ASSERT_EQ(RunCommand(std::string("command -v ") + tool + " >/dev/null"), 0)
      << tool << " is missing: run scripts/install-deps.sh (poppler-utils)";
}

Block P(std::string text, bool emphasis = false) { return {Paragraph{std::move(text), emphasis}}; }

Chart LineChart() {
  Chart c;
  c.kind = Chart::Kind::kLine;
  c.title = "Re-referrals within 12 months";
  c.labels = {"2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"};
  c.series = {{"This council", {21.5, 23, kNaN, 19.8, 20.1, 18.7}},
              {"Statistical neighbours", {22, 22.4, 22.1, 21.9, 21.5, 21.2}}};
  c.y_label = "%";
  c.target = 20;
  c.alt = "Re-referrals fell from 21.5% in April to 18.7% in September, below the 20% target.";
  return c;
}

// ---------------------------------------------------------------- shared helpers

TEST(ReportModel, RagLabels) {
  EXPECT_STREQ(RagLabel(Rag::kGreen), "Green");
  EXPECT_STREQ(RagLabel(Rag::kAmber), "Amber");
  EXPECT_STREQ(RagLabel(Rag::kRed), "Red");
  EXPECT_STREQ(RagLabel(Rag::kComplete), "Complete");
  EXPECT_STREQ(RagLabel(Rag::kNone), "");
}

double Luminance(detail::Rgb c) {
  auto channel = [](unsigned v) {
    const double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((c >> 16) & 0xff) + 0.7152 * channel((c >> 8) & 0xff) +
         0.0722 * channel(c & 0xff);
}

TEST(ReportModel, RagTextMeetsWcagAaContrastOnItsColour) {
  for (Rag rag : {Rag::kGreen, Rag::kAmber, Rag::kRed, Rag::kComplete}) {
    const auto c = detail::RagColour(rag);
    const double a = Luminance(c.fill), b = Luminance(c.text);
    const double ratio = (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
    EXPECT_GE(ratio, 4.5) << RagLabel(rag);
  }
  EXPECT_EQ(detail::RagColour(Rag::kAmber).text, detail::kInk);  // dark text on amber
}

TEST(ReportModel, NiceAxisStepsAndRanges) {
  detail::Axis a = detail::NiceAxis(0, 87);
  EXPECT_EQ(a.lo, 0);
  EXPECT_EQ(a.hi, 100);
  EXPECT_EQ(a.step, 20);
  EXPECT_EQ(a.ticks.size(), 6u);
  a = detail::NiceAxis(-3.2, 7.9);
  EXPECT_EQ(a.step, 2.5);
  EXPECT_EQ(a.lo, -5);
  EXPECT_EQ(a.hi, 10);
  EXPECT_EQ(a.decimals, 1);
  a = detail::NiceAxis(18.7, 23);  // the line chart's range
  EXPECT_EQ(a.step, 1);
  EXPECT_EQ(a.lo, 18);
  EXPECT_EQ(a.hi, 23);
  a = detail::NiceAxis(42, 42);  // one point
  EXPECT_LT(a.lo, 42);
  EXPECT_GT(a.hi, 42);
  a = detail::NiceAxis(0, 0);
  EXPECT_EQ(a.lo, 0);
  EXPECT_EQ(a.hi, 1);
  a = detail::NiceAxis(0, 0.37);
  EXPECT_EQ(a.step, 0.1);
  EXPECT_EQ(a.decimals, 1);
  a = detail::NiceAxis(-1e308, 1e308);  // no overflow, no endless loop
  EXPECT_LE(a.ticks.size(), 50u);
}

TEST(ReportModel, FormatsNumbers) {
  EXPECT_EQ(detail::FormatNumber(1234567.26, 1), "1,234,567.3");
  EXPECT_EQ(detail::FormatNumber(-1234, 0), "-1,234");
  EXPECT_EQ(detail::FormatNumber(-0.01, 1), "0.0");
  EXPECT_EQ(detail::FormatNumber(999, 0), "999");
  EXPECT_EQ(detail::FormatShort(80), "80");
  EXPECT_EQ(detail::FormatShort(72.5), "72.5");
}

TEST(ReportModel, WrapBreaksAtSpacesAndInsideLongWords) {
  const detail::MeasureFn chars = [](std::string_view s, double, bool) {
    return static_cast<double>(detail::CodePointCount(s));
  };
  EXPECT_EQ(detail::WrapText("one two three", 7, 1, false, chars),
            (std::vector<std::string>{"one two", "three"}));
  EXPECT_EQ(detail::WrapText("abcdefghij", 4, 1, false, chars),
            (std::vector<std::string>{"abcd", "efgh", "ij"}));
  EXPECT_EQ(detail::WrapText("a\n\nb", 10, 1, false, chars),
            (std::vector<std::string>{"a", "", "b"}));
  // "é" is one character of two bytes: never split.
  EXPECT_EQ(detail::WrapText("\xc3\xa9\xc3\xa9\xc3\xa9", 2, 1, false, chars),
            (std::vector<std::string>{"\xc3\xa9\xc3\xa9", "\xc3\xa9"}));
}

TEST(ReportModel, CleanTextReplacesInvalidUtf8) {
  EXPECT_EQ(detail::CleanText("a\xff"
                              "b\tc\x01"),
            "a\xef\xbf\xbd"
            "b c");
  EXPECT_EQ(detail::CleanText("\xc3\xa9\xe2\x82\xac"), "\xc3\xa9\xe2\x82\xac");  // é€ kept
  EXPECT_EQ(detail::CleanText("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

// ---------------------------------------------------------------- HTML

TEST(ReportHtml, IsOneSelfContainedPage) {
  Document doc;
  doc.title = "Performance report";
  doc.sections = {{"Summary", {P("Text")}}, {"Charts", {{LineChart()}}}};
  const std::string html = RenderHtml(doc);
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"en-GB\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Performance report</title>"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(ReportHtml, EscapesEveryString) {
  const std::string nasty = "<script>&\"'";
  const std::string escaped = "&lt;script&gt;&amp;&quot;&#39;";
  Document doc;
  doc.title = nasty;
  doc.subtitle = nasty;
  doc.footer = nasty;
  Table t;
  t.caption = nasty;
  t.columns = {nasty};
  t.rows = {{Cell{nasty, Rag::kRed}}};
  t.note = nasty;
  Chart c = LineChart();
  c.title = nasty;
  c.alt = nasty;
  c.series[0].name = nasty;
  c.labels[0] = nasty;
  doc.sections = {{nasty, {P(nasty), P(nasty, true), {t}, {c}}}};
  const std::string html = RenderHtml(doc);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("&\""), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"script\">" + escaped + "</h2>"), std::string::npos) << html;
  // title, h1, subtitle, contents, heading, 2 paragraphs, caption, column, cell, note,
  // chart title (svg + data table caption), desc, legend, series heading, x label (svg + table),
  // footer: at least 15.
  EXPECT_GE(Count(html, escaped), 15u);
}

TEST(ReportHtml, ContentsLinksToEachSectionsId) {
  Document doc;
  doc.sections = {
      {"Summary", {}}, {"Children in care", {}}, {"Summary", {}}, {"", {}}, {"2025 figures", {}}};
  const std::string html = RenderHtml(doc);
  const std::vector<std::string> ids = {"summary", "children-in-care", "summary-2", "section",
                                        "section-2025-figures"};
  for (const std::string& id : ids) {
    EXPECT_EQ(Count(html, "<a href=\"#" + id + "\">"), 1u) << id;
    EXPECT_EQ(Count(html, "<h2 id=\"" + id + "\">"), 1u) << id;
    EXPECT_EQ(Count(html, "id=\"" + id + "\""), 1u) << id << ": ids are unique";
  }
  // In order, inside the contents list.
  const size_t nav = html.find("<nav");
  const size_t nav_end = html.find("</nav>");
  ASSERT_NE(nav, std::string::npos);
  size_t last = nav;
  for (const std::string& id : ids) {
    const size_t at = html.find("href=\"#" + id + "\"", last);
    ASSERT_LT(at, nav_end) << id;
    last = at;
  }
}

TEST(ReportHtml, RatedCellHasColourClassAndLabelText) {
  Table t;
  t.columns = {"Measure", "Value"};
  t.rows = {{Cell{"Visits on time"}, Cell{"72%", Rag::kAmber, true}},
            {Cell{"Plans reviewed"}, Cell{"", Rag::kRed}},
            {Cell{"Audit"}, Cell{"Complete", Rag::kComplete}}};
  Document doc;
  doc.sections = {{"Ratings", {{t}}}};
  const std::string html = RenderHtml(doc);
  EXPECT_NE(html.find("<td class=\"num rag rag-amber\">72% <span class=\"rag-label\">(Amber)"
                      "</span></td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td class=\"rag rag-red\"><span class=\"rag-label\">Red</span></td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"rag rag-complete\">Complete</td>"), std::string::npos);
  // The classes have their colours, amber with dark text.
  EXPECT_NE(html.find("td.rag-amber{background:#ffbf47;color:#0b0c0c}"), std::string::npos);
  EXPECT_NE(html.find("td.rag-red{background:#b10e1e;color:#fff}"), std::string::npos);
  // The striped rows' grey (a more specific rule) must not paint over a rating's colour.
  EXPECT_NE(html.find("tr:nth-child(even) td:not(.rag){background:"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">Measure</th>"), std::string::npos);
}

TEST(ReportHtml, ChartIsAnSvgImageWithTitleAndDescription) {
  Document doc;
  doc.sections = {{"Trend", {{LineChart()}}}};
  const std::string html = RenderHtml(doc);
  const std::regex svg("<svg [^>]*role=\"img\"[^>]*aria-labelledby=\"([a-z0-9-]+) ([a-z0-9-]+)\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, svg)) << html;
  EXPECT_NE(html.find("<title id=\"" + m[1].str() + "\">Re-referrals within 12 months</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<desc id=\"" + m[2].str() + "\">Re-referrals fell from 21.5% in April"),
            std::string::npos);
  // Axes with tick labels (18 to 23, every 1), x labels, a legend for the two series.
  EXPECT_NE(html.find(">18</text>"), std::string::npos);
  EXPECT_NE(html.find(">23</text>"), std::string::npos);
  EXPECT_NE(html.find("class=\"x-label\""), std::string::npos);
  EXPECT_NE(html.find(">2024-09</text>"), std::string::npos);
  EXPECT_EQ(Count(html, "class=\"legend\""), 2u);
  EXPECT_NE(html.find(">Statistical neighbours</text>"), std::string::npos);
  // The figures beneath, the missing one said in words.
  EXPECT_NE(html.find("<td class=\"num\">No value</td>"), std::string::npos);
}

// The points of each "series-N" polyline, and the number of markers.
struct LinePlot {
  std::vector<size_t> runs;  // points per polyline
  size_t markers = 0;
};
LinePlot Plot(const Chart& chart) {
  Document doc;
  doc.sections = {{"S", {{chart}}}};
  const std::string html = RenderHtml(doc);
  LinePlot p;
  const std::regex poly("<polyline class=\"series-0\"[^>]* points=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), poly); it != std::sregex_iterator();
       ++it) {
    const std::string pts = (*it)[1];
    p.runs.push_back(Count(pts, ","));
  }
  p.markers = Count(html, "class=\"pt\"");
  return p;
}

TEST(ReportHtml, NaNLeavesAGapWithNoPoint) {
  Chart c;
  c.title = "Gaps";
  c.labels = {"a", "b", "c", "d", "e"};
  c.series = {{"Only", {10, 20, 30, 40, 50}}};
  LinePlot full = Plot(c);
  EXPECT_EQ(full.markers, 5u);
  EXPECT_EQ(full.runs, (std::vector<size_t>{5}));

  c.series[0].values = {10, kNaN, 30, 40, 50};
  LinePlot gap = Plot(c);
  EXPECT_EQ(gap.markers, 4u);                     // no point for b
  EXPECT_EQ(gap.runs, (std::vector<size_t>{3}));  // a alone (a point, no line), then c-d-e

  c.series[0].values = {10, 20, kNaN, 40, 50, std::numeric_limits<double>::infinity()};
  LinePlot two = Plot(c);
  EXPECT_EQ(two.markers, 4u);  // infinity (and the value beyond the labels) is no value
  EXPECT_EQ(two.runs, (std::vector<size_t>{2, 2}));

  c.series[0].values = {10, 20};  // missing trailing values
  EXPECT_EQ(Plot(c).markers, 2u);
}

TEST(ReportHtml, TargetDrawsADashedLine) {
  Chart c = LineChart();
  Document doc;
  doc.sections = {{"S", {{c}}}};
  std::string html = RenderHtml(doc);
  const std::regex target(
      "<line class=\"target\"[^>]* y1=\"([0-9.]+)\"[^>]* y2=\"([0-9.]+)\""
      "[^>]*stroke-dasharray");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, target)) << html;
  EXPECT_EQ(m[1].str(), m[2].str());  // horizontal
  EXPECT_NE(html.find(">Target 20</text>"), std::string::npos);
  // Where 20 lies between the gridlines of 19 and 21.
  const std::regex grid("<line class=\"grid\" x1=\"[0-9.]+\" y1=\"([0-9.]+)\"");
  std::vector<double> ys;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), grid); it != std::sregex_iterator();
       ++it) {
    ys.push_back(std::stod((*it)[1]));
  }
  ASSERT_EQ(ys.size(), 6u);  // 18..23
  EXPECT_NEAR(std::stod(m[1]), (ys[1] + ys[3]) / 2, 0.2);

  c.target.reset();
  doc.sections = {{"S", {{c}}}};
  html = RenderHtml(doc);
  EXPECT_EQ(html.find("class=\"target\""), std::string::npos);
  EXPECT_EQ(html.find("Target"), std::string::npos);
}

TEST(ReportHtml, BarsGoBelowZeroForNegativeValues) {
  Chart c;
  c.kind = Chart::Kind::kBar;
  c.title = "Change";
  c.labels = {"a", "b"};
  c.series = {{"Change", {5, -5}}};
  Document doc;
  doc.sections = {{"S", {{c}}}};
  const std::string html = RenderHtml(doc);
  const std::regex bar(
      "<rect class=\"bar\" x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"[0-9.]+\" "
      "height=\"([0-9.]+)\"");
  std::vector<std::pair<double, double>> bars;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), bar); it != std::sregex_iterator();
       ++it) {
    bars.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  ASSERT_EQ(bars.size(), 2u);
  EXPECT_NEAR(bars[0].second, bars[1].second, 0.2);                 // same length
  EXPECT_NEAR(bars[0].first + bars[0].second, bars[1].first, 0.2);  // meet at zero
}

TEST(ReportHtml, ASeriesMayCarryItsOwnColour) {
  Chart c;
  c.kind = Chart::Kind::kStackedBar;
  c.title = "Grades";
  c.labels = {"a"};
  c.series = {{"Good", {3}, 0x00703c}, {"Other", {2}, std::nullopt}};
  Document doc;
  doc.sections = {{"S", {{c}}}};
  const std::string html = RenderHtml(doc);
  EXPECT_NE(html.find("#00703c"), std::string::npos);  // its own
  EXPECT_NE(html.find("#d55e00"), std::string::npos);  // the palette's second colour
  EXPECT_EQ(html.find("#0072b2"), std::string::npos);  // not the palette's first
}

// ---------------------------------------------------------------- degenerate inputs

Document Degenerate() {
  Document doc;
  Table no_columns;
  no_columns.caption = "Nothing at all";
  Table no_rows;
  no_rows.caption = "Headers only";
  no_rows.columns = {"A", "B"};
  Table ragged;
  ragged.columns = {"One"};
  ragged.rows = {{}, {Cell{"x"}, Cell{"extra", Rag::kGreen}}};
  Chart empty;
  empty.title = "Empty chart";
  Chart all_nan;
  all_nan.title = "All missing";
  all_nan.labels = {"a", "b"};
  all_nan.series = {{"s", {kNaN, kNaN}}};
  all_nan.target = 5;
  Chart one;
  one.title = "One point";
  one.labels = {"a"};
  one.series = {{"s", {42}}};
  Chart negative;
  negative.kind = Chart::Kind::kStackedBar;
  negative.title = "Mixed signs";
  negative.labels = {"a", "b", "c"};
  negative.series = {{"up", {3, -2, kNaN}}, {"down", {-4, -1, 0}}};
  negative.target = -1;
  Chart bars;
  bars.kind = Chart::Kind::kBar;
  bars.title = "Zero bars";
  bars.labels = {"a", "b"};
  bars.series = {{"s", {0, 0}}, {"t", {}}};
  Chart crowded;
  crowded.title = "Many labels";
  for (int i = 0; i < 200; ++i) crowded.labels.push_back("Label number " + std::to_string(i));
  crowded.series = {{"s", std::vector<double>(200, 1e9)}};
  doc.sections = {
      {"", {P(""), P("", true), {no_columns}, {no_rows}, {ragged}}},
      {"Charts \xff bad bytes", {{empty}, {all_nan}, {one}, {negative}, {bars}, {crowded}}}};
  return doc;
}

TEST(ReportDegenerate, HtmlRendersEmptyAndOddInputs) {
  const std::string empty = RenderHtml(Document{});
  EXPECT_NE(empty.find("<title>Report</title>"), std::string::npos);
  EXPECT_EQ(empty.find("<nav"), std::string::npos);
  EXPECT_NE(empty.find("</html>"), std::string::npos);

  const std::string html = RenderHtml(Degenerate());
  EXPECT_EQ(Count(html, ">No data</text>"), 2u);  // the empty chart and the all-NaN one
  EXPECT_NE(html.find(">No rows</td>"), std::string::npos);
  EXPECT_NE(html.find("Charts \xef\xbf\xbd bad bytes"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
  EXPECT_EQ(html.find("inf"), std::string::npos);
}

TEST(ReportDegenerate, PdfRendersEmptyAndOddInputs) {
  RequireTool("pdftotext");
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  ASSERT_TRUE(WritePdf(Document{}, dir.File("empty.pdf")).ok());
  const Status s = WritePdf(Degenerate(), dir.File("odd.pdf"));
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::string text;
  ASSERT_EQ(RunCommand("pdftotext -layout " + dir.File("empty.pdf") + " -", &text), 0) << text;
  EXPECT_NE(text.find("Page 1 of 1"), std::string::npos) << text;
  ASSERT_EQ(RunCommand("pdftotext -layout " + dir.File("odd.pdf") + " -", &text), 0) << text;
  EXPECT_EQ(Count(text, "No data"), 3u) << text;  // the table without columns, two charts
  EXPECT_NE(text.find("No rows"), std::string::npos);
  EXPECT_NE(text.find("Mixed signs"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.File("odd.pdf.tmp")));
}

TEST(ReportDegenerate, WritePdfReportsAnUnwritablePath) {
  const Status s = WritePdf(Document{}, "/nonexistent-dir/report.pdf");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

// ---------------------------------------------------------------- PDF

Document BoardReport() {
  Document doc;
  doc.title = "Children's services performance";
  doc.subtitle = "Report to the Corporate Parenting Board";
  doc.organisation = "Exampleshire County Council";
  doc.period = "April to September 2024";
  doc.generated = "Generated 7 December 2026";
  doc.footer = "OFFICIAL-SENSITIVE: synthetic data";

  Table rag;
  rag.caption = "Key measures against targets";
  rag.columns = {"Measure", "Value", "Target", "Rating"};
  rag.rows = {{Cell{"Assessments within 45 working days"}, Cell{"91%", Rag::kNone, true},
               Cell{"85%", Rag::kNone, true}, Cell{"", Rag::kGreen}},
              {Cell{"CP visits on time"}, Cell{"78%", Rag::kNone, true},
               Cell{"90%", Rag::kNone, true}, Cell{"", Rag::kAmber}},
              {Cell{"Care leavers in touch"}, Cell{"61%", Rag::kRed, true},
               Cell{"90%", Rag::kNone, true}, Cell{"Below", Rag::kRed}},
              {Cell{"Annual audit"}, Cell{""}, Cell{""}, Cell{"", Rag::kComplete}}};

  Table children;
  children.caption = "Children subject to a plan";
  children.columns = {"Child reference", "Team", "Plan start", "Days open", "Visits", "Status"};
  for (int i = 1; i <= 120; ++i) {
    char ref[16];
    std::snprintf(ref, sizeof(ref), "CH-%04d", i);
    children.rows.push_back(
        {Cell{ref}, Cell{i % 3 == 0 ? "Children in Care North" : "Family Support South"},
         Cell{"2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10)},
         Cell{std::to_string(i * 7), Rag::kNone, true},
         Cell{std::to_string(i % 12), Rag::kNone, true},
         Cell{"", i % 4 == 0 ? Rag::kRed : Rag::kGreen}});
  }
  children.note = "Source: the case record, 30 September 2024.";

  Table wide;
  wide.caption = "A wide table";
  for (int c = 0; c < 9; ++c) wide.columns.push_back("Column heading number " + std::to_string(c));
  wide.rows = {std::vector<Cell>(9, Cell{"A rather long cell text that must wrap to fit"})};

  Chart stacked;
  stacked.kind = Chart::Kind::kStackedBar;
  stacked.title = "Children in care by placement type";
  stacked.labels = {"2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"};
  stacked.series = {{"Foster care", {410, 415, 420, 418, 425, 430}},
                    {"Residential", {60, 62, 61, 65, 66, 64}},
                    {"Placed with parents", {35, 33, 30, 31, 29, 30}},
                    {"Other", {20, 21, 22, kNaN, 24, 25}}};
  stacked.y_label = "children";
  stacked.alt = "Foster care is most placements throughout; the total rose from 525 to 549.";

  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "The service continues to improve its timeliness. ";
  long_text +=
      "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryvery"
      "veryveryverylongwordwithoutspaces.";

  doc.sections = {
      {"Summary",
       {P("Performance is broadly in line with statistical neighbours.", true),
        P(long_text),
        {rag}}},
      {"Children on plans", {{children}, {wide}}},
      {"Trends", {{LineChart()}, {stacked}}},
      {"Next steps", {P("The board is asked to note the report.")}},
  };
  return doc;
}

struct Pgm {
  int width = 0, height = 0;
  std::string pixels;
};

// A binary PGM (P5) as pdftoppm -gray writes it.
bool ReadPgm(const std::string& path, Pgm& out) {
  const std::string data = Slurp(path);
  size_t p = 0;
  auto token = [&]() {
    while (p < data.size() &&
           (std::isspace(static_cast<unsigned char>(data[p])) || data[p] == '#')) {
      if (data[p] == '#') {
        while (p < data.size() && data[p] != '\n') ++p;
      } else {
        ++p;
      }
    }
    const size_t start = p;
    while (p < data.size() && !std::isspace(static_cast<unsigned char>(data[p]))) ++p;
    return data.substr(start, p - start);
  };
  if (token() != "P5") return false;
  out.width = std::atoi(token().c_str());
  out.height = std::atoi(token().c_str());
  const int maxval = std::atoi(token().c_str());
  ++p;  // the single whitespace after maxval
  const size_t n = static_cast<size_t>(out.width) * static_cast<size_t>(out.height);
  if (maxval != 255 || out.width <= 0 || out.height <= 0 || data.size() < p + n) return false;
  out.pixels = data.substr(p, n);
  return true;
}

double InkShare(const Pgm& page) {
  size_t ink = 0;
  for (char c : page.pixels) ink += static_cast<unsigned char>(c) < 200;
  return static_cast<double>(ink) / static_cast<double>(page.pixels.size());
}

TEST(ReportPdf, BoardReportPaginatesAndReads) {
  RequireTool("pdftotext");
  RequireTool("pdftoppm");
  RequireTool("pdfinfo");
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const Document doc = BoardReport();
  const std::string pdf = dir.File("board.pdf");
  const Status written = WritePdf(doc, pdf);
  ASSERT_TRUE(written.ok()) << written.ToString();
  const std::string bytes = Slurp(pdf);
  EXPECT_EQ(bytes.rfind("%PDF-", 0), 0u);
  for (const Section& section : doc.sections) {  // a bookmark per section
    EXPECT_NE(bytes.find("/Title (" + section.heading + ")"), std::string::npos) << section.heading;
  }

  std::string text;
  ASSERT_EQ(RunCommand("pdftotext -layout " + pdf + " " + dir.File("board.txt")), 0);
  text = Slurp(dir.File("board.txt"));
  std::vector<std::string> pages;
  {
    size_t start = 0;
    for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
      pages.push_back(text.substr(start, ff - start));
      start = ff + 1;
    }
    if (start < text.size() && text.find_first_not_of(" \n", start) != std::string::npos) {
      pages.push_back(text.substr(start));
    }
  }
  std::smatch m;
  ASSERT_TRUE(std::regex_search(text, m, std::regex("Page 1 of ([0-9]+)"))) << text;
  const int total = std::stoi(m[1]);
  EXPECT_GE(total, 4);
  ASSERT_EQ(pages.size(), static_cast<size_t>(total));
  for (int i = 0; i < total; ++i) {
    const std::string label = "Page " + std::to_string(i + 1) + " of " + std::to_string(total);
    EXPECT_NE(pages[i].find(label), std::string::npos) << label;
    EXPECT_NE(pages[i].find("OFFICIAL-SENSITIVE: synthetic data"), std::string::npos) << i + 1;
  }
  for (const char* s : {"Children's services performance", "Exampleshire County Council",
                        "Generated 7 December 2026", "Summary", "Children on plans", "Trends",
                        "Next steps", "CH-0120", "CH-0001", "Amber", "Complete", "61% (Red)",
                        "Source: the case record", "Re-referrals within 12 months",
                        "Children in care by placement type", "Target 20", "Foster care"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s;
  }
  // The 120-row table breaks across pages, its header row repeated on each.
  int header_pages = 0;
  for (const std::string& page : pages)
    header_pages += page.find("Child reference") != std::string::npos;
  EXPECT_GE(header_pages, 2);
  EXPECT_NE(text.find("Children subject to a plan (continued)"), std::string::npos);
  // No row is lost: every reference appears once.
  for (int i = 1; i <= 120; ++i) {
    char ref[16];
    std::snprintf(ref, sizeof(ref), "CH-%04d", i);
    EXPECT_EQ(Count(text, ref), 1u) << ref;
  }
  // The heading is kept with what follows: "Trends" is on the page of the line chart.
  for (const std::string& page : pages) {
    if (page.find("Trends") != std::string::npos) {
      EXPECT_NE(page.find("Re-referrals within 12 months"), std::string::npos);
    }
  }

  std::string info;
  ASSERT_EQ(RunCommand("pdfinfo " + pdf, &info), 0) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Title: +Children's services performance\n")))
      << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Pages: +" + std::to_string(total) + "\n")))
      << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Page size: +595 x 842 pts \\(A4\\)"))) << info;

  ASSERT_EQ(RunCommand("pdftoppm -r 40 -gray " + pdf + " " + dir.File("page")), 0);
  std::vector<std::string> images;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    const std::string name = e.path().filename().string();
    if (name.rfind("page-", 0) == 0 && e.path().extension() == ".pgm") {
      images.push_back(e.path().string());
    }
  }
  std::sort(images.begin(), images.end());
  ASSERT_EQ(images.size(), static_cast<size_t>(total));
  // The stacked bar chart's page has much more ink than the text alone would give.
  size_t chart_page = pages.size();
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].find("Children in care by placement type") != std::string::npos) chart_page = i;
  }
  ASSERT_LT(chart_page, pages.size());
  Pgm image;
  ASSERT_TRUE(ReadPgm(images[chart_page], image)) << images[chart_page];
  EXPECT_NEAR(image.width, 331, 2);  // A4 at 40 dpi
  EXPECT_NEAR(image.height, 468, 2);
  const double chart_ink = InkShare(image);
  EXPECT_GT(chart_ink, 0.02) << "page " << chart_page + 1;
}

// The share of dark pixels on the first page of `doc` at 40 dpi; -1 if it cannot be rendered.
double FirstPageInk(const Document& doc) {
  TempDir dir;
  if (!WritePdf(doc, dir.File("one.pdf")).ok()) return -1;
  if (RunCommand("pdftoppm -r 40 -gray -singlefile -f 1 -l 1 " + dir.File("one.pdf") + " " +
                 dir.File("one")) != 0) {
    return -1;
  }
  Pgm image;
  if (!ReadPgm(dir.File("one.pgm"), image)) return -1;
  return InkShare(image);
}

TEST(ReportPdf, InkMeasureTellsChartsFromTextAndEmptyCharts) {
  // The measure the chart page passes above is failed by a page of a few lines of text, and by
  // the same chart with no values.
  RequireTool("pdftoppm");
  Document note;
  note.title = "A short note";
  note.footer = "OFFICIAL";
  note.sections = {{"Note", {P("The board is asked to note the report.")}}};
  const double text_ink = FirstPageInk(note);
  ASSERT_GE(text_ink, 0);
  EXPECT_LT(text_ink, 0.02);

  Chart chart = std::get<Chart>(BoardReport().sections[2].blocks[1].content);
  Document with_chart = note;
  with_chart.sections[0].blocks.push_back({chart});
  const double chart_ink = FirstPageInk(with_chart);
  EXPECT_GT(chart_ink, text_ink + 0.03);

  for (Series& s : chart.series) s.values.assign(s.values.size(), kNaN);
  with_chart.sections[0].blocks.back() = {chart};
  const double empty_ink = FirstPageInk(with_chart);
  ASSERT_GE(empty_ink, 0);
  EXPECT_LT(empty_ink, 0.02);
}

TEST(ReportPdf, RenderPdfIsDeterministicInLayout) {
  // Two renderings have the same pages (cairo stamps the creation time, so bytes may differ).
  const Document doc = BoardReport();
  const auto a = RenderPdf(doc);
  const auto b = RenderPdf(doc);
  ASSERT_TRUE(a.ok() && b.ok());
  const size_t pages = Count(*a, "/Type /Page ");  // not "/Type /Pages"
  EXPECT_GE(pages, 4u);
  EXPECT_EQ(Count(*b, "/Type /Page "), pages);
  EXPECT_GT(a->size(), 10000u);
}

// cairo's and fontconfig's font caches freed at exit, for the leak checker of sanitizer builds.
class FontCacheRelease : public ::testing::Environment {
 public:
  void TearDown() override { ReleaseFontCaches(); }
};
const auto* const kFontCacheRelease =
    ::testing::AddGlobalTestEnvironment(new FontCacheRelease);  // NOLINT: gtest owns it

}  // namespace
}  // namespace sg::report

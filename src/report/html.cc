// The HTML form of a report: one self-contained page (inline CSS and SVG, no scripts, no external
// assets) that reads on screen, prints, and works with a screen reader: a contents list, real
// tables, ratings given in words as well as colour, and charts as SVG images with a title, a
// description and their figures in a table beneath.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "report/document.h"
#include "report/render.h"

namespace sg::report {

// Defined here rather than in a document.cc of its own: it is the model's only function.
const char* RagLabel(Rag rag) {
  switch (rag) {
    case Rag::kGreen:
      return "Green";
    case Rag::kAmber:
      return "Amber";
    case Rag::kRed:
      return "Red";
    case Rag::kComplete:
      return "Complete";
    case Rag::kNone:
      break;
  }
  return "";
}

namespace {

using detail::CleanText;
using detail::Rgb;

// The SVG's chart box in user units (the text sizes of render.h's layout are in the same units).
// It is shown up to 1.5 times larger (kChartScale), so that 8-unit tick labels read at 12 px.
constexpr double kChartWidth = 480;
constexpr double kChartHeight = 250;
constexpr double kChartScale = 1.5;

// `s` (cleaned) with the five characters that are special in HTML escaped.
std::string Escape(std::string_view s) {
  const std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// `s` escaped, each '\n' a line break.
std::string EscapeLines(std::string_view s) {
  std::string out = Escape(s);
  std::string with_breaks;
  for (char c : out) {
    if (c == '\n') {
      with_breaks += "<br>\n";
    } else {
      with_breaks += c;
    }
  }
  return with_breaks;
}

std::string Hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "#%06x", static_cast<unsigned>(c & 0xffffff));
  return buf;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", v);
  return buf;
}

// Text width in the SVG, estimated (a browser's font is not known here): DejaVu Sans and Arial
// average a little over half an em per character.
double EstimateWidth(std::string_view text, double size, bool bold) {
  return static_cast<double>(detail::CodePointCount(text)) * size * (bold ? 0.62 : 0.56);
}

// Ids unique within the page, from headings: "Children in care" -> "children-in-care".
class IdMaker {
 public:
  std::string Make(std::string_view text, std::string_view fallback) {
    std::string id;
    for (char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) && u < 0x80) {
        id += static_cast<char>(std::tolower(u));
      } else if (!id.empty() && id.back() != '-') {
        id += '-';
      }
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) {
      id = std::string(fallback) + (id.empty() ? "" : "-" + id);
    }
    std::string unique = id;
    for (int k = 2; used_.count(unique); ++k) unique = id + "-" + std::to_string(k);
    used_.insert(unique);
    return unique;
  }

 private:
  std::set<std::string> used_;
};

constexpr const char* kCss = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Verdana,Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;
 max-width:62rem;margin:0 auto;padding:1.5rem;line-height:1.5;font-size:1rem;
 overflow-wrap:break-word}
a{color:#1d70b8}
a:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c}
.title-block{border-bottom:4px solid #1d70b8;margin-bottom:1.5rem;padding-bottom:.75rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem;padding-bottom:.25rem;
 border-bottom:1px solid #b1b4b6}
.subtitle{font-size:1.25rem;margin:0 0 .5rem}
.meta{color:#505a5f;margin:.1rem 0}
.contents{border-left:4px solid #b1b4b6;padding:.25rem 1rem;margin-bottom:1.5rem}
.contents h2{border:0;margin:0 0 .25rem;font-size:1.2rem}
.contents ol{margin:0;padding-left:1.5rem}
.key-message{border-left:6px solid #1d70b8;background:#e8f1f8;padding:.75rem 1rem;
 font-weight:bold;margin:1rem 0}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:bold;padding-bottom:.4rem;font-size:1rem}
th,td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#003078;color:#fff}
tbody tr:nth-child(even) td:not(.rag){background:#f3f2f1}
.num{text-align:right;font-variant-numeric:tabular-nums}
tbody td.rag{font-weight:bold}
tbody td.rag-green{background:#00703c;color:#fff}
tbody td.rag-amber{background:#ffbf47;color:#0b0c0c}
tbody td.rag-red{background:#b10e1e;color:#fff}
tbody td.rag-complete{background:#1d70b8;color:#fff}
.note{font-size:.85rem;color:#505a5f;margin:.4rem 0 0}
.empty{color:#505a5f;font-style:italic}
figure.chart{margin:1.5rem 0}
figure.chart svg{display:block;width:100%;max-width:720px;height:auto}
details{margin-top:.5rem}
summary{cursor:pointer;color:#1d70b8}
.page-footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid #b1b4b6;color:#505a5f;
 font-size:.85rem}
@media print{
 body{max-width:none;padding:0;font-size:10pt;-webkit-print-color-adjust:exact;
  print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
 .table-wrap{overflow:visible}
 table,figure,.key-message,tr{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}
 h2,caption{break-after:avoid;page-break-after:avoid}
 details{display:none}
}
)css";

void RenderParagraph(const Paragraph& p, std::string& out) {
  if (p.emphasis) {
    out += "<div class=\"key-message\"><p>" + EscapeLines(p.text) + "</p></div>\n";
  } else {
    out += "<p>" + EscapeLines(p.text) + "</p>\n";
  }
}

void RenderTable(const Table& t, std::string& out) {
  size_t ncols = t.columns.size();
  for (const auto& row : t.rows) ncols = std::max(ncols, row.size());
  // A column whose every cell is numeric has its heading right-aligned too.
  std::vector<bool> numeric(ncols, !t.rows.empty());
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < ncols; ++c) {
      if (c >= row.size() || !row[c].numeric) numeric[c] = false;
    }
  }
  out += "<div class=\"table-wrap\"><table>\n";
  if (!t.caption.empty()) out += "<caption>" + Escape(t.caption) + "</caption>\n";
  if (!t.columns.empty()) {
    out += "<thead><tr>";
    for (size_t c = 0; c < ncols; ++c) {
      out += numeric[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
      if (c < t.columns.size()) out += Escape(t.columns[c]);
      out += "</th>";
    }
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  if (t.rows.empty()) {
    out += "<tr><td class=\"empty\" colspan=\"" + std::to_string(std::max<size_t>(ncols, 1)) +
           "\">No rows</td></tr>\n";
  }
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (size_t c = 0; c < ncols; ++c) {
      const Cell empty;
      const Cell& cell = c < row.size() ? row[c] : empty;
      std::string cls;
      if (cell.numeric) cls += "num";
      if (cell.rag != Rag::kNone) {
        std::string rag = RagLabel(cell.rag);
        for (char& ch : rag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        cls += std::string(cls.empty() ? "" : " ") + "rag rag-" + rag;
      }
      out += cls.empty() ? "<td>" : "<td class=\"" + cls + "\">";
      const std::string text = CleanText(cell.text);
      const std::string label = RagLabel(cell.rag);
      if (label.empty() || text == label) {
        out += Escape(text);
      } else if (text.empty()) {
        out += "<span class=\"rag-label\">" + label + "</span>";
      } else {
        out += Escape(text) + " <span class=\"rag-label\">(" + label + ")</span>";
      }
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  if (!t.note.empty()) out += "<p class=\"note\">" + EscapeLines(t.note) + "</p>\n";
  out += "</div>\n";
}

void RenderShape(const detail::Shape& s, std::string& out) {
  using Kind = detail::Shape::Kind;
  const std::string cls = s.role.empty() ? "" : " class=\"" + Escape(s.role) + "\"";
  switch (s.kind) {
    case Kind::kLine:
      out += "<line" + cls + " x1=\"" + Num(s.xy[0]) + "\" y1=\"" + Num(s.xy[1]) + "\" x2=\"" +
             Num(s.xy[2]) + "\" y2=\"" + Num(s.xy[3]) + "\" stroke=\"" + Hex(s.colour) +
             "\" stroke-width=\"" + Num(s.width) + "\"" +
             (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
      break;
    case Kind::kPolyline: {
      out += "<polyline" + cls + " fill=\"none\" stroke=\"" + Hex(s.colour) + "\" stroke-width=\"" +
             Num(s.width) + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"";
      for (size_t i = 0; i + 1 < s.xy.size(); i += 2) {
        if (i) out += ' ';
        out += Num(s.xy[i]) + "," + Num(s.xy[i + 1]);
      }
      out += "\"/>\n";
      break;
    }
    case Kind::kRect:
      out += "<rect" + cls + " x=\"" + Num(s.xy[0]) + "\" y=\"" + Num(s.xy[1]) + "\" width=\"" +
             Num(s.xy[2]) + "\" height=\"" + Num(s.xy[3]) + "\" fill=\"" + Hex(s.colour) + "\"/>\n";
      break;
    case Kind::kMarker: {
      const double x = s.xy[0], y = s.xy[1], r = s.width;
      const std::string paint =
          " fill=\"" + Hex(s.colour) + "\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>\n";
      if (s.marker == 0) {
        out += "<circle" + cls + " cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"" +
               Num(r + 0.5) + "\"" + paint;
      } else if (s.marker == 1) {
        out += "<rect" + cls + " x=\"" + Num(x - r) + "\" y=\"" + Num(y - r) + "\" width=\"" +
               Num(2 * r) + "\" height=\"" + Num(2 * r) + "\"" + paint;
      } else if (s.marker == 2) {
        out += "<polygon" + cls + " points=\"" + Num(x) + "," + Num(y - r - 1) + " " +
               Num(x + r + 0.5) + "," + Num(y + r) + " " + Num(x - r - 0.5) + "," + Num(y + r) +
               "\"" + paint;
      } else {
        out += "<polygon" + cls + " points=\"" + Num(x) + "," + Num(y - r - 1) + " " +
               Num(x + r + 1) + "," + Num(y) + " " + Num(x) + "," + Num(y + r + 1) + " " +
               Num(x - r - 1) + "," + Num(y) + "\"" + paint;
      }
      break;
    }
    case Kind::kText: {
      const char* anchor = s.anchor < 0 ? "start" : s.anchor > 0 ? "end" : "middle";
      out += "<text" + cls + " x=\"" + Num(s.xy[0]) + "\" y=\"" + Num(s.xy[1]) + "\" font-size=\"" +
             Num(s.size) + "\" text-anchor=\"" + anchor + "\" fill=\"" + Hex(s.colour) + "\"";
      if (s.bold) out += " font-weight=\"bold\"";
      if (s.vertical) {
        out += " transform=\"rotate(-90 " + Num(s.xy[0]) + " " + Num(s.xy[1]) + ")\"";
      }
      out += ">" + Escape(s.text) + "</text>\n";
      break;
    }
  }
}

void RenderChart(const Chart& chart, IdMaker& ids, std::string& out) {
  const std::string title_id = ids.Make("chart-title", "chart");
  const std::string desc_id = ids.Make("chart-desc", "chart");
  const auto shapes = detail::LayoutChart(chart, kChartWidth, kChartHeight, EstimateWidth);
  out += "<figure class=\"chart\">\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
         Num(kChartWidth) + " " + Num(kChartHeight) + "\" width=\"" +
         Num(kChartWidth * kChartScale) + "\" height=\"" + Num(kChartHeight * kChartScale) +
         "\" aria-labelledby=\"" + title_id + " " + desc_id +
         "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n";
  out += "<title id=\"" + title_id + "\">" +
         (chart.title.empty() ? std::string("Chart") : Escape(chart.title)) + "</title>\n";
  out += "<desc id=\"" + desc_id + "\">" + Escape(chart.alt) + "</desc>\n";
  for (const auto& s : shapes) RenderShape(s, out);
  out += "</svg>\n";

  // The figures, for those who cannot see the chart or want the numbers.
  if (!chart.labels.empty() && !chart.series.empty()) {
    out += "<details><summary>Figures for this chart</summary>\n<table>\n";
    out += "<caption>" + Escape(chart.title) + "</caption>\n<thead><tr><th scope=\"col\"></th>";
    for (const Series& s : chart.series) {
      out += "<th scope=\"col\" class=\"num\">" + Escape(s.name) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < chart.labels.size(); ++i) {
      out += "<tr><th scope=\"row\">" + Escape(chart.labels[i]) + "</th>";
      for (const Series& s : chart.series) {
        const double v = detail::ValueAt(s, i);
        out += "<td class=\"num\">" +
               (std::isnan(v) ? std::string("No value") : detail::FormatShort(v)) + "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody></table>\n";
    if (chart.target) {
      out += "<p class=\"note\">Target: " + detail::FormatShort(*chart.target) + "</p>\n";
    }
    out += "</details>\n";
  }
  out += "</figure>\n";
}

}  // namespace

std::string RenderHtml(const Document& doc) {
  IdMaker ids;
  const std::string contents_id = ids.Make("contents", "contents");
  std::vector<std::string> section_ids;
  for (const Section& s : doc.sections) section_ids.push_back(ids.Make(s.heading, "section"));

  std::string out;
  out += "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + (doc.title.empty() ? std::string("Report") : Escape(doc.title)) + "</title>\n";
  out += "<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";

  std::string title_block;
  if (!doc.title.empty()) title_block += "<h1>" + Escape(doc.title) + "</h1>\n";
  if (!doc.subtitle.empty()) {
    title_block += "<p class=\"subtitle\">" + Escape(doc.subtitle) + "</p>\n";
  }
  for (const std::string* meta : {&doc.organisation, &doc.period, &doc.generated}) {
    if (!meta->empty()) title_block += "<p class=\"meta\">" + Escape(*meta) + "</p>\n";
  }
  if (!title_block.empty()) out += "<header class=\"title-block\">\n" + title_block + "</header>\n";

  if (!doc.sections.empty()) {
    out += "<nav class=\"contents\" aria-labelledby=\"" + contents_id + "\">\n";
    out += "<h2 id=\"" + contents_id + "\">Contents</h2>\n<ol>\n";
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      out += "<li><a href=\"#" + section_ids[i] + "\">" + Escape(doc.sections[i].heading) +
             "</a></li>\n";
    }
    out += "</ol>\n</nav>\n";
  }

  out += "<main>\n";
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& section = doc.sections[i];
    out += "<section aria-labelledby=\"" + section_ids[i] + "\">\n";
    out += "<h2 id=\"" + section_ids[i] + "\">" + Escape(section.heading) + "</h2>\n";
    for (const Block& block : section.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&block.content)) {
        RenderParagraph(*p, out);
      } else if (const auto* t = std::get_if<Table>(&block.content)) {
        RenderTable(*t, out);
      } else if (const auto* c = std::get_if<Chart>(&block.content)) {
        RenderChart(*c, ids, out);
      }
    }
    out += "</section>\n";
  }
  out += "</main>\n";
  if (!doc.footer.empty()) {
    out += "<footer class=\"page-footer\"><p>" + Escape(doc.footer) + "</p></footer>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace sg::report

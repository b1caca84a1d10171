#pragma once
// A report as data: a title block, sections of paragraphs, tables and charts, and a footer.
// Board and scrutiny reports for elected members are built as a `Document` by other code; this
// folder renders any Document as a self-contained HTML page (html.cc) and as an A4 PDF drawn with
// cairo (pdf.cc). The model knows nothing of children's social care.
//
// Strings are UTF-8 plain text (never markup): the renderers escape them. Invalid UTF-8 is shown
// as U+FFFD rather than refused.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/status.h"

namespace sg::report {

// A red/amber/green rating. kComplete is an action that is done (drawn blue).
enum class Rag { kNone, kGreen, kAmber, kRed, kComplete };

// "Green", "Amber", "Red", "Complete"; "" for kNone.
const char* RagLabel(Rag rag);

// A table cell. A rated cell shows its colour and its label (colour is never the only signal);
// numeric cells are right-aligned.
struct Cell {
  std::string text;
  Rag rag = Rag::kNone;
  bool numeric = false;
};

// A table; rows may be shorter than `columns` (missing cells are empty).
struct Table {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::string note;  // shown under the table, e.g. the source of the figures
};

// One line or one colour of bars. NaN (or any non-finite value) means no value for that label.
struct Series {
  std::string name;
  std::vector<double> values;  // one per Chart::labels; missing trailing values count as NaN
  // 0xRRGGBB when the colour carries meaning (grades: green for good, red for inadequate);
  // otherwise the palette's colour for the series' position.
  std::optional<std::uint32_t> colour;
};

struct Chart {
  enum class Kind { kLine, kBar, kStackedBar };
  Kind kind = Kind::kLine;
  std::string title;
  std::vector<std::string> labels;  // x axis categories (e.g. months "2024-04")
  std::vector<Series> series;       // one colour each, legend shown when >1
  std::string y_label;              // e.g. "%" or "per 10,000"
  std::optional<double> target;     // optional dashed horizontal target line with label "Target"
  std::string alt;                  // plain-English description of the chart (alt text)
};

// emphasis: a highlighted "key message" box.
struct Paragraph {
  std::string text;  // a '\n' starts a new line
  bool emphasis = false;
};

struct Block {
  std::variant<Paragraph, Table, Chart> content;
};

struct Section {
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  std::string title, subtitle, organisation, period, generated;  // "Generated 7 December 2026"
  std::vector<Section> sections;
  std::string footer;  // e.g. "OFFICIAL-SENSITIVE: synthetic data"
};

// One self-contained HTML page (inline CSS and SVG; no scripts, no external assets).
std::string RenderHtml(const Document& doc);

// The document as the bytes of an A4 portrait PDF. Fails (kInternal) only if cairo does.
Result<std::string> RenderPdf(const Document& doc);

// RenderPdf written to `path` (through a temporary file beside it, renamed when complete).
Status WritePdf(const Document& doc, const std::string& path);

// Frees the font caches that cairo and fontconfig keep for the life of the process (they are
// rebuilt if a PDF is rendered afterwards), so that a leak checker at exit reports none.
// REQUIRES: no PDF is being rendered in any thread.
void ReleaseFontCaches();

}  // namespace sg::report

// The PDF form of a report, drawn with cairo: A4 portrait, DejaVu Sans, a title block on the first
// page, a footer with "Page N of M" on every page, and bookmarks for the sections.
//
// The document is laid out twice with the same code: the first pass counts the pages (its bytes
// are thrown away), the second writes them with the total known. Both passes measure text on a PDF
// surface, so they break pages at the same places (checked).
//
// Pagination: a heading is kept with the start of what follows it; a chart is never split; a
// table breaks between rows and repeats its caption and header row; paragraphs break between
// lines. A table row taller than a page is cut short with "…" (a cell would need a page of text).

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numbers>
#include <string>
#include <system_error>
#include <vector>

#include "report/document.h"
#include "report/render.h"

namespace sg::report {
namespace {

using detail::CleanText;
using detail::Rgb;

constexpr double kPageWidth = 595;  // A4 in points
constexpr double kPageHeight = 842;
constexpr double kMargin = 50;
constexpr double kWidth = kPageWidth - 2 * kMargin;  // the text width
constexpr double kTop = kMargin;
constexpr double kBottom = kPageHeight - 62;  // content stops here; the footer is below
constexpr double kChartHeight = 250;
constexpr const char* kFontFamily = "DejaVu Sans";

constexpr double kBodySize = 10.5, kBodyLead = 14.5;
constexpr double kHeadingSize = 15, kHeadingLead = 19;
constexpr double kCaptionSize = 10.5, kCaptionLead = 14;
constexpr double kNoteSize = 8.5, kNoteLead = 11.5;
constexpr double kCellPadX = 4, kCellPadY = 3;
constexpr double kKeyPad = 9, kKeyBar = 4;

Status CairoFailure(cairo_status_t status, const std::string& what) {
  return Internal("PDF rendering failed (" + what + "): " + cairo_status_to_string(status));
}

// The stream callback: appends to the std::string `closure`, or discards when it is null.
cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  if (closure == nullptr) return CAIRO_STATUS_SUCCESS;
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  } catch (...) {  // no exception may cross cairo's C frames
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

// A table fitted to the page width: font size, column widths and every cell's lines.
struct TableLayout {
  double size = 9, lead = 11.7;
  size_t ncols = 0;
  std::vector<double> widths;
  std::vector<std::string> caption;                          // wrapped lines
  std::vector<std::vector<std::string>> header;              // column -> lines
  std::vector<std::vector<std::vector<std::string>>> cells;  // row -> column -> lines
  std::vector<double> row_heights;
  double header_height = 0;
  double caption_height = 0;
  double first_row_height = 0;  // of the first row, or of the "No rows" line
};

// Lays out and draws one document onto a PDF surface.
class Writer {
 public:
  // total_pages 0: the counting pass (footers say "Page N" and no bookmarks are made).
  Writer(cairo_surface_t* surface, cairo_t* cr, int total_pages)
      : surface_(surface), cr_(cr), total_(total_pages) {
    measure_ = [this](std::string_view text, double size, bool bold) {
      return Measure(text, size, bold);
    };
  }
  Writer(const Writer&) = delete;  // measure_ refers to this object
  Writer& operator=(const Writer&) = delete;

  Status Write(const Document& doc) {
    SG_RETURN_IF_ERROR(Check("start"));
    TitleBlock(doc);
    SG_RETURN_IF_ERROR(Check("title"));
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& section = doc.sections[i];
      Heading(section, i);
      SG_RETURN_IF_ERROR(Check("section heading"));
      for (const Block& block : section.blocks) {
        if (const auto* p = std::get_if<Paragraph>(&block.content)) {
          DrawParagraph(*p);
        } else if (const auto* t = std::get_if<Table>(&block.content)) {
          DrawTable(*t);
        } else if (const auto* c = std::get_if<Chart>(&block.content)) {
          DrawChart(*c);
        }
        SG_RETURN_IF_ERROR(Check("section \"" + CleanText(section.heading) + "\""));
      }
    }
    Footer();
    cairo_show_page(cr_);
    return Check("last page");
  }

  int pages() const { return page_; }
  void set_footer(const std::string& footer) { footer_ = CleanText(footer); }

 private:
  Status Check(const std::string& what) const {
    if (cairo_status_t s = cairo_status(cr_); s != CAIRO_STATUS_SUCCESS) {
      return CairoFailure(s, what);
    }
    if (cairo_status_t s = cairo_surface_status(surface_); s != CAIRO_STATUS_SUCCESS) {
      return CairoFailure(s, what);
    }
    return Status::Ok();
  }

  // ---- drawing primitives ----

  void Font(double size, bool bold) {
    cairo_select_font_face(cr_, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
  }

  double Measure(std::string_view text, double size, bool bold) {
    if (text.empty()) return 0;
    Font(size, bold);
    const std::string s(text);
    cairo_text_extents_t ext;
    cairo_text_extents(cr_, s.c_str(), &ext);
    return ext.x_advance;
  }

  void Colour(Rgb c) {
    cairo_set_source_rgb(cr_, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0);
  }

  // Text with its baseline at y; anchor -1 start, 0 middle, 1 end at x.
  void Text(double x, double y, const std::string& text, double size, bool bold, Rgb colour,
            int anchor = -1) {
    if (text.empty()) return;
    const double w = anchor < 0 ? 0 : Measure(text, size, bold);
    Font(size, bold);
    Colour(colour);
    cairo_move_to(cr_, anchor < 0 ? x : anchor == 0 ? x - w / 2 : x - w, y);
    cairo_show_text(cr_, text.c_str());
  }

  void FillRect(double x, double y, double w, double h, Rgb colour) {
    Colour(colour);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
  }

  void StrokeRect(double x, double y, double w, double h, Rgb colour, double width) {
    Colour(colour);
    cairo_set_line_width(cr_, width);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_stroke(cr_);
  }

  void HLine(double x1, double x2, double y, Rgb colour, double width) {
    Colour(colour);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x1, y);
    cairo_line_to(cr_, x2, y);
    cairo_stroke(cr_);
  }

  std::vector<std::string> Wrap(const std::string& text, double width, double size, bool bold) {
    return detail::WrapText(text, std::max(width, 1.0), size, bold, measure_);
  }

  // ---- pages ----

  void Footer() {
    const double size = 8;
    HLine(kMargin, kPageWidth - kMargin, kPageHeight - 44, detail::kRule, 0.5);
    const std::string label = "Page " + std::to_string(page_) +
                              (total_ > 0 ? " of " + std::to_string(total_) : std::string());
    const double label_w = Measure(label, size, false);
    Text(kPageWidth - kMargin, kPageHeight - 32, label, size, false, detail::kSecondary, 1);
    if (!footer_.empty()) {
      Text(kMargin, kPageHeight - 32,
           detail::FitText(footer_, kWidth - label_w - 20, size, false, measure_), size, false,
           detail::kSecondary);
    }
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }

  bool AtTop() const { return y_ <= kTop + 0.01; }

  // Starts a new page unless `height` fits below y_ (or the page is still empty).
  void Ensure(double height) {
    if (y_ + height > kBottom && !AtTop()) NewPage();
  }

  // ---- blocks ----

  void TitleBlock(const Document& doc) {
    bool any = false;
    auto lines = [&](const std::string& text, double size, double lead, bool bold, Rgb colour) {
      for (const std::string& l : Wrap(CleanText(text), kWidth, size, bold)) {
        Ensure(lead);
        Text(kMargin, y_ + size, l, size, bold, colour);
        y_ += lead;
        any = true;
      }
    };
    lines(doc.title, 20, 25, true, detail::kInk);
    if (!doc.subtitle.empty()) y_ += 2;
    lines(doc.subtitle, 13, 17, false, detail::kInk);
    if (!doc.organisation.empty() || !doc.period.empty()) y_ += 4;
    lines(doc.organisation, 10.5, 14, false, detail::kSecondary);
    lines(doc.period, 10.5, 14, false, detail::kSecondary);
    lines(doc.generated, 9, 12.5, false, detail::kSecondary);
    if (any) {
      y_ += 6;
      HLine(kMargin, kPageWidth - kMargin, y_, detail::kAccent, 3);
      y_ += 20;
    }
  }

  // The height the start of `block` needs on the page of the heading before it.
  double StartHeight(const Block& block) {
    if (const auto* p = std::get_if<Paragraph>(&block.content)) {
      if (p->emphasis) {
        // DrawParagraph keeps the box whole when a page can hold it.
        const auto n =
            static_cast<double>(Wrap(CleanText(p->text), KeyTextWidth(), kBodySize, true).size());
        const double whole = n * kBodyLead + 2 * kKeyPad;
        return whole <= kBottom - kTop ? whole : kBodyLead + 2 * kKeyPad;
      }
      const auto n = static_cast<double>(Wrap(CleanText(p->text), kWidth, kBodySize, false).size());
      return std::min(3.0, n) * kBodyLead;
    }
    if (const auto* t = std::get_if<Table>(&block.content)) {
      const TableLayout l = LayoutTable(*t);
      return l.caption_height + l.header_height + l.first_row_height;
    }
    if (const auto* c = std::get_if<Chart>(&block.content)) {
      return ChartTitleAndBox(*c);
    }
    return 0;
  }

  void Heading(const Section& section, size_t index) {
    if (!AtTop()) y_ += 12;
    const std::string heading = CleanText(section.heading);
    const auto lines = Wrap(heading, kWidth, kHeadingSize, true);
    const double height = static_cast<double>(lines.size()) * kHeadingLead + 10;
    const double next = section.blocks.empty() ? 0 : StartHeight(section.blocks.front());
    Ensure(height + next);
    if (total_ > 0) {
      const std::string name = heading.empty() ? "Section " + std::to_string(index + 1) : heading;
      char dest[96];
      std::snprintf(dest, sizeof(dest), "page=%d pos=[%.1f %.1f]", page_, kMargin, y_);
      cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, name.c_str(), dest,
                                    CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
    for (const std::string& l : lines) {
      Text(kMargin, y_ + kHeadingSize, l, kHeadingSize, true, detail::kInk);
      y_ += kHeadingLead;
    }
    y_ += 3;
    HLine(kMargin, kPageWidth - kMargin, y_, detail::kRule, 0.8);
    y_ += 7;
  }

  static double KeyTextWidth() { return kWidth - kKeyBar - 2 * kKeyPad; }

  void DrawParagraph(const Paragraph& p) {
    const std::string text = CleanText(p.text);
    if (!p.emphasis) {
      for (const std::string& l : Wrap(text, kWidth, kBodySize, false)) {
        Ensure(kBodyLead);
        Text(kMargin, y_ + kBodySize, l, kBodySize, false, detail::kInk);
        y_ += kBodyLead;
      }
      y_ += 7;
      return;
    }
    // A key message: a shaded box with a bar on its left, whole on one page if it can be.
    const auto lines = Wrap(text, KeyTextWidth(), kBodySize, true);
    if (lines.empty()) return;
    Ensure(static_cast<double>(lines.size()) * kBodyLead + 2 * kKeyPad);
    size_t i = 0;
    while (i < lines.size()) {
      Ensure(kBodyLead + 2 * kKeyPad);
      const auto room =
          static_cast<size_t>(std::max(1.0, (kBottom - y_ - 2 * kKeyPad) / kBodyLead));
      const size_t n = std::min(room, lines.size() - i);
      const double h = static_cast<double>(n) * kBodyLead + 2 * kKeyPad;
      FillRect(kMargin, y_, kWidth, h, detail::kKeyFill);
      FillRect(kMargin, y_, kKeyBar, h, detail::kAccent);
      for (size_t k = 0; k < n; ++k) {
        Text(kMargin + kKeyBar + kKeyPad,
             y_ + kKeyPad + kBodySize + kBodyLead * static_cast<double>(k), lines[i + k], kBodySize,
             true, detail::kInk);
      }
      y_ += h;
      i += n;
    }
    y_ += 9;
  }

  // The width of the longest line of `text` (lines split at '\n').
  double NaturalWidth(const std::string& text, double size, bool bold) {
    double w = 0;
    size_t start = 0;
    while (true) {
      const size_t end = text.find('\n', start);
      w = std::max(w, Measure(text.substr(start, end - start), size, bold));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return w;
  }

  // Fits the table to the text width: at its natural widths if they fit at 9 pt or a smaller
  // size down to 7 pt (spare width shared out), else columns narrowed (the widest first) and
  // their text wrapped.
  TableLayout LayoutTable(const Table& t) {
    TableLayout l;
    l.ncols = t.columns.size();
    for (const auto& row : t.rows) l.ncols = std::max(l.ncols, row.size());
    for (const std::string& line : Wrap(CleanText(t.caption), kWidth, kCaptionSize, true)) {
      l.caption.push_back(line);
    }
    l.caption_height =
        static_cast<double>(l.caption.size()) * kCaptionLead + (l.caption.empty() ? 0 : 4);
    if (l.ncols == 0) {
      l.first_row_height = kBodyLead + 4;
      return l;
    }
    std::vector<std::string> header(l.ncols);
    for (size_t c = 0; c < t.columns.size(); ++c) header[c] = CleanText(t.columns[c]);
    std::vector<std::vector<std::string>> text(t.rows.size(), std::vector<std::string>(l.ncols));
    for (size_t r = 0; r < t.rows.size(); ++r) {
      for (size_t c = 0; c < t.rows[r].size(); ++c) text[r][c] = detail::CellText(t.rows[r][c]);
    }
    // Natural widths at 9 pt; other sizes scale with them.
    constexpr double kBase = 9;
    std::vector<double> natural(l.ncols, 0);
    for (size_t c = 0; c < l.ncols; ++c) {
      natural[c] = NaturalWidth(header[c], kBase, true);
      for (size_t r = 0; r < text.size(); ++r) {
        const bool bold = c < t.rows[r].size() && t.rows[r][c].rag != Rag::kNone;
        natural[c] = std::max(natural[c], NaturalWidth(text[r][c], kBase, bold));
      }
    }
    auto total_at = [&](double size) {
      double sum = 0;
      for (double w : natural) sum += w * size / kBase + 2 * kCellPadX;
      return sum;
    };
    l.size = kBase;
    while (l.size > 7 && total_at(l.size) > kWidth) l.size -= 0.5;
    l.lead = l.size * 1.3;
    std::vector<double> want(l.ncols);
    for (size_t c = 0; c < l.ncols; ++c) want[c] = natural[c] * l.size / kBase + 2 * kCellPadX + 1;
    l.widths.assign(l.ncols, 0);
    double sum = 0;
    for (double w : want) sum += w;
    if (sum <= kWidth) {
      for (size_t c = 0; c < l.ncols; ++c) l.widths[c] = want[c] + (kWidth - sum) * want[c] / sum;
    } else {
      // Columns narrower than an equal share keep their width; the rest share what is left.
      std::vector<bool> fixed(l.ncols, false);
      double avail = kWidth;
      size_t open = l.ncols;
      bool changed = true;
      while (changed && open > 0) {
        changed = false;
        const double share = avail / static_cast<double>(open);
        for (size_t c = 0; c < l.ncols; ++c) {
          if (!fixed[c] && want[c] <= share) {
            fixed[c] = true;
            l.widths[c] = want[c];
            avail -= want[c];
            --open;
            changed = true;
          }
        }
      }
      for (size_t c = 0; c < l.ncols; ++c) {
        if (!fixed[c]) l.widths[c] = avail / static_cast<double>(open);
      }
    }
    // Wrap, and cap a cell at the lines a page can hold.
    const double page = kBottom - kTop;
    auto wrap_cell = [&](const std::string& s, size_t c, bool bold, size_t max_lines) {
      auto lines = Wrap(s, l.widths[c] - 2 * kCellPadX, l.size, bold);
      if (lines.empty()) lines.push_back("");
      if (lines.size() > max_lines) {
        lines.resize(max_lines);
        lines.back() = detail::FitText(lines.back() + "\xe2\x80\xa6", l.widths[c] - 2 * kCellPadX,
                                       l.size, bold, measure_);
      }
      return lines;
    };
    const auto header_max = static_cast<size_t>(std::max(1.0, page / 4 / l.lead));
    l.header.resize(l.ncols);
    size_t header_lines = 1;
    for (size_t c = 0; c < l.ncols; ++c) {
      l.header[c] = wrap_cell(header[c], c, true, header_max);
      header_lines = std::max(header_lines, l.header[c].size());
    }
    l.header_height = static_cast<double>(header_lines) * l.lead + 2 * kCellPadY;
    const double caption_again = l.caption.empty() ? 0 : kCaptionLead + 4;
    const auto row_max = static_cast<size_t>(
        std::max(1.0, (page - caption_again - l.header_height - 2 * kCellPadY) / l.lead));
    l.cells.resize(text.size());
    for (size_t r = 0; r < text.size(); ++r) {
      size_t n = 1;
      l.cells[r].resize(l.ncols);
      for (size_t c = 0; c < l.ncols; ++c) {
        const bool bold = c < t.rows[r].size() && t.rows[r][c].rag != Rag::kNone;
        l.cells[r][c] = wrap_cell(text[r][c], c, bold, row_max);
        n = std::max(n, l.cells[r][c].size());
      }
      l.row_heights.push_back(static_cast<double>(n) * l.lead + 2 * kCellPadY);
    }
    l.first_row_height = l.row_heights.empty() ? l.lead + 2 * kCellPadY : l.row_heights[0];
    return l;
  }

  void TableHeader(const TableLayout& l, const Table& t) {
    double x = kMargin;
    for (size_t c = 0; c < l.ncols; ++c) {
      FillRect(x, y_, l.widths[c], l.header_height, detail::kHeaderFill);
      StrokeRect(x, y_, l.widths[c], l.header_height, detail::kRule, 0.5);
      bool numeric = !t.rows.empty();
      for (const auto& row : t.rows) numeric = numeric && c < row.size() && row[c].numeric;
      for (size_t k = 0; k < l.header[c].size(); ++k) {
        const double base = y_ + kCellPadY + l.size + l.lead * static_cast<double>(k);
        if (numeric) {
          Text(x + l.widths[c] - kCellPadX, base, l.header[c][k], l.size, true, 0xffffff, 1);
        } else {
          Text(x + kCellPadX, base, l.header[c][k], l.size, true, 0xffffff);
        }
      }
      x += l.widths[c];
    }
    y_ += l.header_height;
  }

  void DrawTable(const Table& t) {
    const TableLayout l = LayoutTable(t);
    Ensure(l.caption_height + l.header_height + l.first_row_height);
    for (const std::string& line : l.caption) {
      Text(kMargin, y_ + kCaptionSize, line, kCaptionSize, true, detail::kInk);
      y_ += kCaptionLead;
    }
    if (!l.caption.empty()) y_ += 4;
    if (l.ncols == 0) {
      Text(kMargin, y_ + kBodySize, "No data", kBodySize, false, detail::kSecondary);
      y_ += kBodyLead + 4;
    } else {
      TableHeader(l, t);
      if (t.rows.empty()) {
        const double h = l.lead + 2 * kCellPadY;
        StrokeRect(kMargin, y_, kWidth, h, detail::kRule, 0.5);
        Text(kMargin + kCellPadX, y_ + kCellPadY + l.size, "No rows", l.size, false,
             detail::kSecondary);
        y_ += h;
      }
      const std::string continued = l.caption.empty()
                                        ? std::string()
                                        : detail::FitText(CleanText(t.caption) + " (continued)",
                                                          kWidth, kCaptionSize, true, measure_);
      for (size_t r = 0; r < t.rows.size(); ++r) {
        const double h = l.row_heights[r];
        if (y_ + h > kBottom) {
          NewPage();
          if (!continued.empty()) {
            Text(kMargin, y_ + kCaptionSize, continued, kCaptionSize, true, detail::kInk);
            y_ += kCaptionLead + 4;
          }
          TableHeader(l, t);
        }
        double x = kMargin;
        for (size_t c = 0; c < l.ncols; ++c) {
          const Cell empty;
          const Cell& cell = c < t.rows[r].size() ? t.rows[r][c] : empty;
          const detail::RagColours rag = detail::RagColour(cell.rag);
          const bool rated = cell.rag != Rag::kNone;
          if (rated) {
            FillRect(x, y_, l.widths[c], h, rag.fill);
          } else if (r % 2 == 1) {
            FillRect(x, y_, l.widths[c], h, detail::kStripe);
          }
          StrokeRect(x, y_, l.widths[c], h, detail::kRule, 0.5);
          for (size_t k = 0; k < l.cells[r][c].size(); ++k) {
            const double base = y_ + kCellPadY + l.size + l.lead * static_cast<double>(k);
            if (cell.numeric) {
              Text(x + l.widths[c] - kCellPadX, base, l.cells[r][c][k], l.size, rated, rag.text, 1);
            } else {
              Text(x + kCellPadX, base, l.cells[r][c][k], l.size, rated, rag.text);
            }
          }
          x += l.widths[c];
        }
        y_ += h;
      }
    }
    if (!t.note.empty()) {
      y_ += 3;
      for (const std::string& line : Wrap(CleanText(t.note), kWidth, kNoteSize, false)) {
        Ensure(kNoteLead);
        Text(kMargin, y_ + kNoteSize, line, kNoteSize, false, detail::kSecondary);
        y_ += kNoteLead;
      }
    }
    y_ += 10;
  }

  // The chart's box and the first line of its description: what must be on one page.
  double ChartTitleAndBox(const Chart& c) { return kChartHeight + (c.alt.empty() ? 0 : 10); }

  void DrawShape(const detail::Shape& s) {
    using Kind = detail::Shape::Kind;
    switch (s.kind) {
      case Kind::kLine:
        Colour(s.colour);
        cairo_set_line_width(cr_, s.width);
        if (s.dashed) {
          static constexpr double kDash[] = {5, 3};
          cairo_set_dash(cr_, kDash, 2, 0);
        }
        cairo_move_to(cr_, s.xy[0], s.xy[1]);
        cairo_line_to(cr_, s.xy[2], s.xy[3]);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
        break;
      case Kind::kPolyline:
        Colour(s.colour);
        cairo_set_line_width(cr_, s.width);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
        for (size_t i = 0; i + 1 < s.xy.size(); i += 2) {
          if (i == 0) {
            cairo_move_to(cr_, s.xy[i], s.xy[i + 1]);
          } else {
            cairo_line_to(cr_, s.xy[i], s.xy[i + 1]);
          }
        }
        cairo_stroke(cr_);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
        break;
      case Kind::kRect:
        FillRect(s.xy[0], s.xy[1], s.xy[2], s.xy[3], s.colour);
        break;
      case Kind::kMarker: {
        const double x = s.xy[0], y = s.xy[1], r = s.width;
        if (s.marker == 0) {
          cairo_new_sub_path(cr_);
          cairo_arc(cr_, x, y, r + 0.5, 0, 2 * std::numbers::pi);
        } else if (s.marker == 1) {
          cairo_rectangle(cr_, x - r, y - r, 2 * r, 2 * r);
        } else if (s.marker == 2) {
          cairo_move_to(cr_, x, y - r - 1);
          cairo_line_to(cr_, x + r + 0.5, y + r);
          cairo_line_to(cr_, x - r - 0.5, y + r);
          cairo_close_path(cr_);
        } else {
          cairo_move_to(cr_, x, y - r - 1);
          cairo_line_to(cr_, x + r + 1, y);
          cairo_line_to(cr_, x, y + r + 1);
          cairo_line_to(cr_, x - r - 1, y);
          cairo_close_path(cr_);
        }
        Colour(s.colour);
        cairo_fill_preserve(cr_);
        Colour(0xffffff);
        cairo_set_line_width(cr_, 0.8);
        cairo_stroke(cr_);
        break;
      }
      case Kind::kText:
        if (s.vertical) {
          const double w = Measure(s.text, s.size, s.bold);
          cairo_save(cr_);
          cairo_translate(cr_, s.xy[0], s.xy[1]);
          cairo_rotate(cr_, -std::numbers::pi / 2);
          Text(s.anchor < 0 ? 0 : s.anchor == 0 ? -w / 2 : -w, 0, s.text, s.size, s.bold, s.colour);
          cairo_restore(cr_);
        } else {
          Text(s.xy[0], s.xy[1], s.text, s.size, s.bold, s.colour, s.anchor);
        }
        break;
    }
  }

  void DrawChart(const Chart& chart) {
    const auto alt = Wrap(CleanText(chart.alt), kWidth, kNoteSize, false);
    Ensure(ChartTitleAndBox(chart));
    const auto shapes = detail::LayoutChart(chart, kWidth, kChartHeight, measure_);
    cairo_save(cr_);
    cairo_translate(cr_, kMargin, y_);
    for (const auto& s : shapes) DrawShape(s);
    cairo_restore(cr_);
    y_ += kChartHeight + 4;
    for (const std::string& line : alt) {
      Ensure(kNoteLead);
      Text(kMargin, y_ + kNoteSize, line, kNoteSize, false, detail::kSecondary);
      y_ += kNoteLead;
    }
    y_ += 12;
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  int total_;
  int page_ = 1;
  double y_ = kTop;
  std::string footer_;
  detail::MeasureFn measure_;
};

// One pass: the document drawn onto a PDF surface writing to `sink` (null: discarded).
Result<int> Pass(const Document& doc, std::string* sink, int total_pages) {
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(AppendBytes, sink, kPageWidth, kPageHeight));
  if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
    return CairoFailure(s, "creating the PDF surface");
  }
  const std::string title = CleanText(doc.title.empty() ? "Report" : doc.title);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  if (!doc.subtitle.empty()) {
    const std::string subject = CleanText(doc.subtitle);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  }
  if (!doc.organisation.empty()) {
    const std::string author = CleanText(doc.organisation);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, author.c_str());
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Safeguard");
  ContextPtr cr(cairo_create(surface.get()));
  if (cairo_status_t s = cairo_status(cr.get()); s != CAIRO_STATUS_SUCCESS) {
    return CairoFailure(s, "creating the drawing context");
  }
  Writer writer(surface.get(), cr.get(), total_pages);
  writer.set_footer(doc.footer);
  SG_RETURN_IF_ERROR(writer.Write(doc));
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
    return CairoFailure(s, "finishing the PDF");
  }
  return writer.pages();
}

}  // namespace

Result<std::string> RenderPdf(const Document& doc) {
  SG_ASSIGN_OR_RETURN(const int pages, Pass(doc, nullptr, 0));
  std::string bytes;
  SG_ASSIGN_OR_RETURN(const int written, Pass(doc, &bytes, pages));
  if (written != pages) {
    return Internal("PDF rendering failed: the page count changed between passes (" +
                    std::to_string(pages) + ", then " + std::to_string(written) + ")");
  }
  return bytes;
}

Status WritePdf(const Document& doc, const std::string& path) {
  SG_ASSIGN_OR_RETURN(const std::string bytes, RenderPdf(doc));
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + temp);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return IoError("writing " + temp + " failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return IoError("cannot move " + temp + " to " + path + ": " + ec.message());
  }
  return Status::Ok();
}

void ReleaseFontCaches() {
  cairo_debug_reset_static_data();
  FcFini();
}

}  // namespace sg::report

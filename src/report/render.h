#pragma once
// What the HTML and PDF renderers share (internal to src/report/; other folders include
// document.h): text clean-up and wrapping, the RAG and series colours, number formatting, the
// "nice" axis scale, and the chart layout as a list of shapes that each renderer draws in its own
// medium, so that a chart looks the same on screen and on paper.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/document.h"

namespace sg::report::detail {

// ---- text ----

// `s` as valid UTF-8: each invalid byte becomes U+FFFD, a tab becomes a space, other control
// characters (except '\n') are dropped.
inline std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      if (c == '\t') {
        out += ' ';
      } else if (c >= 0x20 && c != 0x7f) {
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += '\n';
      }
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c == 0xe0) lo = 0xa0;  // no overlong forms
      if (c == 0xed) hi = 0x9f;  // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;  // nothing above U+10FFFF
    }
    bool valid = len > 0 && i + len <= n && b[i + 1] >= lo && b[i + 1] <= hi;
    for (size_t k = 2; valid && k < len; ++k) valid = (b[i + k] & 0xc0) == 0x80;
    if (valid) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xef\xbf\xbd";
      ++i;
    }
  }
  return out;
}

// The byte length of the UTF-8 sequence starting at s[i]. REQUIRES: s is valid UTF-8.
inline size_t CodePointLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  return std::min(len, s.size() - i);
}

inline size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); i += CodePointLength(s, i)) ++count;
  return count;
}

// The width of `text` at font size `size` (points or pixels).
using MeasureFn = std::function<double(std::string_view text, double size, bool bold)>;

// `text` broken into lines no wider than `width`: at spaces, at '\n', and inside a word that is
// wider than a line by itself. Runs of spaces count as one. An empty text gives no lines.
inline std::vector<std::string> WrapText(std::string_view text, double width, double size,
                                         bool bold, const MeasureFn& measure) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view hard = text.substr(start, end - start);
    std::string line;
    bool any = false;
    size_t p = 0;
    while (p < hard.size()) {
      while (p < hard.size() && hard[p] == ' ') ++p;
      if (p >= hard.size()) break;
      size_t q = hard.find(' ', p);
      if (q == std::string_view::npos) q = hard.size();
      const std::string_view word = hard.substr(p, q - p);
      p = q;
      std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
      if (measure(candidate, size, bold) <= width) {
        line = std::move(candidate);
        continue;
      }
      if (!line.empty()) {
        lines.push_back(line);
        any = true;
        line.clear();
      }
      if (measure(word, size, bold) <= width) {
        line = std::string(word);
        continue;
      }
      // A word wider than the line: break it between characters (at least one per line).
      std::string piece;
      for (size_t i = 0; i < word.size();) {
        const size_t len = CodePointLength(word, i);
        std::string next = piece + std::string(word.substr(i, len));
        if (!piece.empty() && measure(next, size, bold) > width) {
          lines.push_back(piece);
          any = true;
          piece = std::string(word.substr(i, len));
        } else {
          piece = std::move(next);
        }
        i += len;
      }
      line = std::move(piece);
    }
    if (!line.empty() || !any) lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// `text`, shortened with "…" to fit `width` when it does not.
inline std::string FitText(const std::string& text, double width, double size, bool bold,
                           const MeasureFn& measure) {
  if (measure(text, size, bold) <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    size_t last = cut.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(cut[last]) & 0xc0) == 0x80) --last;
    cut.erase(last);
    if (measure(cut + "\xe2\x80\xa6", size, bold) <= width) break;
  }
  return cut + "\xe2\x80\xa6";
}

// ---- colours ----

using Rgb = uint32_t;  // 0xRRGGBB

inline constexpr Rgb kInk = 0x0b0c0c;         // body text
inline constexpr Rgb kSecondary = 0x505a5f;   // secondary text (7:1 on white)
inline constexpr Rgb kRule = 0xb1b4b6;        // table borders
inline constexpr Rgb kGrid = 0xdddddd;        // chart gridlines
inline constexpr Rgb kStripe = 0xf3f2f1;      // alternate table rows
inline constexpr Rgb kAccent = 0x1d70b8;      // headings' rules, key-message bar
inline constexpr Rgb kKeyFill = 0xe8f1f8;     // key-message background
inline constexpr Rgb kHeaderFill = 0x003078;  // table header background (white text)

struct RagColours {
  Rgb fill;
  Rgb text;
};

// Each rating's fill and the text colour drawn on it; every pair meets WCAG AA (4.5:1).
inline RagColours RagColour(Rag rag) {
  switch (rag) {
    case Rag::kGreen:
      return {0x00703c, 0xffffff};
    case Rag::kAmber:
      return {0xffbf47, 0x0b0c0c};
    case Rag::kRed:
      return {0xb10e1e, 0xffffff};
    case Rag::kComplete:
      return {0x1d70b8, 0xffffff};
    case Rag::kNone:
      break;
  }
  return {0xffffff, kInk};
}

// Series colours (Okabe and Ito's palette, distinguishable with the common colour-vision
// deficiencies); line series also differ by marker shape.
inline Rgb SeriesColour(size_t i) {
  static constexpr Rgb kPalette[] = {0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7,
                                     0x8a6d00, 0x56b4e9, 0x505a5f};
  return kPalette[i % (sizeof(kPalette) / sizeof(kPalette[0]))];
}
// The series' own colour when it has one, else the palette's.
inline Rgb SeriesColour(const Chart& chart, size_t i) {
  if (i < chart.series.size() && chart.series[i].colour) return *chart.series[i].colour;
  return SeriesColour(i);
}

// ---- values ----

// The text a cell shows: its own text with its rating's label (unless the text is the label).
inline std::string CellText(const Cell& cell) {
  std::string text = CleanText(cell.text);
  std::string label = RagLabel(cell.rag);
  if (label.empty() || text == label) return text;
  if (text.empty()) return label;
  return text + " (" + label + ")";
}

// The i-th value of a series; NaN when missing or not finite.
inline double ValueAt(const Series& s, size_t i) {
  if (i >= s.values.size() || !std::isfinite(s.values[i])) return std::nan("");
  return s.values[i];
}

// `v` with `decimals` decimal places and thousands separators: "12,345.6", "-3".
inline std::string FormatNumber(double v, int decimals) {
  if (!std::isfinite(v)) return "";
  char buf[400];
  std::snprintf(buf, sizeof(buf), "%.*f", std::clamp(decimals, 0, 6), v);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // "-0.0"
  const size_t sign = (!s.empty() && s[0] == '-') ? 1 : 0;
  size_t point = s.find('.');
  if (point == std::string::npos) point = s.size();
  for (size_t pos = point; pos > sign + 3;) {
    pos -= 3;
    s.insert(pos, ",");
  }
  return s;
}

// `v` with at most two decimal places and no trailing zeros: "80", "72.5".
inline std::string FormatShort(double v) {
  std::string s = FormatNumber(v, 2);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

// A value axis: ticks from `lo` to `hi` every `step` (1, 2, 2.5 or 5 times a power of ten).
struct Axis {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;
  std::vector<double> ticks;
};

// The axis covering [min, max] with about `max_ticks` ticks at round values.
inline Axis NiceAxis(double min, double max, int max_ticks = 6) {
  Axis axis;
  if (!std::isfinite(min) || !std::isfinite(max)) return NiceAxis(0, 1, max_ticks);
  if (min > max) std::swap(min, max);
  if (min == max) {  // one value: a range around it (or 0 to 1 for zero)
    if (min == 0) {
      max = 1;
    } else {
      const double pad = std::fabs(min) * 0.1;
      min -= pad;
      max += pad;
    }
  }
  double span = max - min;
  if (!std::isfinite(span)) {  // near DBL_MAX: halve everything to stay finite
    min /= 2;
    max /= 2;
    span = max - min;
  }
  const double raw = span / std::max(1, max_ticks - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  static constexpr double kSteps[] = {1, 2, 2.5, 5, 10};
  double step = magnitude * 10;
  for (double m : kSteps) {
    if (magnitude * m >= raw * (1 - 1e-9)) {
      step = magnitude * m;
      break;
    }
  }
  axis.step = step;
  axis.lo = std::floor(min / step + 1e-9) * step;
  axis.hi = std::ceil(max / step - 1e-9) * step;
  if (axis.hi <= axis.lo) axis.hi = axis.lo + step;
  const double exponent = std::floor(std::log10(step) + 1e-9);
  const double frac = step / std::pow(10.0, exponent);
  axis.decimals = std::max(0, static_cast<int>(-exponent));
  if (std::fabs(frac - 2.5) < 1e-6 && exponent <= 0) axis.decimals += 1;  // 2.5, 0.25
  const int count = static_cast<int>(std::lround((axis.hi - axis.lo) / step)) + 1;
  for (int i = 0; i < count && i < 50; ++i) {
    double t = axis.lo + i * step;
    if (std::fabs(t) < step * 1e-9) t = 0;
    axis.ticks.push_back(t);
  }
  return axis;
}

// ---- chart layout ----

// One thing to draw. Coordinates are in the chart's box (origin top left, y down); text `y` is
// the baseline.
struct Shape {
  enum class Kind { kLine, kPolyline, kRect, kMarker, kText };
  Kind kind = Kind::kLine;
  std::string role;  // what it is, for the HTML's classes: "grid", "axis", "target", "bar", ...
  std::vector<double> xy;  // kLine: x1 y1 x2 y2; kPolyline: x y pairs; kRect: x y w h;
                           // kMarker: x y
  Rgb colour = kInk;
  double width = 1;  // line width; a marker's radius
  bool dashed = false;
  int marker = 0;  // 0 circle, 1 square, 2 triangle, 3 diamond
  std::string text;
  double size = 8;  // font size
  bool bold = false;
  int anchor = 0;         // -1 start, 0 middle, 1 end
  bool vertical = false;  // text rotated a quarter turn anticlockwise about (x, y)
};

// The chart as shapes in a box `width` x `height`, with text measured by `measure`.
inline std::vector<Shape> LayoutChart(const Chart& chart, double width, double height,
                                      const MeasureFn& measure) {
  std::vector<Shape> out;
  auto text = [&](double x, double y, std::string s, double size, bool bold, int anchor, Rgb colour,
                  std::string role) {
    Shape t;
    t.kind = Shape::Kind::kText;
    t.xy = {x, y};
    t.text = std::move(s);
    t.size = size;
    t.bold = bold;
    t.anchor = anchor;
    t.colour = colour;
    t.role = std::move(role);
    out.push_back(std::move(t));
  };
  auto line = [&](double x1, double y1, double x2, double y2, Rgb colour, double w,
                  std::string role) {
    Shape l;
    l.kind = Shape::Kind::kLine;
    l.xy = {x1, y1, x2, y2};
    l.colour = colour;
    l.width = w;
    l.role = std::move(role);
    out.push_back(std::move(l));
  };
  auto rect = [&](double x, double y, double w, double h, Rgb colour, std::string role) {
    Shape r;
    r.kind = Shape::Kind::kRect;
    r.xy = {x, y, w, h};
    r.colour = colour;
    r.role = std::move(role);
    out.push_back(std::move(r));
  };

  // Title.
  double top = 0;
  const double kTitleSize = 11;
  for (const std::string& l : WrapText(CleanText(chart.title), width, kTitleSize, true, measure)) {
    top += kTitleSize * 1.3;
    text(0, top, l, kTitleSize, true, -1, kInk, "title");
  }
  top += 8;

  // The values and their range.
  const size_t n = chart.labels.size();
  std::optional<double> lo, hi;
  auto include = [&](double v) {
    if (!std::isfinite(v)) return;
    lo = lo ? std::min(*lo, v) : v;
    hi = hi ? std::max(*hi, v) : v;
  };
  bool any_value = false;
  for (size_t i = 0; i < n; ++i) {
    double pos = 0, neg = 0;
    for (const Series& s : chart.series) {
      const double v = ValueAt(s, i);
      if (std::isnan(v)) continue;
      any_value = true;
      if (chart.kind == Chart::Kind::kStackedBar) {
        (v >= 0 ? pos : neg) += v;
      } else {
        include(v);
      }
    }
    if (chart.kind == Chart::Kind::kStackedBar) {
      include(pos);
      include(neg);
    }
  }
  if (!any_value) {
    rect(0, top, width, std::max(20.0, height - top), 0xf3f2f1, "nodata-box");
    text(width / 2, top + (height - top) / 2 + 4, "No data", 11, false, 0, kSecondary, "nodata");
    return out;
  }
  if (chart.kind != Chart::Kind::kLine) include(0);
  if (chart.target) include(*chart.target);
  const Axis axis = NiceAxis(*lo, *hi);

  // Legend (more than one series), at the bottom, flowing over as many lines as it needs.
  const double kSmall = 8;
  struct LegendItem {
    double x;
    int row;
  };
  std::vector<LegendItem> legend;
  int legend_rows = 0;
  if (chart.series.size() > 1) {
    double x = 0;
    int row = 0;
    for (const Series& s : chart.series) {
      const std::string name = FitText(CleanText(s.name), width - 16, kSmall, false, measure);
      const double w = 14 + measure(name, kSmall, false) + 14;
      if (x > 0 && x + w > width) {
        x = 0;
        ++row;
      }
      legend.push_back({x, row});
      x += w;
    }
    legend_rows = row + 1;
  }
  const double legend_h = legend_rows * 12.0 + (legend_rows ? 6 : 0);

  // The plot area.
  std::vector<std::string> tick_text;
  double tick_w = 0;
  for (double t : axis.ticks) {
    tick_text.push_back(FormatNumber(t, axis.decimals));
    tick_w = std::max(tick_w, measure(tick_text.back(), kSmall, false));
  }
  const std::string y_label = CleanText(chart.y_label);
  const double left = (y_label.empty() ? 0 : 14) + tick_w + 6;
  const double right = width - 2;
  const double plot_top = top + 4;
  const double bottom = height - legend_h - 14;
  if (right - left < 10 || bottom - plot_top < 10) {
    text(width / 2, height / 2, "Chart too small", 9, false, 0, kSecondary, "nodata");
    return out;
  }
  const double plot_w = right - left;
  auto y_of = [&](double v) {
    return bottom - (v - axis.lo) / (axis.hi - axis.lo) * (bottom - plot_top);
  };

  // Gridlines and value ticks.
  for (size_t i = 0; i < axis.ticks.size(); ++i) {
    const double y = y_of(axis.ticks[i]);
    line(left, y, right, y, kGrid, 0.6, "grid");
    text(left - 4, y + 3, tick_text[i], kSmall, false, 1, kSecondary, "tick");
  }
  if (!y_label.empty()) {
    Shape t;
    t.kind = Shape::Kind::kText;
    t.xy = {9, (plot_top + bottom) / 2};
    t.text = FitText(y_label, bottom - plot_top, kSmall, false, measure);
    t.size = kSmall;
    t.anchor = 0;
    t.colour = kSecondary;
    t.vertical = true;
    t.role = "y-label";
    out.push_back(std::move(t));
  }

  // Categories: every k-th label so that labels do not overlap.
  const double band = n > 0 ? plot_w / static_cast<double>(n) : plot_w;
  double label_w = 0;
  std::vector<std::string> labels;
  for (const std::string& l : chart.labels) {
    labels.push_back(CleanText(l));
    label_w = std::max(label_w, measure(labels.back(), kSmall, false));
  }
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((label_w + 6) / band)));
  auto x_of = [&](size_t i) { return left + band * (static_cast<double>(i) + 0.5); };
  for (size_t i = 0; i < n; i += every) {
    const double avail = band * static_cast<double>(every) - 2;
    text(x_of(i), bottom + 11, FitText(labels[i], avail, kSmall, false, measure), kSmall, false, 0,
         kSecondary, "x-label");
    line(x_of(i), bottom, x_of(i), bottom + 3, kSecondary, 0.6, "axis");
  }

  // The data.
  const double zero = y_of(std::clamp(0.0, axis.lo, axis.hi));
  if (chart.kind == Chart::Kind::kLine) {
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const Rgb colour = SeriesColour(chart, s);
      const std::string role = "series-" + std::to_string(s);
      Shape run;
      run.kind = Shape::Kind::kPolyline;
      run.colour = colour;
      run.width = 2;
      run.role = role;
      auto flush = [&] {
        if (run.xy.size() >= 4) out.push_back(run);
        run.xy.clear();
      };
      for (size_t i = 0; i < n; ++i) {
        const double v = ValueAt(chart.series[s], i);
        if (std::isnan(v)) {
          flush();  // a gap: the line stops and starts again at the next value
          continue;
        }
        run.xy.push_back(x_of(i));
        run.xy.push_back(y_of(v));
      }
      flush();
      for (size_t i = 0; i < n; ++i) {
        const double v = ValueAt(chart.series[s], i);
        if (std::isnan(v)) continue;
        Shape m;
        m.kind = Shape::Kind::kMarker;
        m.xy = {x_of(i), y_of(v)};
        m.colour = colour;
        m.width = std::clamp(band * 0.3, 1.0, 3.0);  // smaller when the points crowd
        m.marker = static_cast<int>(s % 4);
        m.role = "pt";
        out.push_back(std::move(m));
      }
    }
  } else if (chart.kind == Chart::Kind::kBar) {
    const size_t k = std::max<size_t>(1, chart.series.size());
    const double group = band * 0.8;
    const double bar = group / static_cast<double>(k);
    for (size_t i = 0; i < n; ++i) {
      for (size_t s = 0; s < chart.series.size(); ++s) {
        const double v = ValueAt(chart.series[s], i);
        if (std::isnan(v)) continue;
        const double x = x_of(i) - group / 2 + bar * static_cast<double>(s);
        const double y = y_of(v);
        rect(x, std::min(y, zero), std::max(bar - 1, 0.5), std::fabs(zero - y),
             SeriesColour(chart, s), "bar");
      }
    }
  } else {
    const double bar = band * 0.6;
    for (size_t i = 0; i < n; ++i) {
      double pos = 0, neg = 0;
      for (size_t s = 0; s < chart.series.size(); ++s) {
        const double v = ValueAt(chart.series[s], i);
        if (std::isnan(v) || v == 0) continue;
        double& base = v > 0 ? pos : neg;
        const double y0 = y_of(base), y1 = y_of(base + v);
        base += v;
        rect(x_of(i) - bar / 2, std::min(y0, y1), bar, std::fabs(y1 - y0), SeriesColour(chart, s),
             "bar");
      }
    }
  }

  // Axes over the data, the target over everything.
  line(left, plot_top, left, bottom, kSecondary, 0.8, "axis");
  line(left, zero, right, zero, kSecondary, 0.8, "axis");
  if (chart.target && std::isfinite(*chart.target)) {
    const double y = y_of(*chart.target);
    Shape t;
    t.kind = Shape::Kind::kLine;
    t.xy = {left, y, right, y};
    t.colour = kInk;
    t.width = 1.4;
    t.dashed = true;
    t.role = "target";
    out.push_back(std::move(t));
    const std::string label = "Target " + FormatShort(*chart.target);
    const double label_y = y - 4 < plot_top + 8 ? y + 11 : y - 4;
    const double w = measure(label, kSmall, true);
    rect(right - w - 4, label_y - 8, w + 4, 10.5, 0xffffff, "target-label-bg");
    text(right - 2, label_y, label, kSmall, true, 1, kInk, "target-label");
  }

  // Legend.
  for (size_t s = 0; s < legend.size(); ++s) {
    const double y = height - legend_h + 15 + legend[s].row * 12.0;
    const double x = legend[s].x;
    if (chart.kind == Chart::Kind::kLine) {
      line(x, y - 3, x + 12, y - 3, SeriesColour(chart, s), 2, "legend-swatch");
      Shape m;
      m.kind = Shape::Kind::kMarker;
      m.xy = {x + 6, y - 3};
      m.colour = SeriesColour(chart, s);
      m.width = 3;
      m.marker = static_cast<int>(s % 4);
      m.role = "legend-marker";
      out.push_back(std::move(m));
    } else {
      rect(x + 1, y - 8, 10, 10, SeriesColour(chart, s), "legend-swatch");
    }
    text(x + 15, y, FitText(CleanText(chart.series[s].name), width - 16, kSmall, false, measure),
         kSmall, false, -1, kInk, "legend");
  }
  return out;
}

}  // namespace sg::report::detail

#include "indicators/output.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "common/csv.h"
#include "common/json_writer.h"

namespace sg::ind {

Result<Targets> ParseTargets(std::string_view csv, const std::string& file) {
  Targets out;
  bool header = true;
  Status read = ForEachLine(csv, [&](int line_no, std::string_view line) -> Status {
    if (line.empty()) return Status::Ok();
    const auto cells = SplitCsvLine(line);
    const std::string where = file + " line " + std::to_string(line_no);
    if (header) {
      header = false;
      if (cells.size() < 2 || cells[0] != "indicator" || cells[1] != "target") {
        return InvalidArgument(where + ": expected the header indicator,target,amber");
      }
      return Status::Ok();
    }
    if (cells.size() < 2 || cells.size() > 3) {
      return InvalidArgument(where + ": expected indicator,target[,amber]");
    }
    const IndicatorDef* def = FindIndicator(cells[0]);
    if (def == nullptr) {
      return InvalidArgument(where + ", field indicator: no indicator \"" + cells[0] + "\"");
    }
    Target t;
    char* end = nullptr;
    t.value = std::strtod(cells[1].c_str(), &end);
    if (cells[1].empty() || *end != '\0' || !std::isfinite(t.value)) {
      return InvalidArgument(where + ", field target: expected a number, got \"" + cells[1] + "\"");
    }
    if (cells.size() == 3 && !cells[2].empty()) {
      t.amber = std::strtod(cells[2].c_str(), &end);
      if (*end != '\0' || !std::isfinite(t.amber) || t.amber < 0) {
        return InvalidArgument(where + ", field amber: expected a number 0 or more, got \"" +
                               cells[2] + "\"");
      }
    }
    out[cells[0]] = t;
    return Status::Ok();
  });
  SG_RETURN_IF_ERROR(read);

  return out;
}

std::string_view RagName(Rag r) {
  switch (r) {
    case Rag::kNone:
      return "";
    case Rag::kGreen:
      return "green";
    case Rag::kAmber:
      return "amber";
    case Rag::kRed:
      return "red";
  }
  return "";
}

Rag RagOf(const IndicatorDef& def, std::optional<double> value, const Target* target) {
  if (!value || target == nullptr || def.polarity == Polarity::kNeither) return Rag::kNone;
  const double miss =
      def.polarity == Polarity::kHigherBetter ? target->value - *value : *value - target->value;
  if (miss <= 0) return Rag::kGreen;
  return miss <= target->amber ? Rag::kAmber : Rag::kRed;
}

Result<const ReferenceFigures*> BenchmarkFigures() {
  static const Result<const ReferenceFigures*>* figures = [] {
    std::set<std::string, std::less<>> measures = {"population_0_17"};
    for (const IndicatorDef& d : AllIndicators()) {
      if (!d.benchmark.empty()) measures.emplace(d.benchmark);
    }
    auto r = ReferenceFigures::ShippedSubset(measures);
    if (!r.ok()) return new Result<const ReferenceFigures*>(r.status());
    return new Result<const ReferenceFigures*>(new ReferenceFigures(std::move(r).value()));
  }();
  return *figures;
}

Status AddBenchmarks(ReportContext& ctx) {
  SG_ASSIGN_OR_RETURN(ctx.figures, BenchmarkFigures());
  SG_ASSIGN_OR_RETURN(ctx.neighbours, StatNeighbours::Shipped());
  if (!ctx.la_code.empty()) {
    SG_ASSIGN_OR_RETURN(const Area* area, ctx.figures->FindArea(ctx.la_code));
    ctx.la_name = area->name;
  }
  return Status::Ok();
}

std::vector<std::optional<double>> Populations(const ReportContext& ctx,
                                               const std::vector<Period>& periods) {
  std::vector<std::optional<double>> out(periods.size());
  if (ctx.figures == nullptr || ctx.la_code.empty()) return out;
  auto area = ctx.figures->FindArea(ctx.la_code);
  if (!area.ok()) return out;
  for (size_t i = 0; i < periods.size(); ++i) {
    for (int y = CollectionYearOf(periods[i].to) - 1; y >= 2010; --y) {
      if (auto v = ctx.figures->Value(**area, y, "population_0_17")) {
        out[i] = v;
        break;
      }
    }
  }
  return out;
}

std::vector<Row> Rows(const Scorecard& card, const ReportContext& ctx) {
  const auto pops = Populations(ctx, card.periods);
  std::vector<Row> rows;
  for (const Series& s : card.series) {
    Row r;
    r.series = &s;
    for (size_t p = 0; p < s.total.size(); ++p) {
      r.values.push_back(s.available ? ValueOf(*s.def, s.total[p], pops[p]) : std::nullopt);
    }
    auto t = ctx.targets.find(s.def->id);
    r.target = t == ctx.targets.end() ? nullptr : &t->second;
    const std::optional<double> last = r.values.empty() ? std::nullopt : r.values.back();
    r.rag = RagOf(*s.def, last, r.target);
    if (ctx.figures != nullptr && ctx.neighbours != nullptr && !ctx.la_code.empty() &&
        !s.def->benchmark.empty()) {
      auto b = Benchmark(*ctx.figures, *ctx.neighbours, ctx.la_code, s.def->benchmark,
                         CollectionYearOf(card.periods.back().to), s.def->polarity, last);
      if (b.ok()) r.benchmarks = std::move(*b);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string FormatValue(const IndicatorDef& def, std::optional<double> v) {
  if (!v) return "-";
  char buf[64];
  switch (def.unit) {
    case Unit::kCount:
      if (std::fabs(*v - std::round(*v)) < 1e-9) {
        std::snprintf(buf, sizeof buf, "%.0f", *v);
      } else {
        std::snprintf(buf, sizeof buf, "%.1f", *v);
      }
      return buf;
    case Unit::kPercent:
      std::snprintf(buf, sizeof buf, "%.1f%%", *v);
      return buf;
    case Unit::kPer10k:
    case Unit::kAverage:
      std::snprintf(buf, sizeof buf, "%.1f", *v);
      return buf;
    case Unit::kMedian:
      std::snprintf(buf, sizeof buf, "%.1f", *v);
      return buf;
  }
  return "-";
}

namespace {

std::string Pad(std::string s, size_t width) {
  // Pads by characters (UTF-8 aware enough for the labels used).
  size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  if (chars < width) s.append(width - chars, ' ');
  return s;
}

std::string BenchText(const BenchmarkValue& b) {
  if (!b.value) return b.text.empty() ? "-" : b.text;
  return b.text + " (" + std::to_string(b.year) + ")";
}

}  // namespace

void WriteTable(const Scorecard& card, const ReportContext& ctx, std::ostream& out) {
  const auto rows = Rows(card, ctx);
  const bool single = card.periods.size() == 1;
  out << (ctx.la_name.empty() ? std::string("Scorecard") : ctx.la_name) << ": "
      << card.periods.front().label << (single ? "" : " to " + card.periods.back().label) << "\n\n";
  std::string area;
  for (const Row& r : rows) {
    const IndicatorDef& d = *r.series->def;
    if (d.area != area) {
      area = std::string(d.area);
      out << area << "\n";
    }
    std::string line = "  " + Pad(std::string(d.name), 58) + " ";
    if (!r.series->available) {
      out << line << "not available: " << r.series->unavailable_reason << "\n";
      continue;
    }
    if (single) {
      line += Pad(FormatValue(d, r.values[0]), 10);
      const Cell& c = r.series->total[0];
      if (d.unit == Unit::kPercent || d.unit == Unit::kAverage) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g / %g", c.num, c.den);
        line += Pad(buf, 18);
      } else {
        line += Pad("", 18);
      }
      if (r.target)
        line +=
            "target " + FormatValue(d, r.target->value) + " " + std::string(RagName(r.rag)) + "  ";
      if (r.benchmarks) {
        line += "England " + BenchText(r.benchmarks->england) + "; " + r.benchmarks->region.label +
                " " + BenchText(r.benchmarks->region) + "; neighbours " +
                BenchText(r.benchmarks->sn2025_mean);
        if (r.benchmarks->quartile > 0) {
          line += "; quartile " + r.benchmarks->quartile_band;
        }
      }
      out << line << "\n";
    } else {
      for (const auto& v : r.values) line += Pad(FormatValue(d, v), 9);
      out << line << "\n";
    }
    for (const Tally::Group& g : r.series->groups) {
      std::string gl = "      " + Pad(g.label, 54) + " ";
      for (const Cell& c : g.cells) {
        // Rates per 10,000 have no per-group population: groups show the count.
        const auto v =
            d.unit == Unit::kPer10k ? std::optional<double>(c.num) : ValueOf(d, c, std::nullopt);
        gl += Pad(d.unit == Unit::kPer10k ? FormatValue(*FindIndicator("contacts"), v)
                                          : FormatValue(d, v),
                  single ? 10 : 9);
      }
      out << gl << "\n";
    }
  }
}

void WriteCsv(const Scorecard& card, const ReportContext& ctx, std::ostream& out) {
  const auto rows = Rows(card, ctx);
  out << "indicator,name,area,unit,polarity,period,period_start,period_end,group,numerator,"
         "denominator,value,target,rag,england,england_year,region,region_value,region_year,"
         "sn2025_mean,sn2025_median,sn2021_mean,sn2021_median,sn_year,quartile,quartile_of\n";
  auto num = [](std::optional<double> v) { return v ? FormatDouble(*v) : std::string(); };
  // The period columns, written once per period rather than once per line.
  std::vector<std::string> period_cells;
  for (const Period& p : card.periods) {
    std::string cells;
    AppendCsvCell(cells, p.label);
    cells += "," + Date::FromDays(p.from).ToString() + "," + Date::FromDays(p.to).ToString() + ",";
    period_cells.push_back(std::move(cells));
  }
  std::string s;
  for (const Row& r : rows) {
    const IndicatorDef& d = *r.series->def;
    const char* pol = d.polarity == Polarity::kHigherBetter  ? "higher is better"
                      : d.polarity == Polarity::kLowerBetter ? "lower is better"
                                                             : "";
    std::string head;
    AppendCsvCell(head, d.id);
    head += ',';
    AppendCsvCell(head, d.name);
    head += ',';
    AppendCsvCell(head, d.area);
    head += ',';
    AppendCsvCell(head, UnitName(d.unit));
    head += ',';
    AppendCsvCell(head, pol);
    head += ',';
    auto line = [&](size_t p, const std::string& group, const Cell& c, std::optional<double> v,
                    bool last_total) {
      s.clear();
      s += head;
      s += period_cells[p];
      AppendCsvCell(s, group);
      s += "," + (r.series->available ? FormatDouble(c.num) : std::string()) + ",";
      s += (r.series->available ? FormatDouble(c.den) : std::string()) + ",";
      s += num(v) + ",";
      s += (last_total && r.target ? FormatDouble(r.target->value) : std::string()) + ",";
      s += std::string(last_total ? RagName(r.rag) : "") + ",";
      if (last_total && r.benchmarks) {
        const Benchmarks& b = *r.benchmarks;
        s += num(b.england.value) + "," + std::to_string(b.england.year) + ",";
        AppendCsvCell(s, b.region.label);
        s += "," + num(b.region.value) + "," + std::to_string(b.region.year) + ",";
        s += num(b.sn2025_mean.value) + "," + num(b.sn2025_median.value) + "," +
             num(b.sn2021_mean.value) + "," + num(b.sn2021_median.value) + "," +
             std::to_string(b.sn2025_mean.year) + ",";
        s += (b.quartile > 0 ? std::to_string(b.quartile) : std::string()) + "," +
             std::to_string(b.quartile_of);
      } else {
        s += ",,,,,,,,,,,";
      }
      s += '\n';
      out << s;
    };
    for (size_t p = 0; p < card.periods.size(); ++p) {
      line(p, "All", r.series->total[p], r.values[p], p + 1 == card.periods.size());
    }
    for (const Tally::Group& g : r.series->groups) {
      for (size_t p = 0; p < card.periods.size(); ++p) {
        const auto v =
            d.unit == Unit::kPer10k ? std::nullopt : ValueOf(d, g.cells[p], std::nullopt);
        line(p, g.label, g.cells[p], v, false);
      }
    }
  }
}

namespace {
void BenchJson(JsonWriter& w, const BenchmarkValue& b) {
  w.BeginObject().Key("label").String(b.label).Key("year").Int(b.year).Key("value");
  if (b.value) {
    w.Double(*b.value);
  } else {
    w.Null();
  }
  w.Key("text").String(b.text).Key("contributing").Int(b.contributing).EndObject();
}
void OptDouble(JsonWriter& w, std::optional<double> v) {
  if (v) {
    w.Double(*v);
  } else {
    w.Null();
  }
}
}  // namespace

std::string ToJson(const Scorecard& card, const ReportContext& ctx) {
  const auto rows = Rows(card, ctx);
  JsonWriter w;
  w.BeginObject().Key("la_code").String(ctx.la_code).Key("la_name").String(ctx.la_name);
  w.Key("breakdown").String(BreakdownName(card.by));
  w.Key("periods").BeginArray();
  for (const Period& p : card.periods) {
    w.BeginObject().Key("label").String(p.label).Key("from").String(
        Date::FromDays(p.from).ToString());
    w.Key("to").String(Date::FromDays(p.to).ToString()).EndObject();
  }
  w.EndArray().Key("indicators").BeginArray();
  for (const Row& r : rows) {
    const IndicatorDef& d = *r.series->def;
    w.BeginObject().Key("id").String(d.id).Key("area").String(d.area).Key("name").String(d.name);
    w.Key("description").String(d.description);
    w.Key("definition").BeginObject().Key("numerator").String(d.numerator);
    w.Key("denominator").String(d.denominator).Key("timing").String(d.timing);
    w.Key("exclusions").String(d.exclusions).EndObject();
    w.Key("unit").String(UnitName(d.unit));
    w.Key("polarity")
        .String(d.polarity == Polarity::kHigherBetter  ? "higher_better"
                : d.polarity == Polarity::kLowerBetter ? "lower_better"
                                                       : "none");
    w.Key("available").Bool(r.series->available);
    if (!r.series->available) w.Key("unavailable_reason").String(r.series->unavailable_reason);
    w.Key("values").BeginArray();
    for (const auto& v : r.values) OptDouble(w, v);
    w.EndArray().Key("numerators").BeginArray();
    for (const Cell& c : r.series->total) w.Double(c.num);
    w.EndArray().Key("denominators").BeginArray();
    for (const Cell& c : r.series->total) w.Double(c.den);
    w.EndArray();
    if (r.target) {
      w.Key("target").BeginObject().Key("value").Double(r.target->value);
      w.Key("amber").Double(r.target->amber).EndObject();
    }
    w.Key("rag").String(RagName(r.rag));
    if (r.benchmarks) {
      const Benchmarks& b = *r.benchmarks;
      w.Key("benchmarks").BeginObject().Key("measure").String(b.measure).Key("year").Int(b.year);
      w.Key("la");
      BenchJson(w, b.la);
      w.Key("england");
      BenchJson(w, b.england);
      w.Key("region");
      BenchJson(w, b.region);
      w.Key("sn2025_mean");
      BenchJson(w, b.sn2025_mean);
      w.Key("sn2025_median");
      BenchJson(w, b.sn2025_median);
      w.Key("sn2021_mean");
      BenchJson(w, b.sn2021_mean);
      w.Key("sn2021_median");
      BenchJson(w, b.sn2021_median);
      w.Key("quartile").Int(b.quartile).Key("quartile_of").Int(b.quartile_of);
      w.Key("quartile_band").String(b.quartile_band).EndObject();
    }
    if (!r.series->groups.empty()) {
      // Small numbers in a breakdown can point at a child: below ctx.suppress_below they are
      // left out (null), as DfE suppresses small counts.
      auto hidden = [&](const Cell& c) {
        const double t = ctx.suppress_below;
        return t > 0 && ((c.num > 0 && c.num < t) || (c.den > 0 && c.den < t));
      };
      w.Key("groups").BeginArray();
      for (const Tally::Group& g : r.series->groups) {
        w.BeginObject().Key("label").String(g.label).Key("values").BeginArray();
        for (const Cell& c : g.cells) {
          OptDouble(
              w, d.unit == Unit::kPer10k || hidden(c) ? std::nullopt : ValueOf(d, c, std::nullopt));
        }
        w.EndArray().Key("numerators").BeginArray();
        for (const Cell& c : g.cells) OptDouble(w, hidden(c) ? std::nullopt : std::optional(c.num));
        w.EndArray().Key("denominators").BeginArray();
        for (const Cell& c : g.cells) OptDouble(w, hidden(c) ? std::nullopt : std::optional(c.den));
        w.EndArray();
        if (ctx.suppress_below > 0) {
          w.Key("suppressed").BeginArray();
          for (const Cell& c : g.cells) w.Bool(hidden(c));
          w.EndArray();
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

}  // namespace sg::ind

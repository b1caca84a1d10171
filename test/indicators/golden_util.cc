#include "golden_util.h"

#include <gtest/gtest.h>

#include "indicators/facts.h"

namespace sg::testing {

Id FixtureRecords::Add(std::string_view entity,
                       std::vector<std::pair<std::string, sg::Value>> fields) {
  auto& list = records_[std::string(entity)];
  Record r(Entity(entity));
  r.meta().id = static_cast<Id>(list.size()) + 1;
  for (auto& [name, v] : fields) r.Set(name, std::move(v));
  NormaliseRecord(r);
  list.push_back(std::move(r));
  return list.back().id();
}

const std::vector<Record>& FixtureRecords::Of(std::string_view entity) const {
  static const std::vector<Record> kNone;
  auto it = records_.find(entity);
  return it == records_.end() ? kNone : it->second;
}

Date D(int y, unsigned m, unsigned d) { return Date::FromCivil(y, m, d); }

Timestamp At(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromUkLocal(D(y, m, d), hh, mm, 0);
}

namespace {
ind::Scorecard Run(const RecordSet& records, std::string_view id, std::vector<ind::Period> periods,
                   ind::Breakdown by = ind::Breakdown::kNone) {
  auto facts = ind::FromRecords(records);
  EXPECT_TRUE(facts.ok()) << facts.status().ToString();
  ind::EvaluateOptions o;
  o.periods = std::move(periods);
  o.ids = {std::string(id)};
  o.by = by;
  o.threads = 1;
  auto card = ind::Evaluate(*facts, o);
  EXPECT_TRUE(card.ok()) << card.status().ToString();
  return *card;
}
}  // namespace

ind::Cell TotalCell(const RecordSet& records, std::string_view id, std::string_view period) {
  auto p = ind::ParsePeriod(period);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return Run(records, id, {*p}).series.at(0).total.at(0);
}

std::optional<double> ValueFor(const RecordSet& records, std::string_view id,
                               std::string_view period, std::optional<double> population) {
  auto p = ind::ParsePeriod(period);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  auto card = Run(records, id, {*p});
  return ind::ValueOf(*card.series.at(0).def, card.series.at(0).total.at(0), population);
}

std::vector<std::optional<double>> Monthly(const RecordSet& records, std::string_view id, Date from,
                                           Date to) {
  auto months = ind::MonthlyPeriods(from, to);
  EXPECT_TRUE(months.ok());
  auto card = Run(records, id, *months);
  std::vector<std::optional<double>> out;
  for (const ind::Cell& c : card.series.at(0).total) {
    out.push_back(ind::ValueOf(*card.series.at(0).def, c, std::nullopt));
  }
  return out;
}

std::map<std::string, std::optional<double>> ByGroup(const RecordSet& records, std::string_view id,
                                                     std::string_view period,
                                                     std::string_view breakdown) {
  auto p = ind::ParsePeriod(period);
  auto by = ind::ParseBreakdown(breakdown);
  EXPECT_TRUE(p.ok() && by.ok());
  auto card = Run(records, id, {*p}, *by);
  std::map<std::string, std::optional<double>> out;
  for (const auto& g : card.series.at(0).groups) {
    out[g.label] = ind::ValueOf(*card.series.at(0).def, g.cells.at(0), std::nullopt);
  }
  return out;
}

}  // namespace sg::testing

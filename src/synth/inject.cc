#include "synth/inject.h"

#include <functional>
#include <map>

#include "common/csv.h"
#include "common/date.h"

namespace sg {

namespace {

// A UPN's first character replaced by another letter that UPN check letters use, so that the
// check letter is wrong but the UPN is otherwise well formed.
std::string WrongCheckLetter(const std::string& upn) {
  static const std::string kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  std::string out = upn;
  const size_t at = kLetters.find(upn[0]);
  out[0] = kLetters[(at == std::string::npos ? 0 : at + 7) % kLetters.size()];
  return out;
}

std::optional<Date> Iso(const std::string& s) {
  auto d = Date::Parse(s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}
std::optional<Date> Uk(const std::string& s) {
  auto d = Date::ParseUk(s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

std::string Path(std::string_view name, size_t i) {
  return std::string(name) + "[" + std::to_string(i + 1) + "]";
}

}  // namespace

void FaultInjector::Inject(cin::Census& census, const std::string& file,
                           std::vector<Fault>& faults) {
  const Date from = cin::CollectionStart(census.collection_year);
  const Date to = cin::CollectionEnd(census.collection_year);
  for (cin::Child& c : census.children) {
    if (!Chance(rate_)) continue;
    std::vector<std::function<void()>> choices;
    auto plant = [&](std::string location, std::string field, std::string kind, std::string& value,
                     std::string injected, std::string rules) {
      faults.push_back({file, c.la_child_id, std::move(location), std::move(field), std::move(kind),
                        value, injected, std::move(rules)});
      value = std::move(injected);
    };
    choices.push_back([&] {
      plant("ChildCharacteristics", "Ethnicity", "wrong_code", c.ethnicity, "WBRX", "4220");
    });
    if (c.upn.size() == 13) {
      choices.push_back([&] {
        plant("ChildIdentifiers", "UPN", "upn_check_letter", c.upn, WrongCheckLetter(c.upn),
              "1510");
      });
    }
    for (size_t i = 0; i < c.episodes.size(); ++i) {
      // (Lambdas capture what they change by pointer: they run after this loop.)
      cin::Episode* e = &c.episodes[i];
      const std::string at = Path("CINdetails", i);
      choices.push_back([&plant, e, at] {
        plant(at, "CINreferralDate", "missing_date", e->referral_date, "", "8600");
      });
      choices.push_back(
          [&plant, e, at] { plant(at, "ReferralSource", "wrong_code", e->source, "9Z", "8866"); });
      const auto referred = Iso(e->referral_date);
      if (referred && *referred >= from.AddDays(30) && !e->closure_date.empty()) {
        choices.push_back([&plant, e, at, referred] {
          plant(at, "CINclosureDate", "closure_before_referral", e->closure_date,
                referred->AddDays(-20).ToString(), "8630");
        });
      }
      // The next episode starts while this one is still open.
      if (i + 1 < c.episodes.size() && !e->closure_date.empty()) {
        const auto next = Iso(c.episodes[i + 1].referral_date);
        if (next && next->AddDays(7) <= to) {
          choices.push_back([&plant, e, at, next] {
            plant(at, "CINclosureDate", "overlapping_episodes", e->closure_date,
                  next->AddDays(7).ToString(), "8820");
          });
        }
      }
      for (size_t k = 0; k < e->plans.size(); ++k) {
        cin::PlanDates* p = &e->plans[k];
        const auto start = Iso(p->start);
        if (start && *start >= from.AddDays(10)) {
          choices.push_back([&plant, p, at, k, start] {
            plant(at + "/" + Path("CINPlanDates", k), "CINPlanEndDate", "plan_ends_before_start",
                  p->end, start->AddDays(-5).ToString(), "4011");
          });
        }
      }
      for (size_t k = 0; k < e->cp_plans.size(); ++k) {
        cin::ProtectionPlan* p = &e->cp_plans[k];
        choices.push_back([&plant, p, at, k] {
          plant(at + "/" + Path("ChildProtectionPlans", k), "InitialCategoryOfAbuse", "wrong_code",
                p->initial_category, "PHYS", "8905");
        });
      }
    }
    choices[Below(choices.size())]();
  }
}

void FaultInjector::Inject(ssda903::Return& ret, const std::string& folder,
                           std::vector<Fault>& faults) {
  using ssda903::kEpisodes;
  using ssda903::kHeader;
  const Date from = Date::FromCivil(ret.collection_year - 1, 4, 1);
  const Date to = Date::FromCivil(ret.collection_year, 3, 31);
  auto& T = ret.tables;
  std::map<std::string, std::vector<size_t>> episodes_of;
  for (size_t i = 0; i < T[kEpisodes].size(); ++i) episodes_of[T[kEpisodes][i][0]].push_back(i);
  const int decom = ssda903::ColumnIndex(kEpisodes, "DECOM");
  const int dec = ssda903::ColumnIndex(kEpisodes, "DEC");
  const int place = ssda903::ColumnIndex(kEpisodes, "PLACE");
  const std::string episodes_file = folder + "/" + std::string(ssda903::Spec(kEpisodes).file);
  const std::string header_file = folder + "/" + std::string(ssda903::Spec(kHeader).file);
  for (size_t h = 0; h < T[kHeader].size(); ++h) {
    if (!Chance(rate_)) continue;
    const std::string child = T[kHeader][h][0];
    std::vector<std::function<void()>> choices;
    // Rows are numbered as lines of the CSV file, whose first line is the column names.
    auto plant = [&](const std::string& file, size_t row, const char* column, std::string kind,
                     std::string& value, std::string injected, std::string rules) {
      faults.push_back({file, child, "row " + std::to_string(row + 2), column, std::move(kind),
                        value, injected, std::move(rules)});
      value = std::move(injected);
    };
    auto cell = [&](ssda903::TableId t, size_t row, int column) -> std::string& {
      return T[t][row][static_cast<size_t>(column)];
    };
    const int ethnic = ssda903::ColumnIndex(kHeader, "ETHNIC");
    const int upn = ssda903::ColumnIndex(kHeader, "UPN");
    choices.push_back([&, h] {
      plant(header_file, h, "ETHNIC", "missing_code", cell(kHeader, h, ethnic), "", "103");
    });
    if (cell(kHeader, h, upn).size() == 13) {
      choices.push_back([&, h] {
        // The 903 checks a UPN's form, not its check letter: I, O and S are never the first.
        std::string& v = cell(kHeader, h, upn);
        plant(header_file, h, "UPN", "upn_form", v, "I" + v.substr(1), "168");
      });
    }
    const auto& eps = episodes_of[child];
    for (size_t k = 0; k < eps.size(); ++k) {
      const size_t row = eps[k];
      choices.push_back([&, row] {
        plant(episodes_file, row, "DECOM", "missing_date", cell(kEpisodes, row, decom), "", "141");
      });
      choices.push_back([&, row] {
        plant(episodes_file, row, "PLACE", "wrong_code", cell(kEpisodes, row, place), "Z9", "146");
      });
      const auto start = Uk(cell(kEpisodes, row, decom));
      if (start && *start >= from.AddDays(10) && !cell(kEpisodes, row, dec).empty()) {
        choices.push_back([&, row, start] {
          plant(episodes_file, row, "DEC", "episode_ends_before_start", cell(kEpisodes, row, dec),
                start->AddDays(-3).ToUkString(), "356");
        });
      }
      if (k + 1 < eps.size() && !cell(kEpisodes, row, dec).empty()) {
        const auto next = Uk(cell(kEpisodes, eps[k + 1], decom));
        if (next && next->AddDays(7) <= to) {
          choices.push_back([&, row, next] {
            plant(episodes_file, row, "DEC", "overlapping_episodes", cell(kEpisodes, row, dec),
                  next->AddDays(7).ToUkString(), "501");
          });
        }
      }
    }
    choices[Below(choices.size())]();
  }
}

void WriteFaultManifest(const std::vector<Fault>& faults, std::ostream& out) {
  out << "file,child,location,field,fault,original,injected,expected_rules\n";
  for (const Fault& f : faults) {
    for (const std::string* s :
         {&f.file, &f.child, &f.location, &f.field, &f.kind, &f.original, &f.injected}) {
      WriteCsvCell(out, *s);
      out << ',';
    }
    WriteCsvCell(out, f.rules);
    out << '\n';
  }
}

}  // namespace sg

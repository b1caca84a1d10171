#include "synth/generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <queue>
#include <random>

#include "common/working_days.h"

namespace sg {

Result<Id> MemorySink::Add(Record record) {
  if (!keep_.empty() && !keep_.count(record.entity().name)) {
    return ++dropped_[std::string(record.entity().name)];
  }
  auto& list = records_[std::string(record.entity().name)];
  record.meta().id = static_cast<Id>(list.size()) + 1;
  record.meta().version = 1;
  list.push_back(std::move(record));
  return list.back().id();
}

const std::vector<Record>& MemorySink::Of(std::string_view entity) const {
  static const std::vector<Record> kEmpty;
  auto it = records_.find(entity);
  return it == records_.end() ? kEmpty : it->second;
}

std::int64_t MemorySink::Total() const {
  std::int64_t n = 0;
  for (const auto& [name, list] : records_) n += static_cast<std::int64_t>(list.size());
  return n;
}

namespace {

// Counts records without keeping them (the pilot runs).
class CountingSink final : public RecordSink {
 public:
  Result<Id> Add(Record) override { return ++next_; }

 private:
  Id next_ = 0;
};

constexpr Date kNever = Date::FromDays(std::numeric_limits<std::int32_t>::max() / 2);

// ---- The calibration targets of one reporting year, with England filling suppressed gaps.

struct YearParams {
  double population = 0;
  double referrals = 0;  // per year, before scaling
  double p_rereferral = 0.22;
  double p_nfa = 0.06;
  double p_not_in_need = 0.3;  // of assessed referrals
  double p_s47 = 0.3;          // of assessed referrals
  double p_icpc = 0.4;         // of S47 enquiries
  double p_plan = 0.9;         // of ICPCs
  double p_subsequent = 0.24;  // of plans starting
  double p_assess_45 = 0.85;
  double p_icpc_15 = 0.8;
  double cp_mean_years = 0.8;
  std::array<double, 5> cp_bands = {0.315, 0.255, 0.263, 0.144, 0.023};  // <=3m ... 2y+
  double cp_at31 = 0;
  double cin_at31 = 0;
  double cla_at31 = 0;
  double cla_started = 0;
  double p_3plus = 0.1;
  double p_long_term = 0.69;
  double cl_suitable = 0.89;
  double cl_eet = 0.54;
  double cl_suitable_17 = 0.9;
  double cl_eet_17 = 0.65;
  double cl_in_touch = 0.94;
  double cl_in_touch_17 = 0.96;
  double agency_rate = 0.13;
  double turnover_rate = 0.15;
  double vacancy_rate = 0.15;
  double caseload = 16;
  double inpost_fte = 0;
  double absence_days = 10;                                  // days lost per FTE per year
  std::vector<std::pair<std::string, double>> factor_rates;  // code -> P(factor on assessment)
};

class ParamBuilder {
 public:
  ParamBuilder(const ReferenceFigures& f, const Area& area, GenerationSummary* summary)
      : f_(f), area_(area), summary_(summary) {}

  // The LA's value for `measure` in `year`; else the LA's in the nearest year (within two);
  // else England's, scaled to the LA's child population when it is a count; else `fallback`.
  // Every substitution is noted.
  enum Kind { kShare, kCount };
  double Get(int year, const std::string& measure, double fallback, Kind kind = kShare) {
    if (auto v = f_.Value(area_, year, measure)) return *v;
    const std::string what = measure + " " + std::to_string(year);
    for (int dy : {-1, 1, -2, 2}) {
      if (auto v = f_.Value(area_, year + dy, measure)) {
        Note(what + ": not published for the LA; its " + std::to_string(year + dy) +
             " figure used");
        return *v;
      }
    }
    if (auto v = f_.Value(f_.England(), year, measure)) {
      if (kind == kCount) {
        auto la = Population(year);
        auto england = f_.Value(f_.England(), year - 1, "population_0_17");
        if (la && england && *england > 0) {
          Note(what + ": not published for the LA; England's rate used");
          return *v * *la / *england;
        }
      } else {
        Note(what + ": not published for the LA; England's used");
        return *v;
      }
    }
    Note(what + ": not published; a default used");
    return fallback;
  }

  // The LA's child population for rates in the year ending 31 March `year` (the mid-year
  // estimate of the year before, else the nearest one).
  std::optional<double> Population(int year) {
    for (int dy : {-1, -2, 0, -3, 1}) {
      if (auto v = f_.Value(area_, year + dy, "population_0_17")) return v;
    }
    return std::nullopt;
  }
  std::optional<double> LaOnly(int year, const std::string& measure) {
    return f_.Value(area_, year, measure);
  }

  YearParams Build(int year) {
    YearParams p;
    // DfE's rates for the year ending 31 March Y use the mid-year population estimate of Y-1.
    p.population = Population(year).value_or(100000);
    p.referrals = Get(year, "referrals", p.population * 0.05, kCount);
    p.p_rereferral = Get(year, "rereferral_pct", 22.6) / 100;
    p.p_nfa = Get(year, "referral_nfa_pct", 6.5) / 100;
    const double assessed = std::max(1.0, p.referrals * (1 - p.p_nfa));
    p.p_not_in_need = std::clamp(
        Get(year, "assessed_not_in_need_pct", 30.8) / 100 * p.referrals / assessed, 0.0, 0.8);
    const double s47 = Get(year, "lait_section_47", 189) * p.population / 10000;
    const double icpc = Get(year, "lait_iscp_conf", 70) * p.population / 10000;
    const double plans = Get(year, "cpp_started", p.population * 0.005, kCount);
    p.p_s47 = std::clamp(s47 / assessed, 0.01, 0.9);
    p.p_icpc = std::clamp(icpc / std::max(1.0, s47), 0.05, 0.95);
    p.p_plan = std::clamp(plans / std::max(1.0, icpc), 0.3, 0.99);
    p.p_subsequent = Get(year, "cpp_subsequent_pct", 24.5) / 100;
    p.p_assess_45 = Get(year, "lait_continue_assess_comp", 85.7) / 100;
    p.p_icpc_15 = Get(year, "lait_cp_conf_15days", 81.4) / 100;
    p.cp_at31 = Get(year, "cpp_at_31_march", plans * 0.8, kCount);
    p.cp_mean_years = std::clamp(p.cp_at31 / std::max(1.0, plans), 0.2, 3.0);
    // The LA's mix of plan lengths at 31 March: this year's, else the nearest year's.
    for (int dy : {0, 1, -1, 2, -2, 3, -3, 4}) {
      if (auto b = Bands(year + dy)) {
        p.cp_bands = *b;
        break;
      }
    }
    p.cin_at31 = Get(year, "cin_at_31_march", p.population * 0.033, kCount);
    p.cla_at31 = Get(year, "cla_at_31_march", p.population * 0.007, kCount);
    p.cla_started = Get(year, "cla_started", p.cla_at31 * 0.4, kCount);
    p.p_3plus = Get(year, "cla_3plus_placements_pct", 10) / 100;
    p.p_long_term = Get(year, "cla_long_term_stable_pct", 69) / 100;
    p.cl_suitable = Get(year, "care_leavers_19_21_suitable_pct", 89) / 100;
    p.cl_eet = Get(year, "care_leavers_19_21_eet_pct", 54) / 100;
    p.cl_suitable_17 = Get(year, "care_leavers_17_18_suitable_pct", 90) / 100;
    p.cl_eet_17 = Get(year, "care_leavers_17_18_eet_pct", 65) / 100;
    p.cl_in_touch = std::clamp(
        1 - Get(year, "care_leavers_19_21_accommodation_no_information_pct", 6) / 100, 0.5, 1.0);
    p.cl_in_touch_17 = std::clamp(
        1 - Get(year, "care_leavers_17_18_accommodation_no_information_pct", 4) / 100, 0.5, 1.0);
    // The workforce census is at 30 September: the one inside the reporting year.
    const int wf = year - 1;
    p.agency_rate = Get(wf, "csww_agency_rate_fte", 13) / 100;
    p.turnover_rate = std::max(0.03, Get(wf, "csww_turnover_rate_fte", 15) / 100);
    p.vacancy_rate = Get(wf, "csww_vacancy_rate_fte", 15) / 100;
    p.caseload = std::max(5.0, Get(wf, "csww_caseload_fte", 16));
    p.inpost_fte = Get(wf, "csww_inpost_fte", p.population / 400, kCount);
    // Working days lost to sickness per FTE in post.
    if (auto lost = LaOnly(wf, "csww_working_days_lost_fte"); lost && p.inpost_fte > 0) {
      p.absence_days = *lost / p.inpost_fte;
    }
    FactorRates(year, &p);
    return p;
  }

  void FactorRates(int year, YearParams* p) {
    // c3 columns "<Factor>_child|parent|person" map to DfE codes.
    static const std::pair<const char*, const char*> kMap[] = {
        {"alcohol_misuse_child", "1A"},
        {"alcohol_misuse_parent", "1B"},
        {"alcohol_misuse_person", "1C"},
        {"drug_misuse_child", "2A"},
        {"drug_misuse_parent", "2B"},
        {"drug_misuse_person", "2C"},
        {"domestic_abuse_child", "3A"},
        {"domestic_abuse_parent", "3B"},
        {"domestic_abuse_person", "3C"},
        {"mental_health_child", "4A"},
        {"mental_health_parent", "4B"},
        {"mental_health_person", "4C"},
        {"learning_disability_child", "5A"},
        {"learning_disability_parent", "5B"},
        {"learning_disability_person", "5C"},
        {"physical_disability_child", "6A"},
        {"physical_disability_parent", "6B"},
        {"physical_disability_person", "6C"},
        {"young_carer", "7A"},
        {"unaccompanied_asylum_seeker", "9A"},
        {"going_missing", "10A"},
        {"child_sexual_exploitation", "11A"},
        {"trafficking", "12A"},
        {"gangs", "13A"},
        {"socially_unacceptable_behaviour", "14A"},
        {"self_harm", "15A"},
        {"neglect", "16A"},
        {"emotional_abuse", "17A"},
        {"physical_abuse_unknown", "18A"},
        {"physical_abuse_child_on_child", "18B"},
        {"physical_abuse_adult_on_child", "18C"},
        {"sexual_abuse_unknown", "19A"},
        {"sexual_abuse_child_on_child", "19B"},
        {"sexual_abuse_adult_on_child", "19C"},
        {"other", "20"},
        {"privately_fostered", "8B"},
        {"female_genital_mutilation", "22A"},
        {"faith_linked_abuse", "23A"},
        {"child_criminal_exploitation", "24A"},
    };
    // The LA's own factor rates, else England's.
    const Area& source = f_.Value(area_, year, "assessments_with_factors") ? area_ : f_.England();
    const double base = f_.Value(source, year, "assessments_with_factors").value_or(0);
    if (base <= 0) return;
    for (const auto& [column, code] : kMap) {
      auto v = f_.Value(source, year, std::string("factor_") + column);
      if (v && *v > 0) p->factor_rates.emplace_back(code, std::min(0.95, *v / base));
    }
  }

 private:
  std::optional<std::array<double, 5>> Bands(int year) {
    static const char* kBands[] = {"cpp_duration_le_3m_pct", "cpp_duration_3_6m_pct",
                                   "cpp_duration_6_12m_pct", "cpp_duration_1_2y_pct",
                                   "cpp_duration_2y_plus_pct"};
    std::array<double, 5> b{};
    double total = 0;
    for (size_t i = 0; i < 5; ++i) {
      auto v = LaOnly(year, kBands[i]);
      if (!v) return std::nullopt;
      b[i] = *v;
      total += *v;
    }
    if (total < 50) return std::nullopt;
    for (auto& x : b) x /= total;
    return b;
  }

  void Note(const std::string& note) {
    if (summary_->notes.size() < 200 &&
        std::find(summary_->notes.begin(), summary_->notes.end(), note) == summary_->notes.end()) {
      summary_->notes.push_back(note);
    }
  }
  const ReferenceFigures& f_;
  const Area& area_;
  GenerationSummary* summary_;
};

// ---- Synthetic names: plainly made up, so that no real person can be matched.

constexpr const char* kFirstNames[] = {
    "Ada",  "Alfie", "Amara", "Arlo", "Bea",  "Cai",  "Cleo", "Dara", "Eden", "Elio",
    "Esme", "Ezra",  "Fern",  "Finn", "Gia",  "Hal",  "Ines", "Ivo",  "Jude", "Kai",
    "Lark", "Leo",   "Luna",  "Mae",  "Milo", "Nell", "Nico", "Orla", "Otto", "Pia",
    "Quin", "Remy",  "Rhea",  "Sami", "Tova", "Uma",  "Vida", "Wren", "Yara", "Zeb"};
constexpr const char* kSyllables[] = {"Zar", "Quen", "Mor",  "Bel", "Tav", "Wex",  "Dro", "Pel",
                                      "Yor", "Kest", "Vanh", "Lum", "Fen", "Grix", "Hol", "Ost"};
constexpr const char* kSuffixes[] = {"by", "field", "ton", "wick", "more", "shaw", "ley", "croft"};

// ---- The simulation.

struct Worker {
  Id id = 0;
  Date start;
  Date end = kNever;  // exclusive
};

struct Post {
  int team = 0;
  std::vector<Worker> chain;  // successive holders, in time order
};

struct Team {
  Id id = 0;
  std::string service;  // "Assessment", "Safeguarding", "Children in care", ...
  Id manager = 0;
  std::vector<size_t> posts;  // case-holding posts
  size_t next = 0;
};

// Duration multipliers found by the pilot runs so that stocks at 31 March (CP plans, children
// looked after, children in need) match the published ones, and the stocks a run produced.
// Multipliers by the reporting year in which a plan or period starts.
struct Calibration {
  std::map<int, double> cin;  // multiplies CIN plan lengths, by the year they start
  // The speed at which time runs, by reporting year: on CP plans and in care.
  std::map<int, double> cp, cla;
  std::map<int, double> moves;       // the speed of the stable children's placement moves
  std::map<int, double> fast_moves;  // ... and of the unstable children's
  std::map<int, double> entry;       // multiplies the chance of a referral leading to care
  // Shifts (log-odds) of the chance that an assessment is on time, by the year it completes:
  // late assessments of one year's referrals complete in the next.
  std::map<int, double> assess;
  double unstable = 1.0;  // multiplies the share of children in unstable placements
  static double At(const std::map<int, double>& m, int year) {
    if (m.empty()) return 1.0;
    auto it = m.upper_bound(year);
    return it == m.begin() ? it->second : std::prev(it)->second;
  }
};

struct Stocks {
  std::map<int, double> cp, cla, cin;  // year ending 31 March -> open on 31 March
  // Placement stability on 31 March: looked after with 3+ placements in the year; and the
  // long-term cohort (under 16, in care 2.5+ years) and those in one placement 2+ years.
  std::map<int, double> three_plus, lt_cohort, lt_stable;
  std::map<int, double> cla_starts;                  // periods of care starting in the year
  std::map<int, double> assessed, assessed_on_time;  // assessments completed in the year
};

struct Child {
  Id id = 0;
  Date dob;
  bool male = false;
  std::string household;
  Date open_until;  // the current episode is open until this day (exclusive)
  Date last_referral;
  int cp_plans = 0;
  bool in_care = false;
};

enum TeamKind { kFrontDoor, kAssessment, kSafeguarding, kCare, kLeavingCare, kTeamKinds };

class Simulation {
 public:
  Simulation(const GenerateOptions& o, std::vector<YearParams> params, int first_param_year,
             RecordSink& sink, GenerationSummary* summary, Calibration calibration, double scale)
      : calibration_(std::move(calibration)),
        scale_(scale),
        params_(std::move(params)),
        first_param_year_(first_param_year),
        sink_(sink),
        summary_(summary),
        rng_(o.seed),
        audit_rng_(o.seed ^ 0x5afe9a4dULL),
        cal_(WorkingDayCalendar::England()) {}

  const Stocks& stocks() const { return stocks_; }

  Status Run() {
    start_ = summary_->start;
    end_ = summary_->end;
    last_instant_ =
        Timestamp::FromUnixSeconds(static_cast<std::int64_t>(end_.days()) * 86400 + 86399);
    visits_from_ = Date::FromCivil(summary_->first_year - 2, 4, 1);
    SG_RETURN_IF_ERROR(BuildWorkforce());
    // Referral arrivals day by day, weekdays busier than weekends.
    for (Date d = start_; d <= end_; d = d.AddDays(1)) {
      const YearParams& p = ParamsFor(d);
      const double weekday = d.weekday() < 5 ? 1.3 : 0.25;
      const double rate = p.referrals * scale_ / 365.25 * weekday;
      const int n = Poisson(rate);
      for (int i = 0; i < n; ++i) SG_RETURN_IF_ERROR(Referral(d, p));
      // Contacts that do not become referrals: about 1.4 per referral.
      const int other = Poisson(rate * 1.4);
      for (int i = 0; i < other; ++i) SG_RETURN_IF_ERROR(OtherContact(d));
    }
    return ImprovementPlan();
  }

 private:
  // ---------- randomness
  double U() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  bool Chance(double p) { return U() < p; }
  int Poisson(double mean) {
    if (mean <= 0) return 0;
    return std::poisson_distribution<int>(mean)(rng_);
  }
  double Exp(double mean) { return -mean * std::log(1 - U()); }
  int Between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<std::pair<T, double>>& weighted) {
    double total = 0;
    for (const auto& [v, w] : weighted) total += w;
    double x = U() * total;
    for (const auto& [v, w] : weighted) {
      if ((x -= w) < 0) return v;
    }
    return weighted.back().first;
  }

  Date AddWd(Date d, int n) {
    auto r = cal_.AddWorkingDays(d, n);
    return r.ok() ? *r : d.AddDays(n * 7 / 5);
  }

  static int ReportYear(Date d) { return d.month() >= 4 ? d.year() + 1 : d.year(); }

  const YearParams& ParamsFor(Date d) {
    const int year = ReportYear(d);  // year ending 31 March
    const int i = std::clamp(year - first_param_year_, 0, static_cast<int>(params_.size()) - 1);
    return params_[static_cast<size_t>(i)];
  }

  // Counts [from, to) as open on each reporting year's 31 March.
  void CountStock(std::map<int, double>& stock, Date from, Date to) {
    for (int y = summary_->first_year; y <= summary_->last_year; ++y) {
      const Date march = Date::FromCivil(y, 3, 31);
      if (from <= march && march < to) stock[y] += 1;
    }
  }

  // `p` moved by `shift` in log-odds.
  static double Shifted(double p, double shift) {
    if (p <= 0 || p >= 1 || shift == 0) return p;
    const double logit = std::log(p / (1 - p)) + shift;
    return 1 / (1 + std::exp(-logit));
  }

  // ---------- records
  struct F {
    std::string_view name;
    Value value;
  };
  Result<Id> Add(std::string_view entity, std::initializer_list<F> fields) {
    Record r(Entity(entity));
    for (const F& f : fields) {
      if (IsNull(f.value)) continue;
      r.Set(f.name, f.value);
    }
    SG_ASSIGN_OR_RETURN(Id id, sink_.Add(std::move(r)));
    ++summary_->counts[std::string(entity)];
    return id;
  }
  static Value V(Date d) { return d == kNever ? Value{} : Value{d}; }
  static Value S(std::string s) { return Value{std::move(s)}; }
  static Value I(std::int64_t i) { return Value{i}; }
  static Value B(bool b) { return Value{b}; }
  Value Within(Date d) const { return d < end_ ? V(d) : Value{}; }

  std::string Surname() {
    return std::string(kSyllables[Between(0, 15)]) + kSuffixes[Between(0, 7)];
  }
  std::string FirstName() { return kFirstNames[Between(0, 39)]; }
  std::string Postcode() {
    static const char* kLetters = "ABDEFGHJLNPQRSTUWXYZ";
    return "ZZ" + std::to_string(Between(1, 98)) + " " + std::to_string(Between(1, 9)) +
           kLetters[Between(0, 19)] + kLetters[Between(0, 19)];
  }

  // ---------- workforce
  Status BuildWorkforce() {
    const YearParams& p = params_.back();
    const double scale = scale_;
    const double case_holders = std::max(2.0, p.cin_at31 * scale / p.caseload);
    const double total = std::max(case_holders * 1.3, p.inpost_fte * scale);
    const std::array<std::pair<const char*, double>, kTeamKinds> kinds = {{
        {"Front Door", 0.08 * total / case_holders},
        {"Assessment", 0.35},
        {"Safeguarding", 0.40},
        {"Children in care", 0.25},
        {"Leaving care", 0.05},
    }};
    for (size_t i = 0; i < params_.size(); ++i) {
      turnover_[first_param_year_ + static_cast<int>(i)] = params_[i].turnover_rate;
    }
    // Hires across all posts in time order, so that each can be agency or permanent as the
    // published agency share at the next workforce census requires: a hire is agency when
    // the agency share of the workers then in post is below it.
    struct Hire {
      Date at;
      size_t post;
      Id team;
      bool leaving_care;
      bool operator>(const Hire& o) const { return at != o.at ? at > o.at : post > o.post; }
    };
    std::priority_queue<Hire, std::vector<Hire>, std::greater<>> hires;
    for (int k = 0; k < kTeamKinds; ++k) {
      const double share = kinds[static_cast<size_t>(k)].second;
      const int posts = std::max(1, static_cast<int>(std::lround(case_holders * share)));
      // Teams of about eight posts.
      const int teams = std::max(1, (posts + 7) / 8);
      for (int t = 0; t < teams; ++t) {
        Team team;
        team.service = kinds[static_cast<size_t>(k)].first;
        const std::string name =
            prefix_name_ + team.service + (teams > 1 ? " " + std::to_string(t + 1) : "");
        const int team_posts = posts / teams + (t < posts % teams ? 1 : 0);
        SG_ASSIGN_OR_RETURN(
            team.id, Add("team", {{"name", S(name)},
                                  {"service_area", S(team.service)},
                                  {"established_fte", Value{static_cast<double>(team_posts + 1)}},
                                  {"start_date", V(start_.AddDays(-3650))}}));
        SG_ASSIGN_OR_RETURN(team.manager,
                            NewWorker(team.id, "TEAM_MANAGER", start_.AddDays(-Between(400, 3000)),
                                      kNever, false, false));
        team_manager_of_[team.id] = team.manager;
        for (int i = 0; i < team_posts; ++i) {
          Post post;
          post.team = static_cast<int>(teams_.size());
          team.posts.push_back(posts_.size());
          posts_.push_back(std::move(post));
          // The post's first holder started some time in the five years before.
          hires.push({start_.AddDays(-Between(0, 5 * 365)), team.posts.back(), team.id,
                      k == kLeavingCare});
        }
        kind_teams_[static_cast<size_t>(k)].push_back(teams_.size());
        teams_.push_back(std::move(team));
      }
    }
    // Workers in post: (end, agency), earliest end first.
    std::priority_queue<std::pair<Date, bool>, std::vector<std::pair<Date, bool>>, std::greater<>>
        in_post;
    int agency_now = 0;
    while (!hires.empty()) {
      const Hire h = hires.top();
      hires.pop();
      if (h.at >= end_) continue;
      while (!in_post.empty() && in_post.top().first <= h.at) {
        if (in_post.top().second) --agency_now;
        in_post.pop();
      }
      const Date census = Date::FromCivil(h.at.month() > 9 ? h.at.year() + 1 : h.at.year(), 9, 30);
      const YearParams& hp = ParamsFor(census);
      const bool agency = (agency_now + 0.5) / (static_cast<double>(in_post.size()) + 1) <
                          std::clamp(hp.agency_rate, 0.0, 0.9);
      // Agency workers stay about 0.6 years; permanent ones 1 / turnover years.
      // (Agency contracts are capped just under a year.)
      // Permanent workers leave at each year's published turnover rate (time elapsed at that
      // rate), so that a year of exodus empties posts for agency workers to fill.
      const Date end =
          agency ? h.at.AddDays(std::max(60, static_cast<int>(std::min(0.98, Exp(0.6)) * 365)))
                 : std::max(h.at.AddDays(60), Elapse(h.at, Exp(365.25), turnover_));
      const bool leaves = end < end_;
      const char* role = h.leaving_care ? "PERSONAL_ADVISER"
                         : Chance(0.1)  ? "ASYE"
                         : Chance(0.2)  ? "SENIOR_PRACTITIONER"
                                        : "SOCIAL_WORKER";
      SG_ASSIGN_OR_RETURN(Id w, NewWorker(h.team, role, h.at, leaves ? end : kNever, agency, true));
      posts_[h.post].chain.push_back({w, h.at, leaves ? end : kNever});
      in_post.push({leaves ? end : kNever, agency});
      if (agency) ++agency_now;
      if (leaves) {
        hires.push({end.AddDays(static_cast<int>(Exp(hp.vacancy_rate * 200 + 10))), h.post, h.team,
                    h.leaving_care});
      }
    }
    return Status::Ok();
  }

  // The manager of `team`, who supervises its workers (the worker itself if none yet).
  Id SupervisorOf(Id team, Id worker) const {
    auto it = team_manager_of_.find(team);
    return it == team_manager_of_.end() ? worker : it->second;
  }

  Result<Id> NewWorker(Id team, const char* role, Date start, Date end, bool agency,
                       bool case_holder) {
    const std::string staff = "SYN-W" + prefix_ + std::to_string(100000 + ++worker_serial_);
    // Social workers are registered with Social Work England ("SW" and digits: the 903's SW_ID);
    // family support workers and personal advisers are not.
    const std::string_view r(role);
    const bool registered = r != "FAMILY_SUPPORT_WORKER" && r != "PERSONAL_ADVISER";
    SG_ASSIGN_OR_RETURN(
        Id id,
        Add("worker",
            {{"staff_id", S(staff)},
             {"swe_registration",
              registered ? S("SW" + prefix_ + std::to_string(100000 + worker_serial_)) : Value{}},
             {"first_name", S(FirstName())},
             {"last_name", S(Surname())},
             {"role", S(role)},
             {"team_id", I(team)},
             {"fte", Value{Chance(0.15) ? 0.8 : 1.0}},
             {"agency", B(agency)},
             {"case_holder", B(case_holder)},
             {"start_date", V(start)},
             {"end_date", Within(end)},
             {"leaving_reason",
              end < end_ ? S(agency ? "Contract ended" : "Resigned") : Value{}}}));
    // Monthly supervision and occasional sickness while employed, within the visit window.
    const Date from = std::max(start, visits_from_);
    const Date to = std::min(end, end_);
    const YearParams& p = params_.back();
    for (Date d = from.AddDays(Between(0, 30)); d < to; d = d.AddDays(Between(24, 40))) {
      if (std::string_view(role) == "TEAM_MANAGER") break;
      SG_RETURN_IF_ERROR(Add("supervision", {{"worker_id", I(id)},
                                             {"supervisor_id", I(SupervisorOf(team, id))},
                                             {"supervision_date", V(d)}})
                             .status());
    }
    for (Date y = from; y < to; y = y.AddDays(365)) {
      const int spells = Poisson(std::max(0.1, p.absence_days / 5));
      for (int s = 0; s < spells; ++s) {
        const Date d = y.AddDays(Between(0, 364));
        if (d >= to) continue;
        const int days = std::max(1, static_cast<int>(Exp(4)));
        SG_RETURN_IF_ERROR(
            Add("sickness_absence", {{"worker_id", I(id)},
                                     {"start_date", V(d)},
                                     {"end_date", Within(AddWd(d, days - 1))},
                                     {"days_lost", Value{static_cast<double>(days)}}})
                .status());
      }
    }
    return id;
  }

  // Case file audits: about one allocation in twelve is audited once while it lasts (within the
  // visit window), by the team's manager, against the council's template of four themes;
  // grades Outstanding 5%, Good 45%, Requires improvement 38%, Inadequate 12% (a council
  // partway through improvement). Each theme is graded within one grade of the overall grade
  // (60% the same). An audit below Good sets an action for the worker (due in 20 working days,
  // 75% done, a quarter of those late); a third of them are re-audited about three months on
  // (55% a grade better, 35% the same); 3% of actions due six months to a year ago, and 0.5% of
  // older ones, are still open. One
  // audit in ten is moderated by another team's manager within three weeks, who gives the same
  // grade 72% of the time, else the next one.
  static constexpr const char* kThemes[] = {"Child seen and heard", "Management oversight",
                                            "Timely decision making", "Quality of plan"};

  Result<Id> AuditTemplate() {
    if (audit_template_ != 0) return audit_template_;
    std::string themes;
    for (const char* t : kThemes) themes += std::string(themes.empty() ? "" : "\n") + t;
    SG_ASSIGN_OR_RETURN(
        audit_template_,
        Add("audit_template",
            {{"name", S("Practice standards")},
             {"description", S("The council's practice standards, each graded Outstanding, Good, "
                               "Requires improvement or Inadequate with the evidence.")},
             {"themes", S(themes)},
             {"active", Value{true}}}));
    return audit_template_;
  }

  const char* GradeNear(int rank, double same) {
    std::uniform_real_distribution<double> u(0, 1);
    const double x = u(audit_rng_);
    int r = rank;
    if (x >= same) r += (x - same) < (1 - same) / 2 ? -1 : 1;
    if (r < 0) r = 1;  // the only neighbour of Outstanding is Good, of Inadequate RI
    if (r > 3) r = 2;
    static constexpr const char* kGrade[] = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT",
                                             "INADEQUATE"};
    return kGrade[r];
  }
  static int RankOf(std::string_view g) {
    return g == "OUTSTANDING" ? 0 : g == "GOOD" ? 1 : g == "REQUIRES_IMPROVEMENT" ? 2 : 3;
  }

  // One audit of the child (a first audit, a re-audit or a moderation) with its theme grades.
  Result<Id> AuditWithThemes(const Child& c, Id holder, Id auditor, Date on, const char* grade,
                             const char* link, Id of) {
    SG_ASSIGN_OR_RETURN(Id tmpl, AuditTemplate());
    SG_ASSIGN_OR_RETURN(
        Id audit, Add("case_audit", {{"child_id", I(c.id)},
                                     {"worker_id", I(holder)},
                                     {"auditor_id", I(auditor)},
                                     {"audit_date", V(on)},
                                     {"grade", S(grade)},
                                     {"template_id", I(tmpl)},
                                     {link ? link : "moderates_id", link ? I(of) : Value{}}}));
    for (const char* theme : kThemes) {
      SG_RETURN_IF_ERROR(Add("audit_theme_grade", {{"audit_id", I(audit)},
                                                   {"child_id", I(c.id)},
                                                   {"theme", S(theme)},
                                                   {"grade", S(GradeNear(RankOf(grade), 0.6))}})
                             .status());
    }
    return audit;
  }

  Status MaybeAudit(const Child& c, Id team, Id holder, Date from, Date until) {
    const Date lo = std::max(from, visits_from_);
    const Date hi = std::min(until, end_);
    if (hi <= lo) return Status::Ok();
    std::uniform_real_distribution<double> u(0, 1);
    if (u(audit_rng_) >= 1.0 / 12) return Status::Ok();
    const Date on = lo.AddDays(static_cast<std::int32_t>(u(audit_rng_) * (hi.days() - lo.days())));
    const double g = u(audit_rng_);
    const char* grade = g < 0.05   ? "OUTSTANDING"
                        : g < 0.50 ? "GOOD"
                        : g < 0.88 ? "REQUIRES_IMPROVEMENT"
                                   : "INADEQUATE";
    const Id auditor = SupervisorOf(team, holder);
    SG_ASSIGN_OR_RETURN(Id audit, AuditWithThemes(c, holder, auditor, on, grade, nullptr, 0));
    if (RankOf(grade) >= 2) {
      const Date due = AddWd(on, 20);
      Value done;
      // Most actions get done in the end: a quarter are still open at first, few for long.
      const double done_share = due < end_.AddDays(-365)   ? 0.995
                                : due < end_.AddDays(-180) ? 0.97
                                                           : 0.75;
      if (u(audit_rng_) < done_share) {
        const int late = u(audit_rng_) < 0.25 ? 1 + static_cast<int>(u(audit_rng_) * 20)
                                              : -static_cast<int>(u(audit_rng_) * 15);
        const Date d = std::max(on, due.AddDays(late));
        done = Within(d);
      }
      SG_RETURN_IF_ERROR(
          Add("audit_action", {{"audit_id", I(audit)},
                               {"child_id", I(c.id)},
                               {"action", S(RankOf(grade) == 3 ? "Review the plan with the child "
                                                                 "and family and record their views"
                                                               : "Record the child's views in the "
                                                                 "plan and review it on time")},
                               {"owner_id", I(holder)},
                               {"due_date", V(due)},
                               {"completed_date", done}})
              .status());
      const Date again = on.AddDays(80 + static_cast<int>(u(audit_rng_) * 20));
      if (u(audit_rng_) < 1.0 / 3 && again < hi) {
        const double x = u(audit_rng_);
        const int rank = RankOf(grade) - (x < 0.55 ? 1 : x < 0.90 ? 0 : -1);
        static constexpr const char* kGrade[] = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT",
                                                 "INADEQUATE"};
        SG_RETURN_IF_ERROR(AuditWithThemes(c, holder, auditor, again,
                                           kGrade[std::clamp(rank, 0, 3)], "reaudit_of_id", audit)
                               .status());
      }
    }
    if (u(audit_rng_) < 0.10 && teams_.size() > 1) {
      const Date when = on.AddDays(3 + static_cast<int>(u(audit_rng_) * 18));
      const Id moderator =
          teams_[static_cast<size_t>(u(audit_rng_) * static_cast<double>(teams_.size()))].manager;
      if (when < end_ && moderator != 0 && moderator != auditor) {
        SG_RETURN_IF_ERROR(AuditWithThemes(c, holder, moderator, when,
                                           GradeNear(RankOf(grade), 0.72), "moderates_id", audit)
                               .status());
      }
    }
    return Status::Ok();
  }

  // An improvement plan like the seeds' councils keep, begun a year before the data ends after
  // an inspection: six workstreams of two projects of three actions each, spread over two
  // years; actions due before the end are 80% complete; indicator measures whose baselines
  // the indicator engine computes (none is written), a children's-views measure surveyed each
  // quarter, and four risks. Drawn from the audit stream after everything else.
  Status ImprovementPlan() {
    std::uniform_real_distribution<double> u(0, 1);
    const Date start = end_.AddMonths(-12);
    SG_ASSIGN_OR_RETURN(
        Id plan, Add("improvement_plan", {{"title", S("Children's services improvement plan")},
                                          {"source", S("Ofsted inspection of children's services")},
                                          {"lead", S("Director of Children's Services")},
                                          {"start_date", V(start)},
                                          {"end_date", V(end_.AddMonths(12))},
                                          {"status", S("ACTIVE")}}));
    struct Stream {
      const char* title;
      const char* projects[2];
    };
    static constexpr Stream kStreams[] = {
        {"Front door and early help", {"Decisions within one working day", "Early help step-down"}},
        {"Assessment and planning", {"Assessments on time", "Plans that say what will change"}},
        {"Child protection", {"Conferences and reviews on time", "Neglect strategy"}},
        {"Children in care and care leavers", {"Placement sufficiency", "Pathway plans"}},
        {"Workforce", {"Recruitment and retention", "Supervision"}},
        {"Quality assurance and management oversight", {"Audit programme", "Practice standards"}},
    };
    static constexpr const char* kSteps[] = {"Agree the approach with partners",
                                             "Put it into practice in every team",
                                             "Check it has worked, through audit and the data"};
    int n = 0;
    for (const Stream& st : kStreams) {
      SG_ASSIGN_OR_RETURN(Id ws, Add("plan_item", {{"plan_id", I(plan)},
                                                   {"kind", S("WORKSTREAM")},
                                                   {"title", S(st.title)},
                                                   {"lead", S("Head of Service")},
                                                   {"start_date", V(start)},
                                                   {"due_date", V(end_.AddMonths(12))},
                                                   {"status", S("IN_PROGRESS")}}));
      for (const char* pr : st.projects) {
        const Date pdue = start.AddMonths(9 + 4 * (n % 4));
        SG_ASSIGN_OR_RETURN(Id project, Add("plan_item", {{"plan_id", I(plan)},
                                                          {"parent_id", I(ws)},
                                                          {"kind", S("PROJECT")},
                                                          {"title", S(pr)},
                                                          {"start_date", V(start)},
                                                          {"due_date", V(pdue)},
                                                          {"status", S("IN_PROGRESS")}}));
        Id previous = 0;
        for (int k = 0; k < 3; ++k) {
          const Date due = start.AddMonths(2 + 3 * k + n % 4 + static_cast<int>(u(audit_rng_) * 3));
          const char* status = "IN_PROGRESS";
          Value done;
          if (due < end_) {
            const double x = u(audit_rng_);
            if (x < 0.8) {
              status = "COMPLETE";
              done = V(std::max(start, due.AddDays(-static_cast<int>(u(audit_rng_) * 20))));
            } else if (x < 0.86) {
              status = "BLOCKED";
            }
          } else if (u(audit_rng_) < 0.4) {
            status = "NOT_STARTED";
          }
          SG_ASSIGN_OR_RETURN(Id action,
                              Add("plan_item", {{"plan_id", I(plan)},
                                                {"parent_id", I(project)},
                                                {"kind", S("ACTION")},
                                                {"title", S(std::string(kSteps[k]) + ": " + pr)},
                                                {"start_date", V(start)},
                                                {"due_date", V(due)},
                                                {"completed_date", done},
                                                {"status", S(status)}}));
          if (previous != 0) {
            SG_RETURN_IF_ERROR(
                Add("plan_dependency", {{"item_id", I(action)}, {"depends_on_id", I(previous)}})
                    .status());
          }
          previous = action;
        }
        ++n;
      }
    }
    struct IndicatorMeasure {
      const char* id;
      const char* name;
      double target;
    };
    static constexpr IndicatorMeasure kMeasures[] = {
        {"rereferral_pct", "Re-referrals within 12 months", 15},
        {"assessment_45wd_pct", "Assessments within 45 working days", 90},
        {"cp_reviews_on_time_pct", "Child protection reviews on time", 98},
        {"cla_3plus_placements_pct", "Children in care with 3 or more placements in the year", 8},
        {"supervision_on_time_pct", "Social workers supervised on time", 90},
        {"audits_good_pct", "Audits graded good or outstanding", 70},
    };
    for (const IndicatorMeasure& m : kMeasures) {
      SG_RETURN_IF_ERROR(Add("plan_measure", {{"plan_id", I(plan)},
                                              {"name", S(m.name)},
                                              {"kind", S("INDICATOR")},
                                              {"indicator_id", S(m.id)},
                                              {"baseline_date", V(start)},
                                              {"target", Value{m.target}},
                                              {"target_date", V(end_.AddMonths(12))}})
                             .status());
    }
    SG_ASSIGN_OR_RETURN(
        Id voice,
        Add("plan_measure", {{"plan_id", I(plan)},
                             {"name", S("Children who know who to talk to")},
                             {"kind", S("CHILD_VOICE")},
                             {"question", S("I know who to talk to and I am listened to")},
                             {"unit", S("%")},
                             {"baseline", Value{68.0}},
                             {"baseline_date", V(start)},
                             {"target", Value{80.0}},
                             {"target_date", V(end_.AddMonths(12))}}));
    for (int q = 1; q <= 4; ++q) {
      const Date on = start.AddMonths(3 * q);
      if (on > end_) break;
      const double value = std::round(68 + 1.2 * q + (u(audit_rng_) - 0.5) * 4);
      SG_RETURN_IF_ERROR(
          Add("measure_value", {{"measure_id", I(voice)},
                                {"value_date", V(on)},
                                {"value", Value{value}},
                                {"respondents", I(80 + static_cast<int>(u(audit_rng_) * 80))},
                                {"source", S("Children in care council survey")}})
              .status());
    }
    struct RiskDef {
      const char* title;
      int likelihood, impact;
      const char* mitigation;
    };
    static constexpr RiskDef kRisks[] = {
        {"Not enough permanent social workers", 4, 4, "Market supplement; an ASYE academy."},
        {"Placement costs exceed the budget", 4, 5, "Recruit in-house foster carers."},
        {"Partners' capacity at the Front Door", 3, 3, "MASH partnership agreement."},
        {"Case system change disrupts recording", 2, 3, "Phased go-live with training."},
    };
    for (const RiskDef& r : kRisks) {
      SG_RETURN_IF_ERROR(Add("plan_risk", {{"plan_id", I(plan)},
                                           {"title", S(r.title)},
                                           {"owner", S("Assistant Director")},
                                           {"likelihood", I(r.likelihood)},
                                           {"impact", I(r.impact)},
                                           {"mitigation", S(r.mitigation)},
                                           {"status", S("OPEN")},
                                           {"review_date", V(end_.AddMonths(1))}})
                             .status());
    }
    return Status::Ok();
  }

  // Allocates the child to the team of `kind` for [from, to), following the post's holders;
  // while a post is vacant the case sits with the team manager. Returns the first worker.
  Result<Id> Allocate(const Child& c, TeamKind kind, Date from, Date to) {
    if (from >= end_) return Id{0};
    auto& teams = kind_teams_[static_cast<size_t>(kind)];
    Team& team = teams_[teams[static_cast<size_t>(Between(0, static_cast<int>(teams.size()) - 1))]];
    const Post& post = posts_[team.posts[team.next++ % team.posts.size()]];
    Id first = 0;
    Date t = from;
    const Date stop = std::min(to, end_);
    size_t i = 0;
    while (t < stop) {
      while (i < post.chain.size() && post.chain[i].end <= t) ++i;
      Id who = team.manager;
      Date until = stop;
      if (i < post.chain.size() && post.chain[i].start <= t) {
        who = post.chain[i].id;
        until = std::min(stop, post.chain[i].end);
      } else if (i < post.chain.size()) {
        until = std::min(stop, post.chain[i].start);
      }
      if (!first) first = who;
      SG_RETURN_IF_ERROR(Add("allocation", {{"child_id", I(c.id)},
                                            {"worker_id", I(who)},
                                            {"team_id", I(team.id)},
                                            {"start_date", V(t)},
                                            {"end_date", Within(until)}})
                             .status());
      SG_RETURN_IF_ERROR(MaybeAudit(c, team.id, who, t, until));
      t = until;
    }
    return first;
  }

  // ---------- children
  Result<size_t> NewChild(Date on, bool for_care) {
    // Age at referral (CIN) or at entry to care: DfE's national age profiles.
    static const std::vector<std::pair<int, double>> kCin = {
        {0, 0.10}, {2, 0.20}, {7, 0.25}, {12, 0.33}, {16, 0.12}};
    static const std::vector<std::pair<int, double>> kCare = {
        {0, 0.18}, {2, 0.15}, {7, 0.14}, {12, 0.33}, {16, 0.20}};
    const int band = Pick(for_care ? kCare : kCin);
    // Children entering care at 16+ do so before 17 here (so that care is not cut short at 18).
    const int span = band == 0    ? 365
                     : band == 2  ? 4 * 365
                     : band == 7  ? 5 * 365
                     : band == 12 ? 6 * 365
                                  : (for_care ? 300 : 2 * 365 - 30);
    const int start = band == 0    ? 0
                      : band == 2  ? 365
                      : band == 7  ? 5 * 365
                      : band == 12 ? 10 * 365
                                   : 16 * 365;
    Child c;
    c.dob = on.AddDays(-(start + Between(0, span)));
    c.male = Chance(0.52);
    static const std::vector<std::pair<const char*, double>> kEthnicity = {
        {"WBRI", 63}, {"WOTH", 6},   {"WIRI", 0.5}, {"WROM", 0.5}, {"WIRT", 0.2},
        {"MWBC", 3},  {"MWBA", 1},   {"MWAS", 1.5}, {"MOTH", 3},   {"AIND", 1},
        {"APKN", 3},  {"ABAN", 1},   {"AOTH", 2},   {"BAFR", 4},   {"BCRB", 1},
        {"BOTH", 1},  {"CHNE", 0.2}, {"OOTH", 2.5}, {"REFU", 0.5}, {"NOBT", 2}};
    static const std::vector<std::pair<const char*, double>> kDisability = {
        {"NONE", 90}, {"AUT", 3}, {"LD", 2}, {"COMM", 1.5}, {"BEH", 1.5}, {"MOB", 1}, {"DDA", 1}};
    const std::string ethnicity = Pick(kEthnicity);
    // A child joins the household of the last new child (a sibling) four times in ten.
    Id mother = 0;
    if (!last_household_.empty() && on.days() - last_household_day_ <= 2 && Chance(0.4)) {
      c.household = last_household_;
      mother = last_mother_;
    } else {
      c.household = "SYN-H" + prefix_ + std::to_string(++household_serial_);
      SG_ASSIGN_OR_RETURN(mother, Add("person", {{"first_name", S(FirstName())},
                                                 {"last_name", S(Surname())},
                                                 {"sex", S("F")}}));
      last_mother_ = mother;
      last_household_ = c.household;
      last_household_surname_ = Surname();
      last_postcode_ = Postcode();
    }
    last_household_day_ = on.days();
    const std::string la_id = "SYN" + prefix_ + std::to_string(1000000 + children_.size() + 1);
    // The LA code then a nine-digit serial: unique, with a valid check letter, and plainly not
    // a real pupil's number.
    std::string serial = std::to_string(900000000 + children_.size() + 1);
    const std::string upn_body = la_code_ + serial.substr(serial.size() - 9);
    const char check = UpnCheckLetter(upn_body);
    const bool unborn = c.dob > on;
    SG_ASSIGN_OR_RETURN(
        c.id, Add("child", {{"la_child_id", S(la_id)},
                            {"upn", on.YearsSince(c.dob) < 4 || check == '\0' || Chance(0.15)
                                        ? Value{}
                                        : S(std::string(1, check) + upn_body)},
                            {"first_name", S(FirstName())},
                            {"last_name", S(last_household_surname_)},
                            {"date_of_birth", unborn ? Value{} : V(c.dob)},
                            {"expected_date_of_birth", unborn ? V(c.dob) : Value{}},
                            {"sex", S(c.male ? "M" : "F")},
                            {"ethnicity", S(ethnicity)},
                            {"disabilities", Value{CodeSet{Pick(kDisability)}}}}));
    SG_RETURN_IF_ERROR(Add("relationship", {{"child_id", I(c.id)},
                                            {"related_person_id", I(mother)},
                                            {"relationship", S("MOTHER")},
                                            {"parental_responsibility", B(true)},
                                            {"lives_with_child", B(true)}})
                           .status());
    if (!children_.empty() && children_.back().household == c.household) {
      SG_RETURN_IF_ERROR(Add("relationship", {{"child_id", I(c.id)},
                                              {"related_child_id", I(children_.back().id)},
                                              {"relationship", S("SIBLING")},
                                              {"lives_with_child", B(true)}})
                             .status());
    }
    SG_RETURN_IF_ERROR(
        Add("address", {{"child_id", I(c.id)},
                        {"line1", S(std::to_string(Between(1, 180)) + " " + Surname() + " Road")},
                        {"town", S("Synthtown")},
                        {"postcode", S(last_postcode_)},
                        {"start_date", V(std::min(c.dob, on))}})
            .status());
    children_.push_back(std::move(c));
    return children_.size() - 1;
  }

  // A closed child referred within the last 12 months, or none.
  std::optional<size_t> RecentChild(Date d, bool without_plans) {
    const Date from = d.AddDays(-365);
    auto lo = std::lower_bound(recent_.begin(), recent_.end(), std::make_pair(from, size_t{0}));
    const size_t n = static_cast<size_t>(recent_.end() - lo);
    if (n == 0) return std::nullopt;
    for (int attempt = 0; attempt < 20; ++attempt) {
      const size_t idx =
          (lo - recent_.begin()) + static_cast<size_t>(Between(0, static_cast<int>(n) - 1));
      const Child& c = children_[recent_[idx].second];
      if (c.open_until <= d && c.last_referral >= from && d.YearsSince(c.dob) < 17 && !c.in_care &&
          !(without_plans && c.cp_plans > 0)) {
        return recent_[idx].second;
      }
    }
    return std::nullopt;
  }

  std::optional<size_t> PreviousPlanChild(Date d) {
    for (int attempt = 0; attempt < 30 && !previous_plans_.empty(); ++attempt) {
      const size_t idx =
          static_cast<size_t>(Between(0, static_cast<int>(previous_plans_.size()) - 1));
      const Child& c = children_[previous_plans_[idx]];
      if (c.open_until <= d && d.YearsSince(c.dob) < 16 && !c.in_care) return previous_plans_[idx];
    }
    return std::nullopt;
  }

  Result<Id> Contact(const Child& c, Date day, const char* decision, const std::string& source) {
    const std::int64_t received =
        static_cast<std::int64_t>(day.days()) * 86400 + Between(7 * 3600, 19 * 3600);
    const Timestamp at = Timestamp::FromUnixSeconds(received);
    const Timestamp decided = at.AddSeconds(Between(1800, 30 * 3600));
    static const std::vector<std::pair<const char*, double>> kRag = {
        {"RED", 0.15}, {"AMBER", 0.45}, {"GREEN", 0.4}};
    SG_ASSIGN_OR_RETURN(
        Id id,
        Add("contact", {{"child_id", I(c.id)},
                        {"received_at", Value{at}},
                        {"source", S(source)},
                        {"concern", S("Synthetic concern for demonstration.")},
                        {"household_ref", S(c.household)},
                        {"rag", S(Pick(kRag))},
                        {"decision", decided.UkDate() < end_ ? S(decision) : Value{}},
                        {"decided_at", decided.UkDate() < end_ ? Value{decided} : Value{}}}));
    if (Chance(0.6)) {
      static const std::vector<std::pair<const char*, double>> kAgency = {
          {"POLICE", 0.4}, {"HEALTH", 0.3}, {"EDUCATION", 0.3}};
      SG_RETURN_IF_ERROR(
          Add("mash_check", {{"contact_id", I(id)},
                             {"child_id", I(c.id)},
                             {"agency", S(Pick(kAgency))},
                             {"requested_at", Value{at.AddSeconds(600)}},
                             {"responded_at",
                              Value{std::min(at.AddSeconds(Between(1200, 20000)), last_instant_)}},
                             {"outcome", S(Chance(0.7) ? "INFORMATION_SHARED" : "NOT_KNOWN")}})
              .status());
    }
    return id;
  }

  std::string Source() {
    static const std::vector<std::pair<const char*, double>> kSource = {
        {"6", 29}, {"2A", 20}, {"3A", 3}, {"3B", 2}, {"3E", 4}, {"3F", 5}, {"5A", 4}, {"5B", 2},
        {"5C", 2}, {"5D", 3},  {"1A", 5}, {"1B", 1}, {"1C", 1}, {"4", 2},  {"7", 2},  {"8", 4},
        {"9", 1},  {"10", 1},  {"2B", 2}, {"3C", 1}, {"3D", 2}, {"1D", 1}};
    return Pick(kSource);
  }

  Status OtherContact(Date d) {
    size_t idx = 0;
    if (!children_.empty() && Chance(0.5)) {
      idx = static_cast<size_t>(Between(0, static_cast<int>(children_.size()) - 1));
      if (d.YearsSince(children_[idx].dob) >= 18 || children_[idx].dob > d) {
        SG_ASSIGN_OR_RETURN(idx, NewChild(d, false));
      }
    } else {
      SG_ASSIGN_OR_RETURN(idx, NewChild(d, false));
    }
    const Child& c = children_[idx];
    static const std::vector<std::pair<const char*, double>> kDecision = {
        {"NFA", 35}, {"ADVICE_AND_INFORMATION", 30}, {"EARLY_HELP", 20}, {"SINGLE_AGENCY", 15}};
    const char* decision = c.open_until > d ? "EXISTING_OPEN_CASE" : Pick(kDecision);
    SG_ASSIGN_OR_RETURN(Id contact, Contact(c, d, decision, Source()));
    const Date eh_start = d.AddDays(Between(1, 10));
    if (std::string_view(decision) == "EARLY_HELP" && eh_start < end_) {
      const Date start = eh_start;
      const Date end = start.AddDays(Between(60, 270));
      static const std::vector<std::pair<const char*, double>> kOutcome = {
          {"NEEDS_MET", 60},
          {"FAMILY_DISENGAGED", 15},
          {"MOVED_AWAY", 5},
          {"STEP_UP_TO_SOCIAL_CARE", 10},
          {"OTHER", 10}};
      const bool ended = end < end_;
      SG_RETURN_IF_ERROR(
          Add("early_help_episode", {{"child_id", I(c.id)},
                                     {"contact_id", I(contact)},
                                     {"start_date", V(start)},
                                     {"assessment_date", Within(start.AddDays(Between(5, 30)))},
                                     {"lead_agency", S(Chance(0.6) ? "EDUCATION" : "HEALTH")},
                                     {"team_around_family", B(Chance(0.7))},
                                     {"end_date", ended ? V(end) : Value{}},
                                     {"outcome", ended ? S(Pick(kOutcome)) : Value{}}})
              .status());
    }
    return Status::Ok();
  }

  // CP plan duration in days, drawn so that the plans open at any date have the published mix
  // of lengths: with stock shares g_i per band, plans survive to each band edge in proportion
  // to the stock density there (the renewal-theory relation S(a) = W * g(a)).
  // The shape comes from the stock a year after the start (`p`), and the share open two years
  // or more from the stock two years after it (`later`), the stocks these plans will be in.
  int CpDuration(const YearParams& p, const YearParams& later) {
    static const double kEdges[] = {0, 0.25, 0.5, 1.0, 2.0, 3.0};
    std::array<double, 5> bands = p.cp_bands;
    // A plan of 2-3 years from year y is counted as open 2+ years only on 31 March of y + 2.
    bands[4] = later.cp_bands[4];
    std::array<double, 5> density{};
    for (size_t i = 0; i < 5; ++i) density[i] = bands[i] / (kEdges[i + 1] - kEdges[i]);
    for (size_t i = 1; i < 5; ++i) density[i] = std::min(density[i], density[i - 1]);
    std::vector<std::pair<size_t, double>> ends;
    for (size_t i = 0; i < 5; ++i) {
      const double next = i + 1 < 5 ? density[i + 1] : 0;
      ends.emplace_back(i, std::max(0.0, density[i] - next));
    }
    const size_t band = Pick(ends);
    // In the upper half of the band (the calibrated speed of each year then stretches or
    // shrinks plans under two years); plans of two years or more last two to three years.
    double years = kEdges[band] + (kEdges[band + 1] - kEdges[band]) * (0.5 + 0.5 * U());
    if (band == 4) years = 2.0 + U();
    return std::max(14, static_cast<int>(years * 365.25));
  }

  Status Referral(Date r, const YearParams& p) {
    // The pathway first, then the child it happens to.
    const bool nfa = Chance(p.p_nfa);
    bool not_in_need = false, s47 = false, icpc = false, plan = false, care = false;
    if (!nfa) {
      s47 = Chance(p.p_s47);
      icpc = s47 && Chance(p.p_icpc);
      plan = icpc && Chance(p.p_plan);
      not_in_need = !icpc && Chance(p.p_not_in_need / std::max(0.05, 1 - p.p_s47 * p.p_icpc));
      if (!not_in_need) {
        const double needing = std::max(1.0, p.referrals * (1 - p.p_nfa) * (1 - p.p_not_in_need));
        care = Chance(std::min(
            0.8, p.cla_started / needing * Calibration::At(calibration_.entry, ReportYear(r))));
      }
    }
    std::optional<size_t> chosen;
    const bool subsequent = plan && Chance(p.p_subsequent);
    if (subsequent) chosen = PreviousPlanChild(r);
    // A plan that is not to be a second plan goes to a child who never had one.
    if (!chosen && Chance(p.p_rereferral)) chosen = RecentChild(r, plan && !subsequent);
    size_t idx = 0;
    if (chosen) {
      idx = *chosen;
    } else {
      SG_ASSIGN_OR_RETURN(idx, NewChild(r, care));
    }
    Child& c = children_[idx];
    const std::string source = Source();
    SG_ASSIGN_OR_RETURN(Id contact, Contact(c, r.AddDays(-Between(0, 1)), "REFERRAL", source));
    static const std::vector<std::pair<const char*, double>> kNeed = {
        {"N1", 57}, {"N2", 3},   {"N3", 3}, {"N4", 10}, {"N5", 15},
        {"N6", 3},  {"N7", 0.3}, {"N8", 4}, {"N9", 4},  {"N0", 0.7}};
    const std::string need = Pick(kNeed);

    // Dates of the episode's stages.
    Date closure = r;
    const char* reason = "RC8";
    Date assess_start, assess_end, strategy, icpc_date, plan_start,
        plan_end = kNever, cin_start = kNever, cin_end = kNever, care_start = kNever;
    if (!nfa) {
      assess_start = AddWd(r, Between(0, 2));
      // Timeliness follows the figures of the year in which the assessment completes.
      const int timely_wd = Between(12, 45);
      const Date timely_end = AddWd(r, timely_wd);
      const int wd = Chance(Shifted(ParamsFor(timely_end).p_assess_45,
                                    Calibration::At(calibration_.assess, ReportYear(timely_end))))
                         ? timely_wd
                         : 46 + static_cast<int>(Exp(12));
      assess_end = std::max(assess_start, AddWd(r, wd));
      if (assess_end < end_) {
        stocks_.assessed[ReportYear(assess_end)] += 1;
        if (wd <= 45) stocks_.assessed_on_time[ReportYear(assess_end)] += 1;
      }
      closure = assess_end;
      if (s47) {
        strategy = AddWd(r, Between(0, 3));
        if (icpc) {
          // Timeliness follows the figures of the year the conference falls in.
          const Date timely = AddWd(strategy, Between(8, 15));
          icpc_date =
              Chance(ParamsFor(timely).p_icpc_15) ? timely : AddWd(strategy, Between(16, 30));
          if (plan) {
            plan_start = icpc_date;
            // Plans under two years run at the calibrated speed of each year (and stay under
            // two years); plans of two years or more are kept as drawn.
            const int days =
                CpDuration(ParamsFor(plan_start.AddDays(365)), ParamsFor(plan_start.AddDays(730)));
            plan_end = days >= 730 ? plan_start.AddDays(days)
                                   : std::min(Elapse(plan_start, days, calibration_.cp),
                                              plan_start.AddDays(729));
            closure = plan_end;
          }
        }
      }
      if (not_in_need) {
        // Closed after assessment (RC8, or RC9 to early help) unless an S47 enquiry was held:
        // DfE's rule 2990 allows no S47 on an RC8/RC9 episode. (The draw is made either way,
        // so that the random stream, and so the calibrated run, is as before.)
        const bool early_help = Chance(0.3);
        reason = s47 ? "RC7" : early_help ? "RC9" : "RC8";
      } else if (!plan) {
        cin_start = assess_end.AddDays(Between(0, 10));
        cin_end = cin_start.AddDays(
            static_cast<int>(
                Exp(CinMeanDays(p) * Calibration::At(calibration_.cin, ReportYear(cin_start)))) +
            30);
        closure = cin_end;
        reason = "RC7";
      } else if (Chance(0.5)) {  // step down from a CP plan to a CIN plan
        cin_start = plan_end;
        cin_end = cin_start.AddDays(Between(90, 270));
        closure = cin_end;
        reason = "RC7";
      } else {
        reason = "RC7";
      }
      if (care) {
        care_start = plan ? plan_start.AddDays(
                                Between(0, std::max(1, (plan_end.days() - plan_start.days()) / 2)))
                          : assess_end.AddDays(Between(0, 60));
        if (care_start <= c.dob) care_start = c.dob.AddDays(1);
      }
    }
    if (r.YearsSince(c.dob) >= 17 && care) care = false;

    // Looked after: the period of care decides when the episode ends.
    std::string care_exit_reason;
    Date care_end = kNever;
    if (care && care_start < end_) {
      SG_ASSIGN_OR_RETURN(care_end, PeriodOfCare(c, care_start, p, &care_exit_reason));
      if (plan && plan_end > care_start) plan_end = care_start;  // the plan ends on entry to care
      cin_start = cin_end = kNever;
      closure = care_end;
      reason = CinClosureFor(care_exit_reason);
    } else {
      care = false;
    }
    if (nfa) closure = r;
    const bool closed = closure < end_ && closure != kNever;

    SG_ASSIGN_OR_RETURN(Id referral,
                        Add("referral", {{"child_id", I(c.id)},
                                         {"contact_id", I(contact)},
                                         {"referral_date", V(r)},
                                         {"source", S(source)},
                                         {"primary_need", nfa ? Value{} : S(need)},
                                         {"nfa", B(nfa)},
                                         {"closure_date", closed ? V(closure) : Value{}},
                                         {"closure_reason", closed ? S(reason) : Value{}}}));
    c.last_referral = r;
    c.open_until = closed ? closure : kNever;
    if (!nfa) CountStock(stocks_.cin, r, closed ? closure : kNever);
    recent_.emplace_back(r, idx);

    if (!nfa && assess_start < end_) {
      SG_ASSIGN_OR_RETURN(
          Id worker, Allocate(c, kAssessment, r,
                              std::min(closure, plan ? plan_start
                                                     : (cin_start != kNever
                                                            ? cin_start
                                                            : (care ? care_start : closure)))));
      CodeSet factors;
      for (const auto& [code, rate] : p.factor_rates) {
        if (Chance(rate)) factors.push_back(code);
      }
      if (factors.empty()) factors.push_back("21");
      const bool seen = Chance(0.95);
      const Date seen_date = AddWd(assess_start, Between(0, 5));
      SG_ASSIGN_OR_RETURN(
          Id assessment,
          Add("assessment",
              {{"referral_id", I(referral)},
               {"child_id", I(c.id)},
               {"start_date", V(assess_start)},
               {"authorised_date", Within(assess_end)},
               {"factors", assess_end < end_ ? Value{factors} : Value{}},
               {"child_seen_date", seen && seen_date < end_ ? V(seen_date) : Value{}},
               {"child_seen_alone", B(seen && r.YearsSince(c.dob) >= 4 && Chance(0.7))},
               {"outcome", assess_end < end_ ? S(not_in_need   ? "NFA"
                                                 : plan || s47 ? "STRATEGY_DISCUSSION"
                                                 : care        ? "LOOKED_AFTER"
                                                               : "CIN_PLAN")
                                             : Value{}},
               {"worker_id", worker ? I(worker) : Value{}}}));
      if (seen && seen_date < end_ && Chance(0.7)) {
        SG_RETURN_IF_ERROR(
            Add("wishes_and_feelings", {{"child_id", I(c.id)},
                                        {"recorded_date", V(seen_date)},
                                        {"assessment_id", I(assessment)},
                                        {"method", S("In person")},
                                        {"views", S("Synthetic record of the child's views.")},
                                        {"worker_id", worker ? I(worker) : Value{}}})
                .status());
      }
      if (s47 && strategy < end_) {
        SG_ASSIGN_OR_RETURN(Id sd, Add("strategy_discussion", {{"referral_id", I(referral)},
                                                               {"child_id", I(c.id)},
                                                               {"discussion_date", V(strategy)},
                                                               {"s47_required", B(true)}}));
        SG_ASSIGN_OR_RETURN(
            Id enquiry,
            Add("s47_enquiry", {{"referral_id", I(referral)},
                                {"child_id", I(c.id)},
                                {"strategy_discussion_id", I(sd)},
                                {"start_date", V(strategy)},
                                {"end_date", Within(AddWd(strategy, Between(5, 15)))},
                                {"icpc_not_required", B(!icpc)},
                                {"icpc_target_date", icpc ? V(AddWd(strategy, 15)) : Value{}}}));
        if (icpc && icpc_date < end_) {
          SG_ASSIGN_OR_RETURN(Id conf, Add("cp_conference", {{"child_id", I(c.id)},
                                                             {"referral_id", I(referral)},
                                                             {"s47_id", I(enquiry)},
                                                             {"conference_type", S("ICPC")},
                                                             {"conference_date", V(icpc_date)},
                                                             {"plan_decided", B(plan)}}));
          if (plan) SG_RETURN_IF_ERROR(CpPlan(c, referral, conf, plan_start, plan_end));
        }
      }
      if (cin_start < end_) {
        SG_ASSIGN_OR_RETURN(Id cin, Add("cin_plan", {{"referral_id", I(referral)},
                                                     {"child_id", I(c.id)},
                                                     {"start_date", V(cin_start)},
                                                     {"end_date", Within(cin_end)}}));
        SG_RETURN_IF_ERROR(Allocate(c, kSafeguarding, cin_start, cin_end).status());
        for (Date d = cin_start.AddDays(182); d < std::min(cin_end, end_); d = d.AddDays(182)) {
          SG_RETURN_IF_ERROR(
              Add("plan_review",
                  {{"child_id", I(c.id)}, {"cin_plan_id", I(cin)}, {"review_date", V(d)}})
                  .status());
        }
        SG_RETURN_IF_ERROR(Visits(c, "CIN", cin_start, cin_end, 20, 0.85));
      }
    }
    if (!closed) c.open_until = kNever;
    return Status::Ok();
  }

  // The CIN census closure reason that goes with a 903 reason for ceasing care.
  static const char* CinClosureFor(const std::string& rec) {
    if (rec == "E11" || rec == "E12") return "RC1";
    if (rec == "E41") return "RC3";
    if (rec == "E45" || rec == "E46" || rec == "E47" || rec == "E48") return "RC4";
    if (rec == "E3") return "RC5";
    return "RC7";
  }

  double CinMeanDays(const YearParams& p) {
    // Little's law on the CIN stock left once CP plans, children in care and assessments in
    // progress are taken out, over the CIN plans that start each year.
    const double assessed = p.referrals * (1 - p.p_nfa);
    const double in_assessment = assessed * 30.0 / 250.0;
    const double residual = p.cin_at31 - p.cp_at31 - p.cla_at31 - in_assessment;
    const double starts =
        std::max(1.0, assessed * (1 - p.p_not_in_need) * (1 - p.p_s47 * p.p_icpc * p.p_plan) +
                          0.5 * p.referrals * (1 - p.p_nfa) * p.p_s47 * p.p_icpc * p.p_plan);
    return std::clamp(residual / starts * 365.25 - 30, 30.0, 1500.0);
  }

  Status CpPlan(Child& c, Id referral, Id conf, Date start, Date end) {
    static const std::vector<std::pair<const char*, double>> kCategory = {
        {"NEG", 50}, {"EMO", 38}, {"PHY", 6}, {"SAB", 4}, {"MUL", 2}};
    const std::string category = Pick(kCategory);
    SG_ASSIGN_OR_RETURN(Id plan, Add("cp_plan", {{"referral_id", I(referral)},
                                                 {"child_id", I(c.id)},
                                                 {"conference_id", I(conf)},
                                                 {"start_date", V(start)},
                                                 {"end_date", Within(end)},
                                                 {"initial_category", S(category)},
                                                 {"latest_category", S(category)},
                                                 {"previous_plans", I(c.cp_plans)}}));
    ++c.cp_plans;
    CountStock(stocks_.cp, start, end);
    if (end < end_) previous_plans_.push_back(static_cast<size_t>(&c - children_.data()));
    SG_RETURN_IF_ERROR(Allocate(c, kSafeguarding, start, end).status());
    // Review conferences: three months after the ICPC, then every six months.
    for (Date d = start.AddDays(Chance(0.9) ? Between(80, 91) : Between(92, 110));
         d < std::min(end, end_);
         d = d.AddDays(Chance(0.9) ? Between(170, 182) : Between(183, 200))) {
      SG_RETURN_IF_ERROR(
          Add("plan_review",
              {{"child_id", I(c.id)}, {"cp_plan_id", I(plan)}, {"review_date", V(d)}})
              .status());
    }
    return Visits(c, "CP", start, end, 10, 0.9);
  }

  // Statutory visits every `wd` working days, on time with probability `on_time`.
  Status Visits(const Child& c, const char* type, Date from, Date to, int wd, double on_time) {
    const Date stop = std::min(to, end_);
    Date d = std::max(from, visits_from_);
    if (d >= stop) return Status::Ok();
    d = AddWd(d, Between(1, wd));
    while (d < stop) {
      const bool seen = Chance(0.93);
      SG_RETURN_IF_ERROR(
          Add("visit", {{"child_id", I(c.id)},
                        {"visit_type", S(type)},
                        {"visit_date", V(d)},
                        {"child_seen", B(seen)},
                        {"child_seen_alone", B(seen && d.YearsSince(c.dob) >= 4 && Chance(0.6))}})
              .status());
      d = AddWd(d, Chance(on_time) ? Between(std::max(1, wd - 4), wd) : wd + Between(1, wd));
    }
    return Status::Ok();
  }

  // The placement-move rates of a stable and an unstable class of children, fitted so that the
  // published share with 3+ placements in a year and the long-term stability share both hold.
  std::pair<double, double> MoveRates(const YearParams& p, double* unstable_share) {
    const double fast = 3.0;
    const double p3_fast = 1 - std::exp(-fast) * (1 + fast);
    double slow = 0.15, u = 0.1;
    for (int i = 0; i < 50; ++i) {
      const double p3_slow = 1 - std::exp(-slow) * (1 + slow);
      u = std::clamp((p.p_3plus - p3_slow) / (p3_fast - p3_slow), 0.0, 0.9);
      const double stay = (p.p_long_term - u * std::exp(-2 * fast)) / std::max(0.05, 1 - u);
      slow = std::clamp(-std::log(std::clamp(stay, 0.05, 0.99)) / 2, 0.01, 1.5);
    }
    *unstable_share = u;
    return {slow, fast};
  }

  void CountStability(const Child& c, Date start, Date end, const std::vector<Date>& placements) {
    for (int y = summary_->first_year; y <= summary_->last_year; ++y) {
      const Date march = Date::FromCivil(y, 3, 31);
      if (!(start <= march && march < end)) continue;
      const Date year_start = Date::FromCivil(y - 1, 4, 1);
      int in_year = 0;
      Date current = start;
      for (size_t i = 0; i < placements.size(); ++i) {
        if (placements[i] > march) break;
        current = placements[i];
        const Date next = i + 1 < placements.size() ? placements[i + 1] : end;
        if (next >= year_start) ++in_year;
      }
      if (in_year >= 3) stocks_.three_plus[y] += 1;
      if (march.YearsSince(c.dob) < 16 && march.days() - start.days() >= 913) {
        stocks_.lt_cohort[y] += 1;
        if (march.days() - current.days() >= 730) stocks_.lt_stable[y] += 1;
      }
    }
  }

  // The day on which `days` of care have elapsed from `start`, when time in care runs at the
  // calibrated speed of each reporting year (faster where more children must leave care).
  static Date Elapse(Date start, double days, const std::map<int, double>& speed) {
    Date d = start;
    for (int guard = 0; guard < 40; ++guard) {
      const int y = ReportYear(d);
      const double v = std::max(0.05, Calibration::At(speed, y));
      const Date year_end = Date::FromCivil(y, 4, 1);
      const double span = year_end.days() - d.days();
      if (days <= span * v) return d.AddDays(std::max(1, static_cast<int>(days / v)));
      days -= span * v;
      d = year_end;
    }
    return d.AddDays(static_cast<int>(days));
  }

  // A period of care from `start`: episodes for legal status and placement changes, reviews,
  // missing episodes, health, adoption or leaving care. Returns the day care ends (kNever if
  // still looked after at the end).
  Result<Date> PeriodOfCare(Child& c, Date start, const YearParams& p, std::string* reason) {
    const double mean_years = std::clamp(p.cla_at31 / std::max(1.0, p.cla_started), 0.3, 6.0);
    const double sigma = 1.1;
    const double mu = std::log(mean_years) - sigma * sigma / 2;
    std::lognormal_distribution<double> dist(mu, sigma);
    const int age = start.YearsSince(c.dob);
    Date end = Elapse(start, std::max(1.0, dist(rng_) * 365.25), calibration_.cla);
    const Date eighteen =
        Date::FromCivil(c.dob.year() + 18, c.dob.month(),
                        c.dob.month() == 2 && c.dob.day() == 29 ? 28 : c.dob.day());
    bool adopted = false;
    if (end >= eighteen) {
      end = eighteen;
      *reason = Chance(0.3) ? "E17" : Chance(0.5) ? "E5" : "E13";
    } else if (age < 5 && Chance(0.3)) {
      adopted = true;
      end = std::max(end, start.AddDays(Between(450, 900)));
      *reason = Chance(0.8) ? "E11" : "E12";
    } else {
      static const std::vector<std::pair<const char*, double>> kExit = {
          {"E4A", 30}, {"E13", 20}, {"E45", 6}, {"E46", 4}, {"E47", 4}, {"E48", 4},
          {"E41", 4},  {"E5", 6},   {"E3", 3},  {"E9", 2},  {"E8", 6},  {"E15", 1}};
      *reason = Pick(kExit);
    }
    c.in_care = end >= end_;
    CountStock(stocks_.cla, start, end);
    stocks_.cla_starts[ReportYear(start)] += 1;
    double unstable = 0;
    const auto [slow, fast] = MoveRates(p, &unstable);
    // Unstable placements are mostly a teenager's experience.
    const double age_factor = age >= 13 ? 2.0 : 0.1;
    const double move_rate =
        Chance(std::min(0.95, unstable * age_factor * calibration_.unstable)) ? fast : slow;
    std::vector<Date> placements = {start};
    static const std::vector<std::pair<const char*, double>> kPlace = {
        {"U4", 22}, {"U6", 30}, {"U1", 6}, {"U3", 7}, {"U5", 2},   {"U2", 1}, {"K2", 13},
        {"K3", 5},  {"P1", 6},  {"R1", 1}, {"S1", 2}, {"T0", 0.5}, {"Z11", 1}};
    auto place_for = [&](Date when) -> std::string {
      const int a = when.YearsSince(c.dob);
      std::string pl = Pick(kPlace);
      if (a < 12 && (pl == "K2" || pl == "K3" || pl == "S1")) pl = "U6";
      if (a < 16 && pl == "K3") pl = "U4";
      return pl;
    };
    std::string legal = age >= 16 && Chance(0.5) ? "V2"
                        : Chance(0.45)           ? "V2"
                        : Chance(0.85)           ? "C1"
                                                 : "L2";
    std::string place = place_for(start);
    std::string provider = Chance(0.6) ? "PR1" : "PR4";
    const std::string home = Postcode();
    Date ep_start = start;
    const bool slow_class = move_rate != fast;
    auto next_move_after = [&](Date from) {
      const double gap = std::max(7.0, Exp(365.25 / move_rate));
      return Elapse(from, gap, slow_class ? calibration_.moves : calibration_.fast_moves);
    };
    Date next_move = next_move_after(start);
    Date next_legal = legal == "C1" ? start.AddDays(Between(150, 240)) : kNever;
    const Date placed_for_adoption = adopted ? end.AddDays(-Between(200, 320)) : kNever;
    std::string rne = "S";
    SG_RETURN_IF_ERROR(Allocate(c, kCare, start, end).status());
    if (start < end_) {
      // Previous permanence, asked of every child starting care: about one in twenty had an
      // SGO or child arrangements order that broke down. (Chosen from the child's id, not the
      // random stream, so that adding it left the calibrated runs as they were.)
      const Id k = c.id % 40;
      const char* prev = k == 0 ? "P2" : k == 1 ? "P3" : k == 2 ? "P4" : "Z1";
      const bool dated = k <= 1 && start.days() - c.dob.days() > 180;
      const Date ordered = c.dob.AddDays((start.days() - c.dob.days()) / 2);
      SG_RETURN_IF_ERROR(Add("previous_permanence", {{"child_id", I(c.id)},
                                                     {"previous_permanence", S(prev)},
                                                     {"la_code", dated ? S(la_code_) : Value{}},
                                                     {"order_date", dated ? V(ordered) : Value{}}})
                             .status());
    }
    while (true) {
      Date change = std::min({next_move, next_legal,
                              placed_for_adoption > ep_start ? placed_for_adoption : kNever, end});
      const bool last = change >= end;
      const bool ends_in_window = change < end_;
      std::string rec;
      std::string reason_change;
      if (last) {
        rec = *reason;
      } else {
        rec = "X1";
        if (change == next_move)
          reason_change = Chance(0.5) ? "CARPL" : Chance(0.5) ? "CREQB" : "STAND";
      }
      SG_RETURN_IF_ERROR(
          Add("cla_episode",
              {{"child_id", I(c.id)},
               {"start_date", V(ep_start)},
               {"reason_new_episode", S(rne)},
               {"legal_status", S(legal)},
               {"category_of_need", S("N1")},
               {"placement_type", S(place)},
               {"placement_provider", S(place == "P1" ? "PR0" : provider)},
               {"home_postcode", S(home)},
               {"placement_postcode", S(Postcode())},
               {"end_date", ends_in_window ? V(change) : Value{}},
               {"reason_ceased", ends_in_window ? S(rec) : Value{}},
               {"reason_place_change",
                ends_in_window && !reason_change.empty() ? S(reason_change) : Value{}}})
              .status());
      if (last || !ends_in_window) break;
      if (change == next_legal) {
        legal = "C2";
        rne = "L";
        next_legal = kNever;
      } else if (change == placed_for_adoption) {
        legal = "E1";
        place = Chance(0.3) ? "A5" : "A6";
        rne = "B";
        next_move = kNever;
        placements.push_back(change);
      } else {
        place = place_for(change);
        provider = Chance(0.6) ? "PR1" : "PR4";
        rne = "P";
        placements.push_back(change);
        next_move = next_move_after(change);
      }
      ep_start = change;
    }
    CountStability(c, start, end, placements);
    // Reviews: within 20 days, then three months, then every six months.
    Date review = start.AddDays(Between(10, 20));
    for (int n = 0; review < std::min(end, end_); ++n) {
      const int a = review.YearsSince(c.dob);
      SG_RETURN_IF_ERROR(Add("cla_review", {{"child_id", I(c.id)},
                                            {"review_date", V(review)},
                                            {"participation", S(a < 4         ? "PN0"
                                                                : Chance(0.5) ? "PN1"
                                                                : Chance(0.5) ? "PN6"
                                                                              : "PN4")}})
                             .status());
      review = review.AddDays(n == 0 ? Between(85, 95) : Between(170, 185));
    }
    SG_RETURN_IF_ERROR(Visits(c, "CLA", start, end, 30, 0.9));
    // Missing: a tenth of children aged 11+, a few times a year.
    if (age >= 11 && Chance(0.1)) {
      for (Date d = start.AddDays(static_cast<int>(Exp(120))); d < std::min(end, end_);
           d = d.AddDays(static_cast<int>(Exp(120)) + 1)) {
        const Date back = d.AddDays(Between(0, 3));
        SG_RETURN_IF_ERROR(Add("missing_episode", {{"child_id", I(c.id)},
                                                   {"missing_type", S(Chance(0.8) ? "M" : "A")},
                                                   {"start_date", V(d)},
                                                   {"end_date", Within(back)},
                                                   {"return_interview_offered", B(Chance(0.8))},
                                                   {"return_interview_accepted", B(Chance(0.5))}})
                               .status());
      }
    }
    // Health (OC2): for each 31 March after a year in care.
    for (int y = start.year() + 1; y <= end_.year() + 1; ++y) {
      const Date march = Date::FromCivil(y, 3, 31);
      if (march > end_ || march >= end || march.days() - start.days() < 365) continue;
      const int a = march.YearsSince(c.dob);
      SG_RETURN_IF_ERROR(
          Add("cla_health",
              {{"child_id", I(c.id)},
               {"year_ending", V(march)},
               {"health_check", B(Chance(0.9))},
               {"immunisations", B(Chance(0.85))},
               {"teeth_check", B(Chance(0.8))},
               {"health_assessment", B(Chance(0.9))},
               {"substance_misuse", B(a >= 12 && Chance(0.05))},
               {"convicted", B(a >= 10 && Chance(0.03))},
               {"sdq_score", a >= 4 && a <= 16 && Chance(0.8) ? I(Between(4, 30)) : Value{}}})
              .status());
    }
    if (adopted) {
      // Decision, placement order and match fall in order between entry and placement.
      const int span = std::max(3, placed_for_adoption.days() - start.days());
      const Date decision = start.AddDays(span * Between(25, 35) / 100);
      const Date order = start.AddDays(span * Between(45, 60) / 100);
      const Date match = start.AddDays(span * Between(85, 97) / 100);
      SG_RETURN_IF_ERROR(Add("adoption", {{"child_id", I(c.id)},
                                          {"best_interest_date", Within(decision)},
                                          {"placement_order_date", Within(order)},
                                          {"match_date", Within(match)},
                                          {"placed_date", Within(placed_for_adoption)},
                                          {"order_date", Within(end)},
                                          {"ceased_date", Within(end)},
                                          {"ceased_reason", end < end_ ? S("RD1") : Value{}},
                                          {"foster_carer_adoption", B(Chance(0.15))},
                                          {"number_of_adopters", I(Chance(0.8) ? 2 : 1)},
                                          {"adopter_sex", S("MF")},
                                          {"adopter_legal_status", S("L11")}})
                             .status());
    }
    // Care leavers: left care at 16 or over after 13 weeks or more in care since 14.
    if (end < end_ && end.YearsSince(c.dob) >= 16 && end.days() - start.days() >= 91 && !adopted) {
      for (int a = 17; a <= 21; ++a) {
        const Date birthday =
            Date::FromCivil(c.dob.year() + a, c.dob.month(),
                            c.dob.month() == 2 && c.dob.day() == 29 ? 28 : c.dob.day());
        if (birthday <= end || birthday >= end_) continue;
        const YearParams& q = ParamsFor(birthday);
        // Published shares are of all care leavers, in touch or not.
        const double in_touch = a <= 18 ? q.cl_in_touch_17 : q.cl_in_touch;
        const bool touch = Chance(in_touch);
        const double eet = std::min(1.0, (a <= 18 ? q.cl_eet_17 : q.cl_eet) / in_touch);
        const double suitable =
            std::min(1.0, (a <= 18 ? q.cl_suitable_17 : q.cl_suitable) / in_touch);
        static const std::vector<std::pair<const char*, double>> kEet = {
            {"F1", 6}, {"F2", 40}, {"F4", 10}, {"F5", 30}, {"P2", 8}, {"P5", 6}};
        static const std::vector<std::pair<const char*, double>> kNeet = {
            {"G4", 40}, {"G5", 20}, {"G6", 40}};
        static const std::vector<std::pair<const char*, double>> kSuitable = {
            {"B1", 20}, {"D1", 15}, {"E1", 10}, {"U1", 35}, {"Z1", 15}, {"T1", 5}};
        static const std::vector<std::pair<const char*, double>> kUnsuitable = {
            {"B2", 20}, {"S2", 20}, {"V2", 20}, {"W2", 10}, {"X2", 20}, {"Y2", 10}};
        const Date around = birthday.AddDays(Between(-30, 30));
        SG_RETURN_IF_ERROR(
            Add("care_leaver_contact",
                {{"child_id", I(c.id)},
                 {"contact_date", V(around < end_ ? around : birthday)},
                 {"in_touch", S(touch ? "YES" : "NO")},
                 {"activity", S(touch ? (Chance(eet) ? Pick(kEet) : Pick(kNeet)) : "0")},
                 {"accommodation",
                  S(touch ? (Chance(suitable) ? Pick(kSuitable) : Pick(kUnsuitable)) : "0")}})
                .status());
      }
      SG_RETURN_IF_ERROR(
          Allocate(c, kLeavingCare, end, std::min(eighteen.AddDays(3 * 365), end_)).status());
    }
    return end;
  }

  Calibration calibration_;
  double scale_;
  Stocks stocks_;
  std::vector<YearParams> params_;
  int first_param_year_;
  RecordSink& sink_;
  GenerationSummary* summary_;
  std::mt19937_64 rng_;
  // Case file audits draw from their own stream, so that adding them left every other
  // generated record as it was.
  std::mt19937_64 audit_rng_;
  Id audit_template_ = 0;
  const WorkingDayCalendar& cal_;
  Date start_, end_, visits_from_;
  Timestamp last_instant_;  // the last second of the simulated period
  std::vector<Team> teams_;
  std::vector<Post> posts_;
  std::array<std::vector<size_t>, kTeamKinds> kind_teams_;
  std::vector<Child> children_;
  std::vector<std::pair<Date, size_t>> recent_;  // (referral date, child), in date order
  std::vector<size_t> previous_plans_;
  std::string la_code_ = "999";
  std::string last_household_, last_household_surname_, last_postcode_;
  std::int32_t last_household_day_ = 0;
  Id last_mother_ = 0;
  std::map<Id, Id> team_manager_of_;
  std::map<int, double> turnover_;  // the rate permanent workers leave, by reporting year
  int household_serial_ = 0;
  std::string prefix_, prefix_name_;
  int worker_serial_ = 0;

 public:
  void SetLaCode(std::string code) {
    if (code.size() == 3) la_code_ = std::move(code);
  }
  // Distinguishes councils generated into one store.
  void SetPrefix(const std::string& id_prefix, const std::string& name_prefix) {
    prefix_ = id_prefix;
    prefix_name_ = name_prefix.empty() ? "" : name_prefix + " ";
  }
};

}  // namespace

Result<std::vector<const Area*>> CouncilsFor(std::string_view like,
                                             const ReferenceFigures& figures) {
  SG_ASSIGN_OR_RETURN(const Area* area, figures.FindArea(like));
  if (area->level == "Local authority") return std::vector<const Area*>{area};
  const int year = figures.LatestYear(figures.England(), "referrals");
  std::vector<const Area*> out;
  for (const Area* la : figures.LocalAuthorities()) {
    if (area->level == "Regional" && la->region != area->name) continue;
    if (la->la_code.size() != 3 || !figures.Text(*la, year, "referrals")) continue;
    out.push_back(la);
  }
  std::sort(out.begin(), out.end(),
            [](const Area* a, const Area* b) { return a->la_code < b->la_code; });
  if (out.empty()) return InvalidArgument("no councils published figures in " + area->name, "like");
  return out;
}

std::uint64_t CouncilSeed(std::uint64_t seed, const Area& council) {
  return seed * 1000003ULL +
         static_cast<std::uint64_t>(std::strtoull(council.la_code.c_str(), nullptr, 10));
}

Result<GenerationSummary> Generate(const GenerateOptions& options, const ReferenceFigures& figures,
                                   RecordSink& sink) {
  if (options.years < 1 || options.years > 10) {
    return InvalidArgument("--years must be between 1 and 10", "years");
  }
  if (!(options.scale > 0 && options.scale <= 10)) {
    return InvalidArgument("--scale must be above 0 and at most 10", "scale");
  }
  GenerationSummary summary;
  SG_ASSIGN_OR_RETURN(summary.area, figures.FindArea(options.like));
  const Area& area = *summary.area;
  summary.last_year = options.last_year ? options.last_year : figures.LatestYear(area, "referrals");
  if (summary.last_year == 0)
    summary.last_year = figures.LatestYear(figures.England(), "referrals");
  summary.first_year = summary.last_year - options.years + 1;
  summary.start = Date::FromCivil(summary.first_year - 1 - options.burn_in_years, 4, 1);
  summary.end =
      options.as_of.days() != 0 ? options.as_of : Date::FromCivil(summary.last_year, 3, 31);
  if (summary.end < Date::FromCivil(summary.first_year, 3, 31)) {
    return InvalidArgument("--as-of is before the first reporting year", "as_of");
  }
  ParamBuilder builder(figures, area, &summary);
  std::vector<YearParams> params;
  for (int y = summary.first_year; y <= std::max(summary.last_year, summary.end.year() + 1); ++y) {
    params.push_back(builder.Build(std::min(y, summary.last_year)));
  }
  // Pilot runs, recording nothing, tune the duration multipliers until the stocks on 31 March
  // match the published ones; the pilots run at a capped scale to bound their cost.
  double yearly = 0;
  for (const YearParams& p : params) yearly = std::max(yearly, p.referrals);
  // The pilots calibrate rates and speeds, which do not depend on scale: they run at about
  // ten thousand referrals a year whatever the council's size, so that a small council's
  // pilot is not swamped by chance and a large one's is not slow.
  // (A small run, scale under 1, gets a proportionally smaller pilot, down to a thousand
  // referrals a year.)
  const double pilot_referrals = std::max(1000.0, 10000.0 * std::min(1.0, options.scale));
  const double pilot_scale = std::clamp(pilot_referrals / std::max(1.0, yearly), 0.01, 25.0);
  Calibration calibration;
  for (int pass = 0; pass < 5; ++pass) {
    CountingSink counter;
    GenerationSummary pilot = summary;
    Simulation sim(options, params, summary.first_year, counter, &pilot, calibration, pilot_scale);
    sim.SetLaCode(area.la_code);
    SG_RETURN_IF_ERROR(sim.Run());
    // A plan or period starting in year y is open on 31 March of y (and later): adjust the
    // multiplier of year y by that year's stock, and carry it back to the burn-in years.
    auto got = [](const std::map<int, double>& m, int y) { return m.count(y) ? m.at(y) : 0.0; };
    double three_target = 0, three_got = 0;
    for (int y = summary.first_year; y <= summary.last_year; ++y) {
      const YearParams& p = params[static_cast<size_t>(y - summary.first_year)];
      auto adjust = [&](std::map<int, double>& m, double target, double g, double lo, double hi) {
        double& x = m.emplace(y, 1.0).first->second;
        if (g > 0 && target > 0) x = std::clamp(x * std::pow(target / g, 0.8), lo, hi);
      };
      const double g_cp = got(sim.stocks().cp, y), g_cla = got(sim.stocks().cla, y);
      adjust(calibration.cp, g_cp, p.cp_at31 * pilot_scale, 0.25, 4.0);
      // Time in care runs faster in a year whose stock came out too high.
      adjust(calibration.cla, g_cla, p.cla_at31 * pilot_scale, 0.25, 4.0);
      // The CIN stock includes CP plans and children in care: adjust on the rest only.
      const double rest_target = (p.cin_at31 - p.cp_at31 - p.cla_at31) * pilot_scale;
      const double rest_got = got(sim.stocks().cin, y) - g_cp - g_cla;
      adjust(calibration.cin, rest_target, std::max(1.0, rest_got), 0.2, 5.0);
      if (got(sim.stocks().cla_starts, y) > 0 && p.cla_started > 0) {
        double& m = calibration.entry.emplace(y, 1.0).first->second;
        m = std::clamp(
            m * std::pow(p.cla_started * pilot_scale / got(sim.stocks().cla_starts, y), 0.8), 0.3,
            3.0);
      }
      if (got(sim.stocks().assessed, y) > 0 && p.p_assess_45 > 0 && p.p_assess_45 < 1) {
        const double share = std::clamp(
            got(sim.stocks().assessed_on_time, y) / got(sim.stocks().assessed, y), 0.01, 0.99);
        auto logit = [](double x) { return std::log(x / (1 - x)); };
        double& shift = calibration.assess.emplace(y, 0.0).first->second;
        shift = std::clamp(shift + 0.8 * (logit(p.p_assess_45) - logit(share)), -3.0, 3.0);
      }
      three_target += p.p_3plus * got(sim.stocks().cla, y);
      three_got += got(sim.stocks().three_plus, y);
      // Plans and periods of the burn-in years make most of the first year's stock.
      if (y == summary.first_year) {
        for (auto* m : {&calibration.cp, &calibration.cla, &calibration.cin}) {
          (*m)[y - 1] = (*m)[y];
        }
        // Entries to care in the burn-in years are not measured against anything, so they
        // make up what the first year's stock still lacks (a council whose numbers in care
        // were falling had more children come in before).
        if (g_cla > 0) {
          double& e = calibration.entry.emplace(y - 1, 1.0).first->second;
          e = std::clamp(e * std::pow(p.cla_at31 * pilot_scale / g_cla, 0.8), 0.3, 3.0);
        }
      }
    }
    // Placement stability: more unstable children for more 3+ placement years; the others'
    // move rate scaled by the ratio of log-shares staying put (P(stay) = exp(-2 * rate)).
    if (three_got > 0 && three_target > 0) {
      calibration.unstable = std::clamp(calibration.unstable * three_target / three_got, 0.2, 5.0);
    }
    // Long-term stability, year by year: the stable children's moves run faster or slower in
    // the two years before each 31 March (P(no move in 2 years) = exp(-2 * rate * speed)).
    // Long-term stability on 31 March of y counts the moves of years y - 1 and y: with s_k the
    // speed of year k and a the stable children's moves per year at speed 1,
    // -ln(share_y) = a * (s_{y-1} + s_y). Estimate a from this pilot, then solve for the
    // speeds year by year so that every year's share is the published one.
    double a_sum = 0;
    int a_n = 0;
    for (int y = summary.first_year; y <= summary.last_year; ++y) {
      const double n = got(sim.stocks().lt_cohort, y);
      const double stable = got(sim.stocks().lt_stable, y);
      if (n < 20 || stable <= 0 || stable >= n) continue;
      const double speeds =
          Calibration::At(calibration.moves, y - 1) + Calibration::At(calibration.moves, y);
      a_sum += -std::log(stable / n) / speeds;
      ++a_n;
    }
    if (a_n > 0) {
      const double a = a_sum / a_n;
      // Solved from the last year back, so that the recent years (which a demo shows) come
      // out exactly and any slack falls on the burn-in.
      std::map<int, double> solved;
      double next = -1;
      for (int y = summary.last_year; y >= summary.first_year; --y) {
        const YearParams& p = params[static_cast<size_t>(y - summary.first_year)];
        const double need = -std::log(std::clamp(p.p_long_term, 0.02, 0.999)) / a;
        if (next < 0) {
          next = need / 2;
          solved[y] = next;
        }
        const double s_prev = std::clamp(need - next, 0.002, 10.0);
        solved[y - 1] = s_prev;
        next = s_prev;
      }
      for (auto& [k, v] : solved) {
        double& cur = calibration.moves.emplace(k, 1.0).first->second;
        cur = std::clamp(std::exp(0.3 * std::log(cur) + 0.7 * std::log(v)), 0.002, 10.0);
      }
    }
    // 3+ placements in a year, year by year: the unstable children's moves speed up or slow
    // down in that year.
    for (int y = summary.first_year; y <= summary.last_year; ++y) {
      const YearParams& p = params[static_cast<size_t>(y - summary.first_year)];
      const double target = p.p_3plus * got(sim.stocks().cla, y);
      const double three = got(sim.stocks().three_plus, y);
      if (target <= 0 || three <= 0) continue;
      double& v = calibration.fast_moves.emplace(y, 1.0).first->second;
      v = std::clamp(v * std::pow(target / three, 0.6), 0.2, 5.0);
    }
  }
  Simulation sim(options, std::move(params), summary.first_year, sink, &summary, calibration,
                 options.scale);
  sim.SetLaCode(area.la_code);
  if (options.distinct_ids) sim.SetPrefix(area.la_code, area.name);
  SG_RETURN_IF_ERROR(sim.Run());
  return summary;
}

}  // namespace sg

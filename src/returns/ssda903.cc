#include "returns/ssda903.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "common/csv.h"
#include "common/date.h"
#include "returns/xml_text.h"

namespace sg::ssda903 {

const TableSpec& Spec(TableId table) {
  static const std::array<TableSpec, kTableCount> kSpecs = {{
      {"Header", "header.csv", {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}},
      {"Episodes",
       "episodes.csv",
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}},
      {"Reviews", "reviews.csv", {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}},
      {"UASC", "uasc.csv", {"CHILD", "SEX", "DOB", "DUC"}},
      {"OC2",
       "oc2.csv",
       {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
        "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED"}},
      {"OC3", "oc3.csv", {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}},
      {"AD1",
       "ad1.csv",
       {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR"}},
      {"PlacedAdoption",
       "placed_for_adoption.csv",
       {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}},
      {"PrevPerm",
       "previous_permanence.csv",
       {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"}},
      {"Missing", "missing.csv", {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}},
      {"SWEpisodes",
       "sw_episodes.csv",
       {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"}},
      {"DoLo", "dolo.csv", {"CHILD", "DOB", "DOLO_START", "DOLO_END"}},
  }};
  return kSpecs[static_cast<size_t>(table)];
}

int ColumnIndex(TableId table, std::string_view column) {
  const auto& cols = Spec(table).columns;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (cols[i] == column) return static_cast<int>(i);
  }
  return -1;
}

// ---- Writing

void WriteCsv(const Return& ret, TableId table, std::ostream& out) {
  const TableSpec& spec = Spec(table);
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    if (i) out << ',';
    out << spec.columns[i];
  }
  out << '\n';
  for (const Row& row : ret.tables[static_cast<size_t>(table)]) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out << ',';
      WriteCsvCell(out, row[i]);
    }
    out << '\n';
  }
}

namespace {

class XmlOut {
 public:
  explicit XmlOut(std::ostream& out) : out_(out) {}
  // A required element: written even when blank.
  void Required(int depth, std::string_view name, const std::string& value) {
    Indent(depth);
    if (value.empty()) {
      out_ << '<' << name << " />\n";
      return;
    }
    out_ << '<' << name << '>';
    WriteXmlText(out_, value);
    out_ << "</" << name << ">\n";
  }
  // An optional element: left out when blank.
  void Optional(int depth, std::string_view name, const std::string& value) {
    if (!value.empty()) Required(depth, name, value);
  }
  void Open(int depth, std::string_view name) {
    Indent(depth);
    out_ << '<' << name << ">\n";
  }
  void Close(int depth, std::string_view name) {
    Indent(depth);
    out_ << "</" << name << ">\n";
  }

 private:
  void Indent(int depth) { out_ << std::string(static_cast<size_t>(depth) * 2, ' '); }
  std::ostream& out_;
};

}  // namespace

void WriteXml(const Return& ret, std::ostream& out) {
  // Each table's rows by child, in the table's order.
  std::array<std::unordered_map<std::string, std::vector<const Row*>>, kTableCount> by_child;
  for (size_t t = 0; t < kTableCount; ++t) {
    for (const Row& row : ret.tables[t]) by_child[t][row[0]].push_back(&row);
  }
  auto rows = [&](TableId t, const std::string& child) -> const std::vector<const Row*>& {
    static const std::vector<const Row*> kNone;
    auto it = by_child[static_cast<size_t>(t)].find(child);
    return it == by_child[static_cast<size_t>(t)].end() ? kNone : it->second;
  };
  auto cell = [](TableId t, const Row& row, std::string_view column) -> const std::string& {
    return row[static_cast<size_t>(ColumnIndex(t, column))];
  };
  XmlOut x(out);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n";
  for (const Row& h : ret.tables[kHeader]) {
    const std::string& child = h[0];
    x.Open(1, "CHILD");
    x.Open(2, "HEADER");
    x.Required(3, "CHILDID", child);
    x.Required(3, "UPN", cell(kHeader, h, "UPN"));
    x.Required(3, "SEX", cell(kHeader, h, "SEX"));
    x.Required(3, "DOB", cell(kHeader, h, "DOB"));
    x.Required(3, "ETHNIC", cell(kHeader, h, "ETHNIC"));
    const auto& uasc = rows(kUasc, child);
    x.Required(3, "UASC", uasc.empty() ? std::string() : "1");
    if (!uasc.empty()) x.Optional(3, "DUC", cell(kUasc, *uasc.front(), "DUC"));
    if (const auto& ad1 = rows(kAd1, child); !ad1.empty()) {
      for (std::string_view c :
           {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"}) {
        x.Optional(3, c, cell(kAd1, *ad1.front(), c));
      }
    }
    if (const auto& oc3 = rows(kOc3, child); !oc3.empty()) {
      for (std::string_view c : {"IN_TOUCH", "ACTIV", "ACCOM"}) {
        x.Optional(3, c, cell(kOc3, *oc3.front(), c));
      }
    }
    for (const Row* m : rows(kMissing, child)) {
      x.Open(3, "AMISSING");
      x.Required(4, "MISSING", cell(kMissing, *m, "MISSING"));
      x.Required(4, "MIS_START", cell(kMissing, *m, "MIS_START"));
      x.Optional(4, "MIS_END", cell(kMissing, *m, "MIS_END"));
      x.Close(3, "AMISSING");
    }
    for (const Row* r : rows(kReviews, child)) {
      x.Open(3, "AREVIEW");
      x.Required(4, "REVIEW", cell(kReviews, *r, "REVIEW"));
      x.Required(4, "REVIEW_CODE", cell(kReviews, *r, "REVIEW_CODE"));
      x.Close(3, "AREVIEW");
    }
    x.Optional(3, "MOTHER", cell(kHeader, h, "MOTHER"));
    x.Optional(3, "MC_DOB", cell(kHeader, h, "MC_DOB"));
    if (const auto& perm = rows(kPrevPerm, child); !perm.empty()) {
      x.Open(3, "PERMANENCE");
      for (std::string_view c : {"PREV_PERM", "LA_PERM", "DATE_PERM"}) {
        x.Optional(4, c, cell(kPrevPerm, *perm.front(), c));
      }
      x.Close(3, "PERMANENCE");
    }
    if (const auto& oc2 = rows(kOc2, child); !oc2.empty()) {
      x.Open(3, "OC2");
      for (size_t i = 2; i < Spec(kOc2).columns.size(); ++i) {
        x.Optional(4, Spec(kOc2).columns[i], (*oc2.front())[i]);
      }
      x.Close(3, "OC2");
    }
    for (const Row* p : rows(kPlacedAdoption, child)) {
      x.Open(3, "AD_PLACED");
      x.Required(4, "DATE_PLACED", cell(kPlacedAdoption, *p, "DATE_PLACED"));
      x.Optional(4, "DATE_PLACED_CEASED", cell(kPlacedAdoption, *p, "DATE_PLACED_CEASED"));
      x.Optional(4, "REASON_PLACED_CEASED", cell(kPlacedAdoption, *p, "REASON_PLACED_CEASED"));
      x.Close(3, "AD_PLACED");
    }
    x.Close(2, "HEADER");
    for (const Row* e : rows(kEpisodes, child)) {
      x.Open(2, "EPISODE");
      for (std::string_view c : {"DECOM", "RNE", "LS", "CIN"}) {
        x.Required(3, c, cell(kEpisodes, *e, c));
      }
      x.Required(3, "PL", cell(kEpisodes, *e, "PLACE"));
      for (std::string_view c : {"PL_POST", "HOME_POST", "URN", "PLACE_PROVIDER"}) {
        x.Optional(3, c, cell(kEpisodes, *e, c));
      }
      x.Required(3, "DEC", cell(kEpisodes, *e, "DEC"));
      x.Required(3, "REC", cell(kEpisodes, *e, "REC"));
      x.Optional(3, "REASON_PLACE_CHANGE", cell(kEpisodes, *e, "REASON_PLACE_CHANGE"));
      x.Close(2, "EPISODE");
    }
    x.Close(1, "CHILD");
  }
  out << "</EXPSSDA903>\n";
}

// ---- Building from the record

namespace {

std::string Uk(std::optional<Date> d) { return d ? d->ToUkString() : std::string(); }

// DfE's reasons for a change of social worker (SW_REASON).
bool IsSwReason(std::string_view code) {
  static constexpr std::string_view kCodes[] = {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC",
                                                "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

std::optional<Date> KnownBy(std::optional<Date> d, Date reference) {
  return d && *d <= reference ? d : std::nullopt;
}

bool Within(std::optional<Date> d, Date from, Date to) { return d && *d >= from && *d <= to; }

std::string Flag01(const Record& r, std::string_view field) {
  if (IsNull(r.Get(field))) return {};
  return r.GetBool(field) ? "1" : "0";
}

Date EighteenthBirthday(Date dob) {
  const unsigned day = dob.month() == 2 && dob.day() == 29 ? 28 : dob.day();
  return Date::FromCivil(dob.year() + 18, dob.month(), day);
}

}  // namespace

Result<Return> Build(const RecordSet& records, const BuildOptions& options) {
  if (options.collection_year < 2000 || options.collection_year > 2100) {
    return InvalidArgument("the collection year must be a year such as 2026 (for 2025/26)", "year");
  }
  const Date from = Date::FromCivil(options.collection_year - 1, 4, 1);
  const Date to = Date::FromCivil(options.collection_year, 3, 31);
  Return ret;
  ret.collection_year = options.collection_year;
  for (size_t t = 0; t < kTableCount; ++t) {
    ret.sources[t].present = true;
    ret.sources[t].file = std::string(Spec(static_cast<TableId>(t)).file);
  }
  auto& T = ret.tables;

  const auto episodes = RecordsBy(records, "cla_episode", "child_id");
  const auto reviews = RecordsBy(records, "cla_review", "child_id");
  const auto missing = RecordsBy(records, "missing_episode", "child_id");
  const auto health = RecordsBy(records, "cla_health", "child_id");
  const auto leavers = RecordsBy(records, "care_leaver_contact", "child_id");
  const auto adoptions = RecordsBy(records, "adoption", "child_id");
  const auto permanence = RecordsBy(records, "previous_permanence", "child_id");
  const auto allocations = RecordsBy(records, "allocation", "child_id");
  std::unordered_map<Id, const Record*> workers;
  for (const Record& w : records.Of("worker")) workers[w.id()] = &w;

  for (const Record& child : records.Of("child")) {
    const Id id = child.id();
    const std::string cid = child.GetText("la_child_id");
    const auto dob_date = DateOf(child, "date_of_birth");
    const std::string dob = Uk(dob_date);
    // Episodes open at any time in the year, in start order.
    std::vector<const Record*> eps;
    for (const Record* e : episodes.Of(id)) {
      const auto start = DateOf(*e, "start_date");
      const auto end = DateOf(*e, "end_date");
      if (start && *start <= to && (!end || *end >= from)) eps.push_back(e);
    }
    std::stable_sort(eps.begin(), eps.end(), [](const Record* a, const Record* b) {
      return DateOf(*a, "start_date") < DateOf(*b, "start_date");
    });
    const Record* leaver = nullptr;
    for (const Record* l : leavers.Of(id)) {
      if (Within(DateOf(*l, "contact_date"), from, to)) leaver = l;
    }
    if (eps.empty() && leaver == nullptr) continue;

    // SEX: M, F or U from 2024/25 (DfE's change); 1 (male) or 2 (female) before.
    const std::string recorded = child.GetText("sex");
    const std::string sex = options.collection_year >= 2025
                                ? (recorded.empty() ? std::string("U") : recorded)
                                : (recorded == "F" ? "2" : "1");
    // No UPN: UN1 for a child under five on 31 March (not yet of school age), else UN2.
    std::string upn = child.GetText("upn");
    if (upn.empty()) upn = !dob_date || to.YearsSince(*dob_date) < 5 ? "UN1" : "UN2";
    T[kHeader].push_back({cid, sex, dob, child.GetText("ethnicity"), upn, "", ""});

    for (const Record* e : eps) {
      const auto end = KnownBy(DateOf(*e, "end_date"), to);
      T[kEpisodes].push_back({cid, Uk(DateOf(*e, "start_date")), e->GetText("reason_new_episode"),
                              e->GetText("legal_status"), e->GetText("category_of_need"),
                              e->GetText("placement_type"), e->GetText("placement_provider"),
                              Uk(end), end ? e->GetText("reason_ceased") : std::string(),
                              end ? e->GetText("reason_place_change") : std::string(),
                              e->GetText("home_postcode"), e->GetText("placement_postcode"),
                              e->GetText("provider_urn")});
    }
    if (leaver != nullptr) {
      T[kOc3].push_back({cid, dob, leaver->GetText("in_touch"), leaver->GetText("activity"),
                         leaver->GetText("accommodation")});
    }
    if (eps.empty()) continue;  // a care leaver only
    std::vector<std::pair<Date, const Record*>> held;
    for (const Record* r : reviews.Of(id)) {
      const auto on = DateOf(*r, "review_date");
      if (Within(on, from, to)) held.emplace_back(*on, r);
    }
    std::stable_sort(held.begin(), held.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [on, r] : held) {
      T[kReviews].push_back({cid, dob, on.ToUkString(), r->GetText("participation")});
    }
    if (child.GetBool("uasc") && dob_date) {
      const auto ceased = DateOf(child, "uasc_ceased_date");
      T[kUasc].push_back({cid, sex, dob, Uk(ceased ? ceased : EighteenthBirthday(*dob_date))});
    }
    for (const Record* h : health.Of(id)) {
      if (DateOf(*h, "year_ending") != to) continue;
      const std::string sdq =
          IsNull(h->Get("sdq_score")) ? std::string() : std::to_string(h->GetInt("sdq_score"));
      // Convictions are asked of children 10 or over on 31 March; the health promotion
      // (development) check of children under 5.
      const int age = dob_date ? to.YearsSince(*dob_date) : 0;
      T[kOc2].push_back({cid, dob, sdq, h->GetText("sdq_reason"),
                         age >= 10 ? Flag01(*h, "convicted") : std::string(),
                         age < 5 ? Flag01(*h, "health_check") : std::string(),
                         Flag01(*h, "immunisations"), Flag01(*h, "teeth_check"),
                         Flag01(*h, "health_assessment"), Flag01(*h, "substance_misuse"), "", ""});
    }
    for (const Record* a : adoptions.Of(id)) {
      if (Within(DateOf(*a, "order_date"), from, to)) {
        const std::string nb = IsNull(a->Get("number_of_adopters"))
                                   ? std::string()
                                   : std::to_string(a->GetInt("number_of_adopters"));
        T[kAd1].push_back({cid, dob, Uk(DateOf(*a, "best_interest_date")),
                           Uk(DateOf(*a, "match_date")), Flag01(*a, "foster_carer_adoption"), nb,
                           a->GetText("adopter_sex"), a->GetText("adopter_legal_status")});
      }
      const auto placed = DateOf(*a, "placement_order_date");
      const auto ceased = DateOf(*a, "ceased_date");
      if (placed && *placed <= to && (!ceased || *ceased >= from)) {
        const auto known = KnownBy(ceased, to);
        T[kPlacedAdoption].push_back(
            {cid, dob, Uk(placed), Uk(known), known ? a->GetText("ceased_reason") : std::string()});
      }
    }
    // Previous permanence is returned for a child who started a period of care in the year.
    const bool started = std::any_of(eps.begin(), eps.end(), [&](const Record* e) {
      return e->GetText("reason_new_episode") == "S" && Within(DateOf(*e, "start_date"), from, to);
    });
    // (The latest record: the one asked when the latest period began.)
    if (const auto& perm = permanence.Of(id); started && !perm.empty()) {
      const Record* p = perm.back();
      T[kPrevPerm].push_back({cid, dob, p->GetText("previous_permanence"), p->GetText("la_code"),
                              Uk(DateOf(*p, "order_date"))});
    }
    std::vector<std::pair<Date, const Record*>> gone;
    for (const Record* m : missing.Of(id)) {
      const auto start = DateOf(*m, "start_date");
      const auto end = DateOf(*m, "end_date");
      if (start && *start <= to && (!end || *end >= from)) gone.emplace_back(*start, m);
    }
    std::stable_sort(gone.begin(), gone.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [start, m] : gone) {
      T[kMissing].push_back({cid, dob, m->GetText("missing_type"), start.ToUkString(),
                             Uk(KnownBy(DateOf(*m, "end_date"), to))});
    }
    // Social worker episodes: the allocations that overlap the child's care in the year.
    std::vector<std::pair<Date, const Record*>> sw;
    for (const Record* a : allocations.Of(id)) {
      const auto start = DateOf(*a, "start_date");
      const auto end = DateOf(*a, "end_date");
      if (!start || *start > to || (end && *end < from)) continue;
      const bool in_care = std::any_of(eps.begin(), eps.end(), [&](const Record* e) {
        const auto es = DateOf(*e, "start_date");
        const auto ee = DateOf(*e, "end_date");
        return *es <= (end ? *end : to) && (!ee || *ee >= *start);
      });
      if (in_care) sw.emplace_back(*start, a);
    }
    std::stable_sort(sw.begin(), sw.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // The child's first allocation ever: its social worker episode began at first contact.
    std::optional<Date> first_allocation;
    for (const Record* a : allocations.Of(id)) {
      const auto s = DateOf(*a, "start_date");
      if (s && (!first_allocation || *s < *first_allocation)) first_allocation = s;
    }
    const Record* previous_worker = nullptr;
    std::optional<Date> previous_end;
    for (const auto& [start, a] : sw) {
      auto w = workers.find(a->GetInt("worker_id"));
      if (w == workers.end()) continue;
      const auto end = KnownBy(DateOf(*a, "end_date"), to);
      // SW_REASON: why this episode began. The allocation's own reason when it is one of DfE's
      // codes (an imported return keeps its codes); else first contact, the previous worker
      // leaving their role on the day, or another reason.
      std::string reason = a->GetText("reason");
      if (!IsSwReason(reason)) {
        const auto left = previous_worker ? DateOf(*previous_worker, "end_date") : std::nullopt;
        reason = first_allocation && start == *first_allocation ? "FCONTA"
                 : (left && previous_end && *left == *previous_end && *previous_end == start)
                     ? "LEFTRL"
                     : "OTHERS";
      }
      // SW_ID: the Social Work England registration, or the LA's staff id without one.
      const std::string registration = w->second->GetText("swe_registration");
      T[kSwEpisodes].push_back(
          {cid, dob, registration.empty() ? w->second->GetText("staff_id") : registration,
           start.ToUkString(), Uk(end), reason});
      previous_worker = w->second;
      previous_end = DateOf(*a, "end_date");
    }
  }
  return ret;
}

}  // namespace sg::ssda903

#include "returns/cin_census.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>

#include "returns/xml_text.h"

namespace sg::cin {

std::string CollectionLabel(int collection_year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", collection_year - 1, collection_year % 100);
  return buf;
}

Result<int> ParseCollectionYear(std::string_view t) {
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  int year = 0;
  if (t.size() == 4 && digits(t)) {
    year = std::stoi(std::string(t));
  } else if (t.size() == 7 && (t[4] == '-' || t[4] == '/') && digits(t.substr(0, 4)) &&
             digits(t.substr(5))) {
    const int start = std::stoi(std::string(t.substr(0, 4)));
    if ((start + 1) % 100 != std::stoi(std::string(t.substr(5)))) {
      return InvalidArgument(
          "the year " + std::string(t) + " does not run into the next (e.g. 2025-26)", "year");
    }
    year = start + 1;
  }
  if (year < 2000 || year > 2100) {
    return InvalidArgument(
        "expected a collection year such as 2025-26, got \"" + std::string(t) + "\"", "year");
  }
  return year;
}

Date CollectionStart(int collection_year) { return Date::FromCivil(collection_year - 1, 4, 1); }
Date CollectionEnd(int collection_year) { return Date::FromCivil(collection_year, 3, 31); }

// ---- Writing

void XmlWriter::Element(int depth, const char* name, const std::string& value) {
  if (value.empty()) return;
  out_ << std::string(static_cast<size_t>(depth) * 2, ' ') << '<' << name << '>';
  WriteXmlText(out_, value);
  out_ << "</" << name << ">\n";
}

void XmlWriter::Begin(const Header& h) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <Header>\n"
       << "    <CollectionDetails>\n";
  Element(3, "Collection", h.collection);
  Element(3, "Year", h.year);
  Element(3, "ReferenceDate", h.reference_date);
  out_ << "    </CollectionDetails>\n    <Source>\n";
  Element(3, "SourceLevel", h.source_level);
  Element(3, "LEA", h.lea);
  Element(3, "SoftwareCode", h.software_code);
  Element(3, "Release", h.release);
  Element(3, "SerialNo", h.serial_no);
  Element(3, "DateTime", h.date_time);
  out_ << "    </Source>\n  </Header>\n  <Children>\n";
}

namespace {
// Before 2025 the census carried GenderCurrent: 1 male, 2 female, 0 not recorded.
std::string GenderCurrent(const std::string& sex) {
  if (sex == "M") return "1";
  if (sex == "F") return "2";
  if (sex == "U") return "0";
  return sex;  // anything else is kept as it was, for validation to report
}
}  // namespace

void XmlWriter::Add(const Child& c) {
  out_ << "    <Child>\n      <ChildIdentifiers>\n";
  Element(4, "LAchildID", c.la_child_id);
  Element(4, "UPN", c.upn);
  Element(4, "FormerUPN", c.former_upn);
  Element(4, "UPNunknown", c.upn_unknown);
  Element(4, "PersonBirthDate", c.birth_date);
  Element(4, "ExpectedPersonBirthDate", c.expected_birth_date);
  if (year_ <= 2024) {
    Element(4, "GenderCurrent", GenderCurrent(c.sex));
  } else {
    Element(4, "Sex", c.sex);
  }
  Element(4, "PersonDeathDate", c.death_date);
  out_ << "      </ChildIdentifiers>\n      <ChildCharacteristics>\n";
  Element(4, "Ethnicity", c.ethnicity);
  if (!c.disabilities.empty()) {
    out_ << "        <Disabilities>\n";
    for (const std::string& d : c.disabilities) Element(5, "Disability", d);
    out_ << "        </Disabilities>\n";
  }
  out_ << "      </ChildCharacteristics>\n";
  for (const Episode& e : c.episodes) {
    out_ << "      <CINdetails>\n";
    Element(4, "CINreferralDate", e.referral_date);
    Element(4, "ReferralSource", e.source);
    Element(4, "PrimaryNeedCode", e.primary_need);
    Element(4, "CINclosureDate", e.closure_date);
    Element(4, "ReasonForClosure", e.closure_reason);
    Element(4, "DateOfInitialCPC", e.initial_cpc);
    for (const Assessment& a : e.assessments) {
      out_ << "        <Assessments>\n";
      Element(5, "AssessmentActualStartDate", a.start);
      Element(5, "AssessmentInternalReviewDate", a.internal_review);
      Element(5, "AssessmentAuthorisationDate", a.authorised);
      if (!a.factors.empty()) {
        out_ << "          <FactorsIdentifiedAtAssessment>\n";
        for (const std::string& f : a.factors) Element(6, "AssessmentFactors", f);
        out_ << "          </FactorsIdentifiedAtAssessment>\n";
      }
      out_ << "        </Assessments>\n";
    }
    for (const PlanDates& p : e.plans) {
      out_ << "        <CINPlanDates>\n";
      Element(5, "CINPlanStartDate", p.start);
      Element(5, "CINPlanEndDate", p.end);
      out_ << "        </CINPlanDates>\n";
    }
    for (const Section47& s : e.enquiries) {
      out_ << "        <Section47>\n";
      Element(5, "S47ActualStartDate", s.start);
      Element(5, "InitialCPCtarget", s.icpc_target);
      Element(5, "DateOfInitialCPC", s.icpc);
      Element(5, "ICPCnotRequired", s.icpc_not_required);
      out_ << "        </Section47>\n";
    }
    Element(4, "ReferralNFA", e.nfa);
    for (const ProtectionPlan& p : e.cp_plans) {
      out_ << "        <ChildProtectionPlans>\n";
      Element(5, "CPPstartDate", p.start);
      Element(5, "CPPendDate", p.end);
      Element(5, "InitialCategoryOfAbuse", p.initial_category);
      Element(5, "LatestCategoryOfAbuse", p.latest_category);
      Element(5, "NumberOfPreviousCPP", p.previous_plans);
      if (!p.reviews.empty()) {
        out_ << "          <Reviews>\n";
        for (const std::string& r : p.reviews) Element(6, "CPPreviewDate", r);
        out_ << "          </Reviews>\n";
      }
      out_ << "        </ChildProtectionPlans>\n";
    }
    if (!e.pre_proceedings.empty()) {
      out_ << "        <PreProceedingsandFGDM>\n";
      for (const auto& [name, value] : e.pre_proceedings) Element(5, name.c_str(), value);
      out_ << "        </PreProceedingsandFGDM>\n";
    }
    out_ << "      </CINdetails>\n";
  }
  out_ << "    </Child>\n";
}

void XmlWriter::End() { out_ << "  </Children>\n</Message>\n"; }

void WriteXml(const Census& census, std::ostream& out) {
  XmlWriter w(out, census.collection_year);
  w.Begin(census.header);
  for (const Child& c : census.children) w.Add(c);
  w.End();
}

// ---- Building from the record

namespace {

Id RefOf(const Record& r, std::string_view field) { return r.GetInt(field, 0); }

std::string Text(std::optional<Date> d) { return d ? d->ToString() : std::string(); }

// True when [start, end] (end absent = still open) overlaps [from, to].
bool Overlaps(std::optional<Date> start, std::optional<Date> end, Date from, Date to) {
  return start && *start <= to && (!end || *end >= from);
}

// An end after the reference date was not known on census day: the thing was still open.
std::optional<Date> KnownBy(std::optional<Date> d, Date reference) {
  return d && *d <= reference ? d : std::nullopt;
}

}  // namespace

Result<Census> Build(const RecordSet& records, const BuildOptions& options) {
  if (options.collection_year < 2000 || options.collection_year > 2100) {
    return InvalidArgument("the collection year must be a year such as 2026 (for 2025/26)", "year");
  }
  const Date from = CollectionStart(options.collection_year);
  const Date to = CollectionEnd(options.collection_year);
  Census census;
  census.collection_year = options.collection_year;
  census.header.year = std::to_string(options.collection_year);
  census.header.reference_date = to.ToString();
  census.header.lea = options.la_code;
  census.header.date_time = options.date_time;

  const auto referrals = RecordsBy(records, "referral", "child_id");
  const auto assessments = RecordsBy(records, "assessment", "referral_id");
  const auto enquiries = RecordsBy(records, "s47_enquiry", "referral_id");
  const auto conferences = RecordsBy(records, "cp_conference", "referral_id");
  const auto cin_plans = RecordsBy(records, "cin_plan", "referral_id");
  const auto cp_plans = RecordsBy(records, "cp_plan", "referral_id");
  const auto reviews = RecordsBy(records, "plan_review", "cp_plan_id");

  for (const Record& child : records.Of("child")) {
    std::vector<const Record*> open;
    for (const Record* r : referrals.Of(child.id())) {
      if (Overlaps(DateOf(*r, "referral_date"), DateOf(*r, "closure_date"), from, to)) {
        open.push_back(r);
      }
    }
    if (open.empty()) continue;
    std::stable_sort(open.begin(), open.end(), [](const Record* a, const Record* b) {
      return DateOf(*a, "referral_date") < DateOf(*b, "referral_date");
    });
    Child c;
    c.la_child_id = child.GetText("la_child_id");
    c.upn = child.GetText("upn");
    c.former_upn = child.GetText("former_upn");
    const auto dob = DateOf(child, "date_of_birth");
    const auto expected = DateOf(child, "expected_date_of_birth");
    // A child born after the reference date is still unborn in this census.
    if (dob && *dob <= to) {
      c.birth_date = dob->ToString();
    } else if (dob || expected) {
      c.expected_birth_date = (dob ? *dob : *expected).ToString();
    }
    c.sex = child.GetText("sex", "U");
    c.death_date = Text(KnownBy(DateOf(child, "date_of_death"), to));
    c.ethnicity = child.GetText("ethnicity");
    if (const auto* set = std::get_if<CodeSet>(&child.Get("disabilities"))) c.disabilities = *set;
    bool all_nfa = true;
    for (const Record* r : open) {
      Episode e;
      const Id rid = r->id();
      e.referral_date = Text(DateOf(*r, "referral_date"));
      e.source = r->GetText("source");
      e.primary_need = r->GetText("primary_need");
      const auto closed = KnownBy(DateOf(*r, "closure_date"), to);
      if (closed) {
        e.closure_date = closed->ToString();
        e.closure_reason = r->GetText("closure_reason");
      }
      const bool nfa = r->GetBool("nfa");
      all_nfa = all_nfa && nfa;
      e.nfa = nfa ? "1" : "0";
      for (const Record* a : assessments.Of(rid)) {
        const auto start = DateOf(*a, "start_date");
        const auto done = DateOf(*a, "authorised_date");
        if (!Overlaps(start, done, from, to)) continue;
        Assessment out;
        out.start = Text(start);
        if (const auto known = KnownBy(done, to)) {
          out.authorised = known->ToString();
          if (const auto* f = std::get_if<CodeSet>(&a->Get("factors"))) out.factors = *f;
        }
        e.assessments.push_back(std::move(out));
      }
      for (const Record* p : cin_plans.Of(rid)) {
        const auto start = DateOf(*p, "start_date");
        const auto end = DateOf(*p, "end_date");
        if (!Overlaps(start, end, from, to)) continue;
        e.plans.push_back({0, Text(start), Text(KnownBy(end, to))});
      }
      // Initial conferences, by the enquiry they followed.
      std::map<Id, Date> icpc_of_enquiry;
      std::vector<Date> icpc_without_enquiry;
      for (const Record* k : conferences.Of(rid)) {
        if (k->GetText("conference_type") != "ICPC") continue;
        const auto on = DateOf(*k, "conference_date");
        if (!on || *on > to) continue;
        if (const Id s = RefOf(*k, "s47_id")) {
          icpc_of_enquiry[s] = *on;
        } else {
          icpc_without_enquiry.push_back(*on);
        }
      }
      for (const Record* s : enquiries.Of(rid)) {
        const auto start = DateOf(*s, "start_date");
        const auto icpc = icpc_of_enquiry.count(s->id())
                              ? std::optional<Date>(icpc_of_enquiry.at(s->id()))
                              : std::nullopt;
        // An enquiry belongs to the year while it or the conference it led to was in it.
        const auto last = icpc ? icpc : DateOf(*s, "end_date");
        if (!Overlaps(start, last, from, to)) {
          // The conference of an enquiry from an earlier year is recorded on the episode.
          if (icpc && *icpc >= from) icpc_without_enquiry.push_back(*icpc);
          continue;
        }
        Section47 out;
        out.start = Text(start);
        out.icpc_target = Text(DateOf(*s, "icpc_target_date"));
        out.icpc = Text(icpc);
        out.icpc_not_required = s->GetBool("icpc_not_required") ? "1" : "0";
        e.enquiries.push_back(std::move(out));
      }
      std::sort(icpc_without_enquiry.begin(), icpc_without_enquiry.end());
      for (Date d : icpc_without_enquiry) {
        if (d >= from) {
          e.initial_cpc = d.ToString();
          break;
        }
      }
      for (const Record* p : cp_plans.Of(rid)) {
        const auto start = DateOf(*p, "start_date");
        const auto end = DateOf(*p, "end_date");
        if (!Overlaps(start, end, from, to)) continue;
        ProtectionPlan out;
        out.start = Text(start);
        out.end = Text(KnownBy(end, to));
        out.initial_category = p->GetText("initial_category");
        out.latest_category = p->GetText("latest_category", out.initial_category);
        out.previous_plans = std::to_string(p->GetInt("previous_plans", 0));
        std::vector<Date> held;
        for (const Record* v : reviews.Of(p->id())) {
          const auto on = DateOf(*v, "review_date");
          if (on && *on >= from && *on <= to) held.push_back(*on);
        }
        std::sort(held.begin(), held.end());
        for (Date d : held) out.reviews.push_back(d.ToString());
        e.cp_plans.push_back(std::move(out));
      }
      c.episodes.push_back(std::move(e));
    }
    if (c.upn.empty()) {
      // UPN unknown: UN7 for a child whose every referral ended in no further action, UN1 for
      // a child under five (or unborn) with no UPN yet, otherwise UN2 (no UPN assigned).
      const bool under_five = !dob || *dob > to || to.YearsSince(*dob) < 5;
      c.upn_unknown = all_nfa ? "UN7" : under_five ? "UN1" : "UN2";
    }
    census.children.push_back(std::move(c));
  }
  return census;
}

}  // namespace sg::cin

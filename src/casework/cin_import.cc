#include "casework/cin_import.h"

#include "returns/cin_validate.h"

namespace sg {

namespace {

class Importer {
 public:
  Importer(Store& tx, const std::string& file, const Actor& actor)
      : tx_(tx), file_(file), actor_(actor) {}

  // Where the element is, for errors.
  void At(int line, std::string path) {
    line_ = line;
    path_ = std::move(path);
  }

  // Sets a field from the file's text: empty text leaves it absent; text that does not parse
  // as the field's type is an error naming the element.
  Status Set(Record& r, std::string_view field, const std::string& text) {
    if (text.empty()) return Status::Ok();
    const FieldDesc& f = r.entity().fields[static_cast<size_t>(r.entity().FieldIndex(field))];
    auto v = ParseValue(f, text);
    if (!v.ok()) return Fail(v.status(), field);
    r.Set(field, std::move(*v));
    return Status::Ok();
  }

  Result<Id> Create(Record r) {
    const std::string entity(r.entity().name);
    auto stored = tx_.Create(std::move(r), actor_);
    if (!stored.ok()) return Fail(stored.status(), stored.status().field());
    ++counts_.records[entity];
    return stored->id();
  }

  Status Fail(const Status& s, std::string_view field) const {
    std::string where = file_ + (line_ > 0 ? " line " + std::to_string(line_) : "") + ", " + path_;
    if (!field.empty()) where += ": " + std::string(field);
    return Status(s.code(), where + ": " + s.message(), std::string(field));
  }

  CinImportCounts counts_;

 private:
  Store& tx_;
  const std::string& file_;
  const Actor& actor_;
  int line_ = 0;
  std::string path_;
};

}  // namespace

Result<CinImportCounts> ImportCensus(Store& tx, const cin::Census& census, const std::string& file,
                                     const Actor& actor) {
  Importer im(tx, file, actor);
  for (size_t i = 0; i < census.children.size(); ++i) {
    const cin::Child& c = census.children[i];
    im.At(c.line, cin::ChildPath(i));
    Record child(Entity("child"));
    SG_RETURN_IF_ERROR(im.Set(child, "la_child_id", c.la_child_id));
    SG_RETURN_IF_ERROR(im.Set(child, "upn", c.upn));
    SG_RETURN_IF_ERROR(im.Set(child, "former_upn", c.former_upn));
    child.Set("first_name", std::string("Not in census"));
    child.Set("last_name", std::string("Not in census"));
    SG_RETURN_IF_ERROR(im.Set(child, "date_of_birth", c.birth_date));
    SG_RETURN_IF_ERROR(im.Set(child, "expected_date_of_birth", c.expected_birth_date));
    SG_RETURN_IF_ERROR(im.Set(child, "sex", c.sex));
    SG_RETURN_IF_ERROR(im.Set(child, "ethnicity", c.ethnicity));
    if (!c.disabilities.empty()) child.Set("disabilities", CodeSet(c.disabilities));
    SG_RETURN_IF_ERROR(im.Set(child, "date_of_death", c.death_date));
    SG_ASSIGN_OR_RETURN(const Id child_id, im.Create(std::move(child)));

    for (size_t j = 0; j < c.episodes.size(); ++j) {
      const cin::Episode& e = c.episodes[j];
      im.At(e.line, cin::EpisodePath(i, j));
      Record ref(Entity("referral"));
      ref.Set("child_id", child_id);
      SG_RETURN_IF_ERROR(im.Set(ref, "referral_date", e.referral_date));
      SG_RETURN_IF_ERROR(im.Set(ref, "source", e.source));
      SG_RETURN_IF_ERROR(im.Set(ref, "primary_need", e.primary_need));
      ref.Set("nfa", cin::IsYes(e.nfa));
      SG_RETURN_IF_ERROR(im.Set(ref, "closure_date", e.closure_date));
      SG_RETURN_IF_ERROR(im.Set(ref, "closure_reason", e.closure_reason));
      SG_ASSIGN_OR_RETURN(const Id referral_id, im.Create(std::move(ref)));

      for (size_t k = 0; k < e.assessments.size(); ++k) {
        const cin::Assessment& a = e.assessments[k];
        im.At(a.line, cin::ModulePath(i, j, "Assessments", k));
        Record r(Entity("assessment"));
        r.Set("referral_id", referral_id);
        r.Set("child_id", child_id);
        SG_RETURN_IF_ERROR(im.Set(r, "start_date", a.start));
        SG_RETURN_IF_ERROR(im.Set(r, "authorised_date", a.authorised));
        if (!a.factors.empty()) r.Set("factors", CodeSet(a.factors));
        SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
      }
      for (size_t k = 0; k < e.plans.size(); ++k) {
        const cin::PlanDates& p = e.plans[k];
        im.At(p.line, cin::ModulePath(i, j, "CINPlanDates", k));
        Record r(Entity("cin_plan"));
        r.Set("referral_id", referral_id);
        r.Set("child_id", child_id);
        SG_RETURN_IF_ERROR(im.Set(r, "start_date", p.start));
        SG_RETURN_IF_ERROR(im.Set(r, "end_date", p.end));
        SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
      }
      // Initial conferences, by date, for the CP plans they made.
      std::map<std::string, Id> conference_on;
      auto conference = [&](const std::string& date, Id s47) -> Status {
        Record k(Entity("cp_conference"));
        k.Set("child_id", child_id);
        k.Set("referral_id", referral_id);
        if (s47 != 0) k.Set("s47_id", s47);
        k.Set("conference_type", std::string("ICPC"));
        SG_RETURN_IF_ERROR(im.Set(k, "conference_date", date));
        bool plan = false;
        for (const cin::ProtectionPlan& p : e.cp_plans) plan = plan || p.start == date;
        k.Set("plan_decided", plan);
        SG_ASSIGN_OR_RETURN(conference_on[date], im.Create(std::move(k)));
        return Status::Ok();
      };
      for (size_t k = 0; k < e.enquiries.size(); ++k) {
        const cin::Section47& s = e.enquiries[k];
        im.At(s.line, cin::ModulePath(i, j, "Section47", k));
        Record r(Entity("s47_enquiry"));
        r.Set("referral_id", referral_id);
        r.Set("child_id", child_id);
        SG_RETURN_IF_ERROR(im.Set(r, "start_date", s.start));
        SG_RETURN_IF_ERROR(im.Set(r, "icpc_target_date", s.icpc_target));
        r.Set("icpc_not_required", cin::IsYes(s.icpc_not_required));
        SG_ASSIGN_OR_RETURN(const Id s47, im.Create(std::move(r)));
        if (!s.icpc.empty()) SG_RETURN_IF_ERROR(conference(s.icpc, s47));
      }
      if (!e.initial_cpc.empty()) {
        im.At(e.line, cin::EpisodePath(i, j));
        SG_RETURN_IF_ERROR(conference(e.initial_cpc, 0));
      }
      for (size_t k = 0; k < e.cp_plans.size(); ++k) {
        const cin::ProtectionPlan& p = e.cp_plans[k];
        im.At(p.line, cin::ModulePath(i, j, "ChildProtectionPlans", k));
        Record r(Entity("cp_plan"));
        r.Set("referral_id", referral_id);
        r.Set("child_id", child_id);
        if (auto it = conference_on.find(p.start); it != conference_on.end()) {
          r.Set("conference_id", it->second);
        }
        SG_RETURN_IF_ERROR(im.Set(r, "start_date", p.start));
        SG_RETURN_IF_ERROR(im.Set(r, "end_date", p.end));
        SG_RETURN_IF_ERROR(im.Set(r, "initial_category", p.initial_category));
        SG_RETURN_IF_ERROR(im.Set(r, "latest_category", p.latest_category));
        SG_RETURN_IF_ERROR(im.Set(r, "previous_plans", p.previous_plans));
        SG_ASSIGN_OR_RETURN(const Id plan, im.Create(std::move(r)));
        for (const std::string& review : p.reviews) {
          Record v(Entity("plan_review"));
          v.Set("child_id", child_id);
          v.Set("cp_plan_id", plan);
          SG_RETURN_IF_ERROR(im.Set(v, "review_date", review));
          SG_RETURN_IF_ERROR(im.Create(std::move(v)).status());
        }
      }
    }
  }
  return im.counts_;
}

}  // namespace sg

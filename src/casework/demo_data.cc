#include "casework/demo_data.h"

#include <initializer_list>
#include <utility>

namespace sg {
namespace {

using Fields = std::initializer_list<std::pair<std::string_view, std::string>>;

class Builder {
 public:
  Builder(Store& store, Actor actor) : store_(store), actor_(actor) {}

  Result<Id> Add(std::string_view entity, Fields fields) {
    Record r(Entity(entity));
    for (const auto& [name, text] : fields) {
      const int i = r.entity().FieldIndex(name);
      if (i < 0) return Internal("demo data: no field " + std::string(name));
      SG_ASSIGN_OR_RETURN(Value v, ParseValue(r.entity().fields[static_cast<size_t>(i)], text));
      r.values()[static_cast<size_t>(i)] = std::move(v);
    }
    auto stored = store_.Create(std::move(r), actor_);
    if (!stored.ok()) {
      return stored.status().WithFieldPrefix("demo " + std::string(entity));
    }
    return stored->id();
  }

 private:
  Store& store_;
  Actor actor_;
};

std::string S(Id id) { return std::to_string(id); }

struct RoleLogin {
  const char* username;
  const char* display;
  const char* role;
};

constexpr RoleLogin kLogins[] = {
    {"social.worker", "Sam Socialworker (demo)", "SOCIAL_WORKER"},
    {"team.manager", "Tess Teammanager (demo)", "TEAM_MANAGER"},
    {"front.door", "Finn Frontdoor (demo)", "FRONT_DOOR"},
    {"iro", "Ira Reviewing (demo)", "IRO"},
    {"auditor", "Aud Itor (demo)", "AUDITOR"},
    {"analyst", "Ana Lyst (demo)", "ANALYST"},
    {"senior.leader", "Lee Senior (demo)", "SENIOR_LEADER"},
    {"member", "Cllr Demo Member", "SCRUTINY_MEMBER"},
    {"admin", "Ada Admin (demo)", "ADMIN"},
};

// A small improvement plan: two workstreams, a project, actions (one waiting for another),
// measures of each kind and two risks.
Status AddImprovementPlan(Builder& b) {
  SG_ASSIGN_OR_RETURN(
      Id plan, b.Add("improvement_plan", {{"title", "Children's services improvement plan"},
                                          {"source", "Ofsted ILACS inspection, September 2025"},
                                          {"lead", "Director of Children's Services"},
                                          {"start_date", "2025-10-01"},
                                          {"end_date", "2027-03-31"},
                                          {"status", "ACTIVE"}}));
  SG_ASSIGN_OR_RETURN(Id ws, b.Add("plan_item", {{"plan_id", S(plan)},
                                                 {"kind", "WORKSTREAM"},
                                                 {"title", "Children are seen and heard"},
                                                 {"lead", "Head of Service, Assessment"},
                                                 {"due_date", "2026-09-30"},
                                                 {"status", "IN_PROGRESS"}}));
  SG_ASSIGN_OR_RETURN(Id project, b.Add("plan_item", {{"plan_id", S(plan)},
                                                      {"parent_id", S(ws)},
                                                      {"kind", "PROJECT"},
                                                      {"title", "Visits on time"},
                                                      {"due_date", "2026-06-30"},
                                                      {"status", "IN_PROGRESS"}}));
  SG_ASSIGN_OR_RETURN(Id training, b.Add("plan_item", {{"plan_id", S(plan)},
                                                       {"parent_id", S(project)},
                                                       {"kind", "ACTION"},
                                                       {"title", "Train every team on direct work"},
                                                       {"lead", "Principal Social Worker"},
                                                       {"due_date", "2026-01-31"},
                                                       {"status", "IN_PROGRESS"}}));
  SG_ASSIGN_OR_RETURN(Id dashboard,
                      b.Add("plan_item", {{"plan_id", S(plan)},
                                          {"parent_id", S(project)},
                                          {"kind", "ACTION"},
                                          {"title", "Weekly visits list for managers"},
                                          {"due_date", "2026-03-31"},
                                          {"status", "NOT_STARTED"}}));
  SG_RETURN_IF_ERROR(
      b.Add("plan_dependency", {{"item_id", S(dashboard)}, {"depends_on_id", S(training)}})
          .status());
  SG_RETURN_IF_ERROR(b.Add("plan_item", {{"plan_id", S(plan)},
                                         {"kind", "WORKSTREAM"},
                                         {"title", "A stable, supported workforce"},
                                         {"due_date", "2026-12-31"},
                                         {"completed_date", "2025-12-01"},
                                         {"status", "COMPLETE"},
                                         {"evidence", "Caseload policy agreed by Cabinet."}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("plan_measure", {{"plan_id", S(plan)},
                                            {"item_id", S(ws)},
                                            {"name", "CP plans reviewed on time"},
                                            {"kind", "INDICATOR"},
                                            {"indicator_id", "cp_reviews_on_time_pct"},
                                            {"baseline", "80"},
                                            {"baseline_date", "2025-09-30"},
                                            {"target", "95"},
                                            {"target_date", "2026-09-30"}})
                         .status());
  SG_ASSIGN_OR_RETURN(
      Id voice, b.Add("plan_measure", {{"plan_id", S(plan)},
                                       {"item_id", S(ws)},
                                       {"name", "Children who know who to talk to"},
                                       {"kind", "CHILD_VOICE"},
                                       {"question", "I know who to talk to and I am listened to"},
                                       {"unit", "%"},
                                       {"baseline", "68"},
                                       {"baseline_date", "2025-09-30"},
                                       {"target", "80"},
                                       {"target_date", "2026-09-30"}}));
  SG_RETURN_IF_ERROR(b.Add("measure_value", {{"measure_id", S(voice)},
                                             {"value_date", "2026-01-15"},
                                             {"value", "71"},
                                             {"respondents", "142"},
                                             {"source", "Children in care council survey"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("plan_risk", {{"plan_id", S(plan)},
                                         {"title", "Social worker recruitment falls short"},
                                         {"owner", "Head of Workforce"},
                                         {"likelihood", "4"},
                                         {"impact", "4"},
                                         {"mitigation", "Market supplement; ASYE academy."},
                                         {"status", "OPEN"},
                                         {"review_date", "2026-03-01"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("plan_risk", {{"plan_id", S(plan)},
                                         {"title", "Case system change delays reporting"},
                                         {"likelihood", "2"},
                                         {"impact", "3"},
                                         {"status", "OPEN"}})
                         .status());
  return Status::Ok();
}

Status Populate(Store& tx, const Clock& clock, const AuthOptions& auth_options,
                std::vector<DemoLogin>* logins) {
  Builder b(tx, Actor{1});
  SG_ASSIGN_OR_RETURN(Id front_door, b.Add("team", {{"name", "Front Door and MASH"},
                                                    {"service_area", "Front Door"},
                                                    {"established_fte", "6"}}));
  SG_ASSIGN_OR_RETURN(Id assess, b.Add("team", {{"name", "Assessment and Intervention North"},
                                                {"service_area", "Assessment"},
                                                {"established_fte", "8"}}));
  SG_ASSIGN_OR_RETURN(Id cla_team, b.Add("team", {{"name", "Children in Care"},
                                                  {"service_area", "CLA"},
                                                  {"established_fte", "7"}}));
  SG_ASSIGN_OR_RETURN(Id w_tm, b.Add("worker", {{"staff_id", "DEMO-W001"},
                                                {"first_name", "Tess"},
                                                {"last_name", "Teammanager"},
                                                {"role", "TEAM_MANAGER"},
                                                {"team_id", S(assess)},
                                                {"fte", "1"},
                                                {"start_date", "2019-09-02"}}));
  SG_ASSIGN_OR_RETURN(Id w_sw, b.Add("worker", {{"staff_id", "DEMO-W002"},
                                                {"first_name", "Sam"},
                                                {"last_name", "Socialworker"},
                                                {"role", "SOCIAL_WORKER"},
                                                {"team_id", S(assess)},
                                                {"fte", "1"},
                                                {"case_holder", "true"},
                                                {"start_date", "2021-01-04"}}));
  SG_ASSIGN_OR_RETURN(Id w_agency, b.Add("worker", {{"staff_id", "DEMO-W003"},
                                                    {"first_name", "Alex"},
                                                    {"last_name", "Agencyworker"},
                                                    {"role", "SOCIAL_WORKER"},
                                                    {"team_id", S(assess)},
                                                    {"fte", "1"},
                                                    {"agency", "true"},
                                                    {"case_holder", "true"},
                                                    {"start_date", "2025-02-03"}}));
  SG_ASSIGN_OR_RETURN(Id w_fd, b.Add("worker", {{"staff_id", "DEMO-W004"},
                                                {"first_name", "Finn"},
                                                {"last_name", "Frontdoor"},
                                                {"role", "SENIOR_PRACTITIONER"},
                                                {"team_id", S(front_door)},
                                                {"fte", "0.8"},
                                                {"start_date", "2020-06-01"}}));
  SG_ASSIGN_OR_RETURN(Id w_cla, b.Add("worker", {{"staff_id", "DEMO-W005"},
                                                 {"first_name", "Cara"},
                                                 {"last_name", "Careworker"},
                                                 {"role", "SOCIAL_WORKER"},
                                                 {"team_id", S(cla_team)},
                                                 {"fte", "1"},
                                                 {"case_holder", "true"},
                                                 {"start_date", "2018-04-09"}}));
  SG_ASSIGN_OR_RETURN(Id w_asye, b.Add("worker", {{"staff_id", "DEMO-W006"},
                                                  {"first_name", "Nia"},
                                                  {"last_name", "Newlyqualified"},
                                                  {"role", "ASYE"},
                                                  {"team_id", S(assess)},
                                                  {"fte", "1"},
                                                  {"case_holder", "true"},
                                                  {"start_date", "2025-09-01"}}));
  SG_RETURN_IF_ERROR(b.Add("supervision", {{"worker_id", S(w_sw)},
                                           {"supervisor_id", S(w_tm)},
                                           {"supervision_date", "2026-02-10"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("sickness_absence", {{"worker_id", S(w_agency)},
                                                {"start_date", "2026-01-12"},
                                                {"end_date", "2026-01-14"},
                                                {"days_lost", "3"}})
                         .status());

  // Child 1: contact -> NFA.
  SG_ASSIGN_OR_RETURN(Id c1, b.Add("child", {{"la_child_id", "DEMO0001"},
                                             {"first_name", "Ava"},
                                             {"last_name", "Example"},
                                             {"date_of_birth", "2014-05-17"},
                                             {"sex", "F"},
                                             {"ethnicity", "WBRI"},
                                             {"disabilities", "NONE"}}));
  SG_RETURN_IF_ERROR(b.Add("contact", {{"child_id", S(c1)},
                                       {"received_at", "2026-01-05T09:12:00Z"},
                                       {"source", "2A"},
                                       {"concern",
                                        "School reports a bruise on the arm; the child "
                                        "says she fell playing football."},
                                       {"rag", "GREEN"},
                                       {"decision", "NFA"},
                                       {"decision_reason",
                                        "Consistent explanation; no other "
                                        "concerns from health or police."},
                                       {"decided_by", S(w_fd)},
                                       {"decided_at", "2026-01-05T15:40:00Z"}})
                         .status());

  // Child 2 and 3: siblings; referral -> assessment -> CIN plan.
  SG_ASSIGN_OR_RETURN(Id c2, b.Add("child", {{"la_child_id", "DEMO0002"},
                                             {"first_name", "Ben"},
                                             {"last_name", "Sample"},
                                             {"date_of_birth", "2017-11-02"},
                                             {"sex", "M"},
                                             {"ethnicity", "MWBC"},
                                             {"disabilities", "NONE"}}));
  SG_ASSIGN_OR_RETURN(Id c3, b.Add("child", {{"la_child_id", "DEMO0003"},
                                             {"first_name", "Cleo"},
                                             {"last_name", "Sample"},
                                             {"date_of_birth", "2020-03-21"},
                                             {"sex", "F"},
                                             {"ethnicity", "MWBC"},
                                             {"disabilities", "COMM"}}));
  SG_ASSIGN_OR_RETURN(Id mum, b.Add("person", {{"first_name", "Dana"},
                                               {"last_name", "Sample"},
                                               {"date_of_birth", "1991-08-30"},
                                               {"sex", "F"}}));
  SG_ASSIGN_OR_RETURN(
      Id audit_template,
      b.Add("audit_template",
            {{"name", "Practice standards"},
             {"description", "The council's focus areas, graded Outstanding to Inadequate."},
             {"themes",
              "Child seen and heard\nManagement oversight\nTimely decision making\n"
              "Quality of plan"},
             {"active", "true"}}));
  for (Id c : {c2, c3}) {
    SG_RETURN_IF_ERROR(b.Add("relationship", {{"child_id", S(c)},
                                              {"related_person_id", S(mum)},
                                              {"relationship", "MOTHER"},
                                              {"parental_responsibility", "true"},
                                              {"lives_with_child", "true"}})
                           .status());
    SG_RETURN_IF_ERROR(b.Add("address", {{"child_id", S(c)},
                                         {"line1", "1 Example Street"},
                                         {"town", "Demotown"},
                                         {"postcode", "ZZ1 1ZZ"},
                                         {"start_date", "2020-01-01"}})
                           .status());
  }
  SG_RETURN_IF_ERROR(b.Add("relationship", {{"child_id", S(c2)},
                                            {"related_child_id", S(c3)},
                                            {"relationship", "SIBLING"},
                                            {"lives_with_child", "true"}})
                         .status());
  for (Id c : {c2, c3}) {
    SG_ASSIGN_OR_RETURN(Id contact, b.Add("contact", {{"child_id", S(c)},
                                                      {"received_at", "2025-10-14T10:30:00Z"},
                                                      {"source", "5A"},
                                                      {"household_ref", "DEMO-H1"},
                                                      {"concern",
                                                       "Police attended a domestic incident at "
                                                       "the home overnight."},
                                                      {"rag", "AMBER"},
                                                      {"decision", "REFERRAL"},
                                                      {"decided_by", S(w_fd)},
                                                      {"decided_at", "2025-10-14T16:05:00Z"}}));
    SG_RETURN_IF_ERROR(b.Add("mash_check", {{"contact_id", S(contact)},
                                            {"child_id", S(c)},
                                            {"agency", "POLICE"},
                                            {"requested_at", "2025-10-14T10:45:00Z"},
                                            {"responded_at", "2025-10-14T13:20:00Z"},
                                            {"outcome", "INFORMATION_SHARED"}})
                           .status());
    SG_ASSIGN_OR_RETURN(Id ref, b.Add("referral", {{"child_id", S(c)},
                                                   {"contact_id", S(contact)},
                                                   {"referral_date", "2025-10-14"},
                                                   {"source", "5A"},
                                                   {"primary_need", "N1"}}));
    SG_ASSIGN_OR_RETURN(Id assessment,
                        b.Add("assessment", {{"referral_id", S(ref)},
                                             {"child_id", S(c)},
                                             {"start_date", "2025-10-15"},
                                             {"authorised_date", "2025-12-01"},
                                             {"factors", "3A,4A"},
                                             {"child_seen_date", "2025-10-17"},
                                             {"child_seen_alone", c == c2 ? "true" : "false"},
                                             {"outcome", "CIN_PLAN"},
                                             {"worker_id", S(w_sw)}}));
    SG_RETURN_IF_ERROR(
        b.Add("cin_plan",
              {{"referral_id", S(ref)}, {"child_id", S(c)}, {"start_date", "2025-12-03"}})
            .status());
    SG_RETURN_IF_ERROR(b.Add("allocation", {{"child_id", S(c)},
                                            {"worker_id", S(w_sw)},
                                            {"team_id", S(assess)},
                                            {"start_date", "2025-10-15"}})
                           .status());
    SG_RETURN_IF_ERROR(b.Add("wishes_and_feelings",
                             {{"child_id", S(c)},
                              {"recorded_date", "2025-10-17"},
                              {"assessment_id", S(assessment)},
                              {"method", "In person, at school"},
                              {"views", c == c2 ? "I want the shouting to stop. I like my school."
                                                : "Drew a picture of home with mum and Ben."},
                              {"worker_id", S(w_sw)}})
                           .status());
    const char* grade = c == c2 ? "GOOD" : "REQUIRES_IMPROVEMENT";
    SG_ASSIGN_OR_RETURN(
        Id audit, b.Add("case_audit", {{"child_id", S(c)},
                                       {"worker_id", S(w_sw)},
                                       {"auditor_id", S(w_tm)},
                                       {"audit_date", "2026-01-20"},
                                       {"theme", "Child seen and heard"},
                                       {"grade", grade},
                                       {"findings", "Wishes recorded; plan not yet reviewed."},
                                       {"template_id", S(audit_template)}}));
    SG_RETURN_IF_ERROR(b.Add("audit_theme_grade", {{"audit_id", S(audit)},
                                                   {"child_id", S(c)},
                                                   {"theme", "Child seen and heard"},
                                                   {"grade", "GOOD"},
                                                   {"evidence",
                                                    "Seen alone at school; views in "
                                                    "the assessment in their words."}})
                           .status());
    SG_RETURN_IF_ERROR(b.Add("audit_theme_grade", {{"audit_id", S(audit)},
                                                   {"child_id", S(c)},
                                                   {"theme", "Timely decision making"},
                                                   {"grade", grade},
                                                   {"evidence", "CIN plan review is overdue."}})
                           .status());
    if (c == c3) {
      SG_RETURN_IF_ERROR(b.Add("audit_action", {{"audit_id", S(audit)},
                                                {"child_id", S(c)},
                                                {"action", "Hold the CIN plan review"},
                                                {"owner_id", S(w_sw)},
                                                {"due_date", "2026-02-03"}})
                             .status());
      // A second auditor re-grades the audit (moderation).
      SG_RETURN_IF_ERROR(b.Add("case_audit", {{"child_id", S(c)},
                                              {"worker_id", S(w_sw)},
                                              {"auditor_id", S(w_cla)},
                                              {"audit_date", "2026-01-27"},
                                              {"grade", "REQUIRES_IMPROVEMENT"},
                                              {"findings", "Agree: review overdue."},
                                              {"template_id", S(audit_template)},
                                              {"moderates_id", S(audit)}})
                             .status());
    }
  }
  SG_RETURN_IF_ERROR(b.Add("review_outcome", {{"child_id", S(c2)},
                                              {"reviewer_id", S(w_tm)},
                                              {"review_date", "2026-01-27"},
                                              {"rules", "review_overdue"},
                                              {"outcome", "CONFIRMED"},
                                              {"notes", "Plan review booked for next week."}})
                         .status());

  SG_RETURN_IF_ERROR(AddImprovementPlan(b));

  // Child 4: S47 -> ICPC -> CP plan with visits and a review.
  SG_ASSIGN_OR_RETURN(Id c4, b.Add("child", {{"la_child_id", "DEMO0004"},
                                             {"first_name", "Dev"},
                                             {"last_name", "Placeholder"},
                                             {"date_of_birth", "2023-02-14"},
                                             {"sex", "M"},
                                             {"ethnicity", "ABAN"},
                                             {"disabilities", "NONE"}}));
  SG_ASSIGN_OR_RETURN(Id ref4, b.Add("referral", {{"child_id", S(c4)},
                                                  {"referral_date", "2025-11-03"},
                                                  {"source", "3E"},
                                                  {"primary_need", "N1"}}));
  SG_ASSIGN_OR_RETURN(Id sd4, b.Add("strategy_discussion", {{"referral_id", S(ref4)},
                                                            {"child_id", S(c4)},
                                                            {"discussion_date", "2025-11-04"},
                                                            {"s47_required", "true"},
                                                            {"agencies", "Police, health, CSC"}}));
  SG_ASSIGN_OR_RETURN(Id s47, b.Add("s47_enquiry", {{"referral_id", S(ref4)},
                                                    {"child_id", S(c4)},
                                                    {"strategy_discussion_id", S(sd4)},
                                                    {"start_date", "2025-11-04"},
                                                    {"end_date", "2025-11-18"}}));
  SG_ASSIGN_OR_RETURN(Id icpc, b.Add("cp_conference", {{"child_id", S(c4)},
                                                       {"referral_id", S(ref4)},
                                                       {"s47_id", S(s47)},
                                                       {"conference_type", "ICPC"},
                                                       {"conference_date", "2025-11-24"},
                                                       {"plan_decided", "true"}}));
  SG_ASSIGN_OR_RETURN(Id cpp, b.Add("cp_plan", {{"referral_id", S(ref4)},
                                                {"child_id", S(c4)},
                                                {"conference_id", S(icpc)},
                                                {"start_date", "2025-11-24"},
                                                {"initial_category", "NEG"},
                                                {"latest_category", "NEG"},
                                                {"previous_plans", "0"}}));
  for (const char* d : {"2025-12-04", "2025-12-17", "2026-01-02", "2026-01-15"}) {
    SG_RETURN_IF_ERROR(b.Add("visit", {{"child_id", S(c4)},
                                       {"visit_type", "CP"},
                                       {"visit_date", d},
                                       {"child_seen", "true"},
                                       {"worker_id", S(w_agency)}})
                           .status());
  }
  SG_RETURN_IF_ERROR(
      b.Add("plan_review",
            {{"child_id", S(c4)}, {"cp_plan_id", S(cpp)}, {"review_date", "2026-02-20"}})
          .status());
  SG_RETURN_IF_ERROR(b.Add("allocation", {{"child_id", S(c4)},
                                          {"worker_id", S(w_agency)},
                                          {"team_id", S(assess)},
                                          {"start_date", "2025-11-03"}})
                         .status());

  // Child 5: looked after, two placements, a review, a missing episode, health figures.
  SG_ASSIGN_OR_RETURN(Id c5, b.Add("child", {{"la_child_id", "DEMO0005"},
                                             {"first_name", "Eli"},
                                             {"last_name", "Testcase"},
                                             {"date_of_birth", "2012-07-09"},
                                             {"sex", "M"},
                                             {"ethnicity", "WBRI"},
                                             {"disabilities", "NONE"}}));
  SG_ASSIGN_OR_RETURN(Id ref5, b.Add("referral", {{"child_id", S(c5)},
                                                  {"referral_date", "2024-03-11"},
                                                  {"source", "2A"},
                                                  {"primary_need", "N1"}}));
  (void)ref5;
  SG_RETURN_IF_ERROR(b.Add("cla_episode", {{"child_id", S(c5)},
                                           {"start_date", "2024-04-02"},
                                           {"reason_new_episode", "S"},
                                           {"legal_status", "C2"},
                                           {"category_of_need", "N1"},
                                           {"placement_type", "U6"},
                                           {"placement_provider", "PR1"},
                                           {"home_postcode", "ZZ1 2ZZ"},
                                           {"placement_postcode", "ZZ3 4ZZ"},
                                           {"end_date", "2025-06-30"},
                                           {"reason_ceased", "X1"},
                                           {"reason_place_change", "CARPL"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("cla_episode", {{"child_id", S(c5)},
                                           {"start_date", "2025-06-30"},
                                           {"reason_new_episode", "P"},
                                           {"legal_status", "C2"},
                                           {"category_of_need", "N1"},
                                           {"placement_type", "U4"},
                                           {"placement_provider", "PR1"},
                                           {"home_postcode", "ZZ1 2ZZ"},
                                           {"placement_postcode", "ZZ5 6ZZ"}})
                         .status());
  SG_RETURN_IF_ERROR(
      b.Add("cla_review",
            {{"child_id", S(c5)}, {"review_date", "2025-12-01"}, {"participation", "PN1"}})
          .status());
  SG_RETURN_IF_ERROR(b.Add("missing_episode", {{"child_id", S(c5)},
                                               {"missing_type", "M"},
                                               {"start_date", "2025-08-15"},
                                               {"end_date", "2025-08-16"},
                                               {"return_interview_offered", "true"},
                                               {"return_interview_accepted", "true"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("cla_health", {{"child_id", S(c5)},
                                          {"year_ending", "2025-03-31"},
                                          {"health_check", "true"},
                                          {"immunisations", "true"},
                                          {"teeth_check", "true"},
                                          {"health_assessment", "true"},
                                          {"sdq_score", "14"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("allocation", {{"child_id", S(c5)},
                                          {"worker_id", S(w_cla)},
                                          {"team_id", S(cla_team)},
                                          {"start_date", "2024-04-02"}})
                         .status());

  // Child 6: a care leaver.
  SG_ASSIGN_OR_RETURN(Id c6, b.Add("child", {{"la_child_id", "DEMO0006"},
                                             {"first_name", "Fay"},
                                             {"last_name", "Fictional"},
                                             {"date_of_birth", "2006-01-20"},
                                             {"sex", "F"},
                                             {"ethnicity", "BCRB"},
                                             {"disabilities", "NONE"}}));
  SG_RETURN_IF_ERROR(b.Add("cla_episode", {{"child_id", S(c6)},
                                           {"start_date", "2019-05-13"},
                                           {"reason_new_episode", "S"},
                                           {"legal_status", "C2"},
                                           {"category_of_need", "N2"},
                                           {"placement_type", "U4"},
                                           {"placement_provider", "PR1"},
                                           {"end_date", "2024-01-20"},
                                           {"reason_ceased", "E17"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("care_leaver_contact", {{"child_id", S(c6)},
                                                   {"contact_date", "2026-01-22"},
                                                   {"in_touch", "YES"},
                                                   {"activity", "F2"},
                                                   {"accommodation", "E1"}})
                         .status());

  // Child 7: unborn, pre-birth referral; child 8: early help, stepped up.
  SG_ASSIGN_OR_RETURN(Id c7, b.Add("child", {{"la_child_id", "DEMO0007"},
                                             {"first_name", "Unborn"},
                                             {"last_name", "Sample"},
                                             {"expected_date_of_birth", "2026-12-20"},
                                             {"sex", "U"}}));
  SG_RETURN_IF_ERROR(b.Add("referral", {{"child_id", S(c7)},
                                        {"referral_date", "2026-01-09"},
                                        {"source", "3A"},
                                        {"primary_need", "N1"}})
                         .status());
  SG_ASSIGN_OR_RETURN(Id c8, b.Add("child", {{"la_child_id", "DEMO0008"},
                                             {"first_name", "Gus"},
                                             {"last_name", "Dummy"},
                                             {"date_of_birth", "2011-09-30"},
                                             {"sex", "M"},
                                             {"ethnicity", "WOTH"},
                                             {"disabilities", "NONE"}}));
  SG_ASSIGN_OR_RETURN(
      Id eh8, b.Add("early_help_episode", {{"child_id", S(c8)},
                                           {"start_date", "2025-05-01"},
                                           {"assessment_date", "2025-05-20"},
                                           {"lead_professional", "School family support worker"},
                                           {"lead_agency", "EDUCATION"},
                                           {"team_around_family", "true"},
                                           {"end_date", "2025-09-08"},
                                           {"outcome", "STEP_UP_TO_SOCIAL_CARE"}}));
  SG_ASSIGN_OR_RETURN(Id ref8, b.Add("referral", {{"child_id", S(c8)},
                                                  {"early_help_id", S(eh8)},
                                                  {"referral_date", "2025-09-08"},
                                                  {"source", "2A"},
                                                  {"primary_need", "N3"},
                                                  {"closure_date", "2025-12-01"},
                                                  {"closure_reason", "RC8"}}));
  SG_RETURN_IF_ERROR(b.Add("assessment", {{"referral_id", S(ref8)},
                                          {"child_id", S(c8)},
                                          {"start_date", "2025-09-09"},
                                          {"authorised_date", "2025-11-28"},
                                          {"factors", "1C,21"},
                                          {"child_seen_date", "2025-09-12"},
                                          {"child_seen_alone", "true"},
                                          {"outcome", "NFA"},
                                          {"worker_id", S(w_asye)}})
                         .status());
  // Child 9: looked after, then placed for adoption; no previous permanence order.
  SG_ASSIGN_OR_RETURN(Id c9, b.Add("child", {{"la_child_id", "DEMO0009"},
                                             {"first_name", "Hana"},
                                             {"last_name", "Sample"},
                                             {"date_of_birth", "2023-06-04"},
                                             {"sex", "F"},
                                             {"ethnicity", "MWBA"},
                                             {"disabilities", "NONE"}}));
  SG_RETURN_IF_ERROR(b.Add("cla_episode", {{"child_id", S(c9)},
                                           {"start_date", "2024-02-12"},
                                           {"reason_new_episode", "S"},
                                           {"legal_status", "C2"},
                                           {"category_of_need", "N1"},
                                           {"placement_type", "U5"},
                                           {"placement_provider", "PR1"},
                                           {"end_date", "2025-09-15"},
                                           {"reason_ceased", "X1"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("cla_episode", {{"child_id", S(c9)},
                                           {"start_date", "2025-09-15"},
                                           {"reason_new_episode", "P"},
                                           {"legal_status", "E1"},
                                           {"category_of_need", "N1"},
                                           {"placement_type", "A5"},
                                           {"placement_provider", "PR1"}})
                         .status());
  SG_RETURN_IF_ERROR(b.Add("adoption", {{"child_id", S(c9)},
                                        {"best_interest_date", "2024-11-20"},
                                        {"placement_order_date", "2025-03-03"},
                                        {"match_date", "2025-08-28"},
                                        {"placed_date", "2025-09-15"},
                                        {"foster_carer_adoption", "false"},
                                        {"number_of_adopters", "2"},
                                        {"adopter_sex", "MF"},
                                        {"adopter_legal_status", "L11"}})
                         .status());
  SG_RETURN_IF_ERROR(
      b.Add("previous_permanence", {{"child_id", S(c9)}, {"previous_permanence", "Z1"}}).status());

  SG_ASSIGN_OR_RETURN(*logins, CreateDemoLogins(tx, clock, auth_options, w_sw, w_tm));

  // A restricted record (a member of staff's child): only the team manager is named on it.
  SG_ASSIGN_OR_RETURN(User manager, tx.FindUserByName("team.manager"));
  SG_ASSIGN_OR_RETURN(User iro, tx.FindUserByName("iro"));
  SG_ASSIGN_OR_RETURN(Id c10, b.Add("child", {{"la_child_id", "DEMO0010"},
                                              {"first_name", "Robin"},
                                              {"last_name", "Placeholder"},
                                              {"date_of_birth", "2014-09-30"},
                                              {"sex", "U"},
                                              {"restricted", "true"}}));
  SG_RETURN_IF_ERROR(
      b.Add("restricted_access",
            {{"child_id", S(c10)}, {"user_id", S(manager.id)}, {"reason", "Manages the case"}})
          .status());
  // A break-glass look some time ago, reviewed by the team manager.
  SG_RETURN_IF_ERROR(b.Add("break_glass", {{"child_id", S(c2)},
                                           {"user_id", S(iro.id)},
                                           {"reason",
                                            "Out-of-hours call from the police about "
                                            "the family"},
                                           {"expires_at", "2026-01-10T08:00:00Z"},
                                           {"reviewed_by", S(manager.id)},
                                           {"review_date", "2026-01-12"},
                                           {"review_outcome", "JUSTIFIED"}})
                         .status());
  return Status::Ok();
}

}  // namespace

Result<std::vector<DemoLogin>> CreateDemoLogins(Store& store, const Clock& clock,
                                                const AuthOptions& auth_options, Id social_worker,
                                                Id team_manager) {
  Auth auth(store, clock, auth_options);
  std::vector<DemoLogin> logins;
  for (const RoleLogin& l : kLogins) {
    User u;
    u.username = l.username;
    u.display_name = l.display;
    u.role = l.role;
    if (social_worker && std::string_view(l.role) == "SOCIAL_WORKER") u.worker_id = social_worker;
    if (team_manager && std::string_view(l.role) == "TEAM_MANAGER") u.worker_id = team_manager;
    SG_RETURN_IF_ERROR(auth.CreateUser(std::move(u), kDemoPassword).status());
    logins.push_back({l.username, kDemoPassword, l.role});
  }
  return logins;
}

Result<std::vector<DemoLogin>> CreateDemoLa(Store& store, const Clock& clock,
                                            const AuthOptions& auth_options) {
  SG_ASSIGN_OR_RETURN(std::int64_t children, store.Count(Entity("child")));
  if (children > 0) {
    return Status(StatusCode::kFailedPrecondition,
                  "the store already holds " + std::to_string(children) +
                      " children: the demo LA goes into an empty store");
  }
  std::vector<DemoLogin> logins;
  SG_RETURN_IF_ERROR(
      store.Transaction([&](Store& tx) { return Populate(tx, clock, auth_options, &logins); }));
  return logins;
}

}  // namespace sg

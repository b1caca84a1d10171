#include "http/openapi.h"

#include <string>

#include "model/entity.h"

namespace sg {
namespace {

using nlohmann::json;

json FieldSchema(const FieldDesc& f) {
  json s;
  switch (f.type) {
    case FieldType::kText:
      s = {{"type", "string"}, {"maxLength", f.max > 0 ? f.max : 200}};
      break;
    case FieldType::kInt:
      s = {{"type", "integer"}, {"format", "int64"}};
      if (f.min < f.max) {
        s["minimum"] = f.min;
        s["maximum"] = f.max;
      }
      break;
    case FieldType::kReal:
      s = {{"type", "number"}};
      if (f.min < f.max) {
        s["minimum"] = f.min;
        s["maximum"] = f.max;
      }
      break;
    case FieldType::kBool:
      s = {{"type", "boolean"}};
      break;
    case FieldType::kDate:
      s = {{"type", "string"}, {"format", "date"}};
      break;
    case FieldType::kTimestamp:
      s = {{"type", "string"}, {"format", "date-time"}};
      break;
    case FieldType::kRef:
      s = {{"type", "integer"},
           {"format", "int64"},
           {"description", "id of a " + std::string(f.ref_entity)}};
      break;
    case FieldType::kCode:
    case FieldType::kCodeSet: {
      json codes = json::array();
      for (const CodeEntry& c : GetCodeList(f.code_list).entries) codes.push_back(c.code);
      json item = {{"type", "string"}, {"enum", codes}};
      s = f.type == FieldType::kCode ? item : json{{"type", "array"}, {"items", item}};
      break;
    }
  }
  std::string desc(f.description);
  if (f.unique) desc += " (unique)";
  s["description"] = desc;
  s["nullable"] = f.required != Required::kRequired;
  return s;
}

json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json ErrorResponses() {
  json err = {{"description", "error"},
              {"content", {{"application/json", {{"schema", Ref("Error")}}}}}};
  return {{"400", err}, {"401", err}, {"403", err}, {"404", err}, {"409", err}, {"413", err}};
}

}  // namespace

json BuildOpenApi() {
  json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "Safeguard API"},
                 {"version", "0.1.0"},
                 {"description",
                  "The case record of children's social care. All requests except /healthz, "
                  "/api/openapi.json and /api/login need the session cookie from /api/login. "
                  "State-changing requests must send Content-Type: application/json. Lists "
                  "page with ?limit=&after= (cursor: the last id seen) and filter by any "
                  "field: ?child_id=12&source=5A. Errors are {\"error\":{\"code\",\"message\","
                  "\"field\"}}."}};
  json schemas;
  schemas["Error"] = {{"type", "object"},
                      {"properties",
                       {{"error",
                         {{"type", "object"},
                          {"properties",
                           {{"code", {{"type", "string"}}},
                            {"message", {{"type", "string"}}},
                            {"field", {{"type", "string"}, {"nullable", true}}}}}}}}}};
  json paths;
  paths["/healthz"]["get"] = {{"summary", "Liveness and store check"},
                              {"responses", {{"200", {{"description", "ok"}}}}}};
  paths["/api/login"]["post"] = {
      {"summary", "Log in; sets the session cookie"},
      {"requestBody",
       {{"content",
         {{"application/json",
           {{"schema",
             {{"type", "object"},
              {"required", {"username", "password"}},
              {"properties",
               {{"username", {{"type", "string"}}}, {"password", {{"type", "string"}}}}}}}}}}}}},
      {"responses",
       {{"200", {{"description", "logged in"}}}, {"401", {{"description", "wrong"}}}}}};
  paths["/api/logout"]["post"] = {{"summary", "Log out"},
                                  {"responses", {{"204", {{"description", "logged out"}}}}}};
  paths["/api/me"]["get"] = {{"summary", "The logged-in user"},
                             {"responses", {{"200", {{"description", "the user"}}}}}};
  paths["/api/code-lists"]["get"] = {{"summary", "Every code list with its codes and labels"},
                                     {"responses", {{"200", {{"description", "code lists"}}}}}};
  paths["/api/children/{id}/record"]["get"] = {
      {"summary", "A child's whole record, grouped by entity"},
      {"parameters",
       {{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}}},
      {"responses", {{"200", {{"description", "the record"}}}}}};

  // The web application's own endpoints.
  auto simple = [&](const char* path, const char* method, const char* summary) {
    paths[path][method] = {
        {"summary", summary},
        {"responses",
         {{"200", {{"description", "OK"}}}, {"403", {{"description", "not for this role"}}}}}};
  };
  simple("/api/search/children", "get",
         "Children by name (typos forgiven), date of birth, UPN or LA child id: ?q=&limit=");
  simple("/api/front-door/queue", "get", "Contacts awaiting a Front Door decision, oldest first");
  simple("/api/my-work", "get", "The caseload of the logged-in worker with what is due (?as_of=)");
  simple("/api/team-work", "get", "Every worker's caseload in a team (?team_id=&as_of=)");
  simple("/api/audit-sample", "get",
         "Cases to audit in a month, reproducibly: ?month=YYYY-MM&rule=random|peer-review"
         "&per_group=&seed=");
  simple("/api/case-review", "get",
         "The bulk case review: open and recently closed cases rated for drift, most worrying "
         "first (?as_of=&closed_months=); \"refreshing\" when the record has changed since");
  simple("/api/audits/summary", "get",
         "What case file audits found (?period=FROM..TO&as_of=): grades by theme and month, "
         "moderation agreement and kappa, re-audits, actions; lists withheld from members");
  simple("/api/improvement-plans/{id}/status", "get",
         "An improvement plan rated red, amber or green on ?as_of=: items, measures against "
         "their trajectories, risks");
  simple("/api/board-report", "get",
         "The improvement board / scrutiny report for ?period=FROM..TO&as_of=, as an HTML page "
         "or (format=pdf) a PDF");
  simple("/api/children/{id}/due", "get", "What is due and overdue for a child (?as_of=)");
  simple("/api/children/{id}/placement-change", "post",
         "End the open looked-after episode and start the next in one transaction: episode_id, "
         "version, date, placement_type, placement_provider, placement_postcode, provider_urn, "
         "reason_place_change, reason_new_episode");
  simple("/api/indicators", "get",
         "The scorecard: ?period= or ?monthly=FROM..TO, &by=, &only=; \"refreshing\" when newer "
         "figures are being computed");
  simple("/api/returns/cin/validate", "get", "The CIN census built from the record, validated");
  simple("/api/returns/cin/validate", "post", "An uploaded CIN census validated: {\"xml\"}");
  simple("/api/returns/903/validate", "get", "The SSDA903 built from the record, validated");
  simple("/api/returns/903/validate", "post",
         "An uploaded SSDA903 validated: {\"year\", \"files\": [{\"name\", \"text\"}]}");

  for (const EntityDesc& e : AllEntities()) {
    const std::string name(e.name);
    json props = {{"id", {{"type", "integer"}, {"readOnly", true}}},
                  {"version", {{"type", "integer"}, {"readOnly", true}}},
                  {"created_at", {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}}},
                  {"created_by", {{"type", "integer"}, {"readOnly", true}}},
                  {"updated_at", {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}}},
                  {"updated_by", {{"type", "integer"}, {"readOnly", true}}}};
    json required = json::array();
    json filters = json::array();
    for (const FieldDesc& f : e.fields) {
      props[std::string(f.name)] = FieldSchema(f);
      if (f.required == Required::kRequired) required.push_back(f.name);
      if (f.type != FieldType::kCodeSet) {
        filters.push_back(
            {{"name", f.name},
             {"in", "query"},
             {"required", false},
             {"schema", {{"type", "string"}}},
             {"description", "only records whose " + std::string(f.name) + " equals this"}});
      }
    }
    schemas[name] = {{"type", "object"},
                     {"title", e.title},
                     {"description", e.description},
                     {"properties", props},
                     {"required", required}};
    const std::string coll = "/api/" + std::string(e.path);
    json list_params = filters;
    list_params.push_back({{"name", "limit"},
                           {"in", "query"},
                           {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}}}});
    list_params.push_back({{"name", "after"}, {"in", "query"}, {"schema", {{"type", "integer"}}}});
    json responses = ErrorResponses();
    responses["200"] = {{"description", "a page of records"},
                        {"content",
                         {{"application/json",
                           {{"schema",
                             {{"type", "object"},
                              {"properties",
                               {{"items", {{"type", "array"}, {"items", Ref(name)}}},
                                {"next_after", {{"type", "integer"}, {"nullable", true}}}}}}}}}}}};
    paths[coll]["get"] = {{"summary", "List " + std::string(e.title) + " records"},
                          {"tags", {e.title}},
                          {"parameters", list_params},
                          {"responses", responses}};
    json created = ErrorResponses();
    created["201"] = {{"description", "created"},
                      {"content", {{"application/json", {{"schema", Ref(name)}}}}}};
    paths[coll]["post"] = {
        {"summary", "Create a " + std::string(e.title)},
        {"tags", {e.title}},
        {"requestBody",
         {{"required", true}, {"content", {{"application/json", {{"schema", Ref(name)}}}}}}},
        {"responses", created}};
    json id_param = {
        {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}};
    json one = ErrorResponses();
    one["200"] = {{"description", "the record"},
                  {"content", {{"application/json", {{"schema", Ref(name)}}}}}};
    paths[coll + "/{id}"]["get"] = {{"summary", "Read a " + std::string(e.title)},
                                    {"tags", {e.title}},
                                    {"parameters", id_param},
                                    {"responses", one}};
    paths[coll + "/{id}"]["patch"] = {
        {"summary", "Change fields of a " + std::string(e.title) +
                        "; send the version you read (body \"version\" or If-Match)"},
        {"tags", {e.title}},
        {"parameters", id_param},
        {"requestBody",
         {{"required", true}, {"content", {{"application/json", {{"schema", Ref(name)}}}}}}},
        {"responses", one}};
    paths[coll + "/{id}/history"]["get"] = {
        {"summary", "Every version of a " + std::string(e.title) + ", oldest first"},
        {"tags", {e.title}},
        {"parameters", id_param},
        {"responses", {{"200", {{"description", "the versions"}}}}}};
  }
  doc["paths"] = paths;
  doc["components"]["schemas"] = schemas;
  return doc;
}

}  // namespace sg

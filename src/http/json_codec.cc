#include "http/json_codec.h"

namespace sg {
namespace {

using nlohmann::json;

bool IsStampKey(const std::string& key) {
  return key == "id" || key == "version" || key == "created_at" || key == "created_by" ||
         key == "updated_at" || key == "updated_by";
}

json ValueToJson(const Value& v) {
  if (IsNull(v)) return nullptr;
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* b = std::get_if<bool>(&v)) return *b;
  if (auto* set = std::get_if<CodeSet>(&v)) return json(*set);
  return ValueToText(v);
}

Result<Value> ValueFromJson(const FieldDesc& f, const json& j) {
  const std::string field(f.name);
  if (j.is_null()) return Value{};
  auto wrong = [&](const char* expected) {
    return InvalidArgument(
        std::string("expected ") + expected + ", got " + std::string(j.type_name()), field);
  };
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kCode:
      if (!j.is_string()) return wrong("a string");
      return Value{j.get<std::string>()};
    case FieldType::kInt:
    case FieldType::kRef:
      if (j.is_number_unsigned()) {
        const auto u = j.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(INT64_MAX)) return wrong("a 64-bit integer");
        return Value{static_cast<std::int64_t>(u)};
      }
      if (!j.is_number_integer()) return wrong("a whole number");
      return Value{j.get<std::int64_t>()};
    case FieldType::kReal:
      if (!j.is_number()) return wrong("a number");
      return Value{j.get<double>()};
    case FieldType::kBool:
      if (!j.is_boolean()) return wrong("true or false");
      return Value{j.get<bool>()};
    case FieldType::kDate:
    case FieldType::kTimestamp:
      if (!j.is_string()) {
        return wrong(f.type == FieldType::kDate ? "a date string YYYY-MM-DD"
                                                : "a timestamp string YYYY-MM-DDTHH:MM:SSZ");
      }
      return ParseValue(f, j.get<std::string>());
    case FieldType::kCodeSet: {
      if (!j.is_array()) return wrong("an array of codes");
      CodeSet set;
      for (const json& e : j) {
        if (!e.is_string()) return wrong("an array of code strings");
        set.push_back(e.get<std::string>());
      }
      return Value{std::move(set)};
    }
  }
  return Internal("unhandled field type");
}

}  // namespace

json RecordToJsonValue(const Record& r) {
  json out = json::object();
  const RecordMeta& m = r.meta();
  out["id"] = m.id;
  out["version"] = m.version;
  const EntityDesc& e = r.entity();
  for (size_t i = 0; i < e.fields.size(); ++i) {
    out[std::string(e.fields[i].name)] = ValueToJson(r.values()[i]);
  }
  out["created_at"] = m.created_at.ToString();
  out["created_by"] = m.created_by;
  out["updated_at"] = m.updated_at.ToString();
  out["updated_by"] = m.updated_by;
  return out;
}

Status ApplyJsonPatch(Record& r, const json& patch) {
  if (!patch.is_object()) return InvalidArgument("expected a JSON object");
  const EntityDesc& e = r.entity();
  for (const auto& [key, value] : patch.items()) {
    if (IsStampKey(key)) continue;
    const int i = e.FieldIndex(key);
    if (i < 0) {
      return InvalidArgument(
          "unknown field for " + std::string(e.title) + " (see /api/openapi.json)", key);
    }
    SG_ASSIGN_OR_RETURN(r.values()[static_cast<size_t>(i)],
                        ValueFromJson(e.fields[static_cast<size_t>(i)], value));
  }
  return Status::Ok();
}

Result<Record> RecordFromJson(const EntityDesc& entity, const json& body) {
  Record r(entity);
  SG_RETURN_IF_ERROR(ApplyJsonPatch(r, body));
  return r;
}

Result<json> ParseJson(std::string_view text) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // what() is "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
    const std::string what = e.what();
    const size_t start = what.find("] ");
    return InvalidArgument("malformed JSON: " +
                           (start == std::string::npos ? what : what.substr(start + 2)));
  }
}

json ErrorBody(const Status& s) {
  json err = {{"code", StatusCodeName(s.code())}, {"message", s.message()}};
  err["field"] = s.field().empty() ? json(nullptr) : json(s.field());
  return {{"error", err}};
}

}  // namespace sg

#include "http/records_io.h"

#include <map>
#include <utility>

#include "http/json_codec.h"

namespace sg {

bool Exported(const EntityDesc& entity) {
  return entity.name != "restricted_access" && entity.name != "break_glass";
}

Result<IoCounts> ExportRecords(Store& store, std::ostream& out, const ProgressFn& progress) {
  IoCounts counts;
  for (const EntityDesc& e : AllEntities()) {
    if (!Exported(e)) continue;
    ListQuery q;
    q.limit = 1000;
    while (true) {
      SG_ASSIGN_OR_RETURN(Page page, store.List(e, q));
      for (const Record& r : page.items) {
        nlohmann::json line = {{"entity", e.name}, {"record", RecordToJsonValue(r)}};
        out << line.dump() << '\n';
        ++counts.records;
        if (progress) progress(counts.records);
      }
      if (!page.next_after) break;
      q.after = *page.next_after;
    }
  }
  if (!out) return IoError("writing the export failed");
  return counts;
}

Result<IoCounts> ImportRecords(Store& store, std::istream& in, const std::string& source_name,
                               const Actor& actor, const ProgressFn& progress) {
  IoCounts counts;
  Status s = store.Transaction([&](Store& tx) -> Status {
    std::map<std::pair<std::string, Id>, Id> ids;  // (entity, id in file) -> new id
    std::string line;
    std::int64_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line == "\r") continue;
      auto fail = [&](const Status& st) {
        const std::string where = source_name + ":" + std::to_string(line_no);
        return Status(st.code(),
                      where + (st.field().empty() ? "" : ": " + st.field()) + ": " + st.message(),
                      st.field());
      };
      auto parsed = ParseJson(line);
      if (!parsed.ok()) return fail(parsed.status());
      const nlohmann::json& j = *parsed;
      if (!j.is_object() || !j.contains("entity") || !j["entity"].is_string() ||
          !j.contains("record") || !j["record"].is_object()) {
        return fail(InvalidArgument("expected {\"entity\": name, \"record\": {...}}"));
      }
      const std::string name = j["entity"].get<std::string>();
      const EntityDesc* e = FindEntity(name);
      if (!e) return fail(InvalidArgument("unknown entity \"" + name + "\"", "entity"));
      const nlohmann::json& body = j["record"];
      auto rec = RecordFromJson(*e, body);
      if (!rec.ok()) return fail(rec.status());
      for (size_t i = 0; i < e->fields.size(); ++i) {
        const FieldDesc& f = e->fields[i];
        Value& v = rec->values()[i];
        if (f.type != FieldType::kRef || IsNull(v)) continue;
        const Id old = std::get<std::int64_t>(v);
        auto it = ids.find({std::string(f.ref_entity), old});
        if (it == ids.end()) {
          return fail(InvalidArgument("refers to " + std::string(f.ref_entity) + " " +
                                          std::to_string(old) +
                                          ", which is not earlier in the file",
                                      std::string(f.name)));
        }
        v = it->second;
      }
      auto stored = tx.Create(std::move(rec).value(), actor);
      if (!stored.ok()) return fail(stored.status());
      if (body.contains("id") && body["id"].is_number_integer()) {
        ids[{name, body["id"].get<Id>()}] = stored->id();
      }
      ++counts.records;
      if (progress) progress(counts.records);
    }
    if (in.bad()) return IoError(source_name + ": read failed");
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return counts;
}

}  // namespace sg

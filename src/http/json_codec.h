#pragma once
// Records as JSON for the API, export and import: dates "YYYY-MM-DD", timestamps
// "YYYY-MM-DDTHH:MM:SSZ" (UTC), code sets as arrays of codes, absent values as null.
// The stamp (id, version, created_at, created_by, updated_at, updated_by) is written out and
// ignored on input; everything else must be a field of the entity.

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "model/record.h"

namespace sg {

nlohmann::json RecordToJsonValue(const Record& record);

// Builds a new record from a JSON object. Errors name the field ("date_of_birth").
Result<Record> RecordFromJson(const EntityDesc& entity, const nlohmann::json& body);

// Applies the fields present in `patch` to `record` (null clears a field).
Status ApplyJsonPatch(Record& record, const nlohmann::json& patch);

// Parses text as JSON; a syntax error says where ("malformed JSON at byte 17: ...").
Result<nlohmann::json> ParseJson(std::string_view text);

// {"error":{"code","message","field"}}
nlohmann::json ErrorBody(const Status& status);

}  // namespace sg

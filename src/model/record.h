#pragma once
// Record: one row of an entity, values held in the order of its EntityDesc's fields, typed by
// the field's FieldType. A Record is a plain value; it does not talk to the store.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/entity.h"

namespace sg {

using Id = std::int64_t;
using CodeSet = std::vector<std::string>;

// monostate = absent (NULL). kText/kCode -> string; kInt/kRef -> int64; kReal -> double;
// kBool -> bool; kDate -> Date; kTimestamp -> Timestamp; kCodeSet -> CodeSet.
using Value =
    std::variant<std::monostate, std::string, std::int64_t, double, bool, Date, Timestamp, CodeSet>;

inline bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

// The stamp every stored record carries: who made it and who changed it last, when, and a
// version that increases by one on every change (optimistic concurrency).
struct RecordMeta {
  Id id = 0;
  std::int64_t version = 0;
  Timestamp created_at;
  Id created_by = 0;
  Timestamp updated_at;
  Id updated_by = 0;
};

class Record {
 public:
  explicit Record(const EntityDesc& entity) : entity_(&entity), values_(entity.fields.size()) {}

  const EntityDesc& entity() const { return *entity_; }
  RecordMeta& meta() { return meta_; }
  const RecordMeta& meta() const { return meta_; }
  Id id() const { return meta_.id; }

  std::vector<Value>& values() { return values_; }
  const std::vector<Value>& values() const { return values_; }

  // REQUIRES: `field` names a field of the entity (a programming error otherwise).
  const Value& Get(std::string_view field) const;
  void Set(std::string_view field, Value v);

  // Typed accessors; they return the fallback when the field is absent.
  std::string GetText(std::string_view field, std::string fallback = {}) const;
  std::int64_t GetInt(std::string_view field, std::int64_t fallback = 0) const;
  bool GetBool(std::string_view field, bool fallback = false) const;

 private:
  const EntityDesc* entity_;
  RecordMeta meta_;
  std::vector<Value> values_;
};

// The date in `field`, or nullopt when it is absent (REQUIRES: a field of the record's entity).
std::optional<Date> DateOf(const Record& record, std::string_view field);

// Checks that `v` has the C++ type of `field` and that the value obeys the field's own
// constraints (code lists, length, bounds, UPN/postcode format, not in the future).
// Errors name the field.
Status ValidateValue(const FieldDesc& field, const Value& v, Timestamp now);

// Fills defaults the store relies on: an absent boolean is false.
void NormaliseRecord(Record& record);

// Checks every field, the required fields and the entity's cross-field rules.
Status ValidateRecord(const Record& record, Timestamp now);

// Parses a field's value from text: the form used in query strings and CSV files (dates as
// YYYY-MM-DD, booleans as true/false/1/0, code sets comma-separated). Empty text is absent.
Result<Value> ParseValue(const FieldDesc& field, std::string_view text);

// The text form of a value (the inverse of ParseValue); empty for an absent value.
std::string ValueToText(const Value& v);

// The record as a compact JSON object (fields plus "id" and "version"), for the history log.
std::string RecordToJson(const Record& record);

// True when `upn` is a well-formed UPN (13 characters) whose check letter is right.
bool IsValidUpn(std::string_view upn);
// The check letter for the 12 characters after it, or '\0' if they are malformed.
char UpnCheckLetter(std::string_view last12);
// True for a plausible UK postcode ("WR1 2AB", "W1A 0AX", "M1 1AE"); case-insensitive.
bool IsValidPostcode(std::string_view postcode);

}  // namespace sg

#pragma once
// Descriptions of the record's entities (child, contact, referral, ...): one EntityDesc per
// table, listing its fields with their types, code lists and constraints. Storage, the HTTP API,
// OpenAPI, import/export and validation are all driven by these descriptions, so that a field
// is declared once. The list itself is in entity_list.cc (an explicit registry, in dependency
// order: an entity appears after every entity it refers to).
//
// Thread-safety: all descriptions are immutable static data.

#include <cstdint>
#include <span>
#include <string_view>

#include "model/code_list.h"

namespace sg {

enum class FieldType : std::uint8_t {
  kText,       // UTF-8 text
  kInt,        // 64-bit integer
  kReal,       // double
  kBool,       // true/false (stored as 0/1)
  kDate,       // civil date, YYYY-MM-DD
  kTimestamp,  // instant, stored in UTC
  kCode,       // one code from a code list
  kCodeSet,    // zero or more distinct codes from a code list (stored "A,B,C")
  kRef,        // the id of another entity's record
};

const char* FieldTypeName(FieldType type);

enum class Required : std::uint8_t { kOptional, kRequired };

// Extra checks on a field's value.
enum class Check : std::uint8_t {
  kNone,
  kNotFuture,  // a date or timestamp that cannot be after now (a date of birth, a visit)
  kUpn,        // a DfE Unique Pupil Number with a correct check letter
  kPostcode,   // a UK postcode
  kUrn,        // an Ofsted unique reference number (SC + 6 digits, or 6–7 digits)
};

struct FieldDesc {
  std::string_view name;  // column and JSON name, snake_case
  FieldType type = FieldType::kText;
  Required required = Required::kOptional;
  CodeListId code_list = CodeListId::kCount;  // kCode / kCodeSet
  std::string_view ref_entity;                // kRef: the referenced entity's name
  Check check = Check::kNone;
  std::int64_t min = 0;  // kInt/kReal: inclusive bounds when min < max; kText: max length
  std::int64_t max = 0;  //   in `max` (0 = 200 characters)
  bool unique = false;   // no two records may share a non-empty value
  std::string_view description;
};

// A constraint across fields.
enum class RuleKind : std::uint8_t {
  kNotBefore,     // b, when present, is on or after a (dates or timestamps)
  kRequiredWith,  // a is required when b is present
  kAtMostOneOf,   // not both a and b
  kExactlyOneOf,  // exactly one of a and b
};

struct CrossRule {
  RuleKind kind;
  std::string_view a;
  std::string_view b;
};

enum class Scope : std::uint8_t {
  kChildRecord,  // part of a child's record: history is kept and reads are attributable
  kWorkforce,    // workers, teams, supervision: staff data
  kImprovement,  // improvement plans and audit templates: the council's own quality work
  kOther,
};

struct EntityDesc {
  std::string_view name;   // singular, e.g. "cp_plan"
  std::string_view table;  // SQL table, e.g. "cp_plans"
  std::string_view path;   // API collection, e.g. "cp-plans"
  std::string_view title;  // "Child protection plan"
  std::string_view description;
  Scope scope = Scope::kOther;
  std::span<const FieldDesc> fields;
  std::span<const CrossRule> rules;

  // The index of field `name`, or -1.
  int FieldIndex(std::string_view name) const;
  // The field that links this record to a child ("child_id", or "id" for the child itself),
  // or empty when the entity is not part of a child's record.
  std::string_view ChildField() const;
};

// Every entity, in dependency order.
std::span<const EntityDesc> AllEntities();
const EntityDesc* FindEntity(std::string_view name);
const EntityDesc* FindEntityByPath(std::string_view path);

// REQUIRES: the entity exists (a programming error otherwise).
const EntityDesc& Entity(std::string_view name);

}  // namespace sg

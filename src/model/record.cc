#include "model/record.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

#include "common/json_writer.h"

namespace sg {
namespace {

const FieldDesc& FieldOrDie(const EntityDesc& e, std::string_view name, int* index) {
  const int i = e.FieldIndex(name);
  if (i < 0) {
    // A field name that does not exist is a programming error, not an input error.
    std::abort();
  }
  *index = i;
  return e.fields[static_cast<size_t>(i)];
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool TypeMatches(FieldType t, const Value& v) {
  switch (t) {
    case FieldType::kText:
    case FieldType::kCode:
      return std::holds_alternative<std::string>(v);
    case FieldType::kInt:
    case FieldType::kRef:
      return std::holds_alternative<std::int64_t>(v);
    case FieldType::kReal:
      return std::holds_alternative<double>(v);
    case FieldType::kBool:
      return std::holds_alternative<bool>(v);
    case FieldType::kDate:
      return std::holds_alternative<Date>(v);
    case FieldType::kTimestamp:
      return std::holds_alternative<Timestamp>(v);
    case FieldType::kCodeSet:
      return std::holds_alternative<CodeSet>(v);
  }
  return false;
}

std::string CodeHint(CodeListId id) {
  const CodeList& list = GetCodeList(id);
  std::string hint;
  size_t n = 0;
  for (const CodeEntry& e : list.entries) {
    if (n == 12) {
      hint += ", ...";
      break;
    }
    if (n++) hint += ", ";
    hint += e.code;
  }
  return "a " + std::string(list.title) + " code (" + hint + "; see /api/code-lists/" +
         std::string(list.name) + ")";
}

// Ordering key of a date or timestamp value for kNotBefore rules; both must be of one kind,
// or a date against a timestamp (compared on the UK date).
bool Comparable(const Value& a, const Value& b, std::int64_t* ka, std::int64_t* kb) {
  auto key = [](const Value& v, bool as_date, std::int64_t* out) {
    if (auto* d = std::get_if<Date>(&v)) {
      *out = as_date ? d->days() : static_cast<std::int64_t>(d->days()) * 86400;
      return true;
    }
    if (auto* t = std::get_if<Timestamp>(&v)) {
      *out = as_date ? t->UkDate().days() : t->unix_seconds();
      return true;
    }
    return false;
  };
  const bool mixed = std::holds_alternative<Date>(a) != std::holds_alternative<Date>(b);
  return key(a, mixed, ka) && key(b, mixed, kb);
}

}  // namespace

std::optional<Date> DateOf(const Record& record, std::string_view field) {
  if (const Date* d = std::get_if<Date>(&record.Get(field))) return *d;
  return std::nullopt;
}

const Value& Record::Get(std::string_view field) const {
  int i = 0;
  FieldOrDie(*entity_, field, &i);
  return values_[static_cast<size_t>(i)];
}

void Record::Set(std::string_view field, Value v) {
  int i = 0;
  FieldOrDie(*entity_, field, &i);
  values_[static_cast<size_t>(i)] = std::move(v);
}

std::string Record::GetText(std::string_view field, std::string fallback) const {
  const Value& v = Get(field);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return fallback;
}

std::int64_t Record::GetInt(std::string_view field, std::int64_t fallback) const {
  const Value& v = Get(field);
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return fallback;
}

bool Record::GetBool(std::string_view field, bool fallback) const {
  const Value& v = Get(field);
  if (auto* b = std::get_if<bool>(&v)) return *b;
  return fallback;
}

Status ValidateValue(const FieldDesc& f, const Value& v, Timestamp now) {
  const std::string field(f.name);
  if (IsNull(v)) return Status::Ok();
  if (!TypeMatches(f.type, v)) {
    return InvalidArgument(std::string("expected a value of type ") + FieldTypeName(f.type), field);
  }
  switch (f.type) {
    case FieldType::kText: {
      const auto& s = std::get<std::string>(v);
      const size_t max_len = f.max > 0 ? static_cast<size_t>(f.max) : 200;
      if (s.size() > max_len) {
        return InvalidArgument("is longer than " + std::to_string(max_len) + " characters", field);
      }
      if (f.required == Required::kRequired &&
          std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); })) {
        return InvalidArgument("must not be blank", field);
      }
      if (f.check == Check::kUpn && !IsValidUpn(s)) {
        return InvalidArgument(Quote(s) +
                                   " is not a valid UPN: expected 13 characters, a check letter "
                                   "then 12 characters, with the right check letter",
                               field);
      }
      if (f.check == Check::kPostcode && !IsValidPostcode(s)) {
        return InvalidArgument(Quote(s) + " is not a UK postcode (e.g. WR1 2AB)", field);
      }
      if (f.check == Check::kUrn) {
        const bool sc = s.size() == 8 && s.rfind("SC", 0) == 0 &&
                        std::all_of(s.begin() + 2, s.end(), ::isdigit);
        const bool digits =
            (s.size() == 6 || s.size() == 7) && std::all_of(s.begin(), s.end(), ::isdigit);
        if (!sc && !digits && s != "XXXXXXX") {
          return InvalidArgument(Quote(s) + " is not an Ofsted URN (SC123456 or 6-7 digits)",
                                 field);
        }
      }
      break;
    }
    case FieldType::kCode: {
      const auto& s = std::get<std::string>(v);
      if (!FindCode(f.code_list, s)) {
        return InvalidArgument("unknown code " + Quote(s) + ": expected " + CodeHint(f.code_list),
                               field);
      }
      break;
    }
    case FieldType::kCodeSet: {
      const auto& set = std::get<CodeSet>(v);
      std::set<std::string_view> seen;
      for (const auto& s : set) {
        if (!FindCode(f.code_list, s)) {
          return InvalidArgument("unknown code " + Quote(s) + ": expected " + CodeHint(f.code_list),
                                 field);
        }
        if (!seen.insert(s).second) return InvalidArgument("code " + Quote(s) + " repeated", field);
      }
      break;
    }
    case FieldType::kInt: {
      const auto i = std::get<std::int64_t>(v);
      if (f.min < f.max && (i < f.min || i > f.max)) {
        return InvalidArgument(
            "must be between " + std::to_string(f.min) + " and " + std::to_string(f.max), field);
      }
      break;
    }
    case FieldType::kReal: {
      const double d = std::get<double>(v);
      if (!std::isfinite(d)) return InvalidArgument("must be a finite number", field);
      if (f.min < f.max && (d < static_cast<double>(f.min) || d > static_cast<double>(f.max))) {
        return InvalidArgument(
            "must be between " + std::to_string(f.min) + " and " + std::to_string(f.max), field);
      }
      break;
    }
    case FieldType::kRef:
      if (std::get<std::int64_t>(v) <= 0) return InvalidArgument("must be a record id", field);
      break;
    case FieldType::kDate:
      if (f.check == Check::kNotFuture && std::get<Date>(v) > now.UkDate()) {
        return InvalidArgument(std::get<Date>(v).ToString() + " is in the future", field);
      }
      break;
    case FieldType::kTimestamp:
      // A minute of grace for clocks that disagree slightly.
      if (f.check == Check::kNotFuture && std::get<Timestamp>(v) > now.AddSeconds(60)) {
        return InvalidArgument(std::get<Timestamp>(v).ToString() + " is in the future", field);
      }
      break;
    case FieldType::kBool:
      break;
  }
  return Status::Ok();
}

void NormaliseRecord(Record& r) {
  const EntityDesc& e = r.entity();
  for (size_t i = 0; i < e.fields.size(); ++i) {
    if (e.fields[i].type == FieldType::kBool && IsNull(r.values()[i])) r.values()[i] = false;
  }
}

Status ValidateRecord(const Record& r, Timestamp now) {
  const EntityDesc& e = r.entity();
  for (size_t i = 0; i < e.fields.size(); ++i) {
    const FieldDesc& f = e.fields[i];
    const Value& v = r.values()[i];
    if (IsNull(v)) {
      if (f.required == Required::kRequired)
        return InvalidArgument("is required", std::string(f.name));
      continue;
    }
    SG_RETURN_IF_ERROR(ValidateValue(f, v, now));
  }
  for (const CrossRule& rule : e.rules) {
    const Value& a = r.Get(rule.a);
    const Value& b = r.Get(rule.b);
    switch (rule.kind) {
      case RuleKind::kNotBefore: {
        std::int64_t ka = 0, kb = 0;
        if (!IsNull(a) && !IsNull(b) && Comparable(a, b, &ka, &kb) && kb < ka) {
          return InvalidArgument(std::string(rule.b) + " (" + ValueToText(b) + ") is before " +
                                     std::string(rule.a) + " (" + ValueToText(a) + ")",
                                 std::string(rule.b));
        }
        break;
      }
      case RuleKind::kRequiredWith:
        if (IsNull(a) && !IsNull(b)) {
          return InvalidArgument("is required when " + std::string(rule.b) + " is given",
                                 std::string(rule.a));
        }
        break;
      case RuleKind::kAtMostOneOf:
        if (!IsNull(a) && !IsNull(b)) {
          return InvalidArgument(
              "give " + std::string(rule.a) + " or " + std::string(rule.b) + ", not both",
              std::string(rule.b));
        }
        break;
      case RuleKind::kExactlyOneOf:
        if (IsNull(a) == IsNull(b)) {
          return InvalidArgument(
              "give exactly one of " + std::string(rule.a) + " and " + std::string(rule.b),
              std::string(rule.a));
        }
        break;
    }
  }
  return Status::Ok();
}

Result<Value> ParseValue(const FieldDesc& f, std::string_view text) {
  const std::string field(f.name);
  if (text.empty()) return Value{};
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kCode:
      return Value{std::string(text)};
    case FieldType::kInt:
    case FieldType::kRef: {
      std::int64_t i = 0;
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
      if (ec != std::errc() || p != text.data() + text.size()) {
        return InvalidArgument("expected a whole number, got " + Quote(text), field);
      }
      return Value{i};
    }
    case FieldType::kReal: {
      char* end = nullptr;
      const std::string s(text);
      const double d = std::strtod(s.c_str(), &end);
      if (end != s.c_str() + s.size())
        return InvalidArgument("expected a number, got " + Quote(text), field);
      return Value{d};
    }
    case FieldType::kBool:
      if (text == "true" || text == "1") return Value{true};
      if (text == "false" || text == "0") return Value{false};
      return InvalidArgument("expected true or false, got " + Quote(text), field);
    case FieldType::kDate: {
      auto d = Date::Parse(text);
      if (!d.ok()) return InvalidArgument(d.status().message(), field);
      return Value{*d};
    }
    case FieldType::kTimestamp: {
      auto t = Timestamp::Parse(text);
      if (!t.ok()) return InvalidArgument(t.status().message(), field);
      return Value{*t};
    }
    case FieldType::kCodeSet: {
      CodeSet set;
      size_t pos = 0;
      while (pos <= text.size()) {
        size_t end = text.find(',', pos);
        if (end == std::string_view::npos) end = text.size();
        if (end > pos) set.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
      }
      return Value{std::move(set)};
    }
  }
  return Internal("unhandled field type");
}

std::string ValueToText(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return FormatDouble(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(Date d) const { return d.ToString(); }
    std::string operator()(Timestamp t) const { return t.ToString(); }
    std::string operator()(const CodeSet& set) const {
      std::string out;
      for (size_t i = 0; i < set.size(); ++i) {
        if (i) out += ',';
        out += set[i];
      }
      return out;
    }
  };
  return std::visit(Visitor{}, v);
}

std::string RecordToJson(const Record& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("id").Int(r.meta().id);
  w.Key("version").Int(r.meta().version);
  for (size_t i = 0; i < r.entity().fields.size(); ++i) {
    const Value& v = r.values()[i];
    w.Key(r.entity().fields[i].name);
    if (IsNull(v)) {
      w.Null();
    } else if (auto* n = std::get_if<std::int64_t>(&v)) {
      w.Int(*n);
    } else if (auto* d = std::get_if<double>(&v)) {
      w.Double(*d);
    } else if (auto* b = std::get_if<bool>(&v)) {
      w.Bool(*b);
    } else if (auto* set = std::get_if<CodeSet>(&v)) {
      w.BeginArray();
      for (const auto& s : *set) w.String(s);
      w.EndArray();
    } else {
      w.String(ValueToText(v));
    }
  }
  w.EndObject();
  return w.Take();
}

char UpnCheckLetter(std::string_view s) {
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  if (s.size() != 12) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 12; ++i) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    int value = 0;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (i == 11) {  // a temporary UPN ends in a letter
      const size_t pos = kLetters.find(c);
      if (pos == std::string_view::npos) return '\0';
      value = static_cast<int>(pos);
    } else {
      return '\0';
    }
    sum += value * static_cast<int>(i + 2);
  }
  return kLetters[static_cast<size_t>(sum % 23)];
}

bool IsValidUpn(std::string_view upn) {
  if (upn.size() != 13) return false;
  const char check = UpnCheckLetter(upn.substr(1));
  return check != '\0' && std::toupper(static_cast<unsigned char>(upn[0])) == check;
}

bool IsValidPostcode(std::string_view pc) {
  // Outward code: A9, A99, AA9, AA99, A9A, AA9A; then an optional space; inward code: 9AA.
  std::string s;
  for (char c : pc) {
    if (c != ' ') s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (pc.size() > 8 || s.size() < 5 || s.size() > 7) return false;
  const std::string_view in = std::string_view(s).substr(s.size() - 3);
  if (!std::isdigit(static_cast<unsigned char>(in[0])) ||
      !std::isalpha(static_cast<unsigned char>(in[1])) ||
      !std::isalpha(static_cast<unsigned char>(in[2]))) {
    return false;
  }
  const std::string_view out = std::string_view(s).substr(0, s.size() - 3);
  auto a = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  auto d = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (!a(out[0])) return false;
  switch (out.size()) {
    case 2:
      return d(out[1]);
    case 3:
      return (d(out[1]) && (d(out[2]) || a(out[2]))) || (a(out[1]) && d(out[2]));
    case 4:
      return a(out[1]) && d(out[2]) && (d(out[3]) || a(out[3]));
    default:
      return false;
  }
}

}  // namespace sg

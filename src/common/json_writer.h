#pragma once
// A small streaming JSON writer for places that must not depend on a JSON library (history
// rows, log lines, CLI output). Produces compact, valid JSON with strings escaped per RFC 8259.
// Not thread-safe; one writer per document.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sg {

// Shortest text that reads back as the same double ("0.5", "1e+20"); "null" if not finite.
std::string FormatDouble(double d);
// Appends `s` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string* out, std::string_view s);

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(std::int64_t i);
  JsonWriter& Double(double d);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  // Inserts already-serialised JSON as a value.
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  std::string out_;
  // One entry per open container: true once it has a member.
  std::vector<bool> has_member_;
  bool after_key_ = false;
};

}  // namespace sg

#include "common/json_writer.h"

#include <gtest/gtest.h>

namespace sg {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommas) {
  JsonWriter w;
  w.BeginObject().Key("a").Int(1).Key("b").BeginArray().String("x").Bool(true).Null().EndArray();
  w.Key("c").Double(0.5).EndObject();
  EXPECT_EQ(w.str(), R"({"a":1,"b":["x",true,null],"c":0.5})");
}

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
  JsonWriter w;
  w.String("a\"b\\c\n\x01");
  EXPECT_EQ(w.str(), "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST(JsonWriter, NonFiniteDoublesBecomeNull) {
  EXPECT_EQ(FormatDouble(1.0 / 0.0), "null");
  EXPECT_EQ(FormatDouble(0.1), "0.1");
}

}  // namespace
}  // namespace sg

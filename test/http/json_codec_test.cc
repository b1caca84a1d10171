#include "http/json_codec.h"

#include <gtest/gtest.h>

namespace sg {
namespace {

using nlohmann::json;

TEST(JsonCodec, ParsesTypedFieldsAndIgnoresTheStamp) {
  json body = {{"id", 99},
               {"version", 4},
               {"la_child_id", "X1"},
               {"first_name", "A"},
               {"last_name", "B"},
               {"date_of_birth", "2015-02-03"},
               {"uasc", true},
               {"disabilities", {"MOB", "HAND"}}};
  auto r = RecordFromJson(Entity("child"), body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->meta().id, 0);
  EXPECT_EQ(r->Get("date_of_birth"), Value{*Date::Parse("2015-02-03")});
  EXPECT_EQ(r->Get("uasc"), Value{true});
  EXPECT_EQ(r->Get("disabilities"), (Value{CodeSet{"MOB", "HAND"}}));
  json out = RecordToJsonValue(*r);
  EXPECT_EQ(out["date_of_birth"], "2015-02-03");
  EXPECT_EQ(out["disabilities"], json({"MOB", "HAND"}));
  EXPECT_TRUE(out["upn"].is_null());
}

TEST(JsonCodec, WrongTypesAndUnknownFieldsNameTheField) {
  auto r = RecordFromJson(Entity("child"), {{"first_name", 12}});
  EXPECT_EQ(r.status().field(), "first_name");
  EXPECT_NE(r.status().message().find("expected a string"), std::string::npos);
  EXPECT_EQ(RecordFromJson(Entity("child"), {{"favourite_colour", "red"}}).status().field(),
            "favourite_colour");
  EXPECT_EQ(RecordFromJson(Entity("child"), {{"date_of_birth", "03/02/2015"}}).status().field(),
            "date_of_birth");
  EXPECT_EQ(RecordFromJson(Entity("child"), {{"uasc", "yes"}}).status().field(), "uasc");
  EXPECT_EQ(RecordFromJson(Entity("contact"), {{"child_id", 1.5}}).status().field(), "child_id");
  EXPECT_EQ(RecordFromJson(Entity("child"), {{"disabilities", "MOB"}}).status().field(),
            "disabilities");
}

TEST(JsonCodec, PatchNullClearsAField) {
  auto r = RecordFromJson(Entity("child"), {{"other_names", "Bee"}});
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(ApplyJsonPatch(*r, {{"other_names", nullptr}}).ok());
  EXPECT_TRUE(IsNull(r->Get("other_names")));
}

TEST(JsonCodec, MalformedJsonSaysWhere) {
  auto j = ParseJson("{\"a\": tru}");
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.status().message().find("column"), std::string::npos) << j.status().message();
}

TEST(JsonCodec, ErrorBodyShape) {
  json e = ErrorBody(InvalidArgument("is required", "first_name"));
  EXPECT_EQ(e["error"]["code"], "invalid_argument");
  EXPECT_EQ(e["error"]["message"], "is required");
  EXPECT_EQ(e["error"]["field"], "first_name");
  EXPECT_TRUE(ErrorBody(NotFound("x"))["error"]["field"].is_null());
}

}  // namespace
}  // namespace sg

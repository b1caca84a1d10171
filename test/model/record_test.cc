#include "model/record.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace sg {
namespace {

using testing::TestNow;

Record Child() {
  Record r(Entity("child"));
  r.Set("la_child_id", std::string("C1"));
  r.Set("first_name", std::string("Ann"));
  r.Set("last_name", std::string("Example"));
  r.Set("date_of_birth", *Date::Parse("2015-04-01"));
  return r;
}

TEST(Record, AValidChildPasses) {
  Record r = Child();
  NormaliseRecord(r);
  EXPECT_TRUE(ValidateRecord(r, TestNow()).ok());
  EXPECT_EQ(r.Get("uasc"), Value{false});
}

TEST(Record, MissingRequiredFieldIsNamed) {
  Record r = Child();
  r.Set("first_name", Value{});
  Status s = ValidateRecord(r, TestNow());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "first_name");
}

TEST(Record, BlankRequiredTextIsRefused) {
  Record r = Child();
  r.Set("last_name", std::string("   "));
  EXPECT_EQ(ValidateRecord(r, TestNow()).field(), "last_name");
}

TEST(Record, FutureDateOfBirthIsRefused) {
  Record r = Child();
  r.Set("date_of_birth", *Date::Parse("2026-03-03"));
  Status s = ValidateRecord(r, TestNow());
  EXPECT_EQ(s.field(), "date_of_birth");
  EXPECT_NE(s.message().find("future"), std::string::npos);
  r.Set("date_of_birth", *Date::Parse("2026-03-02"));  // today is fine
  EXPECT_TRUE(ValidateRecord(r, TestNow()).ok());
}

TEST(Record, UnknownCodeNamesTheListAndCodes) {
  Record r = Child();
  r.Set("ethnicity", std::string("XXXX"));
  Status s = ValidateRecord(r, TestNow());
  EXPECT_EQ(s.field(), "ethnicity");
  EXPECT_NE(s.message().find("WBRI"), std::string::npos) << s.message();
  r.Set("ethnicity", std::string("WBRI"));
  EXPECT_TRUE(ValidateRecord(r, TestNow()).ok());
}

TEST(Record, CodeSetsRejectUnknownAndRepeatedCodes) {
  Record r = Child();
  r.Set("disabilities", CodeSet{"MOB", "HAND"});
  EXPECT_TRUE(ValidateRecord(r, TestNow()).ok());
  r.Set("disabilities", CodeSet{"MOB", "MOB"});
  EXPECT_EQ(ValidateRecord(r, TestNow()).field(), "disabilities");
  r.Set("disabilities", CodeSet{"FLY"});
  EXPECT_EQ(ValidateRecord(r, TestNow()).field(), "disabilities");
}

TEST(Record, CrossFieldRules) {
  // Exactly one of date of birth and expected date of birth.
  Record r = Child();
  r.Set("expected_date_of_birth", *Date::Parse("2026-05-01"));
  EXPECT_EQ(ValidateRecord(r, TestNow()).field(), "date_of_birth");
  // A plan cannot end before it starts.
  Record plan(Entity("cp_plan"));
  plan.Set("referral_id", Id{1});
  plan.Set("child_id", Id{1});
  plan.Set("start_date", *Date::Parse("2025-06-01"));
  plan.Set("initial_category", std::string("NEG"));
  EXPECT_TRUE(ValidateRecord(plan, TestNow()).ok());
  plan.Set("end_date", *Date::Parse("2025-05-31"));
  Status s = ValidateRecord(plan, TestNow());
  EXPECT_EQ(s.field(), "end_date");
  EXPECT_NE(s.message().find("before start_date"), std::string::npos) << s.message();
  // A closure date needs a reason.
  Record ref(Entity("referral"));
  ref.Set("child_id", Id{1});
  ref.Set("referral_date", *Date::Parse("2025-06-01"));
  ref.Set("source", std::string("1A"));
  ref.Set("closure_date", *Date::Parse("2025-07-01"));
  EXPECT_EQ(ValidateRecord(ref, TestNow()).field(), "closure_reason");
}

TEST(Record, ContactDecisionCannotPrecedeReceipt) {
  Record c(Entity("contact"));
  c.Set("child_id", Id{1});
  c.Set("received_at", *Timestamp::Parse("2026-01-05T10:00:00Z"));
  c.Set("source", std::string("2A"));
  c.Set("concern", std::string("x"));
  c.Set("decision", std::string("NFA"));
  c.Set("decided_at", *Timestamp::Parse("2026-01-05T09:59:00Z"));
  EXPECT_EQ(ValidateRecord(c, TestNow()).field(), "decided_at");
  c.Set("decided_at", *Timestamp::Parse("2026-01-05T10:01:00Z"));
  EXPECT_TRUE(ValidateRecord(c, TestNow()).ok());
}

TEST(Upn, CheckLetter) {
  // Check letter computed by hand: digits 2..13 weighted 2..13, sum mod 23.
  // "A12345678901" -> 1*2+2*3+...: we test round trip and a corruption.
  const std::string body = "801200001001";
  const char check = UpnCheckLetter(body);
  ASSERT_NE(check, '\0');
  const std::string upn = std::string(1, check) + body;
  EXPECT_TRUE(IsValidUpn(upn));
  std::string wrong = upn;
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(IsValidUpn(wrong));
  EXPECT_FALSE(IsValidUpn(upn.substr(0, 12)));
  EXPECT_FALSE(IsValidUpn("X8012000010I1"));
}

TEST(Upn, KnownValue) {
  // Weighted sum of "000000000000" is 0 -> 'A'.
  EXPECT_EQ(UpnCheckLetter("000000000000"), 'A');
  // "000000000001": 1*13 = 13 -> letters[13] = 'P' (I and O are skipped).
  EXPECT_EQ(UpnCheckLetter("000000000001"), 'P');
  // A temporary UPN ends in a letter: 'B' counts as 1.
  EXPECT_EQ(UpnCheckLetter("00000000000B"), 'P');
}

TEST(Postcode, AcceptsUkShapes) {
  for (const char* ok :
       {"WR1 2AB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "wr12ab"}) {
    EXPECT_TRUE(IsValidPostcode(ok)) << ok;
  }
  for (const char* bad : {"", "WR1", "12345", "WR1 2A", "WRR1 2AB", "W1 AAA"}) {
    EXPECT_FALSE(IsValidPostcode(bad)) << bad;
  }
}

TEST(ParseValue, TypedParsingWithFieldNames) {
  const EntityDesc& e = Entity("cp_plan");
  const FieldDesc& prev = e.fields[static_cast<size_t>(e.FieldIndex("previous_plans"))];
  EXPECT_EQ(*ParseValue(prev, "3"), Value{std::int64_t{3}});
  EXPECT_EQ(ParseValue(prev, "3x").status().field(), "previous_plans");
  EXPECT_TRUE(IsNull(*ParseValue(prev, "")));
  const FieldDesc& start = e.fields[static_cast<size_t>(e.FieldIndex("start_date"))];
  EXPECT_EQ(ParseValue(start, "2025-02-30").status().field(), "start_date");
}

TEST(RecordJson, HistoryFormIsValidJsonWithAllFields) {
  Record r = Child();
  r.meta().id = 7;
  r.meta().version = 2;
  r.Set("other_names", std::string("\"Annie\""));
  const std::string json = RecordToJson(r);
  EXPECT_NE(json.find("\"id\":7"), std::string::npos);
  EXPECT_NE(json.find("\"other_names\":\"\\\"Annie\\\"\""), std::string::npos);
  EXPECT_NE(json.find("\"date_of_birth\":\"2015-04-01\""), std::string::npos);
  EXPECT_NE(json.find("\"upn\":null"), std::string::npos);
}

}  // namespace
}  // namespace sg

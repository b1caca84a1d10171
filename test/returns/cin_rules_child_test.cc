// Golden tests of the CIN rules on the header and the child's identifiers and characteristics.

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "returns/cin_rule_test_util.h"

namespace sg::cin {
namespace {

using testing::CensusOf;
using testing::Flagged;
using testing::Replace;
using testing::ValidChild;
using Ids = std::multiset<std::string>;

// The child with its UPN element's text replaced by `upn`.
std::string WithUpn(const std::string& child, std::string_view upn) {
  const size_t from = child.find("<UPN>") + 5;
  const size_t to = child.find("</UPN>");
  return child.substr(0, from) + std::string(upn) + child.substr(to);
}

// The child with `elements` added after its Sex element (death date, expected birth date).
std::string AfterSex(const std::string& child, std::string_view elements) {
  return Replace(child, "<Sex>F</Sex>\n", "<Sex>F</Sex>\n" + std::string(elements));
}

// The child with a date of death.
std::string Died(std::string_view id, std::string_view date) {
  return AfterSex(ValidChild(id), "<PersonDeathDate>" + std::string(date) + "</PersonDeathDate>\n");
}

// The child unborn: no date of birth, an expected one.
std::string Unborn(std::string_view id, std::string_view expected, std::string_view sex = "U") {
  std::string c =
      Replace(ValidChild(id), "<PersonBirthDate>2015-06-01</PersonBirthDate>\n",
              "<ExpectedPersonBirthDate>" + std::string(expected) + "</ExpectedPersonBirthDate>\n");
  return Replace(c, "<Sex>F</Sex>", "<Sex>" + std::string(sex) + "</Sex>");
}

// The child with its disability NONE replaced by `codes` (each a Disability element).
std::string WithDisabilities(std::string_view id, std::initializer_list<std::string_view> codes,
                             std::string_view upn_serial = "001") {
  std::string list;
  for (std::string_view c : codes) list += "<Disability>" + std::string(c) + "</Disability>\n";
  return Replace(ValidChild(id, upn_serial), "<Disability>NONE</Disability>\n", list);
}

// The child born on `date`.
std::string BornOn(std::string_view id, std::string_view date) {
  return Replace(ValidChild(id), "<PersonBirthDate>2015-06-01</PersonBirthDate>",
                 "<PersonBirthDate>" + std::string(date) + "</PersonBirthDate>");
}

// The child's ReferralNFA set to `nfa`.
std::string WithNfa(const std::string& child, std::string_view nfa) {
  return Replace(child, "<ReferralNFA>0</ReferralNFA>",
                 "<ReferralNFA>" + std::string(nfa) + "</ReferralNFA>");
}

TEST(CinRule, R100) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild()), "100"), Ids{});
  EXPECT_EQ(Flagged(CensusOf(ValidChild(), "2026-03-30"), "100"), Ids{""});
}

TEST(CinRule, R1510) {
  const std::string good = ValidChild("A");
  const size_t at = good.find("<UPN>") + 5;
  std::string bad = ValidChild("B");
  bad[bad.find("<UPN>") + 5] = good[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(Flagged(CensusOf(good + bad), "1510"), Ids{"B"});
}

TEST(CinRule, R8500) {
  const std::string bad = Replace(ValidChild("X"), "<LAchildID>X</LAchildID>", "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + bad), "8500"), Ids{""});
}

TEST(CinRule, R8510) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A", "001") + ValidChild("B", "002")), "8510"), Ids{});
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A", "001") + ValidChild("A", "002")), "8510"),
            (Ids{"A", "A"}));
}

TEST(CinRule, R1520) {
  // A and C share a UPN; D and E have none (absent UPNs are not compared).
  const std::string d = WithUpn(ValidChild("D"), "");
  const std::string e = WithUpn(ValidChild("E"), "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A", "001") + ValidChild("B", "002") +
                             ValidChild("C", "001") + d + e),
                    "1520"),
            (Ids{"A", "C"}));
}

TEST(CinRule, R1530) {
  const std::string pseudo = WithUpn(ValidChild("P"), "A001123415001");    // pseudo-LA 001
  const std::string peer = WithUpn(ValidChild("Q"), "A660123415001");      // 660-681
  const std::string bad = WithUpn(ValidChild("B"), "A999123415001");       // no LA 999
  const std::string short_upn = WithUpn(ValidChild("S"), "A99912341500");  // 1540's concern
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + pseudo + peer + bad + short_upn), "1530"), Ids{"B"});
}

TEST(CinRule, R1540) {
  const std::string letter = WithUpn(ValidChild("B"), "A8851234X5001");
  const std::string short_upn = WithUpn(ValidChild("C"), "A885");
  const std::string twelve = WithUpn(ValidChild("D"), "A88512341500");  // chars 5-12 digits
  const std::string last_letter = WithUpn(ValidChild("E"), "A88512341500A");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + letter + short_upn + twelve + last_letter), "1540"),
            (Ids{"B", "C"}));
}

TEST(CinRule, R1550) {
  const std::string temporary = WithUpn(ValidChild("T"), "A88512341500A");
  const std::string i = WithUpn(ValidChild("I"), "A88512341500I");
  const std::string o = WithUpn(ValidChild("O"), "A88512341500O");
  const std::string s = WithUpn(ValidChild("S"), "A88512341500S");
  const std::string lower = WithUpn(ValidChild("L"), "A88512341500a");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + temporary + i + o + s + lower), "1550"),
            (Ids{"I", "O", "S", "L"}));
}

TEST(CinRule, R1560Q) {
  auto former = [](std::string_view id, std::string_view f) {
    return Replace(ValidChild(id), "</UPN>\n",
                   "</UPN>\n<FormerUPN>" + std::string(f) + "</FormerUPN>\n");
  };
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + former("P", "X987654321231") +
                             former("T", "X98765432123B") + former("B", "X0000y0000007") +
                             former("C", "X98721238") + former("D", "X98765432123I") +
                             former("E", "198765432123B")),
                    "1560Q"),
            (Ids{"B", "C", "D", "E"}));
}

TEST(CinRule, R1570) {
  const std::string twenty(20, 'X');
  const std::string twenty_one(21, 'Y');
  const std::string accented = "\xC3\xA9" + std::string(19, 'Z');  // 20 characters, 21 bytes
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild(twenty) + ValidChild(twenty_one) + ValidChild(accented)), "1570"),
      Ids{twenty_one});
}

TEST(CinRule, R1580) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("AB1") + ValidChild("AB_1") + ValidChild("A B") +
                             ValidChild("ab9Z")),
                    "1580"),
            (Ids{"AB_1", "A B"}));
}

TEST(CinRule, R2886Q) {
  // n children, the first `unknown` of them with sex U.
  auto census = [](int n, int unknown, std::string_view extra = "") {
    std::string xml;
    for (int k = 0; k < n; ++k) {
      const std::string serial = std::string(k < 10 ? "00" : "0") + std::to_string(k);
      std::string c = ValidChild("C" + std::to_string(k), serial);
      if (k < unknown) c = Replace(c, "<Sex>F</Sex>", "<Sex>U</Sex>");
      xml += c;
    }
    return CensusOf(xml + std::string(extra));
  };
  EXPECT_EQ(Flagged(census(50, 1), "2886Q"), Ids{});    // 2%: allowed
  EXPECT_EQ(Flagged(census(49, 1), "2886Q"), Ids{""});  // 2.04%: one finding for the file
  // An unborn child with sex U is not counted (but counts among the children).
  EXPECT_EQ(
      Flagged(census(48, 0, Unborn("U1", "2026-06-01") + Unborn("U2", "2026-06-01")), "2886Q"),
      Ids{});
  // Sex absent counts as not recorded.
  const std::string no_sex = Replace(ValidChild("N", "900"), "<Sex>F</Sex>\n", "");
  EXPECT_EQ(Flagged(census(48, 0, no_sex), "2886Q"), Ids{""});
}

TEST(CinRule, R2887Q) {
  // Only NONE: no disability code used.
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A")), "2887Q"), Ids{""});
  const std::string eight = WithDisabilities("A", {"MOB", "HAND", "PC", "INC"}, "001") +
                            WithDisabilities("B", {"COMM", "LD", "HEAR", "VIS"}, "002");
  EXPECT_EQ(Flagged(CensusOf(eight + ValidChild("C", "003")), "2887Q"), Ids{});
  // Seven codes, one repeated, one unknown: 7 different codes.
  const std::string seven = WithDisabilities("A", {"MOB", "HAND", "PC", "INC"}, "001") +
                            WithDisabilities("B", {"COMM", "LD", "HEAR", "MOB", "XYZ"}, "002");
  EXPECT_EQ(Flagged(CensusOf(seven), "2887Q"), Ids{""});
}

TEST(CinRule, R2888Q) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A", "001") + ValidChild("B", "002")), "2888Q"), Ids{});
  EXPECT_EQ(Flagged(CensusOf(WithDisabilities("A", {"MOB"}, "001") +
                             WithDisabilities("B", {"HAND"}, "002") + ValidChild("C", "003")),
                    "2888Q"),
            Ids{""});
  EXPECT_EQ(Flagged(CensusOf(WithDisabilities("A", {"MOB"}, "001") +
                             WithDisabilities("B", {"HAND", "VIS"}, "002")),
                    "2888Q"),
            Ids{});
}

TEST(CinRule, R4008) {
  // The CIN plan starts on 2025-06-11.
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + Died("S", "2025-06-11") + Died("B", "2025-06-10")),
                    "4008"),
            Ids{"B"});
}

TEST(CinRule, R4009Q) {
  // The CIN plan ends on 2025-09-01.
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + Died("S", "2025-09-01") + Died("B", "2025-08-31")),
                    "4009Q"),
            Ids{"B"});
}

TEST(CinRule, R4180) {
  auto sex = [](std::string_view id, std::string_view element) {
    return Replace(ValidChild(id), "<Sex>F</Sex>\n", std::string(element));
  };
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + sex("M", "<Sex>M</Sex>\n") + sex("U", "<Sex>U</Sex>\n") +
                       sex("B", "<Sex>1</Sex>\n") + sex("C", "") + sex("D", "<Sex>m</Sex>\n") +
                       sex("G", "<GenderCurrent>2</GenderCurrent>\n") +
                       sex("H", "<GenderCurrent>9</GenderCurrent>\n")),
              "4180"),
      (Ids{"B", "C", "D", "H"}));
}

TEST(CinRule, R4220) {
  auto eth = [](std::string_view id, std::string_view element) {
    return Replace(ValidChild(id), "<Ethnicity>WBRI</Ethnicity>\n", std::string(element));
  };
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + eth("N", "<Ethnicity>NOBT</Ethnicity>\n") +
                             eth("B", "<Ethnicity>XXXX</Ethnicity>\n") + eth("C", "") +
                             eth("D", "<Ethnicity>wbri</Ethnicity>\n")),
                    "4220"),
            (Ids{"B", "C", "D"}));
}

TEST(CinRule, R8520) {
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + BornOn("R", "2026-03-31") + BornOn("B", "2026-04-01")),
              "8520"),
      Ids{"B"});
}

TEST(CinRule, R8525Q) {
  const std::string both =
      AfterSex(ValidChild("B"), "<ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>\n");
  const std::string neither =
      Replace(ValidChild("C"), "<PersonBirthDate>2015-06-01</PersonBirthDate>\n", "");
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + Unborn("U", "2026-05-01") + both + neither), "8525Q"),
      (Ids{"B", "C"}));
}

TEST(CinRule, R8530Q) {
  // 30 days before 31 March 2026 is 1 March; 9 months after is 31 December.
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + Unborn("E1", "2026-03-01") + Unborn("E2", "2026-12-31") +
                       Unborn("B", "2026-02-28") + Unborn("C", "2027-01-01")),
              "8530Q"),
      (Ids{"B", "C"}));
}

TEST(CinRule, R8535Q) {
  // Born on 2015-06-01.
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + Died("S", "2015-06-01") + Died("B", "2015-05-31")),
                    "8535Q"),
            Ids{"B"});
}

TEST(CinRule, R8540) {
  const std::string none_block = "<Disabilities>\n<Disability>NONE</Disability>\n</Disabilities>\n";
  const std::string missing = Replace(ValidChild("B"), none_block, "");
  const std::string invalid = WithDisabilities("C", {"MOB", "XYZ"});
  const std::string nfa = WithNfa(Replace(ValidChild("D"), none_block, ""), "1");
  const std::string nfa_false = WithNfa(WithDisabilities("E", {"xyz"}), "false");
  const std::string unborn = Replace(Unborn("F", "2026-05-01"), none_block, "");
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + WithDisabilities("V", {"MOB", "AUT"}) + missing +
                             invalid + nfa + nfa_false + unborn),
                    "8540"),
            (Ids{"B", "C", "E"}));
}

TEST(CinRule, R8545Q) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + Died("S", "2025-04-01") + Died("R", "2026-03-31") +
                             Died("B", "2025-03-31") + Died("C", "2026-04-01")),
                    "8545Q"),
            (Ids{"B", "C"}));
}

TEST(CinRule, R8590) {
  const std::string c = ValidChild("B");
  const size_t from = c.find("<CINdetails>");
  const size_t to = c.find("</CINdetails>\n") + std::string("</CINdetails>\n").size();
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + c.substr(0, from) + c.substr(to)), "8590"),
            Ids{"B"});
}

TEST(CinRule, R8750) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + Unborn("U", "2026-05-01") +
                             Unborn("B", "2026-05-01", "F")),
                    "8750"),
            Ids{"B"});
}

TEST(CinRule, R8770Q) {
  // School age for 2025/26: born on or before 31 August 2020.
  auto no_upn = [](std::string_view id, std::string_view born, std::string_view reason = "") {
    std::string c = Replace(BornOn(id, born), "<UPN>", "<UPNx>");
    const size_t from = c.find("<UPNx>");
    const size_t to = c.find("</UPN>\n") + 7;
    const std::string unknown =
        reason.empty() ? "" : "<UPNunknown>" + std::string(reason) + "</UPNunknown>\n";
    return c.substr(0, from) + unknown + c.substr(to);
  };
  EXPECT_EQ(
      Flagged(CensusOf(ValidChild("A") + no_upn("B", "2020-08-31") + no_upn("Y", "2020-09-01") +
                       no_upn("C", "2015-06-01", "UN1") + no_upn("R", "2015-06-01", "UN2") +
                       no_upn("S", "2015-06-01", "UN7") + WithNfa(no_upn("N", "2015-06-01"), "1")),
              "8770Q"),
      (Ids{"B", "C"}));
}

TEST(CinRule, R8772) {
  auto un7 = [](std::string_view id) {
    return Replace(ValidChild(id), "</UPN>\n", "</UPN>\n<UPNunknown>UN7</UPNunknown>\n");
  };
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + WithNfa(un7("N"), "true") + un7("B") +
                             WithNfa(un7("C"), "false")),
                    "8772"),
            (Ids{"B", "C"}));
}

TEST(CinRule, R8775Q) {
  // 25 years before 31 March 2026 is 31 March 2001: born before it is over 25.
  auto closed = [](std::string_view id, std::string_view born, std::string_view on) {
    return Replace(BornOn(id, born), "<PrimaryNeedCode>N1</PrimaryNeedCode>\n",
                   "<PrimaryNeedCode>N1</PrimaryNeedCode>\n<CINclosureDate>" + std::string(on) +
                       "</CINclosureDate>\n<ReasonForClosure>RC1</ReasonForClosure>\n");
  };
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + BornOn("Y", "2001-03-31") +
                             BornOn("B", "2001-03-30") + closed("C", "2001-03-30", "2026-03-30") +
                             closed("D", "2001-03-30", "2026-03-31")),
                    "8775Q"),
            (Ids{"B", "D"}));
}

TEST(CinRule, R8790) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + WithDisabilities("B", {"NONE", "MOB"}) +
                             WithDisabilities("C", {"MOB", "HAND"}) +
                             WithDisabilities("D", {"NONE", "NONE"})),
                    "8790"),
            Ids{"B"});
}

TEST(CinRule, R8794) {
  EXPECT_EQ(Flagged(CensusOf(ValidChild("A") + WithDisabilities("B", {"MOB", "HAND", "MOB"}) +
                             WithDisabilities("C", {"MOB", "HAND"}) +
                             WithDisabilities("D", {"NONE", "NONE"})),
                    "8794"),
            (Ids{"B", "D"}));
}

}  // namespace
}  // namespace sg::cin

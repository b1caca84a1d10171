// Safeguard's CIN findings on the shipped fixtures against the community validator's
// (test/fixtures/cin/cin_*.csv: unique rule/child pairs), rule by rule. Prints the agreement;
// fails on a disagreement that docs/returns/cin-differences.md does not explain (the rules
// listed in kDocumented below).

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "returns/cin_reader.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

using Pairs = std::set<std::pair<std::string, std::string>>;  // (rule, child)

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Pairs Peer(const std::string& file) {
  Pairs out;
  (void)ForEachLine(Slurp(std::string(SG_TEST_FIXTURES) + "/cin/" + file),
                    [&](int n, std::string_view line) {
                      if (n > 1 && !line.empty()) {
                        auto cells = SplitCsvLine(line);
                        out.insert({cells.at(0), cells.size() > 1 ? cells[1] : ""});
                      }
                      return Status::Ok();
                    });
  return out;
}

Pairs Ours(const std::string& file) {
  auto read = ReadFile(std::string(SG_TEST_FIXTURES) + "/cin/" + file);
  EXPECT_TRUE(read.ok());
  Pairs out;
  if (!read.ok()) return out;
  // The peer ran rule set cin2025_26 with each file's own header.
  for (const Finding& f : Validate(read->census)) {
    // The peer's lists hold findings about a child only: file-level ones (rule 100, the
    // shares of codes) are not compared.
    if (f.rule == "XSD" || f.rule == "XML" || f.child.empty()) continue;
    out.insert({f.rule, f.child});
  }
  return out;
}

// Rules whose disagreement with the peer is explained in docs/returns/cin-differences.md.
const std::set<std::string> kDocumented = {"1560Q", "4180", "8545Q", "8569Q", "8620"};

TEST(CinPeer, FindingsAgreeWithTheCommunityValidatorRuleByRule) {
  std::map<std::string, std::pair<int, int>> per_rule;  // rule -> (agree, disagree)
  std::vector<std::string> unexplained;
  for (const char* name : {"CIN_Census_2024", "CIN_Census_2026", "fake_CIN_data"}) {
    const Pairs peer = Peer(std::string("cin_") + name + ".csv");
    const Pairs ours = Ours(std::string(name) + ".xml");
    std::set<std::string> rules;
    for (const auto& p : peer) rules.insert(p.first);
    for (const auto& p : ours) rules.insert(p.first);
    for (const std::string& rule : rules) {
      if (!FindRule(rule)) continue;  // not yet registered: the registry test says so
      for (const auto& p : peer) {
        if (p.first != rule) continue;
        if (ours.count(p)) {
          ++per_rule[rule].first;
        } else {
          ++per_rule[rule].second;
          if (!kDocumented.count(rule)) {
            unexplained.push_back(std::string(name) + ": peer only " + rule + " " + p.second);
          }
        }
      }
      for (const auto& p : ours) {
        if (p.first == rule && !peer.count(p)) {
          ++per_rule[rule].second;
          if (!kDocumented.count(rule)) {
            unexplained.push_back(std::string(name) + ": ours only " + rule + " " + p.second);
          }
        }
      }
    }
  }
  int agree = 0, disagree = 0;
  for (const auto& [rule, n] : per_rule) {
    agree += n.first;
    disagree += n.second;
    if (n.second > 0) {
      std::printf("  rule %-6s agree %4d  differ %4d%s\n", rule.c_str(), n.first, n.second,
                  kDocumented.count(rule) ? "  (documented)" : "");
    }
  }
  std::printf("CIN fixtures: %d rule/child pairs agree with the community validator, %d differ\n",
              agree, disagree);
  for (size_t i = 0; i < unexplained.size() && i < 50; ++i) {
    ADD_FAILURE() << unexplained[i];
  }
}

}  // namespace
}  // namespace sg::cin

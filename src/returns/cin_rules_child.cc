// CIN census rules on the header, the child's identifiers and characteristics: codes 100,
// 15xx, 2886Q-2888Q, 4008-4009Q, 4180, 4220, 85xx, 8750-8794.
// Rule semantics: DfE's rule text for 2025/26 and the community validator
// (data-to-insight/csc-validator-be-cin), read, not copied; differences are listed in
// docs/returns/cin-differences.md.

#include <map>

#include "model/record.h"
#include "returns/cin_validate.h"

namespace sg::cin {
namespace {

// 100: the header's reference date is the census day of the collection year.
constexpr RuleInfo k100{"100", Severity::kError, "Reference Date is incorrect"};
void Check100(const Context& ctx, Findings& out) {
  const auto ref = ParseDate(ctx.census->header.reference_date);
  if (!ref || *ref != ctx.reference_date) {
    out.Add(k100, "", "Header/CollectionDetails", ctx.census->header.line, "ReferenceDate");
  }
}

// 1510: a UPN that is present and well formed has the right check letter.
constexpr RuleInfo k1510{"1510", Severity::kError,
                         "UPN invalid (wrong check letter at character 1)"};
void Check1510(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string& upn = children[i].upn;
    if (upn.size() != 13) continue;
    const char expected = UpnCheckLetter(std::string_view(upn).substr(1));
    if (expected != '\0' && expected != upn[0]) {
      out.Add(k1510, children[i].la_child_id, ChildPath(i) + "/ChildIdentifiers", children[i].line,
              "UPN");
    }
  }
}

// 8500: every child has an LA child id.
constexpr RuleInfo k8500{"8500", Severity::kError, "LA Child ID missing"};
void Check8500(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  for (size_t i = 0; i < children.size(); ++i) {
    if (children[i].la_child_id.empty()) {
      out.Add(k8500, "", ChildPath(i) + "/ChildIdentifiers", children[i].line, "LAchildID");
    }
  }
}

// 8510: no two children share an LA child id (each of them is reported).
constexpr RuleInfo k8510{"8510", Severity::kError,
                         "More than one child record with the same LA Child ID"};
void Check8510(const Context& ctx, Findings& out) {
  const auto& children = ctx.census->children;
  std::map<std::string_view, int> seen;
  for (const Child& c : children) {
    if (!c.la_child_id.empty()) ++seen[c.la_child_id];
  }
  for (size_t i = 0; i < children.size(); ++i) {
    const auto it = seen.find(children[i].la_child_id);
    if (it != seen.end() && it->second > 1) {
      out.Add(k8510, children[i].la_child_id, ChildPath(i) + "/ChildIdentifiers", children[i].line,
              "LAchildID");
    }
  }
}

}  // namespace

void AddChildRules(std::vector<Rule>& rules) {
  rules.push_back({k100, Check100});
  rules.push_back({k1510, Check1510});
  rules.push_back({k8500, Check8500});
  rules.push_back({k8510, Check8510});
}

}  // namespace sg::cin

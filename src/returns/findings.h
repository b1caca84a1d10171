#pragma once
// What the returns' validators report: one kind of finding for the CIN census and the SSDA903,
// so that one report writer serves both.

#include <string>
#include <string_view>
#include <vector>

namespace sg {

enum class Severity { kError, kQuery };

inline std::string_view SeverityName(Severity s) {
  return s == Severity::kError ? "error" : "query";
}

// A rule as DfE publishes it.
struct RuleInfo {
  std::string_view code;  // "8500", "2886Q"
  Severity severity = Severity::kError;
  std::string_view message;  // DfE's message (static storage: findings point at it)
};

struct Finding {
  std::string rule;  // the rule's code; "XSD" for the schema, "XML" for a file that is not XML
  Severity severity = Severity::kError;
  std::string child;  // LAchildID / CHILD; empty when the finding is about the file
  std::string path;   // where: "Child[3]/CINdetails[1]/Assessments[2]", "episodes.csv"
  int line = 0;       // line in the file of the element or CSV row; 0 = not from a file
  std::string field;  // the element or column at fault
  // What is wrong, in words: text(). A reader's finding has its own message; a rule's points at
  // the rule's message (static text: a county's findings share it rather than copy it).
  std::string message;            // its own message; empty for a rule's finding
  std::string_view rule_message;  // the rule's message, when `message` is empty
  std::string_view text() const { return message.empty() ? rule_message : message; }
};

// Findings as a validator collects them.
class Findings {
 public:
  void Add(const RuleInfo& rule, std::string child, std::string path, int line,
           std::string_view field) {
    list_.push_back({std::string(rule.code), rule.severity, std::move(child), std::move(path), line,
                     std::string(field), std::string(), rule.message});
  }
  void Add(Finding f) { list_.push_back(std::move(f)); }
  std::vector<Finding>& list() { return list_; }
  const std::vector<Finding>& list() const { return list_; }

 private:
  std::vector<Finding> list_;
};

}  // namespace sg

#include "returns/cin_reader.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "common/data_files.h"
#include "returns/cin_validate.h"

namespace sg::cin {

namespace {

// No network, no entity expansion (the default), libxml2's size limits kept (no HUGE).
constexpr int kParseOptions = XML_PARSE_NONET;

// The year in "<Tag>YYYY" within `head`, or 0.
int YearAfter(std::string_view head, std::string_view tag) {
  const size_t at = head.find(tag);
  if (at == std::string_view::npos) return 0;
  size_t i = at + tag.size();
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
    ++i;
  }
  if (i + 4 > head.size()) return 0;
  int year = 0;
  for (size_t k = i; k < i + 4; ++k) {
    if (head[k] < '0' || head[k] > '9') return 0;
    year = year * 10 + (head[k] - '0');
  }
  return year;
}

// The schema for a collection year, parsed once per process and shared (a parsed xmlSchema is
// read-only during validation, so threads may share it).
Result<xmlSchemaPtr> SchemaFor(int year) {
  const std::string file = year <= 2024   ? "schemas/CIN_schema_2024.xsd"
                           : year == 2025 ? "schemas/CIN_schema_2025.xsd"
                                          : "schemas/CIN_schema_2026.xsd";
  static std::mutex mu;
  static std::map<std::string, xmlSchemaPtr>* cache = new std::map<std::string, xmlSchemaPtr>;
  std::lock_guard<std::mutex> lock(mu);
  xmlInitParser();  // once, before a second thread uses libxml2 (idempotent)
  if (auto it = cache->find(file); it != cache->end()) return it->second;
  SG_ASSIGN_OR_RETURN(std::string text, ReadDataFile(file));
  xmlSchemaParserCtxtPtr ctx =
      xmlSchemaNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
  xmlSchemaPtr schema = xmlSchemaParse(ctx);
  xmlSchemaFreeParserCtxt(ctx);
  if (schema == nullptr) return Internal("the shipped schema " + file + " does not parse");
  (*cache)[file] = schema;
  return schema;
}

std::string Trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::strchr(" \t\r\n", s[b]) != nullptr) ++b;
  while (e > b && std::strchr(" \t\r\n", s[e - 1]) != nullptr) --e;
  return std::string(s.substr(b, e - b));
}

class Reader {
 public:
  explicit Reader(ReadResult* result) : r_(result) {}

  // Parses the bytes `next` hands out (empty = the end) with libxml2's SAX2 push parser: no
  // tree is built, each element goes straight into the census.
  void Run(const std::function<std::string_view()>& next) {
    // Errors reach OnError through libxml2's per-thread structured handler.
    xmlSetStructuredErrorFunc(this, &Reader::OnError);
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = [](void* self, const xmlChar* local, const xmlChar*, const xmlChar*, int,
                            const xmlChar**, int, int, const xmlChar**) {
      auto* me = static_cast<Reader*>(self);
      me->stack_.emplace_back(reinterpret_cast<const char*>(local));
      me->text_.clear();
      me->Start(xmlSAX2GetLineNumber(me->ctxt_));
    };
    sax.endElementNs = [](void* self, const xmlChar*, const xmlChar*, const xmlChar*) {
      static_cast<Reader*>(self)->End();
    };
    sax.characters = [](void* self, const xmlChar* ch, int len) {
      static_cast<Reader*>(self)->text_.append(reinterpret_cast<const char*>(ch),
                                               static_cast<size_t>(len));
    };
    sax.cdataBlock = sax.characters;
    std::string_view chunk = next();
    ctxt_ =
        xmlCreatePushParserCtxt(&sax, this, chunk.data(),
                                static_cast<int>(std::min<size_t>(chunk.size(), 4)), "census.xml");
    if (ctxt_ == nullptr) {
      r_->well_formed = false;
      xmlSetStructuredErrorFunc(nullptr, nullptr);
      return;
    }
    xmlCtxtUseOptions(ctxt_, kParseOptions);
    if (chunk.size() > 4)
      chunk.remove_prefix(4);
    else
      chunk = next();
    while (!chunk.empty()) {
      if (xmlParseChunk(ctxt_, chunk.data(), static_cast<int>(chunk.size()), 0) != 0) break;
      chunk = next();
    }
    xmlParseChunk(ctxt_, nullptr, 0, 1);
    if (!ctxt_->wellFormed) r_->well_formed = false;
    xmlFreeParserCtxt(ctxt_);
    ctxt_ = nullptr;
    xmlSetStructuredErrorFunc(nullptr, nullptr);
  }

 private:
  static void OnError(void* self, xmlErrorPtr e) {
    auto* me = static_cast<Reader*>(self);
    if (e == nullptr) return;
    std::string message = e->message != nullptr ? Trimmed(e->message) : "unknown error";
    const bool schema = e->domain == XML_FROM_SCHEMASV;
    // The draft 2026/27 block is kept but not validated.
    if (schema && message.find("PreProceedingsandFGDM") != std::string::npos) return;
    if (!schema) me->r_->well_formed = false;
    Finding f;
    f.rule = schema ? "XSD" : "XML";
    f.child = me->child_id_;
    f.line = e->line > 0 ? e->line : (me->ctxt_ != nullptr ? xmlSAX2GetLineNumber(me->ctxt_) : 0);
    f.field = me->stack_.empty() ? std::string() : me->stack_.back();
    f.path = me->Path();
    f.message = (schema ? "does not match the schema: " : "not well-formed XML: ") + message;
    // A file of garbage could report an error per byte: keep the first thousand.
    if (me->r_->findings.size() < 1000) me->r_->findings.push_back(std::move(f));
  }

  std::string Path() const {
    std::string p;
    for (size_t i = 1; i < stack_.size(); ++i) {  // Message is implied
      if (!p.empty()) p += '/';
      p += stack_[i];
    }
    return p;
  }

  bool At(std::initializer_list<std::string_view> tail) const {
    if (stack_.size() < tail.size()) return false;
    size_t i = stack_.size() - tail.size();
    for (std::string_view t : tail) {
      if (stack_[i++] != t) return false;
    }
    return true;
  }

  // The element just opened.
  void Start(int line) {
    const std::string& name = stack_.back();
    Census& c = r_->census;
    if (stack_.size() == 2 && name == "Header") c.header.line = line;
    if (stack_.size() == 3 && name == "Child" && At({"Children", "Child"})) {
      c.children.emplace_back();
      c.children.back().line = line;
      child_id_.clear();
      return;
    }
    if (c.children.empty() || stack_.size() < 4 || stack_[2] != "Child") return;
    Child& child = c.children.back();
    if (stack_.size() == 4 && name == "CINdetails") {
      child.episodes.emplace_back();
      child.episodes.back().line = line;
      return;
    }
    if (stack_.size() == 5 && stack_[3] == "CINdetails" && !child.episodes.empty()) {
      Episode& e = child.episodes.back();
      if (name == "Assessments") {
        e.assessments.emplace_back().line = line;
      } else if (name == "CINPlanDates") {
        e.plans.emplace_back().line = line;
      } else if (name == "Section47") {
        e.enquiries.emplace_back().line = line;
      } else if (name == "ChildProtectionPlans") {
        e.cp_plans.emplace_back().line = line;
      }
    }
  }

  // The element at the top of the stack closes with text_ as its content.
  void End() {
    if (stack_.empty()) return;
    const std::string name = stack_.back();
    Assign(name, Trimmed(text_));
    text_.clear();
    stack_.pop_back();
  }

  // `value` is moved into the one field it belongs to.
  void Assign(const std::string& name,
              std::string value) {  // NOLINT(performance-unnecessary-value-param)
    Census& c = r_->census;
    Header& h = c.header;
    if (At({"CollectionDetails", name})) {
      if (name == "Collection") h.collection = std::move(value);
      if (name == "Year") h.year = std::move(value);
      if (name == "ReferenceDate") h.reference_date = std::move(value);
      return;
    }
    if (At({"Header", "Source", name})) {
      if (name == "SourceLevel") h.source_level = std::move(value);
      if (name == "LEA") h.lea = std::move(value);
      if (name == "SoftwareCode") h.software_code = std::move(value);
      if (name == "Release") h.release = std::move(value);
      if (name == "SerialNo") h.serial_no = std::move(value);
      if (name == "DateTime") h.date_time = std::move(value);
      return;
    }
    if (c.children.empty() || stack_.size() < 5 || stack_[2] != "Child") return;
    Child& child = c.children.back();
    const std::string& block = stack_[3];
    if (stack_.size() == 5 && block == "ChildIdentifiers") {
      if (name == "LAchildID") {
        child_id_ = value;
        child.la_child_id = std::move(value);
      }
      if (name == "UPN") child.upn = std::move(value);
      if (name == "FormerUPN") child.former_upn = std::move(value);
      if (name == "UPNunknown") child.upn_unknown = std::move(value);
      if (name == "PersonBirthDate") child.birth_date = std::move(value);
      if (name == "ExpectedPersonBirthDate") child.expected_birth_date = std::move(value);
      if (name == "Sex") child.sex = std::move(value);
      // Before 2025: GenderCurrent 1/2/0 (9 indeterminate) held as M/F/U.
      if (name == "GenderCurrent") {
        child.sex = value == "1" ? "M" : value == "2" ? "F" : value == "0" ? "U" : value;
      }
      if (name == "PersonDeathDate") child.death_date = std::move(value);
      return;
    }
    if (block == "ChildCharacteristics") {
      if (stack_.size() == 5 && name == "Ethnicity") child.ethnicity = std::move(value);
      if (stack_.size() == 6 && name == "Disability")
        child.disabilities.push_back(std::move(value));
      return;
    }
    if (block != "CINdetails" || child.episodes.empty()) return;
    Episode& e = child.episodes.back();
    if (stack_.size() == 5) {
      if (name == "CINreferralDate") e.referral_date = std::move(value);
      if (name == "ReferralSource") e.source = std::move(value);
      if (name == "PrimaryNeedCode") e.primary_need = std::move(value);
      if (name == "CINclosureDate") e.closure_date = std::move(value);
      if (name == "ReasonForClosure") e.closure_reason = std::move(value);
      if (name == "DateOfInitialCPC") e.initial_cpc = std::move(value);
      if (name == "ReferralNFA") e.nfa = std::move(value);
      return;
    }
    const std::string& module = stack_[4];
    if (module == "PreProceedingsandFGDM" && stack_.size() == 6) {
      e.pre_proceedings.emplace_back(name, std::move(value));
    } else if (module == "Assessments" && !e.assessments.empty()) {
      Assessment& a = e.assessments.back();
      if (name == "AssessmentActualStartDate") a.start = std::move(value);
      if (name == "AssessmentInternalReviewDate") a.internal_review = std::move(value);
      if (name == "AssessmentAuthorisationDate") a.authorised = std::move(value);
      if (name == "AssessmentFactors") a.factors.push_back(std::move(value));
    } else if (module == "CINPlanDates" && !e.plans.empty()) {
      if (name == "CINPlanStartDate") e.plans.back().start = std::move(value);
      if (name == "CINPlanEndDate") e.plans.back().end = std::move(value);
    } else if (module == "Section47" && !e.enquiries.empty()) {
      Section47& s = e.enquiries.back();
      if (name == "S47ActualStartDate") s.start = std::move(value);
      if (name == "InitialCPCtarget") s.icpc_target = std::move(value);
      if (name == "DateOfInitialCPC") s.icpc = std::move(value);
      if (name == "ICPCnotRequired") s.icpc_not_required = std::move(value);
    } else if (module == "ChildProtectionPlans" && !e.cp_plans.empty()) {
      ProtectionPlan& p = e.cp_plans.back();
      if (name == "CPPstartDate") p.start = std::move(value);
      if (name == "CPPendDate") p.end = std::move(value);
      if (name == "InitialCategoryOfAbuse") p.initial_category = std::move(value);
      if (name == "LatestCategoryOfAbuse") p.latest_category = std::move(value);
      if (name == "NumberOfPreviousCPP") p.previous_plans = std::move(value);
      if (name == "CPPreviewDate") p.reviews.push_back(std::move(value));
    }
  }

  ReadResult* r_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  std::vector<std::string> stack_;
  std::string text_;
  std::string child_id_;
};

// Schema findings from a separate validating pass over the same bytes.
struct SchemaPass {
  std::vector<Finding> findings;
  static void OnError(void* self, xmlErrorPtr e) {
    auto* me = static_cast<SchemaPass*>(self);
    // Only the schema's own findings: the reader reports whether the file is well formed.
    if (e == nullptr || e->domain != XML_FROM_SCHEMASV || me->findings.size() >= 1000) return;
    std::string message = e->message != nullptr ? Trimmed(e->message) : "unknown error";
    if (message.find("PreProceedingsandFGDM") != std::string::npos) return;
    Finding f;
    f.rule = "XSD";
    f.line = e->line;
    // libxml2's messages start "Element 'Name': ...".
    const size_t q = message.find("Element '");
    if (q != std::string::npos) {
      const size_t end = message.find('\'', q + 9);
      if (end != std::string::npos) f.field = message.substr(q + 9, end - q - 9);
    }
    f.message = "does not match the schema: " + message;
    me->findings.push_back(std::move(f));
  }
  static void Ignore(void*, xmlErrorPtr) {}
};

// Validates `xml` (or the file at `path` when xml is empty) against `schema`, streaming.
std::vector<Finding> CheckSchema(xmlSchemaPtr schema, std::string_view xml,
                                 const std::string& path) {
  SchemaPass pass;
  xmlSetStructuredErrorFunc(nullptr, &SchemaPass::Ignore);  // parser errors: the reader's
  xmlSchemaValidCtxtPtr ctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(ctx, &SchemaPass::OnError, &pass);
  if (xml.empty() && !path.empty()) {
    xmlSchemaValidateFile(ctx, path.c_str(), 0);
  } else {
    xmlParserInputBufferPtr in = xmlParserInputBufferCreateMem(
        xml.data(), static_cast<int>(xml.size()), XML_CHAR_ENCODING_NONE);
    if (in != nullptr) {
      xmlSchemaValidateStream(ctx, in, XML_CHAR_ENCODING_NONE, nullptr, nullptr);
    }
  }
  xmlSchemaFreeValidCtxt(ctx);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  return std::move(pass.findings);
}

// Reads the census with `reader` while a second thread checks the same bytes against the
// schema (the two passes take about the same time; on two cores they overlap), then places
// each schema finding in its child by line.
Result<ReadResult> Read(const std::function<std::string_view()>& next, std::string_view head,
                        const ReadOptions& options, std::string_view xml, const std::string& path) {
  ReadResult result;
  int year = options.collection_year ? options.collection_year : SniffCollectionYear(head);
  if (year == 0) year = 2026;
  result.census.collection_year = year;
  std::vector<Finding> schema_findings;
  std::thread schema_thread;
  if (options.check_schema) {
    SG_ASSIGN_OR_RETURN(xmlSchemaPtr schema, SchemaFor(year));
    schema_thread = std::thread([&, schema] { schema_findings = CheckSchema(schema, xml, path); });
  }
  Reader(&result).Run(next);
  if (options.then) options.then(result);
  if (schema_thread.joinable()) schema_thread.join();
  const auto& children = result.census.children;
  for (Finding& f : schema_findings) {
    // The child whose element starts at or before the finding's line.
    auto it = std::upper_bound(children.begin(), children.end(), f.line,
                               [](int line, const Child& c) { return line < c.line; });
    if (it != children.begin() && f.line > 0) {
      const Child& c = *std::prev(it);
      f.child = c.la_child_id;
      f.path = ChildPath(static_cast<size_t>(std::prev(it) - children.begin()));
    }
    result.findings.push_back(std::move(f));
  }
  return result;
}

}  // namespace

int SniffCollectionYear(std::string_view head) {
  if (int y = YearAfter(head, "<ReferenceDate>")) return y;
  return YearAfter(head, "<Year>");
}

Result<ReadResult> ReadText(std::string_view xml, const ReadOptions& options) {
  // Handed to the parser in 1 MiB pieces (libxml2 takes an int length).
  std::string_view rest = xml;
  auto next = [&rest]() {
    const std::string_view piece = rest.substr(0, 1 << 20);
    rest.remove_prefix(piece.size());
    return piece;
  };
  return Read(next, xml.substr(0, 65536), options, xml, "");
}

Result<ReadResult> ReadFile(const std::string& path, const ReadOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (f == nullptr) return IoError("cannot open " + path);
  std::string head(65536, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f.get()));
  std::string buffer(1 << 20, '\0');
  bool first = true;
  auto next = [&]() -> std::string_view {
    if (first) {
      first = false;
      return head;
    }
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), f.get());
    return std::string_view(buffer.data(), n);
  };
  return Read(next, head, options, "", path);
}

}  // namespace sg::cin

#include "casework/ssda903_import.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "model/record_set.h"
#include "returns/ssda903_validate.h"

namespace sg {
namespace {

using ssda903::Row;
using ssda903::TableId;

class Importer {
 public:
  Importer(Store& tx, const ssda903::Return& ret, const Actor& actor)
      : tx_(tx), ret_(ret), actor_(actor) {}

  // The row being imported, for errors.
  void At(TableId table, size_t row) {
    table_ = table;
    row_ = row;
    columns_.clear();
  }

  const std::string& Cell(const Row& row, std::string_view column) const {
    return row[static_cast<size_t>(ssda903::ColumnIndex(table_, column))];
  }

  // Sets a field from a cell: a blank cell leaves it absent; a cell that does not parse as
  // the field's type is an error naming the file, line and column.
  Status Set(Record& r, std::string_view field, const Row& row, std::string_view column) {
    const std::string& text = Cell(row, column);
    columns_[std::string(field)] = std::string(column);
    if (text.empty()) return Status::Ok();
    const FieldDesc& f = r.entity().fields[static_cast<size_t>(r.entity().FieldIndex(field))];
    if (f.type == FieldType::kDate) {
      auto d = Date::ParseUk(text);
      if (!d.ok()) return Fail(d.status(), column);
      r.Set(field, *d);
      return Status::Ok();
    }
    auto v = ParseValue(f, text);
    if (!v.ok()) return Fail(v.status(), column);
    r.Set(field, std::move(*v));
    return Status::Ok();
  }

  Result<std::optional<Date>> DateCell(const Row& row, std::string_view column) {
    const std::string& text = Cell(row, column);
    if (text.empty()) return std::optional<Date>();
    auto d = Date::ParseUk(text);
    if (!d.ok()) return Fail(d.status(), column);
    return std::optional<Date>(*d);
  }

  Result<Record> Create(Record r) {
    const std::string entity(r.entity().name);
    auto stored = tx_.Create(std::move(r), actor_);
    if (!stored.ok()) {
      // The store names the record's field; the user knows the file's column.
      auto c = columns_.find(stored.status().field());
      return Fail(stored.status(), c == columns_.end() ? stored.status().field() : c->second);
    }
    ++counts.records[entity];
    return stored;
  }

  Status Fail(const Status& s, std::string_view field) const {
    const auto& src = ret_.sources[static_cast<size_t>(table_)];
    std::string where = src.file.empty() ? std::string(ssda903::Spec(table_).file) : src.file;
    if (row_ < src.lines.size()) where += " line " + std::to_string(src.lines[row_]);
    if (!field.empty()) where += ", " + std::string(field);
    return Status(s.code(), where + ": " + s.message(), std::string(field));
  }

  Ssda903ImportCounts counts;

 private:
  Store& tx_;
  const ssda903::Return& ret_;
  const Actor& actor_;
  TableId table_ = ssda903::kHeader;
  size_t row_ = 0;
  std::unordered_map<std::string, std::string> columns_;  // record field -> column, this row
};

// Looks up one record of `entity` whose `field` equals `value`.
Result<std::optional<Record>> FindOne(Store& tx, std::string_view entity, std::string field,
                                      std::string value) {
  ListQuery q;
  q.equals.emplace_back(std::move(field), Value(std::move(value)));
  q.limit = 1;
  SG_ASSIGN_OR_RETURN(Page page, tx.List(Entity(entity), q));
  if (page.items.empty()) return std::optional<Record>();
  return std::optional<Record>(std::move(page.items.front()));
}

// The child's birthday that falls in the collection year (its OC3 contact), or the year's end.
Date BirthdayIn(std::optional<Date> dob, Date from, Date to) {
  if (!dob) return to;
  for (int y = from.year(); y <= to.year(); ++y) {
    const unsigned day = dob->month() == 2 && dob->day() == 29 ? 28 : dob->day();
    const Date d = Date::FromCivil(y, dob->month(), day);
    if (d >= from && d <= to) return d;
  }
  return to;
}

bool IsUpnUnknownCode(const std::string& upn) {
  return upn.size() >= 3 && upn.size() <= 4 && upn.rfind("UN", 0) == 0;
}

}  // namespace

Result<Ssda903ImportCounts> ImportSsda903(Store& tx, const ssda903::Return& ret,
                                          const Actor& actor) {
  using namespace ssda903;  // NOLINT(google-build-using-namespace): table and column names
  Importer im(tx, ret, actor);
  const int year = ret.collection_year;
  if (year < 2000) return InvalidArgument("the return's collection year is not set", "year");
  const Date from = Date::FromCivil(year - 1, 4, 1);
  const Date to = Date::FromCivil(year, 3, 31);
  const auto& T = ret.tables;

  // Children: the Header table.
  std::unordered_map<std::string, Id> child_ids;
  std::unordered_map<std::string, std::optional<Date>> dobs;
  for (size_t i = 0; i < T[kHeader].size(); ++i) {
    const Row& h = T[kHeader][i];
    im.At(kHeader, i);
    const std::string& cid = h[hdr::CHILD];
    if (cid.empty()) return im.Fail(InvalidArgument("a child has no CHILD id"), "CHILD");
    if (child_ids.count(cid)) {
      return im.Fail(InvalidArgument("child " + cid + " appears twice in the Header table"),
                     "CHILD");
    }
    SG_ASSIGN_OR_RETURN(dobs[cid], im.DateCell(h, "DOB"));
    SG_ASSIGN_OR_RETURN(auto existing, FindOne(tx, "child", "la_child_id", cid));
    if (existing) {
      // A child whose care is already recorded: importing again would record it twice.
      ListQuery q;
      q.equals.emplace_back("child_id", Value(existing->id()));
      q.limit = 1;
      SG_ASSIGN_OR_RETURN(Page eps, tx.List(Entity("cla_episode"), q));
      if (!eps.items.empty()) {
        return im.Fail(InvalidArgument("child " + cid +
                                       " already has looked-after episodes in the record; "
                                       "importing this return would record them twice"),
                       "CHILD");
      }
      child_ids[cid] = existing->id();
      ++im.counts.existing_children;
      continue;
    }
    Record child(Entity("child"));
    child.Set("la_child_id", cid);
    child.Set("first_name", std::string("Not in 903"));
    child.Set("last_name", std::string("Not in 903"));
    const std::string& upn = h[hdr::UPN];
    if (IsUpnUnknownCode(upn)) {
      ++im.counts.not_imported
            ["UPN-unknown codes (UN1-UN10; a return built from the record gives UN1 or UN2 by "
             "age)"];
    } else {
      SG_RETURN_IF_ERROR(im.Set(child, "upn", h, "UPN"));
    }
    SG_RETURN_IF_ERROR(im.Set(child, "date_of_birth", h, "DOB"));
    // SEX: M, F or U (2024/25 on), or 1 (male) and 2 (female) as before.
    const std::string& sex = h[hdr::SEX];
    if (sex == "1" || sex == "2") {
      child.Set("sex", std::string(sex == "1" ? "M" : "F"));
    } else if (sex == "M" || sex == "F" || sex == "U") {
      child.Set("sex", sex);
    } else if (!sex.empty()) {
      return im.Fail(InvalidArgument("SEX must be M, F or U (or, before 2024/25, 1 or 2), not \"" +
                                     sex + "\""),
                     "SEX");
    }
    SG_RETURN_IF_ERROR(im.Set(child, "ethnicity", h, "ETHNIC"));
    // UASC: the child's status and the date it ceased.
    for (size_t u = 0; u < T[kUasc].size(); ++u) {
      if (T[kUasc][u][uasc::CHILD] != cid) continue;
      im.At(kUasc, u);
      child.Set("uasc", true);
      SG_RETURN_IF_ERROR(im.Set(child, "uasc_ceased_date", T[kUasc][u], "DUC"));
      im.At(kHeader, i);
    }
    SG_ASSIGN_OR_RETURN(Record stored, im.Create(std::move(child)));
    child_ids[cid] = stored.id();
    if (!h[hdr::MOTHER].empty() || !h[hdr::MC_DOB].empty()) {
      ++im.counts.not_imported["MOTHER / MC_DOB (a child's own child)"];
    }
  }
  auto child_of = [&](TableId t, size_t i) -> Result<Id> {
    const std::string& cid = T[t][i][0];
    auto it = child_ids.find(cid);
    if (it == child_ids.end()) {
      im.At(t, i);
      return im.Fail(NotFound("child " + cid + " is not in the Header table"), "CHILD");
    }
    return it->second;
  };

  // Episodes; the adoption order is the end of the episode that ceased with it (E11, E12).
  std::unordered_map<std::string, Date> adopted_on;
  for (size_t i = 0; i < T[kEpisodes].size(); ++i) {
    const Row& e = T[kEpisodes][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kEpisodes, i));
    im.At(kEpisodes, i);
    Record r(Entity("cla_episode"));
    r.Set("child_id", child);
    SG_RETURN_IF_ERROR(im.Set(r, "start_date", e, "DECOM"));
    SG_RETURN_IF_ERROR(im.Set(r, "reason_new_episode", e, "RNE"));
    SG_RETURN_IF_ERROR(im.Set(r, "legal_status", e, "LS"));
    SG_RETURN_IF_ERROR(im.Set(r, "category_of_need", e, "CIN"));
    SG_RETURN_IF_ERROR(im.Set(r, "placement_type", e, "PLACE"));
    SG_RETURN_IF_ERROR(im.Set(r, "placement_provider", e, "PLACE_PROVIDER"));
    SG_RETURN_IF_ERROR(im.Set(r, "provider_urn", e, "URN"));
    SG_RETURN_IF_ERROR(im.Set(r, "home_postcode", e, "HOME_POST"));
    SG_RETURN_IF_ERROR(im.Set(r, "placement_postcode", e, "PL_POST"));
    SG_RETURN_IF_ERROR(im.Set(r, "end_date", e, "DEC"));
    SG_RETURN_IF_ERROR(im.Set(r, "reason_ceased", e, "REC"));
    SG_RETURN_IF_ERROR(im.Set(r, "reason_place_change", e, "REASON_PLACE_CHANGE"));
    if (OneOf(e[ep::REC], {"E11", "E12"})) {
      SG_ASSIGN_OR_RETURN(auto dec, im.DateCell(e, "DEC"));
      if (dec) adopted_on[e[ep::CHILD]] = *dec;
    }
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  for (size_t i = 0; i < T[kReviews].size(); ++i) {
    const Row& row = T[kReviews][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kReviews, i));
    im.At(kReviews, i);
    Record r(Entity("cla_review"));
    r.Set("child_id", child);
    SG_RETURN_IF_ERROR(im.Set(r, "review_date", row, "REVIEW"));
    SG_RETURN_IF_ERROR(im.Set(r, "participation", row, "REVIEW_CODE"));
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  for (size_t i = 0; i < T[kMissing].size(); ++i) {
    const Row& row = T[kMissing][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kMissing, i));
    im.At(kMissing, i);
    Record r(Entity("missing_episode"));
    r.Set("child_id", child);
    SG_RETURN_IF_ERROR(im.Set(r, "missing_type", row, "MISSING"));
    SG_RETURN_IF_ERROR(im.Set(r, "start_date", row, "MIS_START"));
    SG_RETURN_IF_ERROR(im.Set(r, "end_date", row, "MIS_END"));
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  for (size_t i = 0; i < T[kOc2].size(); ++i) {
    const Row& row = T[kOc2][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kOc2, i));
    im.At(kOc2, i);
    Record r(Entity("cla_health"));
    r.Set("child_id", child);
    r.Set("year_ending", to);
    SG_RETURN_IF_ERROR(im.Set(r, "sdq_score", row, "SDQ_SCORE"));
    SG_RETURN_IF_ERROR(im.Set(r, "sdq_reason", row, "SDQ_REASON"));
    for (auto [field, column] : {std::pair{"convicted", "CONVICTED"},
                                 {"health_check", "HEALTH_CHECK"},
                                 {"immunisations", "IMMUNISATIONS"},
                                 {"teeth_check", "TEETH_CHECK"},
                                 {"health_assessment", "HEALTH_ASSESSMENT"},
                                 {"substance_misuse", "SUBSTANCE_MISUSE"}}) {
      const std::string& v = im.Cell(row, column);
      if (v.empty()) continue;
      if (v != "0" && v != "1") {
        return im.Fail(InvalidArgument(std::string(column) + " must be 0 or 1, not \"" + v + "\""),
                       column);
      }
      r.Set(field, v == "1");
    }
    if (!row[oc2::INTERVENTION_RECEIVED].empty() || !row[oc2::INTERVENTION_OFFERED].empty()) {
      ++im.counts.not_imported["substance misuse interventions (OC2)"];
    }
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  for (size_t i = 0; i < T[kOc3].size(); ++i) {
    const Row& row = T[kOc3][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kOc3, i));
    im.At(kOc3, i);
    Record r(Entity("care_leaver_contact"));
    r.Set("child_id", child);
    r.Set("contact_date", BirthdayIn(dobs[row[oc3::CHILD]], from, to));
    SG_RETURN_IF_ERROR(im.Set(r, "in_touch", row, "IN_TOUCH"));
    SG_RETURN_IF_ERROR(im.Set(r, "activity", row, "ACTIV"));
    SG_RETURN_IF_ERROR(im.Set(r, "accommodation", row, "ACCOM"));
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  // Adoption: a child's AD1 row and its first PlacedAdoption row are one adoption record;
  // further PlacedAdoption rows are records of their own.
  std::unordered_map<std::string, size_t> ad1_of;
  for (size_t i = 0; i < T[kAd1].size(); ++i) {
    if (!ad1_of.emplace(T[kAd1][i][ad1::CHILD], i).second) {
      im.At(kAd1, i);
      return im.Fail(InvalidArgument("child " + T[kAd1][i][0] + " has two AD1 rows"), "CHILD");
    }
  }
  auto fill_ad1 = [&](Record& r, size_t i) -> Status {
    const Row& row = T[kAd1][i];
    im.At(kAd1, i);
    SG_RETURN_IF_ERROR(im.Set(r, "best_interest_date", row, "DATE_INT"));
    SG_RETURN_IF_ERROR(im.Set(r, "match_date", row, "DATE_MATCH"));
    SG_RETURN_IF_ERROR(im.Set(r, "number_of_adopters", row, "NB_ADOPTR"));
    SG_RETURN_IF_ERROR(im.Set(r, "adopter_sex", row, "SEX_ADOPTR"));
    SG_RETURN_IF_ERROR(im.Set(r, "adopter_legal_status", row, "LS_ADOPTR"));
    const std::string& fc = row[ad1::FOSTER_CARE];
    if (!fc.empty()) {
      if (fc != "0" && fc != "1") {
        return im.Fail(InvalidArgument("FOSTER_CARE must be 0 or 1, not \"" + fc + "\""),
                       "FOSTER_CARE");
      }
      r.Set("foster_carer_adoption", fc == "1");
    }
    auto on = adopted_on.find(row[ad1::CHILD]);
    r.Set("order_date", on == adopted_on.end() ? to : on->second);
    return Status::Ok();
  };
  std::unordered_map<std::string, bool> ad1_used;
  for (size_t i = 0; i < T[kPlacedAdoption].size(); ++i) {
    const Row& row = T[kPlacedAdoption][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kPlacedAdoption, i));
    Record r(Entity("adoption"));
    r.Set("child_id", child);
    auto a = ad1_of.find(row[pa::CHILD]);
    if (a != ad1_of.end() && !ad1_used[row[pa::CHILD]]) {
      ad1_used[row[pa::CHILD]] = true;
      SG_RETURN_IF_ERROR(fill_ad1(r, a->second));
    }
    im.At(kPlacedAdoption, i);
    SG_RETURN_IF_ERROR(im.Set(r, "placement_order_date", row, "DATE_PLACED"));
    SG_RETURN_IF_ERROR(im.Set(r, "ceased_date", row, "DATE_PLACED_CEASED"));
    SG_RETURN_IF_ERROR(im.Set(r, "ceased_reason", row, "REASON_PLACED_CEASED"));
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  for (const auto& [cid, i] : ad1_of) {
    if (ad1_used[cid]) continue;
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kAd1, i));
    Record r(Entity("adoption"));
    r.Set("child_id", child);
    SG_RETURN_IF_ERROR(fill_ad1(r, i));
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  for (size_t i = 0; i < T[kPrevPerm].size(); ++i) {
    const Row& row = T[kPrevPerm][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kPrevPerm, i));
    im.At(kPrevPerm, i);
    if (row[pp::PREV_PERM].empty()) continue;  // nothing to record
    Record r(Entity("previous_permanence"));
    r.Set("child_id", child);
    SG_RETURN_IF_ERROR(im.Set(r, "previous_permanence", row, "PREV_PERM"));
    SG_RETURN_IF_ERROR(im.Set(r, "la_code", row, "LA_PERM"));
    SG_RETURN_IF_ERROR(im.Set(r, "order_date", row, "DATE_PERM"));
    SG_RETURN_IF_ERROR(im.Create(std::move(r)).status());
  }
  // Social worker episodes: a worker per SW_ID (found by Social Work England registration or
  // staff id, else created), an allocation per row keeping its SW_REASON.
  std::unordered_map<std::string, Id> workers;
  for (size_t i = 0; i < T[kSwEpisodes].size(); ++i) {
    const Row& row = T[kSwEpisodes][i];
    SG_ASSIGN_OR_RETURN(const Id child, child_of(kSwEpisodes, i));
    im.At(kSwEpisodes, i);
    const std::string& sw_id = row[sw::SW_ID];
    if (sw_id.empty()) return im.Fail(InvalidArgument("SW_ID is blank"), "SW_ID");
    SG_ASSIGN_OR_RETURN(auto start, im.DateCell(row, "SW_DECOM"));
    SG_ASSIGN_OR_RETURN(auto end, im.DateCell(row, "SW_DEC"));
    if (!start) return im.Fail(InvalidArgument("SW_DECOM is blank"), "SW_DECOM");
    auto w = workers.find(sw_id);
    if (w == workers.end()) {
      SG_ASSIGN_OR_RETURN(auto found, FindOne(tx, "worker", "swe_registration", sw_id));
      if (!found) {
        SG_ASSIGN_OR_RETURN(found, FindOne(tx, "worker", "staff_id", sw_id));
      }
      if (!found) {
        Record nw(Entity("worker"));
        nw.Set("staff_id", sw_id);
        if (sw_id.rfind("SW", 0) == 0) nw.Set("swe_registration", sw_id);
        nw.Set("first_name", std::string("Not in 903"));
        nw.Set("last_name", std::string("Not in 903"));
        nw.Set("role", std::string("SOCIAL_WORKER"));
        nw.Set("fte", 1.0);
        nw.Set("case_holder", true);
        // The earliest start of this worker's episodes in the file.
        Date first = *start;
        for (const Row& o : T[kSwEpisodes]) {
          if (o[sw::SW_ID] != sw_id) continue;
          auto d = Date::ParseUk(o[sw::SW_DECOM]);
          if (d.ok() && *d < first) first = *d;
        }
        nw.Set("start_date", first);
        SG_ASSIGN_OR_RETURN(found, im.Create(std::move(nw)));
      }
      w = workers.emplace(sw_id, found->id()).first;
    }
    Record a(Entity("allocation"));
    a.Set("child_id", child);
    a.Set("worker_id", w->second);
    a.Set("start_date", *start);
    if (end) a.Set("end_date", *end);
    SG_RETURN_IF_ERROR(im.Set(a, "reason", row, "SW_REASON"));
    SG_RETURN_IF_ERROR(im.Create(std::move(a)).status());
  }
  if (!T[kDoLo].empty()) {
    im.counts.not_imported["deprivation of liberty orders (DoLo)"] +=
        static_cast<std::int64_t>(T[kDoLo].size());
  }
  return std::move(im.counts);
}

}  // namespace sg

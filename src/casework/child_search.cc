#include "casework/child_search.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

namespace sg {

struct ChildSearch::Entry {
  std::int64_t id = 0;
  std::string la_child_id, la_child_id_lower, first, last, other, dob, upn, former_upn;
  // Lower-case words of the names, for matching.
  std::vector<std::string> first_words, last_words, other_words;
  bool restricted = false;
};

struct ChildSearch::Index {
  std::unique_ptr<Database> db;  // used under refresh_mu
  std::mutex refresh_mu;
  std::int64_t marker = -1;  // highest record_history id seen
  std::vector<Entry> entries;
  std::unordered_map<std::int64_t, size_t> by_id;
};

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur += static_cast<char>(std::tolower(u));
    } else if (c == '\'') {
      continue;  // O'Brien = obrien
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool LooksLikeUpn(std::string_view w) {
  if (w.size() < 4 || w.size() > 13 || !std::isalpha(static_cast<unsigned char>(w[0])))
    return false;
  return std::all_of(
             w.begin() + 1, w.end(),
             [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == 'a'; }) &&
         std::count_if(w.begin(), w.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) >= 3;
}

// "2015-03-04", "04/03/2015", "4/3/2015" -> {"2015-03-04", swapped day/month or ""}.
std::optional<std::pair<std::string, std::string>> AsDate(std::string_view w) {
  auto d = Date::Parse(w);
  if (!d.ok()) d = Date::ParseUk(w);
  if (!d.ok()) return std::nullopt;
  std::string swapped;
  if (d->day() <= 12 && d->day() != d->month() &&
      Date::IsValidCivil(d->year(), d->day(), d->month()))
    swapped = Date::FromCivil(d->year(), d->day(), d->month()).ToString();
  return std::make_pair(d->ToString(), swapped);
}

// How well a query word matches one name word: 0 none.
int NameScore(std::string_view q, std::string_view name) {
  if (q == name) return 40;
  if (q.size() >= 2 && name.size() > q.size() && name.compare(0, q.size(), q) == 0) return 30;
  if (q.size() >= 4) {
    const int limit = q.size() >= 7 ? 2 : 1;
    const int d = BoundedEditDistance(q, name, limit);
    if (d <= limit) return d == 1 ? 20 : 10;
  }
  return 0;
}

int BestName(std::string_view q, const std::vector<std::string>& words) {
  int best = 0;
  for (const std::string& w : words) best = std::max(best, NameScore(q, w));
  return best;
}

}  // namespace

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent
  // transpositions ("jhon" for "john") each count one.
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<size_t>(limit)) return limit + 1;
  std::vector<int> two(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], two[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(two, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

ChildSearch::ChildSearch(std::string location)
    : location_(std::move(location)), index_(std::make_unique<Index>()) {}
ChildSearch::~ChildSearch() = default;

size_t ChildSearch::size() const {
  std::shared_lock lock(mu_);
  return index_->entries.size();
}

Status ChildSearch::Refresh() {
  Index& x = *index_;
  std::lock_guard refresh(x.refresh_mu);
  if (!x.db) {
    SG_ASSIGN_OR_RETURN(x.db, OpenDatabase(location_));
  }
  std::int64_t marker = 0;
  SG_RETURN_IF_ERROR(x.db->QueryEach("SELECT COALESCE(MAX(id), 0) FROM record_history", {},
                                     [&](const RowView& r) { marker = r.Int(0); }));
  if (marker == x.marker) return Status::Ok();
  std::string sql =
      "SELECT id, la_child_id, first_name, last_name, other_names, date_of_birth, upn, "
      "former_upn, restricted FROM children";
  std::vector<SqlValue> params;
  if (x.marker >= 0) {
    sql += " WHERE id IN (SELECT record_id FROM record_history WHERE id > $1 AND entity = 'child')";
    params.push_back(x.marker);
  }
  std::vector<Entry> loaded;
  SG_RETURN_IF_ERROR(x.db->QueryEach(sql, params, [&](const RowView& r) {
    Entry e;
    e.id = r.Int(0);
    e.la_child_id = std::string(r.Text(1));
    e.la_child_id_lower = Lower(e.la_child_id);
    e.first = std::string(r.Text(2));
    e.last = std::string(r.Text(3));
    e.other = r.IsNull(4) ? "" : std::string(r.Text(4));
    e.dob = r.IsNull(5) ? "" : std::string(r.Text(5)).substr(0, 10);
    e.upn = r.IsNull(6) ? "" : Lower(r.Text(6));
    e.former_upn = r.IsNull(7) ? "" : Lower(r.Text(7));
    e.restricted = !r.IsNull(8) && r.Int(8) != 0;
    e.first_words = Words(e.first);
    e.last_words = Words(e.last);
    e.other_words = Words(e.other);
    loaded.push_back(std::move(e));
  }));
  std::unique_lock lock(mu_);
  for (Entry& e : loaded) {
    auto it = x.by_id.find(e.id);
    if (it != x.by_id.end()) {
      x.entries[it->second] = std::move(e);
    } else {
      x.by_id.emplace(e.id, x.entries.size());
      x.entries.push_back(std::move(e));
    }
  }
  x.marker = marker;
  return Status::Ok();
}

Result<std::vector<ChildMatch>> ChildSearch::Search(std::string_view query, int limit) {
  // Dates keep their separators: find them in the raw query.
  std::vector<std::pair<std::string, std::string>> dates;
  // Each word of the query as typed (lower case) and split into name words.
  std::vector<std::pair<std::string, std::vector<std::string>>> terms;
  {
    std::string cur;
    std::vector<std::string> raw;
    for (char c : query) {
      if (c == ' ' || c == ',' || c == '\t') {
        if (!cur.empty()) raw.push_back(std::move(cur)), cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) raw.push_back(std::move(cur));
    for (const std::string& w : raw) {
      if (auto d = AsDate(w)) {
        dates.push_back(*d);
      } else if (auto parts = Words(w); !parts.empty()) {
        terms.emplace_back(Lower(w), std::move(parts));
      }
    }
  }
  if (dates.empty() && terms.empty()) {
    return InvalidArgument("type a name, date of birth, UPN or child id to search for", "q");
  }
  SG_RETURN_IF_ERROR(Refresh());
  std::shared_lock lock(mu_);
  std::vector<ChildMatch> out;
  for (const Entry& e : index_->entries) {
    if (e.restricted) continue;
    int score = 0;
    std::string why;
    auto note = [&](const char* what) {
      if (why.find(what) != std::string::npos) return;
      if (!why.empty()) why += ", ";
      why += what;
    };
    bool all = true;
    for (const auto& [iso, swapped] : dates) {
      if (!e.dob.empty() && e.dob == iso) {
        score += 50, note("date of birth");
      } else if (!swapped.empty() && e.dob == swapped) {
        score += 20, note("date of birth (day and month swapped)");
      } else {
        all = false;
        break;
      }
    }
    for (size_t i = 0; all && i < terms.size(); ++i) {
      const std::string& t = terms[i].first;
      if (t == e.la_child_id_lower) {
        score += 100, note("child id");
        continue;
      }
      if (LooksLikeUpn(t) && ((!e.upn.empty() && e.upn.rfind(t, 0) == 0) ||
                              (!e.former_upn.empty() && e.former_upn.rfind(t, 0) == 0))) {
        score += t.size() == 13 ? 100 : 60, note("UPN");
        continue;
      }
      for (const std::string& w : terms[i].second) {
        const int f = BestName(w, e.first_words), l = BestName(w, e.last_words),
                  o = BestName(w, e.other_words);
        const int best = std::max({f, l, o});
        if (best == 0) {
          all = false;
          break;
        }
        score += best;
        note(best == l ? "last name" : best == f ? "first name" : "other names");
      }
    }
    if (!all || score == 0) continue;
    ChildMatch m;
    m.id = e.id;
    m.la_child_id = e.la_child_id;
    m.first_name = e.first;
    m.last_name = e.last;
    m.date_of_birth = e.dob;
    m.upn = e.upn;
    for (char& c : m.upn) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    m.score = score;
    m.why = std::move(why);
    out.push_back(std::move(m));
  }
  const size_t n = std::min(out.size(), static_cast<size_t>(std::max(1, limit)));
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(),
                    [](const ChildMatch& a, const ChildMatch& b) {
                      if (a.score != b.score) return a.score > b.score;
                      if (a.last_name != b.last_name) return a.last_name < b.last_name;
                      if (a.first_name != b.first_name) return a.first_name < b.first_name;
                      return a.id < b.id;
                    });
  out.resize(n);
  return out;
}

}  // namespace sg

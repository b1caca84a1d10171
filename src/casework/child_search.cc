#include "casework/child_search.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <mutex>
#include <unordered_map>

namespace sg {

struct ChildSearch::Entry {
  std::int64_t id = 0;
  std::string la_child_id, la_child_id_lower, first, last, other, dob, upn, former_upn;
  // Lower-case words of the names, for matching.
  std::vector<std::string> first_words, last_words, other_words;
  // Which letters a-z each word contains (bit 0 = a): a cheap test before an edit distance.
  std::vector<std::uint32_t> first_masks, last_masks, other_masks;
};

struct ChildSearch::Index {
  std::unique_ptr<Database> db;  // used under refresh_mu
  std::mutex refresh_mu;
  // The highest record_history id seen: written under refresh_mu, read without it.
  std::atomic<std::int64_t> marker{-1};
  std::vector<Entry> entries;
  // Per entry, the letters of all its names together: scanned first, so that a search
  // touches only the entries that can match (a few hundred kilobytes, not the whole index).
  std::vector<std::uint32_t> letters;
  // Every distinct name word -> the entries with it (may also list entries that have since
  // been renamed: candidates are always scored afresh).
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_dob;  // likewise
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
std::uint32_t Letters(std::string_view w) {
  std::uint32_t m = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
  }
  return m;
}

int NameScore(std::string_view q, std::uint32_t q_mask, std::string_view name,
              std::uint32_t name_mask, bool fuzzy) {
  if (q == name) return 40;
  if (q.size() >= 2 && name.size() > q.size() && name.compare(0, q.size(), q) == 0) return 30;
  if (fuzzy && q.size() >= 4) {
    const int limit = q.size() >= 7 ? 2 : 1;
    // Each letter of q missing from the name costs at least one edit.
    if (std::popcount(q_mask & ~name_mask) > limit) return 0;
    const int d = BoundedEditDistance(q, name, limit);
    if (d <= limit) return d == 1 ? 20 : 10;
  }
  return 0;
}

int BestName(std::string_view q, std::uint32_t q_mask, const std::vector<std::string>& words,
             const std::vector<std::uint32_t>& masks, bool fuzzy) {
  int best = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    best = std::max(best, NameScore(q, q_mask, words[i], masks[i], fuzzy));
  }
  return best;
}

}  // namespace

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent
  // transpositions ("jhon" for "john") each count one.
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<size_t>(limit)) return limit + 1;
  // Names are short: rows on the stack, on the heap only for long ones.
  constexpr size_t kStack = 48;
  int stack[3][kStack];
  std::vector<int> heap;
  int* two = stack[0];
  int* prev = stack[1];
  int* cur = stack[2];
  if (m + 1 > kStack) {
    heap.resize(3 * (m + 1));
    two = heap.data(), prev = two + m + 1, cur = prev + m + 1;
  }
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

ChildSearch::ChildSearch(std::string location, MarkerSource marker)
    : location_(std::move(location)),
      marker_(std::move(marker)),
      index_(std::make_unique<Index>()) {}
ChildSearch::~ChildSearch() = default;

size_t ChildSearch::size() const {
  std::shared_lock lock(mu_);
  return index_->entries.size();
}

Status ChildSearch::Refresh() {
  Index& x = *index_;
  std::int64_t marker = 0;
  if (marker_) {
    SG_ASSIGN_OR_RETURN(marker, marker_());
    if (marker == x.marker.load()) return Status::Ok();  // the usual case: nothing to lock for
  }
  std::lock_guard refresh(x.refresh_mu);
  if (!x.db) {
    SG_ASSIGN_OR_RETURN(x.db, OpenDatabase(location_));
  }
  if (!marker_) {
    SG_RETURN_IF_ERROR(x.db->QueryEach("SELECT COALESCE(MAX(id), 0) FROM record_history", {},
                                       [&](const RowView& r) { marker = r.Int(0); }));
  }
  if (marker == x.marker) return Status::Ok();
  std::string sql =
      "SELECT id, la_child_id, first_name, last_name, other_names, date_of_birth, upn, "
      "former_upn FROM children";
  const std::int64_t since = x.marker.load();
  std::vector<SqlValue> params;
  if (since >= 0) {
    sql += " WHERE id IN (SELECT record_id FROM record_history WHERE id > $1 AND entity = 'child')";
    params.emplace_back(since);
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
    e.first_words = Words(e.first);
    e.last_words = Words(e.last);
    e.other_words = Words(e.other);
    for (const auto& w : e.first_words) e.first_masks.push_back(Letters(w));
    for (const auto& w : e.last_words) e.last_masks.push_back(Letters(w));
    for (const auto& w : e.other_words) e.other_masks.push_back(Letters(w));
    loaded.push_back(std::move(e));
  }));
  if (loaded.empty()) {  // the record changed, but not its children (a visit, a plan)
    x.marker = marker;
    return Status::Ok();
  }
  std::unique_lock lock(mu_);
  for (Entry& e : loaded) {
    std::uint32_t letters = 0;
    for (auto* masks : {&e.first_masks, &e.last_masks, &e.other_masks}) {
      for (std::uint32_t m : *masks) letters |= m;
    }
    auto it = x.by_id.find(e.id);
    const auto ix = static_cast<std::uint32_t>(it != x.by_id.end() ? it->second : x.entries.size());
    for (auto* words : {&e.first_words, &e.last_words, &e.other_words}) {
      for (const std::string& w : *words) {
        auto& list = x.postings[w];
        if (list.empty() || list.back() != ix) list.push_back(ix);
      }
    }
    if (!e.dob.empty()) x.by_dob[e.dob].push_back(ix);
    if (it != x.by_id.end()) {
      x.entries[it->second] = std::move(e);
      x.letters[it->second] = letters;
    } else {
      x.by_id.emplace(e.id, x.entries.size());
      x.entries.push_back(std::move(e));
      x.letters.push_back(letters);
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
  // Exact and prefix matches first; typos are looked for only when those do not fill the
  // page (edit distances over every name are the costly part of a search).
  for (const bool fuzzy : {false, true}) {
    out.clear();
    // Name words (letters only) must find their letters in the entry's names: all of them
    // for an exact or prefix match, all but one or two for a typo.
    std::vector<std::uint32_t> need;
    const std::string* first_name_word = nullptr;
    for (const auto& [raw, words] : terms) {
      // A word with digits may be a UPN or a child id rather than a name.
      if (std::any_of(raw.begin(), raw.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        continue;
      }
      for (const std::string& w : words) {
        need.push_back(Letters(w));
        if (!first_name_word) first_name_word = &w;
      }
    }
    const int slack = fuzzy ? 2 : 0;
    const std::vector<std::uint32_t>& letters = index_->letters;
    // With a name in the query, only the entries having a word that matches it are scored:
    // the distinct name words are far fewer than the children.
    std::vector<std::uint32_t> candidates;
    if (first_name_word) {
      const std::uint32_t m = Letters(*first_name_word);
      for (const auto& [word, list] : index_->postings) {
        if (NameScore(*first_name_word, m, word, Letters(word), fuzzy) > 0) {
          candidates.insert(candidates.end(), list.begin(), list.end());
        }
      }
    } else if (!dates.empty()) {
      for (const std::string* d : {&dates[0].first, &dates[0].second}) {
        auto it = index_->by_dob.find(*d);
        if (it != index_->by_dob.end()) {
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
      }
    } else {
      candidates.resize(index_->entries.size());
      for (size_t i = 0; i < candidates.size(); ++i) candidates[i] = static_cast<std::uint32_t>(i);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const std::uint32_t ix : candidates) {
      bool possible = true;
      for (std::uint32_t m : need) {
        if (std::popcount(m & ~letters[ix]) > slack) {
          possible = false;
          break;
        }
      }
      if (!possible) continue;
      const Entry& e = index_->entries[ix];
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
          const std::uint32_t wm = Letters(w);
          const int f = BestName(w, wm, e.first_words, e.first_masks, fuzzy),
                    l = BestName(w, wm, e.last_words, e.last_masks, fuzzy),
                    o = BestName(w, wm, e.other_words, e.other_masks, fuzzy);
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
    if (out.size() >= static_cast<size_t>(std::max(1, limit))) break;
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

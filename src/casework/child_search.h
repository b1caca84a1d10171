#pragma once
// Finding a child: by name (forgiving typos and partial names), date of birth, UPN or the LA's
// child id, as a Front Door worker types. The index holds the few fields it matches on for
// every child in memory and follows the record: each search first asks whether the record has
// changed since the index was built (its marker, the highest record_history id) and, if it
// has, reloads just the children created or changed since (one indexed query).
//
// Matching, per word of the query (every word must match the child; typos are looked for only
// when exact and prefix matches do not fill the page of results):
//   a date (2015-03-04 or 04/03/2015)  the date of birth; day and month swapped scores less
//   a UPN (letter + 12 characters)     the UPN or former UPN, or a prefix of one
//   anything else                      a name (first, last or other names): exact, prefix
//                                      (2+ letters), one typo (4+ letters) or two (7+), or
//                                      the LA child id exactly
// Results are ranked by score, then by name. Restricted records are not listed.
//
// Thread-safety: Search and Refresh may be called from many threads.

#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/date.h"
#include "storage/database.h"

namespace sg {

struct ChildMatch {
  std::int64_t id = 0;
  std::string la_child_id;
  std::string first_name;
  std::string last_name;
  std::string date_of_birth;  // ISO, or empty
  std::string upn;
  int score = 0;
  std::string why;  // which fields matched, e.g. "last name, date of birth"
};

class ChildSearch {
 public:
  // The record's marker: the highest record_history id (every write appends to it).
  using MarkerSource = std::function<Result<std::int64_t>()>;
  // `location`: the store (SQLite path or postgresql:// URL), on one connection kept for it.
  // `marker`: where the marker comes from; by default the store is asked on every search (a
  // server that knows when the record changed can answer from memory instead).
  explicit ChildSearch(std::string location, MarkerSource marker = nullptr);
  ~ChildSearch();

  // Loads what changed since the last call (everything the first time).
  Status Refresh();
  // At most `limit` matches for `query`, best first; kInvalidArgument for an empty query.
  Result<std::vector<ChildMatch>> Search(std::string_view query, int limit = 20);
  size_t size() const;

 private:
  struct Entry;
  struct Index;
  std::string location_;
  MarkerSource marker_;
  mutable std::shared_mutex mu_;
  std::unique_ptr<Index> index_;  // guarded by mu_
};

// Edit distance between a and b if it is at most `limit`, else limit + 1 (exposed for tests).
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace sg

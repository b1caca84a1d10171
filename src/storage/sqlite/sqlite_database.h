#pragma once
// SQLite backend of Database: WAL journal, foreign keys on, synchronous=FULL (a committed
// transaction survives a crash), a 5 s busy timeout, and a cache of prepared statements.

#include <memory>
#include <string>

#include "storage/database.h"

namespace sg {

// Opens (creating if needed) the SQLite database file at `path`; ":memory:" for a private
// in-memory database.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);

}  // namespace sg

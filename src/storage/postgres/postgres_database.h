#pragma once
// PostgreSQL backend of Database, on the libpq C API: each distinct SQL text is prepared once
// per connection; parameters travel as text and the server infers their types from context.
// Sessions use TimeZone UTC and ISO dates, so values read back in the forms SQLite stores.

#include <memory>
#include <string>

#include "storage/database.h"

namespace sg {

// Connects to a postgresql:// URL.
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url);

}  // namespace sg

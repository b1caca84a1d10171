#pragma once
// The SQL migration files of src/storage/migrations/, compiled into the binary in file-name
// order ("0001_initial.sql", ...). Generated into embedded_data.cc by src/CMakeLists.txt.

#include <cstddef>
#include <string_view>

namespace sg {

struct MigrationFile {
  std::string_view name;
  std::string_view sql;  // with dialect tokens, see migrations.h
};

extern const MigrationFile kMigrationFiles[];
extern const size_t kMigrationFileCount;

}  // namespace sg

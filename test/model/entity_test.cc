#include "model/entity.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace sg {
namespace {

// The registry is hand-written: these checks catch the slips a reviewer would miss.
TEST(EntityRegistry, NamesTablesAndPathsAreUnique) {
  std::set<std::string_view> names, tables, paths;
  for (const EntityDesc& e : AllEntities()) {
    EXPECT_TRUE(names.insert(e.name).second) << e.name;
    EXPECT_TRUE(tables.insert(e.table).second) << e.table;
    EXPECT_TRUE(paths.insert(e.path).second) << e.path;
  }
}

TEST(EntityRegistry, ReferencesPointToEarlierEntities) {
  std::set<std::string_view> seen;
  for (const EntityDesc& e : AllEntities()) {
    seen.insert(e.name);  // self-references are allowed
    for (const FieldDesc& f : e.fields) {
      if (f.type != FieldType::kRef) continue;
      EXPECT_TRUE(seen.count(f.ref_entity)) << e.name << "." << f.name << " -> " << f.ref_entity;
    }
  }
}

TEST(EntityRegistry, FieldsAreWellFormed) {
  for (const EntityDesc& e : AllEntities()) {
    std::set<std::string_view> fields;
    for (const FieldDesc& f : e.fields) {
      EXPECT_TRUE(fields.insert(f.name).second) << e.name << "." << f.name;
      EXPECT_NE(f.name, "id") << e.name;
      EXPECT_NE(f.name, "version") << e.name;
      EXPECT_FALSE(f.description.empty()) << e.name << "." << f.name;
      const bool coded = f.type == FieldType::kCode || f.type == FieldType::kCodeSet;
      EXPECT_EQ(coded, f.code_list != CodeListId::kCount) << e.name << "." << f.name;
      if (f.unique) {
        EXPECT_EQ(f.type, FieldType::kText) << e.name << "." << f.name;
      }
    }
    for (const CrossRule& r : e.rules) {
      EXPECT_GE(e.FieldIndex(r.a), 0) << e.name << " rule field " << r.a;
      EXPECT_GE(e.FieldIndex(r.b), 0) << e.name << " rule field " << r.b;
    }
  }
}

TEST(EntityRegistry, ChildRecordEntitiesLinkToTheChild) {
  for (const EntityDesc& e : AllEntities()) {
    if (e.scope != Scope::kChildRecord) continue;
    EXPECT_FALSE(e.ChildField().empty()) << e.name;
  }
  EXPECT_EQ(Entity("child").ChildField(), "id");
  EXPECT_EQ(Entity("visit").ChildField(), "child_id");
}

}  // namespace
}  // namespace sg

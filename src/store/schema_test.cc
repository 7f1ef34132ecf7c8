#include "store/schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sitrep/store.h"

namespace sitrep::store {
namespace {

using ::testing::HasSubstr;

int64_t Version(Db& db) { return *db.QueryInt("PRAGMA user_version", "test"); }

TEST(SchemaTest, FreshDatabaseGetsEveryStep) {
  Db db;
  ASSERT_TRUE(db.Open(":memory:").ok());
  EXPECT_EQ(Version(db), 0);
  ASSERT_TRUE(Migrate(db).ok());
  EXPECT_EQ(Version(db), Store::SchemaVersion());
  EXPECT_EQ(*db.QueryInt("PRAGMA application_id", "test"), kApplicationId);
  for (const char* table :
       {"documents", "lines", "paragraphs", "sentences", "ingest_runs", "rejections",
        "mentions", "events", "claims"}) {
    EXPECT_EQ(*db.QueryInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") +
                               table + "'",
                           "test"),
              1)
        << table;
  }
  ASSERT_TRUE(Migrate(db).ok());  // idempotent
  EXPECT_EQ(Version(db), Store::SchemaVersion());
}

TEST(SchemaTest, OnlyMissingStepsRun) {
  Db db;
  ASSERT_TRUE(db.Open(":memory:").ok());
  std::vector<std::string_view> steps = {"CREATE TABLE a(x);"};
  ASSERT_TRUE(Migrate(db, steps).ok());
  EXPECT_EQ(Version(db), 1);
  ASSERT_TRUE(db.Exec("INSERT INTO a VALUES (1)", "test").ok());
  steps.push_back("CREATE TABLE b(y); INSERT INTO b SELECT x FROM a;");
  ASSERT_TRUE(Migrate(db, steps).ok());  // step 1 would fail if it ran again
  EXPECT_EQ(Version(db), 2);
  EXPECT_EQ(*db.QueryInt("SELECT count(*) FROM b", "test"), 1);
}

TEST(SchemaTest, FailedStepRollsBack) {
  Db db;
  ASSERT_TRUE(db.Open(":memory:").ok());
  std::vector<std::string_view> steps = {"CREATE TABLE a(x);",
                                         "CREATE TABLE c(z); THIS IS NOT SQL;"};
  Status st = Migrate(db, steps);
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(), HasSubstr("schema version 2"));
  EXPECT_EQ(Version(db), 1);
  EXPECT_EQ(*db.QueryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'c'", "test"), 0);
}

TEST(SchemaTest, NewerVersionRefused) {
  Db db;
  ASSERT_TRUE(db.Open(":memory:").ok());
  ASSERT_TRUE(db.Exec("PRAGMA user_version = 99", "test").ok());
  Status st = Migrate(db);
  EXPECT_EQ(st.code(), StatusCode::kBadInput);
  EXPECT_THAT(st.message(), HasSubstr("newer sitrep"));
  EXPECT_THAT(st.message(), HasSubstr("99"));
  EXPECT_EQ(Version(db), 99);
}

}  // namespace
}  // namespace sitrep::store

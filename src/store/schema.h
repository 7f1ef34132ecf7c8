// Internal to store/. The database schema and its migrations.
//
// The schema version is PRAGMA user_version. Migrations() is an ordered list: step i
// takes a database from version i to version i+1, so a fresh file (version 0) runs them
// all and an old one runs only the missing tail. Each step runs in its own transaction
// together with the user_version bump, so a crash leaves the database at a whole version.
// Never edit a released step; append a new one.
//
// PRAGMA application_id marks the file as sitrep's, so we refuse to migrate somebody
// else's SQLite database. The schema itself is described in schema.cc beside the SQL.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/status.h"
#include "store/sqlite.h"

namespace sitrep::store {

// "SITR" in ASCII: PRAGMA application_id of every sitrep database.
inline constexpr int kApplicationId = 0x53495452;

// The migration steps, oldest first. Size == the version this build writes.
const std::vector<std::string_view>& Migrations();

// Brings `db` to the latest version. A database newer than this build, or one that
// belongs to another application, fails with BadInput naming the file; no change is made.
// A step that fails is rolled back and leaves the database at the previous version.
Status Migrate(Db& db);
// The same with explicit steps; for tests of the migration machinery.
Status Migrate(Db& db, const std::vector<std::string_view>& steps);

}  // namespace sitrep::store

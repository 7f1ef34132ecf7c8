#include "store/schema.h"

#include <string>

namespace sitrep::store {
namespace {

// Version 1: documents with their lines, paragraphs, sentences and date; ingest runs and
// their rejections.
//
// Documents have an integer key `n` (in insertion order) besides their text `id`; lines,
// paragraphs and sentences point at `n`, so a batch of new documents appends to the end
// of those tables' B-trees instead of scattering writes by hash id (measured: several
// times fewer page writes per document). Join on documents.n to read them by id.
//
// Conventions: offsets are UTF-8 byte offsets into documents.text, half-open
// [start_byte, end_byte) (named so because END is an SQL keyword); enum columns hold the
// names document.h prints ("body", "heading", "metadata", "day"); JSON columns hold
// compact JSON text; times are Unix seconds from the store's Clock.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE ingest_runs (
  id          INTEGER PRIMARY KEY,
  started_at  INTEGER NOT NULL,           -- first write of the run
  finished_at INTEGER,                    -- NULL while running or if it died
  command     TEXT NOT NULL DEFAULT '',
  seen        INTEGER NOT NULL DEFAULT 0, -- seen = stored + duplicates + rejected
  stored      INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  bytes       INTEGER NOT NULL DEFAULT 0,
  seconds     REAL NOT NULL DEFAULT 0
);

CREATE TABLE rejections (
  run    INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
  idx    INTEGER NOT NULL,                -- input order within the run
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run, idx)
) WITHOUT ROWID;

CREATE TABLE documents (
  n               INTEGER PRIMARY KEY,      -- insertion order; what child rows point at
  id              TEXT NOT NULL UNIQUE,
  source          TEXT NOT NULL,
  url             TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL DEFAULT '',
  outlet          TEXT NOT NULL DEFAULT '',
  published       TEXT NOT NULL DEFAULT '', -- as metadata gave it
  format          TEXT NOT NULL,            -- text | html | jsonl
  raw             BLOB NOT NULL DEFAULT x'', -- input bytes; empty when equal to text
  text            TEXT NOT NULL,            -- all offsets point here
  clean_text      TEXT NOT NULL,            -- Document::CleanText()
  chars           INTEGER NOT NULL,         -- code points of clean_text
  metadata        TEXT NOT NULL DEFAULT '{}', -- other metadata fields, input order
  invalid_utf8    INTEGER NOT NULL DEFAULT 0,
  date            TEXT NOT NULL DEFAULT '', -- ISO 8601, reduced precision allowed
  date_precision  TEXT NOT NULL DEFAULT 'none',
  date_source     TEXT NOT NULL DEFAULT 'none',
  date_confidence REAL NOT NULL DEFAULT 0,
  date_evidence   TEXT NOT NULL DEFAULT '',
  date_conflicts  TEXT NOT NULL DEFAULT '[]', -- [{value, source, evidence, why}]
  ingested_at     INTEGER NOT NULL,
  run             INTEGER REFERENCES ingest_runs(id)
);
CREATE INDEX documents_by_source ON documents(source, id);

CREATE TABLE lines (
  doc        INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  kind       TEXT NOT NULL,               -- body | headline | caption | dropped
  hint       TEXT NOT NULL DEFAULT 'none',
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE paragraphs (
  doc        INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  line_count INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
  doc        INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  paragraph  INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
)sql";

// Version 2: the extract stage's records and each document's MinHash signature.
//
// mentions, events and claims are keyed like lines: (doc, idx) with idx the record's
// position in its document's list, so the record id "<doc id>:m<idx>" (":e", ":c") is
// not stored but rebuilt from documents.id. A party (EntityRef) is three columns that
// filters use, <role>_id (resolved id), <role>_name (display name) and <role>_text (the
// words as written), plus <role> holding the rest as compact JSON ({"s","e"} span,
// kind, country, lat, lon, precision, how; '' when empty). An event's or claim's place
// also has place_lat/place_lon (NULL without a position). date_start is the first day
// of the date ("2016-03" -> "2016-03-01"; '' when undated) for range filters.
// documents.minhash holds the signature as 4-byte little-endian integers.
//
// Indexes: only what the filters can use. Place and actor filters also match substrings
// of names, which no index serves, so they scan; type and date ranges are indexed.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE documents ADD COLUMN minhash BLOB NOT NULL DEFAULT x'';

CREATE TABLE mentions (
  doc          INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  sentence     INTEGER,                   -- NULL when outside every sentence
  start_byte   INTEGER NOT NULL,
  end_byte     INTEGER NOT NULL,
  kind         TEXT NOT NULL,             -- actor | source | person | place
  entity_id    TEXT NOT NULL DEFAULT '',  -- resolved id; '' when unresolved
  entity_name  TEXT NOT NULL DEFAULT '',
  entity_text  TEXT NOT NULL DEFAULT '',
  entity       TEXT NOT NULL DEFAULT '',  -- the rest of the EntityRef, JSON
  type         TEXT NOT NULL DEFAULT '',  -- resolved type
  refers_to    INTEGER NOT NULL DEFAULT -1,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  doc            INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  start_byte     INTEGER NOT NULL,          -- the trigger words
  end_byte       INTEGER NOT NULL,
  trigger        TEXT NOT NULL,
  type           TEXT NOT NULL,             -- ontology id
  status         TEXT NOT NULL,
  frame          TEXT NOT NULL DEFAULT '',
  rule           TEXT NOT NULL DEFAULT '',
  agent_id       TEXT NOT NULL DEFAULT '',
  agent_name     TEXT NOT NULL DEFAULT '',
  agent_text     TEXT NOT NULL DEFAULT '',
  agent          TEXT NOT NULL DEFAULT '',
  target_id      TEXT NOT NULL DEFAULT '',
  target_name    TEXT NOT NULL DEFAULT '',
  target_text    TEXT NOT NULL DEFAULT '',
  target         TEXT NOT NULL DEFAULT '',
  place_id       TEXT NOT NULL DEFAULT '',
  place_name     TEXT NOT NULL DEFAULT '',
  place_text     TEXT NOT NULL DEFAULT '',
  place          TEXT NOT NULL DEFAULT '',
  place_lat      REAL,
  place_lon      REAL,
  instrument     TEXT NOT NULL DEFAULT '',
  date           TEXT NOT NULL DEFAULT '',  -- ISO at date_precision
  date_precision TEXT NOT NULL DEFAULT 'none',
  date_start     TEXT NOT NULL DEFAULT '',
  timex          TEXT NOT NULL DEFAULT '',
  time_start     INTEGER NOT NULL DEFAULT 0,
  time_end       INTEGER NOT NULL DEFAULT 0,
  time_source    TEXT NOT NULL DEFAULT '',
  claimed_by_id   TEXT NOT NULL DEFAULT '',
  claimed_by_name TEXT NOT NULL DEFAULT '',
  claimed_by_text TEXT NOT NULL DEFAULT '',
  claimed_by      TEXT NOT NULL DEFAULT '',
  reported_by    TEXT NOT NULL DEFAULT '',
  line_kind      TEXT NOT NULL DEFAULT 'body',
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX events_by_type ON events(type, date_start);
CREATE INDEX events_by_date ON events(date_start);

CREATE TABLE claims (
  doc            INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  start_byte     INTEGER NOT NULL,          -- modifier, number and counted words
  end_byte       INTEGER NOT NULL,
  number_start   INTEGER NOT NULL DEFAULT 0,
  number_end     INTEGER NOT NULL DEFAULT 0,
  kind           TEXT NOT NULL,
  item           TEXT NOT NULL DEFAULT '',
  calibre        TEXT NOT NULL DEFAULT '',
  low            REAL NOT NULL DEFAULT -1,  -- -1: open
  high           REAL NOT NULL DEFAULT -1,
  acled          REAL NOT NULL DEFAULT -1,
  modifier       TEXT NOT NULL DEFAULT '',
  effect         TEXT NOT NULL DEFAULT '',
  approx         INTEGER NOT NULL DEFAULT 0,
  vague          INTEGER NOT NULL DEFAULT 0,
  about_id       TEXT NOT NULL DEFAULT '',
  about_name     TEXT NOT NULL DEFAULT '',
  about_text     TEXT NOT NULL DEFAULT '',
  about          TEXT NOT NULL DEFAULT '',
  claimed_by_id   TEXT NOT NULL DEFAULT '',
  claimed_by_name TEXT NOT NULL DEFAULT '',
  claimed_by_text TEXT NOT NULL DEFAULT '',
  claimed_by      TEXT NOT NULL DEFAULT '',
  reported_by    TEXT NOT NULL DEFAULT '',
  place_id       TEXT NOT NULL DEFAULT '',
  place_name     TEXT NOT NULL DEFAULT '',
  place_text     TEXT NOT NULL DEFAULT '',
  place          TEXT NOT NULL DEFAULT '',
  place_lat      REAL,
  place_lon      REAL,
  date           TEXT NOT NULL DEFAULT '',
  date_precision TEXT NOT NULL DEFAULT 'none',
  event          INTEGER,                   -- idx of the event of the same document; NULL if none
  rule           TEXT NOT NULL DEFAULT '',
  line_kind      TEXT NOT NULL DEFAULT 'body',
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX claims_by_kind ON claims(kind);
)sql";

}  // namespace

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> steps = {kVersion1, kVersion2};
  return steps;
}

Status Migrate(Db& db) { return Migrate(db, Migrations()); }

Status Migrate(Db& db, const std::vector<std::string_view>& steps) {
  const std::string& path = db.path();
  Result<int64_t> app = db.QueryInt("PRAGMA application_id", "reading the application id");
  if (!app.ok()) return app.status();
  Result<int64_t> version = db.QueryInt("PRAGMA user_version", "reading the schema version");
  if (!version.ok()) return version.status();
  const int64_t known = static_cast<int64_t>(steps.size());
  if (*app != 0 && *app != kApplicationId) {
    return Status::BadInput("database " + path + " belongs to another program, not sitrep");
  }
  if (*version > known) {
    return Status::BadInput("database " + path + " was written by a newer sitrep (schema version " +
                            std::to_string(*version) + "; this build knows up to " +
                            std::to_string(known) + "); upgrade sitrep or use another --db");
  }
  if (*app == 0 && *version == 0) {
    // A file that is not ours but has tables: refuse rather than mix schemas.
    Result<int64_t> tables = db.QueryInt("SELECT count(*) FROM sqlite_schema", "reading the schema");
    if (!tables.ok()) return tables.status();
    if (*tables > 0) {
      return Status::BadInput("database " + path + " holds tables of another program, not sitrep");
    }
  }
  // Each step re-reads the version under the write lock, so two processes opening a new
  // file at once do not both run the same step.
  while (*version < known) {
    SITREP_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE", "starting a migration"));
    version = db.QueryInt("PRAGMA user_version", "reading the schema version");
    Status st = version.status();
    if (st.ok() && *version < known) {
      const int64_t v = *version;
      std::string sql(steps[static_cast<size_t>(v)]);
      sql += "\nPRAGMA user_version = " + std::to_string(v + 1) + ";";
      sql += "\nPRAGMA application_id = " + std::to_string(kApplicationId) + ";";
      st = db.Exec(sql, "migrating to schema version " + std::to_string(v + 1));
      if (st.ok()) version = v + 1;
    }
    if (st.ok()) st = db.Exec("COMMIT", "committing a migration");
    if (!st.ok()) {
      db.Exec("ROLLBACK", "rolling back a migration").IgnoreError();
      return st;
    }
  }
  return Status();
}

}  // namespace sitrep::store

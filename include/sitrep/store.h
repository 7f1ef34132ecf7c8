// The store: where documents and everything known about them are kept.
//
// One implementation (SQLite, WAL mode, versioned schema); tests open it on ":memory:".
// A Store is used from one thread at a time. Every method returns a Status or Result;
// "database is locked/busy" comes back as IoError with a message naming the file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep {

// One row of `sitrep docs`.
struct DocumentSummary {
  std::string id, source, url, title, outlet, published;
  InputFormat format = InputFormat::kText;
  uint64_t chars = 0;          // code points of the cleaned text
  uint64_t sentences = 0;
  uint64_t dropped_lines = 0;
  uint64_t invalid_utf8 = 0;
  DocumentDate date;
};

// The accounting of one `sitrep ingest` run: seen = stored + duplicates + rejected.
struct IngestSummary {
  uint64_t seen = 0, stored = 0, duplicates = 0, rejected = 0;
  uint64_t bytes = 0;
  double seconds = 0;
  std::vector<Rejection> rejections;  // in input order
  std::vector<std::string> duplicate_ids;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version this build writes (PRAGMA user_version after migration).
  static int SchemaVersion();

  virtual Result<bool> HasDocument(std::string_view id) = 0;
  // Stores a processed document: metadata, raw and normalised text, cleaned text, lines
  // (dropped ones with their reasons), paragraphs, sentences and the date. A document whose
  // id is already stored is left alone and the call returns ok with *inserted = false.
  virtual Status PutDocument(const Document& doc, bool* inserted) = 0;
  // Replaces the stored date of a document (used when later evidence dates it).
  virtual Status UpdateDocumentDate(std::string_view id, const DocumentDate& date) = 0;
  // All documents, ordered by source then id.
  virtual Result<std::vector<DocumentSummary>> ListDocuments() = 0;
  // One document with text, metadata, lines, paragraphs, sentences and date (tokens are
  // not stored). `id` may be a unique prefix of at least 4 characters. NotFound when none.
  virtual Result<Document> GetDocument(std::string_view id) = 0;

  // Records one ingest run and its rejections. Returns the run id.
  virtual Result<int64_t> LogIngestRun(std::string_view command, const IngestSummary& summary) = 0;
  // Rejected inputs of all runs, newest run first.
  virtual Result<std::vector<Rejection>> ListRejections() = 0;

  // Groups writes; PutDocument calls between Begin and Commit are one transaction.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
};

// Opens (creating and migrating as needed) the SQLite store at `path`; ":memory:" for an
// in-memory store. A database written by a newer sitrep fails with a message saying so.
// `clock` stamps ingest runs; it must outlive the store.
Result<std::unique_ptr<Store>> OpenStore(const std::string& path, const Clock* clock);

// The database path a command should use: `flag` when non-empty, else $SITREP_DB, else
// "sitrep.db" in the current directory.
std::string ResolveDbPath(const std::string& flag);

}  // namespace sitrep

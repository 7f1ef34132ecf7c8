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
#include <utility>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/record.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep {

// One row of `sitrep docs`.
// Filters for the record lists; empty fields do not filter. Text filters match an id
// exactly or, case-insensitively, a substring of the resolved name or the words as written.
struct EventQuery {
  std::string id;        // one event id
  std::string document;  // one document id
  std::string place;     // the event's place
  std::string actor;     // the agent or the target
  std::string type;      // ontology id ("air_strike")
  std::string since;     // ISO date; events dated on or after it (by their date's start)
  std::string until;     // ISO date; events dated on or before it
};

struct ClaimQuery {
  std::string id;
  std::string document;
  std::string place;     // the claim's place
  std::string kind;      // "killed", "tanks", ...
};

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
  uint64_t events = 0, claims = 0;     // records extracted from the stored documents
  uint64_t redated = 0;                // documents dated from other documents (Settle)
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
  // Replaces the mentions, events, claims and MinHash of a stored document with those of
  // `doc` (same id), e.g. after it was dated again. NotFound when it is not stored.
  virtual Status PutRecords(const Document& doc) = 0;

  // Records of the stored documents, each with its `quote` filled. Events are ordered by
  // date (undated last), then id; claims and mentions by document then position.
  virtual Result<std::vector<EventRecord>> ListEvents(const EventQuery& q) = 0;
  virtual Result<std::vector<ClaimRecord>> ListClaims(const ClaimQuery& q) = 0;
  // Mentions of one document, or of all when `document` is empty.
  virtual Result<std::vector<MentionRecord>> ListMentions(std::string_view document) = 0;
  // (document id, MinHash signature) of every document, ordered by id; empty signatures
  // are listed too.
  virtual Result<std::vector<std::pair<std::string, std::vector<uint32_t>>>> ListSignatures() = 0;

  // Copies every document (with its records) of the sitrep database at `path` that this
  // store does not hold yet, and its ingest runs and rejections. Returns how many
  // documents were copied. For merging shards processed separately.
  virtual Result<uint64_t> ImportFrom(const std::string& path) = 0;
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

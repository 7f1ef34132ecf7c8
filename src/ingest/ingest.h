// Internal to ingest/. Reading inputs into Documents.
//
// Formats are recognised by content first and extension second: gzip and zstd by magic
// bytes (then the inner format is detected again), HTML by markup, JSON Lines by a first
// non-blank character '{' on each line, everything else as plain text. Binary data, empty
// input, undecodable compression and oversized documents are rejected with a reason;
// invalid UTF-8 is replaced by U+FFFD and counted; text is NFC-normalised with '\n' line
// ends. Each document's id is its given id, else a hash of its text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

struct Options {
  const FileSystem* fs = PosixFileSystem();
  uint64_t max_file_bytes = 1ull << 30;       // larger inputs rejected; default 1 GiB
  uint64_t max_document_bytes = 64ull << 20;  // larger documents rejected; default 64 MiB
};

// Receives what ingest reads, in input order.
class Sink {
 public:
  virtual ~Sink() = default;
  // A non-ok Status stops the whole read (used when the store fails).
  virtual Status OnDocument(Document&& doc) = 0;
  virtual void OnRejected(Rejection rejection) = 0;
  // Bytes of input consumed so far and in all (0 when unknown, as for stdin).
  virtual void OnProgress(uint64_t done, uint64_t total) { (void)done; (void)total; }
};

// Reads every path: a file, a directory (recursively, sorted, hidden entries skipped) or
// "-" for standard input. Unreadable paths become rejections. Returns non-ok only when the
// sink returned non-ok.
Status ReadPaths(const std::vector<std::string>& paths, const Options& options, Sink& sink);

// Turns one input already in memory into documents (one, or one per JSON Lines record).
// `name` is the source name (path or "-"); its extension is a hint for the format.
Status ReadBuffer(const std::string& name, std::string bytes, const Options& options, Sink& sink);

}  // namespace sitrep::ingest

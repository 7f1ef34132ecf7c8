// Internal to ingest/. Reading inputs into Documents.
//
// Formats are recognised by content first and extension second: gzip and zstd by magic
// bytes (then the inner format is detected again), HTML by markup, JSON Lines by a first
// non-blank character '{' on each line, everything else as plain text. Binary data, empty
// input, undecodable compression and oversized documents are rejected with a reason;
// invalid UTF-8 is replaced by U+FFFD and counted; text is NFC-normalised with '\n' line
// ends. Each document's id is its given id, else a hash of its text.
//
// In detail (see detect.h, html.h and jsonl.h for each step):
//  * An input is decompressed (up to two layers, e.g. .txt.gz.zst; output capped at
//    max_file_bytes), checked for known binary magic (PNG, PDF, ZIP, ELF, ...) and for
//    many control bytes in its first 8 KiB, decoded from UTF-16/32 when it has such a
//    byte-order mark, and stripped of a UTF-8 byte-order mark. HTML that declares a
//    charset (<meta charset>) is decoded from it with ICU; text or HTML that is mostly not
//    UTF-8 and declares nothing is decoded as windows-1252 (the browsers' fallback) with
//    metadata "charset_guess" saying so.
//  * Plain text: one document; `lines` is left empty for the text stage.
//  * HTML: one document with `lines` filled (spans into `text`, hints set) and title,
//    url, published, outlet and some `metadata` from the page; `raw` is the page.
//  * JSON Lines: one document per non-blank line, source "path:LINE" (1-based). Bad lines
//    are rejected with reasons that start "line N: "; the rest are still read. A record
//    with "html" (and no non-blank "text") goes through the HTML extractor.
//  * Then for every document: invalid UTF-8 repaired (counted in invalid_utf8), line
//    breaks normalised (CRLF, CR, U+2028, U+2029 -> '\n'; NUL removed), NFC; title and
//    outlet NFC too. `raw` holds the decoded input before this normalisation when it
//    differs from `text` (so `raw` is always valid UTF-8), else it is empty; for HTML it
//    is the page and for a JSON Lines record with both "text" and "html" it is the html.
//    Blank text -> rejected "empty: ...". Id: the given one, else "h" + ContentId(text).
//  * Size limits: an input over max_file_bytes, or a document (text file, HTML page or
//    JSON Lines line) over max_document_bytes, is rejected with both sizes before any
//    parsing. All steps are linear in the input, so one huge line is no worse than many.
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
// "-" for standard input. Unreadable paths become rejections naming the path and the
// reason. Sizes are stat'ed up front; sink.OnProgress(done, total) is called after each
// file (total 0 when "-" is among the paths). Returns non-ok only when the sink returned
// non-ok, and then stops at once.
Status ReadPaths(const std::vector<std::string>& paths, const Options& options, Sink& sink);

// Turns one input already in memory into documents (one, or one per JSON Lines record).
// `name` is the source name (path or "-"); its extension is a hint for the format.
// Does not call OnProgress. Returns non-ok only when the sink returned non-ok.
Status ReadBuffer(const std::string& name, std::string bytes, const Options& options, Sink& sink);

}  // namespace sitrep::ingest

// The SQLite Store: one connection, statements prepared once at open and reused.
//
// Writes: PutDocument writes a document and its lines, paragraphs and sentences under a
// savepoint, so a failure halfway leaves nothing of that document behind; callers group
// many documents with Begin/Commit (one fsync per group in WAL mode with
// synchronous=NORMAL). Begin/Commit nest by count; only the outermost pair touches SQLite.
//
// Ingest runs: the first PutDocument after open (or after the last LogIngestRun) opens an
// ingest_runs row stamped by the Clock; its documents point at it; LogIngestRun fills it
// in. A run that dies halfway keeps finished_at NULL.
#include "store/sqlite_store.h"

#include <cstdlib>
#include <string>

#include "store/codec.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "util/unicode.h"

namespace sitrep {
namespace store {
namespace {

constexpr std::string_view kInsertDocument = R"sql(
INSERT INTO documents (id, source, url, title, outlet, published, format, raw, text,
  clean_text, chars, metadata, invalid_utf8, date, date_precision, date_source,
  date_confidence, date_evidence, date_conflicts, ingested_at, run)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
  ?19, ?20, ?21)
ON CONFLICT (id) DO NOTHING)sql";

constexpr std::string_view kInsertLine =
    "INSERT INTO lines (doc, idx, start_byte, end_byte, kind, hint, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kInsertParagraph =
    "INSERT INTO paragraphs (doc, idx, start_byte, end_byte, kind, first_line, line_count) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kInsertSentence =
    "INSERT INTO sentences (doc, idx, start_byte, end_byte, paragraph, kind) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

constexpr std::string_view kSelectSummaries = R"sql(
SELECT d.id, d.source, d.url, d.title, d.outlet, d.published, d.format, d.chars,
  d.invalid_utf8, d.date, d.date_precision, d.date_source, d.date_confidence,
  d.date_evidence, d.date_conflicts,
  (SELECT count(*) FROM sentences s WHERE s.doc = d.n),
  (SELECT count(*) FROM lines l WHERE l.doc = d.n AND l.kind = 'dropped')
FROM documents d ORDER BY d.source, d.id)sql";

constexpr std::string_view kSelectDocument = R"sql(
SELECT id, source, url, title, outlet, published, format, raw, text, metadata,
  invalid_utf8, date, date_precision, date_source, date_confidence, date_evidence,
  date_conflicts, n
FROM documents WHERE id = ?1)sql";

// Reads the six date columns starting at `col`.
DocumentDate ReadDate(const Stmt& s, int col) {
  DocumentDate d;
  d.value = s.String(col);
  d.precision = ParseDatePrecision(s.Text(col + 1));
  d.source = ParseDateSource(s.Text(col + 2));
  d.confidence = s.Double(col + 3);
  d.evidence = s.String(col + 4);
  d.conflicts = ConflictsFromJson(s.Text(col + 5));
  return d;
}

// Resets an insert into lines, paragraphs or sentences and binds the columns they share:
// ?1 document key, ?2 index within the document, ?3 start_byte, ?4 end_byte.
Stmt& StartChildRow(Stmt& t, int64_t doc, size_t idx, Span span) {
  t.Reset();
  t.Bind(1, doc);
  t.Bind(2, static_cast<int64_t>(idx));
  t.Bind(3, static_cast<int64_t>(span.start));
  t.Bind(4, static_cast<int64_t>(span.end));
  return t;
}

Span ReadSpan(const Stmt& s, int col) {
  return Span{static_cast<uint32_t>(s.Int(col)), static_cast<uint32_t>(s.Int(col + 1))};
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const Clock* clock) : clock_(clock) {}

  Status Open(const std::string& path, const StoreOptions& options) {
    SITREP_RETURN_IF_ERROR(db_.Open(path));
    SITREP_RETURN_IF_ERROR(db_.Exec(
        "PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms), "setting busy timeout"));
    SITREP_RETURN_IF_ERROR(db_.Exec("PRAGMA journal_mode = WAL", "switching to WAL mode"));
    // A 32 MiB page cache holds a whole batch of documents, so a transaction does not
    // spill half-written pages to the WAL and write them again.
    SITREP_RETURN_IF_ERROR(db_.Exec(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768",
        "setting pragmas"));
    SITREP_RETURN_IF_ERROR(Migrate(db_));
    return PrepareAll();
  }

  Result<bool> HasDocument(std::string_view id) override {
    ResetOnExit reset(has_);
    has_.Bind(1, id);
    return has_.Step("looking up a document");
  }

  Status PutDocument(const Document& doc, bool* inserted) override {
    *inserted = false;
    if (doc.id.empty()) return Status::InvalidArgument("cannot store a document without an id");
    const bool own_transaction = depth_ == 0;
    if (own_transaction) SITREP_RETURN_IF_ERROR(Begin());
    Status st = savepoint_.Run("starting a document");
    if (st.ok()) {
      st = WriteDocument(doc, inserted);
      if (st.ok()) {
        st = release_.Run("finishing a document");
      } else {
        rollback_to_.Run("undoing a document").IgnoreError();
        release_.Run("undoing a document").IgnoreError();
        *inserted = false;
      }
    }
    if (own_transaction) {
      Status commit = Commit();
      if (st.ok()) st = commit;
    }
    return st;
  }

  // TEMPORARY until schema v2 lands (records tables).
  Status PutRecords(const Document&) override { return Status::Internal("records are not stored yet"); }
  Result<std::vector<EventRecord>> ListEvents(const EventQuery&) override { return std::vector<EventRecord>{}; }
  Result<std::vector<ClaimRecord>> ListClaims(const ClaimQuery&) override { return std::vector<ClaimRecord>{}; }
  Result<std::vector<MentionRecord>> ListMentions(std::string_view) override { return std::vector<MentionRecord>{}; }
  Result<std::vector<std::pair<std::string, std::vector<uint32_t>>>> ListSignatures() override {
    return std::vector<std::pair<std::string, std::vector<uint32_t>>>{};
  }
  Result<uint64_t> ImportFrom(const std::string&) override { return Status::Internal("import is not written yet"); }

  Status UpdateDocumentDate(std::string_view id, const DocumentDate& date) override {
    const std::string conflicts = ConflictsToJson(date.conflicts);
    update_date_.Reset();
    update_date_.Bind(1, std::string_view(date.value));
    update_date_.Bind(2, DatePrecisionName(date.precision));
    update_date_.Bind(3, DateSourceName(date.source));
    update_date_.Bind(4, date.confidence);
    update_date_.Bind(5, std::string_view(date.evidence));
    update_date_.Bind(6, std::string_view(conflicts));
    update_date_.Bind(7, id);
    SITREP_RETURN_IF_ERROR(update_date_.Run("updating a document date"));
    if (db_.changes() == 0) return Status::NotFound("no document with id " + std::string(id));
    return Status();
  }

  Result<std::vector<DocumentSummary>> ListDocuments() override {
    std::vector<DocumentSummary> out;
    ResetOnExit reset(summaries_);
    for (;;) {
      Result<bool> row = summaries_.Step("listing documents");
      if (!row.ok()) return row.status();
      if (!*row) break;
      const Stmt& s = summaries_;
      DocumentSummary d;
      d.id = s.String(0);
      d.source = s.String(1);
      d.url = s.String(2);
      d.title = s.String(3);
      d.outlet = s.String(4);
      d.published = s.String(5);
      d.format = ParseInputFormat(s.Text(6));
      d.chars = static_cast<uint64_t>(s.Int(7));
      d.invalid_utf8 = static_cast<uint64_t>(s.Int(8));
      d.date = ReadDate(s, 9);
      d.sentences = static_cast<uint64_t>(s.Int(15));
      d.dropped_lines = static_cast<uint64_t>(s.Int(16));
      out.push_back(std::move(d));
    }
    return out;
  }

  Result<Document> GetDocument(std::string_view id) override {
    Result<std::string> full = ResolveId(id);
    if (!full.ok()) return full.status();
    Document doc;
    int64_t n = 0;
    {
      ResetOnExit reset(get_doc_);
      get_doc_.Bind(1, std::string_view(*full));
      Result<bool> row = get_doc_.Step("reading a document");
      if (!row.ok()) return row.status();
      if (!*row) return Status::NotFound("no document with id " + std::string(id));
      const Stmt& s = get_doc_;
      doc.id = s.String(0);
      doc.source = s.String(1);
      doc.url = s.String(2);
      doc.title = s.String(3);
      doc.outlet = s.String(4);
      doc.published = s.String(5);
      doc.format = ParseInputFormat(s.Text(6));
      doc.raw = s.String(7);
      doc.text = s.String(8);
      doc.metadata = MetadataFromJson(s.Text(9));
      doc.invalid_utf8 = static_cast<uint32_t>(s.Int(10));
      doc.date = ReadDate(s, 11);
      n = s.Int(17);
    }
    SITREP_RETURN_IF_ERROR(ReadAnnotations(n, doc));
    return doc;
  }

  Result<int64_t> LogIngestRun(std::string_view command, const IngestSummary& summary) override {
    SITREP_RETURN_IF_ERROR(Begin());
    Status st = WriteRun(command, summary);
    Status commit = Commit();
    if (!st.ok()) return st;
    if (!commit.ok()) return commit;
    const int64_t run = run_;
    run_ = 0;
    return run;
  }

  Result<std::vector<Rejection>> ListRejections() override {
    std::vector<Rejection> out;
    ResetOnExit reset(rejections_);
    for (;;) {
      Result<bool> row = rejections_.Step("listing rejections");
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.push_back(Rejection{rejections_.String(0), rejections_.String(1)});
    }
    return out;
  }

  Status Begin() override {
    if (depth_++ > 0) return Status();
    Status st = begin_.Run("starting a transaction");
    if (!st.ok()) depth_ = 0;
    return st;
  }

  Status Commit() override {
    if (depth_ == 0) return Status::Internal("Store::Commit without Begin");
    if (--depth_ > 0) return Status();
    Status st = commit_.Run("committing");
    if (!st.ok() && db_.in_transaction()) {
      db_.Exec("ROLLBACK", "rolling back").IgnoreError();
      run_ = 0;  // the run row went with the rollback
    }
    return st;
  }

 private:
  Status PrepareAll() {
    struct Entry {
      Stmt* stmt;
      std::string sql;
    };
    const std::string date_set =
        "UPDATE documents SET date = ?1, date_precision = ?2, date_source = ?3, "
        "date_confidence = ?4, date_evidence = ?5, date_conflicts = ?6 WHERE id = ?7";
    const Entry entries[] = {
        {&begin_, "BEGIN IMMEDIATE"},
        {&commit_, "COMMIT"},
        {&savepoint_, "SAVEPOINT put_document"},
        {&release_, "RELEASE put_document"},
        {&rollback_to_, "ROLLBACK TO put_document"},
        {&has_, "SELECT 1 FROM documents WHERE id = ?1"},
        {&insert_doc_, std::string(kInsertDocument)},
        {&insert_line_, std::string(kInsertLine)},
        {&insert_paragraph_, std::string(kInsertParagraph)},
        {&insert_sentence_, std::string(kInsertSentence)},
        {&update_date_, date_set},
        {&summaries_, std::string(kSelectSummaries)},
        {&get_doc_, std::string(kSelectDocument)},
        {&prefix_, "SELECT id FROM documents WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 11"},
        {&get_lines_,
         "SELECT start_byte, end_byte, kind, hint, reason FROM lines WHERE doc = ?1 ORDER BY idx"},
        {&get_paragraphs_,
         "SELECT start_byte, end_byte, kind, first_line, line_count FROM paragraphs "
         "WHERE doc = ?1 ORDER BY idx"},
        {&get_sentences_,
         "SELECT start_byte, end_byte, paragraph, kind FROM sentences WHERE doc = ?1 "
         "ORDER BY idx"},
        {&new_run_, "INSERT INTO ingest_runs (started_at) VALUES (?1)"},
        {&finish_run_,
         "UPDATE ingest_runs SET finished_at = ?2, command = ?3, seen = ?4, stored = ?5, "
         "duplicates = ?6, rejected = ?7, bytes = ?8, seconds = ?9 WHERE id = ?1"},
        {&insert_rejection_,
         "INSERT INTO rejections (run, idx, source, reason) VALUES (?1, ?2, ?3, ?4)"},
        {&rejections_, "SELECT source, reason FROM rejections ORDER BY run DESC, idx"},
    };
    for (const Entry& e : entries) SITREP_RETURN_IF_ERROR(e.stmt->Prepare(db_, e.sql));
    return Status();
  }

  // Opens the ingest_runs row documents of this run point at, once per run.
  Status EnsureRun() {
    if (run_ != 0) return Status();
    new_run_.Reset();
    new_run_.Bind(1, static_cast<int64_t>(clock_->NowUnixSeconds()));
    SITREP_RETURN_IF_ERROR(new_run_.Run("starting an ingest run"));
    run_ = db_.last_insert_rowid();
    return Status();
  }

  Status WriteDocument(const Document& doc, bool* inserted) {
    SITREP_RETURN_IF_ERROR(EnsureRun());
    const std::string clean = doc.CleanText();
    const std::string metadata = MetadataToJson(doc.metadata);
    const std::string conflicts = ConflictsToJson(doc.date.conflicts);
    Stmt& s = insert_doc_;
    s.Reset();
    s.Bind(1, std::string_view(doc.id));
    s.Bind(2, std::string_view(doc.source));
    s.Bind(3, std::string_view(doc.url));
    s.Bind(4, std::string_view(doc.title));
    s.Bind(5, std::string_view(doc.outlet));
    s.Bind(6, std::string_view(doc.published));
    s.Bind(7, InputFormatName(doc.format));
    s.BindBlob(8, doc.raw == doc.text ? std::string_view() : std::string_view(doc.raw));
    s.Bind(9, std::string_view(doc.text));
    s.Bind(10, std::string_view(clean));
    s.Bind(11, static_cast<int64_t>(CountCodePoints(clean)));
    s.Bind(12, std::string_view(metadata));
    s.Bind(13, static_cast<int64_t>(doc.invalid_utf8));
    s.Bind(14, std::string_view(doc.date.value));
    s.Bind(15, DatePrecisionName(doc.date.precision));
    s.Bind(16, DateSourceName(doc.date.source));
    s.Bind(17, doc.date.confidence);
    s.Bind(18, std::string_view(doc.date.evidence));
    s.Bind(19, std::string_view(conflicts));
    s.Bind(20, static_cast<int64_t>(clock_->NowUnixSeconds()));
    s.Bind(21, run_);
    SITREP_RETURN_IF_ERROR(s.Run("storing document " + doc.id));
    if (db_.changes() == 0) return Status();  // already stored: left alone
    *inserted = true;
    const int64_t n = db_.last_insert_rowid();
    for (size_t i = 0; i < doc.lines.size(); ++i) {
      const Line& l = doc.lines[i];
      Stmt& t = StartChildRow(insert_line_, n, i, l.span);
      t.Bind(5, LineKindName(l.kind));
      t.Bind(6, LineHintName(l.hint));
      t.Bind(7, std::string_view(l.reason));
      SITREP_RETURN_IF_ERROR(t.Run("storing lines"));
    }
    for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      Stmt& t = StartChildRow(insert_paragraph_, n, i, p.span);
      t.Bind(5, LineKindName(p.kind));
      t.Bind(6, static_cast<int64_t>(p.first_line));
      t.Bind(7, static_cast<int64_t>(p.line_count));
      SITREP_RETURN_IF_ERROR(t.Run("storing paragraphs"));
    }
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& x = doc.sentences[i];
      Stmt& t = StartChildRow(insert_sentence_, n, i, x.span);
      t.Bind(5, static_cast<int64_t>(x.paragraph));
      t.Bind(6, LineKindName(x.kind));
      SITREP_RETURN_IF_ERROR(t.Run("storing sentences"));
    }
    return Status();
  }

  // Lines, paragraphs and sentences of the document whose key is `n`.
  Status ReadAnnotations(int64_t n, Document& doc) {
    {
      ResetOnExit reset(get_lines_);
      get_lines_.Bind(1, n);
      for (;;) {
        Result<bool> row = get_lines_.Step("reading lines");
        if (!row.ok()) return row.status();
        if (!*row) break;
        Line l;
        l.span = ReadSpan(get_lines_, 0);
        l.kind = ParseLineKind(get_lines_.Text(2));
        l.hint = ParseLineHint(get_lines_.Text(3));
        l.reason = get_lines_.String(4);
        doc.lines.push_back(std::move(l));
      }
    }
    {
      ResetOnExit reset(get_paragraphs_);
      get_paragraphs_.Bind(1, n);
      for (;;) {
        Result<bool> row = get_paragraphs_.Step("reading paragraphs");
        if (!row.ok()) return row.status();
        if (!*row) break;
        Paragraph p;
        p.span = ReadSpan(get_paragraphs_, 0);
        p.kind = ParseLineKind(get_paragraphs_.Text(2));
        p.first_line = static_cast<uint32_t>(get_paragraphs_.Int(3));
        p.line_count = static_cast<uint32_t>(get_paragraphs_.Int(4));
        doc.paragraphs.push_back(p);
      }
    }
    ResetOnExit reset(get_sentences_);
    get_sentences_.Bind(1, n);
    for (;;) {
      Result<bool> row = get_sentences_.Step("reading sentences");
      if (!row.ok()) return row.status();
      if (!*row) break;
      Sentence x;
      x.span = ReadSpan(get_sentences_, 0);
      x.paragraph = static_cast<uint32_t>(get_sentences_.Int(2));
      x.kind = ParseLineKind(get_sentences_.Text(3));
      doc.sentences.push_back(x);
    }
    return Status();
  }

  // The full id `id` names: itself when stored, else the one id it is a prefix of.
  Result<std::string> ResolveId(std::string_view id) {
    Result<bool> exact = HasDocument(id);
    if (!exact.ok()) return exact.status();
    if (*exact) return std::string(id);
    const std::string shown(id);
    if (id.size() < 4) {
      return Status::NotFound("no document with id '" + shown +
                              "' (an id prefix needs at least 4 characters)");
    }
    // UTF-8 never contains byte 0xFF, so [id, id + "\xFF") holds exactly the ids that
    // start with `id` under SQLite's byte-wise (BINARY) comparison.
    const std::string upper = shown + '\xFF';
    std::vector<std::string> matches;
    {
      ResetOnExit reset(prefix_);
      prefix_.Bind(1, id);
      prefix_.Bind(2, std::string_view(upper));
      for (;;) {
        Result<bool> row = prefix_.Step("looking up an id prefix");
        if (!row.ok()) return row.status();
        if (!*row) break;
        matches.push_back(prefix_.String(0));
      }
    }
    if (matches.empty()) return Status::NotFound("no document with id '" + shown + "'");
    if (matches.size() == 1) return matches[0];
    std::string msg = "id prefix '" + shown + "' is ambiguous; it matches ";
    for (size_t i = 0; i < matches.size() && i < 10; ++i) {
      msg += (i > 0 ? ", " : "") + matches[i];
    }
    if (matches.size() > 10) msg += ", ...";
    return Status::InvalidArgument(msg);
  }

  Status WriteRun(std::string_view command, const IngestSummary& summary) {
    SITREP_RETURN_IF_ERROR(EnsureRun());
    Stmt& s = finish_run_;
    s.Reset();
    s.Bind(1, run_);
    s.Bind(2, static_cast<int64_t>(clock_->NowUnixSeconds()));
    s.Bind(3, command);
    s.Bind(4, static_cast<int64_t>(summary.seen));
    s.Bind(5, static_cast<int64_t>(summary.stored));
    s.Bind(6, static_cast<int64_t>(summary.duplicates));
    s.Bind(7, static_cast<int64_t>(summary.rejected));
    s.Bind(8, static_cast<int64_t>(summary.bytes));
    s.Bind(9, summary.seconds);
    SITREP_RETURN_IF_ERROR(s.Run("logging an ingest run"));
    for (size_t i = 0; i < summary.rejections.size(); ++i) {
      const Rejection& r = summary.rejections[i];
      Stmt& t = insert_rejection_;
      t.Reset();
      t.Bind(1, run_);
      t.Bind(2, static_cast<int64_t>(i));
      t.Bind(3, std::string_view(r.source));
      t.Bind(4, std::string_view(r.reason));
      SITREP_RETURN_IF_ERROR(t.Run("logging a rejection"));
    }
    return Status();
  }

  const Clock* clock_;
  Db db_;  // declared before the statements: they are finalized first
  int depth_ = 0;
  int64_t run_ = 0;  // the open ingest_runs row, 0 when none
  Stmt begin_, commit_, savepoint_, release_, rollback_to_;
  Stmt has_, insert_doc_, insert_line_, insert_paragraph_, insert_sentence_, update_date_;
  Stmt summaries_, get_doc_, prefix_, get_lines_, get_paragraphs_, get_sentences_;
  Stmt new_run_, finish_run_, insert_rejection_, rejections_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock* clock,
                                               const StoreOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty database path");
  auto store = std::make_unique<SqliteStore>(clock != nullptr ? clock : SystemClock());
  SITREP_RETURN_IF_ERROR(store->Open(path, options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace store

int Store::SchemaVersion() { return static_cast<int>(store::Migrations().size()); }

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, const Clock* clock) {
  return store::OpenSqliteStore(path, clock, store::StoreOptions());
}

std::string ResolveDbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("SITREP_DB");
  if (env != nullptr && *env != '\0') return env;
  return "sitrep.db";
}

}  // namespace sitrep

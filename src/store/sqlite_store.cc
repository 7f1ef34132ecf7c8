// The SQLite Store: one connection, statements prepared once (at open, or on first use
// for the multi-row INSERTs and filtered lists) and reused.
//
// Writes: PutDocument writes a document and its lines, paragraphs and sentences under a
// savepoint, so a failure halfway leaves nothing of that document behind; callers group
// many documents with Begin/Commit (one fsync per group in WAL mode with
// synchronous=NORMAL). Begin/Commit nest by count; only the outermost pair touches SQLite.
// Lines, paragraphs, sentences and records go in multi-row INSERTs of up to 16 rows.
//
// Records: PutDocument writes the document's mentions, events and claims and its MinHash
// in the same savepoint; PutRecords replaces them. Record ids are not stored: they are
// rebuilt as "<document id>:m<idx>" (":e", ":c"), so PutDocument refuses records whose
// ids are not of that form. List* build their WHERE clause from the filters that are set
// (so SQLite can use the indexes) and keep one prepared statement per combination.
//
// Ingest runs: the first PutDocument after open (or after the last LogIngestRun) opens an
// ingest_runs row stamped by the Clock; its documents point at it; LogIngestRun fills it
// in. A run that dies halfway keeps finished_at NULL.
#include "store/sqlite_store.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

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
  date_confidence, date_evidence, date_conflicts, ingested_at, run, minhash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
  ?19, ?20, ?21, ?22)
ON CONFLICT (id) DO NOTHING)sql";

// Heads of the multi-row INSERTs of a document's layers (see MultiRowInsert).
constexpr std::string_view kInsertLine =
    "INSERT INTO lines (doc, idx, start_byte, end_byte, kind, hint, reason)";
constexpr int kLineColumns = 7;
constexpr std::string_view kInsertParagraph =
    "INSERT INTO paragraphs (doc, idx, start_byte, end_byte, kind, first_line, line_count)";
constexpr int kParagraphColumns = 7;
constexpr std::string_view kInsertSentence =
    "INSERT INTO sentences (doc, idx, start_byte, end_byte, paragraph, kind)";
constexpr int kSentenceColumns = 6;

// The records' INSERT heads: WriteRecords appends " VALUES (...), (...)" for as many rows
// as it writes at once (see RecordInsert).
constexpr std::string_view kInsertMention =
    "INSERT INTO mentions (doc, idx, sentence, start_byte, end_byte, kind, entity_id, "
    "entity_name, entity_text, entity, type, refers_to)";
constexpr int kMentionColumns = 12;

constexpr std::string_view kInsertEvent = R"sql(
INSERT INTO events (doc, idx, sentence, start_byte, end_byte, trigger, type, status, frame,
  rule, agent_id, agent_name, agent_text, agent, target_id, target_name, target_text, target,
  place_id, place_name, place_text, place, place_lat, place_lon, instrument, date,
  date_precision, date_start, timex, time_start, time_end, time_source, claimed_by_id,
  claimed_by_name, claimed_by_text, claimed_by, reported_by, line_kind))sql";
constexpr int kEventColumns = 38;

constexpr std::string_view kInsertClaim = R"sql(
INSERT INTO claims (doc, idx, sentence, start_byte, end_byte, number_start, number_end, kind,
  item, calibre, low, high, acled, modifier, effect, approx, vague, about_id, about_name,
  about_text, about, claimed_by_id, claimed_by_name, claimed_by_text, claimed_by,
  reported_by, place_id, place_name, place_text, place, place_lat, place_lon, date,
  date_precision, event, rule, line_kind))sql";
constexpr int kClaimColumns = 37;

// Layers and records go in multi-row INSERTs of up to this many rows: one statement step, halt and
// reset per group instead of per row (about a fifth of a row's cost when measured).
constexpr size_t kRowsPerInsert = 16;

// `head` + " VALUES (?1, .., ?n), (?n+1, ..)" for `rows` rows of `columns` values.
std::string MultiRowInsert(std::string_view head, int columns, size_t rows) {
  std::string sql(head);
  sql += " VALUES ";
  int p = 1;
  for (size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (int c = 0; c < columns; ++c, ++p) {
      if (c > 0) sql += ", ";
      sql += '?';
      sql += std::to_string(p);
    }
    sql += ')';
  }
  return sql;
}

// The sentence's text as bytes (offsets are bytes; substr on TEXT counts characters).
constexpr std::string_view kQuote =
    "CAST(substr(CAST(d.text AS BLOB), s.start_byte + 1, s.end_byte - s.start_byte) AS BLOB)";

constexpr std::string_view kSelectEvents = R"sql(
SELECT d.id, e.idx, e.sentence, e.start_byte, e.end_byte, e.trigger, e.type, e.status,
  e.frame, e.rule, e.agent_id, e.agent_name, e.agent_text, e.agent, e.target_id,
  e.target_name, e.target_text, e.target, e.place_id, e.place_name, e.place_text, e.place,
  e.instrument, e.date, e.date_precision, e.timex, e.time_start, e.time_end, e.time_source,
  e.claimed_by_id, e.claimed_by_name, e.claimed_by_text, e.claimed_by, e.reported_by,
  e.line_kind, )sql";

constexpr std::string_view kSelectClaims = R"sql(
SELECT d.id, c.idx, c.sentence, c.start_byte, c.end_byte, c.number_start, c.number_end,
  c.kind, c.item, c.calibre, c.low, c.high, c.acled, c.modifier, c.effect, c.approx,
  c.vague, c.about_id, c.about_name, c.about_text, c.about, c.claimed_by_id,
  c.claimed_by_name, c.claimed_by_text, c.claimed_by, c.reported_by, c.place_id,
  c.place_name, c.place_text, c.place, c.date, c.date_precision, c.event, c.rule,
  c.line_kind, )sql";

constexpr std::string_view kSelectMentions = R"sql(
SELECT d.id, m.idx, m.sentence, m.start_byte, m.end_byte, m.kind, m.entity_id,
  m.entity_name, m.entity_text, m.entity, m.type, m.refers_to
FROM mentions m JOIN documents d ON d.n = m.doc)sql";

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

// Binds the columns lines, paragraphs and sentences share: ?1 document key, ?2 index
// within the document, ?3 start_byte, ?4 end_byte; `base` as in BindRecordKey.
void BindChildKey(Stmt& t, int base, int64_t doc, size_t idx, Span span) {
  t.Bind(base + 1, doc);
  t.Bind(base + 2, static_cast<int64_t>(idx));
  t.Bind(base + 3, static_cast<int64_t>(span.start));
  t.Bind(base + 4, static_cast<int64_t>(span.end));
}

// Binds the columns mentions, events and claims share: ?1 document key, ?2 index, ?3
// sentence (NULL for UINT32_MAX: outside every sentence), ?4 start_byte, ?5 end_byte.
// `base` is added to every parameter number (the row's place in a multi-row INSERT).
void BindRecordKey(Stmt& t, int base, int64_t doc, size_t idx, uint32_t sentence, Span span) {
  t.Bind(base + 1, doc);
  t.Bind(base + 2, static_cast<int64_t>(idx));
  if (sentence == UINT32_MAX) {
    t.BindNull(base + 3);
  } else {
    t.Bind(base + 3, static_cast<int64_t>(sentence));
  }
  t.Bind(base + 4, static_cast<int64_t>(span.start));
  t.Bind(base + 5, static_cast<int64_t>(span.end));
}

Span ReadSpan(const Stmt& s, int col) {
  return Span{static_cast<uint32_t>(s.Int(col)), static_cast<uint32_t>(s.Int(col + 1))};
}

// "<doc>:<letter><n>" for the record at position `n` of its list.
std::string RecordId(std::string_view doc, char letter, int64_t n) {
  std::string id(doc);
  id += ':';
  id += letter;
  id += std::to_string(n);
  return id;
}

// True when `id` is RecordId(doc, letter, i).
bool IsRecordId(std::string_view id, std::string_view doc, char letter, size_t i) {
  if (id.size() < doc.size() + 3 || id.substr(0, doc.size()) != doc || id[doc.size()] != ':' ||
      id[doc.size() + 1] != letter) {
    return false;
  }
  return id.substr(doc.size() + 2) == std::to_string(i);
}

// Splits a record id "<doc>:<letter><n>" into the document id and n; false when `id` is
// not of that form.
bool SplitRecordId(std::string_view id, char letter, std::string* doc, int64_t* n) {
  const size_t colon = id.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 2 >= id.size() ||
      id[colon + 1] != letter || id.size() - colon - 2 > 9) {
    return false;
  }
  int64_t v = 0;
  for (char c : id.substr(colon + 2)) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *doc = std::string(id.substr(0, colon));
  *n = v;
  return true;
}

// The first day of an ISO date at any precision: "2016" -> "2016-01-01"; "" stays "".
std::string DateStart(std::string_view date) {
  if (date.size() == 4) return std::string(date) + "-01-01";
  if (date.size() == 7) return std::string(date) + "-01";
  return std::string(date);
}

// The last day (as an upper bound for string comparison) of an ISO date: "2016" ->
// "2016-12-31", "2016-02" -> "2016-02-31".
std::string DateEnd(std::string_view date) {
  if (date.size() == 4) return std::string(date) + "-12-31";
  if (date.size() == 7) return std::string(date) + "-31";
  return std::string(date);
}

// Binds a party's four columns from `col`: id, name, text, rest (JSON kept in `rest`,
// which must outlive the statement's next Step).
void BindEntity(Stmt& t, int col, const EntityRef& e, std::string& rest,
                bool span_and_kind = true) {
  rest.clear();  // keeps its capacity: no allocation once warm
  AppendEntityRestJson(rest, e, span_and_kind);
  t.Bind(col, std::string_view(e.id));
  t.Bind(col + 1, std::string_view(e.name));
  t.Bind(col + 2, std::string_view(e.text));
  t.Bind(col + 3, std::string_view(rest));
}

void BindPosition(Stmt& t, int col, const EntityRef& e) {
  if (e.has_position) {
    t.Bind(col, e.lat);
    t.Bind(col + 1, e.lon);
  } else {
    t.BindNull(col);
    t.BindNull(col + 1);
  }
}

EntityRef ReadEntity(const Stmt& s, int col) {
  EntityRef e;
  e.id = s.String(col);
  e.name = s.String(col + 1);
  e.text = s.String(col + 2);
  EntityRestFromJson(s.Text(col + 3), e);
  return e;
}

// " AND (<col>_id = ?k OR <col>_name, <col>_text contain ?k ignoring ASCII case)".
std::string EntityFilter(std::string_view table, std::string_view role, int param) {
  const std::string p = "?" + std::to_string(param);
  const std::string c = std::string(table) + "." + std::string(role);
  return "(" + c + "_id = " + p + " OR instr(lower(" + c + "_name), lower(" + p +
         ")) > 0 OR instr(lower(" + c + "_text), lower(" + p + ")) > 0)";
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

  Status PutRecords(const Document& doc) override {
    const bool own_transaction = depth_ == 0;
    if (own_transaction) SITREP_RETURN_IF_ERROR(Begin());
    Status st = savepoint_.Run("starting a document");
    if (st.ok()) {
      st = ReplaceRecords(doc);
      if (st.ok()) {
        st = release_.Run("finishing a document");
      } else {
        rollback_to_.Run("undoing a document").IgnoreError();
        release_.Run("undoing a document").IgnoreError();
      }
    }
    if (own_transaction) {
      Status commit = Commit();
      if (st.ok()) st = commit;
    }
    return st;
  }

  Result<std::vector<EventRecord>> ListEvents(const EventQuery& q) override {
    std::string id_doc;
    int64_t id_n = 0;
    if (!q.id.empty() && !SplitRecordId(q.id, 'e', &id_doc, &id_n)) {
      return std::vector<EventRecord>();  // not an event id: matches nothing
    }
    const std::string since = DateStart(q.since), until = DateEnd(q.until);
    const std::string_view params[] = {id_doc, q.document, q.place, q.actor, q.type, since, until};
    int mask = 0;
    for (int i = 0; i < 7; ++i) mask |= params[i].empty() ? 0 : 1 << i;
    Result<Stmt*> stmt = Cached(events_by_mask_, mask, [&] {
      std::string sql(kSelectEvents);
      sql += kQuote;
      sql += "\nFROM events e JOIN documents d ON d.n = e.doc "
             "LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence WHERE 1";
      if (mask & 1) sql += " AND d.id = ?1 AND e.idx = ?8";
      if (mask & 2) sql += " AND d.id = ?2";
      if (mask & 4) sql += " AND " + EntityFilter("e", "place", 3);
      if (mask & 8) sql += " AND (" + EntityFilter("e", "agent", 4) + " OR " +
                           EntityFilter("e", "target", 4) + ")";
      if (mask & 16) sql += " AND e.type = ?5";
      if (mask & 32) sql += " AND e.date_start <> '' AND e.date_start >= ?6";
      if (mask & 64) sql += " AND e.date_start <> '' AND e.date_start <= ?7";
      sql += "\nORDER BY e.date_start = '', e.date_start, d.id, e.idx";
      return sql;
    });
    if (!stmt.ok()) return stmt.status();
    Stmt& t = **stmt;
    ResetOnExit reset(t);
    for (int i = 0; i < 7; ++i) {
      if (mask & (1 << i)) t.Bind(i + 1, params[i]);
    }
    if (mask & 1) t.Bind(8, id_n);
    std::vector<EventRecord> out;
    for (;;) {
      Result<bool> row = t.Step("listing events");
      if (!row.ok()) return row.status();
      if (!*row) break;
      EventRecord e;
      e.document = t.String(0);
      e.id = RecordId(e.document, 'e', t.Int(1));
      e.sentence = static_cast<uint32_t>(t.Int(2));
      e.span = ReadSpan(t, 3);
      e.trigger = t.String(5);
      e.type = t.String(6);
      e.status = t.String(7);
      e.frame = t.String(8);
      e.rule = t.String(9);
      e.agent = ReadEntity(t, 10);
      e.target = ReadEntity(t, 14);
      e.place = ReadEntity(t, 18);
      e.instrument = t.String(22);
      e.date = t.String(23);
      e.date_precision = ParseDatePrecision(t.Text(24));
      e.timex = t.String(25);
      e.time_span = ReadSpan(t, 26);
      e.time_source = t.String(28);
      e.claimed_by = ReadEntity(t, 29);
      e.reported_by = t.String(33);
      e.line_kind = ParseLineKind(t.Text(34));
      e.quote = t.String(35);
      out.push_back(std::move(e));
    }
    return out;
  }

  Result<std::vector<ClaimRecord>> ListClaims(const ClaimQuery& q) override {
    std::string id_doc;
    int64_t id_n = 0;
    if (!q.id.empty() && !SplitRecordId(q.id, 'c', &id_doc, &id_n)) {
      return std::vector<ClaimRecord>();
    }
    const std::string_view params[] = {id_doc, q.document, q.place, q.kind};
    int mask = 0;
    for (int i = 0; i < 4; ++i) mask |= params[i].empty() ? 0 : 1 << i;
    Result<Stmt*> stmt = Cached(claims_by_mask_, mask, [&] {
      std::string sql(kSelectClaims);
      sql += kQuote;
      sql += "\nFROM claims c JOIN documents d ON d.n = c.doc "
             "LEFT JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence WHERE 1";
      if (mask & 1) sql += " AND d.id = ?1 AND c.idx = ?5";
      if (mask & 2) sql += " AND d.id = ?2";
      if (mask & 4) sql += " AND " + EntityFilter("c", "place", 3);
      if (mask & 8) sql += " AND c.kind = ?4";
      sql += "\nORDER BY d.id, c.idx";
      return sql;
    });
    if (!stmt.ok()) return stmt.status();
    Stmt& t = **stmt;
    ResetOnExit reset(t);
    for (int i = 0; i < 4; ++i) {
      if (mask & (1 << i)) t.Bind(i + 1, params[i]);
    }
    if (mask & 1) t.Bind(5, id_n);
    std::vector<ClaimRecord> out;
    for (;;) {
      Result<bool> row = t.Step("listing claims");
      if (!row.ok()) return row.status();
      if (!*row) break;
      ClaimRecord c;
      c.document = t.String(0);
      c.id = RecordId(c.document, 'c', t.Int(1));
      c.sentence = static_cast<uint32_t>(t.Int(2));
      c.span = ReadSpan(t, 3);
      c.number = ReadSpan(t, 5);
      c.kind = t.String(7);
      c.item = t.String(8);
      c.calibre = t.String(9);
      c.low = t.Double(10);
      c.high = t.Double(11);
      c.acled = t.Double(12);
      c.modifier = t.String(13);
      c.effect = t.String(14);
      c.approx = t.Int(15) != 0;
      c.vague = t.Int(16) != 0;
      c.about = ReadEntity(t, 17);
      c.claimed_by = ReadEntity(t, 21);
      c.reported_by = t.String(25);
      c.place = ReadEntity(t, 26);
      c.date = t.String(30);
      c.date_precision = ParseDatePrecision(t.Text(31));
      if (!t.IsNull(32)) c.event = RecordId(c.document, 'e', t.Int(32));
      c.rule = t.String(33);
      c.line_kind = ParseLineKind(t.Text(34));
      c.quote = t.String(35);
      out.push_back(std::move(c));
    }
    return out;
  }

  Result<std::vector<MentionRecord>> ListMentions(std::string_view document) override {
    Stmt& t = document.empty() ? all_mentions_ : doc_mentions_;
    ResetOnExit reset(t);
    if (!document.empty()) t.Bind(1, document);
    std::vector<MentionRecord> out;
    for (;;) {
      Result<bool> row = t.Step("listing mentions");
      if (!row.ok()) return row.status();
      if (!*row) break;
      MentionRecord m;
      m.document = t.String(0);
      m.id = RecordId(m.document, 'm', t.Int(1));
      m.sentence = t.IsNull(2) ? UINT32_MAX : static_cast<uint32_t>(t.Int(2));
      m.entity = ReadEntity(t, 6);
      m.entity.span = ReadSpan(t, 3);
      m.entity.kind = t.String(5);
      m.type = t.String(10);
      m.refers_to = static_cast<int32_t>(t.Int(11));
      out.push_back(std::move(m));
    }
    return out;
  }

  Result<std::vector<std::pair<std::string, std::vector<uint32_t>>>> ListSignatures() override {
    std::vector<std::pair<std::string, std::vector<uint32_t>>> out;
    ResetOnExit reset(signatures_);
    for (;;) {
      Result<bool> row = signatures_.Step("listing signatures");
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.emplace_back(signatures_.String(0), SignatureFromBlob(signatures_.Text(1)));
    }
    return out;
  }

  Result<uint64_t> ImportFrom(const std::string& path) override;

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
        {&doc_key_, "SELECT n FROM documents WHERE id = ?1"},
        {&delete_mentions_, "DELETE FROM mentions WHERE doc = ?1"},
        {&delete_events_, "DELETE FROM events WHERE doc = ?1"},
        {&delete_claims_, "DELETE FROM claims WHERE doc = ?1"},
        {&set_minhash_, "UPDATE documents SET minhash = ?1 WHERE n = ?2"},
        {&all_mentions_, std::string(kSelectMentions) + " ORDER BY d.id, m.idx"},
        {&doc_mentions_, std::string(kSelectMentions) + " WHERE d.id = ?1 ORDER BY m.idx"},
        {&signatures_, "SELECT id, minhash FROM documents ORDER BY id"},
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
    const std::string minhash = SignatureToBlob(doc.minhash);
    s.BindBlob(22, minhash);
    SITREP_RETURN_IF_ERROR(s.Run("storing document " + doc.id));
    if (db_.changes() == 0) return Status();  // already stored: left alone
    *inserted = true;
    const int64_t n = db_.last_insert_rowid();
    SITREP_RETURN_IF_ERROR(WriteGroups(doc.lines.size(), insert_lines_, kInsertLine, kLineColumns,
                                       "storing lines", [&](Stmt& t, int b, size_t i, std::string*) {
                                         const Line& l = doc.lines[i];
                                         BindChildKey(t, b, n, i, l.span);
                                         t.Bind(b + 5, LineKindName(l.kind));
                                         t.Bind(b + 6, LineHintName(l.hint));
                                         t.Bind(b + 7, std::string_view(l.reason));
                                       }));
    SITREP_RETURN_IF_ERROR(WriteGroups(doc.paragraphs.size(), insert_paragraphs_, kInsertParagraph,
                                       kParagraphColumns, "storing paragraphs",
                                       [&](Stmt& t, int b, size_t i, std::string*) {
                                         const Paragraph& p = doc.paragraphs[i];
                                         BindChildKey(t, b, n, i, p.span);
                                         t.Bind(b + 5, LineKindName(p.kind));
                                         t.Bind(b + 6, static_cast<int64_t>(p.first_line));
                                         t.Bind(b + 7, static_cast<int64_t>(p.line_count));
                                       }));
    SITREP_RETURN_IF_ERROR(WriteGroups(doc.sentences.size(), insert_sentences_, kInsertSentence,
                                       kSentenceColumns, "storing sentences",
                                       [&](Stmt& t, int b, size_t i, std::string*) {
                                         const Sentence& x = doc.sentences[i];
                                         BindChildKey(t, b, n, i, x.span);
                                         t.Bind(b + 5, static_cast<int64_t>(x.paragraph));
                                         t.Bind(b + 6, LineKindName(x.kind));
                                       }));
    return WriteRecords(n, doc);
  }

  // Checks that the records' ids are those the store rebuilds (see the file comment).
  static Status CheckRecordIds(const Document& doc) {
    auto bad = [&](const std::string& id, const char* what) {
      return Status::InvalidArgument("cannot store " + std::string(what) + " '" + id +
                                     "' of document " + doc.id +
                                     ": ids must be <document>:<letter><position>");
    };
    for (size_t i = 0; i < doc.mentions.size(); ++i) {
      if (!IsRecordId(doc.mentions[i].id, doc.id, 'm', i)) return bad(doc.mentions[i].id, "mention");
    }
    for (size_t i = 0; i < doc.events.size(); ++i) {
      if (!IsRecordId(doc.events[i].id, doc.id, 'e', i)) return bad(doc.events[i].id, "event");
    }
    for (size_t i = 0; i < doc.claims.size(); ++i) {
      const ClaimRecord& c = doc.claims[i];
      if (!IsRecordId(c.id, doc.id, 'c', i)) return bad(c.id, "claim");
      std::string event_doc;
      int64_t event_n = 0;
      if (!c.event.empty() && (!SplitRecordId(c.event, 'e', &event_doc, &event_n) ||
                               event_doc != doc.id)) {
        return bad(c.id, "claim (its event is not an event of the document)");
      }
    }
    return Status();
  }

  // The INSERT of `rows` rows from `cache` (prepared from `head` on first use), reset.
  Result<Stmt*> RecordInsert(std::unique_ptr<Stmt>* cache, std::string_view head, int columns,
                             size_t rows) {
    std::unique_ptr<Stmt>& slot = cache[rows];
    if (!slot) {
      auto stmt = std::make_unique<Stmt>();
      SITREP_RETURN_IF_ERROR(stmt->Prepare(db_, MultiRowInsert(head, columns, rows)));
      slot = std::move(stmt);
    }
    slot->Reset();
    return slot.get();
  }

  // Writes `count` records in groups of up to kRowsPerInsert rows: bind(stmt, base, i,
  // rest) binds record i at parameter offset `base`, keeping the JSON it binds in `rest`
  // (four strings that live until the group is written).
  template <typename BindFn>
  Status WriteGroups(size_t count, std::unique_ptr<Stmt>* cache, std::string_view head, int columns,
                     const char* what, BindFn bind) {
    if (rest_.size() < 4 * kRowsPerInsert) rest_.resize(4 * kRowsPerInsert);
    for (size_t first = 0; first < count; first += kRowsPerInsert) {
      const size_t rows = std::min(kRowsPerInsert, count - first);
      Result<Stmt*> stmt = RecordInsert(cache, head, columns, rows);
      if (!stmt.ok()) return stmt.status();
      for (size_t r = 0; r < rows; ++r) {
        bind(**stmt, static_cast<int>(r) * columns, first + r, &rest_[4 * r]);
      }
      SITREP_RETURN_IF_ERROR((*stmt)->Run(what));
    }
    return Status();
  }

  // Inserts the mentions, events and claims of `doc`, whose key is `n`.
  Status WriteRecords(int64_t n, const Document& doc) {
    SITREP_RETURN_IF_ERROR(CheckRecordIds(doc));
    SITREP_RETURN_IF_ERROR(WriteGroups(
        doc.mentions.size(), insert_mentions_, kInsertMention, kMentionColumns, "storing mentions",
        [&](Stmt& t, int b, size_t i, std::string* rest) {
          const MentionRecord& m = doc.mentions[i];
          BindRecordKey(t, b, n, i, m.sentence, m.entity.span);
          t.Bind(b + 6, std::string_view(m.entity.kind));
          BindEntity(t, b + 7, m.entity, rest[0], /*span_and_kind=*/false);
          t.Bind(b + 11, std::string_view(m.type));
          t.Bind(b + 12, static_cast<int64_t>(m.refers_to));
        }));
    // date_start of each event of a group, bound without copying.
    std::string date_start[kRowsPerInsert];
    SITREP_RETURN_IF_ERROR(WriteGroups(
        doc.events.size(), insert_events_, kInsertEvent, kEventColumns, "storing events",
        [&](Stmt& t, int b, size_t i, std::string* rest) {
          const EventRecord& e = doc.events[i];
          BindRecordKey(t, b, n, i, e.sentence, e.span);
          t.Bind(b + 6, std::string_view(e.trigger));
          t.Bind(b + 7, std::string_view(e.type));
          t.Bind(b + 8, std::string_view(e.status));
          t.Bind(b + 9, std::string_view(e.frame));
          t.Bind(b + 10, std::string_view(e.rule));
          BindEntity(t, b + 11, e.agent, rest[0]);
          BindEntity(t, b + 15, e.target, rest[1]);
          BindEntity(t, b + 19, e.place, rest[2]);
          BindPosition(t, b + 23, e.place);
          t.Bind(b + 25, std::string_view(e.instrument));
          t.Bind(b + 26, std::string_view(e.date));
          t.Bind(b + 27, DatePrecisionName(e.date_precision));
          std::string& start = date_start[i % kRowsPerInsert];
          start = DateStart(e.date);
          t.Bind(b + 28, std::string_view(start));
          t.Bind(b + 29, std::string_view(e.timex));
          t.Bind(b + 30, static_cast<int64_t>(e.time_span.start));
          t.Bind(b + 31, static_cast<int64_t>(e.time_span.end));
          t.Bind(b + 32, std::string_view(e.time_source));
          BindEntity(t, b + 33, e.claimed_by, rest[3]);
          t.Bind(b + 37, std::string_view(e.reported_by));
          t.Bind(b + 38, LineKindName(e.line_kind));
        }));
    return WriteGroups(
        doc.claims.size(), insert_claims_, kInsertClaim, kClaimColumns, "storing claims",
        [&](Stmt& t, int b, size_t i, std::string* rest) {
          const ClaimRecord& c = doc.claims[i];
          BindRecordKey(t, b, n, i, c.sentence, c.span);
          t.Bind(b + 6, static_cast<int64_t>(c.number.start));
          t.Bind(b + 7, static_cast<int64_t>(c.number.end));
          t.Bind(b + 8, std::string_view(c.kind));
          t.Bind(b + 9, std::string_view(c.item));
          t.Bind(b + 10, std::string_view(c.calibre));
          t.Bind(b + 11, c.low);
          t.Bind(b + 12, c.high);
          t.Bind(b + 13, c.acled);
          t.Bind(b + 14, std::string_view(c.modifier));
          t.Bind(b + 15, std::string_view(c.effect));
          t.Bind(b + 16, static_cast<int64_t>(c.approx));
          t.Bind(b + 17, static_cast<int64_t>(c.vague));
          BindEntity(t, b + 18, c.about, rest[0]);
          BindEntity(t, b + 22, c.claimed_by, rest[1]);
          t.Bind(b + 26, std::string_view(c.reported_by));
          BindEntity(t, b + 27, c.place, rest[2]);
          BindPosition(t, b + 31, c.place);
          t.Bind(b + 33, std::string_view(c.date));
          t.Bind(b + 34, DatePrecisionName(c.date_precision));
          std::string event_doc;
          int64_t event_n = 0;
          if (SplitRecordId(c.event, 'e', &event_doc, &event_n)) {
            t.Bind(b + 35, event_n);
          } else {
            t.BindNull(b + 35);
          }
          t.Bind(b + 36, std::string_view(c.rule));
          t.Bind(b + 37, LineKindName(c.line_kind));
        });
  }

  // PutRecords inside its savepoint.
  Status ReplaceRecords(const Document& doc) {
    int64_t n = 0;
    {
      ResetOnExit reset(doc_key_);
      doc_key_.Bind(1, std::string_view(doc.id));
      Result<bool> row = doc_key_.Step("looking up a document");
      if (!row.ok()) return row.status();
      if (!*row) return Status::NotFound("no document with id " + doc.id);
      n = doc_key_.Int(0);
    }
    SITREP_RETURN_IF_ERROR(CheckRecordIds(doc));
    for (Stmt* del : {&delete_mentions_, &delete_events_, &delete_claims_}) {
      del->Reset();
      del->Bind(1, n);
      SITREP_RETURN_IF_ERROR(del->Run("replacing records"));
    }
    const std::string minhash = SignatureToBlob(doc.minhash);
    set_minhash_.Reset();
    set_minhash_.BindBlob(1, minhash);
    set_minhash_.Bind(2, n);
    SITREP_RETURN_IF_ERROR(set_minhash_.Run("storing a signature"));
    return WriteRecords(n, doc);
  }

  // The statement cached under `mask` in `cache`, prepared from make() on first use.
  template <typename MakeSql>
  Result<Stmt*> Cached(std::map<int, std::unique_ptr<Stmt>>& cache, int mask, MakeSql make) {
    auto it = cache.find(mask);
    if (it != cache.end()) return it->second.get();
    auto stmt = std::make_unique<Stmt>();
    SITREP_RETURN_IF_ERROR(stmt->Prepare(db_, make()));
    Stmt* raw = stmt.get();
    cache.emplace(mask, std::move(stmt));
    return raw;
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
  Stmt has_, insert_doc_, update_date_;
  Stmt summaries_, get_doc_, prefix_, get_lines_, get_paragraphs_, get_sentences_;
  Stmt new_run_, finish_run_, insert_rejection_, rejections_;
  Stmt doc_key_;
  // Multi-row INSERTs of layers and records by row count (index 1..kRowsPerInsert), prepared on first use.
  std::unique_ptr<Stmt> insert_mentions_[kRowsPerInsert + 1], insert_events_[kRowsPerInsert + 1],
      insert_claims_[kRowsPerInsert + 1], insert_lines_[kRowsPerInsert + 1],
      insert_paragraphs_[kRowsPerInsert + 1], insert_sentences_[kRowsPerInsert + 1];
  std::vector<std::string> rest_;  // JSON of the parties bound in one multi-row INSERT
  Stmt delete_mentions_, delete_events_, delete_claims_, set_minhash_;
  Stmt all_mentions_, doc_mentions_, signatures_;
  // List* statements by the set of filters in use (declared after db_: finalized first).
  std::map<int, std::unique_ptr<Stmt>> events_by_mask_, claims_by_mask_;
};


// The column names of `schema`.`table`, in order; empty when there is no such table.
Result<std::vector<std::string>> Columns(Db& db, std::string_view schema, std::string_view table) {
  Stmt t;
  SITREP_RETURN_IF_ERROR(t.Prepare(db, "PRAGMA " + std::string(schema) + ".table_info(" +
                                           std::string(table) + ")"));
  std::vector<std::string> out;
  for (;;) {
    Result<bool> row = t.Step("reading the columns of " + std::string(table));
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(t.String(1));
  }
  return out;
}

// Runs `sql` (one statement) with no parameters; returns the rows it changed.
Result<int64_t> RunSql(Db& db, const std::string& sql, std::string_view what) {
  Stmt t;
  SITREP_RETURN_IF_ERROR(t.Prepare(db, sql));
  SITREP_RETURN_IF_ERROR(t.Run(what));
  return db.changes();
}

constexpr std::string_view kSource = "sitrep_import";

// The copy itself, inside a transaction, with the source attached as kSource.
Result<uint64_t> CopyFrom(Db& db) {
  const std::string src(kSource);
  for (const char* sql : {
           "CREATE TEMP TABLE IF NOT EXISTS import_docs (old_n INTEGER PRIMARY KEY, id TEXT "
           "NOT NULL, new_n INTEGER)",
           "CREATE TEMP TABLE IF NOT EXISTS import_runs (old_id INTEGER PRIMARY KEY, new_id "
           "INTEGER NOT NULL, copied INTEGER NOT NULL)",
           "DELETE FROM temp.import_docs", "DELETE FROM temp.import_runs"}) {
    SITREP_RETURN_IF_ERROR(RunSql(db, sql, "preparing the import").status());
  }

  // Ingest runs: one already here (same start, command and counts; e.g. imported before)
  // is not copied again.
  struct Run {
    int64_t id;
    bool finished;
  };
  std::vector<Run> runs;
  {
    Stmt t;
    SITREP_RETURN_IF_ERROR(
        t.Prepare(db, "SELECT id, finished_at IS NOT NULL FROM " + src + ".ingest_runs ORDER BY id"));
    for (;;) {
      Result<bool> row = t.Step("reading ingest runs");
      if (!row.ok()) return row.status();
      if (!*row) break;
      runs.push_back({t.Int(0), t.Int(1) != 0});
    }
  }
  const std::string run_cols =
      "started_at, finished_at, command, seen, stored, duplicates, rejected, bytes, seconds";
  Stmt same, copy, map, rejections;
  SITREP_RETURN_IF_ERROR(same.Prepare(
      db, "SELECT m.id FROM main.ingest_runs m, " + src +
              ".ingest_runs s WHERE s.id = ?1 AND m.started_at = s.started_at AND "
              "m.finished_at IS s.finished_at AND m.command = s.command AND m.seen = s.seen AND "
              "m.stored = s.stored AND m.duplicates = s.duplicates AND m.rejected = s.rejected "
              "AND m.bytes = s.bytes AND m.seconds = s.seconds LIMIT 1"));
  SITREP_RETURN_IF_ERROR(copy.Prepare(db, "INSERT INTO main.ingest_runs (" + run_cols +
                                              ") SELECT " + run_cols + " FROM " + src +
                                              ".ingest_runs WHERE id = ?1"));
  SITREP_RETURN_IF_ERROR(map.Prepare(
      db, "INSERT INTO temp.import_runs (old_id, new_id, copied) VALUES (?1, ?2, ?3)"));
  SITREP_RETURN_IF_ERROR(rejections.Prepare(
      db, "INSERT INTO main.rejections (run, idx, source, reason) SELECT ?2, idx, source, "
          "reason FROM " + src + ".rejections WHERE run = ?1"));
  for (const Run& r : runs) {
    int64_t target = 0;
    {
      ResetOnExit reset(same);
      same.Bind(1, r.id);
      Result<bool> row = same.Step("comparing ingest runs");
      if (!row.ok()) return row.status();
      if (*row) target = same.Int(0);
    }
    const bool copied = target == 0;
    if (copied) {
      copy.Reset();
      copy.Bind(1, r.id);
      SITREP_RETURN_IF_ERROR(copy.Run("copying an ingest run"));
      target = db.last_insert_rowid();
      rejections.Reset();
      rejections.Bind(1, r.id);
      rejections.Bind(2, target);
      SITREP_RETURN_IF_ERROR(rejections.Run("copying rejections"));
    }
    map.Reset();
    map.Bind(1, r.id);
    map.Bind(2, target);
    map.Bind(3, static_cast<int64_t>(copied));
    SITREP_RETURN_IF_ERROR(map.Run("copying an ingest run"));
  }

  // Documents this store does not hold, in their original order, with new keys.
  SITREP_RETURN_IF_ERROR(RunSql(db,
                                "INSERT INTO temp.import_docs (old_n, id) SELECT n, id FROM " +
                                    src + ".documents WHERE id NOT IN (SELECT id FROM "
                                          "main.documents) ORDER BY n",
                                "choosing documents to import")
                             .status());
  auto main_cols = Columns(db, "main", "documents");
  if (!main_cols.ok()) return main_cols.status();
  auto src_cols = Columns(db, src, "documents");
  if (!src_cols.ok()) return src_cols.status();
  std::string cols, select;
  for (const std::string& c : *main_cols) {
    if (c == "n" || c == "run") continue;
    if (std::find(src_cols->begin(), src_cols->end(), c) == src_cols->end()) continue;
    cols += c + ", ";
    select += "s." + c + ", ";
  }
  Result<int64_t> copied = RunSql(
      db,
      "INSERT INTO main.documents (" + cols + "run) SELECT " + select +
          "(SELECT new_id FROM temp.import_runs r WHERE r.old_id = s.run) FROM " + src +
          ".documents s JOIN temp.import_docs m ON m.old_n = s.n ORDER BY s.n",
      "copying documents");
  if (!copied.ok()) return copied.status();
  SITREP_RETURN_IF_ERROR(RunSql(db,
                                "UPDATE temp.import_docs SET new_n = (SELECT n FROM "
                                "main.documents d WHERE d.id = import_docs.id)",
                                "copying documents")
                             .status());

  // Their lines, paragraphs, sentences and records (a version 1 source has no records).
  for (const char* table :
       {"lines", "paragraphs", "sentences", "mentions", "events", "claims"}) {
    auto mine = Columns(db, "main", table);
    if (!mine.ok()) return mine.status();
    auto theirs = Columns(db, src, table);
    if (!theirs.ok()) return theirs.status();
    if (theirs->empty()) continue;
    std::string child_cols, child_select;
    for (const std::string& c : *mine) {
      if (c == "doc") continue;
      if (std::find(theirs->begin(), theirs->end(), c) == theirs->end()) continue;
      child_cols += ", " + c;
      child_select += ", c." + c;
    }
    SITREP_RETURN_IF_ERROR(RunSql(db,
                                  "INSERT INTO main." + std::string(table) + " (doc" +
                                      child_cols + ") SELECT m.new_n" + child_select +
                                      " FROM " + src + "." + table +
                                      " c JOIN temp.import_docs m ON m.old_n = c.doc",
                                  "copying " + std::string(table))
                               .status());
  }
  return static_cast<uint64_t>(*copied);
}

Result<uint64_t> SqliteStore::ImportFrom(const std::string& path) {
  if (depth_ != 0) return Status::Internal("Store::ImportFrom inside a transaction");
  std::error_code ec;
  if (path.empty() || path == ":memory:" || !std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("cannot import " + path + ": no such file");
  }
  const std::string src(kSource);
  auto not_sitrep = [&](const std::string& why) {
    return Status::BadInput("cannot import " + path + ": not a sitrep database (" + why + ")");
  };
  {
    Stmt attach;
    SITREP_RETURN_IF_ERROR(attach.Prepare(db_, "ATTACH DATABASE ?1 AS " + src));
    attach.Bind(1, std::string_view(path));
    Status st = attach.Run("opening " + path);
    if (st.code() == StatusCode::kBadInput) return not_sitrep("not an SQLite database");
    if (!st.ok()) return Status::IoError("cannot import " + path + ": " + st.message());
  }
  auto detach = [&] { db_.Exec("DETACH DATABASE " + src, "closing the import").IgnoreError(); };
  Result<int64_t> app = db_.QueryInt("PRAGMA " + src + ".application_id", "reading " + path);
  if (!app.ok()) {
    detach();
    if (app.status().code() != StatusCode::kBadInput) return app.status();
    return not_sitrep("not an SQLite database");
  }
  Result<int64_t> version = db_.QueryInt("PRAGMA " + src + ".user_version", "reading " + path);
  if (!version.ok()) {
    detach();
    return version.status();
  }
  if (*app != kApplicationId || *version < 1) {
    detach();
    return not_sitrep(*app == 0 && *version == 0 ? "no sitrep schema" : "another program's file");
  }
  if (*version > Store::SchemaVersion()) {
    detach();
    return Status::BadInput("cannot import " + path + ": written by a newer sitrep (schema version " +
                            std::to_string(*version) + "); upgrade sitrep");
  }
  Status st = Begin();
  if (!st.ok()) {
    detach();
    return st;
  }
  Result<uint64_t> copied = CopyFrom(db_);
  if (copied.ok()) {
    st = Commit();
  } else {
    depth_ = 0;
    db_.Exec("ROLLBACK", "rolling back an import").IgnoreError();
    st = copied.status();
  }
  detach();
  if (!st.ok()) return st;
  return copied;
}

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

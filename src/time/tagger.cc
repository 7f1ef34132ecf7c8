#include <cstdlib>
#include <cstring>

#include "time/grammar.h"
#include "time/lexicon.h"
#include "time/resolve.h"
#include "time/scanner.h"
#include "time/tense.h"
#include "time/timex.h"

namespace sitrep::time {

std::string_view TimexTypeName(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view GrainName(Grain g) {
  switch (g) {
    case Grain::kNone: return "none";
    case Grain::kSecond: return "second";
    case Grain::kMinute: return "minute";
    case Grain::kHour: return "hour";
    case Grain::kPartOfDay: return "part_of_day";
    case Grain::kDay: return "day";
    case Grain::kWeek: return "week";
    case Grain::kMonth: return "month";
    case Grain::kQuarter: return "quarter";
    case Grain::kSeason: return "season";
    case Grain::kYear: return "year";
    case Grain::kDecade: return "decade";
    case Grain::kCentury: return "century";
  }
  return "none";
}

std::string_view TimexModName(TimexMod m) {
  switch (m) {
    case TimexMod::kNone: return "";
    case TimexMod::kApprox: return "APPROX";
    case TimexMod::kLessThan: return "LESS_THAN";
    case TimexMod::kMoreThan: return "MORE_THAN";
    case TimexMod::kEqualOrLess: return "EQUAL_OR_LESS";
    case TimexMod::kEqualOrMore: return "EQUAL_OR_MORE";
    case TimexMod::kStart: return "START";
    case TimexMod::kMid: return "MID";
    case TimexMod::kEnd: return "END";
    case TimexMod::kBefore: return "BEFORE";
    case TimexMod::kAfter: return "AFTER";
    case TimexMod::kOnOrBefore: return "ON_OR_BEFORE";
    case TimexMod::kOnOrAfter: return "ON_OR_AFTER";
  }
  return "";
}

std::string Anchor::Describe() const {
  switch (kind) {
    case AnchorKind::kNone: return "none";
    case AnchorKind::kReference: return "reference " + value;
    case AnchorKind::kDocumentDate: return "document date " + value;
    case AnchorKind::kPreviousExpression:
      return "previous expression at offset " + std::to_string(offset) + " (" + value + ")";
  }
  return "none";
}

Reference Reference::Instant(DateTime t, AnchorKind kind) {
  Reference r;
  r.time = t;
  r.precision = Grain::kSecond;
  r.kind = kind;
  return r;
}

Reference Reference::DocumentDate(int year, int month, int day) {
  Reference r;
  r.time = MakeDateTime(year, month, day);
  r.precision = Grain::kDay;
  r.kind = AnchorKind::kDocumentDate;
  return r;
}

Reference Reference::Unknown() { return Reference(); }

Result<Reference> Reference::Parse(std::string_view iso, AnchorKind kind) {
  DateTime t;
  bool has_time;
  if (!ParseIsoDateTime(iso, &t, &has_time))
    return Status::InvalidArgument("not an ISO 8601 date or date-time: '" + std::string(iso) +
                                   "' (expected 2016-12-11 or 2016-12-11T04:30:00)");
  Reference r;
  r.time = t;
  // A reduced date ("2016", "2016-12") is known only to its year or month.
  r.precision = has_time ? Grain::kSecond : iso.size() == 4 ? Grain::kYear : iso.size() == 7 ? Grain::kMonth : Grain::kDay;
  r.kind = kind;
  return r;
}

std::string Reference::Value() const {
  if (precision == Grain::kNone) return "";
  Resolved r;
  r.iv = {time, time + 1};
  r.grain = precision == Grain::kSecond && time % 60 == 0 ? Grain::kMinute : precision;
  return FormatValue(r);
}

Tagger::Tagger(std::unique_ptr<Lexicon> lex) : lex_(std::move(lex)) {}
Tagger::~Tagger() = default;

Result<std::unique_ptr<Tagger>> Tagger::Load(const FileSystem& fs, const std::string& data_dir) {
  Result<std::unique_ptr<Lexicon>> lex = Lexicon::Load(fs, data_dir);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Tagger>(new Tagger(std::move(lex.value())));
}

std::string Tagger::DefaultDataDir() { return SitrepHome() + "/data/time"; }

Result<std::unique_ptr<Tagger>> Tagger::LoadDefault() { return Load(*PosixFileSystem(), DefaultDataDir()); }

namespace {

// Each byte's class for the pre-filter: its lowercase form for an ASCII letter, kDigit for
// an ASCII digit, else 0.
constexpr unsigned char kDigit = 1;
struct PrefilterTable {
  unsigned char v[256];
  constexpr PrefilterTable() : v() {
    for (int c = 'a'; c <= 'z'; ++c) v[c] = static_cast<unsigned char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) v[c] = static_cast<unsigned char>(c + 32);
    for (int c = '0'; c <= '9'; ++c) v[c] = kDigit;
  }
};
constexpr PrefilterTable kPrefilter;

}  // namespace

namespace {
// Whether `text` holds an ASCII digit, eight bytes at a time: a byte b is a digit when
// 0x2f < b < 0x3a, tested on all eight at once without carries between bytes (the
// "hasbetween" bit trick; bytes of 0x80 and above never match).
bool HasAsciiDigit(std::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, k7f = kOnes * 0x7f, k80 = kOnes * 0x80;
  const char* p = text.data();
  size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    const uint64_t low7 = x & k7f;
    if (((kOnes * (127 + 0x3a) - low7) & ~x & (low7 + kOnes * (127 - 0x2f)) & k80) != 0) return true;
  }
  for (; n > 0; ++p, --n)
    if (*p >= '0' && *p <= '9') return true;
  return false;
}
}  // namespace

bool Tagger::MayContainTime(std::string_view text) const {
  // A digit anywhere says yes: looked for first, eight bytes at a time, so most
  // sentences with a number skip the word loop below.
  if (HasAsciiDigit(text)) return true;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* end = p + text.size();
  while (p < end) {
    const unsigned char c = kPrefilter.v[*p];  // (no digit is left: HasAsciiDigit said so)
    if (c != 0) {
      // LowerHash (lexicon.h) of the letter run, computed on the way.
      uint64_t h = (1469598103934665603ull ^ c) * 1099511628211ull;
      const unsigned char* q = p + 1;
      while (q < end) {
        const unsigned char b = kPrefilter.v[*q];
        if (b <= kDigit) break;
        h = (h ^ b) * 1099511628211ull;
        ++q;
      }
      const size_t len = static_cast<size_t>(q - p);
      if (len >= 2 && len <= 16 && lex_->IsTriggerHash(h | 1)) return true;
      p = q;
      continue;
    }
    ++p;
  }
  return false;
}

namespace {

struct Scratch {
  Scan scan;
  Arena arena;
  std::vector<Expr> exprs;
};

Scratch& ThreadScratch() {
  thread_local Scratch s;
  return s;
}

// ref.Value(), remembered for the last reference seen on this thread: every sentence of a
// document resolves against the same one, and formatting it cost as much as a parse.
const std::string& ReferenceValue(const Reference& ref) {
  struct Last {
    DateTime time = 0;
    Grain precision = Grain::kNone;
    bool set = false;
    std::string value;
  };
  thread_local Last last;
  if (!last.set || last.time != ref.time || last.precision != ref.precision) {
    last.value = ref.Value();
    last.time = ref.time;
    last.precision = ref.precision;
    last.set = true;
  }
  return last.value;
}

}  // namespace

std::vector<Timex> Tagger::Tag(std::string_view sentence, const Reference& ref, const TagOptions& opts) const {
  std::vector<Timex> out;
  if (sentence.empty()) return out;
  // Latent mode reads bare numbers and words the pre-filter does not look for.
  if (!opts.skip_prefilter && !opts.latent && !MayContainTime(sentence)) return out;
  Scratch& sc = ThreadScratch();
  ScanText(sentence, *lex_, &sc.scan);
  sc.arena.nodes.clear();
  sc.exprs.clear();
  ParseExpressions(sc.scan, *lex_, opts, &sc.arena, &sc.exprs);
  if (sc.exprs.empty()) return out;
  Reference cur = ref;
  std::string ref_value;  // computed on first use (see ReferenceValue)
  for (const Expr& e : sc.exprs) {
    ResolveContext ctx;
    ctx.lex = lex_.get();
    ctx.ref = &cur;
    ctx.forward_mode = opts.forward;
    ctx.exhaustive_search = opts.reference_parse;
    Tense tense = Tense::kUnknown;
    const bool needs = NeedsDirection(sc.arena, e.node);
    if (!opts.forward && !opts.nearest) tense = DetectTense(sc.scan, e.tok_begin, e.tok_end);
    ctx.tense = tense;
    if (opts.forward) ctx.dir = Direction::kForwardStrict;
    else if (opts.nearest) ctx.dir = Direction::kNearest;
    else ctx.dir = tense == Tense::kFuture ? Direction::kFuture : Direction::kPast;
    Resolved r = Resolve(sc.arena, e.node, ctx);
    if (r.impossible) continue;
    const StatedFields stated = CollectStated(sc.arena, e.node);
    // Against a reference known only to the month or year, what the text places relative
    // to it is known only as well: "yesterday" in a December 2016 document is 2016-12.
    // The same holds for an earlier expression known only to the month: "the following
    // week" after "in December" is December.
    const Grain stated_grain = stated.day >= 0 ? Grain::kDay : stated.month >= 0 ? Grain::kMonth : Grain::kYear;
    Grain anchor_precision = Grain::kNone;
    if (r.anchor == AnchorKind::kReference || r.anchor == AnchorKind::kDocumentDate) anchor_precision = ref.precision;
    else if (r.anchor == AnchorKind::kPreviousExpression) anchor_precision = cur.previous_grain;
    if (r.ok && (anchor_precision == Grain::kMonth || anchor_precision == Grain::kYear) && r.grain < anchor_precision &&
        stated_grain > r.grain && !r.multi && r.type != TimexType::kDuration) {
      r.grain = anchor_precision;
      r.iv = {MakeDateTime(ToCivil(r.iv.begin).year, anchor_precision == Grain::kYear ? 1 : ToCivil(r.iv.begin).month, 1),
              0};
      r.iv.end = AddMonthsClamped(r.iv.begin, anchor_precision == Grain::kYear ? 12 : 1);
      r.pod_code.clear();
      r.weekend = false;
      if (r.value.find("_REF") == std::string::npos) r.value = FormatValue(r);
      if (r.mod == TimexMod::kNone) r.mod = TimexMod::kApprox;
    }
    Timex t;
    t.span = {sc.scan.toks[e.tok_begin].start + ref.span_offset, sc.scan.toks[e.tok_end - 1].end + ref.span_offset};
    if (r.type == TimexType::kDuration || r.type == TimexType::kSet) t.type = r.type;
    else if (e.type == TimexType::kTime || r.type == TimexType::kTime) t.type = TimexType::kTime;
    else t.type = TimexType::kDate;
    if (e.type == TimexType::kDuration && r.type != TimexType::kDate) t.type = TimexType::kDuration;
    if (!(opts.types & (1u << static_cast<unsigned>(t.type)))) continue;
    t.value = r.value;
    t.grain = r.ok ? r.grain : Grain::kNone;
    if (!r.ok && t.type == TimexType::kDuration) t.grain = Grain::kNone;
    t.mod = r.mod;
    t.bound = r.bound;
    if (r.ok) t.interval = r.iv;
    t.anchor.kind = r.anchor;
    if (r.anchor == AnchorKind::kPreviousExpression) {
      t.anchor.value = cur.previous_value;
      t.anchor.offset = cur.previous_offset;
    } else if (r.anchor != AnchorKind::kNone) {
      if (ref_value.empty()) ref_value = ReferenceValue(ref);
      t.anchor.value = ref_value;
    }
    // The tense read (news style), or the one the options imposed on a direction-dependent value.
    t.tense = tense;
    if (needs && tense == Tense::kUnknown && !opts.forward && !opts.nearest) t.tense = Tense::kPast;
    if (opts.forward && needs) t.tense = Tense::kFuture;
    t.stated = stated;
    t.relative = r.relative;
    // The latest point becomes the anchor for "a day later" further on.
    if (r.ok && (t.type == TimexType::kDate || t.type == TimexType::kTime) && r.value.find("_REF") == std::string::npos &&
        r.grain >= Grain::kSecond && r.grain <= Grain::kMonth) {
      cur.previous = r.iv;
      cur.previous_grain = r.grain;
      cur.previous_value = t.value;
      cur.previous_offset = t.span.start;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<DocumentTimex> TagDocument(const Tagger& tagger, const Document& doc, const Reference& ref,
                                       const TagOptions& opts) {
  std::vector<DocumentTimex> out;
  Reference cur = ref;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.kind == LineKind::kDropped) continue;
    const bool narrative = s.kind == LineKind::kBody;
    Reference sref = narrative ? cur : ref;
    sref.span_offset = s.span.start;
    std::vector<Timex> found = tagger.Tag(doc.view(s.span), sref, opts);
    // The next sentence counts from this one's latest point in time: in "freed in March
    // 2016, ten months after they seized it in May 2015. Less than a year later..." the
    // story has reached March 2016, not May 2015.
    const Timex* latest = nullptr;
    for (const Timex& t : found) {
      if (narrative && t.interval.valid() && (t.type == TimexType::kDate || t.type == TimexType::kTime) &&
          t.value.find("_REF") == std::string::npos && t.grain >= Grain::kSecond && t.grain <= Grain::kMonth &&
          (!latest || t.interval.begin > latest->interval.begin))
        latest = &t;
    }
    if (latest) {
      cur.previous = latest->interval;
      cur.previous_grain = latest->grain;
      cur.previous_value = latest->value;
      cur.previous_offset = latest->span.start;
    }
    for (Timex& t : found) out.push_back({static_cast<uint32_t>(si), std::move(t)});
  }
  return out;
}

}  // namespace sitrep::time

// Finding and resolving mentions in a document; see mentions.h.
//
// The passes, in order (each claims pieces of text so later passes cannot reuse them):
//   1. pieces: the document's sentences split into folded pieces (fold.h)
//   2. lexicon phrases: actors, sources and known people, longest first (a longer place
//      name such as "Sea of Azov" keeps its text from a shorter actor name inside it)
//   3. people found from titles and speech: "Kremlin spokesman Dmitry Peskov", "the
//      Governor of X, Name", "said Name", "Name said"; then their surnames alone
//   4. places from the gazetteer, longest first, skipping names that are part of a longer
//      capitalised name ("Rami" in "Rami Abdulrahman") and capitals used as governments
//   5. descriptors ("the group", "the city") and "he said"
//   6. the focus country; each place scored against population, feature class, focus
//      country, containers ("X, Syria", "X in Homs province") and nearby places
//   7. descriptors and pronouns resolved to the most recent compatible mention; glosses
//      ("X, known as Y in Arabic"); relative positions ("200 km southeast of X")
#include "lexicon/mentions.h"

#include "lexicon/word_memo.h"
#include "lexicon/word_table.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <map>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::lexicon {

std::string_view MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kPlace: return "place";
    case MentionKind::kActor: return "actor";
    case MentionKind::kPerson: return "person";
    case MentionKind::kSource: return "source";
  }
  return "?";
}

std::string FocusCountry(const std::vector<Mention>& mentions) {
  std::map<std::string, int> counts;
  for (const auto& m : mentions) {
    if (m.resolved && !m.resolved->country.empty() && m.refers_to == Mention::kNoRef) {
      counts[m.resolved->country] += m.kind == MentionKind::kPlace ? 2 : 1;
    }
  }
  std::string best;
  int n = 0;
  for (const auto& [cc, c] : counts) {
    if (c > n) { best = cc; n = c; }
  }
  return best;
}

namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;

bool In(std::string_view k, std::initializer_list<std::string_view> set) {
  // The words are short: compared byte by byte here, not through a call to memcmp.
  for (auto s : set) {
    if (s.size() != k.size()) continue;
    size_t i = 0;
    while (i < k.size() && s[i] == k[i]) ++i;
    if (i == k.size()) return true;
  }
  return false;
}

// A set of words compared with folded keys; the words are folded once, so they are
// written naturally here ("added", not the folded "aded").
class KeySet {
 public:
  KeySet(std::initializer_list<std::string_view> words) : table_(Fold(words)) {}
  explicit KeySet(std::span<const std::string_view> words) : table_(Fold(words)) {}
  bool has(std::string_view k) const { return table_.Has(k); }

 private:
  static std::vector<std::string_view> Fold(std::span<const std::string_view> words) {
    // The folded keys live as long as the process (KeySets are function-local statics).
    auto* keys = new std::vector<std::string>();
    for (auto w : words) keys->push_back(FoldPhrase(w));
    return std::vector<std::string_view>(keys->begin(), keys->end());
  }
  WordTable table_;
};

constexpr std::string_view kSpeechVerbs[] = {"said", "says", "told", "added", "adds", "noted", "warned", "stressed",
                "explained", "concluded", "recalled", "claimed", "claims", "claiming", "saying", "insisting", "insisted",
                "argued", "wrote", "tweeted", "declared", "announced", "confirmed",
                "denied", "asked", "urged", "pointed", "suggested", "acknowledged",
                "admitted", "estimated", "reported", "described", "believes", "thinks"};
[[maybe_unused]] bool IsSpeechVerb(std::string_view k) {
  static const KeySet kSet(kSpeechVerbs);
  return kSet.has(k);
}

// Verbs after which a capital stands for its government ("Moscow said").
constexpr std::string_view kGovernmentVerbs[] = {"has", "had", "have", "is", "was", "will", "would", "could", "should", "must",
                "accused", "accuses", "accusing", "denying", "warning", "threatening", "wants", "wanted", "sees", "saw", "backed", "backs",
                "supports", "supported", "sent", "sends", "launched", "responded", "condemned",
                "condemns", "rejected", "rejects", "demanded", "demands", "called", "calls",
                "agreed", "agrees", "signed", "intervened", "deployed", "imposed", "sanctioned",
                "blamed", "blames", "hopes", "hoped", "fears", "feared", "considers", "plans",
                "planned", "refused", "refuses", "vowed", "vows", "threatened", "threatens",
                "expelled", "recognised", "recognized", "welcomed", "welcomes"};
[[maybe_unused]] bool IsGovernmentVerb(std::string_view k) {
  static const KeySet kSet(kGovernmentVerbs);
  return IsSpeechVerb(k) || kSet.has(k);
}

constexpr std::string_view kParticles[] = {"al", "bin", "ibn", "abu", "abd", "abdel", "abdul", "de", "da", "di", "van",
                "von", "der", "den", "le", "la", "du", "dos", "das", "ul", "bint", "ben", "ould",
                "ag"};
[[maybe_unused]] bool IsParticle(std::string_view k) {
  static const KeySet kSet(kParticles);
  return kSet.has(k);
}

// Words that may precede a place name in capitals without being part of it.
constexpr std::string_view kPlaceLeadIns[] = {"eastern", "western", "northern", "southern", "central", "east", "west", "north",
                "south", "greater", "upper", "lower", "rural", "downtown", "in", "on", "at",
                "from", "to", "the", "near", "outside", "inside", "around", "across", "both",
                "and", "but", "while", "as", "since", "after", "before", "despite", "like",
                "unlike", "toward", "towards", "into", "via", "through", "beyond", "between",
                "of", "for", "by", "with", "within", "without", "a", "an", "if", "when", "where",
                "why", "how", "what", "who", "which", "this", "that", "then", "so", "yet", "also",
                "even", "only", "just", "meanwhile", "elsewhere", "earlier", "later", "today",
                "yesterday", "last", "next", "however", "moreover", "besides", "beirut", "cairo",
                "moscow", "reuters", "afp"};
[[maybe_unused]] bool IsPlaceLeadIn(std::string_view k) {
  static const KeySet kSet(kPlaceLeadIns);
  return kSet.has(k);
}

// Words that may follow a place name in capitals without making it part of a longer name.
constexpr std::string_view kPlaceTails[] = {"province", "governorate", "region", "district", "city", "town", "village",
                "oblast", "state", "county", "valley", "desert", "countryside", "front", "axis",
                "road", "highway", "border", "offensive", "operation", "battle", "campaign",
                "pocket", "frontline", "front-line", "is", "was", "has", "had", "said", "and",
                "or", "the", "in", "on", "at", "to", "for", "of", "from", "with", "by", "as",
                "after", "since", "before", "during", "until", "while", "where", "when", "which",
                "who", "that", "this", "earlier", "today", "yesterday", "on", "last", "this"};
[[maybe_unused]] bool IsPlaceTail(std::string_view k) {
  static const KeySet kSet(kPlaceTails);
  return kSet.has(k);
}

// The word classes of a folded piece, all answered by one lookup per piece (the Is*
// functions above ask one set each, several times per piece); Finder keeps them per piece.
enum WordClass : uint8_t {
  kWordSpeech = 1,       // IsSpeechVerb
  kWordGovernment = 2,   // IsGovernmentVerb
  kWordParticle = 4,     // IsParticle
  kWordLeadIn = 8,       // IsPlaceLeadIn
  kWordTail = 16,        // IsPlaceTail
  kWordStop = 32,        // Lexicon::IsPlaceStopword (added by the Finder when first asked)
  kWordStopKnown = 64,   // kWordStop has been looked up
  kWordHeShe = 128,      // "he", "she" (the pronouns of "he said")
};

class WordClasses {
 public:
  static const WordClasses& Get() {
    static const WordClasses kClasses;
    return kClasses;
  }
  uint8_t Of(std::string_view folded) const {
    uint32_t i = table_.Find(folded);
    return i == WordTable::kNone ? 0 : classes_[i];
  }

 private:
  WordClasses() {
    std::vector<std::pair<std::string, uint8_t>> all;
    auto add = [&](std::span<const std::string_view> words, uint8_t c) {
      for (auto w : words) all.emplace_back(FoldPhrase(w), c);
    };
    add(kSpeechVerbs, kWordSpeech | kWordGovernment);
    add(kGovernmentVerbs, kWordGovernment);
    add(kParticles, kWordParticle);
    add(kPlaceLeadIns, kWordLeadIn);
    add(kPlaceTails, kWordTail);
    constexpr std::string_view kHeShe[] = {"he", "she"};
    add(kHeShe, kWordHeShe);
    std::sort(all.begin(), all.end());
    for (const auto& [w, c] : all) {
      if (!words_.empty() && words_.back() == w) {
        classes_.back() |= c;
      } else {
        words_.push_back(w);
        classes_.push_back(c);
      }
    }
    table_ = WordTable(std::vector<std::string_view>(words_.begin(), words_.end()));
  }
  std::vector<std::string> words_;
  std::vector<uint8_t> classes_;
  WordTable table_;
};

std::string Slug(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
    else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c + 32));
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string ActorTypeName(std::string_view t) {
  if (t == "nsag") return "non-state armed group";
  if (t == "state-forces") return "state armed forces";
  if (t == "government") return "government";
  if (t == "militia") return "militia";
  if (t == "igo") return "international organisation";
  if (t == "coalition") return "coalition";
  if (t == "person") return "person";
  return "media or monitor";
}

// Whether two points lie within `km` of each other. Only ever asked about a few hundred
// km, where the equirectangular approximation is within 0.1% of the great-circle distance;
// most pairs are rejected on latitude alone without any trigonometry (measured: the
// haversine version spent a quarter of FindMentions in sin, cos and asin).
bool WithinKm(double lat1, double lon1, double lat2, double lon2, double km) {
  constexpr double kKmPerDegree = 6371.0 * M_PI / 180.0;
  const double dlat = std::fabs(lat2 - lat1) * kKmPerDegree;
  if (dlat >= km) return false;
  double dlon = std::fabs(lon2 - lon1);
  if (dlon > 180) dlon = 360 - dlon;
  const double x = dlon * kKmPerDegree * std::cos((lat1 + lat2) * (M_PI / 360.0));
  return x * x + dlat * dlat < km * km;
}

enum class CandType : uint8_t { kEntity, kPlace, kDescriptor, kTitle, kMetonym, kDemonym };

struct Cand {
  uint32_t first, end;
  CandType type;
  // Gazetteer name values, or lexicon phrase values: [voff, voff + vlen) of the Finder's
  // value pool (one pool per document instead of a vector per candidate), or, when `base`
  // is set, of the index's own values (a one-word place name whose values all pass the
  // filters of Collect: its values are used where they lie, not copied; see Collect).
  uint32_t voff, vlen;
  const uint32_t* base = nullptr;
};

// Countries with a weight of evidence, few per document: a flat list searched in order
// (a std::map<std::string, double> cost an allocation per country and string compares per
// lookup). Keys view strings of the gazetteer or the lexicon, which outlive the Finder.
// Country codes are two letters or empty: compared inline rather than through memcmp.
inline bool SameCode(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() == 2) return a[0] == b[0] && a[1] == b[1];
  return a == b;
}

// A few (key, value) pairs searched in order: the first value given for a key stays (as
// std::unordered_map::emplace keeps it). For the per-document maps of a few dozen words,
// where a hash map cost an allocation per entry; past kLinear entries (a long document
// naming many people) a hash map indexes them too, so lookups stay constant-time.
class SmallMap {
 public:
  bool empty() const { return v_.empty(); }
  void clear() {
    v_.clear();
    map_.clear();
    seen_ = 0;
  }
  void emplace(std::string_view k, uint32_t value) {
    if (Find(k) != nullptr) return;
    v_.emplace_back(k, value);
    seen_ |= Bit(k);
    if (v_.size() == kLinear + 1) {
      for (const auto& [key, v] : v_) map_.emplace(key, v);
    } else if (v_.size() > kLinear) {
      map_.emplace(k, value);
    }
  }
  // The value of `k`, or nullptr.
  [[gnu::always_inline]] const uint32_t* Find(std::string_view k) const {
    if (!(seen_ & Bit(k))) return nullptr;  // most words asked about are in no entry
    if (v_.size() > kLinear) {
      auto it = map_.find(k);
      return it == map_.end() ? nullptr : &it->second;
    }
    for (const auto& [key, value] : v_) {
      if (key.size() == k.size() && key == k) return &value;
    }
    return nullptr;
  }

 private:
  // One bit per (length, first byte) class of the keys held.
  static uint64_t Bit(std::string_view k) {
    const unsigned c = k.empty() ? 0 : static_cast<unsigned char>(k[0]);
    return uint64_t{1} << ((c * 7 + k.size()) & 63);
  }
  static constexpr size_t kLinear = 24;
  std::vector<std::pair<std::string_view, uint32_t>> v_;
  std::unordered_map<std::string_view, uint32_t> map_;  // every entry, once past kLinear
  uint64_t seen_ = 0;
};

class CountryWeights {
 public:
  void clear() { v_.clear(); }
  [[gnu::always_inline]] void Add(std::string_view cc, double w) {
    for (auto& [k, x] : v_) {
      if (SameCode(k, cc)) {
        x += w;
        return;
      }
    }
    v_.emplace_back(cc, w);
  }
  // The weight of `cc`, or nullptr when it has none.
  [[gnu::always_inline]] const double* Find(std::string_view cc) const {
    for (const auto& [k, x] : v_) if (SameCode(k, cc)) return &x;
    return nullptr;
  }
  // The country of the largest weight; at equal weights the first in byte order (as
  // iterating a std::map would pick). Empty when none has a positive weight.
  std::string_view Best() const {
    std::string_view best;
    double bw = 0;
    for (const auto& [k, x] : v_) {
      if (x > bw || (x == bw && bw > 0 && k < best)) {
        bw = x;
        best = k;
      }
    }
    return best;
  }

 private:
  std::vector<std::pair<std::string_view, double>> v_;
};

// A mention under construction.
struct Work {
  Work(uint32_t f, uint32_t e, MentionKind k) : first(f), end(e), kind(k) {}
  uint32_t first, end;  // pieces
  MentionKind kind;
  // Places: candidate name values (a view of the Finder's value pool). Entities: entity index.
  std::span<const uint32_t> places;
  uint32_t prior_at = 0;  // places: where its candidates' priors start (ResolvePlaces)
  uint32_t entity = kNone;
  uint32_t descriptor = kNone;
  bool pronoun = false;
  bool dropped = false;
  std::string how;
  std::optional<Resolved> resolved;
  uint32_t refers_to = kNone;
  // Context evidence for places.
  std::vector<uint32_t> containers;  // other Work indices that contain this place
  uint32_t chosen = kNone;           // chosen gazetteer record
  bool locative = false;             // after "in", "near", "at", "from", ...
  uint32_t pattern_container = kNone;  // unknown name placed by "X in <region>"
  // Persons found from patterns.
  std::string person_name, person_org, person_role;
  uint32_t person_entity = kNone;  // known person in the lexicon
};

// The buffers of one Finder, kept by each calling thread between documents so that a
// document reuses the capacity the last one grew (no allocation and no fresh pages for
// the per-piece arrays once a thread has seen a document of the size). Cleared at start.
// The part of a place candidate's score that is the same in both passes of ResolvePlaces.
struct Prior {
  double s;            // kind, size, name, focus country, country weight
  bool same_sentence;  // its country is named in the mention's sentence (+2, added last)
  // What the later parts of the score read of the record, kept here so that they do not
  // fetch it from the (mapped, uncached) gazetteer again in every pass.
  bool own_division;   // admin1 is a first-level division other than the record itself
  float lat, lon;
  uint32_t rec, admin1, country;
};

// What FindMentions needs to know about a folded word by itself: its lookups in the two
// phrase indexes and its word classes (the place stop word bit known). A pure function of
// the word and the lexicon, so each thread keeps one per distinct word (Scratch::memo).
struct WordInfo {
  PieceLookup lex, gaz;
  uint8_t classes = 0;
  uint8_t gaz_shape = 0;           // GazShape of the values of the one-word name (gaz.root)
  uint32_t gaz_count = 0;          // how many values it has
  const uint32_t* gaz_values = nullptr;  // and where they lie in the gazetteer's index
};

// What Collect would do with the values of a one-word gazetteer name, known in advance
// when every value takes the same path: all places or all demonyms, none case-sensitive
// (then the candidate is the whole value list as it lies in the index).
enum GazShape : uint8_t {
  kGazMixed = 0,     // filter value by value
  kGazPlaces = 1,    // one kPlace candidate of every value
  kGazDemonyms = 2,  // one kDemonym candidate of every value
};

// One piece's view of its word's one-word gazetteer values (from WordInfo).
struct GazValues {
  const uint32_t* values = nullptr;
  uint32_t count = 0;
  uint8_t shape = kGazMixed;
};

// A place chosen in ResolvePlaces' first pass, for nearness (Finder::Near).
struct Anchor {
  double lat, lon;
  uint32_t rec;
  bool operator<(const Anchor& o) const { return lat < o.lat || (lat == o.lat && rec < o.rec); }
};

struct Scratch {
  void Clear() {
    surnames.clear();
    heads.clear();
    country_weight.clear();
    focus_weight.clear();
    actor_weight.clear();
    anchors.clear();
    anchor_recs.clear();
    sentence_country.clear();
    buf.Clear();
    sentence.clear();
    owner.clear();
    cands.clear();
    values.clear();
    first_off.clear();
    first_idx.clear();
    end_off.clear();
    end_idx.clear();
    work.clear();
    matches.clear();
    tokens.clear();
    word.clear();
    lex_look.clear();
    gaz_look.clear();
    gaz_values.clear();
  }
  PieceBuffer buf;
  std::vector<uint32_t> sentence, owner;
  std::vector<Cand> cands;
  std::vector<uint32_t> values;
  std::vector<uint32_t> first_off, first_idx, end_off, end_idx;
  std::vector<Work> work;
  std::vector<PhraseMatch> matches;
  std::vector<uint32_t> tokens;
  std::vector<uint8_t> word;  // piece -> WordClass bits
  std::vector<Prior> priors;  // value pool position -> prior score
  std::vector<PieceLookup> lex_look, gaz_look;  // piece -> its lookups (WordInfo)
  std::vector<GazValues> gaz_values;             // piece -> its one-word place values
  // The Finder's per-document maps and lists (see Finder), kept here for their capacity.
  SmallMap surnames, heads;
  CountryWeights country_weight, focus_weight, actor_weight, from_places;
  std::vector<Anchor> anchors;
  std::vector<uint32_t> anchor_recs;
  std::vector<std::pair<uint32_t, std::string_view>> sentence_country;
  std::vector<uint32_t> choice, order, index;  // ResolvePlaces, ResolveReferences, Emit
  std::vector<uint32_t> next_speech;            // FindPersons
  std::vector<Cand> sorted;      // Collect's counting sort
  std::vector<uint32_t> bucket;
  // Words seen by this thread, for the lexicon whose serial is memo_serial (0: none yet).
  WordMemo<WordInfo> memo;
  // RecordPrior of the gazetteer records scored lately (direct mapped by record; for the
  // same lexicon as memo): a log10 and feature code compares per candidate saved.
  struct RecordPriorSlot {
    uint32_t rec = kNone;
    double s = 0;
  };
  static constexpr size_t kRecordPriorSlots = 4096;
  std::vector<RecordPriorSlot> record_priors = std::vector<RecordPriorSlot>(kRecordPriorSlots);
  EdgeMemo lex_edges, gaz_edges;  // trie steps of the two indexes
  uint64_t memo_serial = 0;
};

class Finder {
 public:
  // `memo`: look words up through s->memo (else in the indexes themselves, piece by piece).
  Finder(const Document& doc, const Lexicon& lex, const MentionOptions& opt, Scratch* s, bool memo)
      : doc_(doc), lex_(lex), gaz_(lex.gazetteer()), opt_(opt), memo_(memo), s_(*s), buf_(s->buf),
        sentence_(s->sentence), owner_(s->owner), cands_(s->cands), values_(s->values),
        work_(s->work), surnames_(s->surnames), country_weight_(s->country_weight),
        focus_weight_(s->focus_weight), actor_weight_(s->actor_weight), anchors_(s->anchors),
        anchor_recs_(s->anchor_recs), sentence_country_(s->sentence_country) {}
  std::vector<Mention> Run();

 private:
  // Pass 1.
  void BuildPieces();
  // Pass 2..5.
  void Collect();
  void ClaimEntities();
  void FindPersons();
  void ClaimPlaces();
  uint32_t MetonymGovernment(uint32_t first, uint32_t end) const;
  void ClaimDescriptorsAndPronouns();
  void ClaimUnknownPlaces();
  // Pass 6, 7.
  void InferFocus();
  void ResolvePlaces();
  void ResolveEntities();
  void ResolveReferences();
  uint32_t StoryTown(const std::vector<uint32_t>& order, size_t oi, uint32_t target) const;
  void ApplyGlosses();
  void ApplyRelative();
  std::vector<Mention> Emit();

  std::string_view key(uint32_t i) const {
    const Piece& p = buf_.pieces[i];
    return std::string_view(buf_.keys.data() + p.key_off, p.key_len);
  }
  uint8_t flags(uint32_t i) const { return buf_.pieces[i].flags; }
  bool Cap(uint32_t i) const { return flags(i) & (kUpperInitial | kAllUpper); }
  [[gnu::always_inline]] bool Is(uint32_t i, uint8_t word_class) const {
    // The place stop words are a large table: looked up only for the pieces asked about.
    if ((word_class & kWordStop) && !(s_.word[i] & kWordStopKnown)) {
      s_.word[i] |= kWordStopKnown | (lex_.IsPlaceStopword(key(i)) ? kWordStop : 0);
    }
    return s_.word[i] & word_class;
  }
  bool Free(uint32_t a, uint32_t b) const {
    for (uint32_t i = a; i < b; ++i) if (owner_[i] != kNone) return false;
    return true;
  }
  void Claim(uint32_t a, uint32_t b, uint32_t w) {
    for (uint32_t i = a; i < b; ++i) owner_[i] = w;
  }
  // Index of the Work last added. Works are built in place (work_.emplace_back): a Work is
  // large (strings, the optional Resolved), and building one aside and moving it in cost
  // more than filling it where it stays.
  uint32_t LastWork() const { return static_cast<uint32_t>(work_.size() - 1); }
  // End of a run of name pieces starting at `i` (capitalised words and inner particles),
  // at most `max` pieces, stopping at breaks and claimed pieces. Returns i when none.
  uint32_t NameRun(uint32_t i, uint32_t max) const;
  [[gnu::always_inline]] inline bool CaseOk(const PhraseInfo& info, uint32_t a, uint32_t b) const;
  bool PlaceCaseOk(uint32_t value, uint32_t a, uint32_t b) const;
  [[gnu::always_inline]] inline bool PlaceShapeOk(const Cand& c) const;
  std::span<const uint32_t> Values(const Cand& c) const {
    return {(c.base != nullptr ? c.base : values_.data()) + c.voff, c.vlen};
  }
  uint32_t FirstValue(const Cand& c) const { return Values(c)[0]; }
  // Candidates starting / ending at piece p, in cands_ order.
  std::span<const uint32_t> ByFirst(uint32_t p) const {
    return {s_.first_idx.data() + s_.first_off[p], s_.first_off[p + 1] - s_.first_off[p]};
  }
  std::span<const uint32_t> ByEnd(uint32_t p) const {
    return {s_.end_idx.data() + s_.end_off[p], s_.end_off[p + 1] - s_.end_off[p]};
  }
  // Fill a Resolved built in place (w.resolved.emplace()): returning one by value cost a
  // move of its nine strings into the optional.
  void PlaceResolved(uint32_t rec, int precision, Resolved* x) const;
  void EntityResolved(uint32_t entity, Resolved* x) const;
  // A candidate's score, in two parts: what stays the same in both passes of ResolvePlaces
  // (kind, size, name, focus and named countries; computed once), then containers and
  // nearness, added in the same order as one function would add them.
  Prior ScorePrior(uint32_t value, const Work& w) const;
  double RecordPriorOf(uint32_t rec) const;  // RecordPrior, through s_.record_priors
  double Score(uint32_t value, const Work& w, const Prior& prior) const;
  double Near(const Prior& p) const;    // nearness of a candidate's record to the anchors, 0..3
  // The focus country counted from the places chosen (work_[].chosen) and actor_weight_.
  std::string_view FocusFromPlaces() const;
  [[maybe_unused]] double NearSlow(uint32_t rec) const;  // the same by scanning every anchor
  uint32_t EntityBefore(uint32_t piece) const;  // entity Work ending right before piece
  void AddPerson(uint32_t a, uint32_t b, std::string org, std::string role, std::string how);

  const Document& doc_;
  const Lexicon& lex_;
  const Gazetteer& gaz_;
  const MentionOptions& opt_;
  const bool memo_;
  Scratch& s_;
  PieceBuffer& buf_;
  std::vector<uint32_t>& sentence_;  // piece -> sentence number
  std::vector<uint32_t>& owner_;     // piece -> Work index
  std::vector<Cand>& cands_;
  std::vector<uint32_t>& values_;    // pool of the candidates' values
  std::vector<Work>& work_;
  // Folded surname (a view of buf_.keys) -> Work of the person; the first one named
  // keeps its surname. A few per document: a list searched in order (SmallMap).
  SmallMap& surnames_;
  CountryWeights& country_weight_;  // countries the document names (place scoring)
  CountryWeights& focus_weight_;    // where the document is (the focus country); InferFocus
  CountryWeights& actor_weight_;    // the part of focus_weight_ from actors and demonyms
  std::string focus_;
  // Distinct places chosen in the first pass (no countries): sorted by latitude, so that
  // Score looks only at those within reach, and their records sorted for membership.
  std::vector<Anchor>& anchors_;
  std::vector<uint32_t>& anchor_recs_;
  // (sentence, country) pairs of countries named in a sentence, sorted and unique.
  std::vector<std::pair<uint32_t, std::string_view>>& sentence_country_;
};

void Finder::BuildPieces() {
  uint32_t sent = 0;
  auto add = [&](Span s) {
    size_t before = buf_.size();
    buf_.Split(doc_.view(s), s.start);
    if (buf_.size() > before) buf_.pieces[before].flags |= kSentenceStart;
    // Sentence starts inside the stretch: after . ! ? when the text stage did not split.
    for (size_t i = before; i < buf_.size(); ++i) {
      if (i > before && !doc_.sentences.empty()) {
        sentence_.push_back(sent);
        continue;
      }
      // Only a capitalised piece after . ! ? can start a sentence; test that first.
      if (i > before && (buf_.pieces[i].flags & (kUpperInitial | kAllUpper))) {
        uint32_t gap_a = buf_.pieces[i - 1].span.end, gap_b = buf_.pieces[i].span.start;
        std::string_view gap = std::string_view(doc_.text).substr(gap_a, gap_b - gap_a);
        bool end_mark = gap.find_first_of(".!?") != std::string_view::npos;
        bool abbrev = end_mark && (buf_.pieces[i - 1].key_len <= 1 ||
                                   In(buf_.key(i - 1), {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "st",
                                                        "prof", "sen", "rep", "capt", "maj", "sgt"}));
        if (end_mark && !abbrev) {
          buf_.pieces[i].flags |= kSentenceStart | kBreakBefore;
          ++sent;
        }
      }
      sentence_.push_back(sent);
    }
    ++sent;
  };
  if (!doc_.sentences.empty()) {
    for (const auto& s : doc_.sentences) {
      if (s.kind == LineKind::kDropped) continue;
      if (opt_.skip_captions && s.kind == LineKind::kCaption) continue;
      if (s.span.end > doc_.text.size() || s.span.start > s.span.end) continue;
      add(s.span);
    }
  } else {
    std::string_view t = doc_.text;
    uint32_t pos = 0;
    while (pos < t.size()) {
      size_t nl = t.find('\n', pos);
      if (nl == std::string_view::npos) nl = t.size();
      if (nl > pos) add(Span{pos, static_cast<uint32_t>(nl)});
      pos = static_cast<uint32_t>(nl + 1);
    }
  }
  owner_.assign(buf_.size(), kNone);
  const WordClasses& classes = WordClasses::Get();
  s_.word.resize(buf_.size());
  if (memo_) {
    // One probe of the thread's memo per piece; a word's first sight asks the indexes.
    auto make = [&](std::string_view k) {
      WordInfo w;
      w.lex = lex_.phrases().Lookup(k);
      w.gaz = gaz_.names().Lookup(k);
      w.classes = static_cast<uint8_t>(classes.Of(k) | kWordStopKnown |
                                       (lex_.IsPlaceStopword(k) ? kWordStop : 0));
      if (w.gaz.ends) {
        const std::span<const uint32_t> vs = gaz_.names().Values(w.gaz.root);
        uint32_t any = 0, all = ~0u;
        for (uint32_t v : vs) {
          any |= NameFlags(v);
          all &= NameFlags(v);
        }
        w.gaz_values = vs.data();
        w.gaz_count = static_cast<uint32_t>(vs.size());
        w.gaz_shape = (any & kNameCaseSensitive) ? kGazMixed
                      : !(any & kNameDemonym)    ? kGazPlaces
                      : (all & kNameDemonym)     ? kGazDemonyms
                                                 : kGazMixed;
      }
      return w;
    };
    s_.lex_look.resize(buf_.size());
    s_.gaz_look.resize(buf_.size());
    s_.gaz_values.resize(buf_.size());
    for (uint32_t i = 0; i < buf_.size(); ++i) {
      const WordInfo& w = s_.memo.Get(key(i), make);
      s_.word[i] = w.classes;
      s_.lex_look[i] = w.lex;
      s_.gaz_look[i] = w.gaz;
      s_.gaz_values[i] = {w.gaz_values, w.gaz_count, w.gaz_shape};
    }
    return;
  }
  for (uint32_t i = 0; i < buf_.size(); ++i) {
    const std::string_view k = key(i);
    const uint8_t c = classes.Of(k);
    s_.word[i] = c;
    // The one lookup answers as the sets asked one by one would (checked in test builds).
    assert(((c & kWordSpeech) != 0) == IsSpeechVerb(k));
    assert(((c & kWordGovernment) != 0) == IsGovernmentVerb(k));
    assert(((c & kWordParticle) != 0) == IsParticle(k));
    assert(((c & kWordLeadIn) != 0) == IsPlaceLeadIn(k));
    assert(((c & kWordTail) != 0) == IsPlaceTail(k));
  }
}

bool Finder::CaseOk(const PhraseInfo& info, uint32_t a, uint32_t b) const {
  if (info.case_sensitive) {
    for (uint32_t i = a; i < b; ++i) {
      if (!(flags(i) & (kAllUpper | kHasDigit))) return false;
    }
    return true;
  }
  if (info.needs_capital) {
    for (uint32_t i = a; i < b; ++i) if (Cap(i)) return true;
    return false;
  }
  return true;
}

bool Finder::PlaceCaseOk(uint32_t value, uint32_t a, uint32_t b) const {
  if (NameFlags(value) & kNameCaseSensitive) {
    for (uint32_t i = a; i < b; ++i) {
      if (!(flags(i) & (kAllUpper | kHasDigit))) return false;
    }
  }
  return true;
}

CandType TypeOf(PhraseKind k) {
  return k == PhraseKind::kEntity       ? CandType::kEntity
         : k == PhraseKind::kDescriptor ? CandType::kDescriptor
         : k == PhraseKind::kTitle      ? CandType::kTitle
                                        : CandType::kMetonym;
}

void Finder::Collect() {
  std::vector<PhraseMatch>& matches = s_.matches;
  if (memo_) {
    lex_.phrases().FindAllFrom(buf_, 0, buf_.size(), s_.lex_look, &s_.lex_edges, &matches);
  } else {
    lex_.phrases().FindAll(buf_, 0, buf_.size(), &s_.tokens, &matches);
  }
  for (const auto& m : matches) {
    // One candidate per type present, in CandType order, each holding its values in order.
    std::span<const uint32_t> vs = lex_.phrases().Values(m.node);
    for (int t = 0; t < 6; ++t) {
      const uint32_t off = static_cast<uint32_t>(values_.size());
      for (uint32_t v : vs) {
        const PhraseInfo& info = lex_.phrase_info(v);
        if (static_cast<int>(TypeOf(info.kind)) != t || !CaseOk(info, m.first, m.end)) continue;
        values_.push_back(v);
      }
      const uint32_t len = static_cast<uint32_t>(values_.size()) - off;
      if (len > 0) cands_.push_back({m.first, m.end, static_cast<CandType>(t), off, len});
    }
  }
  matches.clear();
  if (memo_) {
    gaz_.names().FindAllFrom(buf_, 0, buf_.size(), s_.gaz_look, &s_.gaz_edges, &matches);
  } else {
    gaz_.names().FindAll(buf_, 0, buf_.size(), &s_.tokens, &matches);
  }
  for (const auto& m : matches) {
    if (memo_ && m.end == m.first + 1) {
      // A one-word name whose values all go one way (known per word, WordInfo): the same
      // candidate the loop below would build, without reading or copying its values.
      const GazValues& g = s_.gaz_values[m.first];
      if (g.shape != kGazMixed) {
        cands_.push_back({m.first, m.end, g.shape == kGazDemonyms ? CandType::kDemonym : CandType::kPlace,
                          0, g.count, g.values});
        continue;
      }
    }
    std::span<const uint32_t> vs = gaz_.names().Values(m.node);
    for (int demonym = 0; demonym < 2; ++demonym) {
      const uint32_t off = static_cast<uint32_t>(values_.size());
      for (uint32_t v : vs) {
        if (((NameFlags(v) & kNameDemonym) != 0) != (demonym != 0)) continue;
        if (PlaceCaseOk(v, m.first, m.end)) values_.push_back(v);
      }
      const uint32_t len = static_cast<uint32_t>(values_.size()) - off;
      if (len > 0) cands_.push_back({m.first, m.end, demonym ? CandType::kDemonym : CandType::kPlace, off, len});
    }
  }
  // Longest first; at equal length entities before places before the rest; then by position.
  auto before = [](const Cand& a, const Cand& b) {
    uint32_t la = a.end - a.first, lb = b.end - b.first;
    if (la != lb) return la > lb;
    if (a.type != b.type) return a.type < b.type;
    return a.first < b.first;
  };
  if (memo_) {
    // A stable counting sort by (length, type) gives the same order: no two candidates share
    // (first, end, type), and those of one length and type were appended by first piece
    // (each type comes from one FindAll pass, whose matches are by first piece).
    uint32_t longest = 0;
    for (const Cand& c : cands_) longest = std::max(longest, c.end - c.first);
    std::vector<uint32_t>& at = s_.bucket;
    at.assign(static_cast<size_t>(longest + 1) * 6 + 1, 0);
    auto bucket = [&](const Cand& c) { return (longest - (c.end - c.first)) * 6 + static_cast<uint32_t>(c.type); };
    for (const Cand& c : cands_) ++at[bucket(c) + 1];
    for (size_t b = 1; b < at.size(); ++b) at[b] += at[b - 1];
    s_.sorted.resize(cands_.size());
    for (const Cand& c : cands_) s_.sorted[at[bucket(c)]++] = c;
    cands_.swap(s_.sorted);
    assert(std::is_sorted(cands_.begin(), cands_.end(), before));
  } else {
    std::stable_sort(cands_.begin(), cands_.end(), before);
  }
  // Candidates by first and by end piece: counting sort into offset arrays (CSR), each
  // bucket in cands_ order.
  const size_t n = buf_.size();
  auto index = [&](auto piece, std::vector<uint32_t>* off, std::vector<uint32_t>* idx) {
    off->assign(n + 2, 0);
    for (const Cand& c : cands_) ++(*off)[piece(c) + 1];
    for (size_t p = 1; p < off->size(); ++p) (*off)[p] += (*off)[p - 1];
    idx->resize(cands_.size());
    std::vector<uint32_t>& cursor = s_.tokens;  // free again after matching
    cursor.assign(off->begin(), off->end());
    for (uint32_t i = 0; i < cands_.size(); ++i) (*idx)[cursor[piece(cands_[i])]++] = i;
  };
  index([](const Cand& c) { return c.first; }, &s_.first_off, &s_.first_idx);
  index([](const Cand& c) { return c.end; }, &s_.end_off, &s_.end_idx);
}

bool Finder::PlaceShapeOk(const Cand& c) const {
  if (flags(c.first) & kPossessive) return false;
  uint32_t n = c.end - c.first;
  // The first word capitalised, or an article before a capitalised word ("al-Tanf",
  // "the Gaza Strip"); generic words after it may be lower case ("Shaer gas field").
  bool lead = Cap(c.first) || (n > 1 && In(key(c.first), {"al", "the"}) && Cap(c.first + 1));
  if (!lead) return false;
  if (n == 1 && Is(c.first, kWordStop)) return false;
  // A capitalised word sentence-initially that is a stop word cannot start a place either.
  if (n > 1 && Is(c.first, kWordStop) && (flags(c.first) & kSentenceStart)) {
    bool all_stop = true;
    for (uint32_t i = c.first; i < c.end; ++i) all_stop &= Is(i, kWordStop);
    if (all_stop) return false;
  }
  return true;
}

void Finder::ClaimEntities() {
  for (const Cand& c : cands_) {
    if (c.type != CandType::kEntity) continue;
    if (!Free(c.first, c.end)) continue;
    // A longer valid place name around this entity name keeps its text.
    bool inside_place = false;
    for (uint32_t s = c.first + 1; s-- > 0 && s + 12 > c.first && !inside_place;) {
      for (uint32_t pi : ByFirst(s)) {
        const Cand& p = cands_[pi];
        if (p.type != CandType::kPlace || p.end - p.first <= c.end - c.first) continue;
        if (p.end >= c.end && PlaceShapeOk(p)) {
          inside_place = true;
          break;
        }
      }
    }
    if (inside_place) continue;
    uint32_t entity = lex_.phrase_info(FirstValue(c)).target;
    const Entity& e = lex_.entity(entity);
    Work& w = work_.emplace_back(c.first, c.end,
                                 e.kind == EntityKind::kPerson   ? MentionKind::kPerson
                                 : e.kind == EntityKind::kSource ? MentionKind::kSource
                                                                 : MentionKind::kActor);
    w.entity = entity;
    w.how = "lexicon";
    if (e.kind == EntityKind::kPerson) w.person_entity = entity;
    uint32_t idx = LastWork();
    Claim(c.first, c.end, idx);
  }
}

uint32_t Finder::NameRun(uint32_t i, uint32_t max) const {
  uint32_t j = i, n = static_cast<uint32_t>(buf_.size());
  uint32_t last_cap = i;
  while (j < n && j - i < max) {
    if (j > i && (flags(j) & kBreakBefore)) break;
    if (owner_[j] != kNone) break;
    if (flags(j) & kPossessive) break;
    if (Cap(j) && !(flags(j) & kHasDigit)) {
      if (Is(j, kWordStop) && In(key(j), {"the", "and", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "it", "he", "she", "they", "we", "said", "says"})) break;
      last_cap = j + 1;
      ++j;
      continue;
    }
    if (Is(j, kWordParticle) && j + 1 < n && !(flags(j + 1) & kBreakBefore) && Cap(j + 1)) {
      ++j;
      continue;
    }
    break;
  }
  return last_cap;
}

uint32_t Finder::EntityBefore(uint32_t piece) const {
  if (piece == 0) return kNone;
  uint32_t p = piece - 1;
  if (flags(p) & kPossessive) {
    if (p == 0) return kNone;
    --p;
  }
  return owner_[p];
}

// Words of organisation names: a capitalised run holding one is not a person's name
// ("Defence Intelligence Directorate said").
bool HasOrgWord(const PieceBuffer& buf, uint32_t a, uint32_t b) {
  static const KeySet kOrg = {
      "ministry", "directorate", "intelligence", "service", "services", "office", "department",
      "committee", "authority", "authorities", "administration", "institute", "organization",
      "organisation", "group", "brigade", "brigades", "battalion", "regiment", "corps", "guard",
      "guards", "police", "court", "parliament", "assembly", "council", "command", "forces",
      "force", "army", "front", "party", "movement", "agency", "news", "times", "post", "press",
      "television", "radio", "channel", "network", "observatory", "center", "centre", "union",
      "coalition", "alliance", "federation", "republic", "state", "government", "university",
      "hospital", "company", "bank", "foundation", "commission", "mission", "embassy", "defence",
      "defense", "security", "staff", "headquarters", "division", "unit", "units", "fleet",
      "militia", "militias", "rebels", "monitor", "daily", "journal", "herald", "tribune",
      "gazette", "review", "weekly", "international", "national", "general", "civil"};
  for (uint32_t i = a; i < b; ++i) if (kOrg.has(buf.key(i))) return true;
  return false;
}

void Finder::AddPerson(uint32_t a, uint32_t b, std::string org, std::string role, std::string how) {
  if (HasOrgWord(buf_, a, b)) return;
  Work& w = work_.emplace_back(a, b, MentionKind::kPerson);
  w.person_name = std::string(std::string_view(doc_.text).substr(
      buf_.pieces[a].span.start, buf_.pieces[b - 1].span.end - buf_.pieces[a].span.start));
  w.person_org = std::move(org);
  w.person_role = std::move(role);
  w.how = std::move(how);
  uint32_t idx = LastWork();
  Claim(a, b, idx);
  if (b - a >= 2 && Cap(b - 1) && key(b - 1).size() >= 3) surnames_.emplace(key(b - 1), idx);
}

// The organisation a title hangs on: an entity right before it ("Kremlin spokesman",
// "Russia's President"), a demonym or country ("Russian President"), or one named after
// it ("director of the Observatory").
void Finder::FindPersons() {
  // Head nouns of entities mentioned anywhere: "the Observatory" -> its full name.
  SmallMap& heads = s_.heads;  // views of buf_.keys
  for (uint32_t wi = 0; wi < work_.size(); ++wi) {
    const Work& w = work_[wi];
    if (w.entity == kNone || w.end - w.first < 2) continue;
    // Every capitalised word of a multi-word name: "the Observatory", "Network director".
    for (uint32_t i = w.first; i < w.end; ++i) {
      if (Cap(i) && key(i).size() >= 4) {
        heads.emplace(key(i), w.entity);
      }
    }
    heads.emplace(key(w.end - 1), w.entity);
  }
  auto org_of_work = [&](uint32_t wi) -> std::string {
    if (wi == kNone || wi >= work_.size()) return "";
    const Work& w = work_[wi];
    if (w.entity != kNone) return lex_.entity(w.entity).id;
    return "";
  };
  auto org_before = [&](uint32_t piece, bool head_title) -> std::string {
    // Walk back over a chain of titles and ranks ("Army spokesman Brig. Gen. X").
    static const KeySet kRanks = {"brig", "gen", "col", "maj", "lt", "capt", "sgt", "adm", "cmdr"};
    for (int guard = 0; guard < 4 && piece > 0; ++guard) {
      uint32_t q = piece - 1;
      bool title_end = false;
      for (uint32_t ci : ByEnd(q + 1)) {
        if (cands_[ci].type == CandType::kTitle) {
          title_end = true;
          piece = cands_[ci].first;
          break;
        }
      }
      if (!title_end && kRanks.has(key(q))) {
        piece = q;
        title_end = true;
      }
      if (!title_end) break;
    }
    std::string org = org_of_work(EntityBefore(piece));
    if (!org.empty()) return org;
    if (piece == 0) return "";
    uint32_t p = piece - 1;
    // "Army spokesman": the armed forces (or government) of the focus country, decided later.
    if (Cap(p) && (flags(p) & kSentenceStart || !(flags(p) & kBreakBefore))) {
      static const KeySet kForces = {"army", "military", "police"};
      static const KeySet kGov = {"government", "regime", "presidency", "ministry"};
      if (kForces.has(key(p))) return "@focus-forces";
      if (kGov.has(key(p))) return "@focus-gov";
    }
    if (flags(p) & kPossessive && p > 0) --p;
    // Demonym or country right before the title.
    for (uint32_t ci : ByEnd(p + 1)) {
      const Cand& c = cands_[ci];
      if (c.type != CandType::kDemonym && c.type != CandType::kPlace) continue;
      uint32_t rec = NameRecord(FirstValue(c));
      if (gaz_.record(rec).kind != PlaceKind::kCountry) continue;
      std::string id = std::string(head_title ? "gov:" : "gov:") + std::string(gaz_.CountryCode(rec));
      if (lex_.FindEntity(id) != kNone) return id;
    }
    const uint32_t* head = heads.Find(key(p));
    if (head != nullptr && Cap(p)) return lex_.entity(*head).id;
    return "";
  };
  auto org_after = [&](uint32_t from, uint32_t limit) -> std::string {
    uint32_t n = static_cast<uint32_t>(buf_.size());
    for (uint32_t i = from; i < n && i < from + limit; ++i) {
      if (sentence_[i] != sentence_[from]) break;
      if (owner_[i] != kNone) {
        std::string org = org_of_work(owner_[i]);
        if (!org.empty()) return org;
      }
      const uint32_t* head = heads.Find(key(i));
      if (head != nullptr && Cap(i) && i > 0 && key(i - 1) == "the") return lex_.entity(*head).id;
    }
    return "";
  };

  const uint32_t n = static_cast<uint32_t>(buf_.size());
  for (const Cand& c : cands_) {
    if (c.type != CandType::kTitle) continue;
    const Title& t = lex_.title(lex_.phrase_info(FirstValue(c)).target);
    uint32_t b = c.end;
    if (b >= n) continue;
    // "the Governor of Nineveh province, Najm al-Jubouri"
    if (key(b) == "of" && !(flags(b) & kBreakBefore)) {
      uint32_t k = b + 1;
      while (k < n && k < b + 9 && !(flags(k) & kBreakBefore)) ++k;
      if (k >= n || k == b + 1 || sentence_[k] != sentence_[b]) continue;
      std::string_view gap = std::string_view(doc_.text).substr(
          buf_.pieces[k - 1].span.end, buf_.pieces[k].span.start - buf_.pieces[k - 1].span.end);
      if (gap.find(',') == std::string_view::npos) continue;
      uint32_t e = NameRun(k, 5);
      if (e - k < 2) continue;
      std::string org = org_after(b + 1, k - b - 1);
      if (org.empty()) {
        // A place: the government of its country.
        for (uint32_t s = b + 1; s < k && org.empty(); ++s) for (uint32_t pi : ByFirst(s)) {
          const Cand& p = cands_[pi];
          if (p.type == CandType::kPlace && p.end <= k) {
            std::string id = "gov:" + std::string(gaz_.CountryCode(NameRecord(FirstValue(p))));
            if (lex_.FindEntity(id) != kNone) { org = id; break; }
          }
        }
      }
      std::string role(std::string_view(doc_.text).substr(
          buf_.pieces[c.first].span.start, buf_.pieces[k - 1].span.end - buf_.pieces[c.first].span.start));
      AddPerson(k, e, org, role, "title: " + role);
      continue;
    }
    if (!Free(b, b + 1)) continue;
    uint32_t e = NameRun(b, 5);
    if (e == b) continue;
    // One capitalised word after a title is a name only when it is not itself a place or title.
    if (e - b == 1) {
      bool other = false;
      for (uint32_t pi : ByFirst(b)) {
        const Cand& p = cands_[pi];
        if (p.type == CandType::kPlace || p.type == CandType::kTitle || p.type == CandType::kDemonym) {
          other = true;
        }
      }
      if (other || Is(b, kWordStop)) continue;
    }
    std::string org = org_before(c.first, t.head);
    if (org.empty()) org = org_after(e, 8);
    std::string role(doc_.view(Span{buf_.pieces[c.first].span.start, buf_.pieces[c.end - 1].span.end}));
    AddPerson(b, e, org, role, "title: " + role);
  }
  // "said Name", "according to Name", "Name said".
  for (uint32_t i = 0; i + 1 < n; ++i) {
    bool intro = Is(i, kWordSpeech) || (key(i) == "to" && i > 0 && key(i - 1) == "acording");
    if (intro && !(flags(i + 1) & kBreakBefore) && Free(i + 1, i + 2)) {
      uint32_t e = NameRun(i + 1, 5);
      if (e - (i + 1) >= 2) {
        std::string org = org_after(e, 10);
        AddPerson(i + 1, e, org, "", "speech: " + std::string(key(i)));
        continue;
      }
    }
  }
  // A name of two to five pieces must end right before a speech verb: with the memo, names
  // are only looked for where such a verb follows within reach (next_speech[k]: the first
  // piece at or after k that is one, n if none); the slow twin looks everywhere.
  std::vector<uint32_t>& next_speech = s_.next_speech;
  next_speech.resize(n + 1);
  next_speech[n] = n;
  for (uint32_t k = n; k-- > 0;) next_speech[k] = (s_.word[k] & kWordSpeech) ? k : next_speech[k + 1];
  for (uint32_t i = 0; i < n; ++i) {
    if (!Free(i, i + 1) || !Cap(i)) continue;
    if (memo_ && (i + 2 >= n || next_speech[i + 2] > i + 5)) continue;
    uint32_t e = NameRun(i, 5);
    if (e - i >= 2 && e < n && Is(e, kWordSpeech) && !(flags(e) & kBreakBefore)) {
      // Not a place or a demonym phrase ("Syrian Army said" is an entity already).
      bool place = false;
      for (uint32_t pi : ByFirst(i)) {
        const Cand& p = cands_[pi];
        if ((p.type == CandType::kPlace || p.type == CandType::kDemonym) && p.end == e) {
          place = true;
        }
      }
      if (place) continue;
      AddPerson(i, e, org_after(e, 10), "", "speech: " + std::string(key(e)));
      i = e;
    }
  }
  // Surnames alone after the full name.
  for (uint32_t i = 0; i < n && !surnames_.empty(); ++i) {
    if (!Free(i, i + 1) || !Cap(i)) continue;
    const uint32_t* surname = surnames_.Find(key(i));
    if (surname == nullptr || work_[*surname].first > i) continue;
    if (i + 1 < n && !(flags(i + 1) & kBreakBefore) && Cap(i + 1) && !(flags(i + 1) & kPossessive)) continue;
    Work& w = work_.emplace_back(i, i + 1, MentionKind::kPerson);
    w.refers_to = *surname;
    w.how = "surname";
    uint32_t idx = LastWork();
    Claim(i, i + 1, idx);
  }
}

// The government entity when the capital at [first, end) stands for it: a verb follows
// ("Moscow said"), a possessive before a word of policy ("Moscow's intervention"), or
// another capital of the list is coordinated with it ("Damascus and Moscow").
uint32_t Finder::MetonymGovernment(uint32_t first, uint32_t end) const {
  const uint32_t n = static_cast<uint32_t>(buf_.size());
  static const KeySet kPolicy = {"intervention", "allies", "backing", "support", "campaign", "role",
                                 "position", "policy", "forces", "military", "officials", "decision",
                                 "strategy", "stance", "response", "plan", "plans", "claims", "claim",
                                 "statement", "statements", "involvement", "objective", "official"};
  for (uint32_t mi : ByFirst(first)) {
    const Cand& m = cands_[mi];
    if (m.type != CandType::kMetonym || m.end != end) continue;
    bool gov = false;
    if (end < n && !(flags(end) & kBreakBefore) && Is(end, kWordGovernment)) gov = true;
    if (end + 1 < n && (flags(end) & kPossessive) && kPolicy.has(key(end + 1))) gov = true;
    if (end + 1 < n && In(key(end), {"and", "or"})) {
      for (uint32_t oi : ByFirst(end + 1)) gov |= cands_[oi].type == CandType::kMetonym;
    }
    if (first >= 2 && In(key(first - 1), {"and", "or"})) {
      for (uint32_t oi : ByEnd(first - 1)) gov |= cands_[oi].type == CandType::kMetonym;
    }
    if (!gov) return kNone;
    return lex_.FindEntity(lex_.metonym(lex_.phrase_info(FirstValue(m)).target).gov_id);
  }
  return kNone;
}

void Finder::ClaimPlaces() {
  const uint32_t n = static_cast<uint32_t>(buf_.size());
  for (const Cand& c : cands_) {
    if (c.type != CandType::kPlace || !Free(c.first, c.end) || !PlaceShapeOk(c)) continue;
    // Part of a longer capitalised name?
    if (c.first > 0 && !(flags(c.first) & kBreakBefore)) {
      uint32_t p = c.first - 1;
      if (Cap(p) && !(flags(p) & kSentenceStart) && owner_[p] == kNone && !Is(p, kWordLeadIn)) {
        continue;
      }
      if (Cap(p) && (flags(p) & kSentenceStart) && owner_[p] == kNone && !Is(p, kWordLeadIn) &&
          !Is(p, kWordStop)) {
        // "Rami Palmyra said": a sentence-initial unknown capital word glued to the name.
        bool known = false;
        for (uint32_t oi : ByFirst(p)) known |= cands_[oi].type != CandType::kTitle;
        if (!known) continue;
      }
    }
    if (c.end < n && !(flags(c.end) & kBreakBefore)) {
      uint32_t q = c.end;
      if (Cap(q) && !(flags(q) & kPossessive) && owner_[q] == kNone && !Is(q, kWordTail)) {
        continue;
      }
    }
    Work& w = work_.emplace_back(c.first, c.end, MentionKind::kPlace);
    w.places = Values(c);
    w.how = "gazetteer";
    static const KeySet kLocative = {"in", "near", "at", "from", "into", "outside", "around", "towards",
                                     "toward", "across", "to", "through", "inside", "entered", "captured",
                                     "seized", "took", "retook", "shelled", "struck", "hit", "besieged",
                                     "stormed", "attacked", "bombed", "reached", "fled"};
    w.locative = c.first > 0 && !(flags(c.first) & kBreakBefore) && kLocative.has(key(c.first - 1));
    // A capital standing for its government.
    uint32_t gov = MetonymGovernment(c.first, c.end);
    if (gov != kNone) {
      w.kind = MentionKind::kActor;
      w.entity = gov;
      w.places = {};
      w.how = "metonymy: capital for its government";
    }
    uint32_t idx = LastWork();
    Claim(c.first, c.end, idx);
  }
  // Capitals the gazetteer did not offer as places, used for their governments.
  for (const Cand& c : cands_) {
    if (c.type != CandType::kMetonym || !Free(c.first, c.end) || !Cap(c.first)) continue;
    uint32_t gov = MetonymGovernment(c.first, c.end);
    if (gov == kNone) continue;
    Work& w = work_.emplace_back(c.first, c.end, MentionKind::kActor);
    w.entity = gov;
    w.how = "metonymy: capital for its government";
    uint32_t idx = LastWork();
    Claim(c.first, c.end, idx);
  }
  // Demonyms are evidence for the focus country.
  for (const Cand& c : cands_) {
    if (c.type != CandType::kDemonym || !Cap(c.first)) continue;
    uint32_t rec = NameRecord(FirstValue(c));
    std::string_view cc = gaz_.CountryCode(rec);
    if (!cc.empty()) {
      country_weight_.Add(cc, 1);
      focus_weight_.Add(cc, 1);
      actor_weight_.Add(cc, 1);
    }
  }
}

// Names the gazetteer lacks but the text marks as places: "the village of X", "the town
// of X", and "X in <known region or country>". They stay unresolved, or, with a container,
// resolve to it at precision 3 (the region only), as ACLED codes such events.
void Finder::ClaimUnknownPlaces() {
  static const KeySet kKinds = {"town", "village", "city", "district", "hamlet", "suburb",
                                "neighbourhood", "neighborhood", "area", "camp", "settlement",
                                "municipality", "locality", "outpost"};
  const uint32_t n = static_cast<uint32_t>(buf_.size());
  for (uint32_t i = 2; i < n; ++i) {
    if (!Free(i, i + 1) || !Cap(i) || (flags(i) & kSentenceStart)) continue;
    uint32_t e = NameRun(i, 4);
    if (e == i || Is(i, kWordStop)) continue;
    bool pattern = key(i - 1) == "of" && kKinds.has(key(i - 2)) && !(flags(i) & kBreakBefore);
    uint32_t container = kNone;
    if (e + 1 < n && key(e) == "in" && !(flags(e) & kBreakBefore) && owner_[e + 1] != kNone) {
      const Work& c = work_[owner_[e + 1]];
      if (c.kind == MentionKind::kPlace && c.first == e + 1) {
        for (uint32_t v : c.places) {
          PlaceKind k = gaz_.record(NameRecord(v)).kind;
          if (k == PlaceKind::kCountry || k == PlaceKind::kAdmin1) container = owner_[e + 1];
        }
      }
    }
    if (!pattern && container == kNone) continue;
    Work& w = work_.emplace_back(i, e, MentionKind::kPlace);
    w.pattern_container = container;
    w.how = pattern ? "pattern: " + std::string(doc_.view(buf_.pieces[i - 2].span)) + " of"
                   : "pattern: name in a region";
    uint32_t idx = LastWork();
    Claim(i, e, idx);
    i = e;
  }
}

void Finder::ClaimDescriptorsAndPronouns() {
  const uint32_t n = static_cast<uint32_t>(buf_.size());
  for (const Cand& c : cands_) {
    if (c.type != CandType::kDescriptor || !Free(c.first, c.end)) continue;
    // "the city of Palmyra", "the terrorist group Daesh": the name that follows is the mention.
    if (c.end < n && !(flags(c.end) & kBreakBefore)) {
      if (key(c.end) == "of" && c.end + 1 < n && Cap(c.end + 1)) continue;
      if (Cap(c.end) && !(flags(c.end) & kSentenceStart)) continue;
      if (owner_[c.end] != kNone && work_[owner_[c.end]].kind != MentionKind::kPlace) continue;
    }
    // "Syrian government forces": preceded by a demonym, it is a state's forces.
    uint32_t d = lex_.phrase_info(FirstValue(c)).target;
    Work& w = work_.emplace_back(c.first, c.end, MentionKind::kActor);
    const Descriptor& desc = lex_.descriptor(d);
    w.kind = desc.kind == "place" ? MentionKind::kPlace
             : desc.kind == "source" ? MentionKind::kSource
                                     : MentionKind::kActor;
    w.descriptor = d;
    w.how = "descriptor";
    uint32_t idx = LastWork();
    Claim(c.first, c.end, idx);
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (!Is(i, kWordHeShe) || !Free(i, i + 1)) continue;
    bool speech = (i + 1 < n && !(flags(i + 1) & kBreakBefore) && Is(i + 1, kWordSpeech) &&
                   sentence_[i + 1] == sentence_[i]) ||
                  (i > 0 && !(flags(i) & kBreakBefore) && Is(i - 1, kWordSpeech) &&
                   sentence_[i - 1] == sentence_[i]);
    if (!speech) continue;
    Work& w = work_.emplace_back(i, i + 1, MentionKind::kPerson);
    w.pronoun = true;
    w.how = "pronoun";
    uint32_t idx = LastWork();
    Claim(i, i + 1, idx);
  }
}

void Finder::InferFocus() {
  for (const Cand& c : cands_) {
    if (c.type != CandType::kDemonym && c.type != CandType::kPlace) continue;
    if (!Cap(c.first)) continue;
    if (c.vlen > 1) continue;  // (tested first: it needs no gazetteer record)
    uint32_t rec = NameRecord(FirstValue(c));
    if (gaz_.record(rec).kind != PlaceKind::kCountry) continue;
    sentence_country_.emplace_back(sentence_[c.first], gaz_.CountryCode(rec));
  }
  for (const Work& w : work_) {
    if (w.entity != kNone && !lex_.entity(w.entity).country.empty()) {
      sentence_country_.emplace_back(sentence_[w.first], lex_.entity(w.entity).country);
    }
    if (w.kind == MentionKind::kPlace && !w.places.empty()) {
      // The one country of the strong candidates (distinct == 1), if there is one; and the
      // one country of all candidates, if the name is found in one country only.
      std::string_view one, only;
      int distinct = 0, distinct_all = 0;
      bool strong = false;
      for (uint32_t v : w.places) {
        const PlaceRecord& r = gaz_.record(NameRecord(v));
        std::string_view cc = gaz_.CountryCode(NameRecord(v));
        if (distinct_all == 0) {
          only = cc;
          distinct_all = 1;
        } else if (!SameCode(cc, only)) {
          distinct_all = 2;
        }
        if (r.kind == PlaceKind::kCountry || r.kind == PlaceKind::kAdmin1 ||
            r.population >= 100000 || r.geonameid == 0) {
          if (distinct == 0) {
            one = cc;
            distinct = 1;
          } else if (!SameCode(cc, one)) {
            distinct = 2;
          }
          strong |= r.kind == PlaceKind::kCountry;
        }
      }
      if (distinct == 1 && !one.empty()) country_weight_.Add(one, strong ? 2 : 1);
      // Focus: a mention of a place counts toward its country, twice when the text puts
      // something there ("in X", "near X", "shelled X"): a story happens where its places
      // are, not in a country it names as an actor ("Iran sent advisers"), so a country's
      // own name counts no more than any of its places. Small places count when named as
      // locations and found in one country only; ResolvePlaces counts again from the
      // places it chooses (FocusFromPlaces).
      std::string_view focus_cc = distinct == 1                      ? one
                                  : distinct_all == 1 && w.locative ? only
                                                                    : std::string_view();
      if (!focus_cc.empty()) focus_weight_.Add(focus_cc, w.locative ? 2 : 1);
    } else if (w.entity != kNone) {
      const Entity& e = lex_.entity(w.entity);
      if (!e.country.empty()) {
        bool state = e.type == "state-forces" || e.type == "government" || e.type == "state-media";
        country_weight_.Add(e.country, state ? 1.0 : 0.5);
        focus_weight_.Add(e.country, state ? 1.0 : 0.5);
        actor_weight_.Add(e.country, state ? 1.0 : 0.5);
      }
    }
  }
  std::sort(sentence_country_.begin(), sentence_country_.end());
  sentence_country_.erase(std::unique(sentence_country_.begin(), sentence_country_.end()),
                          sentence_country_.end());
  focus_ = std::string(focus_weight_.Best());
}

// The part of a candidate's prior that depends on its record alone: kind, size and seat.
double RecordPrior(const Gazetteer& gaz, uint32_t rec) {
  const PlaceRecord& r = gaz.record(rec);
  double s = 0;
  switch (r.kind) {
    case PlaceKind::kCountry: s += 12; break;
    case PlaceKind::kAdmin1: s += 6; break;
    case PlaceKind::kFeature: s += r.geonameid == 0 ? 5 : 2; break;
    case PlaceKind::kPopulated: {
      s += std::log10(static_cast<double>(r.population) + 10.0);
      std::string_view fcode = gaz.FeatureCode(rec);
      if (fcode == "PPLC") s += 3;
      else if (fcode == "PPLA") s += 2;
      else if (fcode == "PPLA2") s += 1;
      break;
    }
  }
  return s;
}

double Finder::RecordPriorOf(uint32_t rec) const {
  if (!memo_) return RecordPrior(gaz_, rec);
  Scratch::RecordPriorSlot& slot = s_.record_priors[rec & (Scratch::kRecordPriorSlots - 1)];
  if (slot.rec != rec) {
    slot.rec = rec;
    slot.s = RecordPrior(gaz_, rec);
  }
  return slot.s;
}

Prior Finder::ScorePrior(uint32_t value, const Work& w) const {
  uint32_t rec = NameRecord(value);
  const PlaceRecord& r = gaz_.record(rec);
  std::string_view cc = gaz_.CountryCode(rec);
  double s = RecordPriorOf(rec);
  s += (NameFlags(value) & kNameMain) ? 1.5 : -1;
  if (!cc.empty() && SameCode(cc, focus_)) s += 4;
  if (const double* cw = country_weight_.Find(cc)) s += std::min(*cw, 3.0) * (2.0 / 3.0);
  // A country named in the same sentence ("..., Libyan officials said"): added last.
  bool same_sentence = std::binary_search(sentence_country_.begin(), sentence_country_.end(),
                                          std::pair<uint32_t, std::string_view>(sentence_[w.first], cc));
  const bool own_division = r.admin1 != Gazetteer::kNone && r.admin1 != rec &&
                            gaz_.record(r.admin1).kind == PlaceKind::kAdmin1;
  return {s, same_sentence, own_division, r.lat, r.lon, rec, r.admin1, r.country};
}

double Finder::Score(uint32_t value, const Work& w, const Prior& prior) const {
  [[maybe_unused]] const uint32_t rec = NameRecord(value);
  assert(rec == prior.rec);
  double s = prior.s;
  for (uint32_t ci : w.containers) {
    const Work& c = work_[ci];
    if (c.chosen == kNone) continue;
    const PlaceRecord& cr = gaz_.record(c.chosen);
    if (cr.kind == PlaceKind::kCountry && prior.country == c.chosen) s += 8;
    if (cr.kind == PlaceKind::kAdmin1 && prior.admin1 == c.chosen) s += 8;
  }
  // Near other places the document names (first-pass choices, each counted once).
  // Its own division among them counts 3, every other one within 300 km 1.5, at most 3 in
  // all. NearSlow is the obvious scan of every anchor; builds with assertions (the test
  // builds) check the two agree on every candidate of every document they see.
  const double near = Near(prior);
  assert(near == NearSlow(rec));
  s += near;
  if (prior.same_sentence) s += 2;
  return s;
}

// A candidate is plausible when it is a country, division or curated feature, a town of
// some size, or in the document's focus country; otherwise a capitalised word that happens
// to name a hamlet somewhere ("Gates", "Bel") is not taken for a place.
bool Plausible(const Gazetteer& g, uint32_t value, const CountryWeights& weights,
               const std::string& focus, bool locative) {
  uint32_t rec = NameRecord(value);
  const PlaceRecord& r = g.record(rec);
  if (r.kind != PlaceKind::kPopulated && r.kind != PlaceKind::kFeature) return true;
  if (r.geonameid == 0) return true;  // sitrep's own alias file
  std::string_view cc = g.CountryCode(rec);
  if (!cc.empty() && cc == focus) return true;
  if (r.population >= 100000) return true;
  const double* found = weights.Find(cc);
  double w = found == nullptr ? 0 : *found;
  bool main = NameFlags(value) & kNameMain;
  // A mid-sized town needs a locative ("in Kidal") or its country named in the document;
  // so does an administrative seat of any size (GeoNames leaves some at population 0).
  if (r.population >= 20000 && (locative || w >= 1)) return true;
  std::string_view code = g.FeatureCode(rec);
  bool seat = code == "PPLC" || code == "PPLA" || code == "PPLA2" || code == "PPLA3";
  if (seat && main && (locative || w >= 1)) return true;
  return main && r.population >= 1000 && (w >= 3 || (locative && w >= 1));
}

void Finder::ResolvePlaces() {
  // Containers: "X, Syria", "X in Homs province", "X in northern Syria".
  const uint32_t n = static_cast<uint32_t>(buf_.size());
  for (uint32_t wi = 0; wi < work_.size(); ++wi) {
    Work& w = work_[wi];
    if (w.kind != MentionKind::kPlace || w.places.empty()) continue;
    uint32_t k = w.end;
    if (k < n && In(key(k), {"in", "of"})) ++k;
    if (k < n && In(key(k), {"the"})) ++k;
    if (k < n && In(key(k), {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"})) ++k;
    if (k >= n || owner_[k] == kNone || owner_[k] == wi) continue;
    const Work& c = work_[owner_[k]];
    if (c.kind == MentionKind::kPlace && c.first == k && !c.places.empty()) w.containers.push_back(owner_[k]);
  }
  std::vector<Prior>& priors = s_.priors;  // from Work::prior_at on, one per candidate
  uint32_t prior_count = 0;
  for (Work& w : work_) {
    if (w.kind != MentionKind::kPlace || w.places.empty()) continue;
    w.prior_at = prior_count;
    prior_count += static_cast<uint32_t>(w.places.size());
  }
  priors.resize(prior_count);
  auto compute_priors = [&] {
    // The candidates' records (and then their divisions' records) are fetched from the
    // mapped gazetteer in sweeps first, so that the cache misses overlap.
    for (const Work& w : work_) {
      if (w.kind != MentionKind::kPlace) continue;
      for (uint32_t v : w.places) __builtin_prefetch(&gaz_.record(NameRecord(v)));
    }
    for (const Work& w : work_) {
      if (w.kind != MentionKind::kPlace) continue;
      for (uint32_t v : w.places) {
        const uint32_t a = gaz_.record(NameRecord(v)).admin1;
        if (a != Gazetteer::kNone) __builtin_prefetch(&gaz_.record(a));
      }
    }
    for (const Work& w : work_) {
      if (w.kind != MentionKind::kPlace || w.places.empty()) continue;
      const size_t at = w.prior_at;
      for (size_t k = 0; k < w.places.size(); ++k) priors[at + k] = ScorePrior(w.places[k], w);
    }
  };
  compute_priors();
  bool refocused = false;
  // Two passes: the second sees the first pass's choices for proximity and containers.
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<uint32_t>& choice = s_.choice;
    choice.assign(work_.size(), kNone);
    for (uint32_t wi = 0; wi < work_.size(); ++wi) {
      Work& w = work_[wi];
      if (w.kind != MentionKind::kPlace || w.places.empty()) continue;
      double best = -1e9;
      uint32_t best_v = kNone;
      const size_t at = w.prior_at;
      // Score adds to a prior at most 8 per container and 3 for nearness (then 2 for a
      // country in the sentence): a candidate whose prior cannot reach the best score so far
      // even so is not scored, as it could only lose (a tie keeps the earlier candidate).
      // The margin is far above any rounding of the sums. Names with hundreds of GeoNames
      // candidates are scored against the few that can win. FindMentionsWithoutMemo scores
      // every candidate (the slow twin the memo test compares with).
      const double bonus = 8.0 * static_cast<double>(w.containers.size()) + 3.0;
      for (size_t k = 0; k < w.places.size(); ++k) {
        const uint32_t v = w.places[k];
        const Prior& prior = priors[at + k];
        if (memo_ && best_v != kNone && prior.s + bonus + (prior.same_sentence ? 2 : 0) < best - 1e-6) continue;
        double s = Score(v, w, prior);
        if (s > best) { best = s; best_v = v; }
      }
      if (best_v != kNone && !Plausible(gaz_, best_v, country_weight_, focus_, w.locative)) best_v = kNone;
      choice[wi] = best_v == kNone ? kNone : NameRecord(best_v);
      if (pass == 1) {
        w.how = "gazetteer";
        if (best_v == kNone) {
          w.dropped = true;  // only implausible candidates: not a place mention
          continue;
        }
        uint32_t rec = NameRecord(best_v);
        const PlaceRecord& r = gaz_.record(rec);
        // A stated container the best candidate is not in ("Palma in northern Mozambique"
        // when the gazetteer knows only other Palmas): the name is a place in the container.
        // A country is never inside another place: "Ukraine, Russia" is a list.
        bool outside = false;
        uint32_t container_rec = kNone;
        if (r.kind != PlaceKind::kCountry) for (uint32_t ci : w.containers) {
          uint32_t c = work_[ci].chosen;
          if (c == kNone) continue;
          const PlaceRecord& cr = gaz_.record(c);
          bool inside = (cr.kind == PlaceKind::kCountry && r.country == c) ||
                        (cr.kind == PlaceKind::kAdmin1 && r.admin1 == c) || c == rec;
          if (!inside && (cr.kind == PlaceKind::kCountry || cr.kind == PlaceKind::kAdmin1)) {
            outside = true;
            container_rec = c;
          }
        }
        if (outside) {
          PlaceResolved(container_rec, 3, &w.resolved.emplace());
          w.how = "gazetteer: no candidate inside its container, placed in the container";
          continue;
        }
        // Countries and divisions: the region only (3). Rivers, seas, ranges and regions
        // without borders: somewhere along or in them (2). Everything else: exact (1).
        std::string_view code = gaz_.FeatureCode(rec);
        int precision = r.kind == PlaceKind::kCountry || r.kind == PlaceKind::kAdmin1 ? 3
                        : r.kind == PlaceKind::kFeature &&
                                  (r.fclass == 'H' || code == "RGN" || code == "MTS" ||
                                   code == "VAL" || code == "DSRT" || code == "PEN" || code == "PLAT")
                            ? 2
                            : 1;
        PlaceResolved(rec, precision, &w.resolved.emplace());
        std::string ctx;
        if (w.places.size() > 1) {
          ctx = std::to_string(w.places.size()) + " candidates";
          if (!focus_.empty() && gaz_.CountryCode(rec) == focus_) ctx += ", focus country " + focus_;
          if (!w.containers.empty()) ctx += ", container";
          if (r.population > 0) ctx += ", population";
        }
        if (!ctx.empty()) w.how += " (" + ctx + ")";
      }
    }
    for (uint32_t wi = 0; wi < work_.size(); ++wi) work_[wi].chosen = choice[wi];
    anchor_recs_.clear();
    for (uint32_t c : choice) {
      if (c == kNone || gaz_.record(c).kind == PlaceKind::kCountry) continue;
      anchor_recs_.push_back(c);
    }
    std::sort(anchor_recs_.begin(), anchor_recs_.end());
    anchor_recs_.erase(std::unique(anchor_recs_.begin(), anchor_recs_.end()), anchor_recs_.end());
    anchors_.clear();
    for (uint32_t c : anchor_recs_) {
      const PlaceRecord& cr = gaz_.record(c);
      anchors_.push_back({cr.lat, cr.lon, c});
    }
    std::sort(anchors_.begin(), anchors_.end());
    // After the first pass the places are known, not only their names: the focus is
    // counted again from them (once), and if it moves the first pass runs again with it.
    if (pass == 0 && !refocused) {
      refocused = true;
      std::string focus(FocusFromPlaces());
      if (focus != focus_) {
        focus_ = std::move(focus);
        for (Work& w : work_) w.chosen = kNone;
        anchors_.clear();
        anchor_recs_.clear();
        compute_priors();
        pass = -1;
      }
    }
  }
}

std::string_view Finder::FocusFromPlaces() const {
  CountryWeights& weights = s_.from_places;
  weights = actor_weight_;
  for (const Work& w : work_) {
    if (w.kind != MentionKind::kPlace || w.places.empty() || w.chosen == kNone) continue;
    std::string_view cc = gaz_.CountryCode(w.chosen);
    if (cc.empty()) continue;
    // A choice is evidence when the text names the place as a location or the place is a
    // country, division, city or curated place; a capitalised word that is also a hamlet
    // somewhere ("Gates", "Bell") is not.
    const PlaceRecord& r = gaz_.record(w.chosen);
    bool evidence = w.locative || r.kind == PlaceKind::kCountry || r.kind == PlaceKind::kAdmin1 ||
                    r.population >= 100000 || r.geonameid == 0;
    if (evidence) weights.Add(cc, w.locative ? 2 : 1);
  }
  return weights.Best();
}

double Finder::Near(const Prior& p) const {
  const uint32_t rec = p.rec;
  struct {
    float lat, lon;
  } r{p.lat, p.lon};
  if (p.own_division && std::binary_search(anchor_recs_.begin(), anchor_recs_.end(), p.admin1)) {
    return 3;
  }
  // WithinKm rejects any pair more than 300 km apart in latitude (2.7 degrees); the window
  // is a little wider and every anchor in it is tested exactly.
  constexpr double kReach = 2.75;
  double near = 0;
  auto it = std::lower_bound(anchors_.begin(), anchors_.end(), Anchor{r.lat - kReach, 0, 0});
  for (; it != anchors_.end() && it->lat <= r.lat + kReach; ++it) {
    if (it->rec == rec) continue;
    if (WithinKm(r.lat, r.lon, it->lat, it->lon, 300)) {
      near += 1.5;
      if (near >= 3) return 3;
    }
  }
  return near;
}

double Finder::NearSlow(uint32_t rec) const {
  const PlaceRecord& r = gaz_.record(rec);
  double near = 0;
  for (uint32_t a : anchor_recs_) {
    if (a == rec) continue;
    const PlaceRecord& orr = gaz_.record(a);
    if (orr.kind == PlaceKind::kAdmin1 && r.admin1 == a) { near += 3; continue; }
    if (WithinKm(r.lat, r.lon, orr.lat, orr.lon, 300)) near += 1.5;
  }
  return std::min(near, 3.0);
}

void Finder::PlaceResolved(uint32_t rec, int precision, Resolved* out) const {
  const PlaceRecord& r = gaz_.record(rec);
  Resolved& x = *out;
  x.id = gaz_.Id(rec);
  x.name = std::string(gaz_.name(rec));
  x.type = std::string(PlaceKindName(r.kind));
  x.subtype = std::string(gaz_.FeatureCode(rec));
  x.country = std::string(gaz_.CountryCode(rec));
  if (r.admin1 != Gazetteer::kNone) x.admin1 = std::string(gaz_.name(r.admin1));
  x.has_position = true;
  x.lat = std::round(r.lat * 1e5) / 1e5;
  x.lon = std::round(r.lon * 1e5) / 1e5;
  x.feature_class = r.fclass;
  x.precision = precision;
}

void Finder::EntityResolved(uint32_t entity, Resolved* out) const {
  const Entity& e = lex_.entity(entity);
  Resolved& x = *out;
  x.id = e.id;
  x.name = e.name;
  x.type = ActorTypeName(e.type);
  if (e.kind == EntityKind::kSource) {
    x.type = "media or monitor";
    x.subtype = e.type;
  }
  x.country = e.country;
  x.affiliation = e.affiliation;
  x.role = e.role;
  x.foreign = !focus_.empty() && !e.country.empty() && e.country != focus_ &&
              (e.type == "state-forces" || e.type == "government");
}

void Finder::ResolveEntities() {
  for (Work& w : work_) {
    if (w.pattern_container != kNone && work_[w.pattern_container].resolved) {
      const Work& c = work_[w.pattern_container];
      w.resolved = c.resolved;
      w.resolved->precision = 3;
      w.how += "; not in the gazetteer, placed in its container";
      continue;
    }
    if (w.entity != kNone) {
      EntityResolved(w.entity, &w.resolved.emplace());
    } else if (w.kind == MentionKind::kPerson && !w.person_name.empty()) {
      Resolved x;
      x.id = "person:" + Slug(w.person_name);
      x.name = w.person_name;
      x.type = "person";
      x.affiliation = w.person_org;
      x.role = w.person_role;
      if (x.affiliation.starts_with("@focus-")) {
        std::string id = (x.affiliation == "@focus-forces" ? "forces:" : "gov:") + focus_;
        x.affiliation = !focus_.empty() && lex_.FindEntity(id) != kNone ? id : "";
      }
      uint32_t org = x.affiliation.empty() ? kNone : lex_.FindEntity(x.affiliation);
      if (org != kNone) x.country = lex_.entity(org).country;
      w.resolved = std::move(x);
    }
  }
}

void Finder::ResolveReferences() {
  // Work items in text order.
  std::vector<uint32_t>& order = s_.order;
  order.resize(work_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return work_[a].first < work_[b].first; });
  auto entity_type = [&](const Work& w) -> std::string_view {
    if (!w.resolved) return "";
    if (w.entity != kNone) return lex_.entity(w.entity).type;
    return w.resolved->type;
  };
  for (size_t oi = 0; oi < order.size(); ++oi) {
    Work& w = work_[order[oi]];
    if (w.dropped) continue;
    if (w.refers_to != kNone && !w.resolved) {  // surname
      const Work& t = work_[w.refers_to];
      if (t.resolved) w.resolved = t.resolved;
      w.how = "surname -> " + t.person_name;
      continue;
    }
    if (w.descriptor == kNone && !w.pronoun) continue;
    // The most recent compatible mention; within its sentence the first one (the subject,
    // in most news sentences: "HTS, formerly al-Nusra, ..." -> HTS).
    auto find_back = [&](auto pred) -> uint32_t {
      for (size_t k = oi; k-- > 0;) {
        const Work& c = work_[order[k]];
        if (c.dropped || !c.resolved || !pred(c)) continue;
        uint32_t best = order[k];
        uint32_t sent = sentence_[c.first];
        for (size_t j = k; j-- > 0;) {
          const Work& d = work_[order[j]];
          if (sentence_[d.first] != sent) break;
          if (!d.dropped && d.resolved && pred(d) && d.descriptor == kNone) best = order[j];
        }
        return best;
      }
      return kNone;
    };
    uint32_t target = kNone;
    if (w.pronoun) {
      target = find_back([&](const Work& c) { return c.kind == MentionKind::kPerson; });
    } else {
      const Descriptor& d = lex_.descriptor(w.descriptor);
      if (d.kind == "actor") {
        if (d.refers == "nsag") {
          target = find_back([&](const Work& c) {
            std::string_view t = entity_type(c);
            return c.kind == MentionKind::kActor && (t == "nsag" || t == "militia");
          });
        } else if (d.refers == "militia") {
          target = find_back([&](const Work& c) { return c.kind == MentionKind::kActor && entity_type(c) == "militia"; });
        } else if (d.refers == "focus-forces" || d.refers == "focus-gov" || d.refers == "forces" || d.refers == "gov") {
          bool forces = d.refers.find("forces") != std::string::npos;
          std::string id = (forces ? "forces:" : "gov:") + focus_;
          uint32_t ent = focus_.empty() ? kNone : lex_.FindEntity(id);
          if (ent != kNone) {
            EntityResolved(ent, &w.resolved.emplace());
            w.how = "descriptor: focus country " + focus_;
            continue;
          }
          target = find_back([&](const Work& c) {
            return c.kind == MentionKind::kActor && entity_type(c) == (forces ? "state-forces" : "government");
          });
        } else {
          target = find_back([&](const Work& c) { return c.kind == MentionKind::kActor; });
        }
      } else if (d.kind == "place") {
        target = find_back([&](const Work& c) {
          if (c.kind != MentionKind::kPlace || c.chosen == kNone) return false;
          PlaceKind k = gaz_.record(c.chosen).kind;
          if (d.refers == "populated") return k == PlaceKind::kPopulated;
          if (d.refers == "admin1") return k == PlaceKind::kAdmin1;
          if (d.refers == "country") return k == PlaceKind::kCountry;
          if (d.refers == "feature") return k == PlaceKind::kFeature;
          return k != PlaceKind::kCountry;
        });
      } else {
        target = find_back([&](const Work& c) {
          if (c.kind != MentionKind::kSource) return false;
          return d.refers == "any" || (c.resolved && c.resolved->subtype == d.refers);
        });
      }
    }
    if (target == kNone) {
      if (w.descriptor != kNone && lex_.descriptor(w.descriptor).refers == "country" && !focus_.empty()) {
        uint32_t rec = gaz_.CountryRecord(focus_);
        if (rec != Gazetteer::kNone) {
          PlaceResolved(rec, 3, &w.resolved.emplace());
          w.chosen = rec;
          w.how = "descriptor: focus country " + focus_;
          continue;
        }
      }
      // "he said" or "the group" with nothing named before: not a mention.
      w.dropped = true;
      continue;
    }
    while (work_[target].refers_to != kNone && (work_[target].descriptor != kNone || work_[target].pronoun)) {
      target = work_[target].refers_to;
    }
    if (!w.pronoun && w.kind == MentionKind::kPlace && lex_.descriptor(w.descriptor).refers == "populated") {
      target = StoryTown(order, oi, target);
    }
    const Work& t = work_[target];
    w.resolved = t.resolved;
    if (w.kind == MentionKind::kPlace) w.chosen = t.chosen;
    w.refers_to = target;
    std::string_view ttext = std::string_view(doc_.text).substr(
        buf_.pieces[t.first].span.start, buf_.pieces[t.end - 1].span.end - buf_.pieces[t.first].span.start);
    w.how = std::string(w.pronoun ? "pronoun -> " : "descriptor -> ") + std::string(ttext);
  }
}

// "the city" / "the town" is the town the story is about, not a town named in passing:
// "RSF took Wad Madani ... people who fled fighting in the capital Khartoum. RSF fighters
// entered the city from the east": Wad Madani. The town most named so far (a headline or
// the first body sentence counts twice) replaces `target` (the most recent town) when it
// is named at least twice, more often than the target, and the target is not in the
// descriptor's own sentence. `order` is work_ in text order; `oi` the descriptor's place.
uint32_t Finder::StoryTown(const std::vector<uint32_t>& order, size_t oi, uint32_t target) const {
  const Work& w = work_[order[oi]];
  const Work& t = work_[target];
  if (t.chosen == kNone || sentence_[t.first] == sentence_[w.first]) return target;
  std::vector<std::pair<uint32_t, uint32_t>> counts;  // (gazetteer record, weight)
  uint32_t first_body = kNone;
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    if (doc_.sentences[si].kind == LineKind::kBody) {
      first_body = si;
      break;
    }
  }
  uint32_t best = kNone, best_n = 0, target_n = 0;
  for (size_t k = 0; k < oi; ++k) {
    const Work& c = work_[order[k]];
    if (c.dropped || c.kind != MentionKind::kPlace || c.chosen == kNone || c.descriptor != kNone) continue;
    if (gaz_.record(c.chosen).kind != PlaceKind::kPopulated) continue;
    const uint32_t sent = sentence_[c.first];
    const bool lead = sent < doc_.sentences.size() &&
                      (doc_.sentences[sent].kind == LineKind::kHeadline || sent == first_body);
    uint32_t n = lead ? 2 : 1;
    bool seen = false;
    for (auto& [rec, cnt] : counts) {
      if (rec != c.chosen) continue;
      cnt += n;
      n = cnt;
      seen = true;
      break;
    }
    if (!seen) counts.emplace_back(c.chosen, n);
    if (n > best_n) best_n = n, best = order[k];
    if (c.chosen == t.chosen) target_n = n;
  }
  if (best == kNone || work_[best].chosen == t.chosen || best_n < 2 || best_n <= target_n) return target;
  return best;
}

void Finder::ApplyGlosses() {
  // "X, known as Y", "X, known in Arabic as Y", "X, also known as Y", "X (Y)".
  const uint32_t n = static_cast<uint32_t>(buf_.size());
  for (uint32_t wi = 0; wi < work_.size(); ++wi) {
    if (work_[wi].kind != MentionKind::kPlace || work_[wi].dropped) continue;
    uint32_t k = work_[wi].end;
    if (k < n && key(k) == "also") ++k;
    if (k >= n || key(k) != "known") continue;
    ++k;
    if (k < n && key(k) == "in" && k + 2 < n && key(k + 2) == "as") k += 3;
    else if (k < n && key(k) == "as") ++k;
    else continue;
    if (k < n && key(k) == "the") ++k;
    if (k >= n || !Cap(k)) continue;
    uint32_t y;
    if (owner_[k] != kNone) {
      y = owner_[k];
      if (work_[y].kind != MentionKind::kPlace) continue;
    } else {
      uint32_t e = NameRun(k, 4);
      if (e == k) continue;
      work_.emplace_back(k, e, MentionKind::kPlace);
      y = LastWork();
      Claim(k, e, y);
    }
    Work& x = work_[wi];
    Work& yy = work_[y];
    if (x.resolved) {
      yy.resolved = x.resolved;
      yy.chosen = x.chosen;
      yy.dropped = false;
      yy.refers_to = wi;
      yy.how = "gloss: another name of the place before";
    } else if (yy.resolved) {
      x.resolved = yy.resolved;
      x.chosen = yy.chosen;
      x.how = "gloss: resolved through its other name";
    }
  }
}

void Finder::ApplyRelative() {
  for (Work& w : work_) {
    if (w.kind != MentionKind::kPlace || !w.resolved || w.first == 0) continue;
    uint32_t k = w.first;
    auto at = [&](uint32_t i) { return key(i); };
    std::string direction;
    double km = 0;
    if (k >= 1 && at(k - 1) == "of") {
      uint32_t d = k - 1;  // index of "of"
      if (d >= 1) {
        std::string_view d1 = at(d - 1);
        static const std::initializer_list<std::string_view> kDirs = {
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"};
        if (In(d1, kDirs)) {
          direction = std::string(d1);
          uint32_t s = d - 1;
          if (s >= 1 && In(at(s - 1), {"north", "south"}) && In(d1, {"east", "west"})) {
            direction = std::string(at(s - 1)) + std::string(d1);
            --s;
          }
          // Distance: scan back a few pieces for "<number> <unit>".
          for (uint32_t j = s; j-- > 0 && j + 8 > s;) {
            std::string_view u = at(j);
            bool metric = In(u, {"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"});
            bool miles = In(u, {"mile", "miles", "mi"});
            if (!metric && !miles) continue;
            if (j == 0) break;
            double v = 0;
            std::string_view num = at(j - 1);
            if (num.find_first_not_of("0123456789") == std::string_view::npos && !num.empty()) {
              v = std::stod(std::string(num));
            } else if (In(num, {"few", "several", "some"})) {
              v = 0;
            }
            if (v > 0) {
              double this_km = miles ? v * 1.609 : v;
              if (km == 0 || metric) km = this_km;
            }
          }
        } else if (In(d1, {"outskirts", "edge", "edges", "part", "parts", "vicinity", "countryside",
                           "suburbs", "center", "centre", "heart", "outside"})) {
          direction = std::string(d1);
          if (d >= 2 && In(at(d - 2), {"eastern", "western", "northern", "southern", "central"})) {
            direction = std::string(at(d - 2)) + " " + direction;
          }
        }
      }
    } else if (In(at(k - 1), {"near", "outside", "around", "nearby", "close"}) &&
               !(flags(k) & kBreakBefore)) {
      direction = std::string(at(k - 1));
    } else if (In(at(k - 1), {"eastern", "western", "northern", "southern", "east", "west",
                              "north", "south"}) &&
               !(flags(k) & kBreakBefore) && w.resolved->type == "populated") {
      direction = std::string(at(k - 1)) + " part";
    }
    if (direction.empty()) continue;
    w.resolved->direction = direction;
    w.resolved->offset_km = km;
    if (w.resolved->precision == 1) w.resolved->precision = 2;
    w.how += "; relative: " + direction + (km > 0 ? " " + std::to_string(static_cast<int>(km)) + " km" : "");
  }
}

std::vector<Mention> Finder::Emit() {
  std::vector<uint32_t>& order = s_.order;
  order.clear();
  for (uint32_t i = 0; i < work_.size(); ++i) {
    const Work& w = work_[i];
    if (w.dropped) continue;
    order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return work_[a].first < work_[b].first; });
  std::vector<uint32_t>& index = s_.index;
  index.assign(work_.size(), kNone);
  for (uint32_t i = 0; i < order.size(); ++i) index[order[i]] = i;
  std::vector<Mention> out;
  out.reserve(order.size());
  for (uint32_t wi : order) {
    Work& w = work_[wi];
    Mention& m = out.emplace_back();
    m.span = {buf_.pieces[w.first].span.start, buf_.pieces[w.end - 1].span.end};
    m.kind = w.kind;
    m.resolved = std::move(w.resolved);  // work_ is not read after Emit
    m.how = std::move(w.how);
    if (w.refers_to != kNone && index[w.refers_to] != kNone) m.refers_to = index[w.refers_to];
  }
  return out;
}

std::vector<Mention> Finder::Run() {
  BuildPieces();
  if (buf_.size() == 0) return {};
  Collect();
  ClaimEntities();
  FindPersons();
  ClaimPlaces();
  ClaimUnknownPlaces();
  ClaimDescriptorsAndPronouns();
  InferFocus();
  ResolvePlaces();
  ResolveEntities();
  ApplyGlosses();
  ResolveReferences();
  ApplyRelative();
  return Emit();
}

}  // namespace

namespace {

std::vector<Mention> Find(const Document& doc, const Lexicon& lex, const MentionOptions& options,
                          bool memo) {
  thread_local Scratch scratch;
  scratch.Clear();
  if (memo && scratch.memo_serial != lex.serial()) {
    scratch.memo.Clear();
    std::fill(scratch.record_priors.begin(), scratch.record_priors.end(), Scratch::RecordPriorSlot{});
    scratch.lex_edges.Clear();
    scratch.gaz_edges.Clear();
    scratch.memo_serial = lex.serial();
  }
  Finder f(doc, lex, options, &scratch, memo);
  std::vector<Mention> out = f.Run();
  scratch.work.clear();  // the Works' strings are the document's; do not keep them around
  return out;
}

}  // namespace

std::vector<Mention> FindMentions(const Document& doc, const Lexicon& lex,
                                  const MentionOptions& options) {
  return Find(doc, lex, options, /*memo=*/true);
}

std::vector<Mention> FindMentionsWithoutMemo(const Document& doc, const Lexicon& lex,
                                             const MentionOptions& options) {
  return Find(doc, lex, options, /*memo=*/false);
}

}  // namespace sitrep::lexicon

#include "extract/resources.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iterator>

#include "lexicon/tsv.h"
#include "text/fold.h"

namespace sitrep::extract {

std::string_view FrameName(Frame f) {
  switch (f) {
    case Frame::kVerb: return "verb";
    case Frame::kNoun: return "noun";
    case Frame::kFall: return "fall";
    case Frame::kLose: return "lose";
  }
  return "";
}

std::string_view ModEffectName(ModEffect e) {
  switch (e) {
    case ModEffect::kNone: return "";
    case ModEffect::kAtLeast: return "at_least";
    case ModEffect::kMoreThan: return "more_than";
    case ModEffect::kApprox: return "approx";
    case ModEffect::kUpTo: return "up_to";
    case ModEffect::kAtMost: return "at_most";
    case ModEffect::kLessThan: return "less_than";
  }
  return "";
}

std::vector<std::string> FoldWords(std::string_view phrase) {
  std::string folded = text::FoldForMatch(phrase);
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) out.emplace_back(folded.substr(i, j - i));
    i = j;
  }
  return out;
}

namespace {

// (Sealed, so that a phrase word is compared with a sentence's word by hash first.)
std::vector<FoldedWord> FoldedWords(std::string_view phrase) {
  std::vector<std::string> w = FoldWords(phrase);
  std::vector<FoldedWord> out(std::make_move_iterator(w.begin()), std::make_move_iterator(w.end()));
  for (FoldedWord& f : out) f.Seal();
  return out;
}

using lexicon::TsvRow;

bool ParseNumber(std::string_view s, double* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

Status ReadFile(const FileSystem& fs, const std::string& path, std::string* out) {
  auto r = fs.ReadFile(path, 16u << 20);
  if (!r.ok()) return r.status();
  *out = std::move(r).value();
  return Status::Ok();
}

Status NeedColumns(const TsvRow& row, size_t n) {
  if (row.fields.size() != n) {
    return row.Error("expected " + std::to_string(n) + " tab-separated columns, found " +
                     std::to_string(row.fields.size()));
  }
  return Status::Ok();
}

template <typename T, typename Map>
void IndexByFirst(const std::vector<T>& v, Map* idx) {
  for (uint32_t i = 0; i < v.size(); ++i) {
    if (!v[i].words.empty()) (*idx)[v[i].words[0]].push_back(i);
  }
  for (auto& [k, list] : *idx) {
    std::stable_sort(list.begin(), list.end(),
                     [&](uint32_t a, uint32_t b) { return v[a].words.size() > v[b].words.size(); });
  }
}

}  // namespace

Result<std::unique_ptr<Resources>> Resources::Load(const FileSystem& fs, const std::string& data_dir) {
  std::unique_ptr<Resources> res(new Resources());
  std::string text;

  std::string path = data_dir + "/ontology.tsv";
  SITREP_RETURN_IF_ERROR(ReadFile(fs, path, &text));
  SITREP_RETURN_IF_ERROR(lexicon::ForEachTsvRow(text, path, [&](const TsvRow& row) -> Status {
    SITREP_RETURN_IF_ERROR(NeedColumns(row, 7));
    EventType t;
    t.id = row.fields[0];
    t.label = row.fields[1];
    t.acled_event_type = row.fields[2];
    t.acled_sub_event_type = row.fields[3];
    t.cameo = row.fields[4];
    t.plover = row.fields[5];
    t.description = row.fields[6];
    if (res->FindEventType(t.id) >= 0) return row.Error("duplicate event type '" + t.id + "'");
    res->types_.push_back(std::move(t));
    return Status::Ok();
  }));

  path = data_dir + "/triggers.tsv";
  SITREP_RETURN_IF_ERROR(ReadFile(fs, path, &text));
  SITREP_RETURN_IF_ERROR(lexicon::ForEachTsvRow(text, path, [&](const TsvRow& row) -> Status {
    SITREP_RETURN_IF_ERROR(NeedColumns(row, 3));
    Trigger t;
    int type = res->FindEventType(row.fields[0]);
    if (type < 0) return row.Error("unknown event type '" + std::string(row.fields[0]) + "'");
    t.type = static_cast<uint16_t>(type);
    std::string_view f = row.fields[2];
    if (f == "verb") t.frame = Frame::kVerb;
    else if (f == "noun") t.frame = Frame::kNoun;
    else if (f == "fall") t.frame = Frame::kFall;
    else if (f == "lose") t.frame = Frame::kLose;
    else return row.Error("unknown frame '" + std::string(f) + "' (verb, noun, fall, lose)");
    t.phrase = row.fields[1];
    t.words = FoldedWords(row.fields[1]);
    if (t.words.empty()) return row.Error("empty phrase");
    res->triggers_.push_back(std::move(t));
    return Status::Ok();
  }));

  path = data_dir + "/claim_kinds.tsv";
  SITREP_RETURN_IF_ERROR(ReadFile(fs, path, &text));
  SITREP_RETURN_IF_ERROR(lexicon::ForEachTsvRow(text, path, [&](const TsvRow& row) -> Status {
    SITREP_RETURN_IF_ERROR(NeedColumns(row, 3));
    ClaimKindWord k;
    k.kind = row.fields[0];
    std::string_view r = row.fields[2];
    if (r == "noun") k.role = KindRole::kNoun;
    else if (r == "after") k.role = KindRole::kAfter;
    else if (r == "before") k.role = KindRole::kBefore;
    else return row.Error("unknown role '" + std::string(r) + "' (noun, after, before)");
    k.words = FoldedWords(row.fields[1]);
    if (k.words.empty()) return row.Error("empty word");
    res->kind_words_.push_back(std::move(k));
    return Status::Ok();
  }));

  path = data_dir + "/quantities.tsv";
  SITREP_RETURN_IF_ERROR(ReadFile(fs, path, &text));
  SITREP_RETURN_IF_ERROR(lexicon::ForEachTsvRow(text, path, [&](const TsvRow& row) -> Status {
    SITREP_RETURN_IF_ERROR(NeedColumns(row, 5));
    Quantity q;
    q.words = FoldedWords(row.fields[0]);
    if (q.words.empty()) return row.Error("empty phrase");
    if (!ParseNumber(row.fields[1], &q.low) || !ParseNumber(row.fields[2], &q.high) ||
        !ParseNumber(row.fields[3], &q.acled)) {
      return row.Error("low, high and acled must be numbers");
    }
    std::string_view k = row.fields[4];
    if (k == "exact") q.kind = QuantityKind::kExact;
    else if (k == "mult") q.kind = QuantityKind::kMult;
    else if (k == "vague") q.kind = QuantityKind::kVague;
    else return row.Error("unknown kind '" + std::string(k) + "' (exact, mult, vague)");
    res->quantities_.push_back(std::move(q));
    return Status::Ok();
  }));

  path = data_dir + "/modifiers.tsv";
  SITREP_RETURN_IF_ERROR(ReadFile(fs, path, &text));
  SITREP_RETURN_IF_ERROR(lexicon::ForEachTsvRow(text, path, [&](const TsvRow& row) -> Status {
    SITREP_RETURN_IF_ERROR(NeedColumns(row, 2));
    Modifier m;
    m.words = FoldedWords(row.fields[0]);
    if (m.words.empty()) return row.Error("empty phrase");
    std::string_view e = row.fields[1];
    if (e == "at_least") m.effect = ModEffect::kAtLeast;
    else if (e == "more_than") m.effect = ModEffect::kMoreThan;
    else if (e == "approx") m.effect = ModEffect::kApprox;
    else if (e == "up_to") m.effect = ModEffect::kUpTo;
    else if (e == "at_most") m.effect = ModEffect::kAtMost;
    else if (e == "less_than") m.effect = ModEffect::kLessThan;
    else return row.Error("unknown effect '" + std::string(e) + "'");
    res->modifiers_.push_back(std::move(m));
    return Status::Ok();
  }));

  path = data_dir + "/instruments.tsv";
  SITREP_RETURN_IF_ERROR(ReadFile(fs, path, &text));
  SITREP_RETURN_IF_ERROR(lexicon::ForEachTsvRow(text, path, [&](const TsvRow& row) -> Status {
    SITREP_RETURN_IF_ERROR(NeedColumns(row, 2));
    std::vector<std::string> words = FoldWords(row.fields[0]);
    if (words.size() != 1) return row.Error("an instrument word is one word");
    if (row.fields[1].empty()) return row.Error("empty instrument");
    res->instruments_[words[0]] = std::string(row.fields[1]);
    return Status::Ok();
  }));

  res->Index();
  return res;
}

void Resources::Index() {
  std::vector<std::string_view> ids;
  for (const EventType& t : types_) ids.push_back(t.id);
  type_table_ = WordKeyTable(ids);
  IndexByFirst(triggers_, &trig_idx_);
  IndexByFirst(kind_words_, &kind_idx_);
  IndexByFirst(quantities_, &qty_idx_);
  IndexByFirst(modifiers_, &mod_idx_);
  // One table over every key; the entries point into the maps, which do not change again.
  std::vector<std::string_view> keys;
  StringMap<uint32_t> at;
  auto entry = [&](const std::string& k) -> WordEntry& {
    auto [it, fresh] = at.emplace(k, static_cast<uint32_t>(keys.size()));
    if (fresh) {
      keys.push_back(k);
      entries_.emplace_back();
    }
    return entries_[it->second];
  };
  for (const auto& [k, list] : trig_idx_) {
    entry(k).triggers = &list;
    trig_filter_.Add(k);
    const uint64_t bit = FoldedWord::HashOf(k) >> kTrigFilterShift;
    trig_hash_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  for (const auto& [k, list] : kind_idx_) entry(k).kind_words = &list;
  for (const auto& [k, list] : qty_idx_) entry(k).quantities = &list;
  for (const auto& [k, list] : mod_idx_) entry(k).modifiers = &list;
  for (const auto& [k, v] : instruments_) entry(k).instrument = v;
  words_ = WordKeyTable(keys);
}

std::string Resources::DefaultDataDir() {
  if (const char* home = std::getenv("SITREP_HOME"); home && *home) {
    std::string dir = std::string(home) + "/data/extract";
    if (PosixFileSystem()->Stat(dir).is_directory) return dir;
  }
  return std::string(SITREP_SOURCE_DIR) + "/data/extract";
}

Result<const Resources*> Resources::Default() {
  static Result<std::unique_ptr<Resources>>* loaded = [] {
    return new Result<std::unique_ptr<Resources>>(Load(*PosixFileSystem(), DefaultDataDir()));
  }();
  if (!loaded->ok()) return loaded->status();
  return static_cast<const Resources*>(loaded->value().get());
}

int Resources::FindEventType(std::string_view id) const {
  // (The rules ask for a type by name per event: a table lookup once loading is done.)
  if (type_table_.size() == types_.size()) {
    const uint32_t i = type_table_.Find(id);
    return i == WordKeyTable::kNone ? -1 : static_cast<int>(i);
  }
  for (size_t i = 0; i < types_.size(); ++i) {
    if (types_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace sitrep::extract

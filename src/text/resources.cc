#include "text/resources.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>

#include "text/chars.h"
#include "text/fold.h"

namespace sitrep::text {
namespace {

constexpr const char* kFiles[] = {"interface_phrases.txt", "abbreviations.txt",
                                  "sentence_starters.txt", "minor_words.txt",
                                  "timestamp_words.txt",   "credit_words.txt"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls fn(line_number, entry) for every entry line (trimmed, not blank, not a comment).
template <typename Fn>
Status ForEachEntry(std::string_view content, Fn fn) {
  size_t line_no = 0;
  while (!content.empty()) {
    ++line_no;
    const size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    Status s = fn(line_no, line);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Malformed(std::string_view file, size_t line, std::string_view why) {
  return Status::BadInput("text data " + std::string(file) + ":" + std::to_string(line) + ": " +
                          std::string(why));
}

// Section header "[name]" or "[name; flag]": fills name and flag, returns true.
bool ParseHeader(std::string_view line, std::string_view* name, std::string_view* flag) {
  if (line.size() < 2 || line.front() != '[' || line.back() != ']') return false;
  std::string_view inner = line.substr(1, line.size() - 2);
  const size_t semi = inner.find(';');
  *name = Trim(inner.substr(0, semi));
  *flag = semi == std::string_view::npos ? std::string_view() : Trim(inner.substr(semi + 1));
  return true;
}

std::string UpperCase(std::string_view s) {
  std::string out;
  uint32_t i = 0;
  while (i < s.size()) {
    const char32_t c = DecodeAt(s, &i);
    const UChar32 u = u_toupper(static_cast<UChar32>(c));
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, u);
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

bool IsAlnum(char32_t c) {
  const CharClass k = ClassOf(c);
  return k == CharClass::kLetter || k == CharClass::kDigit;
}

}  // namespace

bool PhraseWords(std::string_view s, bool split_joined, std::vector<std::string>* words) {
  bool joined_seen = false;
  uint32_t i = 0;
  const uint32_t n = static_cast<uint32_t>(s.size());
  std::string folded;
  auto emit = [&](uint32_t a, uint32_t b, bool has_letter) {
    if (b <= a || !has_letter) return;
    folded.clear();
    AppendFoldForMatch(s.substr(a, b - a), &folded);
    words->push_back(folded);
  };
  while (i < n) {
    uint32_t j = i;
    const char32_t c = DecodeAt(s, &j);
    const CharClass k = ClassOf(c);
    if (k != CharClass::kLetter && k != CharClass::kDigit) {
      i = j;
      continue;
    }
    // One word: [i, p).
    uint32_t start = i;
    uint32_t p = i;
    bool has_letter = false;
    int lower_run = 0;
    while (p < n) {
      uint32_t q = p;
      const char32_t d = DecodeAt(s, &q);
      const CharClass dk = ClassOf(d);
      if (dk == CharClass::kLetter || dk == CharClass::kDigit || dk == CharClass::kMark) {
        // "share2": letters and digits run together split there.
        if (p > start && dk != CharClass::kMark) {
          uint32_t b = p;
          const CharClass prev = ClassOf(DecodeBefore(s, &b));
          if ((prev == CharClass::kLetter && dk == CharClass::kDigit) ||
              (prev == CharClass::kDigit && dk == CharClass::kLetter)) {
            emit(start, p, has_letter);
            start = p;
            has_letter = false;
          }
        }
        if (dk == CharClass::kLetter) {
          if (IsUpper(d) && lower_run >= 2) {
            joined_seen = true;
            if (split_joined) {
              emit(start, p, has_letter);
              start = p;
            }
          }
          lower_run = IsLower(d) ? lower_run + 1 : 0;
          has_letter = true;
        } else if (dk == CharClass::kDigit) {
          lower_run = 0;
        }
        p = q;
        continue;
      }
      if ((IsApostrophe(d) || IsHyphen(d) || d == '.') && q < n) {
        uint32_t r = q;
        const char32_t e = DecodeAt(s, &r);
        if (IsAlnum(e)) {
          lower_run = 0;
          p = q;
          continue;
        }
      }
      break;
    }
    emit(start, p, has_letter);
    i = p;
  }
  return joined_seen;
}

Status Resources::ParsePhrases(std::string_view name, std::string_view content) {
  Section section;
  bool have_section = false;
  std::vector<std::string> words;
  return ForEachEntry(content, [&](size_t line_no, std::string_view line) -> Status {
    std::string_view sec, flag;
    if (ParseHeader(line, &sec, &flag)) {
      if (sec.empty()) return Malformed(name, line_no, "empty section name");
      if (!flag.empty() && flag != "edges")
        return Malformed(name, line_no, "unknown section flag (only \"edges\")");
      reasons_.emplace_back(sec);
      section.reason = static_cast<uint16_t>(reasons_.size() - 1);
      section.edges_only = !flag.empty();
      have_section = true;
      return Status::Ok();
    }
    if (!have_section) return Malformed(name, line_no, "entry before the first [section]");
    const char kind = line.front();
    if (kind == '^' || kind == '$' || kind == '~') {
      std::string text = FoldForMatch(Trim(line.substr(1)));
      if (text.empty()) return Malformed(name, line_no, "empty affix");
      auto& list = kind == '^' ? prefixes_ : kind == '$' ? suffixes_ : contains_;
      list.push_back(Affix{std::move(text), section});
      return Status::Ok();
    }
    words.clear();
    PhraseWords(line, false, &words);
    if (words.empty()) return Malformed(name, line_no, "phrase without letters");
    std::string key;
    for (const std::string& w : words) {
      if (!key.empty()) key += ' ';
      key += w;
    }
    max_phrase_words_ = std::max(max_phrase_words_, words.size());
    phrases_.emplace(std::move(key), section);  // the first section listing it wins
    return Status::Ok();
  });
}

Status Resources::ParseAbbreviations(std::string_view name, std::string_view content) {
  AbbrevClass cls = AbbrevClass::kNone;
  return ForEachEntry(content, [&](size_t line_no, std::string_view line) -> Status {
    std::string_view sec, flag;
    if (ParseHeader(line, &sec, &flag)) {
      if (sec == "title") cls = AbbrevClass::kTitle;
      else if (sec == "number") cls = AbbrevClass::kNumber;
      else if (sec == "ordinary") cls = AbbrevClass::kOrdinary;
      else return Malformed(name, line_no, "unknown section (title, number, ordinary)");
      return Status::Ok();
    }
    if (cls == AbbrevClass::kNone) return Malformed(name, line_no, "entry before the first [section]");
    if (line.back() != '.' || line.size() < 2 || line.find(' ') != std::string_view::npos)
      return Malformed(name, line_no, "an abbreviation is one word ending in '.'");
    abbreviations_.emplace(std::string(line), cls);
    abbreviations_.emplace(UpperCase(line), cls);
    return Status::Ok();
  });
}

Status Resources::ParseTimestamps(std::string_view name, std::string_view content) {
  TimeWord cls = TimeWord::kNone;
  return ForEachEntry(content, [&](size_t line_no, std::string_view line) -> Status {
    std::string_view sec, flag;
    if (ParseHeader(line, &sec, &flag)) {
      if (sec == "month") cls = TimeWord::kMonth;
      else if (sec == "weekday") cls = TimeWord::kWeekday;
      else if (sec == "relative") cls = TimeWord::kRelative;
      else if (sec == "zone") cls = TimeWord::kZone;
      else if (sec == "other") cls = TimeWord::kOther;
      else return Malformed(name, line_no, "unknown section (month, weekday, relative, zone, other)");
      return Status::Ok();
    }
    if (cls == TimeWord::kNone) return Malformed(name, line_no, "entry before the first [section]");
    timestamp_.emplace(FoldForMatch(line), cls);
    return Status::Ok();
  });
}

Result<std::shared_ptr<const Resources>> Resources::FromContents(
    const std::map<std::string, std::string>& files) {
  for (const char* f : kFiles) {
    if (!files.count(f)) return Status::NotFound(std::string("text data file missing: ") + f);
  }
  auto r = std::make_shared<Resources>();
  Status s = r->ParsePhrases("interface_phrases.txt", files.at("interface_phrases.txt"));
  if (s.ok()) s = r->ParseAbbreviations("abbreviations.txt", files.at("abbreviations.txt"));
  if (s.ok()) s = r->ParseTimestamps("timestamp_words.txt", files.at("timestamp_words.txt"));
  if (!s.ok()) return s;
  r->contains_buckets_.assign(kBuckets, {});
  for (size_t i = 0; i < r->contains_.size(); ++i) {
    const std::string& t = r->contains_[i].text;
    if (t.size() < 2) {
      r->contains_short_.push_back(static_cast<uint16_t>(i));
    } else {
      r->contains_buckets_[Bucket(static_cast<unsigned char>(t[0]), static_cast<unsigned char>(t[1]))]
          .push_back(static_cast<uint16_t>(i));
    }
  }
  r->prefix_buckets_.assign(kBuckets, {});
  r->suffix_buckets_.assign(kBuckets, {});
  for (size_t i = 0; i < r->prefixes_.size(); ++i) {
    const std::string& t = r->prefixes_[i].text;
    if (t.size() < 2) {
      r->prefix_short_.push_back(static_cast<uint16_t>(i));
    } else {
      r->prefix_buckets_[Bucket(static_cast<unsigned char>(t[0]), static_cast<unsigned char>(t[1]))]
          .push_back(static_cast<uint16_t>(i));
    }
  }
  for (size_t i = 0; i < r->suffixes_.size(); ++i) {
    const std::string& t = r->suffixes_[i].text;
    if (t.size() < 2) {
      r->suffix_short_.push_back(static_cast<uint16_t>(i));
    } else {
      r->suffix_buckets_[Bucket(static_cast<unsigned char>(t[t.size() - 2]),
                                static_cast<unsigned char>(t.back()))]
          .push_back(static_cast<uint16_t>(i));
    }
  }
  struct {
    const char* file;
    StringSet* set;
  } lists[] = {{"sentence_starters.txt", &r->starters_},
               {"minor_words.txt", &r->minor_},
               {"credit_words.txt", &r->credit_}};
  for (auto& l : lists) {
    s = ForEachEntry(files.at(l.file), [&](size_t line_no, std::string_view line) -> Status {
      if (line.front() == '[') return Malformed(l.file, line_no, "this file has no sections");
      l.set->insert(FoldForMatch(line));
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return std::shared_ptr<const Resources>(std::move(r));
}

Result<std::shared_ptr<const Resources>> Resources::Load(const FileSystem& fs,
                                                         const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const char* f : kFiles) {
    const std::string path = dir + "/" + f;
    Result<std::string> content = fs.ReadFile(path, 64u << 20);
    if (!content.ok()) {
      Status st = content.status();
      if (st.code() == StatusCode::kNotFound) {
        return Status::NotFound("text data file " + path +
                                " not found; set SITREP_HOME to the sitrep directory "
                                "(the one holding data/text/)");
      }
      return st;
    }
    files.emplace(f, std::move(content.value()));
  }
  return FromContents(files);
}

AbbrevClass Resources::Abbreviation(std::string_view word_with_dot) const {
  auto it = abbreviations_.find(word_with_dot);
  return it == abbreviations_.end() ? AbbrevClass::kNone : it->second;
}

TimeWord Resources::Timestamp(std::string_view folded) const {
  auto it = timestamp_.find(folded);
  return it == timestamp_.end() ? TimeWord::kNone : it->second;
}

std::optional<PhraseHit> Resources::Cover(const std::vector<std::string>& words) const {
  const size_t n = words.size();
  if (n == 0 || n > 12) return std::nullopt;
  // can[i]: words[i..n) can be covered; take[i]: length of the longest first phrase.
  std::vector<uint8_t> take(n + 1, 0);
  std::vector<const Section*> sec(n + 1, nullptr);
  std::vector<bool> can(n + 1, false);
  can[n] = true;
  std::string key;
  for (size_t i = n; i-- > 0;) {
    const size_t max_len = std::min(max_phrase_words_, n - i);
    for (size_t len = max_len; len >= 1; --len) {
      if (!can[i + len]) continue;
      key.clear();
      for (size_t k = i; k < i + len; ++k) {
        if (k > i) key += ' ';
        key += words[k];
      }
      auto it = phrases_.find(key);
      if (it != phrases_.end()) {
        can[i] = true;
        take[i] = static_cast<uint8_t>(len);
        sec[i] = &it->second;
        break;
      }
    }
  }
  if (!can[0]) return std::nullopt;
  PhraseHit hit;
  hit.reason = reasons_[sec[0]->reason];
  hit.whole_line = true;
  hit.edges_only = true;
  for (size_t i = 0; i < n; i += take[i]) hit.edges_only = hit.edges_only && sec[i]->edges_only;
  return hit;
}

std::optional<PhraseHit> Resources::MatchLine(std::string_view line, std::string_view folded,
                                              int word_count) const {
  if (word_count <= 12) {
    std::vector<std::string> words;
    const bool joined = PhraseWords(line, false, &words);
    if (auto hit = Cover(words)) return hit;
    if (joined) {
      words.clear();
      PhraseWords(line, true, &words);
      if (auto hit = Cover(words)) return hit;
    }
  }
  auto make = [&](const Section& s) {
    return PhraseHit{reasons_[s.reason], s.edges_only, false};
  };
  if (folded.size() < 300 && !contains_.empty()) {
    // One pass over the line; the earliest entry in file order wins.
    size_t best = contains_.size();
    for (uint16_t i : contains_short_)
      if (folded.find(contains_[i].text) != std::string_view::npos) best = std::min<size_t>(best, i);
    for (size_t p = 0; p + 1 < folded.size(); ++p) {
      // Entries match at word starts only: skip bytes inside ASCII words.
      if (p > 0) {
        const unsigned char prev = static_cast<unsigned char>(folded[p - 1]);
        if ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9')) continue;
      }
      const auto& bucket = contains_buckets_[Bucket(static_cast<unsigned char>(folded[p]),
                                                    static_cast<unsigned char>(folded[p + 1]))];
      for (uint16_t i : bucket) {
        if (i < best && folded.substr(p).starts_with(contains_[i].text)) best = i;
      }
    }
    if (best < contains_.size()) return make(contains_[best].section);
  }
  if (folded.size() < 200 && folded.size() >= 1) {
    auto prefix_ok = [&](const Affix& a) {
      if (!folded.starts_with(a.text)) return false;
      if (folded.size() == a.text.size()) return true;
      uint32_t before = static_cast<uint32_t>(a.text.size());
      uint32_t after_pos = before;
      const char32_t last = DecodeBefore(a.text, &before);
      const char32_t next = DecodeAt(folded, &after_pos);
      return !(IsAlnum(last) && IsAlnum(next));  // "by" must not match "bypass"
    };
    auto suffix_ok = [&](const Affix& a) {
      if (!folded.ends_with(a.text)) return false;
      if (folded.size() == a.text.size()) return true;
      uint32_t first_pos = 0;
      const char32_t first = DecodeAt(a.text, &first_pos);
      uint32_t before = static_cast<uint32_t>(folded.size() - a.text.size());
      const char32_t prev = DecodeBefore(folded, &before);
      return !(IsAlnum(first) && IsAlnum(prev));
    };
    // The earliest entry in file order among the candidates.
    size_t best = prefixes_.size();
    for (uint16_t i : prefix_short_)
      if (i < best && prefix_ok(prefixes_[i])) best = i;
    if (folded.size() >= 2) {
      for (uint16_t i : prefix_buckets_[Bucket(static_cast<unsigned char>(folded[0]),
                                               static_cast<unsigned char>(folded[1]))]) {
        if (i < best && prefix_ok(prefixes_[i])) best = i;
      }
    }
    if (best < prefixes_.size()) return make(prefixes_[best].section);
    best = suffixes_.size();
    for (uint16_t i : suffix_short_)
      if (i < best && suffix_ok(suffixes_[i])) best = i;
    if (folded.size() >= 2) {
      for (uint16_t i : suffix_buckets_[Bucket(static_cast<unsigned char>(folded[folded.size() - 2]),
                                               static_cast<unsigned char>(folded.back()))]) {
        if (i < best && suffix_ok(suffixes_[i])) best = i;
      }
    }
    if (best < suffixes_.size()) return make(suffixes_[best].section);
  }
  return std::nullopt;
}

std::string DefaultDataDir() { return SitrepHome() + "/data/text"; }

Result<std::shared_ptr<const Resources>> DefaultResources() {
  static const Result<std::shared_ptr<const Resources>> loaded =
      Resources::Load(*PosixFileSystem(), DefaultDataDir());
  return loaded;
}

}  // namespace sitrep::text

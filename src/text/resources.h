// Internal to text/. The word lists the text stage reads from data/text/.
//
// Files (one entry a line, '#' starts a comment line; each file explains its format):
//   interface_phrases.txt  furniture phrases by reason; whole-line, ^prefix, ~contains
//   abbreviations.txt      abbreviations by what follows them: [title] [number] [ordinary]
//   sentence_starters.txt  words that begin sentences (decides ambiguous full stops)
//   minor_words.txt        function words title case leaves lower-case
//   timestamp_words.txt    words of date/time stamps: [month] [weekday] [relative] ...
//   credit_words.txt       words of photo credits
// A Resources is immutable once built and may be shared by any number of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::text {

enum class AbbrevClass : uint8_t { kNone, kTitle, kNumber, kOrdinary };
enum class TimeWord : uint8_t { kNone, kMonth, kWeekday, kRelative, kZone, kOther };

// What an interface phrase said about a line.
struct PhraseHit {
  std::string_view reason;  // section name, e.g. "interface phrase"; points into Resources
  bool edges_only = false;  // every matched phrase came from an "; edges" section
  bool whole_line = false;  // matched as whole-line phrases (not ^prefix or ~contains)
};

// Hash and equality that let unordered containers of std::string be probed with a
// std::string_view without building a string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// The words of `s` as the phrase matcher sees them, each folded (FoldForMatch): runs of
// letters, marks and digits with inner apostrophes, hyphens and dots, split where a
// scraper ran two words together when `split_joined` ("standardsDiscussion": a lower-case
// run of two or more letters, then a capital). Letters and digits run together are split
// ("share2" -> "share" "2"); pure numbers are left out. Appends to
// `*words`; returns true when some word could have been split that way.
bool PhraseWords(std::string_view s, bool split_joined, std::vector<std::string>* words);

class Resources {
 public:
  // Builds from file contents keyed by file name ("abbreviations.txt", ...); every file
  // listed above must be present. Fails with BadInput naming "file:line" on a malformed
  // line, NotFound naming a missing file.
  static Result<std::shared_ptr<const Resources>> FromContents(
      const std::map<std::string, std::string>& files);

  // Reads the files from directory `dir` through `fs`. A missing file fails with
  // NotFound naming its path and how to point sitrep at its data (SITREP_HOME).
  static Result<std::shared_ptr<const Resources>> Load(const FileSystem& fs,
                                                       const std::string& dir);

  // Class of `word_with_dot` ("Gen.", "U.S."); kNone when unlisted. Case-sensitive as
  // the file writes it, plus the all-capitals form.
  AbbrevClass Abbreviation(std::string_view word_with_dot) const;
  // The rest take folded words (FoldForMatch).
  bool IsSentenceStarter(std::string_view folded) const { return starters_.count(folded) > 0; }
  bool IsMinorWord(std::string_view folded) const { return minor_.count(folded) > 0; }
  bool IsCreditWord(std::string_view folded) const { return credit_.count(folded) > 0; }
  TimeWord Timestamp(std::string_view folded) const;

  // Interface phrases: whole-line cover first (lines of at most 12 words; tried again
  // with run-together words split), then ~contains (lines under 300 bytes; an entry
  // matches where no ASCII letter or digit precedes it), then
  // ^prefix and $suffix (lines under 200 bytes; an affix ending in a letter must end at
  // a word end: "^by" does not match "bypass"). Entries are tried in file order.
  // `line` is the raw line; `folded` its FoldForMatch.
  // `words` is the line's word count when known (lines over 12 words skip the
  // whole-line cover), or -1.
  std::optional<PhraseHit> MatchLine(std::string_view line, std::string_view folded,
                                     int words = -1) const;

  // Reason names of every section of interface_phrases.txt, in file order.
  const std::vector<std::string>& reasons() const { return reasons_; }

 private:
  struct Section {
    uint16_t reason = 0;  // index into reasons_
    bool edges_only = false;
  };
  struct Affix {
    std::string text;  // folded
    Section section;
  };
  std::optional<PhraseHit> Cover(const std::vector<std::string>& words) const;
  Status ParsePhrases(std::string_view name, std::string_view content);
  Status ParseAbbreviations(std::string_view name, std::string_view content);
  Status ParseTimestamps(std::string_view name, std::string_view content);

  std::vector<std::string> reasons_;
  StringMap<Section> phrases_;  // key: PhraseWords joined by ' '
  size_t max_phrase_words_ = 1;
  std::vector<Affix> prefixes_;
  std::vector<Affix> suffixes_;
  std::vector<Affix> contains_;
  // contains_ entries by a hash of their first two bytes, for one pass over a line.
  static constexpr size_t kBuckets = 1024;
  static size_t Bucket(unsigned char a, unsigned char b) { return (a * 31u + b) & (kBuckets - 1); }
  std::vector<std::vector<uint16_t>> contains_buckets_;
  std::vector<uint16_t> contains_short_;  // one-byte entries
  // prefixes_ by their first two bytes, suffixes_ by their last two (one-byte entries in
  // the short lists), each list in file order.
  std::vector<std::vector<uint16_t>> prefix_buckets_, suffix_buckets_;
  std::vector<uint16_t> prefix_short_, suffix_short_;
  StringMap<AbbrevClass> abbreviations_;
  StringSet starters_, minor_, credit_;
  StringMap<TimeWord> timestamp_;
};

// Where Annotate(doc) looks for data: $SITREP_HOME/data/text when SITREP_HOME is set,
// else the source tree's data/text (compiled in as SITREP_SOURCE_DIR).
std::string DefaultDataDir();

// The resources from DefaultDataDir(), loaded once per process on first use (thread-safe);
// later calls return the same pointer, or the same failure.
Result<std::shared_ptr<const Resources>> DefaultResources();

}  // namespace sitrep::text

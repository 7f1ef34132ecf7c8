// Internal to lexicon/. The lexicon: the gazetteer plus actors, sources, people,
// descriptors, titles and metonyms, all read from data/lexicon/.
//
// Built once per process (Open) and shared read-only by any number of threads. Place names
// live in the gazetteer's own phrase index; every other phrase lives in one in-memory
// PhraseIndex whose values index phrase_info().
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/gazetteer.h"
#include "lexicon/phrase_index.h"
#include "lexicon/word_table.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::lexicon {

enum class EntityKind : uint8_t { kActor, kSource, kPerson };

// An actor, source or person of the data files (or generated for a country).
struct Entity {
  std::string id;           // "isis", "forces:SY", "person:dmitry-peskov"
  std::string name;         // display name
  std::string type;         // actors.tsv type ("nsag", "state-forces", ...), source type, or "person"
  std::string country;      // ISO code or empty
  std::string affiliation;  // relations as written in the data file ("part-of:isis"); empty for none
  std::string role;         // persons: "spokesman"; empty otherwise
  EntityKind kind = EntityKind::kActor;
};

enum class PhraseKind : uint8_t { kEntity, kDescriptor, kTitle, kMetonym };

struct PhraseInfo {
  PhraseKind kind = PhraseKind::kEntity;
  uint32_t target = 0;          // index into entities / descriptors / titles / metonyms
  bool case_sensitive = false;  // an acronym: every piece must be upper case in the text
  bool needs_capital = false;   // the name has a capital: some piece must be capitalised
};

struct Descriptor {
  std::string phrase;
  std::string kind;     // "actor", "place", "source"
  std::string refers;   // "nsag", "focus-forces", "populated", ...
};

struct Title {
  std::string text;
  bool head = false;  // head of state or government
};

struct Metonym {
  std::string name;
  std::string gov_id;  // entity id of the government
};

struct LexiconOptions {
  GazetteerOptions gazetteer;  // where the gazetteer comes from (see gazetteer.h)
  std::string data_dir;        // holds actors.tsv etc.; empty: <home>/data/lexicon
};

class Lexicon {
 public:
  // Opens the gazetteer (compiling it on first use) and reads the data files. Fails with
  // a message naming the file and line of a malformed data file.
  static Result<std::unique_ptr<Lexicon>> Open(const LexiconOptions& options);
  // Over a given gazetteer and a data directory read through `fs` (for tests).
  static Result<std::unique_ptr<Lexicon>> Build(std::unique_ptr<Gazetteer> gazetteer,
                                                const std::string& data_dir, const FileSystem& fs);

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const PhraseIndex& phrases() const { return phrases_; }
  const PhraseInfo& phrase_info(uint32_t value) const { return infos_[value]; }
  const Entity& entity(uint32_t i) const { return entities_[i]; }
  size_t entity_count() const { return entities_.size(); }
  // Index of the entity with `id`, or Gazetteer::kNone.
  uint32_t FindEntity(std::string_view id) const;
  const Descriptor& descriptor(uint32_t i) const { return descriptors_[i]; }
  const Title& title(uint32_t i) const { return titles_[i]; }
  const Metonym& metonym(uint32_t i) const { return metonyms_[i]; }
  // True for a folded single word that is never a place by itself ("march", "president").
  bool IsPlaceStopword(std::string_view folded) const { return stopwords_.Has(folded); }
  // A number no other Lexicon of this process has had (never 0): per-thread memos of what
  // this lexicon says about words (mentions.cc) compare it to know when to start over.
  uint64_t serial() const { return serial_; }

 private:
  Lexicon() = default;
  Status ReadEntities(const std::string& path, EntityKind kind, const FileSystem& fs);
  Status ReadPersons(const std::string& path, const FileSystem& fs);
  Status ReadCountryTemplates(const std::string& countries, const std::string& templates,
                              const FileSystem& fs);
  Status ReadDescriptors(const std::string& path, const FileSystem& fs);
  Status ReadTitles(const std::string& path, const FileSystem& fs);
  Status ReadMetonyms(const std::string& path, const FileSystem& fs);
  Status ReadStopwords(const std::string& path, const FileSystem& fs);
  void AddPhrase(std::string_view name, PhraseKind kind, uint32_t target);
  void AddLeaderPhrases(const Entity& person, const std::vector<std::string_view>& names);

  std::unique_ptr<Gazetteer> gazetteer_;
  PhraseIndexBuilder builder_;
  PhraseIndex phrases_;
  std::vector<PhraseInfo> infos_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, uint32_t> entity_ids_;
  std::vector<Descriptor> descriptors_;
  std::vector<Title> titles_;
  std::vector<Metonym> metonyms_;
  WordTable stopwords_;
  uint64_t serial_ = 0;
};

}  // namespace sitrep::lexicon

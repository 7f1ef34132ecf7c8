// Reading the lexicon's data files; see lexicon.h.
#include "lexicon/lexicon.h"

#include <atomic>
#include <cstdlib>

#include "lexicon/tsv.h"

namespace sitrep::lexicon {
namespace {

constexpr uint64_t kMaxDataFile = 64ull << 20;

bool HasUpper(std::string_view s) {
  for (unsigned char c : s) if (c >= 'A' && c <= 'Z') return true;
  return false;
}
bool IsAcronymName(std::string_view s) {
  int letters = 0;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0 && letters <= 5;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
  return s;
}

}  // namespace

void Lexicon::AddPhrase(std::string_view name, PhraseKind kind, uint32_t target) {
  PhraseInfo info;
  info.kind = kind;
  info.target = target;
  info.case_sensitive = IsAcronymName(name);
  info.needs_capital = HasUpper(name);
  infos_.push_back(info);
  builder_.Add(name, static_cast<uint32_t>(infos_.size() - 1));
}

uint32_t Lexicon::FindEntity(std::string_view id) const {
  auto it = entity_ids_.find(std::string(id));
  return it == entity_ids_.end() ? Gazetteer::kNone : it->second;
}

Status Lexicon::ReadEntities(const std::string& path, EntityKind kind, const FileSystem& fs) {
  auto text = fs.ReadFile(path, kMaxDataFile);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    const auto& f = row.fields;
    if (f.size() < 5) return row.Error("want: id, type, country, affiliation, names");
    auto names = SplitList(f[4]);
    if (names.empty()) return row.Error("no names");
    if (entity_ids_.count(std::string(f[0]))) return row.Error("duplicate id " + std::string(f[0]));
    Entity e;
    e.id = f[0];
    e.type = f[1];
    e.country = f[2] == "-" ? "" : std::string(f[2]);
    e.affiliation = f[3] == "-" ? "" : std::string(f[3]);
    e.name = names[0];
    e.kind = kind;
    uint32_t idx = static_cast<uint32_t>(entities_.size());
    entity_ids_.emplace(e.id, idx);
    entities_.push_back(std::move(e));
    for (auto n : names) AddPhrase(n, PhraseKind::kEntity, idx);
    return Status::Ok();
  });
}

Status Lexicon::ReadPersons(const std::string& path, const FileSystem& fs) {
  auto text = fs.ReadFile(path, kMaxDataFile);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    const auto& f = row.fields;
    if (f.size() < 5) return row.Error("want: id, country, affiliation, role, names");
    auto names = SplitList(f[4]);
    if (names.empty()) return row.Error("no names");
    Entity e;
    e.id = f[0];
    e.type = "person";
    e.country = f[1] == "-" ? "" : std::string(f[1]);
    e.affiliation = f[2] == "-" ? "" : std::string(f[2]);
    e.role = f[3] == "-" ? "" : std::string(f[3]);
    e.name = names[0];
    e.kind = EntityKind::kPerson;
    uint32_t idx = static_cast<uint32_t>(entities_.size());
    entity_ids_.emplace(e.id, idx);
    entities_.push_back(std::move(e));
    for (auto n : names) AddPhrase(n, PhraseKind::kEntity, idx);
    AddLeaderPhrases(entities_[idx], names);
    return Status::Ok();
  });
}

// A head of state or government lends his name to the state: "the Assad regime" is the
// Syrian government and "Assad's forces" its armed forces. Only one-word names are used.
void Lexicon::AddLeaderPhrases(const Entity& person, const std::vector<std::string_view>& names) {
  static const std::unordered_set<std::string_view> kHeads = {
      "president", "prime minister", "leader", "king", "supreme leader", "emir", "crown prince"};
  if (!kHeads.count(person.role) || !person.affiliation.starts_with("gov:")) return;
  uint32_t gov = FindEntity(person.affiliation);
  uint32_t forces = FindEntity("forces:" + person.affiliation.substr(4));
  static constexpr std::string_view kGov[] = {
      "{s} regime", "{s}'s regime", "{s} government", "{s}'s government", "{s} administration",
      "{s}'s administration"};
  static constexpr std::string_view kForces[] = {
      "{s}'s forces", "{s} forces", "forces loyal to {s}", "{s}'s army", "{s}'s troops",
      "pro-{s} forces", "{s}'s military", "{s} loyalists", "{s} regime forces",
      "{s} regime's forces", "{s} regime's army",
      "{s}'s regular army", "{s} regime troops", "troops loyal to {s}"};
  for (auto n : names) {
    if (n.find(' ') != std::string_view::npos) continue;
    for (auto t : kGov) if (gov != Gazetteer::kNone) AddPhrase(Replace(std::string(t), "{s}", std::string(n)), PhraseKind::kEntity, gov);
    for (auto t : kForces) if (forces != Gazetteer::kNone) AddPhrase(Replace(std::string(t), "{s}", std::string(n)), PhraseKind::kEntity, forces);
  }
}

Status Lexicon::ReadCountryTemplates(const std::string& countries, const std::string& templates,
                                     const FileSystem& fs) {
  auto ctext = fs.ReadFile(countries, kMaxDataFile);
  if (!ctext.ok()) return ctext.status();
  auto ttext = fs.ReadFile(templates, kMaxDataFile);
  if (!ttext.ok()) return ttext.status();
  struct Tpl {
    std::string kind, type, display;
    std::vector<std::string> names;
  };
  std::vector<Tpl> tpls;
  SITREP_RETURN_IF_ERROR(ForEachTsvRow(*ttext, templates, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 4) return row.Error("want: kind, type, display, names");
    Tpl t{std::string(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2]), {}};
    for (auto n : SplitList(row.fields[3])) t.names.emplace_back(n);
    tpls.push_back(std::move(t));
    return Status::Ok();
  }));
  return ForEachTsvRow(*ctext, countries, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 3) return Status::Ok();
    std::string cc(row.fields[0]);
    auto names = SplitList(row.fields[2]);
    std::vector<std::string_view> adjs;
    if (row.fields.size() > 3) adjs = SplitList(row.fields[3]);
    if (names.empty()) return Status::Ok();
    for (const auto& t : tpls) {
      std::string id = t.kind + ":" + cc;
      if (entity_ids_.count(id)) continue;
      Entity e;
      e.id = id;
      e.type = t.type;
      e.country = cc;
      std::string adj0 = adjs.empty() ? std::string(names[0]) : std::string(adjs[0]);
      e.name = Replace(Replace(t.display, "{adj}", adj0), "{name}", std::string(names[0]));
      e.kind = t.kind == "media" ? EntityKind::kSource : EntityKind::kActor;
      uint32_t idx = static_cast<uint32_t>(entities_.size());
      entity_ids_.emplace(e.id, idx);
      entities_.push_back(std::move(e));
      for (const auto& n : t.names) {
        if (n.find("{adj}") != std::string::npos) {
          for (auto a : adjs) AddPhrase(Replace(n, "{adj}", std::string(a)), PhraseKind::kEntity, idx);
        } else {
          for (auto nm : names) {
            if (IsAcronymName(nm) && nm.size() <= 3) continue;  // "US's army" is not news style
            AddPhrase(Replace(n, "{name}", std::string(nm)), PhraseKind::kEntity, idx);
          }
        }
      }
    }
    return Status::Ok();
  });
}

Status Lexicon::ReadDescriptors(const std::string& path, const FileSystem& fs) {
  auto text = fs.ReadFile(path, kMaxDataFile);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 3) return row.Error("want: phrase, kind, refers to");
    std::string_view k = row.fields[1];
    if (k != "actor" && k != "place" && k != "source") return row.Error("kind must be actor, place or source");
    descriptors_.push_back({std::string(row.fields[0]), std::string(k), std::string(row.fields[2])});
    AddPhrase(row.fields[0], PhraseKind::kDescriptor, static_cast<uint32_t>(descriptors_.size() - 1));
    return Status::Ok();
  });
}

Status Lexicon::ReadTitles(const std::string& path, const FileSystem& fs) {
  auto text = fs.ReadFile(path, kMaxDataFile);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    titles_.push_back({std::string(row.fields[0]), row.fields.size() > 1 && row.fields[1] == "1"});
    // Titles match in any case ("Kremlin spokesman", "Spokesman"); "MP" stays an acronym.
    PhraseInfo info;
    info.kind = PhraseKind::kTitle;
    info.target = static_cast<uint32_t>(titles_.size() - 1);
    info.case_sensitive = IsAcronymName(row.fields[0]);
    infos_.push_back(info);
    builder_.Add(row.fields[0], static_cast<uint32_t>(infos_.size() - 1));
    return Status::Ok();
  });
}

Status Lexicon::ReadMetonyms(const std::string& path, const FileSystem& fs) {
  auto text = fs.ReadFile(path, kMaxDataFile);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 2) return row.Error("want: capital, government id");
    metonyms_.push_back({std::string(row.fields[0]), std::string(row.fields[1])});
    AddPhrase(row.fields[0], PhraseKind::kMetonym, static_cast<uint32_t>(metonyms_.size() - 1));
    return Status::Ok();
  });
}

Status Lexicon::ReadStopwords(const std::string& path, const FileSystem& fs) {
  auto text = fs.ReadFile(path, kMaxDataFile);
  if (!text.ok()) return text.status();
  std::vector<std::string> words;
  SITREP_RETURN_IF_ERROR(ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    words.push_back(FoldPhrase(row.fields[0]));
    return Status::Ok();
  }));
  stopwords_ = WordTable(std::vector<std::string_view>(words.begin(), words.end()));
  return Status::Ok();
}

Result<std::unique_ptr<Lexicon>> Lexicon::Build(std::unique_ptr<Gazetteer> gazetteer,
                                                const std::string& dir, const FileSystem& fs) {
  std::unique_ptr<Lexicon> lex(new Lexicon());
  lex->gazetteer_ = std::move(gazetteer);
  SITREP_RETURN_IF_ERROR(lex->ReadEntities(dir + "/actors.tsv", EntityKind::kActor, fs));
  SITREP_RETURN_IF_ERROR(lex->ReadEntities(dir + "/sources.tsv", EntityKind::kSource, fs));
  SITREP_RETURN_IF_ERROR(
      lex->ReadCountryTemplates(dir + "/countries.tsv", dir + "/state_templates.tsv", fs));
  SITREP_RETURN_IF_ERROR(lex->ReadPersons(dir + "/persons.tsv", fs));
  SITREP_RETURN_IF_ERROR(lex->ReadDescriptors(dir + "/descriptors.tsv", fs));
  SITREP_RETURN_IF_ERROR(lex->ReadTitles(dir + "/titles.tsv", fs));
  SITREP_RETURN_IF_ERROR(lex->ReadMetonyms(dir + "/metonyms.tsv", fs));
  SITREP_RETURN_IF_ERROR(lex->ReadStopwords(dir + "/place_stopwords.txt", fs));
  lex->phrases_ = lex->builder_.Build();
  lex->builder_ = PhraseIndexBuilder();
  static std::atomic<uint64_t> next_serial{1};
  lex->serial_ = next_serial.fetch_add(1);
  return lex;
}

Result<std::unique_ptr<Lexicon>> Lexicon::Open(const LexiconOptions& options) {
  auto gaz = OpenGazetteer(options.gazetteer);
  if (!gaz.ok()) return gaz.status();
  std::string dir = options.data_dir;
  if (dir.empty()) {
    std::string home = options.gazetteer.home;
    if (home.empty()) home = SitrepHome();
    dir = home + "/data/lexicon";
  }
  return Build(std::move(gaz).value(), dir, *PosixFileSystem());
}

}  // namespace sitrep::lexicon

// sitrep places / sitrep actors : what the stored documents mention, with counts per
// document. Mentions are computed from the stored documents on the fly.
//
// places: one row per resolved place (GeoNames or sitrep id), then unresolved place names.
//   Table: ID, NAME, COUNTRY, PREC, MENTIONS, DOCS. JSON: {places: [{id, name, type,
//   country, admin1, lat, lon, precision, mentions, documents: [{id, count}]}]}; id, lat
//   and lon are null for unresolved names (name is then the text), precision is the finest
//   seen. Sorted by mentions, descending, then name.
// actors: one row per actor, source or person (kind), likewise, with type, country and
//   affiliation instead of position. Unresolved person names are listed by text.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/command.h"
#include "cli/output.h"
#include "lexicon/mentions.h"

namespace sitrep::cli {

Result<std::unique_ptr<lexicon::Lexicon>> OpenLexiconForCli(const std::string& geonames);

namespace {

struct Row {
  std::string id, name, kind, type, country, admin1, affiliation;
  bool has_position = false;
  double lat = 0, lon = 0;
  int precision = 0;
  uint64_t mentions = 0;
  std::map<std::string, uint64_t> docs;
};

class AggregateCommand final : public Command {
 public:
  explicit AggregateCommand(bool places) : places_(places) {}

  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = places_
        ? app.add_subcommand("places", "List the places the stored documents mention, with counts")
        : app.add_subcommand("actors",
                             "List the actors, sources and people the stored documents mention");
    sub->add_option("--geonames", geonames_, "GeoNames dump to use instead of the installed data")
        ->type_name("PATH");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto list = (*store)->ListDocuments();
    if (!list.ok()) return Fail(io, list.status());
    auto lex = OpenLexiconForCli(geonames_);
    if (!lex.ok()) return Fail(io, lex.status());
    std::map<std::string, Row> rows;
    for (const DocumentSummary& s : *list) {
      auto doc = (*store)->GetDocument(s.id);
      if (!doc.ok()) return Fail(io, doc.status());
      for (const auto& m : lexicon::FindMentions(*doc, **lex)) {
        bool is_place = m.kind == lexicon::MentionKind::kPlace;
        if (is_place != places_) continue;
        std::string text(doc->view(m.span));
        std::string key = m.resolved ? m.resolved->id : "?" + text;
        Row& r = rows[key];
        if (r.mentions == 0) {
          r.kind = std::string(lexicon::MentionKindName(m.kind));
          if (m.resolved) {
            const auto& x = *m.resolved;
            r.id = x.id;
            r.name = x.name;
            r.type = x.type;
            r.country = x.country;
            r.admin1 = x.admin1;
            r.affiliation = x.affiliation;
            r.has_position = x.has_position;
            r.lat = x.lat;
            r.lon = x.lon;
          } else {
            r.name = text;
          }
        }
        if (m.resolved && m.resolved->precision &&
            (r.precision == 0 || m.resolved->precision < r.precision)) {
          r.precision = m.resolved->precision;
        }
        r.mentions++;
        r.docs[s.id]++;
      }
    }
    std::vector<const Row*> sorted;
    for (const auto& [k, r] : rows) sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(), [](const Row* a, const Row* b) {
      if (a->mentions != b->mentions) return a->mentions > b->mentions;
      return a->name < b->name;
    });
    if (globals.format == "json") {
      Json arr = Json::array();
      for (const Row* r : sorted) {
        Json j;
        j["id"] = r->id.empty() ? Json() : Json(r->id);
        j["name"] = r->name;
        if (!places_) j["kind"] = r->kind;
        j["type"] = r->type.empty() ? Json() : Json(r->type);
        j["country"] = r->country.empty() ? Json() : Json(r->country);
        if (places_) {
          j["admin1"] = r->admin1.empty() ? Json() : Json(r->admin1);
          j["lat"] = r->has_position ? Json(r->lat) : Json();
          j["lon"] = r->has_position ? Json(r->lon) : Json();
          j["precision"] = r->precision ? Json(r->precision) : Json();
        } else {
          j["affiliation"] = r->affiliation.empty() ? Json() : Json(r->affiliation);
        }
        j["mentions"] = r->mentions;
        Json docs = Json::array();
        for (const auto& [id, n] : r->docs) docs.push_back(Json{{"id", id}, {"count", n}});
        j["documents"] = std::move(docs);
        arr.push_back(std::move(j));
      }
      Json out;
      out[places_ ? "places" : "actors"] = std::move(arr);
      PrintJson(io.out, out);
      return kExitOk;
    }
    if (places_) {
      Table t({{"ID"}, {"NAME"}, {"COUNTRY"}, {"PREC", true}, {"MENTIONS", true}, {"DOCS", true}});
      for (const Row* r : sorted) {
        t.AddRow({r->id.empty() ? "-" : r->id, Truncate(r->name, 40), r->country.empty() ? "-" : r->country,
                  r->precision ? std::to_string(r->precision) : "-", std::to_string(r->mentions),
                  std::to_string(r->docs.size())});
      }
      t.Print(io.out);
    } else {
      Table t({{"ID"}, {"NAME"}, {"KIND"}, {"TYPE"}, {"COUNTRY"}, {"MENTIONS", true}, {"DOCS", true}});
      for (const Row* r : sorted) {
        t.AddRow({r->id.empty() ? "-" : r->id, Truncate(r->name, 40), r->kind,
                  r->type.empty() ? "-" : r->type, r->country.empty() ? "-" : r->country,
                  std::to_string(r->mentions), std::to_string(r->docs.size())});
      }
      t.Print(io.out);
    }
    return kExitOk;
  }

 private:
  bool places_;
  std::string geonames_;
};

}  // namespace

std::unique_ptr<Command> MakePlacesCommand() { return std::make_unique<AggregateCommand>(true); }
std::unique_ptr<Command> MakeActorsCommand() { return std::make_unique<AggregateCommand>(false); }

}  // namespace sitrep::cli

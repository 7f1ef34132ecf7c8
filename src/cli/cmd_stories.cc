// sitrep stories : events merged across documents (fuse::Story), each with how many
// mentions, documents (near-duplicates counted once) and distinct outlets report it.
//
// --type TYPE keeps one event type; --place TEXT keeps stories whose place id or name
// contains TEXT (case-insensitive).
// Table: DATE, TYPE, STATUS, AGENT, TARGET, PLACE, MENT, DOCS, SRCS, ID; sorted as fusion
// sorts them (date, then id). JSON: an array of report::StoryJson (docs/FORMATS.md
// "Stories").
#include "cli/command.h"
#include "cli/output.h"
#include "report/fusion_json.h"
#include "report/load.h"
#include "text/fold.h"

namespace sitrep::cli {
namespace {

std::string Label(const EntityRef& e) { return e.label().empty() ? "-" : Truncate(e.label(), 24); }

class StoriesCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "stories", "Events merged across documents, with how many documents and outlets report each");
    sub->add_option("--type", type_, "only this event type (ontology id, e.g. control_gained)")
        ->type_name("TYPE");
    sub->add_option("--place", place_, "only stories whose place id or name contains TEXT")
        ->type_name("TEXT");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto fusion = report::LoadFusion(**store);
    if (!fusion.ok()) return Fail(io, fusion.status());
    const std::string place = text::FoldForMatch(place_);
    std::vector<const fuse::Story*> chosen;
    for (const fuse::Story& s : fusion->stories) {
      if (!type_.empty() && s.type != type_) continue;
      if (!place.empty() && text::FoldForMatch(s.place.label()).find(place) == std::string::npos &&
          text::FoldForMatch(s.place.id).find(place) == std::string::npos) {
        continue;
      }
      chosen.push_back(&s);
    }
    if (globals.format == "json") {
      report::Json arr = report::Json::array();
      for (const fuse::Story* s : chosen) arr.push_back(report::StoryJson(*s));
      PrintJson(io.out, arr);
      return kExitOk;
    }
    Table table({{"DATE"}, {"TYPE"}, {"STATUS"}, {"AGENT"}, {"TARGET"}, {"PLACE"},
                 {"MENT", true}, {"DOCS", true}, {"SRCS", true}, {"ID"}});
    for (const fuse::Story* s : chosen) {
      table.AddRow({s->date.empty() ? "-" : s->date, s->type, s->status, Label(s->agent),
                    Label(s->target), Label(s->place), std::to_string(s->num_mentions),
                    std::to_string(s->num_documents), std::to_string(s->num_sources), s->id});
    }
    table.Print(io.out);
    io.out << chosen.size() << (chosen.size() == 1 ? " story" : " stories") << "\n";
    return kExitOk;
  }

 private:
  std::string type_, place_;
};

}  // namespace

std::unique_ptr<Command> MakeStoriesCommand() { return std::make_unique<StoriesCommand>(); }

}  // namespace sitrep::cli

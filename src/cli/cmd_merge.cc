// sitrep merge OTHER.db : copy into this database (--db, $SITREP_DB or ./sitrep.db; created
// when missing) every document of OTHER.db it does not hold yet, with its records, ingest
// runs and rejections (Store::ImportFrom), then settle (Pipeline::Settle: documents
// without a date of their own dated from the others, now that there are more). For shards
// ingested separately: merging every shard gives the same fused result as one run.
//
// Table: "merge: copied N documents from OTHER.db; dated K from other documents" and the
// totals. JSON: {from, copied, redated, documents, events, claims}. Exit 0; 2 when OTHER
// is missing or not a sitrep database.
#include <sys/stat.h>

#include "cli/command.h"
#include "cli/output.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

class MergeCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "merge", "Copy the documents of another sitrep database into this one, then settle");
    sub->add_option("other", other_, "the sitrep database to copy from")
        ->required()
        ->type_name("OTHER.db");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    const std::string db = ResolveDbPath(globals.db);
    struct stat st;
    if (::stat(other_.c_str(), &st) != 0) {
      return Fail(io, Status::NotFound("no database at " + other_));
    }
    auto store = OpenStore(db, SystemClock());
    if (!store.ok()) return Fail(io, store.status());
    auto copied = (*store)->ImportFrom(other_);
    if (!copied.ok()) return Fail(io, copied.status());
    PipelineOptions options;
    auto pipeline = Pipeline::Create(options);
    if (!pipeline.ok()) return Fail(io, pipeline.status());
    auto redated = (*pipeline)->Settle(**store);
    if (!redated.ok()) return Fail(io, redated.status());

    auto docs = (*store)->ListDocuments();
    if (!docs.ok()) return Fail(io, docs.status());
    auto events = (*store)->ListEvents(EventQuery{});
    if (!events.ok()) return Fail(io, events.status());
    auto claims = (*store)->ListClaims(ClaimQuery{});
    if (!claims.ok()) return Fail(io, claims.status());

    if (globals.format == "json") {
      Json j;
      j["from"] = other_;
      j["copied"] = *copied;
      j["redated"] = *redated;
      j["documents"] = docs->size();
      j["events"] = events->size();
      j["claims"] = claims->size();
      PrintJson(io.out, j);
    } else {
      io.out << "merge: copied " << *copied << (*copied == 1 ? " document" : " documents")
             << " from " << other_ << "; dated " << *redated << " from other documents\n"
             << db << " now holds " << docs->size() << " documents, " << events->size()
             << " events, " << claims->size() << " claims\n";
    }
    return kExitOk;
  }

 private:
  std::string other_;
};

}  // namespace

std::unique_ptr<Command> MakeMergeCommand() { return std::make_unique<MergeCommand>(); }

}  // namespace sitrep::cli

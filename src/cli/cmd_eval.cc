// sitrep eval GOLD [--floors FILE] [--errors] : scores extraction against hand annotations.
//
// GOLD is a gold file or a folder of *.gold files (format: docs/FORMATS.md, "Gold files").
// Each gold document goes through the real pipeline (Pipeline::Create + Process: text,
// time, extract) with its `date:` as the published date and its `outlet:`; the events and
// claims that come out are scored against the annotations (extract/eval.h says how).
//
// Table: METRIC, TP, FP, FN, P, R, F1, one row a metric (events.all, events.core,
// events.<type>, event.<field>, claims.all, claims.claimant, claim.<field>). JSON:
// {documents, metrics: {name: {tp, fp, fn, p, r, f1}}, floors: [{metric, floor, value, ok}],
// mismatches: [...] (with --errors)}. --errors also prints every disagreement (table: on
// stdout after the scores) for tuning.
//
// Exit codes: 0 when every floor holds (or no --floors); 2 (kExitBadInput) when a score is
// below its floor, a gold or floors file is malformed, or GOLD is missing; 3 when the
// pipeline cannot start.
#include <fmt/format.h>

#include <algorithm>

#include "cli/command.h"
#include "cli/output.h"
#include "extract/annotate.h"
#include "extract/eval.h"
#include "lexicon/lexicon.h"
#include "sitrep/env.h"
#include "sitrep/pipeline.h"
#include "time/timex.h"

namespace sitrep::cli {

Result<std::unique_ptr<lexicon::Lexicon>> OpenLexiconForCli(const std::string& geonames);

namespace {

class EvalCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand("eval", "Score event and claim extraction against a gold file or folder");
    sub->add_option("gold", gold_, "gold file, or folder of *.gold files (docs/FORMATS.md)")->required()->type_name("GOLD");
    sub->add_option("--floors", floors_, "minimum scores ('<metric>.<p|r|f1> <min>' a line); exit 2 when one is not met")
        ->type_name("FILE");
    sub->add_flag("--errors", errors_, "also list every disagreement with the gold annotations");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    const FileSystem& fs = *PosixFileSystem();
    auto gold = extract::ReadGold(fs, gold_);
    if (!gold.ok()) return Fail(io, gold.status());
    std::vector<std::pair<std::string, double>> floors;
    if (!floors_.empty()) {
      auto content = fs.ReadFile(floors_, 1 << 20);
      if (!content.ok()) return Fail(io, content.status());
      auto parsed = extract::ParseFloors(*content, floors_);
      if (!parsed.ok()) return Fail(io, parsed.status());
      floors = std::move(parsed).value();
    }

    PipelineOptions opt;
    opt.threads = 1;
    auto pipeline = Pipeline::Create(opt);
    if (!pipeline.ok()) return Fail(io, pipeline.status());
    std::vector<std::string> stages = (*pipeline)->StageNames();
    const bool has_extract = std::find(stages.begin(), stages.end(), "extract") != stages.end();
    // Until the pipeline runs the extract stage itself, run it here the same way.
    std::unique_ptr<lexicon::Lexicon> lex;
    std::unique_ptr<time::Tagger> tagger;
    const extract::Resources* res = nullptr;
    if (!has_extract) {
      auto r = extract::Resources::Default();
      if (!r.ok()) return Fail(io, r.status());
      res = *r;
      auto l = OpenLexiconForCli("");
      if (!l.ok()) return Fail(io, l.status());
      lex = std::move(l).value();
      auto t = time::Tagger::LoadDefault();
      if (!t.ok()) return Fail(io, t.status());
      tagger = std::move(t).value();
    }

    extract::Scores scores;
    for (const extract::GoldDocument& g : *gold) {
      Document doc;
      doc.id = g.id;
      doc.source = g.path + ":" + std::to_string(g.line);
      doc.text = g.text;
      doc.published = g.date;
      doc.outlet = g.outlet;
      Status st = (*pipeline)->Process(doc);
      if (!st.ok()) return Fail(io, st);
      if (!has_extract) extract::Annotate(extract::Annotator{res, lex.get(), tagger.get()}, doc);
      extract::Score(g, doc, &scores);
    }

    bool below = false;
    Json jfloors = Json::array();
    for (const auto& [name, floor] : floors) {
      double v = scores.Value(name);
      bool ok = v >= floor - 1e-9;
      below |= !ok;
      Json j;
      j["metric"] = name;
      j["floor"] = floor;
      j["value"] = v < 0 ? Json() : Json(v);
      j["ok"] = ok;
      jfloors.push_back(std::move(j));
      if (!ok && globals.format != "json") {
        io.err << fmt::format("sitrep: eval: {} is {:.3f}, below its floor {:.3f}\n", name, v, floor);
      }
    }

    if (globals.format == "json") {
      Json out;
      out["documents"] = scores.documents;
      Json ms = Json::object();
      for (const auto& [name, c] : scores.metrics) {
        Json j;
        j["tp"] = c.tp;
        j["fp"] = c.fp;
        j["fn"] = c.fn;
        j["p"] = c.precision();
        j["r"] = c.recall();
        j["f1"] = c.f1();
        ms[name] = std::move(j);
      }
      out["metrics"] = std::move(ms);
      out["floors"] = std::move(jfloors);
      if (errors_) {
        Json arr = Json::array();
        for (const auto& m : scores.mismatches) {
          Json j;
          j["document"] = m.document;
          j["line"] = m.line;
          j["what"] = m.what;
          j["gold"] = m.gold;
          j["system"] = m.system;
          j["sentence"] = m.sentence;
          arr.push_back(std::move(j));
        }
        out["mismatches"] = std::move(arr);
      }
      PrintJson(io.out, out);
    } else {
      io.out << fmt::format("{} gold documents ({})\n", scores.documents, gold_);
      Table t({{"METRIC"}, {"TP", true}, {"FP", true}, {"FN", true}, {"P", true}, {"R", true}, {"F1", true}});
      for (const auto& [name, c] : scores.metrics) {
        t.AddRow({name, std::to_string(c.tp), std::to_string(c.fp), std::to_string(c.fn),
                  fmt::format("{:.3f}", c.precision()), fmt::format("{:.3f}", c.recall()), fmt::format("{:.3f}", c.f1())});
      }
      t.Print(io.out);
      if (errors_) {
        io.out << "\n";
        for (const auto& m : scores.mismatches) {
          io.out << fmt::format("{} line {}: {}: gold [{}] system [{}]\n    {}\n", m.document, m.line, m.what, m.gold,
                                m.system, m.sentence);
        }
      }
    }
    return below ? kExitBadInput : kExitOk;
  }

 private:
  std::string gold_;
  std::string floors_;
  bool errors_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeEvalCommand() { return std::make_unique<EvalCommand>(); }

}  // namespace sitrep::cli

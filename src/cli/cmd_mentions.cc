// sitrep mentions [ID] : the places, actors, people and sources one document mentions.
//
// With ID (a stored document, or a unique prefix of at least 4 characters) reads it from
// the store; without, reads plain text from standard input. Table: START, END, KIND,
// TEXT, RESOLVED (id, name, country, precision), HOW. JSON: {document, focus_country,
// mentions: [{text, start, end, kind, resolved, how, refers_to}]} where resolved is null
// or {id, name, type, subtype, country, admin1, lat, lon, feature_class, precision,
// affiliation, role, foreign, offset: {direction, km} | null}; start/end are UTF-8 byte
// offsets into the document text. --geonames uses a GeoNames dump instead of the npm data.
#include <fmt/format.h>

#include <iterator>
#include <sstream>

#include "cli/command.h"
#include "ingest/ingest.h"
#include "cli/output.h"
#include "lexicon/mentions.h"
#include "text/text.h"

namespace sitrep::cli {

// Shared with cmd_places.cc.
Result<std::unique_ptr<lexicon::Lexicon>> OpenLexiconForCli(const std::string& geonames) {
  lexicon::LexiconOptions opt;
  opt.gazetteer.geonames = geonames;
  return lexicon::Lexicon::Open(opt);
}

Json ResolvedJson(const lexicon::Resolved& r) {
  Json j;
  j["id"] = r.id;
  j["name"] = r.name;
  j["type"] = r.type;
  j["subtype"] = r.subtype.empty() ? Json() : Json(r.subtype);
  j["country"] = r.country.empty() ? Json() : Json(r.country);
  j["admin1"] = r.admin1.empty() ? Json() : Json(r.admin1);
  j["lat"] = r.has_position ? Json(r.lat) : Json();
  j["lon"] = r.has_position ? Json(r.lon) : Json();
  j["feature_class"] = r.feature_class ? Json(std::string(1, r.feature_class)) : Json();
  j["precision"] = r.precision ? Json(r.precision) : Json();
  j["affiliation"] = r.affiliation.empty() ? Json() : Json(r.affiliation);
  j["role"] = r.role.empty() ? Json() : Json(r.role);
  j["foreign"] = r.foreign;
  if (r.direction.empty()) {
    j["offset"] = Json();
  } else {
    Json o;
    o["direction"] = r.direction;
    o["km"] = r.offset_km > 0 ? Json(r.offset_km) : Json();
    j["offset"] = o;
  }
  return j;
}

Json MentionsJson(const Document& doc, const std::vector<lexicon::Mention>& ms) {
  Json out;
  out["document"] = doc.id.empty() ? Json() : Json(doc.id);
  std::string focus = lexicon::FocusCountry(ms);
  out["focus_country"] = focus.empty() ? Json() : Json(focus);
  Json arr = Json::array();
  for (const auto& m : ms) {
    Json j;
    j["text"] = std::string(doc.view(m.span));
    j["start"] = m.span.start;
    j["end"] = m.span.end;
    j["kind"] = std::string(lexicon::MentionKindName(m.kind));
    j["resolved"] = m.resolved ? ResolvedJson(*m.resolved) : Json();
    j["how"] = m.how;
    j["refers_to"] = m.refers_to == lexicon::Mention::kNoRef ? Json() : Json(m.refers_to);
    arr.push_back(std::move(j));
  }
  out["mentions"] = std::move(arr);
  return out;
}

std::string ResolvedCell(const lexicon::Resolved& r) {
  std::string s = r.id + " " + r.name;
  if (!r.country.empty()) s += " [" + r.country + "]";
  if (r.precision) s += fmt::format(" p{}", r.precision);
  return s;
}

namespace {

// Keeps the first document ingest makes of standard input, or why there was none.
struct FirstDocument final : ingest::Sink {
  Status OnDocument(Document&& d) override {
    if (!got) doc = std::move(d);
    got = true;
    return Status::Ok();
  }
  void OnRejected(Rejection r) override {
    if (why.empty()) why = std::move(r.reason);
  }
  Document doc;
  bool got = false;
  std::string why;  // the first rejection's reason
};

class MentionsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "mentions", "List the places, actors, people and sources a document mentions");
    sub->add_option("id", id_, "stored document id or prefix; without it or with -, text (or HTML) from stdin")
        ->type_name("ID");
    sub->add_option("--geonames", geonames_,
                    "GeoNames dump (directory or allCountries.txt/cities1000.txt) to use instead "
                    "of the installed data; default $SITREP_GEONAMES")
        ->type_name("PATH");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    Document doc;
    if (!id_.empty() && id_ != "-") {
      auto store = OpenExistingStore(ResolveDbPath(globals.db));
      if (!store.ok()) return Fail(io, store.status());
      auto got = (*store)->GetDocument(id_);
      if (!got.ok()) return Fail(io, got.status());
      doc = std::move(got).value();
    } else {
      // Standard input goes through ingest like any file (format detection, UTF-8 repair,
      // NFC), so offsets match what `sitrep ingest -` would store.
      std::string bytes(std::istreambuf_iterator<char>(io.in), {});
      FirstDocument sink;
      Status st = ingest::ReadBuffer("-", std::move(bytes), ingest::Options(), sink);
      if (st.ok() && !sink.got) st = Status::BadInput("standard input: " + (sink.why.empty() ? "no text" : sink.why));
      if (st.ok()) {
        doc = std::move(sink.doc);
        st = text::Annotate(doc);
      }
      if (!st.ok()) return Fail(io, st);
    }
    auto lex = OpenLexiconForCli(geonames_);
    if (!lex.ok()) return Fail(io, lex.status());
    auto ms = lexicon::FindMentions(doc, **lex);
    if (globals.format == "json") {
      PrintJson(io.out, MentionsJson(doc, ms));
      return kExitOk;
    }
    Table t({{"START", true}, {"END", true}, {"KIND"}, {"TEXT"}, {"RESOLVED"}, {"HOW"}});
    for (const auto& m : ms) {
      t.AddRow({std::to_string(m.span.start), std::to_string(m.span.end),
                std::string(lexicon::MentionKindName(m.kind)), Truncate(doc.view(m.span), 40),
                m.resolved ? Truncate(ResolvedCell(*m.resolved), 60) : "-", Truncate(m.how, 60)});
    }
    t.Print(io.out);
    return kExitOk;
  }

 private:
  std::string id_;
  std::string geonames_;
};

}  // namespace

std::unique_ptr<Command> MakeMentionsCommand() { return std::make_unique<MentionsCommand>(); }

}  // namespace sitrep::cli

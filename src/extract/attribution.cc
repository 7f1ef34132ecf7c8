#include "extract/attribution.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>
#include <unordered_set>

#include "text/line_facts.h"

namespace sitrep::extract {

namespace {

using lexicon::Mention;
using lexicon::MentionKind;
// The words of a sentence or of one clause of it (a view: no copy).
using Words = std::span<const Word>;

const WordSet& SpeechVerbs() {
  static const WordSet s = {
      "said", "says", "say", "told", "tells", "reported", "reports", "claimed", "claims",
      "claiming", "claim", "announced", "announces", "stated", "states", "added", "confirmed",
      "confirms", "insisted", "estimated", "estimates", "estimate", "wrote", "tweeted", "acknowledged", "admitted", "denied", "denies", "quoted", "cited",
      "documented", "recorded", "suggest", "suggests", "suggested",
      // Session 4: more verbs that give a figure as somebody's word.
      "alleged", "alleges", "boasted", "warned", "warns", "noted", "revealed", "disclosed",
      "asserted", "explained",
      // Session 5: verbs of conceding and believing a figure ("Moscow admits to having lost
      // 1,100", "officials believe 300 died", "ISW assesses that").
      "admits", "admit", "acknowledges", "acknowledge", "concedes", "conceded", "maintains",
      "maintained", "insists", "believe", "believes", "fear", "fears", "assesses", "assessed",
      "listed", "lists", "accused", "accuses", "counted", "counts", "tallied", "registered", "verified", "logged"};
  return s;
}

// Words skipped between a subject and its speech verb ("Amaq also reported").
const WordSet& Adverbs() {
  static const WordSet s = {
      "also", "has", "have", "had", "later", "earlier", "previously", "further", "reportedly",
      "separately", "then", "further", "had", "was", "were", "is", "officially", "publicly"};
  return s;
}

// An adverb of manner between a subject and its speech verb ("Its mouthpiece, X, falsely
// claimed", "the army wrongly said"): a lower-case word of six letters or more ending in
// "ly" after a word that is no determiner ("the family said" keeps "family").
bool MannerAdverb(const Document& doc, std::span<const Word> w, int k) {
  // (Nouns and adjectives in -ly of six letters or more; shorter words never get here.)
  static const WordSet nouns = {"family", "assembly", "weekly", "monthly", "supply", "anomaly", "elderly"};
  static const WordSet determiners = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"};
  const std::string_view f = w[k].folded;
  if (f.size() < 6 || f.substr(f.size() - 2) != "ly" || nouns.count(w[k].folded)) return false;
  const char c = doc.text[w[k].span.start];
  if (c >= 'A' && c <= 'Z') return false;
  return k == 0 || !determiners.count(w[k - 1].folded);
}

// Words that end a subject walking back from the verb: the subject starts after them.
const WordSet& SubjectStops() {
  static const WordSet s = {
      "with", "and", "but", "that", "which", "who", "while", "as", "after", "before", "when",
      "if", "because", "since", "where", "than", "or", "so", "yet", "although", "though",
      "whereas", "whom", "what", "not", "meanwhile", "however", "but", "in", "on", "at", "by",
      "of", "for", "from", "to", "into", "it", "this", "there", "had", "has", "have", "will",
      "would", "could", "may", "might", "be", "been", "being", "are", "was", "were", "is"};
  return s;
}

const WordSet& Pronouns() {
  static const WordSet s = {"he", "she", "they", "we", "i", "him", "her", "them", "it"};
  return s;
}


// Index of the mention that best covers `span` (inside it or overlapping), or kNoRef.
// Mentions are in text order (lexicon::FindMentions), so none from the first one that
// starts at or after span.end can overlap it.
uint32_t FirstStartingAt(const std::vector<Mention>& mentions, uint32_t offset) {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), offset,
                             [](const Mention& m, uint32_t x) { return m.span.start < x; });
  return static_cast<uint32_t>(it - mentions.begin());
}

uint32_t BestMention(Span span, const std::vector<Mention>& mentions) {
  uint32_t best = Mention::kNoRef;
  int best_rank = 99;
  const uint32_t hi = FirstStartingAt(mentions, span.end);
  for (uint32_t i = 0; i < hi; ++i) {
    const Mention& m = mentions[i];
    if (m.span.end <= span.start || m.span.start >= span.end) continue;
    int rank = m.kind == MentionKind::kSource ? 0 : m.kind == MentionKind::kPerson ? 1
             : m.kind == MentionKind::kActor ? 2 : 3;
    if (rank < best_rank) best_rank = rank, best = i;
  }
  return best;
}

void FillFromMention(const std::vector<Mention>& mentions, uint32_t mi, Party* p) {
  uint32_t cur = mi;
  for (int hops = 0; hops < 4 && cur != Mention::kNoRef; ++hops) {
    const Mention& m = mentions[cur];
    if (m.resolved) {
      p->id = m.resolved->id;
      p->name = m.resolved->name;
      break;
    }
    cur = m.refers_to;
  }
  p->mention = mi;
  p->kind = std::string(lexicon::MentionKindName(mentions[mi].kind));
}

// A bullet line: its line opens with a list mark ("• 30 tanks", "- 6 BMPs", "2) ..."); the
// text stage may have left the mark outside the sentence.
bool IsBullet(const Document& doc, Span span) {
  uint32_t a = span.start;
  while (a > 0 && doc.text[a - 1] != '\n') --a;
  while (a < span.start && (doc.text[a] == ' ' || doc.text[a] == '\t')) ++a;
  return text::ListMarkerEnd(doc.text, Span{a, span.end}) > a;
}

// The person a claimant pronoun ("he said") of sentence `s` stands for, in this order: the
// latest person named before it in its paragraph; the speaker a later sentence of the same
// paragraph names ("..., he said, withdrew. ... according to NAME"); the named person who
// speaks in, or else the latest person named in, the paragraph just before. Never a person
// from further back: an unrelated name three paragraphs up is no antecedent. Unresolved
// pronouns stay as written.
//
// A person the lexicon does not know still resolves "he"/"she": a claimant of an earlier
// sentence of the paragraph written as a name ("Hassan said ... He added"), else a name
// in apposition with a role in this paragraph or the one before ("Mohammed Hassan, a
// spokesman for the union, ...") from `names`.
void ResolvePronouns(const Document& doc, const std::vector<Mention>& mentions, const std::vector<Span>& names,
                     std::vector<Party>* out) {
  const size_t n = doc.sentences.size();
  auto para_start = [&](size_t s) {
    while (s > 0 && doc.sentences[s - 1].paragraph == doc.sentences[s].paragraph) --s;
    return s;
  };
  // "told Levant Wire by phone": who is told never speaks, so never stands for "he".
  auto told = [&](Span m) {
    std::string_view before = std::string_view(doc.text).substr(0, m.start);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view v : {"told", "tells", "tell", "telling"}) {
      if (before.size() > v.size() && before.substr(before.size() - v.size()) == v &&
          before[before.size() - v.size() - 1] == ' ') {
        return true;
      }
    }
    return false;
  };
  auto latest_person = [&](uint32_t from, uint32_t to) {
    uint32_t best = Mention::kNoRef;
    for (uint32_t i = FirstStartingAt(mentions, from); i < mentions.size() && mentions[i].span.start < to; ++i) {
      if (mentions[i].kind == MentionKind::kPerson && mentions[i].span.start >= from && !told(mentions[i].span)) {
        best = i;
      }
    }
    return best;
  };
  auto take_mention = [&](Party* p, uint32_t mi, const char* how) {
    FillFromMention(mentions, mi, p);
    p->text = std::string(doc.view(mentions[mi].span));
    p->span = mentions[mi].span;
    p->how = how;
  };
  auto named = [](const Party& p) { return !p.empty() && p.how.rfind("pronoun", 0) != 0; };
  for (size_t s = 0; s < n; ++s) {
    Party& p = (*out)[s];
    if (p.how != "pronoun" || p.mention != Mention::kNoRef) continue;
    const size_t ps = para_start(s);
    // "it said", "they said": the body or group that spoke last in this paragraph or the
    // one before ("Residents said ... More than 40 others were injured, they said."). "it"
    // never stands for a person.
    std::string_view word = p.text;
    const bool it = word == "it" || word == "It";
    if (it || word == "they" || word == "They") {
      const size_t from = ps > 0 ? para_start(ps - 1) : 0;
      bool done = false;
      for (size_t t = s; t-- > from;) {
        const Party& q = (*out)[t];
        if (!named(q)) continue;
        const bool person = q.mention != Mention::kNoRef && mentions[q.mention].kind == MentionKind::kPerson;
        if (person) break;
        p = q;
        p.how = "pronoun-claimant";
        done = true;
        break;
      }
      // "they" never stands for one person either: unresolved, it stays as written.
      if (done || it || word == "they" || word == "They") continue;
    }
    uint32_t mi = latest_person(doc.sentences[ps].span.start, p.span.start);
    if (mi != Mention::kNoRef) {
      take_mention(&p, mi, "pronoun");
      continue;
    }
    bool done = false;
    const bool personal = word == "he" || word == "He" || word == "she" || word == "She";
    auto name_like = [](std::string_view t) {
      if (t.empty() || t.size() > 40) return false;
      bool start = true;
      for (char ch : t) {
        if (start && !(ch >= 'A' && ch <= 'Z')) return false;
        start = ch == ' ';
      }
      return true;
    };
    if (personal) {
      for (size_t t = s; t-- > ps;) {
        const Party& q = (*out)[t];
        if (named(q) && q.mention == Mention::kNoRef && name_like(q.text)) {
          p = q;
          p.how = "pronoun-name";
          done = true;
          break;
        }
      }
      if (done) continue;
      const uint32_t from = doc.sentences[ps > 0 ? para_start(ps - 1) : 0].span.start;
      for (size_t k = names.size(); k-- > 0;) {
        if (names[k].start >= p.span.start) continue;
        if (names[k].start < from) break;
        p.text = std::string(doc.view(names[k]));
        p.span = names[k];
        p.how = "pronoun-apposition";
        done = true;
        break;
      }
      if (done) continue;
    }
    for (size_t t = s + 1; t < n && doc.sentences[t].paragraph == doc.sentences[s].paragraph; ++t) {
      if (named((*out)[t])) {
        p = (*out)[t];
        p.how = "pronoun-later";
        done = true;
        break;
      }
    }
    if (done || ps == 0) continue;
    const size_t prev = para_start(ps - 1);
    for (size_t t = ps; t-- > prev;) {
      if (named((*out)[t])) {
        const Party& q = (*out)[t];
        // Only a named person: "a senior officer said. ... he added" keeps "he" as written.
        const bool person = q.mention != Mention::kNoRef && mentions[q.mention].kind == MentionKind::kPerson;
        if (!person) break;
        p = q;
        p.how = "pronoun-previous";
        done = true;
        break;
      }
    }
    if (done) continue;
    mi = latest_person(doc.sentences[prev].span.start, doc.sentences[ps].span.start);
    if (mi != Mention::kNoRef) take_mention(&p, mi, "pronoun");
  }
}

// Names in apposition with a role: "Mohammed Hassan, a spokesman for the union," (two or
// three capitalised words, a comma, an article and a role noun within three words), in
// text order.
std::vector<Span> AppositionNames(const Document& doc, const std::vector<std::vector<Word>>& words) {
  static const WordSet roles = {"spokesman", "spokeswoman", "spokesperson", "commander", "official", "officer",
                                "director", "head", "chief", "leader", "minister", "governor", "mayor",
                                "doctor", "nurse", "surgeon", "resident", "witness", "member", "activist",
                                "analyst", "researcher", "envoy", "general", "colonel", "adviser", "advisor",
                                "coordinator", "representative", "founder", "chairman", "president", "journalist"};
  std::vector<Span> out;
  for (const auto& w : words) {
    for (size_t k = 0; k + 3 < w.size(); ++k) {
      if (w[k].kind == TokenKind::kWord || w[k].kind == TokenKind::kNumber || w[k].folded != ",") continue;
      if (w[k + 1].folded != "a" && w[k + 1].folded != "an" && w[k + 1].folded != "the") continue;
      bool role = false;
      for (size_t r = k + 2; r < w.size() && r <= k + 4 && !role; ++r) role = roles.count(w[r].folded) > 0;
      if (!role) continue;
      size_t b = k;
      while (b > 0 && k - b < 3 && w[b - 1].kind == TokenKind::kWord) {
        const char c = doc.text[w[b - 1].span.start];
        if (!(c >= 'A' && c <= 'Z')) break;
        --b;
      }
      if (k - b >= 2) out.push_back(Span{w[b].span.start, w[k - 1].span.end});
    }
  }
  return out;
}

// Subject walking back from words[end] (inclusive); returns the first word index or -1.
bool Capitalised(const Document& doc, const Word& w) {
  char c = doc.text[w.span.start];
  return c >= 'A' && c <= 'Z';
}

int SubjectStart(const Document& doc, Words w, int end) {
  int b = end + 1;
  for (int k = end; k >= 0 && end - k < 7; --k) {
    if (w[k].kind != TokenKind::kWord) break;
    // "Observatory for Human Rights", "Ministry of Defence": a name goes on.
    bool name_link = (w[k].folded == "of" || w[k].folded == "for") && k > 0 && k < end &&
                     Capitalised(doc, w[k - 1]) && Capitalised(doc, w[k + 1]);
    // "a commander of the militia", "a spokesman for the army": a role of a body.
    static const WordSet roles = {
        "commander", "commanders", "spokesman", "spokeswoman", "spokesperson", "official", "officials",
        "member", "members", "head", "chief", "leader", "leaders", "source", "sources", "officer",
        "officers", "representative", "director", "minister", "envoy", "fighter", "fighters"};
    bool role_link = (w[k].folded == "of" || w[k].folded == "for") && k > 0 && k < end &&
                     w[k - 1].kind == TokenKind::kWord && roles.count(w[k - 1].folded);
    if (SubjectStops().count(w[k].folded) && !name_link && !role_link) break;
    b = k;
  }
  return b <= end ? b : -1;
}

// "Syrian forces loyal to the regime of X claimed": SubjectStart stops at the preposition
// and returns the name at the end of the modifiers; the subject is the head before them.
// Walks back over "of"/"to"/"in"/... links (at most three) and takes the first chunk when
// the chain opens the clause (sentence start, punctuation or a clause word); otherwise
// keeps [*b, *e] as they are.
void ExtendToHead(const Document& doc, Words w, int* b, int* e) {
  static const WordSet links = {"of", "to", "for", "in", "at", "from", "with", "by", "near", "on"};
  static const WordSet modifiers = {"loyal", "close", "stationed", "based", "backed", "affiliated", "linked",
                                    "allied", "deployed", "posted", "fighting", "opposed", "belonging"};
  static const WordSet clause = {"that", "and", "but", "while", "as", "after", "before", "when", "because",
                                 "since", "where", "although", "though", "whereas", "meanwhile", "however",
                                 "yet", "so", "if"};
  int bb = *b;
  int head_b = -1, head_e = -1;
  for (int hops = 0; hops < 3; ++hops) {
    const int p = bb - 1;
    if (p < 1 || w[p].kind != TokenKind::kWord || !links.count(w[p].folded)) break;
    int q = p - 1;
    if (w[q].kind == TokenKind::kWord && modifiers.count(w[q].folded)) --q;
    if (q < 0 || w[q].kind != TokenKind::kWord || SubjectStops().count(w[q].folded)) break;
    const int nb = SubjectStart(doc, w, q);
    if (nb < 0 || nb > q) break;
    // "figures released by the health office": the body that gave the figures speaks.
    static const WordSet figures = {"figures", "data", "tally", "statistics", "records", "numbers", "estimates"};
    if (w[p].folded == "by" && figures.count(w[nb].folded)) return;
    bb = nb;
    head_b = nb, head_e = q;
    const bool opens = nb == 0 || w[nb - 1].kind != TokenKind::kWord || clause.count(w[nb - 1].folded);
    if (opens) {
      *b = head_b, *e = head_e;
      return;
    }
  }
}

// "reports", "claims" used as nouns ("unofficial reports suggest"); any speech verb after
// a determiner or possessive is an adjective or noun ("its claimed adversaries", "the
// reported deaths"); a capitalised one after a capitalised word is a name ("The United
// States", "Port Said").
bool NounUse(const Document& doc, Words w, int v) {
  static const WordSet ambiguous = {"reports", "claims", "estimates", "states"};
  static const WordSet modifiers = {
      "the", "unofficial", "media", "news", "official", "initial", "some", "these", "those", "earlier",
      "recent", "local", "conflicting", "unconfirmed", "twitter", "other", "similar", "such", "many",
      "press", "its", "their", "his", "her", "first", "later", "of", "western", "state", "rebel"};
  static const WordSet determiners = {"the", "a", "an", "its", "their", "his", "her", "our", "your",
                                      "this", "these", "those", "my", "whose"};
  if (v == 0) return false;
  if (ambiguous.count(w[v].folded) && modifiers.count(w[v - 1].folded)) return true;
  if (determiners.count(w[v - 1].folded)) return true;
  static const WordSet name_parts = {"states", "reports", "claims", "estimates", "said"};
  if (name_parts.count(w[v].folded) && Capitalised(doc, w[v]) && w[v - 1].kind == TokenKind::kWord &&
      Capitalised(doc, w[v - 1])) {
    return true;
  }
  // "IS claimed responsibility for the bombing, which killed 20": a claim of the deed, not
  // of the number, unless the claimant goes on "saying" what it did.
  static const WordSet claiming = {"claimed", "claims", "claiming", "claim"};
  if (claiming.count(w[v].folded) && v + 1 < static_cast<int>(w.size()) &&
      (w[v + 1].folded == "responsibility" || w[v + 1].folded == "credit")) {
    bool says = false;
    for (size_t k = static_cast<size_t>(v) + 2; k < w.size() && !says; ++k) {
      says = w[k].folded == "saying" || w[k].folded == "adding" || w[k].folded == "said";
    }
    if (!says) return true;
  }
  // "12 civilians were reported killed", "it was claimed that": a passive speech verb
  // names no speaker (AttributeOne takes "reported by X" on its own).
  {
    static const WordSet be = {"was", "were", "is", "are", "been", "being", "be"};
    static const WordSet participles = {"reported", "said", "claimed", "believed", "estimated", "confirmed",
                                        "alleged", "announced", "stated", "documented", "recorded"};
    int k = v - 1;
    if (k >= 0 && (w[k].folded == "also" || w[k].folded == "widely" || w[k].folded == "now" ||
                   w[k].folded == "officially" || w[k].folded == "initially")) {
      --k;
    }
    // The impersonal "it was reported that" keeps its pronoun (hearsay the events stage
    // marks reported).
    const bool impersonal = k >= 1 && w[k - 1].folded == "it";
    if (k >= 0 && be.count(w[k].folded) && participles.count(w[v].folded) && !impersonal) return true;
  }
  // "X was said to have", "were reported to be": hearsay without a speaker.
  if (v + 1 < static_cast<int>(w.size()) && w[v + 1].folded == "to") {
    static const WordSet be = {"was", "were", "is", "are", "been", "being", "be"};
    int k = v - 1;
    if (k >= 0 && (w[k].folded == "also" || w[k].folded == "widely" || w[k].folded == "reportedly")) --k;
    if (k >= 0 && be.count(w[k].folded)) return true;
  }
  return false;
}

// Noun phrase after words[start]: up to the next punctuation or stop word, at most 8 words.
int PhraseEnd(const Document& doc, Words w, int start) {
  int e = start - 1;
  const int n = static_cast<int>(w.size());
  static const WordSet titles = {"dr", "gen", "col", "lt", "maj", "capt", "sgt", "mr", "mrs", "ms", "prof",
                                 "brig", "adm", "rev", "sen", "rep", "gov", "cpl", "pte", "st"};
  for (int k = start; k < n && k - start < 8; ++k) {
    // "said Dr. Ahmed Salih", "said Lt. Col. X": a title's full stop goes on.
    if (w[k].folded == "." && k > start && k + 1 < n && titles.count(w[k - 1].folded) &&
        w[k + 1].kind == TokenKind::kWord) {
      continue;
    }
    if (w[k].kind != TokenKind::kWord) break;
    // "Observatory for Human Rights", "Ministry of Defence": a name goes on.
    bool name_link = (w[k].folded == "of" || w[k].folded == "for" || w[k].folded == "on") && k + 1 < n &&
                     w[k + 1].kind == TokenKind::kWord && Capitalised(doc, w[k + 1]) && Capitalised(doc, w[k - 1]);
    if (k > start && SubjectStops().count(w[k].folded) && !name_link) break;
    e = k;
  }
  return e;
}

Party PartyForWords(const Document& doc, Words w, int b, int e,
                    const std::vector<Mention>& mentions, const char* how) {
  Span span{w[b].span.start, w[e].span.end};
  if (b == e && Pronouns().count(w[b].folded)) {
    Party p;
    p.span = span;
    p.text = std::string(doc.view(span));
    p.how = "pronoun";  // resolved by ResolvePronouns once every sentence has its claimant
    return p;
  }
  Party p = MakeParty(doc, span, mentions, how);
  // "Syria's antiquities chief said": a place inside a longer claimant is a modifier, not
  // the speaker ("Russia said" alone keeps its place).
  if (p.mention != Mention::kNoRef && mentions[p.mention].kind == MentionKind::kPlace) {
    const Span ms = mentions[p.mention].span;
    std::string_view rest = doc.view(span);
    if (ms.start > span.start) {
      std::string_view lead = doc.view(Span{span.start, ms.start});
      if (lead == "the " || lead == "The ") rest = {};
    } else {
      rest = {};
    }
    if (ms.end < span.end || !rest.empty()) {
      p.id.clear(), p.name.clear(), p.kind.clear();
      p.mention = Mention::kNoRef;
    }
  }
  return p;
}

// "X put the toll at 43", "X gave its daily tally of losses": a verb of giving figures
// whose object (within four words) is a toll, tally, count or estimate.
const WordSet& FigureVerbs() {
  static const WordSet s = {"put", "puts", "gave", "gives", "released", "releases", "published",
                            "publishes", "issued", "issues", "revised", "raised", "updated"};
  return s;
}

bool FigureVerb(Words w, int v) {
  const WordSet& verbs = FigureVerbs();
  static const WordSet figures = {"toll", "tally", "tallies", "figures", "figure", "count", "estimate",
                                  "estimates", "number", "numbers", "breakdown", "losses", "casualties",
                                  "dead", "deaths", "wounded", "injured"};
  if (!verbs.count(w[v].folded)) return false;
  const int n = static_cast<int>(w.size());
  for (int k = v + 1; k < n && k <= v + 4; ++k) {
    if (w[k].kind != TokenKind::kWord) return false;
    if (figures.count(w[k].folded)) return true;
  }
  return false;
}

// "Figures released by the health office show": a noun of figures among the eight words
// before a verb of showing makes it a statement of the figures' source.
bool FiguresBefore(Words w, int v) {
  static const WordSet figures = {"figures", "data", "tally", "tallies", "statistics", "records", "numbers",
                                  "count", "toll", "estimates"};
  for (int k = v - 1; k >= 0 && k >= v - 8; --k) {
    if (w[k].kind != TokenKind::kWord) return false;
    if (figures.count(w[k].folded)) return true;
  }
  return false;
}

// The subject that opens the sentence when a speech verb follows "but"/"and" at `conj`:
// the words before the sentence's first auxiliary or past-tense verb, at most five plain
// words with a capital first ("Azerbaijan has not disclosed ... but says").
bool CoordinatedSubject(const Document& doc, Words w, int conj, int* b, int* e) {
  static const WordSet aux = {"has", "have", "had", "is", "was", "were", "are", "did", "does", "do",
                              "will", "would", "could", "can", "may", "might", "should", "must"};
  if (conj < 2 || w[0].kind != TokenKind::kWord || !Capitalised(doc, w[0])) return false;
  int skipped = 0;  // words of an apposition ("The governor, Babagana Zulum, visited")
  int subject_end = -1;
  // "Army spokesman Lieutenant Colonel Patrick Mwamba rejected ... and said": titles and
  // names are capitalised, so a subject may run to ten words when at most three of them
  // are not.
  int lower = 0;
  for (int k = 1; k < conj && (k <= 5 + skipped || (k <= 10 + skipped && lower <= 3)); ++k) {
    if (w[k - 1].kind == TokenKind::kWord && !Capitalised(doc, w[k - 1])) ++lower;
    if (w[k].folded == "," && skipped == 0 && subject_end < 0) {
      int c = k + 1;
      while (c < conj && c <= k + 5 && w[c].kind == TokenKind::kWord && Capitalised(doc, w[c])) ++c;
      if (c < conj && c > k + 1 && w[c].folded == ",") {
        subject_end = k - 1;
        skipped = c - k + 1;
        k = c;
        continue;
      }
    }
    if (w[k].kind != TokenKind::kWord) return false;
    const std::string_view f = w[k].folded;
    const bool past = f.size() > 3 && f.substr(f.size() - 2) == "ed" && !Capitalised(doc, w[k]);
    if (aux.count(f) || past || SpeechVerbs().count(f)) {
      if (SubjectStops().count(w[k - 1].folded)) return false;
      *b = 0, *e = subject_end >= 0 ? subject_end : k - 1;
      return true;
    }
    if (SubjectStops().count(f)) return false;
  }
  return false;
}

// `skip_quoted`: openers inside quotation marks are passed over ('"We have counted 43
// bodies," said Dr X' is Dr X's, not "We"'s).
Party AttributeOne(const Document& doc, Words w, const std::vector<Mention>& mentions,
                   bool skip_quoted) {
  const int n = static_cast<int>(w.size());
  bool quoted = false;
  // One probe a word: only "according", a speech verb or a verb of giving figures can
  // open an attribution.
  static const WordSet according = {"according"};
  static const WordSet show = {"show", "shows", "showed", "indicate", "indicates", "indicated"};
  // "The ministry issued a statement, saying 130 civilians had died": the participle speaks
  // for the subject of the clause before it.
  static const WordSet participles = {"saying", "adding", "noting", "stating", "claiming", "insisting",
                                      "reporting", "warning"};
  static const WordClasses openers({&according, &SpeechVerbs(), &FigureVerbs(), &show, &participles});
  for (int v = 0; v < n; ++v) {
    if (w[v].kind == TokenKind::kPunct && w[v].folded == "\"") quoted = !quoted;
    if (w[v].kind != TokenKind::kWord) continue;
    if (skip_quoted && quoted) continue;
    const uint64_t cls = openers.Of(w[v].folded);
    if (cls == 0) continue;
    if ((cls & 16) && v >= 2 && w[v - 1].folded == ",") {
      int b = -1, e = -1;
      if (CoordinatedSubject(doc, w, v - 1, &b, &e)) return PartyForWords(doc, w, b, e, mentions, "saying-subject");
      if (!(cls & 2)) continue;
    }
    if ((cls & 1) && v + 2 < n && w[v + 1].folded == "to") {
      int e = PhraseEnd(doc, w, v + 2);
      if (e >= v + 2) return PartyForWords(doc, w, v + 2, e, mentions, "according-to");
      continue;
    }
    if (!((cls & 2) || ((cls & 4) && FigureVerb(w, v)) || ((cls & 8) && FiguresBefore(w, v))) || NounUse(doc, w, v)) {
      continue;
    }
    // "as reported by state media", "figures compiled and confirmed by the UN": the agent
    // of a passive speech verb speaks ("quoted by", "cited by" name who relays a speaker).
    if ((cls & 2) && v + 2 < n && w[v + 1].folded == "by" && w[v].folded != "quoted" && w[v].folded != "cited" &&
        w[v].folded.size() > 2 && w[v].folded.substr(w[v].folded.size() - 2) == "ed") {
      int e = PhraseEnd(doc, w, v + 2);
      if (e >= v + 2) return PartyForWords(doc, w, v + 2, e, mentions, "passive-by");
      continue;
    }
    int k = v - 1;
    while (k >= 0 && w[k].kind == TokenKind::kWord && (Adverbs().count(w[k].folded) || MannerAdverb(doc, w, k))) --k;
    // "the Assistance Association for Political Prisoners (AAPP) said": the name before
    // its acronym or gloss in brackets is the subject.
    if (k >= 2 && w[k].folded == ")") {
      int o = k - 1;
      while (o > 0 && k - o <= 8 && w[o].folded != "(" && w[o].folded != ")") --o;
      if (o > 0 && w[o].folded == "(" && w[o - 1].kind == TokenKind::kWord) k = o - 1;
    }
    bool inverted = k < 0 || w[k].kind == TokenKind::kPunct;
    // "It said", "..., it said": a pronoun for the body the paragraph has named.
    if (k >= 0 && w[k].folded == "it" && (k == 0 || w[k - 1].kind == TokenKind::kPunct)) {
      return PartyForWords(doc, w, k, k, mentions, "said-subject");
    }
    // "Azerbaijan has not disclosed its losses but says 42 civilians have died": the
    // subject of the clause that the speech verb is coordinated with.
    if (!inverted && (w[k].folded == "but" || w[k].folded == "and")) {
      int b = -1, e = -1;
      if (CoordinatedSubject(doc, w, k, &b, &e)) return PartyForWords(doc, w, b, e, mentions, "said-coordinated");
      continue;
    }
    if (!inverted) {
      int b = SubjectStart(doc, w, k);
      // "• 1,300 wounded admitted": a counted noun is no speaker.
      if (b > 0 && w[b - 1].kind == TokenKind::kNumber) continue;
      if (b >= 0) {
        int e = k;
        // "Rebels posted a video which they said showed ...": a pronoun after a relative
        // word stands for the subject that opens the sentence.
        if (b == e && b >= 2 && (w[b].folded == "they" || w[b].folded == "it") &&
            (w[b - 1].folded == "which" || w[b - 1].folded == "that")) {
          int sb = -1, se = -1;
          if (CoordinatedSubject(doc, w, b - 1, &sb, &se)) {
            return PartyForWords(doc, w, sb, se, mentions, "relative-pronoun-subject");
          }
        }
        // "Survivors who reached Tuzla told our researchers": the relative clause describes
        // the speaker, who stands before "who".
        if (b >= 2 && w[b - 1].folded == "who" && w[b - 2].kind == TokenKind::kWord &&
            !SubjectStops().count(w[b - 2].folded)) {
          const int sb = SubjectStart(doc, w, b - 2);
          if (sb >= 0) return PartyForWords(doc, w, sb, b - 2, mentions, "said-subject-relative");
        }
        ExtendToHead(doc, w, &b, &e);
        return PartyForWords(doc, w, b, e, mentions, "said-subject");
      }
      continue;
    }
    // "..., said X" / "\"...\" he said" handled above; here the subject follows the verb,
    // and the sentence (or its clause) ends after it: "said X." "said X in a statement".
    // "X (Y), a group that ..., said regime forces were expected to": the words after the
    // verb are the clause it introduces, never the speaker.
    // "..., said more than 30 fighters were taken": a number opens the clause, no speaker.
    static const WordSet amounts = {"more", "over", "about", "around", "nearly", "some", "up", "as", "dozens",
                                    "hundreds", "thousands", "scores", "several", "almost", "roughly",
                                    "fewer", "less", "least", "only", "just", "two", "three", "four", "five"};
    // "..., Rami Abdel Rahman, told AFP 40 were killed": who is told never speaks.
    const bool told = w[v].folded == "told" || w[v].folded == "tells" || w[v].folded == "tell";
    // Only a speech verb takes its speaker after it: the object of "put" is the figure.
    if (!told && (cls & 2) && v + 1 < n && w[v + 1].kind == TokenKind::kWord && w[v + 1].folded != "that" &&
        !SubjectStops().count(w[v + 1].folded) && !amounts.count(w[v + 1].folded)) {
      int e = PhraseEnd(doc, w, v + 1);
      static const WordSet verbish = {"were", "was", "is", "are", "had", "has", "have", "will", "would",
                                      "could", "may", "might", "be", "been", "being", "that", "did", "do",
                                      "does", "can", "should", "must"};
      const bool clause_follows = e + 1 < n && w[e + 1].kind == TokenKind::kWord && verbish.count(w[e + 1].folded);
      if (e >= v + 1 && !clause_follows) return PartyForWords(doc, w, v + 1, e, mentions, "said-inverted");
    }
    // "X, which has links to Y, also reported that": the subject before the clause.
    if (k >= 0 && w[k].folded == ",") {
      int c = k - 1;
      while (c >= 0 && w[c].folded != ",") --c;
      int d = c - 1;
      // "The Observatory (SOHR), a monitor that ..., said": past the parenthesis.
      if (d > 0 && w[d].folded == ")") {
        while (d >= 0 && w[d].folded != "(") --d;
        --d;
      }
      // "A spokesman, Mohamed X, said": the name in apposition speaks.
      if (c >= 0 && k - c >= 2 && k - c <= 5) {
        bool name = true;
        for (int x = c + 1; x < k && name; ++x) name = w[x].kind == TokenKind::kWord && Capitalised(doc, w[x]);
        if (name && c > 0 && w[c - 1].kind == TokenKind::kWord) {
          return PartyForWords(doc, w, c + 1, k - 1, mentions, "said-apposition-name");
        }
      }
      if (c > 0 && d >= 0 && w[d].kind == TokenKind::kWord) {
        int b = SubjectStart(doc, w, d);
        if (b >= 0) return PartyForWords(doc, w, b, d, mentions, "said-subject-apposition");
      }
      // A headline: "Al Shabaab overruns Kenyan base, claims scores of soldiers killed": the
      // name that opens it, before its first verb in the present, speaks.
      static const WordSet relays = {"quoted", "cited"};
      static const WordSet determiners = {"the", "a", "an", "this", "that", "its", "his", "her", "their"};
      if (c < 0 && (cls & 2) && !relays.count(w[v].folded) && !determiners.count(w[0].folded)) {
        int e = -1;
        for (int x = 0; x < k && x < 5; ++x) {
          if (w[x].kind != TokenKind::kWord) break;
          if (!Capitalised(doc, w[x])) {
            e = x - 1;
            break;
          }
        }
        if (e >= 0 && e + 1 < k) {
          const std::string_view verb = w[e + 1].folded;
          if (verb.size() > 2 && !SubjectStops().count(verb) && !SubjectStops().count(w[0].folded)) {
            return PartyForWords(doc, w, 0, e, mentions, "headline-subject");
          }
        }
      }
    }
  }
  return Party{};
}

// The claimant of one clause: speech outside quotation marks first, then any.
Party AttributeOne(const Document& doc, Words w, const std::vector<Mention>& mentions) {
  Party p = AttributeOne(doc, w, mentions, true);
  if (!p.empty()) return p;
  // Without a quotation mark both passes read the same words: the second would find
  // nothing either.
  bool quote = false;
  for (const Word& x : w) quote = quote || (x.kind == TokenKind::kPunct && x.folded == "\"");
  if (quote) p = AttributeOne(doc, w, mentions, false);
  return p;
}

}  // namespace

Party AttributeWords(const Document& doc, std::span<const Word> words, const std::vector<Mention>& mentions) {
  return words.empty() ? Party{} : AttributeOne(doc, words, mentions);
}

Party MakeParty(const Document& doc, Span span, const std::vector<Mention>& mentions, std::string how) {
  Party p;
  p.span = span;
  p.text = std::string(doc.view(span));
  p.how = std::move(how);
  uint32_t mi = BestMention(span, mentions);
  if (mi != Mention::kNoRef) FillFromMention(mentions, mi, &p);
  return p;
}

void PrepareSentences(const Document& doc, const std::vector<Mention>& mentions,
                      std::vector<std::vector<Word>>* words, std::vector<Party>* claimants) {
  const uint32_t n = static_cast<uint32_t>(doc.sentences.size());
  words->assign(n, {});
  for (uint32_t s = 0; s < n; ++s) SentenceWords(doc, s, &(*words)[s]);
  *claimants = AttributeSentences(doc, *words, mentions);
}

std::vector<Party> AttributeSentences(const Document& doc, const std::vector<std::vector<Word>>& words,
                                      const std::vector<Mention>& mentions) {
  const size_t n = doc.sentences.size();
  std::vector<Party> out(n);
  // Quote depth at the start of each sentence, per paragraph.
  std::vector<uint8_t> in_quote(n, 0);
  bool open = false;
  for (size_t s = 0; s < n; ++s) {
    out[s] = AttributeOne(doc, words[s], mentions);
    if (s > 0 && doc.sentences[s].paragraph != doc.sentences[s - 1].paragraph) open = false;
    bool touched = open;
    for (const Word& w : words[s]) {
      if (w.kind == TokenKind::kPunct && w.folded == "\"") {
        // Opening when white space (or nothing) is before it and a non-space after it; a
        // new opening inside an open quotation continues it (a quoted paragraph run).
        const uint32_t a = w.span.start, b = w.span.end;
        const bool space_before = a == 0 || doc.text[a - 1] == ' ' || doc.text[a - 1] == '\n' || doc.text[a - 1] == '(';
        const bool space_after = b >= doc.text.size() || doc.text[b] == ' ' || doc.text[b] == '\n';
        open = space_before && !space_after ? true : space_after && !space_before ? false : !open;
        touched = true;
      }
    }
    in_quote[s] = touched ? 1 : 0;
  }
  // "We recorded 127 fatalities" outside a quotation: the outlet speaks for itself. A
  // headline's "..., claims N killed" speaks only for its numbers (ClaimantsForClaims).
  for (size_t s = 0; s < n; ++s) {
    if (out[s].how == "headline-subject") out[s] = Party{};
    const std::string& t = out[s].text;
    if (!in_quote[s] && out[s].how == "pronoun" && (t == "we" || t == "We" || t == "I")) out[s] = Party{};
    // "Our monitors documented", "our correspondent reported": the outlet's own people.
    // "our medical department said" in a group's statement is a body of the group, kept.
    if (!in_quote[s] && out[s].mention == Mention::kNoRef && (t.rfind("our ", 0) == 0 || t.rfind("Our ", 0) == 0)) {
      static const WordSet staff = {"monitors", "monitor", "correspondent", "correspondents", "reporter",
                                    "reporters", "journalist", "journalists", "team", "teams", "staff",
                                    "researchers", "researcher", "network", "sources", "source", "crew",
                                    "photographer", "editor", "editors", "analysts", "tally", "count",
                                    "colleagues", "colleague", "investigators", "investigation"};
      const size_t sp = t.rfind(' ');
      std::string last = t.substr(sp + 1);
      for (char& ch : last) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (staff.count(last)) out[s] = Party{};
    }
  }
  // Names in apposition are looked for only when a pronoun needs them.
  bool pronoun = false;
  for (const Party& p : out) pronoun = pronoun || p.how == "pronoun";
  if (pronoun) ResolvePronouns(doc, mentions, AppositionNames(doc, words), &out);
  // A list: "Unofficial reports suggest that the spoils amount to the following:" then
  // bullet lines ("• 30 tanks"). Each bullet without a claimant of its own takes the
  // lead-in's.
  for (size_t s = 0; s + 1 < n; ++s) {
    if (out[s].empty() || words[s].empty() || words[s].back().folded != ":") continue;
    for (size_t t = s + 1; t < n && IsBullet(doc, doc.sentences[t].span); ++t) {
      if (!out[t].empty()) continue;
      out[t] = out[s];
      out[t].how = "list-lead";
    }
  }
  // "the source said" after "a pro-regime source told ...": the earlier claimant whose
  // last word is the same noun.
  for (size_t s = 0; s < n; ++s) {
    Party& p = out[s];
    if (p.empty() || !p.id.empty() || p.text.size() < 5) continue;
    std::string_view t = p.text;
    if (t.substr(0, 4) != "the " && t.substr(0, 4) != "The ") continue;
    std::string_view noun = t.substr(4);
    if (noun.find(' ') != std::string_view::npos) continue;
    for (size_t u = s; u-- > 0;) {
      std::string_view prev = out[u].text;
      if (out[u].empty() || prev == t || prev.size() <= noun.size()) continue;
      if (prev.substr(prev.size() - noun.size()) == noun && prev[prev.size() - noun.size() - 1] == ' ') {
        Span here = p.span;
        p = out[u];
        p.how = "anaphor";
        (void)here;
        break;
      }
    }
  }
  // A sentence inside a quotation with no claimant takes the claimant of the quotation's
  // run (consecutive quoted sentences of one paragraph): the nearest one that has one.
  for (size_t s = 0; s < n; ++s) {
    if (!in_quote[s] || !out[s].empty()) continue;
    for (size_t t = s + 1; t < n && in_quote[t] && doc.sentences[t].paragraph == doc.sentences[s].paragraph; ++t) {
      if (!out[t].empty() && out[t].how != "quote") {
        out[s] = out[t];
        out[s].how = "quote";
        break;
      }
    }
    if (!out[s].empty()) continue;
    for (size_t t = s; t-- > 0 && in_quote[t] && doc.sentences[t].paragraph == doc.sentences[s].paragraph;) {
      if (!out[t].empty()) {
        out[s] = out[t];
        out[s].how = "quote";
        break;
      }
    }
    if (!out[s].empty()) continue;
    // A quoted paragraph with no speaker right after a quoted one that has one continues
    // that speaker (the wire convention: attribution once, then quote on).
    if (s > 0 && in_quote[s - 1] && !out[s - 1].empty() && !words[s].empty() && words[s][0].folded == "\"" &&
        doc.sentences[s].paragraph != doc.sentences[s - 1].paragraph) {
      out[s] = out[s - 1];
      out[s].how = "quote-continued";
    }
    // A quotation introduced by a lead-in ending with a colon ("The ministry said in a
    // statement:" then a quoted paragraph): the lead-in's speaker, for its whole run.
    if (out[s].empty() && s > 0 && !out[s - 1].empty() && !words[s - 1].empty() &&
        words[s - 1].back().folded == ":" && !words[s].empty() && words[s][0].folded == "\"") {
      out[s] = out[s - 1];
      out[s].how = "quote-lead";
      for (size_t t = s + 1; t < n && in_quote[t] && out[t].empty() &&
                             doc.sentences[t].paragraph == doc.sentences[s].paragraph;
           ++t) {
        out[t] = out[s];
      }
    }
  }
  return out;
}

namespace {

// A headline that ends with its source after a dash: "Troops repel attack, neutralise
// scores - DHQ", "... – Police". The source is one to three words after the last dash, an
// acronym or a name the lexicon knows as a source, actor or person (a site's name after a
// dash is neither); the headline must hold a number. Empty otherwise.
Party HeadlineTailSource(const Document& doc, Words w, const std::vector<Mention>& mentions) {
  const int n = static_cast<int>(w.size());
  int d = n - 1;
  while (d >= 0 && n - d <= 4 && w[d].kind == TokenKind::kWord) --d;
  if (d < 2 || d == n - 1 || n - 1 - d > 3) return Party{};
  const std::string_view dash = w[d].folded;
  if (dash != "-" && dash != "\u2013" && dash != "\u2014") return Party{};
  if (doc.text[w[d].span.start - 1] != ' ' || w[d].span.end >= doc.text.size() || doc.text[w[d].span.end] != ' ') {
    return Party{};
  }
  bool number = false;
  for (int k = 0; k < d && !number; ++k) number = w[k].kind == TokenKind::kNumber || w[k].folded == "scores" ||
                                                  w[k].folded == "dozens" || w[k].folded == "hundreds";
  if (!number) return Party{};
  const Span span{w[d + 1].span.start, w[n - 1].span.end};
  std::string_view t = doc.view(span);
  bool acronym = t.size() >= 2 && t.size() <= 6;
  for (char c : t) acronym = acronym && c >= 'A' && c <= 'Z';
  Party p = MakeParty(doc, span, mentions, "headline-tail");
  const bool known = p.mention != Mention::kNoRef && mentions[p.mention].kind != MentionKind::kPlace;
  return acronym || known ? p : Party{};
}

// Whether the transcript label words[s][0, e) (before its ':') is the outlet's own staff: a
// presenter or reporter by role ("PRESENTER (Name):", "CORRESPONDENT:"), or a name the
// document introduces as its own ("Our defence correspondent, Martin Crane, ...").
bool OutletStaffLabel(const std::vector<std::vector<Word>>& words, size_t s, int e) {
  static const WordSet roles = {"presenter", "anchor", "host", "correspondent", "reporter", "interviewer",
                                "moderator", "newsreader", "announcer", "journalist", "editor"};
  const auto& w = words[s];
  if (roles.count(w[0].folded)) return true;
  int name_end = 0;  // the name: the words before a bracket
  while (name_end < e && w[name_end].kind == TokenKind::kWord) ++name_end;
  if (name_end == 0) return false;
  for (const auto& x : words) {
    for (size_t k = 0; k + name_end <= x.size(); ++k) {
      bool same = true;
      for (int j = 0; j < name_end && same; ++j) same = x[k + j].folded == w[j].folded;
      if (!same || (&x == &w && k == 0)) continue;
      for (size_t b = k; b-- > 0 && k - b <= 6;) {
        if (x[b].folded == "our") return true;
      }
    }
  }
  return false;
}

}  // namespace

std::vector<Party> ClaimantsForClaims(const Document& doc, const std::vector<std::vector<Word>>& words,
                                      const std::vector<Mention>& mentions, const std::vector<Party>& claimants) {
  const size_t n = doc.sentences.size();
  std::vector<Party> out;
  auto ensure = [&]() {
    if (out.empty()) out = claimants;
  };
  // A headline: "Rebels seize border town, claim 40 soldiers killed".
  for (size_t s = 0; s < n; ++s) {
    if (doc.sentences[s].kind != LineKind::kHeadline || !claimants[s].empty() || words[s].empty()) continue;
    Party p = AttributeOne(doc, words[s], mentions);
    if (p.how != "headline-subject") p = HeadlineTailSource(doc, words[s], mentions);
    if (p.empty()) continue;
    ensure();
    out[s] = std::move(p);
  }
  // A transcript: paragraphs opened by a speaker label ("SPOKESMAN (Peter Daniels): ...",
  // "GENERAL KELLER: ...", at least two in the document). The label speaks for the
  // sentences of its paragraph and of the unlabelled paragraphs after it that name no
  // speaker of their own, up to a note ("Editor's note: ...").
  {
    static const WordSet not_speakers = {"update", "updated", "breaking", "note", "read", "key", "watch", "live",
                                         "photo", "video", "correction", "source", "sources", "related", "more"};
    auto label_end = [&](size_t s) -> int {
      const auto& w = words[s];
      size_t j = 0;
      while (j < w.size() && j < 3 && w[j].kind == TokenKind::kWord) {
        std::string_view t = doc.view(w[j].span);
        bool caps = !t.empty();
        for (char ch : t) caps = caps && ((ch >= 'A' && ch <= 'Z') || ch == '.' || ch == '-');
        if (!caps || not_speakers.count(w[j].folded)) break;
        ++j;
      }
      if (j == 0 || j >= w.size()) return -1;
      if (w[j].folded == "(") {
        size_t c = j + 1;
        while (c < w.size() && c < j + 8 && w[c].folded != ")") ++c;
        if (c >= w.size() || w[c].folded != ")") return -1;
        j = c + 1;
      }
      return j < w.size() && w[j].folded == ":" ? static_cast<int>(j) : -1;
    };
    auto first_of_paragraph = [&](size_t s) { return s == 0 || doc.sentences[s].paragraph != doc.sentences[s - 1].paragraph; };
    int labels = 0;
    for (size_t s = 0; s < n && labels < 2; ++s) labels += first_of_paragraph(s) && label_end(s) > 0 ? 1 : 0;
    if (labels >= 2) {
      Party speaker;
      for (size_t s = 0; s < n; ++s) {
        if (first_of_paragraph(s)) {
          const int e = label_end(s);
          if (e > 0 && words[s][0].span.end - words[s][0].span.start == 1 && words[s][1].folded != "(") {
            // "Q:", "A:": a one-letter label names nobody (the outlet's question, an answer
            // whose speaker the label does not give).
            speaker = Party{};
          } else if (e > 0 && OutletStaffLabel(words, s, e)) {
            // "PRESENTER:", "MARTIN CRANE:" after "Our defence correspondent, Martin Crane":
            // the outlet's own voice.
            speaker = Party{};
          } else if (e > 0) {
            speaker = MakeParty(doc, Span{words[s][0].span.start, words[s][e - 1].span.end}, mentions, "transcript-label");
          } else {
            // "Editor's note:", a headline: the transcript's voice ends.
            bool note = doc.sentences[s].kind != LineKind::kBody;
            for (size_t j = 0; j + 1 < words[s].size() && j < 4 && !note; ++j) {
              note = words[s][j].folded == "note" && words[s][j + 1].folded == ":";
            }
            if (note) speaker = Party{};
          }
        }
        if (!speaker.empty() && (claimants[s].empty() || claimants[s].how == "pronoun")) {
          const std::string& t = claimants[s].text;
          // "he said" inside a speaker's answer still resolves as a pronoun; "we" and "I"
          // are the speaker.
          if (claimants[s].empty() || t == "we" || t == "We" || t == "I") {
            ensure();
            out[s] = speaker;
          }
        }
      }
    }
  }
  // A situation report's bullet that ends with its source in brackets: "An estimated
  // 210,000 people have fled, most of them to Chad (IOM DTM)." One to four capitalised
  // words, not the acronym of the name just before them ("the Rapid Support Forces
  // (RSF)") and not a place.
  for (size_t s = 0; s < n; ++s) {
    // A photo caption's bracket is its credit ("(AFP)"), no source of its numbers.
    if (!claimants[s].empty() || (!out.empty() && !out[s].empty()) || doc.sentences[s].kind == LineKind::kCaption) {
      continue;
    }
    const auto& w = words[s];
    int e = static_cast<int>(w.size()) - 1;
    if (e >= 0 && w[e].kind == TokenKind::kPunct && w[e].folded == ".") --e;
    if (e < 3 || w[e].folded != ")") continue;
    int o = e - 1;
    while (o > 0 && e - o <= 5 && w[o].kind == TokenKind::kWord && Capitalised(doc, w[o])) --o;
    if (o <= 0 || w[o].folded != "(" || e - o < 2 || e - o > 5) continue;
    bool number = false;
    for (int k = 0; k < o && !number; ++k) number = w[k].kind == TokenKind::kNumber;
    if (!number) continue;
    // The acronym of the capitalised words before the bracket: a gloss, not a source.
    std::string inner, initials;
    for (int k = o + 1; k < e; ++k) inner += std::string(doc.view(w[k].span));
    for (int k = o - 1; k >= 0 && o - k <= 8 && w[k].kind == TokenKind::kWord; --k) {
      if (Capitalised(doc, w[k])) initials.insert(initials.begin(), doc.text[w[k].span.start]);
      else if (w[k].folded != "of" && w[k].folded != "for" && w[k].folded != "and") break;
    }
    if (!initials.empty() && initials.size() >= inner.size() &&
        initials.substr(initials.size() - inner.size()) == inner) {
      continue;
    }
    Party p = MakeParty(doc, Span{w[o + 1].span.start, w[e - 1].span.end}, mentions, "bracket-source");
    if (p.mention != Mention::kNoRef && mentions[p.mention].kind == MentionKind::kPlace) continue;
    ensure();
    out[s] = std::move(p);
  }
  // A table written as lines ("Killed: 1,109") and then "Source: X" (a line the text stage
  // may drop as furniture): the source line names the claimant of the short lines with
  // numbers right before it that have none of their own.
  for (size_t s = 0; s < n; ++s) {
    const uint32_t end = doc.sentences[s].span.end;
    // The sentence ends its line: blanks, then the line break (found without scanning the
    // rest of a long line).
    const size_t nl = doc.text.find_first_not_of(" \t", end);
    if (nl == std::string::npos || doc.text[nl] != '\n') continue;
    std::string_view next = std::string_view(doc.text).substr(nl + 1);
    next = next.substr(0, next.find('\n'));
    uint32_t off = 0;
    if (next.rfind("Source: ", 0) == 0) off = 8;
    else if (next.rfind("Sources: ", 0) == 0) off = 9;
    else continue;
    std::string_view name = next.substr(off);
    while (!name.empty() && (name.back() == '.' || name.back() == ' ' || name.back() == '\r')) name.remove_suffix(1);
    if (name.empty() || name.size() > 80) continue;
    const uint32_t a = static_cast<uint32_t>(nl + 1 + off);
    const Party p = MakeParty(doc, Span{a, a + static_cast<uint32_t>(name.size())}, mentions, "source-line");
    for (size_t t = s + 1; t-- > 0;) {
      const auto& tw = words[t];
      bool number = false;
      for (const Word& x : tw) number = number || x.kind == TokenKind::kNumber;
      if (!number || tw.size() > 8 || !claimants[t].empty()) break;
      ensure();
      out[t] = p;
    }
  }
  return out;
}

}  // namespace sitrep::extract

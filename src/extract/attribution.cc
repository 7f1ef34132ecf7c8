#include "extract/attribution.h"

#include <string_view>
#include <unordered_set>

namespace sitrep::extract {

namespace {

using lexicon::Mention;
using lexicon::MentionKind;

const WordSet& SpeechVerbs() {
  static const WordSet s = {
      "said", "says", "say", "told", "tells", "reported", "reports", "claimed", "claims",
      "claiming", "announced", "announces", "stated", "states", "added", "confirmed",
      "confirms", "insisted", "estimated", "estimates", "wrote", "tweeted", "acknowledged", "admitted", "denied", "denies", "quoted", "cited",
      "documented", "recorded"};
  return s;
}

// Words skipped between a subject and its speech verb ("Amaq also reported").
const WordSet& Adverbs() {
  static const WordSet s = {
      "also", "has", "have", "had", "later", "earlier", "previously", "further", "reportedly",
      "separately", "then", "further", "had", "was", "were", "is", "officially", "publicly"};
  return s;
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
  static const WordSet s = {"he", "she", "they", "we", "i"};
  return s;
}


// Index of the mention that best covers `span` (inside it or overlapping), or kNoRef.
uint32_t BestMention(Span span, const std::vector<Mention>& mentions) {
  uint32_t best = Mention::kNoRef;
  int best_rank = 99;
  for (uint32_t i = 0; i < mentions.size(); ++i) {
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

// The latest person mention that starts before `pos`, or kNoRef.
uint32_t LastPersonBefore(uint32_t pos, const std::vector<Mention>& mentions) {
  uint32_t best = Mention::kNoRef;
  for (uint32_t i = 0; i < mentions.size() && mentions[i].span.start < pos; ++i) {
    if (mentions[i].kind == MentionKind::kPerson) best = i;
  }
  return best;
}

// Subject walking back from words[end] (inclusive); returns the first word index or -1.
bool Capitalised(const Document& doc, const Word& w) {
  char c = doc.text[w.span.start];
  return c >= 'A' && c <= 'Z';
}

int SubjectStart(const Document& doc, const std::vector<Word>& w, int end) {
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

// "reports", "claims" used as nouns ("unofficial reports suggest").
bool NounUse(const std::vector<Word>& w, int v) {
  static const WordSet ambiguous = {"reports", "claims", "estimates", "states"};
  static const WordSet modifiers = {
      "the", "unofficial", "media", "news", "official", "initial", "some", "these", "those", "earlier",
      "recent", "local", "conflicting", "unconfirmed", "twitter", "other", "similar", "such", "many",
      "press", "its", "their", "his", "her", "first", "later", "of", "western", "state", "rebel"};
  return ambiguous.count(w[v].folded) && v > 0 && modifiers.count(w[v - 1].folded);
}

// Noun phrase after words[start]: up to the next punctuation or stop word, at most 8 words.
int PhraseEnd(const Document& doc, const std::vector<Word>& w, int start) {
  int e = start - 1;
  const int n = static_cast<int>(w.size());
  for (int k = start; k < n && k - start < 8; ++k) {
    if (w[k].kind != TokenKind::kWord) break;
    // "Observatory for Human Rights", "Ministry of Defence": a name goes on.
    bool name_link = (w[k].folded == "of" || w[k].folded == "for" || w[k].folded == "on") && k + 1 < n &&
                     w[k + 1].kind == TokenKind::kWord && Capitalised(doc, w[k + 1]) && Capitalised(doc, w[k - 1]);
    if (k > start && SubjectStops().count(w[k].folded) && !name_link) break;
    e = k;
  }
  return e;
}

Party PartyForWords(const Document& doc, const std::vector<Word>& w, int b, int e,
                    const std::vector<Mention>& mentions, const char* how) {
  Span span{w[b].span.start, w[e].span.end};
  if (b == e && Pronouns().count(w[b].folded)) {
    Party p;
    p.span = span;
    p.text = std::string(doc.view(span));
    p.how = "pronoun";
    uint32_t mi = LastPersonBefore(span.start, mentions);
    if (mi != Mention::kNoRef) {
      FillFromMention(mentions, mi, &p);
      p.text = std::string(doc.view(mentions[mi].span));
      p.span = mentions[mi].span;
    }
    return p;
  }
  return MakeParty(doc, span, mentions, how);
}

Party AttributeOne(const Document& doc, const std::vector<Word>& w, const std::vector<Mention>& mentions) {
  const int n = static_cast<int>(w.size());
  for (int v = 0; v < n; ++v) {
    if (w[v].kind != TokenKind::kWord) continue;
    if (w[v].folded == "according" && v + 2 < n && w[v + 1].folded == "to") {
      int e = PhraseEnd(doc, w, v + 2);
      if (e >= v + 2) return PartyForWords(doc, w, v + 2, e, mentions, "according-to");
      continue;
    }
    if (!SpeechVerbs().count(w[v].folded) || NounUse(w, v)) continue;
    int k = v - 1;
    while (k >= 0 && w[k].kind == TokenKind::kWord && Adverbs().count(w[k].folded)) --k;
    bool inverted = k < 0 || w[k].kind == TokenKind::kPunct;
    if (!inverted) {
      int b = SubjectStart(doc, w, k);
      if (b >= 0) return PartyForWords(doc, w, b, k, mentions, "said-subject");
      continue;
    }
    // "X, which has links to Y, also reported that": the subject before the clause.
    if (k >= 0 && w[k].folded == "," && v + 1 < n && w[v + 1].folded == "that") {
      int c = k - 1;
      while (c >= 0 && w[c].folded != ",") --c;
      if (c > 0 && w[c - 1].kind == TokenKind::kWord) {
        int b = SubjectStart(doc, w, c - 1);
        if (b >= 0) return PartyForWords(doc, w, b, c - 1, mentions, "said-subject-apposition");
      }
    }
    // "..., said X" / "\"...\" he said" handled above; here the subject follows the verb.
    if (v + 1 < n && w[v + 1].kind == TokenKind::kWord && w[v + 1].folded != "that" &&
        !SubjectStops().count(w[v + 1].folded)) {
      int e = PhraseEnd(doc, w, v + 1);
      if (e >= v + 1) return PartyForWords(doc, w, v + 1, e, mentions, "said-inverted");
    }
  }
  return Party{};
}

}  // namespace

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
  }
  return out;
}

}  // namespace sitrep::extract

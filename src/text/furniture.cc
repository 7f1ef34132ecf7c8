// Line splitting and furniture rules; see furniture.h for the passes and their order.
#include "text/furniture.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "text/chars.h"
#include "text/fold.h"
#include "text/line_facts.h"
#include "text/tokenize.h"

namespace sitrep::text {
namespace {

bool Skippable(char32_t c) {
  const CharClass k = ClassOf(c);
  return k == CharClass::kSpace || k == CharClass::kFormat || k == CharClass::kControl;
}

Span TrimSpan(std::string_view text, uint32_t a, uint32_t b) {
  while (a < b) {
    uint32_t j = a;
    if (!Skippable(DecodeAt(text, &j))) break;
    a = j;
  }
  while (b > a) {
    uint32_t j = b;
    if (!Skippable(DecodeBefore(text, &j))) break;
    b = j;
  }
  return Span{a, b};
}

void SplitLines(std::string_view text, std::vector<Line>* lines) {
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t start = 0;
  while (start <= n) {
    const size_t nl = text.find('\n', start);
    const uint32_t end = nl == std::string_view::npos ? n : static_cast<uint32_t>(nl);
    const Span s = TrimSpan(text, start, end);
    if (!s.empty()) lines->push_back(Line{s, LineHint::kNone, LineKind::kBody, {}});
    if (nl == std::string_view::npos) break;
    start = end + 1;
  }
}

Status CheckPrefilled(const Document& doc) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Span s = doc.lines[i].span;
    if (s.end > doc.text.size() || s.start > s.end || s.start < prev_end) {
      return Status::InvalidArgument("line " + std::to_string(i) + " of document " + doc.id +
                                     " has a span out of range or out of order");
    }
    prev_end = s.end;
  }
  return Status::Ok();
}

// True when a blank line (two '\n') separates byte offsets a and b.
bool BlankBetween(std::string_view text, uint32_t a, uint32_t b) {
  const std::string_view gap = text.substr(a, b - a);
  const size_t first = gap.find('\n');
  return first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos;
}

// True for a navigation bar flattened into one line: four or more short items (at most
// three words each) separated by runs of two or more spaces or by tabs, with no sentence
// punctuation ("Home  World  Politics  Sport  Video"). Scrapers often keep menus so.
bool IsSpacedMenu(std::string_view s) {
  int items = 0, words = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && !(s[j] == '\t' || (s[j] == ' ' && j + 1 < s.size() && s[j + 1] == ' ')))
      ++j;
    std::string_view item = s.substr(i, j - i);
    if (!item.empty()) {
      ++items;
      words = 1;
      for (char c : item) {
        if (c == ' ') ++words;
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return false;
      }
      if (words > 3) return false;
    }
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
    i = j;
  }
  return items >= 4;
}

class Classifier {
 public:
  Classifier(const Resources& res, Document* doc, LineTokens* lt, bool prefilled)
      : res_(res), doc_(*doc), text_(doc->text), lines_(doc->lines), lt_(*lt),
        prefilled_(prefilled) {}

  void Run() {
    const size_t n = lines_.size();
    facts_.assign(n, LineFacts());
    lt_.tokens.clear();
    lt_.begin.assign(1, 0);
    for (size_t i = 0; i < n; ++i) {
      Line& l = lines_[i];
      l.kind = LineKind::kBody;
      l.reason.clear();
      Tokenize(text_, l.span, &lt_.tokens);
      lt_.begin.push_back(static_cast<uint32_t>(lt_.tokens.size()));
      LineFacts& f = facts_[i];
      ComputeLineFacts(res_, text_, l.span, Tokens(i), &f);
      f.blank_before = i == 0 || BlankBetween(text_, lines_[i - 1].span.end, l.span.start);
      f.blank_after = i + 1 == n || BlankBetween(text_, l.span.end, lines_[i + 1].span.start);
    }
    for (size_t i = 0; i < n; ++i) LineAlone(i);
    Neighbours();
    Positions();
  }

 private:
  std::pair<const Token*, const Token*> Tokens(size_t i) const {
    const Token* base = lt_.tokens.data();
    return {base + lt_.begin[i], base + lt_.begin[i + 1]};
  }

  bool Open(size_t i) const { return !facts_[i].decided; }

  void Drop(size_t i, std::string_view reason) {
    lines_[i].kind = LineKind::kDropped;
    lines_[i].reason = std::string(reason);
    facts_[i].decided = true;
  }
  void Caption(size_t i, std::string_view reason) {
    lines_[i].kind = LineKind::kCaption;
    lines_[i].reason = std::string(reason);
    facts_[i].decided = true;
  }
  void Headline(size_t i, std::string_view reason) {
    lines_[i].kind = LineKind::kHeadline;
    lines_[i].reason = std::string(reason);
    facts_[i].decided = true;
  }
  bool Dropped(size_t i) const { return lines_[i].kind == LineKind::kDropped; }

  // Pass 1: what the line says about itself.
  void LineAlone(size_t i) {
    const LineFacts& f = facts_[i];
    const Line& l = lines_[i];
    const std::string_view s = l.span.in(text_);
    if (!f.any_alnum) return Drop(i, kReasonSeparator);
    if (l.hint == LineHint::kBoilerplate && !(f.prose && f.words >= 15))
      return Drop(i, kReasonBoilerplate);
    if (f.bytes < 300 || f.words <= 12) {
      if (auto hit = res_.MatchLine(s, f.folded, static_cast<int>(f.words))) {
        if (PhraseDecides(i, *hit)) return;
      }
    }
    switch (ClassifyStamp(res_, s, f)) {
      case Stamp::kTimestamp: return Drop(i, kReasonTimestamp);
      case Stamp::kDateline: return Drop(i, kReasonDateline);
      case Stamp::kNone: break;
    }
    if (IsCreditLine(res_, s, f)) return Drop(i, kReasonPhotoCredit);
    if (IsSpacedMenu(s)) return Drop(i, kReasonMenuLabel);
    if (f.joins >= 2 && f.bytes <= 160 && f.words <= 14 && !f.sentence_like)
      return Drop(i, kReasonTagList);
    if (f.words == 1 && f.tokens == 1 && f.cased == 1 && f.capitalised == 0 && f.blank_before &&
        f.blank_after)
      return Drop(i, kReasonStrayWord);
    if (HasTrailingCredit(res_, s, f)) return Caption(i, kCaptionWithCredit);
    if (l.hint == LineHint::kCaption) return Caption(i, kCaptionHtml);
  }

  // Applies an interface-phrase hit; false when the hit does not decide the line.
  bool PhraseDecides(size_t i, const PhraseHit& hit) {
    LineFacts& f = facts_[i];
    if (hit.reason == kReasonByline) {
      if (!LooksLikeByline(text_, Tokens(i), f)) return false;
      Drop(i, kReasonByline);
      return true;
    }
    if (hit.reason == kReasonAuthorPicture) {
      if (f.words > 8) return false;
      Drop(i, kReasonAuthorPicture);
      return true;
    }
    if (hit.reason == kReasonPhotoCredit) {
      // "Photo: Troops enter the town on Sunday." is a caption with a label.
      if (f.words >= 10 && f.lower_content >= 3) {
        Caption(i, kCaptionLabelled);
      } else {
        Drop(i, kReasonPhotoCredit);
      }
      return true;
    }
    if (hit.whole_line && hit.edges_only) {
      f.edge_reason = hit.reason;  // decided by position
      return true;
    }
    if (hit.whole_line && hit.reason == kReasonRelated) f.related_header = true;
    Drop(i, hit.reason);
    return true;
  }

  // Pass 2: repeated lines and captions above credits.
  void Neighbours() {
    const size_t n = lines_.size();
    for (size_t i = 1; i < n; ++i) {
      if (facts_[i].words < 3) continue;
      const std::string_view s = lines_[i].span.in(text_);
      for (size_t back = 1; back <= 3 && back <= i; ++back) {
        const size_t j = i - back;
        if (lines_[j].span.in(text_) != s) continue;
        if (!Dropped(i)) Drop(i, kReasonDuplicate);
        // The scraper copies captions this way; a short title-like line copied is more
        // likely the headline (left to pass 3).
        const LineFacts& o = facts_[j];
        if (Open(j) && !o.title_case && !(o.title_like && o.words <= 14))
          Caption(j, kCaptionRepeated);
        break;
      }
    }
    // "Image caption" labels the line after it.
    for (size_t i = 0; i + 1 < n; ++i) {
      if (lines_[i].reason == kReasonCaptionLabel && Open(i + 1) && facts_[i + 1].words >= 2)
        Caption(i + 1, kCaptionLabelled);
    }
    for (size_t i = 1; i < n; ++i) {
      if (lines_[i].reason != kReasonPhotoCredit) continue;
      const size_t j = i - 1;
      const LineFacts& f = facts_[j];
      if (!Open(j) || f.title_case || f.words < 3) continue;
      // A caption rarely ends like a sentence; when it does, it sits right on its
      // credit and names the picture ("in this file photo").
      if (!f.sentence_like || (!f.blank_after && f.words <= 60 && HasCreditWord(j)))
        Caption(j, kCaptionBeforeCredit);
    }
  }

  bool HasCreditWord(size_t i) const {
    std::string w;
    for (auto [t, e] = Tokens(i); t != e; ++t) {
      if (t->kind != TokenKind::kWord) continue;
      w.clear();
      AppendFoldForMatch(t->span.in(text_), &w);
      if (res_.IsCreditWord(w)) return true;
    }
    return false;
  }

  // Pass 3: position relative to the article body.
  // Lines cut by a hard wrap read as prose together: in a hard-wrapped document, a
  // chain of open lines with no blank between, each but the last near the wrap width and
  // not ending a sentence, is prose when it has six or more words and ends like one.
  void WrappedProse() {
    const size_t n = lines_.size();
    for (size_t i = 0; i < n;) {
      size_t j = i;
      uint32_t words = facts_[i].words;
      while (j + 1 < n && WrapLink(j)) {
        ++j;
        words += facts_[j].words;
      }
      if (j > i && Open(i) && words >= 6 && (EndsBlock(facts_[j]) || words >= 25)) {
        for (size_t k = i; k <= j; ++k) {
          facts_[k].prose = true;
          facts_[k].sentence_like = true;
          facts_[k].title_like = false;
        }
      }
      i = j + 1;
    }
  }

  // Line i looks cut by the wrap and i + 1 continues it. Title-cased lines are headline
  // lists, not wrapped prose.
  bool WrapLink(size_t i) const {
    const LineFacts& a = facts_[i];
    const LineFacts& b = facts_[i + 1];
    return wrap_ > 0 && Open(i) && Open(i + 1) && !a.blank_after && a.chars * 10 >= wrap_ * 6 &&
           !EndsBlock(a) && b.marker_end == 0 && !a.title_case && !b.title_case;
  }

  static bool EndsBlock(const LineFacts& f) {
    return IsTerminal(f.last) || f.last == U'\u2026' || f.last == ':' || f.last == ';';
  }

  // First and last open prose lines (the article body), or -1.
  std::pair<int, int> BodyBounds() const {
    int first = -1, last = -1;
    for (int i = 0; i < static_cast<int>(lines_.size()); ++i) {
      if (Open(i) && facts_[i].prose && facts_[i].edge_reason.empty()) {
        if (first < 0) first = i;
        last = i;
      }
    }
    return {first, last};
  }

  void Positions() {
    const int n = static_cast<int>(lines_.size());
    if (!prefilled_) {
      std::vector<uint32_t> chars(lines_.size());
      std::vector<bool> continued(lines_.size());
      for (size_t i = 0; i < lines_.size(); ++i) {
        chars[i] = facts_[i].chars;
        continued[i] = !facts_[i].blank_after;
      }
      wrap_ = EstimateWrapWidth(chars, continued);
    }
    WrappedProse();
    auto [first, last] = BodyBounds();
    const int head = ChooseHeadline(first);
    int head_end = head;  // last line of a headline wrapped over several lines
    if (head >= 0) {
      Headline(head, kHeadlineMain);
      while (head_end + 1 < n && Open(head_end + 1) && !facts_[head_end].blank_after &&
             facts_[head_end + 1].starts_lower && !facts_[head_end + 1].prose &&
             facts_[head_end + 1].words <= 12) {
        Headline(++head_end, kHeadlineMain);
      }
      if (doc_.title.empty()) {
        for (int i = head; i <= head_end; ++i) {
          if (i > head) doc_.title += ' ';
          doc_.title += lines_[i].span.in(text_);
        }
      }
    }
    if (first < 0) {
      // No prose: nothing to anchor positions on; only phrases meant for page edges.
      for (int i = 0; i < n; ++i)
        if (Open(i) && !facts_[i].edge_reason.empty()) Drop(i, facts_[i].edge_reason);
      return;
    }
    const int top_end = head >= 0 ? head : first;
    for (int i = 0; i < n; ++i) {
      if (lines_[i].reason == kReasonTimestamp && i < top_end) lines_[i].reason = kReasonClock;
      if (!Open(i)) continue;
      const LineFacts& f = facts_[i];
      const bool edge = i < first || i > last;
      if (edge && !f.edge_reason.empty()) {
        Drop(i, f.edge_reason);
      } else if (i < top_end && !f.sentence_like && !f.prose && f.marker_end == 0 &&
                 !EndsBlock(f)) {
        Drop(i, f.tag_pieces >= 3 ? kReasonTagList : kReasonMenuLabel);
      }
    }
    if (head >= 0) AuthorNames(head_end + 1, first);
    RelatedAfterHeaders();
    CommentThread(first);
    std::tie(first, last) = BodyBounds();
    if (first < 0) return;
    for (int i = 0; i < n; ++i) {
      if (!Open(i)) continue;
      const LineFacts& f = facts_[i];
      if (lines_[i].hint == LineHint::kLinkOnly && !f.prose && !f.sentence_like) {
        if (f.title_like) Drop(i, kReasonRelated);
        else if (f.words <= 2) Drop(i, kReasonMenuLabel);
      }
    }
    BodyRuns(first, last);
    Tail(last);
    Subheadings(first, last);
  }

  // The headline: the line matching doc.title, else an HTML heading, else the best
  // title-like line above the body, scored by length (headlines run 6 to 14 words),
  // title case, and nearness to the body (menus and slogans sit higher up).
  int ChooseHeadline(int first) const {
    const int n = static_cast<int>(lines_.size());
    const int limit = first >= 0 ? first : n;
    if (!doc_.title.empty()) {
      const std::string title = FoldForMatch(doc_.title);
      for (int i = 0; i < limit; ++i) {
        if (!Open(i) || facts_[i].folded.empty()) continue;
        const std::string& f = facts_[i].folded;
        if (f == title || (f.size() >= 15 && title.find(f) != std::string::npos) ||
            (title.size() >= 15 && f.find(title) != std::string::npos))
          return i;
      }
    }
    for (int i = limit - 1; i >= 0; --i)
      if (lines_[i].hint == LineHint::kHeading && Open(i) && !facts_[i].prose) return i;
    if (first < 0) return -1;  // no body: a lone title-like line is not known to head anything
    int best = -1, best_score = -1000;
    bool nearest = true;
    for (int i = limit - 1; i >= 0; --i) {
      const LineFacts& f = facts_[i];
      if (!Open(i) || !f.title_like || !f.edge_reason.empty() || f.tag_pieces >= 3) continue;
      const int words = static_cast<int>(f.words);
      int score = std::min(words, 14) + (f.title_case ? 3 : 0) + (nearest ? 2 : 0);
      if (words >= 15 && !f.title_case) score -= 8;  // a standfirst
      if (f.starts_lower) score -= 4;                // the tail of a wrapped line
      nearest = false;
      if (score > best_score) {
        best = i;
        best_score = score;
      }
    }
    return best;
  }

  // Between the headline and the body, a short all-capitalised line next to a byline or
  // a timestamp is the author's name or outlet ("Jane Roe", "Example News, Beirut").
  void AuthorNames(int from, int to) {
    auto dated = [&](int k) {
      if (k < 0 || k >= static_cast<int>(lines_.size())) return false;
      const std::string& r = lines_[k].reason;
      return r == kReasonByline || r == kReasonTimestamp || r == kReasonDateline;
    };
    for (int i = std::max(from, 0); i < to; ++i) {
      const LineFacts& f = facts_[i];
      if (!Open(i) || f.words < 2 || f.words > 5 || f.cased != f.words ||
          f.capitalised != f.words || f.sentence_like || f.marker_end != 0)
        continue;
      bool digits = false;
      for (auto [t, e] = Tokens(i); t != e; ++t) digits = digits || t->kind == TokenKind::kNumber;
      if (!digits && (dated(i - 1) || dated(i + 1))) Drop(i, kReasonByline);
    }
  }

  // A comment thread: a comment header after the body started, then within twelve lines
  // at least two comment buttons or timestamps, one of them a button. Everything still
  // open after the header is the readers', not the article's.
  void CommentThread(int first) {
    const size_t n = lines_.size();
    for (size_t h = static_cast<size_t>(first) + 1; h < n; ++h) {
      if (lines_[h].reason != kReasonCommentHeader) continue;
      int buttons = 0, stamps = 0;
      for (size_t k = h + 1; k < n && k <= h + 12; ++k) {
        buttons += lines_[k].reason == kReasonCommentAction;
        stamps += lines_[k].reason == kReasonTimestamp;
      }
      if (buttons == 0 || buttons + stamps < 2) continue;
      for (size_t k = h + 1; k < n; ++k)
        if (Open(k)) Drop(k, kReasonCommentSection);
      return;
    }
  }

  // After a "Related articles" header, the list it announces: title-like lines (a
  // question too), with the short labels and dates between them.
  void RelatedAfterHeaders() {
    const size_t n = lines_.size();
    for (size_t h = 0; h < n; ++h) {
      if (!facts_[h].related_header) continue;
      for (size_t k = h + 1; k < n; ++k) {
        if (!Open(k)) {
          if (Dropped(k)) continue;
          break;
        }
        const LineFacts& f = facts_[k];
        const bool question = f.last == '?' && f.words <= 20 && f.marker_end == 0;
        if (f.words <= 3 && !f.sentence_like && f.marker_end == 0) {
          Drop(k, kReasonRelated);
        } else if ((f.title_like && !f.sentence_like) || question) {
          Drop(k, kReasonRelated);
        } else {
          break;
        }
      }
    }
  }

  bool RelatedShape(size_t i) const {
    const LineFacts& f = facts_[i];
    return Open(i) && f.title_like && f.title_case && !f.prose && !f.sentence_like &&
           f.marker_end == 0;
  }

  // Inside the body: runs of three or more title-cased lines are headline lists; long
  // keyword lists are tag lines.
  void BodyRuns(int first, int last) {
    for (int i = first; i <= last;) {
      int j = i;
      while (j <= last && RelatedShape(j)) ++j;
      if (j - i >= 3) {
        for (int k = i; k < j; ++k) Drop(k, kReasonRelated);
      }
      i = j > i ? j : i + 1;
    }
    for (int i = first; i <= last; ++i)
      if (Open(i) && facts_[i].tag_pieces >= 6 && !facts_[i].sentence_like)
        Drop(i, kReasonTagList);
  }

  // Below the body: headline lists, tag lines and widget labels.
  void Tail(int last) {
    const int n = static_cast<int>(lines_.size());
    for (int i = last + 1; i < n; ++i) {
      if (!Open(i)) continue;
      const LineFacts& f = facts_[i];
      if (f.prose || f.sentence_like) continue;
      if (f.tag_pieces >= 3) {
        Drop(i, kReasonTagList);
        continue;
      }
      if (f.marker_end != 0) {  // list items: keep unless they look like headlines
        if (f.title_like && f.title_case && f.words >= 4) Drop(i, kReasonRelated);
        continue;
      }
      if (f.title_like) {
        const bool run = (i + 1 < n && Open(i + 1) && facts_[i + 1].title_like &&
                          !facts_[i + 1].sentence_like) ||
                         (i > 0 && lines_[i - 1].reason == kReasonRelated);
        const bool listy = lines_[i].hint == LineHint::kListItem ||
                           lines_[i].hint == LineHint::kHeading;
        if (run || f.title_case || listy) Drop(i, kReasonRelated);
        continue;
      }
      if (f.words <= 3) Drop(i, kReasonMenuLabel);
    }
  }

  // Short title-like lines between body paragraphs.
  void Subheadings(int first, int last) {
    for (int i = first; i <= last; ++i) {
      if (!Open(i)) continue;
      const LineFacts& f = facts_[i];
      if (f.prose || f.sentence_like || f.marker_end != 0) continue;
      const bool heading = lines_[i].hint == LineHint::kHeading && f.words <= 20;
      const bool shaped = f.title_case && f.words >= 2 && f.words <= 14 && f.blank_before &&
                          f.blank_after && f.last != ':' && f.last != ',';
      if (heading || shaped) Headline(i, kHeadlineSub);
    }
  }

  const Resources& res_;
  Document& doc_;
  std::string_view text_;
  std::vector<Line>& lines_;
  LineTokens& lt_;
  const bool prefilled_;
  uint32_t wrap_ = 0;  // hard-wrap width in characters, 0 when not hard-wrapped
  std::vector<LineFacts> facts_;
};

}  // namespace

Status ClassifyLines(const Resources& res, Document* doc, LineTokens* tokens) {
  const bool prefilled = !doc->lines.empty();
  if (prefilled) {
    Status s = CheckPrefilled(*doc);
    if (!s.ok()) return s;
    // Trim, and forget lines that are blank.
    size_t k = 0;
    for (Line& l : doc->lines) {
      l.span = TrimSpan(doc->text, l.span.start, l.span.end);
      if (!l.span.empty()) doc->lines[k++] = std::move(l);
    }
    doc->lines.resize(k);
  } else {
    SplitLines(doc->text, &doc->lines);
  }
  Classifier(res, doc, tokens, prefilled).Run();
  return Status::Ok();
}

int HeadlineIndex(const Document& doc) {
  for (size_t i = 0; i < doc.lines.size(); ++i)
    if (doc.lines[i].kind == LineKind::kHeadline && doc.lines[i].reason == kHeadlineMain)
      return static_cast<int>(i);
  return -1;
}

}  // namespace sitrep::text

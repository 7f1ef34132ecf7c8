// HTML extraction in three passes over the gumbo tree, all with explicit stacks (no
// recursion over the page's nesting depth):
//   1. Survey: every element once. Collects <meta>, <link rel=canonical>, <title>,
//      JSON-LD, <time pubdate>, the first <h1>, the <article>/<main> candidates, and the
//      visible text length under each element (for choosing the root and for sparing big
//      containers whose class merely mentions "share" or "nav").
//   2. Root choice (see html.h).
//   3. Emission: a walk of the root that writes lines with their hints.
#include "ingest/html.h"

#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>

#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

// Context flags carried down the tree.
enum : uint32_t {
  kBoiler = 1u << 0,
  kCaption = 1u << 1,
  kHeading = 1u << 2,
  kLink = 1u << 3,
  kList = 1u << 4,
  kPre = 1u << 5,
  kInArticle = 1u << 6,
  kHintMask = kBoiler | kCaption | kHeading | kLink | kList,
};

using Node = GumboNode;

bool IsElement(const Node* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

const GumboVector* Children(const Node* n) {
  if (IsElement(n)) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

GumboTag Tag(const Node* n) { return IsElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const char* Attr(const Node* n, const char* name) {
  if (!IsElement(n)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Trims and collapses white space (ASCII and Unicode) to single spaces; drops NUL.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    size_t w = AsciiSpace(c) || c == '\v' ? 1 : (static_cast<uint8_t>(c) >= 0x80 ? WhitespaceLength(s.substr(i)) : 0);
    if (w > 0) {
      space = true;
      i += w;
      continue;
    }
    ++i;
    if (c == '\0') continue;
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

size_t NonSpaceBytes(const char* s) {
  size_t n = 0;
  for (; *s != '\0'; ++s) n += !AsciiSpace(*s);
  return n;
}

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_DATALIST: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_OPTGROUP:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool IsHidden(const Node* n) {
  if (Attr(n, "hidden") != nullptr) return true;
  if (const char* aria = Attr(n, "aria-hidden"); aria != nullptr && Lower(aria) == "true") return true;
  if (const char* style = Attr(n, "style"); style != nullptr) {
    std::string s;
    for (char c : Lower(style)) {
      if (!AsciiSpace(c)) s += c;
    }
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) return true;
  }
  return false;
}

// Words in class/id attributes that mark page furniture. Compared whole-word, after
// splitting on non-alphanumerics and camelCase ("shareBar" -> share, bar).
constexpr std::string_view kFurnitureWords[] = {
    "nav", "navbar", "navigation", "menu", "menubar", "footer", "share", "sharing", "sharebar",
    "social", "related", "comment", "comments", "cookie", "cookies", "consent", "newsletter",
    "subscribe", "subscription", "signup", "breadcrumb", "breadcrumbs", "tags", "tag", "ad", "ads",
    "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "sponsored", "promo",
    "sidebar", "widget", "popup", "toolbar", "pagination", "pager", "recommended", "trending",
    "outbrain", "taboola", "disqus", "paywall", "skip"};

bool HasFurnitureWord(std::string_view attr) {
  size_t i = 0;
  while (i < attr.size()) {
    while (i < attr.size() && !std::isalnum(static_cast<unsigned char>(attr[i]))) ++i;
    size_t start = i;
    while (i < attr.size() && std::isalnum(static_cast<unsigned char>(attr[i]))) {
      ++i;
      // camelCase boundary: a lowercase letter followed by an uppercase one.
      if (i < attr.size() && std::islower(static_cast<unsigned char>(attr[i - 1])) &&
          std::isupper(static_cast<unsigned char>(attr[i]))) {
        break;
      }
    }
    if (i == start) continue;
    std::string word = Lower(attr.substr(start, i - start));
    for (std::string_view w : kFurnitureWords) {
      if (word == w) return true;
    }
  }
  return false;
}

bool IsFurnitureRole(std::string_view role) {
  std::string r = Lower(role);
  for (std::string_view w : {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}) {
    if (r == w) return true;
  }
  return false;
}

bool ClassOrIdContains(const Node* n, std::string_view needle) {
  for (const char* name : {"class", "id"}) {
    if (const char* v = Attr(n, name); v != nullptr && Lower(v).find(needle) != std::string::npos) return true;
  }
  return false;
}

bool HasRelToken(const char* rel, std::string_view token) {
  std::string r = Lower(rel);
  size_t i = 0;
  while (i < r.size()) {
    while (i < r.size() && AsciiSpace(r[i])) ++i;
    size_t start = i;
    while (i < r.size() && !AsciiSpace(r[i])) ++i;
    if (std::string_view(r).substr(start, i - start) == token) return true;
  }
  return false;
}

// A metadata value and the rank of its source (lower is stronger).
struct Candidate {
  std::string value;
  int rank = INT_MAX;
  void Offer(std::string_view v, int r) {
    if (r >= rank) return;
    std::string c = Collapse(v);
    if (c.empty()) return;
    value = std::move(c);
    rank = r;
  }
};

struct Meta {
  Candidate title, published, outlet, url;
  Candidate description, author, section, modified, keywords, language, type;
};

void OfferMeta(Meta& m, const std::string& key, std::string_view content) {
  static constexpr std::string_view kPublishedStrong[] = {
      "article:published_time", "og:article:published_time", "og:published_time", "article:published",
      "published_time", "og:pubdate"};
  static constexpr std::string_view kPublishedWeak[] = {
      "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
      "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created",
      "sailthru.date", "parsely-pub-date", "article.published", "original-publish-date",
      "release_date", "cxenseparse:recs:publishtime", "article_date_original", "dc.date.created"};
  for (std::string_view k : kPublishedStrong) {
    if (key == k) return m.published.Offer(content, 0);
  }
  if (key == "datepublished") return m.published.Offer(content, 1);
  for (std::string_view k : kPublishedWeak) {
    if (key == k) return m.published.Offer(content, 3);
  }
  if (key == "og:title") return m.title.Offer(content, 0);
  if (key == "twitter:title") return m.title.Offer(content, 1);
  if (key == "og:site_name") return m.outlet.Offer(content, 0);
  if (key == "application-name") return m.outlet.Offer(content, 1);
  if (key == "og:url") return m.url.Offer(content, 1);
  if (key == "description") return m.description.Offer(content, 0);
  if (key == "og:description") return m.description.Offer(content, 1);
  if (key == "twitter:description") return m.description.Offer(content, 2);
  if (key == "author") return m.author.Offer(content, 0);
  if (key == "article:author" || key == "dc.creator") return m.author.Offer(content, 1);
  if (key == "article:section") return m.section.Offer(content, 0);
  if (key == "section") return m.section.Offer(content, 1);
  if (key == "article:modified_time") return m.modified.Offer(content, 0);
  if (key == "og:updated_time" || key == "datemodified") return m.modified.Offer(content, 1);
  if (key == "news_keywords") return m.keywords.Offer(content, 0);
  if (key == "keywords") return m.keywords.Offer(content, 1);
  if (key == "og:locale") return m.language.Offer(content, 1);
  if (key == "og:type") return m.type.Offer(content, 0);
}

// ---- JSON-LD ----

std::string_view StripScriptWrappers(std::string_view s) {
  auto trim = [](std::string_view t) {
    while (!t.empty() && AsciiSpace(t.front())) t.remove_prefix(1);
    while (!t.empty() && AsciiSpace(t.back())) t.remove_suffix(1);
    return t;
  };
  s = trim(s);
  for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"}) {
    if (s.starts_with(open)) s = trim(s.substr(open.size()));
  }
  for (std::string_view close : {"//]]>", "]]>", "-->"}) {
    if (s.ends_with(close)) s = trim(s.substr(0, s.size() - close.size()));
  }
  return s;
}

std::string_view StringField(simdjson::dom::object obj, const char* key) {
  std::string_view v;
  if (obj[key].get(v) == simdjson::SUCCESS) return v;
  return {};
}

// The "name" of an object, or of the first object in an array, or the string itself.
std::string NameOf(simdjson::dom::element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return std::string(s);
  simdjson::dom::object obj;
  if (e.get(obj) == simdjson::SUCCESS) return std::string(StringField(obj, "name"));
  simdjson::dom::array arr;
  if (e.get(arr) == simdjson::SUCCESS) {
    std::string names;
    for (simdjson::dom::element item : arr) {
      std::string n = NameOf(item);
      if (n.empty()) continue;
      if (!names.empty()) names += ", ";
      names += n;
    }
    return names;
  }
  return "";
}

bool IsArticleType(simdjson::dom::element type) {
  auto article = [](std::string_view t) {
    return t.find("Article") != std::string_view::npos || t.find("BlogPosting") != std::string_view::npos ||
           t.find("Report") != std::string_view::npos;
  };
  std::string_view s;
  if (type.get(s) == simdjson::SUCCESS) return article(s);
  simdjson::dom::array arr;
  if (type.get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : arr) {
      if (item.get(s) == simdjson::SUCCESS && article(s)) return true;
    }
  }
  return false;
}

void ConsiderJsonLdObject(simdjson::dom::object obj, Meta& m) {
  simdjson::dom::element type;
  bool article = obj["@type"].get(type) == simdjson::SUCCESS && IsArticleType(type);
  // JSON-LD ranks sit between the strong meta tags (0, 1) and the weak ones (3).
  m.published.Offer(StringField(obj, "datePublished"), article ? 2 : 3);
  m.title.Offer(StringField(obj, "headline"), article ? 3 : 4);
  m.modified.Offer(StringField(obj, "dateModified"), article ? 2 : 3);
  simdjson::dom::element e;
  if (obj["publisher"].get(e) == simdjson::SUCCESS) m.outlet.Offer(NameOf(e), article ? 2 : 3);
  if (obj["author"].get(e) == simdjson::SUCCESS) m.author.Offer(NameOf(e), article ? 2 : 3);
}

void ScanJsonLd(std::string_view script, Meta& m) {
  thread_local simdjson::dom::parser parser;
  std::string_view json = StripScriptWrappers(script);
  if (json.empty()) return;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return;  // broken JSON-LD is common; ignore
  // Objects at the top, in a top-level array, or in an "@graph" array (two levels).
  std::vector<simdjson::dom::element> todo = {root};
  for (size_t i = 0; i < todo.size() && i < 256; ++i) {
    simdjson::dom::element e = todo[i];
    simdjson::dom::array arr;
    if (e.get(arr) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : arr) todo.push_back(item);
      continue;
    }
    simdjson::dom::object obj;
    if (e.get(obj) != simdjson::SUCCESS) continue;
    ConsiderJsonLdObject(obj, m);
    simdjson::dom::element graph;
    if (obj["@graph"].get(graph) == simdjson::SUCCESS) todo.push_back(graph);
  }
}

// ---- Survey ----

struct Survey {
  Meta meta;
  const Node* body = nullptr;
  const Node* first_h1 = nullptr;  // outside nav/aside/footer
  std::vector<const Node*> articles;  // outermost <article>s outside nav/aside/footer
  const Node* main = nullptr;
  std::unordered_map<const Node*, uint32_t> text_len;  // visible non-space bytes under an element
  uint32_t body_len = 0;
};

std::string DirectText(const Node* n) {
  std::string out;
  const GumboVector* kids = Children(n);
  for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
    const auto* c = static_cast<const Node*>(kids->data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
      out += c->v.text.text;
    }
  }
  return out;
}

// Visits every element once; see the file comment.
void SurveyTree(const Node* document, Survey& s) {
  enum : uint8_t { kInvisible = 1, kInFurnitureTag = 2, kInsideArticle = 4 };
  struct Frame {
    const Node* node;
    unsigned next;
    uint32_t len;
    uint8_t ctx;
  };
  std::vector<Frame> stack = {{document, 0, 0, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = Children(top.node);
    if (kids != nullptr && top.next < kids->length) {
      const auto* c = static_cast<const Node*>(kids->data[top.next++]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
        if (!(top.ctx & kInvisible)) top.len += static_cast<uint32_t>(NonSpaceBytes(c->v.text.text));
        continue;
      }
      if (!IsElement(c)) continue;
      uint8_t ctx = top.ctx;
      const GumboTag tag = Tag(c);
      if (IsSkipped(tag) || IsHidden(c)) ctx |= kInvisible;
      switch (tag) {
        case GUMBO_TAG_BODY:
          if (s.body == nullptr) s.body = c;
          break;
        case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
          ctx |= kInFurnitureTag;
          break;
        case GUMBO_TAG_ARTICLE:
          if (!(ctx & (kInsideArticle | kInFurnitureTag | kInvisible))) s.articles.push_back(c);
          ctx |= kInsideArticle;
          break;
        case GUMBO_TAG_MAIN:
          if (s.main == nullptr && !(ctx & kInvisible)) s.main = c;
          break;
        case GUMBO_TAG_H1:
          if (s.first_h1 == nullptr && !(ctx & (kInFurnitureTag | kInvisible))) s.first_h1 = c;
          break;
        case GUMBO_TAG_TITLE:
          if (c->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) s.meta.title.Offer(DirectText(c), 2);
          break;
        case GUMBO_TAG_HTML:
          if (const char* lang = Attr(c, "lang")) s.meta.language.Offer(lang, 0);
          break;
        case GUMBO_TAG_LINK:
          if (const char* rel = Attr(c, "rel"); rel != nullptr && HasRelToken(rel, "canonical")) {
            if (const char* href = Attr(c, "href")) s.meta.url.Offer(href, 0);
          }
          break;
        case GUMBO_TAG_SCRIPT:
          if (const char* type = Attr(c, "type"); type != nullptr && Lower(Collapse(type)) == "application/ld+json") {
            ScanJsonLd(DirectText(c), s.meta);
          }
          break;
        case GUMBO_TAG_TIME:
          if (Attr(c, "pubdate") != nullptr) {
            const char* dt = Attr(c, "datetime");
            s.meta.published.Offer(dt != nullptr ? std::string(dt) : DirectText(c), 4);
          }
          break;
        case GUMBO_TAG_META: {
          const char* content = Attr(c, "content");
          if (content == nullptr) break;
          for (const char* key : {"property", "name", "itemprop"}) {
            if (const char* k = Attr(c, key)) OfferMeta(s.meta, Lower(Collapse(k)), content);
          }
          if (const char* equiv = Attr(c, "http-equiv"); equiv != nullptr && Lower(equiv) == "content-language") {
            s.meta.language.Offer(content, 2);
          }
          break;
        }
        default:
          break;
      }
      if (const char* role = Attr(c, "role"); role != nullptr && s.main == nullptr && Lower(role) == "main") {
        s.main = c;
      }
      if (tag != GUMBO_TAG_META) {
        if (const char* ip = Attr(c, "itemprop"); ip != nullptr && Lower(ip) == "datepublished") {
          const char* v = Attr(c, "content");
          if (v == nullptr) v = Attr(c, "datetime");
          s.meta.published.Offer(v != nullptr ? std::string(v) : DirectText(c), 1);
        }
      }
      stack.push_back({c, 0, 0, ctx});  // `top` is invalid from here on
    } else {
      const Frame done = top;
      stack.pop_back();
      if (IsElement(done.node)) s.text_len[done.node] = done.len;
      if (!stack.empty()) stack.back().len += done.len;
    }
  }
  if (s.body != nullptr) s.body_len = s.text_len[s.body];
}

uint32_t LenOf(const Survey& s, const Node* n) {
  auto it = s.text_len.find(n);
  return it == s.text_len.end() ? 0 : it->second;
}

bool Contains(const Node* ancestor, const Node* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

bool HasH1(const Node* root) {
  std::vector<const Node*> todo = {root};
  while (!todo.empty()) {
    const Node* n = todo.back();
    todo.pop_back();
    if (Tag(n) == GUMBO_TAG_H1) return true;
    const GumboVector* kids = Children(n);
    for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
      const auto* c = static_cast<const Node*>(kids->data[i]);
      if (IsElement(c)) todo.push_back(c);
    }
  }
  return false;
}

// Flags an element adds to those of its parent during emission.
uint32_t ElementFlags(const Node* n, uint32_t parent, const Survey& s) {
  uint32_t f = parent;
  switch (Tag(n)) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_MENU: case GUMBO_TAG_FOOTER:
      f |= kBoiler;
      break;
    case GUMBO_TAG_HEADER:
      // An article's own header (or any header holding the <h1>) carries the headline
      // and byline; a page header is furniture.
      if (!(parent & kInArticle) && !HasH1(n)) f |= kBoiler;
      break;
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: f |= kInArticle; break;
    case GUMBO_TAG_FIGCAPTION: f |= kCaption; break;
    case GUMBO_TAG_LI: f |= kList; break;
    case GUMBO_TAG_A: f |= kLink; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: f |= kPre; break;
    default:
      if (IsHeading(Tag(n))) f |= kHeading;
      break;
  }
  if (const char* role = Attr(n, "role")) {
    if (IsFurnitureRole(role)) f |= kBoiler;
    std::string r = Lower(role);
    if (r == "main" || r == "article") f |= kInArticle;
  }
  const char* cls = Attr(n, "class");
  const char* id = Attr(n, "id");
  if (cls != nullptr || id != nullptr) {
    bool furniture = (cls != nullptr && HasFurnitureWord(cls)) || (id != nullptr && HasFurnitureWord(id));
    // A container holding most of the page's text is not furniture, whatever its name.
    if (furniture && uint64_t{LenOf(s, n)} * 2 <= s.body_len) f |= kBoiler;
    if (ClassOrIdContains(n, "caption") || ClassOrIdContains(n, "credit")) f |= kCaption;
  }
  return f;
}

// Visible text under `root` outside furniture: the measure for choosing the root.
uint32_t CleanLength(const Node* root, const Survey& s) {
  uint32_t total = 0;
  std::vector<std::pair<const Node*, uint32_t>> todo = {{root, 0}};
  while (!todo.empty()) {
    auto [n, parent_flags] = todo.back();
    todo.pop_back();
    if (IsSkipped(Tag(n)) || IsHidden(n)) continue;
    uint32_t f = ElementFlags(n, parent_flags, s);
    if (f & kBoiler) continue;
    const GumboVector* kids = Children(n);
    for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
      const auto* c = static_cast<const Node*>(kids->data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
        total += static_cast<uint32_t>(NonSpaceBytes(c->v.text.text));
      } else if (IsElement(c)) {
        todo.push_back({c, f});
      }
    }
  }
  return total;
}

// ---- Emission ----

LineHint HintOf(uint32_t mask) {
  if (mask & kBoiler) return LineHint::kBoilerplate;
  if (mask & kCaption) return LineHint::kCaption;
  if (mask & kHeading) return LineHint::kHeading;
  if (mask & kLink) return LineHint::kLinkOnly;
  if (mask & kList) return LineHint::kListItem;
  return LineHint::kNone;
}

class LineBuilder {
 public:
  // Appends text seen under elements with `flags`.
  void Text(std::string_view s, uint32_t flags) {
    size_t i = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (AsciiSpace(c) || c == '\v') {
        if (c == '\n' && (flags & kPre)) {
          Break(false);
        } else {
          space_ = true;
        }
        ++i;
        continue;
      }
      if (static_cast<uint8_t>(c) < 0x20 || c == '\x7f') {  // NUL and other controls: dropped
        ++i;
        continue;
      }
      if (static_cast<uint8_t>(c) >= 0x80) {
        size_t w = WhitespaceLength(s.substr(i));
        if (w > 0) {
          space_ = true;
          i += w;
          continue;
        }
      }
      size_t start = i++;
      while (i < s.size() && static_cast<uint8_t>(s[i]) > ' ' && s[i] != '\x7f' &&
             (static_cast<uint8_t>(s[i]) < 0x80 ? true : WhitespaceLength(s.substr(i)) == 0)) {
        ++i;
      }
      if (cur_.empty()) {
        mask_ = flags & kHintMask;
      } else {
        mask_ &= flags;
        if (space_) cur_ += ' ';
      }
      space_ = false;
      cur_.append(s.data() + start, i - start);
    }
  }

  // Ends the current line. `paragraph`: a block boundary (a blank line follows), else a
  // <br>. Two <br> in a row count as a paragraph break, as old pages use them.
  void Break(bool paragraph) {
    space_ = false;
    if (!cur_.empty()) {
      lines_.push_back({std::move(cur_), HintOf(mask_), para_});
      cur_.clear();
      para_ = paragraph;
      return;
    }
    if (!lines_.empty()) para_ = true;
  }

  void Space() { space_ = true; }

  // Writes the lines, NFC-normalised, to `text` and `lines`.
  void Finish(std::string* text, std::vector<Line>* lines) {
    Break(true);
    text->clear();
    lines->clear();
    lines->reserve(lines_.size());
    for (Pending& p : lines_) {
      NormalizeNfc(&p.text).IgnoreError();  // valid UTF-8 by construction
      if (!text->empty()) text->append(p.paragraph_before ? "\n\n" : "\n");
      Line line;
      line.span.start = static_cast<uint32_t>(text->size());
      text->append(p.text);
      line.span.end = static_cast<uint32_t>(text->size());
      line.hint = p.hint;
      lines->push_back(std::move(line));
    }
  }

 private:
  struct Pending {
    std::string text;
    LineHint hint;
    bool paragraph_before;
  };
  std::vector<Pending> lines_;
  std::string cur_;
  uint32_t mask_ = 0;
  bool space_ = false;
  bool para_ = true;
};

// Writes the visible text under `root` (whose own flags are `flags`) to `out`. Records
// the first <time datetime> outside furniture in `meta`.
void Emit(const Node* root, uint32_t flags, const Survey& s, LineBuilder& out, Meta& meta) {
  struct Frame {
    const Node* node;
    unsigned next;
    uint32_t flags;
    bool block;
  };
  std::vector<Frame> stack;
  auto enter = [&](const Node* n, uint32_t parent_flags) {
    const GumboTag tag = Tag(n);
    if (IsSkipped(tag) || IsHidden(n)) return;
    if (tag == GUMBO_TAG_BR) return out.Break(false);
    if (tag == GUMBO_TAG_HR) return out.Break(true);
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.Space();
    uint32_t f = ElementFlags(n, parent_flags, s);
    if (tag == GUMBO_TAG_TIME && !(f & kBoiler)) {
      if (const char* dt = Attr(n, "datetime")) meta.published.Offer(dt, 5);
    }
    bool block = IsBlock(tag);
    if (block) out.Break(true);
    stack.push_back({n, 0, f, block});
  };
  enter(root, flags);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = Children(top.node);
    if (kids != nullptr && top.next < kids->length) {
      const auto* c = static_cast<const Node*>(kids->data[top.next++]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
        std::string_view t = c->v.text.text;
        std::string fixed;  // gumbo emits invalid UTF-8 for an overflowing "&#55555555555;"
        if (!IsValidUtf8(t)) {
          RepairUtf8(t, &fixed);
          t = fixed;
        }
        out.Text(t, top.flags);
      } else if (IsElement(c)) {
        enter(c, top.flags);  // may push: `top` is invalid from here on
      }
    } else {
      if (top.block) out.Break(true);
      stack.pop_back();
    }
  }
}

void AddMetadata(const char* name, const Candidate& c, HtmlPage& page) {
  if (!c.value.empty()) page.metadata.emplace_back(name, JsonQuote(c.value));
}

bool IsVoid(std::string_view name) {
  static constexpr std::string_view kVoid[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
      // Elements whose end tag is implied by a sibling: they never nest deeply.
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
      "colgroup", "rb", "rt", "rp", "rtc"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes";
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

size_t EstimateHtmlDepth(std::string_view html) {
  size_t depth = 0, deepest = 0, i = 0;
  auto read_name = [&](size_t at) {
    size_t end = at;
    while (end < html.size() && end - at < 32 && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '-')) ++end;
    return Lower(html.substr(at, end - at));
  };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (i + 2 < html.size() && html[i + 1] == '/' && IsAsciiAlpha(html[i + 2])) {
      std::string name = read_name(i + 2);
      if (!IsVoid(name) && depth > 0) --depth;
      i += 2;
      continue;
    }
    if (i + 1 >= html.size() || !IsAsciiAlpha(html[i + 1])) {
      ++i;
      continue;
    }
    std::string name = read_name(i + 1);
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    // HTML ignores "/>" on its own elements; only foreign (SVG/MathML) ones self-close.
    bool self_closing = html[gt - 1] == '/' &&
                        gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size())) == GUMBO_TAG_UNKNOWN;
    i = gt + 1;
    if (IsRawText(name)) {  // skip to its end tag
      while ((i = html.find("</", i)) != std::string_view::npos && Lower(html.substr(i + 2, name.size())) != name) {
        i += 2;
      }
      if (i == std::string_view::npos) break;
      i = html.find('>', i);  // past the end tag, which closes nothing we counted
      if (i == std::string_view::npos) break;
      continue;
    }
    if (!self_closing && !IsVoid(name)) deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

std::string JsonQuote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<uint8_t>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

Result<HtmlPage> ExtractHtml(std::string_view html) {
  size_t depth = EstimateHtmlDepth(html);
  if (depth > kMaxHtmlDepth) {
    return Status::BadInput("HTML nests elements about " + std::to_string(depth) + " deep; the limit is " +
                            std::to_string(kMaxHtmlDepth));
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; recording them costs time
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (out == nullptr) return Status::Internal("HTML parser failed");

  Survey s;
  SurveyTree(out->document, s);

  // Choose the content root.
  const Node* root = s.body != nullptr ? s.body : out->root;
  uint32_t page_len = CleanLength(root, s);
  const Node* best = nullptr;
  uint32_t best_len = 0;
  for (const Node* a : s.articles) {
    uint32_t len = CleanLength(a, s);
    if (len > best_len) best = a, best_len = len;
  }
  if (best != nullptr && uint64_t{best_len} * 3 >= page_len) {
    root = best;
  } else if (s.main != nullptr && uint64_t{CleanLength(s.main, s)} * 3 >= page_len) {
    root = s.main;
  }

  HtmlPage page;
  LineBuilder lines;
  uint32_t root_flags = 0;
  if (Tag(root) == GUMBO_TAG_ARTICLE || Tag(root) == GUMBO_TAG_MAIN || root == s.main) root_flags |= kInArticle;
  if (s.first_h1 != nullptr && !Contains(root, s.first_h1) && !HasH1(root)) {
    Emit(s.first_h1, kHeading, s, lines, s.meta);
  }
  Emit(root, root_flags, s, lines, s.meta);
  lines.Finish(&page.text, &page.lines);

  Meta& m = s.meta;
  if (s.first_h1 != nullptr) {
    std::string h1;
    std::vector<const Node*> todo = {s.first_h1};
    while (!todo.empty()) {  // text of the h1, in document order
      const Node* n = todo.back();
      todo.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        h1 += n->v.text.text;
        continue;
      }
      if (IsSkipped(Tag(n))) continue;
      const GumboVector* kids = Children(n);
      for (unsigned i = kids != nullptr ? kids->length : 0; i > 0; --i) {
        todo.push_back(static_cast<const Node*>(kids->data[i - 1]));
      }
    }
    m.title.Offer(h1, 6);
  }
  page.title = std::move(m.title.value);
  page.url = std::move(m.url.value);
  page.published = std::move(m.published.value);
  page.outlet = std::move(m.outlet.value);
  for (std::string* field : {&page.title, &page.outlet}) NormalizeNfc(field).IgnoreError();
  AddMetadata("description", m.description, page);
  AddMetadata("author", m.author, page);
  AddMetadata("section", m.section, page);
  AddMetadata("modified", m.modified, page);
  AddMetadata("keywords", m.keywords, page);
  AddMetadata("language", m.language, page);
  AddMetadata("type", m.type, page);
  return page;
}

}  // namespace sitrep::ingest

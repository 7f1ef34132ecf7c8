// Internal to ingest/. Turning an HTML page into article text with line hints and metadata.
//
// The page is parsed as browsers parse it (gumbo, HTML5). Text comes from the DOM:
//  * Invisible content is skipped: <head>, <script>, <style>, <noscript>, <template>,
//    <svg>, <math>, <iframe>, <object>, <embed>, <canvas>, <video>, <audio>, form
//    controls (<select>, <textarea>, <button>), image alt text, and elements with the
//    `hidden` attribute, aria-hidden="true" or an inline display:none/visibility:hidden.
//  * Block elements (p, div, h1-h6, li, blockquote, figcaption, tr, section, ...) end a
//    line; consecutive blocks are separated by a blank line ("\n\n"), a <br> by a single
//    "\n". White space inside a line (ASCII and Unicode spaces such as U+00A0) collapses
//    to one ' '; lines are trimmed; NUL is dropped. Table cells are separated by ' '.
//  * The content root is the <article> with the most text when it holds at least a third
//    of the page's non-furniture text; else <main> (or role="main") under the same
//    condition; else <body>. Text outside the root is left out, except the first <h1>
//    headline when the root has none, which is emitted first.
//  * Each emitted line gets a LineHint from the elements around ALL of its text, in this
//    order of strength: kBoilerplate (nav, aside, form, menu, header and footer outside an
//    article, role navigation/banner/contentinfo/complementary/search/menu, or a class/id
//    word such as nav, menu, footer, share, social, related, comment, cookie, newsletter,
//    subscribe, breadcrumb, tags, ad - unless that element holds over half the page's
//    text), kCaption (figcaption, class/id containing "caption" or "credit"), kHeading
//    (h1-h6), kLinkOnly (all text inside <a>), kListItem (li), else kNone.
//    Boilerplate lines are kept; the text stage decides.
// Metadata, strongest source first (values trimmed, white space collapsed):
//  * title: og:title, twitter:title, <title>, JSON-LD headline, the first <h1>.
//  * published: article:published_time (or og:/other prefixes), itemprop datePublished,
//    JSON-LD datePublished (Article types before others; arrays and @graph searched),
//    meta name date/pubdate/publishdate/dc.date/dcterms.*/parsely-pub-date/..., then
//    <time pubdate>, then the first <time datetime> in the content root.
//  * outlet: og:site_name, application-name, JSON-LD publisher.name.
//  * url: <link rel=canonical>, og:url.
//  * metadata (name, JSON string): description, author, section, modified, keywords,
//    language, type - each only when the page states it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

// Pages whose tags nest deeper than this (estimated from the markup before parsing) are
// refused: the HTML5 tree builder takes time quadratic in the nesting depth.
inline constexpr size_t kMaxHtmlDepth = 5000;

struct HtmlPage {
  std::string text;         // valid UTF-8, NFC, '\n' line ends; may be empty
  std::vector<Line> lines;  // one per non-blank line of `text`, in order, with hints
  std::string title;
  std::string url;
  std::string published;  // as the page states it
  std::string outlet;
  std::vector<std::pair<std::string, std::string>> metadata;  // (name, JSON value text)
};

// Extracts text, lines and metadata from `html`, which must be valid UTF-8 (callers
// repair or decode first). Fails with BadInput only when the markup nests deeper than
// kMaxHtmlDepth; any other markup, however broken, yields a page (maybe with no text).
Result<HtmlPage> ExtractHtml(std::string_view html);

// An estimate of the deepest element nesting in `html`, from a linear scan of its tags
// (void and self-closing elements and implied end tags ignored). Exposed for tests.
size_t EstimateHtmlDepth(std::string_view html);

// `s` as a JSON string literal, quotes included. `s` must be valid UTF-8.
std::string JsonQuote(std::string_view s);

}  // namespace sitrep::ingest

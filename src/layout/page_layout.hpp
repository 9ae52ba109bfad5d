// The whole release laid out on pages: title block, body, end mark,
// contacts and running footers, as positioned text, rules and link areas in
// PDF coordinates (points, origin at the bottom left). Independent of any
// PDF library: the PDF renderer only draws what this returns, and tests can
// inspect it directly.
//
// Page design (see docs/pdf.md): Letter or A4; agency and office above a
// rule, the release line under it, then title and subtitle; the dateline
// opens the first paragraph; paragraphs justified (Knuth–Plass, hyphenated);
// headings kept with what follows; lists with hanging indents; block quotes
// indented; "###" ends the release; contacts set apart after it; a footer
// with the release number and "Page N of M" on every page. No widow or
// orphan lines: a paragraph split across pages leaves at least two lines on
// each.
#pragma once

#include "fonts/font_set.hpp"
#include "layout/hyphenator.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pressroom::layout {

struct Paper {
    std::string name;
    double width = 612, height = 792;  // points
};

// "letter" (8.5 × 11 in) or "a4" (210 × 297 mm), case-insensitive. Throws
// Error(usage) for anything else.
Paper paper_named(const std::string& name);

// What a piece of the page is to a reader, for tagged PDF: content of a
// structure element, or an artifact (drawn, but not the document's text).
// Pagination artifacts (running footers and their rules) repeat on every
// page; layout artifacts (rules, the "###" end mark, a hyphen added at a
// line break) only serve the typesetting.
enum class Artifact { none, layout, pagination };

struct PlacedText {
    double x = 0, y = 0;  // baseline start
    std::size_t face = 0;
    double size = 11;
    std::string text;     // UTF-8, only characters `face` has, BMP only
    double gray = 0;      // 0 = black
    std::optional<std::string> actual;   // what `text` stands for, when not itself (Fragment::actual)
    bool space_after = false;            // a word space follows (Fragment::space_after)
    int node = -1;                       // the structure element (DocumentLayout::nodes) it is content of
    Artifact artifact = Artifact::none;  // or the artifact it is (then node is -1)
    bool inserted = false;               // a hyphen added at a line break (Fragment::inserted): a layout artifact
};

struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    double gray = 0;
    Artifact artifact = Artifact::layout;  // a rule is never text
};

struct LinkArea {
    double left = 0, bottom = 0, right = 0, top = 0;
    std::string uri;  // absolute URL or mailto:; empty for a link inside the document
    // A link inside the document (uri empty): the page (0-based) and the y
    // of the top of what it shows there.
    std::size_t target_page = 0;
    double target_top = 0;
    int node = -1;            // its Link structure element
    std::string description;  // what it leads to, in words (the annotation's /Contents)
};

// One element of the document's logical structure (tagged PDF's structure
// tree, PDF 32000-1 14.7-14.8), in reading order: standard structure types
// only, so no role map is needed. Elements are listed parents first; the
// PDF writer orders each element's children by where their content first
// appears, which is the reading order of the layout.
struct StructNode {
    std::string type;       // Document, Art, Sect, Div, H1..H6, P, L, LI, Lbl, LBody, BlockQuote, Link, TOC, TOCI, Span
    int parent = -1;        // index in DocumentLayout::nodes; -1 for the root (node 0)
    std::string lang;       // BCP 47, when the element's language differs from its parent's
    std::string numbering;  // an L's ListNumbering: Disc (bullets) or Decimal
};

struct Page {
    std::vector<PlacedText> texts;
    std::vector<Rule> rules;
    std::vector<LinkArea> links;
};

struct OutlineEntry {
    std::string title;
    int level = 0;          // 0 = the release's title, 1 = section, 2 = subsection
    std::size_t page = 0;
    double top = 0;         // y of the entry's top on its page
};

struct DocumentLayout {
    Paper paper;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::map<std::size_t, std::set<char32_t>> used;  // characters drawn per face
    std::vector<StructNode> nodes;                   // the structure; nodes[0] is the root (Document)
    std::string lang;                                // the document's language (BCP 47)
};

struct LayoutOptions {
    std::string paper = "letter";
    // false: no running footers (an anthology numbers its pages itself,
    // with draw_footer, once it knows how many there are).
    bool footers = true;
};

DocumentLayout lay_out(const model::Document& doc, const LayoutOptions& options, const fonts::FontSet& fonts,
                       const Hyphenator* hyphenator, Diagnostics& diagnostics);

class Setter;

// Draws `text` as the running footer of `page`, centred over a thin rule,
// as lay_out does on every page; `setter` records the characters it uses.
// Both are pagination artifacts.
void draw_footer(Page& page, const Paper& paper, const std::string& text, Setter& setter);

struct Fragment;
// A fragment placed at (x, y) as content of structure element `node` (or,
// with node -1, as an `artifact`): its text, actual text and word space.
PlacedText placed(const Fragment& f, double x, double y, double gray, int node, Artifact artifact = Artifact::none);

// The text of the running footer of page `page` (1-based) of `pages`:
// "No. 105-13 · Page 1 of 2" (without the number part when the release has none).
std::string footer_text(const model::Document& doc, std::size_t page, std::size_t pages);

// Inline content as the PDF shows it: a link whose address differs from its
// text is followed by the address in parentheses (print has no hover).
std::string shown_text(const model::Inlines& content);

}  // namespace pressroom::layout

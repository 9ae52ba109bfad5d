// The intermediate every reader produces and every normalization step works
// on: the input as numbered lines, with structure hints where the input
// format has them (HTML and markdown know headings, list items and inline
// markup; plain text knows only lines and indentation).
#pragma once

#include "pressroom/document.hpp"

#include <string>
#include <vector>

namespace pressroom::ingest {

// What the line classifier (classify/) decided a line is.
enum class Label : unsigned char {
    none,    // not classified (removed by a rule, or taken by an earlier pass)
    chrome,  // not the release: navigation, share widgets, captions, footers
    title,   // the release's headline
    header,  // the rest of the release's head: dates, numbers, labels, decks
    body,    // the release's text: paragraphs, headings, list items, quotes
};
const char* label_name(Label l);

enum class LineKind {
    text,     // a line of running text (plain text: a physical line)
    blank,    // an empty line: a paragraph break
    heading,  // a heading (rich readers)
    item,     // a list item (rich readers; the text reader finds bullets itself)
    quote,    // a block quotation line
};

struct Line {
    std::string text;  // white space folded to single spaces, trimmed
    int number = 0;    // 1-based input line
    int indent = 0;    // columns of leading white space in the input
    LineKind kind = LineKind::text;
    int level = 0;         // heading level or list depth
    bool ordered = false;  // list items: numbered
    bool centered = false; // set in the middle of the page (HTML align=center, <center>)
    bool link_only = false;  // all its text is one link's text (HTML)
    // A rich reader's block boundary: this line starts a new block even
    // without a blank line before it (HTML <p>, markdown paragraph).
    bool block_start = false;
    // Inline markup from rich readers; when non-empty its plain text equals `text`.
    model::Inlines inlines;
    // Where a rich reader found the line (HTML), for the classifier.
    int link_chars = 0;           // characters of its text inside links (HTML, markdown)
    bool outside = false;         // outside the page's main content (<article>, <main>)
    bool chrome_context = false;  // inside an element whose class or id names page chrome
    bool content_context = false; // inside one whose class or id names an article's text

    // Set by normalization.
    bool removed = false;  // boilerplate: recorded in Document::removed
    int block = -1;        // index of the body block it went into
    bool used = false;     // taken into metadata (title, date, ...)
    Label label = Label::none;  // the classifier's decision
    float confidence = 0;       // its probability, 0..1
    float title_prob = 0;       // the regression's probability that it is the headline
};

struct Source {
    std::vector<Line> lines;
    std::string format = "text";  // text, html, markdown, json, rss
    // Metadata the format states outright (front matter, JSON fields, HTML
    // <meta>): trusted over what the text heuristics find. Its language is
    // empty unless the input states one (the text's own is guessed then).
    model::Metadata given = [] {
        model::Metadata m;
        m.language.clear();
        return m;
    }();
    // Weaker evidence, used only where the text gives nothing: a page's
    // <title> (with the site's name around it), a site name.
    std::vector<std::string> title_hints;
    std::string agency_hint;
    // Text the profile detection also looks at (a page's URL, its site name).
    std::vector<std::string> detect_hints;
    // Blocks of program code the reader met (markdown fences, HTML <pre>
    // and <code>): releases have none; software documentation has.
    int code_blocks = 0;
    // What the reader itself dropped (navigation, hidden elements, markup
    // residue), in the audit's terms.
    std::vector<model::RemovedSpan> removed;
};

}  // namespace pressroom::ingest

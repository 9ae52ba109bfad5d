// The release document model: plain data, the one thing every stage shares.
//
// Ingest produces a Document, the XML writer and reader round-trip it, and
// every renderer reads only it. Nothing here knows about files, libraries or
// output formats. Strings are UTF-8, NFC, with no control characters other
// than '\n' where a field allows line breaks (see check.hpp).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace pressroom::model {

// Inline content: a flat run of spans. Nesting is not modelled: a link inside
// bold text is a link. Renderers join spans in order; the text of a block is
// the concatenation of its spans' text.
struct Span {
    enum class Kind { text, emphasis, strong, link };
    Kind kind = Kind::text;
    std::string text;
    std::string href;  // for links only: an absolute URL or mailto:

    friend bool operator==(const Span&, const Span&) = default;
};
using Inlines = std::vector<Span>;

// The plain text of inline content.
std::string plain_text(const Inlines& inlines);
// Inline content holding one plain text span (or nothing for empty text).
Inlines text_inlines(std::string text);

struct Paragraph {
    Inlines content;
    int line = 0;  // 1-based line of the input where the block began; 0 = unknown
    friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

struct Heading {
    int level = 1;  // 1 = section, 2 = subsection
    Inlines content;
    int line = 0;
    friend bool operator==(const Heading&, const Heading&) = default;
};

struct ListItem {
    Inlines content;
    int depth = 0;  // 0 = top level; nested items carry their depth
    int line = 0;
    friend bool operator==(const ListItem&, const ListItem&) = default;
};

struct List {
    bool ordered = false;
    std::vector<ListItem> items;
    int line = 0;
    friend bool operator==(const List&, const List&) = default;
};

struct Quote {
    Inlines content;
    int line = 0;
    friend bool operator==(const Quote&, const Quote&) = default;
};

using Block = std::variant<Paragraph, Heading, List, Quote>;

// Source line of a block (0 if unknown).
int block_line(const Block& block);

struct Contact {
    std::vector<std::string> lines;  // as printed: "Media contact", a name, a phone, an e-mail
    friend bool operator==(const Contact&, const Contact&) = default;
};

struct Source {
    std::string name;      // the input's file name (no directories); "-" for standard input
    std::string sha256;    // lowercase hex of the input bytes
    std::string format;    // reader that read it: text, html, markdown, json, rss, xml
    std::string encoding;  // encoding it was decoded from: UTF-8, UTF-16LE, windows-1252 ...
    friend bool operator==(const Source&, const Source&) = default;
};

struct Metadata {
    std::string agency;          // issuing organisation, as the input names it
    std::string office;          // office within it ("Office of Public Affairs")
    std::string kind;            // "News Release", "Press Statement", "Fact Sheet" ...
    std::string release_number;  // "105-13"
    std::string date;            // ISO 8601 YYYY-MM-DD, or empty
    std::string title;
    std::string subtitle;
    std::string dateline;        // place only: "WASHINGTON"
    std::vector<Contact> contacts;
    std::string language = "en";  // BCP 47
    Source source;
    friend bool operator==(const Metadata&, const Metadata&) = default;
};

// One piece of the input that normalization removed, and why.
struct RemovedSpan {
    std::string text;
    std::string rule;  // id of the rule that removed it
    int line = 0;      // 1-based input line where it started
    friend bool operator==(const RemovedSpan&, const RemovedSpan&) = default;
};

struct Document {
    Metadata meta;
    std::vector<Block> body;
    std::vector<RemovedSpan> removed;
    friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace pressroom::model

namespace pressroom::model {
// Collapses white space across span boundaries to single spaces, trims the
// ends of the run and drops spans left empty: the spacing invariant of
// check.hpp, applied.
void normalize_space(Inlines& inlines);
}  // namespace pressroom::model

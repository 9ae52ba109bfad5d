// The EPUB's content document: the release as one XHTML 5 file (polyglot:
// well-formed XML that HTML parsers read the same way), built from the
// model with libxml2's tree API.
//
//   <body>
//     <header id="titlepage" epub:type="titlepage">  agency, office, the
//        release line (kind · No. · dateline, date), h1 title, subtitle
//     <section id="text" epub:type="bodymatter">  the blocks: h2-h4, p,
//        ul/ol (nested by item depth), blockquote; links as <a href>
//     <section id="contacts">  one <address> per contact, lines by <br/>
//
// Every character of the model's text appears once, in model order, and no
// other text is added (tests compare the two). A passage in another script
// than the release's language is a <span> with its lang (and dir="rtl" for
// a right-to-left language): base/script.hpp says which, and why. Hrefs go through safe_href();
// URLs and e-mail addresses in running text become links. Blocks and spans
// without text are skipped, so no non-void element is ever empty.
#pragma once

#include "pressroom/document.hpp"
#include "render/epub/book.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::render::epub {

// One entry of the table of contents: depth 0 is the title, 1 a section
// heading under it, 2 a subsection...
struct TocEntry {
    int depth = 0;
    std::string label;
    std::string target;  // "content.xhtml#s1"
};

// A landmark of the navigation document: an epub:type and where it is.
struct Landmark {
    std::string type;   // "titlepage", "bodymatter"
    std::string label;  // "Title page"
    std::string target;
};

// What a content document holds that its accessibility summary speaks of
// (package.cpp): the summary says only what is true of this document.
struct Features {
    int headings = 0;    // h2-h4 section headings (the title's h1 not counted)
    bool title = false;  // an h1 with the release's title
    bool lists = false, quotes = false, contacts = false, links = false;
    bool passages = false;  // passages in another script, with their lang (and dir)
    Features& operator+=(const Features& o) {
        headings += o.headings;
        title = title || o.title;
        lists = lists || o.lists;
        quotes = quotes || o.quotes;
        contacts = contacts || o.contacts;
        links = links || o.links;
        passages = passages || o.passages;
        return *this;
    }
};

struct ContentDocument {
    std::string xhtml;
    std::vector<TocEntry> toc;             // the title, then every heading, in order
    std::vector<Landmark> landmarks;       // the parts the document has
    Features features;
};

inline constexpr const char* content_file = "content.xhtml";
inline constexpr const char* stylesheet_file = "style.css";
inline constexpr const char* xhtml_namespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* ops_namespace = "http://www.idpf.org/2007/ops";

// `file`: the name the document will have in the package, which the table
// of contents and landmarks point into (an anthology has one per release).
ContentDocument build_content(const model::Document& doc, const Book& book, std::string_view file = content_file);

}  // namespace pressroom::render::epub

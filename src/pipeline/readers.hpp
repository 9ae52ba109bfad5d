// The readers pressroom has, as one table (name, what it reads), and what an
// input is before a reader is chosen.
//
// The command line lists the table in --help, the man page and the shell
// completions, and checks --from against it; the library's
// NormalizeOptions::from is checked against it too (load_document), so a
// name the command line refuses is not read as text by the library.
//
// Before ingest picks a reader from the content, the pipeline refuses the
// inputs that say they are something else, each with its own message
// (issue 14): XML that is not release XML, feed or XHTML (read as HTML it
// became a "release" of its own entity declarations), and RTF (read as text
// it became a release of control words).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace pressroom::pipeline {

struct Reader {
    std::string_view name;         // what --from takes: "html"
    std::string_view description;  // for --help and the man page
};

// Every reader, in the order --help lists them.
std::span<const Reader> readers();
const Reader* find_reader(std::string_view name);
// "text, html, markdown, json, rss, xml"
std::string reader_names(std::string_view separator = ", ");
// Throws Error(usage) for a name that is not "" (detect) or a reader's.
void check_reader(std::string_view name);

// What the bytes are, judged from their start, when no --from was given.
struct InputKind {
    // The reader the content calls for when it is certain (release XML:
    // "xml"; XHTML: "html"; an RSS or Atom document: "rss"); "" leaves the
    // choice to ingest.
    std::string reader;
    // Why the input is refused before any reader runs; "" when it is not.
    std::string refusal;
    int line = 0;  // where the reason is (a DOCTYPE's line), 0 when nowhere in particular
};
InputKind classify_input(std::string_view bytes, const std::string& name);

}  // namespace pressroom::pipeline

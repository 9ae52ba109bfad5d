// The normalization steps, in the order ingest() runs them. Each is a
// function of the shared context; each records what it did (removed spans,
// diagnostics) so the audit and `pressroom inspect` can show it.
#pragma once

#include "ingest/classify/line_model.hpp"
#include "ingest/data/rules.hpp"
#include "ingest/source.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"

#include <vector>

namespace pressroom::ingest {

struct Context {
    Source& src;
    model::Document& doc;
    Diagnostics& diags;
    const RuleBook& book;
    std::vector<const Profile*> profiles;
    // The line classifier's view and decisions (classify_lines), kept for
    // `pressroom inspect`.
    classify::Rows rows;
    std::vector<classify::Decision> decisions;
    // The organisation a byline names ("..., American Forces Press
    // Service"): one of the issuer's signals (resolve_agency).
    std::string byline_org;
};

// How a plain text's lines were made: hard-wrapped at a width (unwrap
// them), or one line per paragraph (every line break is a paragraph break).
struct WrapStyle {
    bool hard_wrapped = false;
    std::size_t width = 0;  // the wrap width, when hard-wrapped
};
WrapStyle analyze_wrap(const std::vector<Line>& lines);

// Does line b (the next line, with no blank line between) go on with the
// paragraph line a is in? The body builder's judgement, which the
// classifier's paragraph features share.
bool continues_paragraph(const Line& a, const Line& b, const WrapStyle& ws);

// Records `text` from line `line` as removed by `rule`.
void record_removal(Context& cx, std::string text, std::string rule, int line);

// Character damage in what a reader produced (mojibake, misdirected quotes,
// glued sentences), before anything else looks at the lines.
void repair_source(Source& src, Diagnostics& diags);

// Labelled fields anywhere in the input ("Press Release Number: 09-434",
// "Release Date: ..."), taken before boilerplate rules can remove them.
void extract_fields(Context& cx);

// Boilerplate rules (rules/*.xml and --rules files) and the built-in
// phenomena: doubled text ("X X"), header lines repeated verbatim.
void remove_boilerplate(Context& cx);

// The line classifier (classify/): every line left gets a label and a
// confidence.
void classify_lines(Context& cx);

// Lines labelled chrome that no pass took are removed; the audit names the
// classifier ("line-classifier").
void remove_chrome(Context& cx);

// Title, date, release number, agency, kind, dateline, contacts.
void extract_metadata(Context& cx);

// Contact blocks ("Media contact: ...", or a name, office and phone number
// at the head of the release) into the metadata.
void extract_contacts(Context& cx);

// A byline ("Story by ..., American Forces Press Service", "From ... Public
// Affairs"): not body text; its organisation is the agency if none is named.
void extract_byline(Context& cx);

// The dateline ("WASHINGTON —") moved from the first paragraph into the metadata.
void extract_dateline(Context& cx);

// Paragraphs, headings, lists and quotes from the remaining lines.
void build_body(Context& cx);

// Scraping damage in the body: lost superscripts, glued words.
void repair_text(Context& cx);

// The issuer, from every signal the document gives (passes/agency.cpp):
// what the input states, a letterhead, the site's name, "About" sections,
// wire lines, signatures, bylines, contacts, the office holder in the lead.
void resolve_agency(Context& cx);

// A transcript's place, above its clock time, as its subtitle.
void transcript_location(Context& cx);

// Is it a release? The refusal's reason (empty: it is one), and the signs
// of a release the document shows, for `-v` and `inspect`.
struct Verdict {
    std::string refusal;
    std::vector<std::string> signs;
};
Verdict decide_release(const Context& cx, bool reader_dropped_markup);

// Link targets the release XML can carry (xs:anyURI): repaired by
// percent-encoding when that is enough, else the link becomes plain text
// (its words kept) with a warning.
void check_links(Context& cx);

}  // namespace pressroom::ingest

// Ingest: any input bytes to a release Document plus diagnostics, or one
// clear refusal. Ingest is total: it never crashes and never throws on
// content, only Error(input) when there is no release to be found.
#pragma once

#include "ingest/data/rules.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::ingest {

struct Options {
    std::string name;       // the input's name as the user gave it (for messages)
    std::string from;       // reader to use: "" (detect), text, html, markdown, json, rss, xml
    std::string profile;    // force an agency profile; "" = detect
    const RuleBook* rules = nullptr;  // nullptr = the built-in rules
};

// Readers, by name. `detect_format` picks one from the content (and the
// name's extension as a tie-breaker).
std::string detect_format(std::string_view bytes, const std::string& name);

// Runs the reader and every normalization step. Throws Error(input) with
// "no release text found" when nothing of a release is left (a note
// diagnostic, code "refused", says why).
model::Document ingest(std::string_view bytes, const Options& options, Diagnostics& diags);

// What ingest did with each line of the input, for `pressroom inspect`.
struct TraceLine {
    int line = 0;       // 1-based input line
    std::string text;   // the line as the reader produced it
    std::string fate;   // "paragraph 3", "title", "removed: share-widget" ...
    // The line classifier's decision, for the lines it labelled.
    std::string label;       // "body", "chrome" ... or "" (not classified)
    float confidence = 0;    // its posterior probability
    std::vector<std::pair<std::string, float>> reasons;  // the features that weighed most
};
struct Trace {
    std::string format, encoding;
    std::vector<std::string> profiles;
    std::vector<TraceLine> lines;
    std::string refusal;  // why the input would be refused, or empty
    std::vector<std::string> signs;  // the signs of a release it shows (a date, a dateline ...)
    model::Document doc;
};
Trace trace(std::string_view bytes, const Options& options, Diagnostics& diags);

// The line classifier's features of every line it would label, as a table
// (tab-separated: input line, the feature values, the text), for training
// (scripts/train-classifier). Runs ingest up to the classifier.
std::string feature_table(std::string_view bytes, const Options& options, Diagnostics& diags);

}  // namespace pressroom::ingest

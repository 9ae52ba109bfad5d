// Ingest: any input bytes to a release Document plus diagnostics, or one
// clear refusal. Ingest is total: it never crashes and never throws on
// content, only Error(input) when there is no release to be found.
#pragma once

#include "base/diagnostic.hpp"
#include "ingest/rules.hpp"
#include "model/document.hpp"

#include <string>
#include <string_view>

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
// "no release text found" when nothing of a release is left.
model::Document ingest(std::string_view bytes, const Options& options, Diagnostics& diags);

}  // namespace pressroom::ingest

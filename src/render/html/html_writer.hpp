// HTML text made safe, in one place: character data, attribute values and
// the JSON data blocks of <script type="application/ld+json">. Everything
// the HTML renderer and a bundle's index write goes through these, the way
// cmark's HTML writer escapes (src/html.c): strings are joined only around
// escaped values.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace pressroom::render::html {

// Character data: '&', '<' and '>' as references.
std::string escape(std::string_view text);
void append_escaped(std::string& out, std::string_view text);
// A double-quoted attribute value: '&', '<', '>' and '"' as references.
std::string escape_attr(std::string_view value);

// JSON for a script data block: '<', '>' and '&' written as \u003c, \u003e
// and \u0026 (inside JSON strings, the only place they can be), so the text
// can hold neither "</script" nor "<!--", whatever the model says. Compact,
// keys in the order given.
std::string script_json(const nlohmann::ordered_json& j);

}  // namespace pressroom::render::html

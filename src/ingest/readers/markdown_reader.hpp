// Markdown exports with optional YAML front matter.
#pragma once

#include "ingest/source.hpp"

#include <string_view>

namespace pressroom::ingest {

// Front matter fields (title, date, published_time, source_url ...) go into
// Source::given and the detection hints; the body becomes lines with
// headings, quotes, list items and inline markup.
Source read_markdown(std::string_view utf8);

// True if the text uses markdown's syntax (front matter, emphasis, links,
// escapes, ATX headings, quotes, fences): a ".md" file without any is plain
// text and is read as such.
bool has_markdown_syntax(std::string_view utf8);

}  // namespace pressroom::ingest

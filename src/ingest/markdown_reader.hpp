// Markdown exports with optional YAML front matter.
#pragma once

#include "ingest/source.hpp"

#include <string_view>

namespace pressroom::ingest {

// Front matter fields (title, date, published_time, source_url ...) go into
// Source::given and the detection hints; the body becomes lines with
// headings, quotes, list items and inline markup.
Source read_markdown(std::string_view utf8);

}  // namespace pressroom::ingest

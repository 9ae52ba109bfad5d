// Readers: decoded text of one input format to Source lines.
#pragma once

#include "ingest/source.hpp"

#include <string_view>

namespace pressroom::ingest {

// Plain text: one Line per physical line, indentation measured (tabs to 8).
Source read_text(std::string_view utf8);

}  // namespace pressroom::ingest

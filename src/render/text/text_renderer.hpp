// The "txt" format: UTF-8 plain text wrapped at Options::width columns.
//
// A title block (agency, office, kind, number, dateline and date, title,
// subtitle), then the body: paragraphs separated by blank lines, headings
// underlined, lists with bullets or numbers and hanging indents, quotes
// indented, contacts at the end. No trailing spaces; one final newline.
// Words wider than the line are set on a line of their own, never split.
#pragma once

#include "render/renderer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::render {

std::string render_text(const model::Document& doc, const Options& options, Diagnostics& diags);

// Greedy word wrap by display width: lines of at most `width` columns
// (except single words longer than that), without trailing spaces.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace pressroom::render

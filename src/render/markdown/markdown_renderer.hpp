// The "md" format: the release as CommonMark with YAML front matter, in the
// form Hugo and Jekyll read (a page of a static site):
//
//   ---
//   title: "Harbor Terminal Opens"
//   date: 2024-03-14
//   agency: "Port of Northbay"
//   ...
//   ---
//
//   Body in CommonMark: ## headings, paragraphs (one line each), lists,
//   > quotes, *emphasis*, **strong**, [links](<url>), contacts at the end.
//
// The title, date and the other fields live in the front matter only (a
// site's theme prints the title), so the body starts with the text. Every
// character that CommonMark could take for markup is escaped, so that
// `cmark` renders exactly the model's text (tests/unit/test_web_formats.cpp).
// Deterministic; no time.
#pragma once

#include "render/renderer.hpp"

namespace pressroom::render {

std::string render_markdown(const model::Document& doc, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

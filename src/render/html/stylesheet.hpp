// The HTML pages' built-in styles: one release page (html_renderer) and a
// bundle's index.html. Plain CSS 2.1 with a few CSS 3 properties that the
// Nu HTML Checker's CSS validator knows, so a page with them embedded stays
// free of warnings; nothing is fetched (system fonts only).
#pragma once

#include <string_view>

namespace pressroom::render::html {

// A release page: a readable column, the title block, contacts, and print
// styles (black on white, link addresses printed after their text, no
// break after a heading).
std::string_view page_stylesheet();

// What the index adds: tables of releases, the filter, the agency list.
std::string_view index_stylesheet();

}  // namespace pressroom::render::html

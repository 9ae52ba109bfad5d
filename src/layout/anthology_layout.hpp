// Many releases as one book: the pages of the bundle's anthology PDF.
//
//   page 1        the title page: the anthology's title and a few lines
//                 under it (how many releases, the dates they span)
//   pages 2..     "Contents": every release's title, its agency and date,
//                 and the page it starts on; each entry links to that page
//   then          every release as lay_out() sets it (the same design as a
//                 single release's PDF), each from a new page
//
// Pages are numbered through the whole book; the running footer of a
// release's pages says its number and the book's page ("No. 105-13 · Page
// 37 of 250"). Bookmarks: "Contents", then each release's title with its
// sections under it.
#pragma once

#include "layout/page_layout.hpp"

#include <string>
#include <vector>

namespace pressroom::layout {

struct Cover {
    std::string title;
    std::vector<std::string> lines;  // under the title, one per line
};

// `releases` in reading order. A release without a title is listed under
// "Untitled release (SOURCE)".
DocumentLayout lay_out_anthology(const Cover& cover, const std::vector<const model::Document*>& releases,
                                 const LayoutOptions& options, const fonts::FontSet& fonts,
                                 const Hyphenator* hyphenator, Diagnostics& diagnostics);

// The label a release has in the contents and the bookmarks.
std::string contents_label(const model::Document& doc);

}  // namespace pressroom::layout

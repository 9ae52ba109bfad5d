// The PDF renderer: the release model typeset on Letter or A4 pages (see
// layout/page_layout.hpp for the design, docs/pdf.md for the whole story).
#pragma once

#include "fonts/font_set.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_layout.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"
#include "render/renderer.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace pressroom::render {

// Renders `doc` as a complete PDF file. Characters no font can show are
// warnings ("glyph-missing") and appear as U+FFFD. Throws Error(data) when
// the fonts cannot be found or loaded, Error(usage) for an unknown paper,
// Error(internal) when libharu fails: no partial file is ever returned.
std::string render_pdf(const model::Document& doc, const Options& options, Diagnostics& diagnostics);

namespace pdf {

// What laying out needs: the fonts (--font-dir or pressroom's) and the
// hyphenation patterns (nullptr, noted in diagnostics, when not installed).
// Throws Error(data) when the fonts cannot be loaded.
struct Typesetting {
    std::shared_ptr<const fonts::FontSet> fonts;
    const layout::Hyphenator* hyphenator = nullptr;
};
Typesetting typesetting(const Options& options, Diagnostics& diagnostics);

// The Info dictionary (and the XMP metadata): empty fields are left out.
struct Info {
    std::string title, author, subject, keywords;
    std::int64_t time = 0;  // CreationDate and ModDate
    // A tagged PDF (PDF/UA-1: structure tree, marked content, artifacts,
    // word spaces, XMP; docs/pdf.md). false draws the same pages without
    // any of it, as pressroom did before: the tests compare the two
    // pages' pixels, and bench/ their times.
    bool tagged = true;
};

// Draws laid-out pages into a PDF: every face subset to the characters it
// draws, links, bookmarks, Info, and (info.tagged) the structure of
// laid.nodes. Throws Error(internal) when libharu fails.
std::string write_pdf(const layout::DocumentLayout& laid, const fonts::FontSet& fonts, const Info& info);

// render_pdf and render_pdf_anthology, tagged or (`tagged` false, for the
// tests' comparison of page images) not.
std::string release_pdf(const model::Document& doc, const Options& options, Diagnostics& diagnostics, bool tagged);

}  // namespace pdf

}  // namespace pressroom::render

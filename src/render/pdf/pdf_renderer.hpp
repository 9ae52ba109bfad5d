// The PDF renderer: the release model typeset on Letter or A4 pages (see
// layout/page_layout.hpp for the design, docs/pdf.md for the whole story).
#pragma once

#include "base/diagnostic.hpp"
#include "model/document.hpp"
#include "render/renderer.hpp"

#include <string>

namespace pressroom::render {

// Renders `doc` as a complete PDF file. Characters no font can show are
// warnings ("glyph-missing") and appear as U+FFFD. Throws Error(data) when
// the fonts cannot be found or loaded, Error(usage) for an unknown paper,
// Error(internal) when libharu fails: no partial file is ever returned.
std::string render_pdf(const model::Document& doc, const Options& options, Diagnostics& diagnostics);

}  // namespace pressroom::render

// The "epub" format: the release as an EPUB 3.2 publication that EPUBCheck
// passes without a message.
//
// Like pandoc's EPUB writer, this module only packages: the content document
// comes from content.cpp, the package files from package.cpp, and the zip
// container from zip_writer.cpp. The container holds, in this order:
//
//   mimetype                  stored, first, no extra field
//   META-INF/container.xml
//   EPUB/content.opf          package document
//   EPUB/nav.xhtml            EPUB 3 navigation (toc, landmarks)
//   EPUB/toc.ncx              NCX for EPUB 2 reading systems
//   EPUB/content.xhtml        the release
//   EPUB/style.css
//   EPUB/fonts/...            with --embed-fonts only
//
// Deterministic: the same model and options give the same bytes. The
// identifier derives from the release's content; the only time in the file
// (dcterms:modified and the zip entry times) is output_time(), so changing
// SOURCE_DATE_EPOCH changes those and nothing else.
#pragma once

#include "render/renderer.hpp"

#include <string>

namespace pressroom::render {

// Throws Error when no valid EPUB can be made (a library failure, or fonts
// asked for with --embed-fonts that cannot be read or subset).
std::string render_epub(const model::Document& doc, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

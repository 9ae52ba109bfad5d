// The "docx" format: a Word document for editors (Office Open XML,
// WordprocessingML), its parts written with libxml2 (part.hpp) into the
// deterministic zip container of base/zip_writer, as the EPUB is.
//
//   [Content_Types].xml, _rels/.rels
//   docProps/core.xml     title, subject (subtitle), creator (agency),
//                         description, language, identifier (release
//                         number), created and modified (output_time():
//                         SOURCE_DATE_EPOCH, else the release date)
//   docProps/app.xml
//   word/document.xml     the title block in its own styles (Title,
//                         Subtitle), the body in Word's built-in styles
//                         (Heading 1-3, Quote, List Paragraph), lists as
//                         Word lists (numbering.xml, one w:num per list so
//                         that each numbered list starts at 1), links as
//                         w:hyperlink with external relationships, the
//                         contacts
//   word/styles.xml, word/numbering.xml, word/settings.xml
//   word/_rels/document.xml.rels
//
// Every entry carries the output time; the same model and options give the
// same bytes. Checked in the tests by pandoc's reader (its text is the
// model's) and by the package's own consistency (content types, every
// relationship's target, every style and list a paragraph names).
#pragma once

#include "render/renderer.hpp"

namespace pressroom::render {

std::string render_docx(const model::Document& doc, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

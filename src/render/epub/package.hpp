// The EPUB's package files, as pandoc's EPUB writer makes them: the
// container file, the package document (content.opf), the EPUB 3
// navigation document (nav.xhtml) and the NCX for EPUB 2 reading systems
// (toc.ncx). Each is built with libxml2's tree API from the Book and the
// content document's table of contents.
#pragma once

#include "render/epub/book.hpp"
#include "render/epub/content.hpp"

#include <string>
#include <vector>

namespace pressroom::render::epub {

// The folder of the package inside the container, and its files' names.
inline constexpr const char* package_dir = "EPUB/";
inline constexpr const char* package_file = "content.opf";
inline constexpr const char* nav_file = "nav.xhtml";
inline constexpr const char* ncx_file = "toc.ncx";

// A file of the package other than the fixed ones (embedded fonts).
struct Resource {
    std::string href;        // relative to the package folder: "fonts/serif-regular.ttf"
    std::string media_type;  // "font/ttf"
};

// META-INF/container.xml, pointing at EPUB/content.opf.
std::string container_xml();

// content.opf: EPUB 3.2 metadata (identifier, title, language, date,
// creator and publisher, source, description, dcterms:modified once,
// schema.org accessibility), the manifest and the spine (the content
// documents in reading order, each with its file stem as manifest id;
// toc.ncx as the spine's toc).
//
// The accessibility metadata is what pressroom's tests check of every EPUB
// it writes (EPUBCheck, DAISY Ace: docs/epub.md): the conformance claim
// (dcterms:conformsTo EPUB Accessibility 1.1 - WCAG 2.1 Level AA, certified
// by pressroom's own check), and a summary made from `features`, the
// content documents' (for an anthology, of `releases` releases, all of
// theirs added up), so that it says nothing the book does not have.
std::string package_document(const Book& book, const std::vector<Resource>& extra, const Features& features,
                             const std::vector<std::string>& spine = {content_file}, std::size_t releases = 0);

// The accessibility summary (schema:accessibilitySummary) of a book with
// `features`; `releases` > 0 for an anthology of that many releases.
std::string accessibility_summary(const Features& features, std::size_t releases = 0);

// nav.xhtml: the table of contents (nested by depth) and the landmarks
// (the table of contents itself, then the content document's).
std::string navigation_document(const Book& book, const ContentDocument& content);

// toc.ncx: the same table of contents as nested navPoints.
std::string ncx_document(const Book& book, const ContentDocument& content);

}  // namespace pressroom::render::epub

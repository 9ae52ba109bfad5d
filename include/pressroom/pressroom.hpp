// pressroom as a library: press releases, as scraped from the web, to a
// normalized document and to XML, plain text, PDF and EPUB.
//
//   #include <pressroom/pressroom.hpp>
//
//   pressroom::Normalized r = pressroom::normalize(bytes, {.name = "page.html"});
//   std::string pdf = pressroom::render_document(r.document, "pdf");
//
// CMake: find_package(pressroom) and link pressroom::pressroom.
//
// The document model (pressroom/document.hpp) is plain data: read it, change
// it, render it. Problems that stop the work on an input are thrown as
// pressroom::Error (pressroom/error.hpp) with the input's name, a line when
// there is one, and a kind that maps to the command line's exit codes;
// problems that do not stop it are returned as Diagnostics
// (pressroom/diagnostic.hpp). Every function is safe to call from several
// threads at once on different inputs.
#pragma once

#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"
#include "pressroom/error.hpp"
#include "pressroom/limits.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// The library's version, "MAJOR.MINOR.PATCH".
const char* version();

struct NormalizeOptions {
    std::string name = "-";          // the input's name: in messages and the document's source
    std::string from;                // reader: "" detects; text, html, markdown, json, rss, xml
    std::string profile;             // agency profile id (see `pressroom rules`); "" detects
    std::vector<std::string> rules;  // extra rules files' contents (schemas/rules.xsd)
    std::size_t max_input_bytes = default_max_input_bytes;  // the command line's --max-input-size default
};

struct Normalized {
    model::Document document;
    std::vector<Diagnostic> diagnostics;
};

// Any bytes to a release: read, normalized, checked. Pressroom's own release
// XML is read back (and validated) instead. Throws Error: kind `input` when
// there is no release in the bytes, `invalid` for bad release XML, `usage`
// for a bad rules file or an unknown profile.
Normalized normalize(std::string_view bytes, const NormalizeOptions& options = {});

// The same for a file (options.name defaults to the path). Throws
// Error(input) when the file cannot be read or is larger than the limit.
Normalized normalize_file(const std::filesystem::path& path, NormalizeOptions options = {});

struct RenderOptions {
    int width = 72;                               // txt: wrap column
    std::string paper = "letter";                 // pdf: letter or a4
    std::filesystem::path font_dir;               // pdf, epub: fonts folder; empty = installed fonts
    bool embed_fonts = false;                     // epub: embed the fonts, subset
    std::optional<std::int64_t> source_date_epoch;  // timestamps in outputs; default: the release date
};

// The output formats, by name: "xml", "txt", "pdf", ...
std::vector<std::string> output_formats();

// The document in `format`, complete, as bytes. Content problems (a
// character no font has) are appended to `diagnostics` when given. Throws
// Error(usage) for an unknown format and Error(data) when the format's data
// (fonts) cannot be found.
std::string render_document(const model::Document& document, std::string_view format, const RenderOptions& options = {},
                            std::vector<Diagnostic>* diagnostics = nullptr);

// Release XML: every schema problem, with its line (empty when valid).
std::vector<Diagnostic> validate_release_xml(std::string_view bytes, const std::string& name = "-");

}  // namespace pressroom

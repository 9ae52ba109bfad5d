// The renderer table: output formats by name. Adding a format means writing
// its render function and adding one row to the table in renderer.cpp.
//
// A renderer is a pure function of the model and the options: it returns
// the complete output as bytes (written atomically by the pipeline) and
// reports content problems as diagnostics. It throws Error only when it
// cannot produce a valid file at all.
#pragma once

#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pressroom::render {

struct Options {
    int width = 72;                      // text: wrap column
    std::string paper = "letter";        // pdf: letter or a4
    std::filesystem::path font_dir;      // pdf/epub: fonts folder; empty = installed fonts
    bool embed_fonts = false;            // epub: embed the PDF's fonts
    // html: the user's stylesheet (--css), after the built-in one. Linked
    // by css_href as given, or, when css_text is set (--embed-css), its
    // contents embedded in the page. The pipeline reads the file; the
    // renderer never touches the file system.
    std::string css_href;
    std::string css_text;
    // Timestamps written into outputs (PDF dates, EPUB modified and zip
    // times): SOURCE_DATE_EPOCH when set, else derived from the release
    // date; never the wall clock.
    std::optional<std::int64_t> source_date_epoch;
};

using RenderFn = std::string (*)(const model::Document&, const Options&, Diagnostics&);

struct Format {
    std::string_view name;         // "txt"
    std::string_view extension;    // ".txt"
    std::string_view description;  // for --help
    RenderFn render;
    // Bytes a terminal cannot show (pdf, epub): the command line refuses to
    // write them to one, as pandoc does.
    bool binary = false;
};

// Every format, in the order --help lists them and "-t all" writes them.
std::span<const Format> formats();
const Format* find_format(std::string_view name);

// The timestamp outputs should carry (seconds since the epoch, UTC):
// options.source_date_epoch, else the release date at 00:00 UTC, else
// 1980-01-01 (the earliest a zip file can store).
std::int64_t output_time(const model::Metadata& meta, const Options& options);
inline std::int64_t output_time(const model::Document& doc, const Options& options) {
    return output_time(doc.meta, options);
}

}  // namespace pressroom::render

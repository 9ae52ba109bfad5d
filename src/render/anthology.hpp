// Anthologies: many releases as one publication, in the formats that bind
// (the bundle's anthology.epub and anthology.pdf). Each format's anthology
// is built from that format's own pieces, in its folder
// (render/epub/anthology.cpp, render/pdf/anthology.cpp); what they share is
// here.
#pragma once

#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"
#include "render/renderer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pressroom::render {

struct Anthology {
    std::string title;
    std::vector<const model::Document*> releases;  // in reading order (sort_by_date)
    // The one time the files carry: SOURCE_DATE_EPOCH when set, else the
    // newest release's date (anthology_time).
    std::int64_t time = 0;
};

// Oldest first; releases without a date last; the same date by title, then
// by source name. Stable: equal releases keep their order.
void sort_by_date(std::vector<const model::Document*>& releases);

// options.source_date_epoch, else the latest output_time() of the releases,
// else 1980-01-01. The bundle's one time is the same, from the metadata its
// report holds.
std::int64_t anthology_time(const std::vector<const model::Metadata*>& releases, const Options& options);
std::int64_t anthology_time(const std::vector<const model::Document*>& releases, const Options& options);

// "87 press releases" and "February 22, 2013 – March 3, 2025" (the dates
// the releases span; empty when none has a date): the lines under the
// anthology's title.
std::string release_count(const Anthology& a);
std::string date_span(const Anthology& a);

// The anthology as EPUB 3 and as PDF. Throw Error as the single-release
// renderers do.
std::string render_epub_anthology(const Anthology& a, const Options& options, Diagnostics& diags);
std::string render_pdf_anthology(const Anthology& a, const Options& options, Diagnostics& diags);
// The same without tagging (the tests compare the two's page images).
std::string render_pdf_anthology_untagged(const Anthology& a, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

// What makes a bundle publishable as it is: a website's front page, a feed
// and a summary of the run, built from the bundle's report and its release
// XML only (as the anthologies are), so that a merged bundle gets the same
// bytes as one run.
//
//   index.html   every release by date (newest first) and by agency: title,
//                date, number, links to its HTML, PDF, EPUB and DOCX; a
//                client-side filter over a JSON index embedded in the page
//                (works from file://, nothing fetched; without script the
//                lists are all there); built-in styles; accessible
//   feed.xml     Atom (RFC 4287): an entry per release, newest first, whose
//                id is stable across runs (entry_id)
//   summary.md   the run in a few lines and tables (converted, refused,
//                failed, with reasons), for a CI job's summary page
#pragma once

#include "pipeline/report.hpp"
#include "pressroom/document.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pressroom::pipeline {

// One release of the bundle: its report entry and its document, read back
// from its release XML.
struct SiteRelease {
    const InputRecord* record;
    const model::Document* doc;
};

struct Site {
    std::string title;  // the bundle's (--title)
    std::int64_t time;  // the bundle's one time
    std::vector<SiteRelease> releases;
    const Report* report;
};

std::string site_index(const Site& site);
std::string site_feed(const Site& site);
std::string site_summary(const Report& report, const std::string& title);

// An Atom entry's id: "urn:uuid:" + a version-5 UUID of the agency and the
// release number when the release has a number (so a release scraped again
// under another file name, or converted by a later pressroom, keeps its
// id), else of its input's path in the bundle. Never of the content, which
// a better normalizer changes.
std::string entry_id(const model::Metadata& meta, const std::string& input);

}  // namespace pressroom::pipeline

// Publication bundles: `pressroom bundle`. One zip holding every release in
// every format, a manifest, the batch report and two anthologies.
//
//   manifest.json         every file: path, size, SHA-256; every release's
//                         metadata with its files (see below)
//   report.json           the batch report (report.hpp), as published: each
//                         input "converted" or "failed"
//   anthology.epub        every release a chapter, oldest first, with a
//                         table of contents; EPUBCheck-clean
//   anthology.pdf         title page, contents with page numbers, bookmarks,
//                         every release
//   index.html            the releases by date and by agency, linked, with a
//                         filter (site.hpp); feed.xml (Atom); summary.md
//   releases/sub/a.xml    each release in every format, mirroring the input
//   releases/sub/a.txt    folders (paths as in the report, under releases/)
//   releases/sub/a.pdf
//   releases/sub/a.epub
//
// Reproducible: the same inputs and options give the same bytes on any
// machine. Entries in that fixed order (releases sorted by path); every
// entry's time is the bundle's time (SOURCE_DATE_EPOCH, else the newest
// release's date) as a DOS time in UTC; no extra fields, no comments, fixed
// permissions; inside, paths are relative to the folders walked and nothing
// depends on the clock, the locale or the number of threads.
//
// Sharding: a run with --shard K/N writes a shard bundle: the same layout
// for its inputs only, no anthologies, and "shard": "K/N" in its manifest.
// merge_bundles() takes the N shard bundles and builds the bundle the
// unsharded run would have built, byte for byte: both go through
// assemble(), from the same report entries and output bytes, and the
// anthologies are always built from the release XML in the bundle.
#pragma once

#include "pipeline/batch.hpp"
#include "render/renderer.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace pressroom::pipeline {

struct BundleOptions {
    std::string title = "Press releases";  // the anthologies' title
    render::Options render;                // for the anthologies: paper, fonts, SOURCE_DATE_EPOCH
    FailOn fail_on = FailOn::refused;      // which failed inputs make the exit status 1 (--fail-on)
};

// What goes into a bundle, however it was made.
struct BundleContent {
    Report report;  // sorted; outputs relative to releases/
    std::map<std::string, std::string> files;  // output path -> bytes, for every output in the report
    Shard shard;    // all() for a whole bundle
    std::string options;  // options_fingerprint() of the conversion (shard bundles record it)
};

struct BundleResult {
    std::size_t inputs = 0, converted = 0, failed = 0;
    std::size_t entries = 0;   // files in the zip
    std::uint64_t size = 0;    // bytes of the zip
    std::string sha256;        // of the zip
    int exit_code = 0;         // 0, or 1 when an input failed (as BundleOptions::fail_on counts failures)
    Report report;             // the report the bundle holds (for --junit)
};

// The zip's bytes. Throws Error(invalid) when `content` does not hold a file
// the report lists, or holds it with other bytes.
std::string assemble(const BundleContent& content, const BundleOptions& options, Diagnostics& diags);

// Converts the folders with `batch` (every format) into `work_dir` (reusing
// what an earlier run there converted), then writes the bundle (or, with
// batch.shard, the shard bundle) to `output` atomically. An interrupted
// batch writes nothing: result.batch.stopped_by says so.
struct BundleRun {
    BatchResult batch;
    BundleResult bundle;
};
BundleRun make_bundle(const BatchOptions& batch, const std::filesystem::path& work_dir,
                      const std::filesystem::path& output, const BundleOptions& options, BatchObserver& observer,
                      Diagnostics& diags);

// Joins shard bundles (all N shards of one run, in any order) into the
// whole bundle, written atomically to `output`. Throws Error(usage) when a
// shard is missing or repeated, or the shards come from different runs
// (pressroom, options, folders); Error(invalid) when a shard bundle is not one.
BundleResult merge_bundles(const std::vector<std::string>& shard_files, const std::filesystem::path& output,
                           const BundleOptions& options, Diagnostics& diags);

}  // namespace pressroom::pipeline

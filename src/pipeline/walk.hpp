// Walking the folders a batch converts: every file under the roots, in a
// fixed order, streamed to the caller one at a time (a folder of a million
// files is never listed in memory at once).
//
// The order is deterministic: each folder's entries sorted by name (bytes),
// files and subfolders interleaved, depth first. Symbolic links are
// followed; a link back into a folder being walked (a loop) or to a folder
// already walked is reported and not entered again. Problems are reported as
// diagnostics and never stop the walk:
//   walk-unreadable   error    a folder or entry that cannot be read
//   walk-missing      error    a root that does not exist
//   walk-loop         warning  a link to a folder the walk is inside
//   walk-broken-link  warning  a link to nothing
//   walk-special      warning  a device, socket or pipe
//   walk-seen         note     a folder reached a second time by another link
//   walk-hidden       note     a hidden entry (name starting with '.'), skipped
//   walk-output       note     the output folder (or bundle), inside a root, skipped
//                              (printed with -v; not in the report)
// Diagnostics name entries by their path relative to the root, as reports do.
#pragma once

#include "pressroom/diagnostic.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::pipeline {

struct WalkOptions {
    // fnmatch(3) globs. A glob with a '/' is matched against the whole
    // relative path ('*' then crosses folders); one without against the
    // entry's name. --include applies to files only (empty: every file);
    // --exclude to files and folders (an excluded folder is not entered).
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    // Folders never entered and files never taken: the run's own outputs
    // (the batch's output folder, the bundle being written).
    std::vector<std::filesystem::path> skip;
};

struct WalkItem {
    std::filesystem::path path;  // openable: the root as given, joined with rel
    std::string rel;             // relative to the root, '/'-separated; a file root: its name
};

struct WalkCounts {
    std::size_t files = 0;     // handed to the visitor
    std::size_t excluded = 0;  // left out by --include/--exclude
    std::size_t hidden = 0;    // hidden entries skipped
};

// True when `rel` (a file's relative path) passes the include and exclude globs.
bool selected(const WalkOptions& options, std::string_view rel, bool is_folder);

// Walks each root (a folder, or a single file) and calls visit for every
// file selected, and `problem` for every diagnostic, as they come; visit
// returns false to stop the walk early (interruption). Returns false when
// stopped that way. Never throws for anything it finds on the disk.
bool walk(const std::vector<std::string>& roots, const WalkOptions& options,
          const std::function<bool(const WalkItem&)>& visit, const std::function<void(Diagnostic)>& problem,
          WalkCounts& counts);

}  // namespace pressroom::pipeline

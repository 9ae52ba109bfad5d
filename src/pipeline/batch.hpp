// Converting folders: `pressroom batch` (and the first half of a bundle).
//
// One thread walks the roots (walk.hpp) and feeds a short queue; N worker
// threads take inputs from it and run convert_file on each, so memory holds
// one document per worker however many files there are. The output tree
// mirrors the input tree: ROOT/sub/a.txt gives OUT/sub/a.xml, OUT/sub/a.txt...
//
// Each input is independent: one that fails is recorded and the others
// still convert. Inputs already converted by an earlier run with the same
// pressroom and options are skipped (stamp.hpp) unless `force`. Outputs are
// written atomically by convert_file, so stopping a batch at any moment
// leaves complete outputs or none; temporaries of a killed run are swept
// at the start of the next.
//
// What may be shared between the workers, and why it is safe: libxml2 is
// initialised once (xml::init); the compiled regular expressions and the
// RuleBook are immutable after their thread-safe static initialisation, and
// each match uses its own match data; the font sets are cached under a
// mutex and immutable, HarfBuzz faces are read-only; libhyphen calls are
// serialised by the Hyphenator; libharu and libzip objects belong to one
// render call. ThreadSanitizer runs of the corpus batch are clean (see
// docs/batch.md).
#pragma once

#include "pipeline/convert.hpp"
#include "pipeline/report.hpp"
#include "pipeline/shard.hpp"
#include "pipeline/walk.hpp"
#include "pressroom/diagnostic.hpp"

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace pressroom::pipeline {

struct BatchOptions {
    std::vector<std::string> roots;       // folders (or files) as the user named them
    std::filesystem::path out_dir;        // created if missing
    ConvertOptions convert;               // formats, reader, render options; out_dir and name are set per input
    WalkOptions walk;
    Shard shard;
    unsigned jobs = 0;                    // worker threads; 0 = one per core
    bool force = false;                   // convert even inputs that are up to date
    // Remove the outputs and stamps of inputs that no longer exist (see
    // prune_outputs), after a complete walk without problems.
    bool prune = false;
    std::string fingerprint_extra;        // see options_fingerprint()
    // When it becomes non-zero (a signal number), no new input is started;
    // inputs in progress finish and the batch returns with stopped_by set.
    const std::atomic<int>* stop = nullptr;
};

// What the batch tells its caller as it goes. Calls come from the batch's
// threads, one at a time (the batch serialises them).
class BatchObserver {
public:
    virtual ~BatchObserver() = default;
    virtual void found(std::size_t /*files_so_far*/) {}
    // The inputs of this shard, counted by a second walk that runs ahead
    // of the one feeding the workers (which stays a few files ahead of
    // them): the total, for a time left, long before walk_done.
    virtual void counted(std::size_t /*files_in_this_shard*/) {}
    virtual void walk_done(std::size_t /*files_in_this_shard*/) {}
    virtual void walk_problem(const Diagnostic&) {}
    // An input is done; `path` is the input as the user can open it.
    virtual void finished(const InputRecord&, const std::filesystem::path& /*path*/) {}
};

struct BatchResult {
    Report report;
    WalkCounts counts;
    std::size_t other_shards = 0;  // inputs left to the other shards
    std::size_t swept = 0;         // temporaries of killed runs removed
    int stopped_by = 0;            // the signal that stopped the batch, 0 when it ran to the end
    bool prune_skipped = false;    // --prune was asked for, but the walk reported a problem
    // 0 when every input converted, 1 when one failed (as `fail_on` counts
    // failures) or a folder could not be read, 3 when an output could not be
    // written, 128+signal when stopped.
    int exit_code(FailOn fail_on = FailOn::refused) const;
};

// Throws Error(output) when the output folder cannot be created; anything
// that goes wrong with one input is in its record.
BatchResult run_batch(const BatchOptions& options, BatchObserver& observer);

// Removes what earlier runs into `out_dir` made from inputs that no longer
// exist under any of `roots`: the outputs their stamps list, the stamps, and
// the folders that leaves empty. An input that still exists (excluded now,
// or in another shard) keeps its outputs. Returns what was removed.
std::vector<Pruned> prune_outputs(const std::filesystem::path& out_dir, const std::vector<std::string>& roots);

// Removes, under `dir`, the temporaries write_atomic leaves when its process
// is killed (".NAME.pressroom-tmp-PID-N" of a process no longer running).
// Returns how many it removed.
std::size_t sweep_temporaries(const std::filesystem::path& dir);

}  // namespace pressroom::pipeline

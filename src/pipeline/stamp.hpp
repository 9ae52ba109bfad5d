// Stamps: what lets a batch skip the inputs it already converted.
//
// After an input's outputs are all in place, the batch writes a small JSON
// stamp for it, atomically, to OUTDIR/.pressroom/stamps/REL.json (REL: the
// input's path relative to the folder walked):
//
//   {"stamp": 1, "pressroom": "0.1.0 (commit ...)", "options": "<sha256>",
//    "input": {"size": 4242, "mtime_ns": 1700000000123456789},
//    "record": { the input's entry of the batch report }}
//
// An input is up to date when its stamp was made by this very pressroom
// (version and commit) with the same options (the SHA-256 of every option
// that can change an output's bytes), the input still has the size and
// modification time the stamp recorded, and every output the stamp lists
// exists with its recorded size and is not older than the input.
//
// Why a file per input, in one hidden folder: workers never share a stamp,
// so no lock and no rewriting of a big manifest; a stamp is written after
// the outputs, so a run killed at any moment leaves either a stamp whose
// outputs are complete or no stamp (the input is converted again); the
// output tree itself stays free of pressroom's bookkeeping, and deleting
// OUTDIR/.pressroom forgets it all. Extended attributes were the other
// candidate: they vanish in copies, archives and CI caches, and some file
// systems lack them.
//
// Failures of the input itself (no release text, invalid XML) are stamped
// too: converting the same bytes again would fail the same way, so a second
// run reports them again without redoing them. Failures to write are not.
#pragma once

#include "pipeline/convert.hpp"
#include "pipeline/report.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pressroom::pipeline {

// The hidden folder of a batch's own files inside its output folder.
inline constexpr const char* state_dir = ".pressroom";

struct InputState {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

struct Stamp {
    std::string pressroom;  // version and commit
    std::string options;    // options_fingerprint()
    InputState input;
    InputRecord record;
};

// The version a stamp must match: PRESSROOM_VERSION and the git commit.
std::string stamp_version();

// The SHA-256 of everything in `options` that can change an output's bytes
// (formats, reader, profile, width, paper, fonts, SOURCE_DATE_EPOCH, size
// limit, metadata set by hand), plus `extra` for what the options only point to (the contents of
// --rules files).
std::string options_fingerprint(const ConvertOptions& options, std::string_view extra);

std::filesystem::path stamp_path(const std::filesystem::path& out_dir, std::string_view rel);

// The stamp of `rel`, or nullopt when there is none or it cannot be read or
// parsed (an unreadable stamp only means the input is converted again).
std::optional<Stamp> read_stamp(const std::filesystem::path& out_dir, std::string_view rel);

// Writes the stamp atomically, creating its folder. Throws Error(output).
void write_stamp(const std::filesystem::path& out_dir, const Stamp& stamp);

// Deletes the stamp of `rel`, if any.
void remove_stamp(const std::filesystem::path& out_dir, std::string_view rel);

// True when `stamp` still describes the input and its outputs (see above).
bool up_to_date(const Stamp& stamp, const InputState& now, std::string_view version, std::string_view options,
                const std::filesystem::path& out_dir);

// Size and modification time of a file; nullopt when it cannot be stat'ed.
std::optional<InputState> input_state(const std::filesystem::path& path);

}  // namespace pressroom::pipeline

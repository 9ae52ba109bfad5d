// Converting one input: load it into the model, render every requested
// format in memory, then write each output atomically. An input either gets
// all its outputs or none (the pipeline renders everything before writing).
#pragma once

#include "base/files.hpp"
#include "ingest/ingest.hpp"
#include "pipeline/metadata.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"
#include "render/renderer.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::pipeline {

// A generous budget: a release takes milliseconds, a 16 MiB text dump about
// 15 s to every format on one core. It exists so an unattended run always
// ends, whatever it is fed.
inline constexpr std::chrono::milliseconds default_time_limit{60'000};

struct ConvertOptions {
    std::vector<const render::Format*> formats;  // empty = xml and txt
    std::filesystem::path out_dir = ".";
    // When set, the single format is written to this file instead of
    // out_dir/NAME.EXT (convert -o FILE.pdf).
    std::filesystem::path out_file;
    bool to_stdout = false;  // the single format goes to standard output
    // Fields set by the user (-M, --metadata-file), applied in order over
    // what the input gave.
    std::vector<MetadataValue> metadata;
    ingest::Options ingest;
    render::Options render;
    std::size_t max_input_bytes = default_max_input_bytes;
    // Per-input time budget for loading and rendering (deadline.hpp);
    // zero: none.
    std::chrono::milliseconds time_limit = default_time_limit;
    // How the input is named in diagnostics and errors; empty = its path.
    // Batch runs name inputs by their path inside the folder walked, so
    // reports and bundles hold no path of the machine that made them.
    std::string name;
};

struct Output {
    std::string format;
    std::filesystem::path path;  // empty when written to standard output
    std::string bytes;           // kept until written; cleared after
    std::size_t size = 0;
    std::string sha256;
};

struct FileResult {
    std::string input;
    bool ok = false;
    std::string error;                  // "FILE: message" when !ok
    int exit_code = 0;                  // from the Error's kind when !ok
    // !ok because the input holds no release (empty, binary, only
    // boilerplate, XML of another kind...), not because it could not be
    // read or converted: batch --fail-on tells the two apart.
    bool refused = false;
    std::vector<Diagnostic> diagnostics;
    std::vector<Output> outputs;
    model::Metadata meta;
};

// Release XML of pressroom's own goes through the validating XML reader;
// everything else through ingest, unless classify_input (readers.hpp)
// refuses it first. Throws Error(usage) for an unknown options.from, and
// Error for input that holds no release or fails validation; a refusal is
// preceded by a note diagnostic with the code "refused", saying why.
model::Document load_document(std::string_view bytes, const ingest::Options& options, Diagnostics& diags);

// Checks what the options name, before any input is read: the reader
// (readers.hpp) and the agency profile, against the rules the options use.
// Throws Error(usage) with the known names. The command line calls it once
// per run, the library once per normalize(); ingest, given a name it does
// not know, would fail every input with it instead.
void check_ingest_options(const ingest::Options& options);

// Any text (an input's file name, a release number, a title) as one safe
// file name component: '/', '\\', NUL and other control characters and
// invalid UTF-8 become '_', leading dots go (no "..", no hidden files), at
// most 200 bytes cut at a character boundary (room for an extension and
// write_atomic's temporary name within NAME_MAX), never empty ("release").
// A name made from it and joined to a folder never leaves that folder.
std::string safe_file_stem(std::string_view text);

// The output base name for an input: its file name without the extension,
// made safe by safe_file_stem ("stdin" for "-").
std::string output_stem(const std::string& input);

// Converts one input. Problems with the input are reported in the result,
// never thrown. Failing to write an output is reported the same way.
FileResult convert_file(const std::string& input, const ConvertOptions& options);

// The formats an options object asks for (the defaults when none given).
std::vector<const render::Format*> requested_formats(const ConvertOptions& options);

}  // namespace pressroom::pipeline

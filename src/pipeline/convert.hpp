// Converting one input: load it into the model, render every requested
// format in memory, then write each output atomically. An input either gets
// all its outputs or none (the pipeline renders everything before writing).
#pragma once

#include "base/diagnostic.hpp"
#include "base/files.hpp"
#include "ingest/ingest.hpp"
#include "model/document.hpp"
#include "render/renderer.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::pipeline {

struct ConvertOptions {
    std::vector<const render::Format*> formats;  // empty = xml and txt
    std::filesystem::path out_dir = ".";
    bool to_stdout = false;  // the single format goes to standard output
    ingest::Options ingest;
    render::Options render;
    std::size_t max_input_bytes = default_max_input_bytes;
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
    std::vector<Diagnostic> diagnostics;
    std::vector<Output> outputs;
    model::Metadata meta;
};

// Release XML of pressroom's own goes through the validating XML reader;
// everything else through ingest. Throws Error for input that holds no
// release or fails validation.
model::Document load_document(std::string_view bytes, const ingest::Options& options, Diagnostics& diags);

// The output base name for an input: its file name without the extension,
// made safe ("stdin" for "-"; never empty, never with '/' or a leading dot).
std::string output_stem(const std::string& input);

// Converts one input. Problems with the input are reported in the result,
// never thrown. Failing to write an output is reported the same way.
FileResult convert_file(const std::string& input, const ConvertOptions& options);

// The formats an options object asks for (the defaults when none given).
std::vector<const render::Format*> requested_formats(const ConvertOptions& options);

}  // namespace pressroom::pipeline

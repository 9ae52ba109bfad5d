// The batch report: what happened to every input of a batch, as plain data
// and as JSON (--report FILE, report.json in a bundle, and the stamps of
// incremental runs).
//
// Deterministic: inputs sorted by their relative path (bytes), no clock
// time, no path of the machine (inputs are named relative to the folder
// walked, outputs relative to the output folder), numbers in the C locale.
// The same inputs and options give the same report bytes.
//
//   {
//     "report": "pressroom-batch/1",
//     "pressroom": "0.1.0",
//     "formats": ["xml", "txt"],
//     "complete": true,                 false: interrupted, some inputs missing
//     "inputs": [
//       {"input": "sub/a.txt", "status": "converted",   converted | up-to-date | failed
//        "error": "...",                               failed only
//        "refused": true,                              failed only: the input holds no release (not an error of it)
//        "unchanged": true,                            failed only: the same failure as the last run, not retried
//        "metadata": {...},                            converted / up-to-date only
//        "outputs": [{"format": "xml", "path": "sub/a.xml", "size": 1234, "sha256": "..."}],
//        "diagnostics": [{"severity": "warning", "code": "...", "message": "...", "file": "sub/a.txt", "line": 3}]}
//     ],
//     "walk": [ diagnostics of the folder walk: loops, unreadable folders... ],
//     "pruned": [{"input": "old.txt", "outputs": ["old.xml", "old.txt"]}],  batch --prune only, when any
//     "totals": {"inputs": 2, "converted": 1, "up_to_date": 0, "failed": 1, "refused": 0,
//                "outputs": 2, "output_bytes": 5678}
//   }
#pragma once

#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace pressroom::pipeline {

using Json = nlohmann::ordered_json;

enum class Status { converted, up_to_date, failed };

const char* status_name(Status s);

// Which failed inputs make a batch's exit status 1 (--fail-on). Refusals
// are inputs that hold no release (an index page, an empty file): the
// normalizer doing its job, which a CI job over a scraped corpus may accept.
enum class FailOn {
    refused,  // any input that did not convert (the default)
    failed,   // only inputs that could not be read or converted; refusals do not count
    none,     // no input; outputs that cannot be written and internal errors still count
};
// "refused", "failed", "none"; throws Error(usage) for another word.
FailOn parse_fail_on(const std::string& word);

struct OutputRecord {
    std::string format;  // "xml"
    std::string path;    // relative to the output folder: "sub/a.xml"
    std::uint64_t size = 0;
    std::string sha256;
    friend bool operator==(const OutputRecord&, const OutputRecord&) = default;
};

struct InputRecord {
    std::string input;  // relative to the folder walked: "sub/a.txt"
    Status status = Status::failed;
    std::string error;       // failed: "sub/a.txt: no release text found"
    bool refused = false;    // failed: because the input holds no release (convert.hpp's FileResult::refused)
    int exit_code = 0;       // failed: the exit status the failure calls for (1, or 3 when an output could not be written)
    bool unchanged = false;  // failed: the input failed the same way last run and has not changed since
    model::Metadata meta;    // not failed
    std::vector<OutputRecord> outputs;
    std::vector<Diagnostic> diagnostics;
};

struct Totals {
    std::size_t inputs = 0, converted = 0, up_to_date = 0, failed = 0, outputs = 0;
    std::size_t refused = 0;  // of the failed
    std::uint64_t output_bytes = 0;
};

// Outputs of an input that no longer exists, removed by batch --prune.
struct Pruned {
    std::string input;                 // relative to the folder walked
    std::vector<std::string> outputs;  // relative to the output folder
};

struct Report {
    std::string pressroom;             // version that made it
    std::vector<std::string> formats;  // formats asked for
    bool complete = true;
    std::vector<InputRecord> inputs;   // sorted by input
    std::vector<Diagnostic> walk;
    std::vector<Pruned> pruned;  // sorted by input
    Totals totals() const;
    // The exit status the inputs and the walk call for: 0, 1 (an input
    // failed as `fail_on` counts it, or a folder could not be read), 3 (an
    // output could not be written), 4 (internal error).
    int exit_status(FailOn fail_on) const;
    // Sorts the inputs by relative path (bytes): the report's fixed order.
    void sort();
};

Json to_json(const Diagnostic& d);
Json to_json(const model::Metadata& m);
Json to_json(const InputRecord& r);
Json to_json(const Report& r);

// The inverse of to_json, for reports and stamps pressroom wrote. Throws
// Error(invalid, name) when the JSON is not one.
Diagnostic diagnostic_from_json(const Json& j, const std::string& name);
model::Metadata metadata_from_json(const Json& j, const std::string& name);
InputRecord input_record_from_json(const Json& j, const std::string& name);
Report report_from_json(const Json& j, const std::string& name);

// JSON text as pressroom writes it: two-space indent, UTF-8 as is (bytes
// that are not UTF-8 replaced by U+FFFD), a final newline.
std::string dump(const Json& j);
// Parses JSON text; throws Error(invalid, name) when it is not.
Json parse_json(std::string_view text, const std::string& name);

// nlohmann-json's version, "3.11.2" (for --version).
std::string json_library_version();

}  // namespace pressroom::pipeline

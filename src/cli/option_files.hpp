// Files that hold options, as pandoc's --defaults and --metadata-file do:
// a CI job keeps its options in the repository instead of in a long command
// line. Both are YAML (yaml-cpp; JSON, being YAML, is read too).
//
//   # pressroom.yaml, for: pressroom batch --defaults pressroom.yaml
//   inputs: [releases/]
//   output: out/
//   to: [xml, pdf]
//   jobs: 4
//   fail-on: failed
//   metadata:
//     agency: Northbay Harbor Authority
//
// Keys are the command's long option names; a switch takes true or false;
// a repeatable option takes a list; `inputs` lists the inputs; `metadata`
// maps fields to values (-M). Errors name the file and line.
#pragma once

#include "pipeline/metadata.hpp"

#include <boost/program_options.hpp>

#include <set>
#include <string>
#include <vector>

namespace pressroom::cli {

// The defaults file as command-line words ("--to=xml", "--verbose", "--",
// "releases/"), for the command whose options are `options`. Options named
// in `given` (set on the command line) are left out, so the command line
// wins, except those in `additive`, whose values add to the command line's.
// Throws Error(usage, file, message, line) for an unreadable or malformed
// file, an unknown option (with the closest one), a list given to an option
// that takes one value, a switch given something other than true or false.
std::vector<std::string> defaults_words(const std::string& file,
                                        const boost::program_options::options_description& options,
                                        const std::set<std::string>& given, const std::set<std::string>& additive);

// A --metadata-file: a mapping of metadata fields (pipeline/metadata.hpp) to
// values; `contact` may be a list (one contact each). Every value checked.
std::vector<pipeline::MetadataValue> read_metadata_file(const std::string& file);

// yaml-cpp's version (for --version): Debian's package, as the build found it.
std::string yaml_cpp_version();

}  // namespace pressroom::cli

#include "cli/option_files.hpp"

#include "base/files.hpp"
#include "base/text.hpp"
#include "pressroom/error.hpp"
#include "version.hpp"

#include <yaml-cpp/yaml.h>

namespace pressroom::cli {

namespace po = boost::program_options;

namespace {

// Option files are small; a big one is a mistake.
constexpr std::size_t max_option_file_bytes = 1u << 20;

int line_of(const YAML::Node& node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }

// The file, parsed; its top level must be a mapping.
YAML::Node load(const std::string& file, const char* what) {
    std::string bytes;
    try {
        bytes = read_input(file, max_option_file_bytes);
    } catch (const Error& e) {
        // A file named on the command line that cannot be read is a usage
        // error (exit 2), like a bad option value.
        throw Error(ErrorKind::usage, e.file(), std::string(what) + ": " + e.message(), e.line());
    }
    YAML::Node root;
    try {
        root = YAML::Load(bytes);
    } catch (const YAML::Exception& e) {
        throw Error(ErrorKind::usage, file, std::string(what) + ": not YAML: " + e.msg,
                    e.mark.line >= 0 ? e.mark.line + 1 : 0);
    }
    if (root.IsNull()) return YAML::Node(YAML::NodeType::Map);  // an empty file sets nothing
    if (!root.IsMap())
        throw Error(ErrorKind::usage, file, std::string(what) + ": expected a mapping of names to values",
                    line_of(root));
    return root;
}

std::string scalar(const YAML::Node& node, const std::string& file, const std::string& key) {
    if (!node.IsScalar())
        throw Error(ErrorKind::usage, file, key + ": expected a single value" + (node.IsNull() ? ", not nothing" : ""),
                    line_of(node));
    return node.Scalar();
}

}  // namespace

std::vector<std::string> defaults_words(const std::string& file, const po::options_description& options,
                                        const std::set<std::string>& given, const std::set<std::string>& additive) {
    const YAML::Node root = load(file, "--defaults");
    std::vector<std::string> names;
    for (const auto& opt : options.options())
        if (opt->long_name() != "input" && opt->long_name() != "defaults" && opt->long_name() != "help")
            names.push_back(opt->long_name());
    names.push_back("inputs");

    std::vector<std::string> words, inputs;
    for (const auto& entry : root) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node& value = entry.second;
        const int line = line_of(entry.first);
        if (key == "inputs") {
            if (given.count("input")) continue;
            if (value.IsSequence())
                for (const auto& v : value) inputs.push_back(scalar(v, file, key));
            else inputs.push_back(scalar(value, file, key));
            continue;
        }
        if (std::find(names.begin(), names.end(), key) == names.end()) {
            const std::string hint = text::closest(key, names);
            throw Error(ErrorKind::usage, file,
                        "--defaults: unknown option '" + key + "'" +
                            (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                            "; keys are the command's long option names, and inputs",
                        line);
        }
        if (given.count(key) && !additive.count(key)) continue;  // the command line wins
        const po::option_description& opt = options.find(key, false);
        if (opt.semantic()->max_tokens() == 0) {  // a switch
            const std::string v = scalar(value, file, key);
            if (v == "true" || v == "yes" || v == "on") words.push_back("--" + key);
            else if (v != "false" && v != "no" && v != "off")
                throw Error(ErrorKind::usage, file, key + ": a switch takes true or false, not '" + v + "'", line);
            continue;
        }
        if (key == "metadata" && value.IsMap()) {
            for (const auto& m : value) {
                const std::string field = scalar(m.first, file, key);
                if (m.second.IsSequence())
                    for (const auto& v : m.second)
                        words.push_back("--metadata=" + field + "=" + scalar(v, file, field));
                else words.push_back("--metadata=" + field + "=" + scalar(m.second, file, field));
            }
            continue;
        }
        if (value.IsSequence()) {
            if (!opt.semantic()->is_composing())
                throw Error(ErrorKind::usage, file, key + ": takes one value, not a list", line);
            for (const auto& v : value) words.push_back("--" + key + "=" + scalar(v, file, key));
            continue;
        }
        words.push_back("--" + key + "=" + scalar(value, file, key));
    }
    if (!inputs.empty()) {
        // After "--", inputs are never taken for options.
        words.push_back("--");
        words.insert(words.end(), inputs.begin(), inputs.end());
    }
    return words;
}

std::vector<pipeline::MetadataValue> read_metadata_file(const std::string& file) {
    const YAML::Node root = load(file, "--metadata-file");
    std::vector<pipeline::MetadataValue> out;
    for (const auto& entry : root) {
        const std::string key = scalar(entry.first, file, "key");
        const std::string where = "--metadata-file " + file + ":" + std::to_string(line_of(entry.first)) + ":";
        if (key == "contact" && entry.second.IsSequence()) {
            for (const auto& v : entry.second)
                out.push_back(pipeline::check_metadata(key, scalar(v, file, key), where));
            continue;
        }
        out.push_back(pipeline::check_metadata(
            key, entry.second.IsNull() ? std::string() : scalar(entry.second, file, key), where));
    }
    return out;
}

std::string yaml_cpp_version() { return PRESSROOM_YAML_CPP_VERSION; }

}  // namespace pressroom::cli

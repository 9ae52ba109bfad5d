// The subcommands, as a table: name, help text and the two functions that
// declare a command's options and run it. --help (and the man page) are
// generated from this table, so they cannot drift from what is parsed.
#pragma once

#include <boost/program_options.hpp>

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

namespace pressroom::cli {

// "16M": --max-input-size's default, from the one constant (pressroom/limits.hpp).
std::string default_max_input_size();

// Everything any command can be told. Each command binds the options it
// takes to these fields.
struct Settings {
    std::vector<std::string> inputs;
    std::string output;                // convert -o: FILE.EXT, DIR, or '-'; empty: standard output
    std::string out_dir;               // batch -o OUTDIR
    std::vector<std::string> formats;  // -t, repeatable, each "xml,txt" or "all"; empty: the default
    bool to_stdout = false;
    std::string from;
    std::string profile;
    std::vector<std::string> rules_files;
    int width = 72;
    std::string paper = "letter";
    std::string font_dir;
    bool embed_fonts = false;
    std::string css;         // html: --css URL|FILE
    bool embed_css = false;  // html: embed the --css file instead of linking it
    std::string max_input_size = default_max_input_size();
    std::string time_limit = "60";
    bool quiet = false;
    bool verbose = false;
    std::vector<std::string> metadata;  // -M KEY=VALUE
    std::string metadata_file;
    std::string defaults_file;  // --defaults: read before the other options
    // batch and bundle
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    unsigned jobs = 0;             // 0 = one worker per core
    bool force = false;
    bool prune = false;               // batch: remove outputs of inputs that are gone
    std::string fail_on = "refused";  // batch, bundle: refused, failed or none
    std::string report_file;
    std::string junit_file;        // batch, bundle: --junit FILE
    std::string shard;             // "K/N"
    std::string output_file;       // bundle: the zip
    std::string title;             // bundle: the anthologies' title
    bool merge = false;            // bundle: inputs are shard bundles
    std::string work_dir;          // bundle: keep the converted files here (incremental)
    bool features = false;         // inspect: print the classifier's feature table
};

struct Command {
    const char* name;
    const char* synopsis;   // "pressroom convert [OPTIONS] INPUT..."
    const char* summary;    // one line for the command list
    const char* details;    // paragraphs for COMMAND --help and the man page
    const char* examples;   // "command  # what it does" lines
    void (*declare)(boost::program_options::options_description&,
                    boost::program_options::positional_options_description&, Settings&);
    int (*execute)(Settings&);
};

std::span<const Command> commands();
const Command* find_command(const std::string& name);

// Parses the command's options (throws boost::program_options::error or
// Error(usage)), then runs it.
int run_command(const Command& command, const std::vector<std::string>& args);
void print_command_help(const Command& command, std::ostream& os);
void print_version(std::ostream& os);

}  // namespace pressroom::cli

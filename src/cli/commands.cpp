#include "cli/commands.hpp"

#include "base/deadline.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "base/zip_writer.hpp"
#include "cli/interrupt.hpp"
#include "cli/option_files.hpp"
#include "cli/progress.hpp"
#include "fonts/face.hpp"
#include "fonts/font_set.hpp"
#include "ingest/data/rules.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/bundle.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/junit.hpp"
#include "pipeline/metadata.hpp"
#include "pipeline/readers.hpp"
#include "pressroom/error.hpp"
#include "render/pdf/hpdf_document.hpp"
#include "render/renderer.hpp"
#include "version.hpp"
#include "xml/libxml.hpp"
#include "xml/release_xml.hpp"

#include <boost/version.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include <unistd.h>

namespace pressroom::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- options

// Boost's option tables, one option a line: laid out by hand.
// clang-format off

// What -v adds differs by command: each says what it will print.
void common_options(po::options_description& d, Settings& s, const char* verbose_help) {
    d.add_options()
        ("quiet,q", po::bool_switch(&s.quiet), "print errors only")
        ("verbose,v", po::bool_switch(&s.verbose), verbose_help)
        ("defaults,d", po::value(&s.defaults_file)->value_name("FILE"),
         "read options from FILE (YAML: the long option names as keys, 'inputs' for the inputs; for CI jobs); "
         "the command line wins")
        ("help,h", "show this help");
}

const char* const notes_help = "also print notes: the encoding and reader chosen, the profile, each repair";

void input_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("from,f", po::value(&s.from)->value_name("READER"),
         ("read inputs as READER: " + pipeline::reader_names() + " (default: detect from the content)").c_str())
        ("profile", po::value(&s.profile)->value_name("ID"),
         "use the boilerplate rules of agency profile ID (default: detect; 'pressroom rules' lists them)")
        ("rules", po::value(&s.rules_files)->value_name("FILE")->composing(),
         "add the boilerplate rules in FILE (schemas/rules.xsd); repeatable")
        ("max-input-size", po::value(&s.max_input_size)->value_name("SIZE")->default_value(default_max_input_size()),
         "refuse inputs larger than SIZE bytes (suffixes K, M, G)")
        ("time-limit", po::value(&s.time_limit)->value_name("SECONDS")->default_value("60"),
         "give up on an input after SECONDS of work on it (decimals allowed; 0: no limit)");
}

std::string format_list() {
    std::string list;
    for (const auto& f : render::formats()) list += (list.empty() ? "" : ", ") + std::string(f.name);
    return list;
}

void formats_option(po::options_description& d, Settings& s, const std::string& default_text) {
    d.add_options()("to,t", po::value(&s.formats)->value_name("FORMATS")->composing(),
                    ("output formats, comma-separated or repeated (-t xml -t pdf), 'all' for every one: " +
                     format_list() + " (default: " + default_text + ")")
                        .c_str());
}

// Fields of the releases set by hand (pipeline/metadata.hpp).
void metadata_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("metadata,M", po::value(&s.metadata)->value_name("KEY=VALUE")->composing(),
         ("set a field of the release, over what the input gives: " + text::join(pipeline::metadata_keys(), ", ") +
          " (contact: its lines separated by ';'); repeatable; KEY= clears the field")
             .c_str())
        ("metadata-file", po::value(&s.metadata_file)->value_name("FILE"),
         "set fields from FILE, YAML or JSON (KEY: VALUE, as -M); -M wins over it");
}

// How outputs look: the options of every format's renderer.
void render_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("width,w", po::value(&s.width)->value_name("N")->default_value(72), "txt: wrap lines at N columns")
        ("paper", po::value(&s.paper)->value_name("SIZE")->default_value("letter"), "pdf: page size, letter or a4")
        ("font-dir", po::value(&s.font_dir)->value_name("DIR"),
         "pdf, epub: take the fonts from DIR: a folder of TrueType files (regular, bold, italic, bold italic, "
         "found by their names) or one with a manifest.tsv; pressroom's own fonts stay the fallback")
        ("embed-fonts", po::bool_switch(&s.embed_fonts),
         "epub: embed the PDF's fonts (subset to the text; from --font-dir when given)")
        ("css", po::value(&s.css)->value_name("URL"),
         "html: link the stylesheet URL after the built-in styles, as given (a URL, or a path relative to the page)")
        ("embed-css", po::bool_switch(&s.embed_css),
         "html: embed the contents of the --css file in each page instead of linking it (read once, now)");
}

void declare_convert(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("output,o", po::value(&s.output)->value_name("FILE|DIR|-"),
         "where outputs go: FILE.xml, FILE.txt, FILE.pdf or FILE.epub writes that one file in the format its "
         "extension names; DIR (an existing folder, a name without extension, or one ending in '/') gets NAME.FORMAT "
         "for each input and format, created if missing; '-' is standard output (default: standard output, which "
         "takes one input and one format)");
    formats_option(d, s, "xml to standard output, xml and txt into a folder, the extension's format for -o FILE");
    d.add_options()("stdout", po::bool_switch(&s.to_stdout), "the same as -o -");
    metadata_options(d, s);
    render_options(d, s);
    input_options(d, s);
    common_options(d, s, notes_help);
    d.add_options()("input", po::value(&s.inputs)->composing(), "input files ('-' for standard input)");
    p.add("input", -1);
}

// What batch and bundle share: which files of the folders, how many workers,
// sharding, and what makes the exit status 1.
void folder_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("include", po::value(&s.include)->value_name("GLOB")->composing(),
         "convert only files matching GLOB (repeatable; default: every file). A GLOB with '/' is matched "
         "against the path inside the folder, one without against the file name")
        ("exclude", po::value(&s.exclude)->value_name("GLOB")->composing(),
         "leave out files and folders matching GLOB (repeatable)")
        ("jobs,j", po::value(&s.jobs)->value_name("N"), "convert on N threads (default: one per core)")
        ("shard", po::value(&s.shard)->value_name("K/N"),
         "convert only shard K of N: the inputs whose name hashes to it (for CI matrices)")
        ("force", po::bool_switch(&s.force), "convert every input, even those already up to date")
        ("fail-on", po::value(&s.fail_on)->value_name("WHAT")->default_value("refused"),
         "what makes the exit status 1: 'refused' (any input that did not convert, including those refused "
         "for holding no release: index pages, empty files), 'failed' (only inputs that could not be read or "
         "converted: unreadable, invalid, too large, too slow), 'none' (no input; unwritable outputs and "
         "internal errors still count)")
        ("junit", po::value(&s.junit_file)->value_name("FILE"),
         "also write the results as JUnit XML to FILE ('-': standard output), for CI systems' test reports: one "
         "test case per input, failed as --fail-on counts failures, skipped otherwise");
}

void declare_batch(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("output,o", po::value(&s.out_dir)->value_name("OUTDIR")->required(),
         "write outputs into OUTDIR, mirroring the input folders (created if missing)");
    formats_option(d, s, "xml,txt");
    d.add_options()
        ("report", po::value(&s.report_file)->value_name("FILE"),
         "write a JSON report to FILE ('-': standard output): every input's status, diagnostics and outputs "
         "with sizes and SHA-256, what was pruned, and totals")
        ("prune", po::bool_switch(&s.prune),
         "remove the outputs (and stamps) of inputs that no longer exist, left by earlier runs into OUTDIR; "
         "the report lists them. Skipped when the walk reports a problem or the batch is interrupted");
    folder_options(d, s);
    metadata_options(d, s);
    render_options(d, s);
    input_options(d, s);
    common_options(d, s, notes_help);
    d.add_options()("input", po::value(&s.inputs)->composing(), "folders (or files) to convert");
    p.add("input", -1);
}

void declare_bundle(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("output,o", po::value(&s.output_file)->value_name("BUNDLE.zip")->required(),
         "write the bundle to BUNDLE.zip (a name ending in .zip)")
        ("title", po::value(&s.title)->value_name("TEXT")->default_value("Press releases"), "the anthologies' title")
        ("merge", po::bool_switch(&s.merge),
         "the inputs are the shard bundles of one run (made with --shard K/N): join them into the bundle "
         "the run without --shard would have made")
        ("work-dir", po::value(&s.work_dir)->value_name("DIR"),
         "convert into DIR and keep it, so that the next bundle converts only what changed (default: a "
         "temporary folder, removed)");
    folder_options(d, s);
    metadata_options(d, s);
    render_options(d, s);
    input_options(d, s);
    common_options(d, s, notes_help);
    d.add_options()("input", po::value(&s.inputs)->composing(), "folders (or files) to bundle; with --merge, shard bundles");
    p.add("input", -1);
}

void declare_validate(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("max-input-size", po::value(&s.max_input_size)->value_name("SIZE")->default_value(default_max_input_size()),
         "refuse files larger than SIZE bytes (suffixes K, M, G)");
    common_options(d, s, "also print 'FILE: valid' for each valid file");
    d.add_options()("input", po::value(&s.inputs)->composing(), "release XML files");
    p.add("input", -1);
}

void declare_inspect(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()("width,w", po::value(&s.width)->value_name("N")->default_value(160),
                    "cut lines to N columns")
        ("features", po::bool_switch(&s.features),
         "print the line classifier's features of every line it labels, tab-separated (the table "
         "scripts/train-classifier learns from)");
    input_options(d, s);
    common_options(d, s, notes_help);
    d.add_options()("input", po::value(&s.inputs)->composing(), "input file");
    p.add("input", -1);
}

void declare_rules(po::options_description& d, po::positional_options_description&, Settings& s) {
    d.add_options()
        ("rules", po::value(&s.rules_files)->value_name("FILE")->composing(),
         "also load the rules in FILE (checks it); repeatable");
    common_options(d, s, "also print each rule's patterns and where it comes from, and each profile's detection patterns");
}

// clang-format on

// --------------------------------------------------------------- helpers

std::size_t parse_size(const std::string& text) {
    std::string t(text::trim(text));
    if (t.empty()) throw Error(ErrorKind::usage, "", "--max-input-size: empty size");
    std::size_t mult = 1;
    char last = static_cast<char>(std::toupper(static_cast<unsigned char>(t.back())));
    if (last == 'K' || last == 'M' || last == 'G') {
        mult = last == 'K' ? (1u << 10) : last == 'M' ? (1u << 20) : (1u << 30);
        t.pop_back();
    }
    if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorKind::usage, "", "--max-input-size: not a size: '" + text + "'");
    return static_cast<std::size_t>(std::stoull(t)) * mult;
}

// "60", "2.5", "0" (no limit): seconds, to the millisecond.
std::chrono::milliseconds parse_time_limit(const std::string& text) {
    std::string t(text::trim(text));
    auto bad = [&] { return Error(ErrorKind::usage, "", "--time-limit: not a number of seconds: '" + text + "'"); };
    if (t.empty() || t.find_first_not_of("0123456789.") != std::string::npos ||
        std::count(t.begin(), t.end(), '.') > 1 || t == ".")
        throw bad();
    std::size_t dot = t.find('.');
    std::string whole = t.substr(0, dot), frac = dot == std::string::npos ? std::string() : t.substr(dot + 1);
    if (whole.size() > 7) throw Error(ErrorKind::usage, "", "--time-limit: at most 9999999 seconds");
    frac = (frac + "000").substr(0, 3);
    long long ms = (whole.empty() ? 0 : std::stoll(whole)) * 1000 + std::stoll(frac);
    if (ms == 0 && t.find_first_not_of("0.") != std::string::npos)
        throw Error(ErrorKind::usage, "", "--time-limit: less than a millisecond: '" + text + "'");
    return std::chrono::milliseconds(ms);
}

std::optional<std::int64_t> source_date_epoch() {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return std::nullopt;
    std::string v(env);
    if (v.find_first_not_of("0123456789") != std::string::npos || v.size() > 12)
        throw Error(ErrorKind::usage, "", "SOURCE_DATE_EPOCH must be a whole number of seconds, not '" + v + "'");
    return static_cast<std::int64_t>(std::stoll(v));
}

// -t's values, each a comma-separated list, "all" anywhere meaning every
// format. In the table's order, each once: the order they are asked in
// changes nothing. Empty when -t was not given (the caller's default).
std::vector<const render::Format*> parse_formats(const std::vector<std::string>& lists) {
    std::vector<bool> wanted(render::formats().size());
    bool any = false;
    for (const auto& list : lists) {
        for (std::string_view part : text::split(list, ',')) {
            const std::string name(text::trim(part));
            if (name.empty()) continue;
            any = true;
            if (name == "all") {
                wanted.assign(wanted.size(), true);
                continue;
            }
            const render::Format* f = render::find_format(name);
            if (!f) {
                std::vector<std::string> names;
                for (const auto& g : render::formats()) names.emplace_back(g.name);
                names.emplace_back("all");
                const std::string hint = text::closest(name, names);
                throw Error(ErrorKind::usage, "",
                            "unknown format '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                                "; the formats are " + format_list() + ", or all");
            }
            wanted[static_cast<std::size_t>(f - render::formats().data())] = true;
        }
    }
    if (!lists.empty() && !any) throw Error(ErrorKind::usage, "", "-t: no output format given");
    std::vector<const render::Format*> out;
    for (std::size_t i = 0; i < wanted.size(); ++i)
        if (wanted[i]) out.push_back(&render::formats()[i]);
    return out;
}

// A --rules file that cannot be read is a usage error (exit 2), as is one
// that is malformed: both are a bad option value, not a failed input.
std::string read_rules_file(const std::string& file) {
    try {
        return read_input(file, 8u << 20);
    } catch (const Error& e) {
        throw Error(ErrorKind::usage, e.file(), "--rules: " + e.message(), e.line());
    }
}

// Loads --rules files on top of the built-in rules; nullptr when there are none.
std::unique_ptr<ingest::RuleBook> load_rules(const Settings& s) {
    if (s.rules_files.empty()) return nullptr;
    auto book = std::make_unique<ingest::RuleBook>(ingest::RuleBook::builtin());
    for (const auto& f : s.rules_files) book->load(read_rules_file(f), f);
    return book;
}

// Prints diagnostics as "file:line: severity: message [code]", filtered by verbosity.
void report(const std::vector<Diagnostic>& diags, const Settings& s) {
    for (const auto& d : diags) {
        if (d.severity == Severity::note && !s.verbose) continue;
        if (d.severity == Severity::warning && s.quiet) continue;
        std::cerr << format_diagnostic(d) << "\n";
    }
}

// --------------------------------------------------------------- commands

// The conversion options every converting command takes (convert, batch,
// bundle), checked: a bad value is Error(usage). `rules` keeps the loaded
// --rules files alive for as long as the options point to them.
pipeline::ConvertOptions convert_options(const Settings& s, std::unique_ptr<ingest::RuleBook>& rules) {
    pipeline::ConvertOptions options;
    options.formats = parse_formats(s.formats);
    options.max_input_bytes = parse_size(s.max_input_size);
    options.time_limit = parse_time_limit(s.time_limit);
    options.ingest.from = s.from;
    options.ingest.profile = s.profile;
    rules = load_rules(s);
    options.ingest.rules = rules.get();
    pipeline::check_ingest_options(options.ingest);
    if (s.width < 20 || s.width > 1000) throw Error(ErrorKind::usage, "", "--width must be between 20 and 1000");
    options.render.width = s.width;
    if (s.paper != "letter" && s.paper != "a4")
        throw Error(ErrorKind::usage, "", "--paper must be letter or a4, not '" + s.paper + "'");
    options.render.paper = s.paper;
    options.render.font_dir = s.font_dir;
    if (!s.font_dir.empty()) {
        // Found and read now, once, rather than failing every input; a
        // --font-dir the user named is a bad option value (exit 2), not
        // pressroom's own data missing.
        try {
            fonts::FontSet::load(s.font_dir);
        } catch (const Error& e) {
            throw Error(ErrorKind::usage, e.file(), "--font-dir: " + e.message(), e.line());
        }
    }
    options.render.embed_fonts = s.embed_fonts;
    if (s.embed_css && s.css.empty()) throw Error(ErrorKind::usage, "", "--embed-css embeds the --css file: give one");
    if (s.embed_css) {
        // Read now, once: a file that cannot be read is a bad option value.
        try {
            options.render.css_text = read_input(s.css, 1u << 20);
        } catch (const Error& e) {
            throw Error(ErrorKind::usage, e.file(), "--css: " + e.message(), e.line());
        }
        if (!utf8::is_valid(options.render.css_text)) throw Error(ErrorKind::usage, s.css, "--css: not UTF-8 text");
        // Embedded in <style>, the text must not end the element early.
        if (text::ascii_lower(options.render.css_text).find("</style") != std::string::npos)
            throw Error(ErrorKind::usage, s.css, "--css: holds '</style', which would end the page's <style> element");
    } else {
        options.render.css_href = s.css;
    }
    options.render.source_date_epoch = source_date_epoch();
    // The file's values first, then -M's: a key given again replaces it
    // (contact: the first -M contact replaces the file's contacts).
    if (!s.metadata_file.empty()) options.metadata = read_metadata_file(s.metadata_file);
    std::vector<pipeline::MetadataValue> given;
    for (const auto& m : s.metadata) given.push_back(pipeline::parse_metadata_assignment(m));
    for (const auto& m : given)
        std::erase_if(options.metadata, [&](const pipeline::MetadataValue& v) { return v.key == m.key; });
    options.metadata.insert(options.metadata.end(), given.begin(), given.end());
    return options;
}

// Where convert writes, decided from -o (and --stdout) as pandoc decides it.
enum class Destination { standard_output, file, folder };

Destination destination(const Settings& s) {
    if (s.to_stdout && !s.output.empty() && s.output != "-")
        throw Error(ErrorKind::usage, "", "--stdout and -o " + s.output + " contradict each other");
    if (s.to_stdout || s.output.empty() || s.output == "-") return Destination::standard_output;
    std::error_code ec;
    if (text::ends_with(s.output, "/") || fs::is_directory(s.output, ec)) return Destination::folder;
    const std::string ext = text::ascii_lower(fs::path(s.output).extension().string());
    if (ext.empty()) return Destination::folder;  // "-o out": a folder, as before
    for (const auto& f : render::formats())
        if (ext == f.extension) return Destination::file;
    // "-o page.html" or "-o out.docx" made a folder of that name: say what -o takes.
    std::string extensions;
    for (const auto& f : render::formats()) extensions += (extensions.empty() ? "" : ", ") + std::string(f.extension);
    throw Error(ErrorKind::usage, "",
                "-o " + s.output + ": '" + ext + "' is not the extension of an output format (" + extensions +
                    "); a folder whose name has a dot is written with a final '/' (-o " + s.output + "/)");
}

std::string format_names(const std::vector<const render::Format*>& formats) {
    std::string out;
    for (const auto* f : formats) out += (out.empty() ? "" : ",") + std::string(f->name);
    return out;
}

const render::Format* format_of_extension(const std::string& path) {
    const std::string ext = text::ascii_lower(fs::path(path).extension().string());
    for (const auto& f : render::formats())
        if (ext == f.extension) return &f;
    return nullptr;
}

// Two inputs whose outputs would have the same names ("a/r.txt" and
// "b/r.txt" both make r.xml): refused before anything is written, as batch
// refuses them, instead of the second overwriting the first.
void refuse_same_output_names(const std::vector<std::string>& inputs, const std::string& folder) {
    std::map<std::string, std::string> first;
    for (const auto& input : inputs) {
        const std::string stem = pipeline::output_stem(input);
        auto [it, fresh] = first.emplace(stem, input);
        if (!fresh)
            throw Error(ErrorKind::usage, "",
                        "'" + it->second + "' and '" + input + "' would both be written as " +
                            (fs::path(folder) / (stem + ".*")).string() +
                            ": convert them into different folders (-o), or rename one; nothing was written");
    }
}

int execute_convert(Settings& s) {
    if (s.inputs.empty()) throw Error(ErrorKind::usage, "", "no input files (see 'pressroom convert --help')");
    std::unique_ptr<ingest::RuleBook> rules;
    pipeline::ConvertOptions options = convert_options(s, rules);
    const Destination where = destination(s);

    if (where == Destination::standard_output) {
        // pandoc's habit: without -o, the output goes to standard output.
        if (s.inputs.size() != 1)
            throw Error(ErrorKind::usage, "",
                        "standard output takes one input, not " + std::to_string(s.inputs.size()) +
                            ": write them into a folder with -o DIR");
        if (options.formats.empty()) options.formats = {render::find_format("xml")};
        if (options.formats.size() != 1)
            throw Error(ErrorKind::usage, "",
                        "standard output takes one format, not " + std::to_string(options.formats.size()) +
                            ": write them into a folder with -o DIR, or name one with -t");
        const render::Format& f = *options.formats.front();
        if (f.binary && ::isatty(STDOUT_FILENO))
            throw Error(ErrorKind::usage, "",
                        "refusing to write " + std::string(f.name) + " to a terminal: use -o " +
                            pipeline::output_stem(s.inputs.front()) + std::string(f.extension) +
                            ", or redirect standard output to a file");
        options.to_stdout = true;
    } else if (where == Destination::file) {
        const render::Format* f = format_of_extension(s.output);
        if (s.inputs.size() != 1)
            throw Error(ErrorKind::usage, "",
                        "-o " + s.output + " names one file, for one input; for " + std::to_string(s.inputs.size()) +
                            " inputs, -o names a folder");
        if (!options.formats.empty() && (options.formats.size() != 1 || options.formats.front() != f))
            throw Error(ErrorKind::usage, "",
                        "-o " + s.output + " writes " + std::string(f->name) + ", but -t asks for " +
                            format_names(options.formats) + ": leave out -t, or make them agree");
        options.formats = {f};
        options.out_file = s.output;
        const fs::path parent = fs::path(s.output).parent_path();
        std::error_code ec;
        if (!parent.empty()) fs::create_directories(parent, ec);
        if (!parent.empty() && !fs::is_directory(parent, ec))
            throw Error(ErrorKind::output, parent.string(), "cannot create output folder");
    } else {
        options.out_dir = s.output;
        refuse_same_output_names(s.inputs, s.output);
        std::error_code ec;
        fs::create_directories(options.out_dir, ec);
        if (!fs::is_directory(options.out_dir))
            throw Error(ErrorKind::output, s.output,
                        "cannot create output folder" + (ec ? ": " + ec.message() : std::string()));
    }

    int status = exit_code::ok;
    for (const auto& input : s.inputs) {
        pipeline::FileResult r = pipeline::convert_file(input, options);
        report(r.diagnostics, s);
        if (!r.ok) {
            std::cerr << "pressroom: " << r.error << "\n";
            status = std::max(status, r.exit_code);
        } else if (!s.quiet && !options.to_stdout && s.verbose) {
            for (const auto& o : r.outputs) std::cerr << "wrote " << o.path.string() << " (" << o.size << " bytes)\n";
        }
    }
    return status;
}

// What the options only point to but that changes outputs: the contents of
// --rules files (so that editing one makes a batch convert again).
std::string rules_digest(const Settings& s) {
    std::string digest;
    for (const auto& f : s.rules_files) digest += sha256_hex(read_rules_file(f)) + "\n";
    return digest;
}

// The batch options shared by batch and bundle, checked.
pipeline::BatchOptions batch_options(const Settings& s, std::unique_ptr<ingest::RuleBook>& rules) {
    pipeline::BatchOptions o;
    o.convert = convert_options(s, rules);
    o.roots = s.inputs;
    o.walk.include = s.include;
    o.walk.exclude = s.exclude;
    if (!s.shard.empty()) o.shard = pipeline::parse_shard(s.shard);
    if (s.jobs > 1024) throw Error(ErrorKind::usage, "", "--jobs must be between 1 and 1024");
    o.jobs = s.jobs;
    o.force = s.force;
    o.prune = s.prune;
    o.fingerprint_extra = rules_digest(s);
    return o;
}

void write_report_file(const std::string& file, const pipeline::Report& report) {
    const std::string bytes = pipeline::dump(pipeline::to_json(report));
    if (file == "-") write_stdout(bytes);
    else write_atomic(file, bytes);
}

void write_junit_file(const std::string& file, const pipeline::Report& report, pipeline::FailOn fail_on,
                      const std::string& suite) {
    if (file.empty()) return;
    const std::string bytes = pipeline::junit_xml(report, fail_on, suite);
    if (file == "-") write_stdout(bytes);
    else write_atomic(file, bytes);
}

int execute_batch(Settings& s) {
    if (s.inputs.empty()) throw Error(ErrorKind::usage, "", "no folders to convert (see 'pressroom batch --help')");
    const pipeline::FailOn fail_on = pipeline::parse_fail_on(s.fail_on);
    std::unique_ptr<ingest::RuleBook> rules;
    pipeline::BatchOptions options = batch_options(s, rules);
    options.out_dir = s.out_dir;
    InterruptGuard interrupt;
    options.stop = &interrupt.signal();
    Progress progress(Progress::choose_display(s.quiet), {s.quiet, s.verbose}, std::cerr);
    pipeline::BatchResult result = pipeline::run_batch(options, progress);
    progress.stop();
    if (!s.report_file.empty()) write_report_file(s.report_file, result.report);
    write_junit_file(s.junit_file, result.report, fail_on, "pressroom batch");
    if (!s.quiet) std::cerr << summary(result, progress.seconds(), "batch") << "\n";
    if (s.verbose)
        for (const auto& p : result.report.pruned)
            std::cerr << "pruned " << p.input << ": removed "
                      << (p.outputs.empty() ? "its stamp" : text::join(p.outputs, ", ")) << "\n";
    return result.exit_code(fail_on);
}

int execute_bundle(Settings& s) {
    if (s.inputs.empty())
        throw Error(ErrorKind::usage, "", std::string(s.merge ? "no shard bundles to merge" : "no folders to bundle") +
                                              " (see 'pressroom bundle --help')");
    if (s.title.empty()) throw Error(ErrorKind::usage, "", "--title must not be empty");
    // A bundle is a zip: a name that asks for another format would get a
    // zip under it (bundle.tar.gz that tar cannot read).
    if (!text::iequals(fs::path(s.output_file).extension().string(), ".zip"))
        throw Error(ErrorKind::usage, "", "-o " + s.output_file + ": a bundle is a zip file; name it NAME.zip");
    s.formats = {"all"};
    std::unique_ptr<ingest::RuleBook> rules;
    pipeline::BatchOptions options = batch_options(s, rules);
    pipeline::BundleOptions bundle;
    bundle.title = s.title;
    bundle.render = options.convert.render;
    bundle.fail_on = pipeline::parse_fail_on(s.fail_on);
    Diagnostics diags;
    if (s.merge) {
        if (!s.shard.empty() || !s.work_dir.empty() || !s.include.empty() || !s.exclude.empty())
            throw Error(ErrorKind::usage, "", "--merge joins shard bundles: --shard, --work-dir, --include and "
                                              "--exclude belong to the runs that made them");
        pipeline::BundleResult r = pipeline::merge_bundles(s.inputs, s.output_file, bundle, diags);
        report(diags.items(), s);
        write_junit_file(s.junit_file, r.report, bundle.fail_on, "pressroom bundle");
        if (!s.quiet)
            std::cerr << "pressroom bundle: merged " << s.inputs.size() << " shard bundles into " << s.output_file << ": "
                      << r.converted << " releases, " << r.failed << " inputs failed; " << r.entries << " files, "
                      << r.size << " bytes, SHA-256 " << r.sha256 << "\n";
        return r.exit_code;
    }
    InterruptGuard interrupt;
    options.stop = &interrupt.signal();
    Progress progress(Progress::choose_display(s.quiet), {s.quiet, s.verbose}, std::cerr);
    pipeline::BundleRun run = pipeline::make_bundle(options, s.work_dir, s.output_file, bundle, progress, diags);
    progress.stop();
    report(diags.items(), s);
    if (run.batch.stopped_by) {
        if (!s.quiet) std::cerr << summary(run.batch, progress.seconds(), "bundle") << "; no bundle written\n";
        return run.batch.exit_code();
    }
    write_junit_file(s.junit_file, run.bundle.report, bundle.fail_on, "pressroom bundle");
    if (!s.quiet) {
        std::cerr << summary(run.batch, progress.seconds(), "bundle") << "\n";
        std::cerr << "pressroom bundle: wrote " << s.output_file << (options.shard.all() ? "" : " (shard " + options.shard.name() + ")")
                  << ": " << run.bundle.converted << " releases, " << run.bundle.failed << " inputs failed; "
                  << run.bundle.entries << " files, " << run.bundle.size << " bytes, SHA-256 " << run.bundle.sha256 << "\n";
    }
    return std::max(run.batch.exit_code(bundle.fail_on), run.bundle.exit_code);
}

int execute_validate(Settings& s) {
    if (s.inputs.empty()) throw Error(ErrorKind::usage, "", "no files to validate (see 'pressroom validate --help')");
    std::size_t limit = parse_size(s.max_input_size);
    int status = exit_code::ok;
    for (const auto& input : s.inputs) {
        try {
            std::string bytes = read_input(input, limit);
            auto errors = xml::validate_release(bytes, input);
            report(errors, s);
            if (!errors.empty()) status = std::max(status, exit_code::failed);
            else if (s.verbose) std::cerr << input << ": valid\n";
        } catch (const Error& e) {
            std::cerr << "pressroom: " << e.located() << "\n";
            status = std::max(status, exit_code_for(e.kind()));
        }
    }
    return status;
}

int execute_inspect(Settings& s) {
    if (s.inputs.size() != 1) throw Error(ErrorKind::usage, "", "inspect takes one input (see 'pressroom inspect --help')");
    const std::string& input = s.inputs.front();
    auto rules = load_rules(s);
    ingest::Options io;
    io.name = input;
    io.from = s.from;
    io.profile = s.profile;
    io.rules = rules.get();
    Diagnostics diags(input);
    std::string bytes = read_input(input, parse_size(s.max_input_size));
    deadline::Scope budget(input, parse_time_limit(s.time_limit));
    if (s.features) {
        std::cout << ingest::feature_table(bytes, io, diags);
        report(diags.items(), s);
        return exit_code::ok;
    }
    ingest::Trace t = ingest::trace(bytes, io, diags);
    std::cout << input << ": read as " << t.format << " (" << t.encoding << "), rules: " << text::join(t.profiles, ", ")
              << "\n\n";
    const std::size_t width = static_cast<std::size_t>(std::max(s.width, 60));
    auto pad = [](std::string cell, std::size_t to) {
        std::size_t w = utf8::display_width(cell);
        return cell + std::string(w < to ? to - w : 1, ' ');
    };
    for (const auto& l : t.lines) {
        std::string num = std::to_string(l.line);
        std::string row = std::string(num.size() < 5 ? 5 - num.size() : 0, ' ') + num + "  ";
        row += pad(l.fate.empty() ? "-" : l.fate, 32);
        // The classifier's label, its confidence and the three features
        // that weighed most for it.
        std::string decision;
        if (!l.label.empty()) {
            char conf[16];
            std::snprintf(conf, sizeof conf, " %3d%% ", static_cast<int>(l.confidence * 100 + 0.5f));
            decision = l.label + conf;
            for (std::size_t k = 0; k < l.reasons.size(); ++k) {
                char w[32];
                std::snprintf(w, sizeof w, "%+.1f", static_cast<double>(l.reasons[k].second));
                decision += (k ? " " : "") + l.reasons[k].first + w;
            }
        }
        row += pad(decision, 58) + "\u2502 ";
        std::size_t room = width > utf8::display_width(row) ? width - utf8::display_width(row) : 10;
        std::string shown;
        for (std::string_view word : text::split(l.text, ' ')) {
            if (utf8::display_width(shown) + word.size() + 1 > room) {
                shown += " \u2026";
                break;
            }
            shown += (shown.empty() ? "" : " ") + std::string(word);
        }
        std::cout << row << shown << "\n";
    }
    report(diags.items(), s);
    if (!t.refusal.empty()) {
        std::cout << "\nrefused: " << t.refusal << "\n";
        return exit_code::failed;
    }
    std::cout << "\n" << t.doc.body.size() << " blocks, " << t.doc.removed.size() << " pieces removed\n";
    std::cout << "a release: "
              << (t.signs.empty() ? std::string("no sign of one but its text") : text::join(t.signs, ", ")) << "\n";
    return exit_code::ok;
}

int execute_rules(Settings& s) {
    auto loaded = load_rules(s);
    const ingest::RuleBook& book = loaded ? *loaded : ingest::RuleBook::builtin();
    for (const auto& p : book.profiles()) {
        std::cout << p.id << "  " << p.name << (p.always() ? "  (always applies)" : "  (detected)") << "\n";
        if (s.verbose)
            for (const auto& d : p.detect) std::cout << "    detect: " << d->pattern() << "\n";
        for (std::size_t i : p.rules) {
            const auto& r = book.rules()[i];
            std::cout << "  " << r.id << " [" << ingest::scope_name(r.scope) << "]  " << r.why << "\n";
            if (!s.verbose) continue;
            std::cout << "    from: " << r.origin << "\n";
            for (const auto& m : r.patterns) std::cout << "    match: " << m->pattern() << "\n";
        }
    }
    return exit_code::ok;
}

// The command table: texts laid out by hand.
// clang-format off
const std::array command_table = {
    Command{"convert", "pressroom convert [OPTIONS] INPUT...",
            "convert releases to XML, text and other formats",
            "Reads each INPUT (any of the input formats below, found from the content; --from forces one), "
            "normalizes it (removes boilerplate, extracts the metadata, rebuilds the paragraphs, "
            "repairs scraping damage) and writes it in the output formats asked for (-t).\n\n"
            "Where, as with pandoc: without -o (or with -o -), to standard output, which takes one input and "
            "one format (release XML unless -t says another; pdf and epub are not written to a terminal). "
            "-o FILE.pdf (or .xml, .txt, .epub) writes that one file in the format its extension names. "
            "-o DIR writes DIR/NAME.FORMAT for each input and format (xml and txt unless -t says), NAME being "
            "the input's file name without its extension; two inputs that would have the same NAME are "
            "refused before anything is written.\n\n"
            "Each output is written to a temporary file and renamed, so an output is either complete "
            "or absent. An input that fails (unreadable, no release text in it) is reported as "
            "'pressroom: FILE: problem' and the other inputs are still converted; the exit status is "
            "then 1. Inputs that are not what they claim are refused with what they are: XML that is not "
            "release XML (a DTD, entities, another vocabulary), RTF, a URL (pressroom never fetches).\n\n"
            "-M KEY=VALUE sets a field of the release (a title the page lacks, a corrected date), "
            "--metadata-file sets several, and --defaults FILE reads options from a YAML file.\n\n"
            "Diagnostics go to standard error as 'FILE:LINE: warning: message [code]'.\n\n"
            "Outputs carry no wall-clock time: dates come from SOURCE_DATE_EPOCH when it is set, "
            "else from the release date, so the same input gives the same bytes.",
            "pressroom convert release.txt                    # release XML to standard output\n"
            "pressroom convert release.txt -o release.pdf     # one file, in the format its name says\n"
            "pressroom convert -o out -t all *.txt            # every format into out/\n"
            "pressroom convert -t txt page.txt                # plain text to standard output\n"
            "cat page.txt | pressroom convert -t txt -        # from standard input\n"
            "pressroom convert -M date=2024-03-01 -o out page.html   # a field set by hand\n"
            "pressroom convert --rules mysite.xml page.txt    # with rules of your own",
            &declare_convert, &execute_convert},
    Command{"batch", "pressroom batch [OPTIONS] DIR... -o OUTDIR",
            "convert whole folders, in parallel and incrementally",
            "Walks each DIR (recursively, following links, in name order) and converts every file in it "
            "(--include and --exclude choose which) into OUTDIR, mirroring the folders: DIR/sub/a.txt gives "
            "OUTDIR/sub/a.xml and OUTDIR/sub/a.txt. Hidden files, loops of links and unreadable folders are "
            "reported, never fatal.\n\n"
            "Inputs are converted on one thread per core (-j), each on its own: one that fails is reported as "
            "'pressroom: FILE: problem' and the others still convert. Memory stays flat however many files "
            "there are.\n\n"
            "Incremental: an input converted before by the same pressroom with the same options, and not "
            "changed since, is skipped (the stamps are in OUTDIR/.pressroom/; --force converts everything "
            "again). Outputs are written whole or not at all, so a batch stopped at any moment (Ctrl-C, "
            "SIGTERM, even SIGKILL) leaves no partial file, and running it again finishes the work. On Ctrl-C "
            "or SIGTERM the files in progress are finished, the report is written and the exit status is "
            "130 or 143; a second Ctrl-C stops at once.\n\n"
            "Progress goes to standard error: a bar on a terminal, a line every ten seconds otherwise, with "
            "the time left once the inputs are counted (a second walk counts them while the first feeds the "
            "workers). Then a one-line summary. --report writes every input's status, diagnostics and outputs "
            "(sizes, SHA-256) as JSON. --prune removes the outputs of inputs deleted since an earlier run.\n\n"
            "Exit status 0 when every input converted, 1 when one failed or a folder could not be read. An "
            "input refused for holding no release (an index page, an empty file) counts as failed unless "
            "--fail-on failed (only inputs that could not be read or converted) or --fail-on none: a corpus "
            "with a few such pages need not keep a CI job red.",
            "pressroom batch releases/ -o out/                       # xml and txt of every file\n"
            "pressroom batch releases/ -o out/ -t all -j 4 --report report.json\n"
            "pressroom batch releases/ -o out/ --include '*.html' --exclude 'drafts'\n"
            "pressroom batch releases/ -o out/                       # again: only what changed\n"
            "pressroom batch releases/ -o out/ --prune --fail-on failed   # in CI: deleted inputs' outputs go\n"
            "pressroom batch releases/ -o out/ --shard 2/4           # a quarter of the files (CI)",
            &declare_batch, &execute_batch},
    Command{"bundle", "pressroom bundle [OPTIONS] DIR... -o BUNDLE.zip",
            "make a reproducible publication bundle of whole folders",
            "Converts every file of the folders (as 'pressroom batch' does, in every format) and writes one "
            "zip: releases/ holds each release as XML, text, PDF and EPUB, mirroring the folders; "
            "manifest.json lists every file (path, size, SHA-256) and every release's metadata; report.json "
            "is the batch report; anthology.epub has every release as a chapter, oldest first, with a table "
            "of contents; anthology.pdf has a title page, contents with page numbers, bookmarks and every "
            "release.\n\n"
            "Reproducible: the same inputs give the same bytes on any machine. Entries are in a fixed order "
            "and carry one time, SOURCE_DATE_EPOCH or else the newest release's date; no path of the machine "
            "is inside. Check it with sha256sum: two runs print the same SHA-256.\n\n"
            "For CI matrices, --shard K/N makes a shard bundle of a K-th of the inputs, and "
            "'pressroom bundle --merge SHARD.zip... -o BUNDLE.zip' joins the N shard bundles into the very "
            "bundle one run would have made. Inputs that fail are listed in the report and the manifest; "
            "the bundle is still written, and the exit status is 1.",
            "pressroom bundle releases/ -o bundle.zip --title 'Agency releases 2024'\n"
            "SOURCE_DATE_EPOCH=1735689600 pressroom bundle releases/ -o bundle.zip   # pinned time\n"
            "pressroom bundle releases/ --shard 1/4 -o shard-1.zip                 # one CI job of four\n"
            "pressroom bundle --merge shard-*.zip -o bundle.zip --title 'Agency releases 2024'\n"
            "pressroom bundle releases/ -o bundle.zip --work-dir .cache/pressroom  # incremental",
            &declare_bundle, &execute_bundle},
    Command{"validate", "pressroom validate [OPTIONS] FILE.xml...",
            "check release XML against pressroom's schema",
            "Checks each FILE against schemas/release.xsd (embedded in pressroom) and prints every "
            "problem as 'FILE:LINE: error: message'; a file that is not XML at all is said to be so. Exit "
            "status 0 when all are valid, 1 otherwise. With -v, each valid file is named too.\n\n"
            "Validation never loads anything from the network or the disk: documents with a DOCTYPE "
            "(how external entities and entity bombs get in) are refused.",
            "pressroom validate out/*.xml",
            &declare_validate, &execute_validate},
    Command{"inspect", "pressroom inspect [OPTIONS] INPUT",
            "show what normalization did with each line of an input",
            "Prints every line of INPUT as the reader saw it, beside what became of it: the body "
            "block it went into ('paragraph 3', 'list 5', 'heading 2'), the metadata it gave "
            "('title', 'date', 'contact'), or the rule that removed it ('removed: share-widget'). "
            "Use it to see why a line was kept or dropped, and to write a rule of your own "
            "(see 'pressroom rules' and --rules). Exit status 1 when the input would be refused.",
            "pressroom inspect page.txt\n"
            "pressroom inspect --rules mysite.xml page.html   # try a rules file",
            &declare_inspect, &execute_inspect},
    Command{"rules", "pressroom rules [--rules FILE]...",
            "list the boilerplate rules and agency profiles",
            "Lists every agency profile and its rules: id, scope and what it removes; with -v, also each "
            "rule's patterns and the file it comes from, and each profile's detection patterns. With --rules, "
            "loads FILE on top of the built-in rules first, which checks it against schemas/rules.xsd: a "
            "missing or malformed file is a usage error (exit 2) naming the line, the element and the "
            "values allowed.",
            "pressroom rules\n"
            "pressroom rules --rules mysite.xml     # check a rules file",
            &declare_rules, &execute_rules},
};
// clang-format on

}  // namespace

std::span<const Command> commands() { return command_table; }

const Command* find_command(const std::string& name) {
    for (const auto& c : command_table)
        if (name == c.name) return &c;
    return nullptr;
}

void print_command_help(const Command& c, std::ostream& os) {
    Settings scratch;
    po::options_description d("Options");
    po::positional_options_description p;
    c.declare(d, p, scratch);
    os << "Usage: " << c.synopsis << "\n\n" << c.summary << ".\n\n";
    for (std::string_view para : text::split(c.details, '\n')) {
        if (para.empty()) {
            os << "\n";
            continue;
        }
        // Wrap the paragraph at 78 columns.
        std::string line;
        for (std::string_view word : text::split(para, ' ')) {
            if (!line.empty() && line.size() + 1 + word.size() > 78) {
                os << line << "\n";
                line.clear();
            }
            line += (line.empty() ? "" : " ") + std::string(word);
        }
        os << line << "\n";
    }
    os << "\n";
    // The readers, from their table: every input format a reading command takes.
    if (d.find_nothrow("from", false)) {
        os << "Input formats (found from the content; --from forces one):\n";
        // The names' column as wide as the longest name (release-json) and two spaces.
        std::size_t column = 0;
        for (const auto& r : pipeline::readers()) column = std::max(column, r.name.size() + 2);
        for (const auto& r : pipeline::readers()) {
            // Wrapped at 78 columns under the description's first word.
            std::string line = "  " + std::string(r.name) + std::string(column - r.name.size(), ' ');
            bool first = true;
            for (std::string_view word : text::split(r.description, ' ')) {
                if (!first && line.size() + 1 + word.size() > 78) {
                    os << line << "\n";
                    line = std::string(2 + column, ' ');
                    first = true;
                }
                line += (first ? "" : " ") + std::string(word);
                first = false;
            }
            os << line << "\n";
        }
        os << "\n";
    }
    // The positional "input" option is an implementation detail of parsing.
    po::options_description visible("Options");
    for (const auto& opt : d.options())
        if (opt->long_name() != "input") visible.add(opt);
    os << visible << "\nExamples:\n";
    for (std::string_view ex : text::split(c.examples, '\n')) os << "  " << ex << "\n";
}

std::string default_max_input_size() { return std::to_string(default_max_input_bytes >> 20) + "M"; }

namespace {

// Parses words with the command's options. Boost's default style guesses:
// "--ver" was taken for "--verbose", the one option it abbreviates, and
// "--std" for "--stdout". Options are matched whole here, and an unknown one
// is a usage error that names the option meant.
po::parsed_options parse_words(const Command& c, const po::options_description& d,
                               const po::positional_options_description& p, const std::vector<std::string>& words) {
    const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    try {
        return po::command_line_parser(words).options(d).positional(p).style(style).run();
    } catch (const po::unknown_option& e) {
        std::string name = e.get_option_name();
        if (!text::starts_with(name, "-")) name = "--" + name;
        std::vector<std::string> names;
        for (const auto& opt : d.options()) {
            if (opt->long_name() == "input") continue;
            names.push_back("--" + opt->long_name());
            const std::string short_name = opt->canonical_display_name(po::command_line_style::allow_dash_for_short);
            if (short_name.size() == 2 && short_name[0] == '-') names.push_back(short_name);
        }
        // A one-letter option has too few letters to guess from.
        const std::string hint = name.size() > 2 ? text::closest(name, names) : std::string();
        throw Error(ErrorKind::usage, "",
                    "unknown option '" + name + "' (" + (hint.empty() ? "" : "did you mean '" + hint + "'?; ") +
                        "see 'pressroom " + c.name + " --help')");
    }
}

}  // namespace

int run_command(const Command& c, const std::vector<std::string>& args) {
    Settings s;
    po::options_description d("Options");
    po::positional_options_description p;
    c.declare(d, p, s);
    po::variables_map vm;
    po::store(parse_words(c, d, p, args), vm);
    if (vm.count("help")) {
        print_command_help(c, std::cout);
        return exit_code::ok;
    }
    if (vm.count("defaults")) {
        // The command line was stored first: for a value it gave, the
        // file's is not taken (store() keeps the first), except for the
        // options that add up, whose values the file's join.
        const std::string file = vm["defaults"].as<std::string>();
        std::set<std::string> given;
        for (const auto& [name, value] : vm)
            if (!value.defaulted()) given.insert(name);
        static const std::set<std::string> additive = {"rules", "include", "exclude", "metadata"};
        try {
            po::store(parse_words(c, d, p, defaults_words(file, d, given, additive)), vm);
        } catch (const po::error& e) {
            throw Error(ErrorKind::usage, file, std::string("--defaults: ") + e.what());
        }
    }
    po::notify(vm);
    if (s.quiet && s.verbose) throw Error(ErrorKind::usage, "", "--quiet and --verbose contradict each other");
    return c.execute(s);
}

void print_version(std::ostream& os) {
    // Each library's version from the code that wraps it; Boost's is the
    // command line's own.
    os << "pressroom " PRESSROOM_VERSION;
    if (*PRESSROOM_GIT_COMMIT) os << " (commit " PRESSROOM_GIT_COMMIT ")";
    os << "\n"
       << "built with: libxml2 " << xml::libxml2_version() << ", libharu " << render::pdf::libharu_version()
       << ", HarfBuzz " << fonts::harfbuzz_version() << ", PCRE2 " << Regex::library_version() << ", utf8proc "
       << utf8::library_version() << ", libzip " << libzip_version() << ", Hunspell " PRESSROOM_HUNSPELL_VERSION
       << ", nlohmann-json " << pipeline::json_library_version() << ", yaml-cpp " << yaml_cpp_version() << ", "
       << openssl_version() << ", Boost " << BOOST_VERSION / 100000 << "." << BOOST_VERSION / 100 % 1000 << "."
       << BOOST_VERSION % 100 << "\n";
}

}  // namespace pressroom::cli

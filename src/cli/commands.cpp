#include "cli/commands.hpp"

#include "base/deadline.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/data/rules.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/bundle.hpp"
#include "pipeline/convert.hpp"
#include "render/renderer.hpp"
#include "version.hpp"
#include "xml/release_xml.hpp"

#include <hb.h>
#include <hpdf_version.h>
#include <libxml/xmlversion.h>
#include <nlohmann/json.hpp>
#include <zip.h>
#include <openssl/opensslv.h>
#include <utf8proc.h>

#include <boost/version.hpp>

#include <array>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

namespace pressroom::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- options

void common_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("quiet,q", po::bool_switch(&s.quiet), "print errors only")
        ("verbose,v", po::bool_switch(&s.verbose), "also print notes (encoding, profile, repairs)")
        ("help,h", "show this help");
}

void input_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("from,f", po::value(&s.from)->value_name("READER"),
         "read inputs as READER: text, html, markdown, json, rss, xml (default: detect from the content)")
        ("profile", po::value(&s.profile)->value_name("ID"),
         "use the boilerplate rules of agency profile ID (default: detect; 'pressroom rules' lists them)")
        ("rules", po::value(&s.rules_files)->value_name("FILE")->composing(),
         "add the boilerplate rules in FILE (schemas/rules.xsd); repeatable")
        ("max-input-size", po::value(&s.max_input_size)->value_name("SIZE")->default_value("16M"),
         "refuse inputs larger than SIZE bytes (suffixes K, M, G)")
        ("time-limit", po::value(&s.time_limit)->value_name("SECONDS")->default_value("60"),
         "give up on an input after SECONDS of work on it (decimals allowed; 0: no limit)");
}

std::string format_list() {
    std::string list;
    for (const auto& f : render::formats()) list += (list.empty() ? "" : ", ") + std::string(f.name);
    return list;
}

// How outputs look: the options of every format's renderer.
void render_options(po::options_description& d, Settings& s) {
    d.add_options()
        ("width,w", po::value(&s.width)->value_name("N")->default_value(72), "txt: wrap lines at N columns")
        ("paper", po::value(&s.paper)->value_name("SIZE")->default_value("letter"), "pdf: page size, letter or a4")
        ("font-dir", po::value(&s.font_dir)->value_name("DIR"),
         "pdf: take the fonts from DIR (its manifest.tsv, else the built-in one) instead of pressroom's own")
        ("embed-fonts", po::bool_switch(&s.embed_fonts),
         "epub: embed the PDF's fonts (subset to the text; from --font-dir when given)");
}

void declare_convert(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("output,o", po::value(&s.out_dir)->value_name("DIR")->default_value("."), "write outputs into DIR (created if missing)")
        ("to,t", po::value(&s.formats)->value_name("FORMATS")->default_value("xml,txt"),
         ("comma-separated output formats, or 'all': " + format_list()).c_str())
        ("stdout", po::bool_switch(&s.to_stdout), "write the one output format of the one input to standard output");
    render_options(d, s);
    input_options(d, s);
    common_options(d, s);
    d.add_options()("input", po::value(&s.inputs)->composing(), "input files ('-' for standard input)");
    p.add("input", -1);
}

// What batch and bundle share: which files of the folders, how many workers, sharding.
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
        ("force", po::bool_switch(&s.force), "convert every input, even those already up to date");
}

void declare_batch(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("output,o", po::value(&s.out_dir)->value_name("OUTDIR")->required(),
         "write outputs into OUTDIR, mirroring the input folders (created if missing)")
        ("to,t", po::value(&s.formats)->value_name("FORMATS")->default_value("xml,txt"),
         ("comma-separated output formats, or 'all': " + format_list()).c_str())
        ("report", po::value(&s.report_file)->value_name("FILE"),
         "write a JSON report to FILE ('-': standard output): every input's status, diagnostics and outputs "
         "with sizes and SHA-256, and totals");
    folder_options(d, s);
    render_options(d, s);
    input_options(d, s);
    common_options(d, s);
    d.add_options()("input", po::value(&s.inputs)->composing(), "folders (or files) to convert");
    p.add("input", -1);
}

void declare_bundle(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("output,o", po::value(&s.output_file)->value_name("BUNDLE.zip")->required(), "write the bundle to BUNDLE.zip")
        ("title", po::value(&s.title)->value_name("TEXT")->default_value("Press releases"), "the anthologies' title")
        ("merge", po::bool_switch(&s.merge),
         "the inputs are the shard bundles of one run (made with --shard K/N): join them into the bundle "
         "the run without --shard would have made")
        ("work-dir", po::value(&s.work_dir)->value_name("DIR"),
         "convert into DIR and keep it, so that the next bundle converts only what changed (default: a "
         "temporary folder, removed)");
    folder_options(d, s);
    render_options(d, s);
    input_options(d, s);
    common_options(d, s);
    d.add_options()("input", po::value(&s.inputs)->composing(), "folders (or files) to bundle; with --merge, shard bundles");
    p.add("input", -1);
}

void declare_validate(po::options_description& d, po::positional_options_description& p, Settings& s) {
    d.add_options()
        ("max-input-size", po::value(&s.max_input_size)->value_name("SIZE")->default_value("16M"),
         "refuse files larger than SIZE bytes (suffixes K, M, G)");
    common_options(d, s);
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
    common_options(d, s);
    d.add_options()("input", po::value(&s.inputs)->composing(), "input file");
    p.add("input", -1);
}

void declare_rules(po::options_description& d, po::positional_options_description&, Settings& s) {
    d.add_options()
        ("rules", po::value(&s.rules_files)->value_name("FILE")->composing(),
         "also load the rules in FILE (checks it); repeatable");
    common_options(d, s);
}

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

std::vector<const render::Format*> parse_formats(const std::string& list) {
    std::vector<const render::Format*> out;
    if (text::trim(list) == "all") {
        for (const auto& f : render::formats()) out.push_back(&f);
        return out;
    }
    for (std::string_view part : text::split(list, ',')) {
        std::string name(text::trim(part));
        if (name.empty()) continue;
        const render::Format* f = render::find_format(name);
        if (!f) {
            std::string known;
            for (const auto& g : render::formats()) known += (known.empty() ? "" : ", ") + std::string(g.name);
            throw Error(ErrorKind::usage, "", "unknown format '" + name + "' (known: " + known + ", all)");
        }
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    }
    if (out.empty()) throw Error(ErrorKind::usage, "", "no output format given");
    return out;
}

// Loads --rules files on top of the built-in rules; nullptr when there are none.
std::unique_ptr<ingest::RuleBook> load_rules(const Settings& s) {
    if (s.rules_files.empty()) return nullptr;
    auto book = std::make_unique<ingest::RuleBook>(ingest::RuleBook::builtin());
    for (const auto& f : s.rules_files) book->load(read_input(f, 8u << 20), f);
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
    static const std::array<const char*, 6> readers = {"text", "html", "markdown", "json", "rss", "xml"};
    if (!s.from.empty() && std::find(readers.begin(), readers.end(), s.from) == readers.end())
        throw Error(ErrorKind::usage, "", "unknown reader '" + s.from + "' (known: text, html, markdown, json, rss, xml)");
    rules = load_rules(s);
    options.ingest.rules = rules.get();
    if (const auto& book = rules ? *rules : ingest::RuleBook::builtin(); !s.profile.empty() && !book.profile(s.profile)) {
        std::string known;
        for (const auto& p : book.profiles()) known += (known.empty() ? "" : ", ") + p.id;
        throw Error(ErrorKind::usage, "", "unknown profile '" + s.profile + "' (known: " + known + ")");
    }
    if (s.width < 20 || s.width > 1000) throw Error(ErrorKind::usage, "", "--width must be between 20 and 1000");
    options.render.width = s.width;
    if (s.paper != "letter" && s.paper != "a4")
        throw Error(ErrorKind::usage, "", "--paper must be letter or a4, not '" + s.paper + "'");
    options.render.paper = s.paper;
    options.render.font_dir = s.font_dir;
    options.render.embed_fonts = s.embed_fonts;
    options.render.source_date_epoch = source_date_epoch();
    return options;
}

int execute_convert(Settings& s) {
    if (s.inputs.empty()) throw Error(ErrorKind::usage, "", "no input files (see 'pressroom convert --help')");
    std::unique_ptr<ingest::RuleBook> rules;
    pipeline::ConvertOptions options = convert_options(s, rules);
    options.to_stdout = s.to_stdout;
    options.out_dir = s.out_dir;

    if (s.to_stdout && (options.formats.size() != 1 || s.inputs.size() != 1))
        throw Error(ErrorKind::usage, "", "--stdout takes exactly one input and one format (-t)");
    if (!s.to_stdout) {
        std::error_code ec;
        fs::create_directories(options.out_dir, ec);
        if (!fs::is_directory(options.out_dir))
            throw Error(ErrorKind::output, s.out_dir, "cannot create output folder" + (ec ? ": " + ec.message() : std::string()));
    }

    int status = exit_code::ok;
    for (const auto& input : s.inputs) {
        pipeline::FileResult r = pipeline::convert_file(input, options);
        report(r.diagnostics, s);
        if (!r.ok) {
            std::cerr << "pressroom: " << r.error << "\n";
            status = std::max(status, r.exit_code);
        } else if (!s.quiet && !s.to_stdout && s.verbose) {
            for (const auto& o : r.outputs) std::cerr << "wrote " << o.path.string() << " (" << o.size << " bytes)\n";
        }
    }
    return status;
}

// What the options only point to but that changes outputs: the contents of
// --rules files (so that editing one makes a batch convert again).
std::string rules_digest(const Settings& s) {
    std::string digest;
    for (const auto& f : s.rules_files) digest += sha256_hex(read_input(f, 8u << 20)) + "\n";
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
    o.fingerprint_extra = rules_digest(s);
    return o;
}

void write_report_file(const std::string& file, const pipeline::Report& report) {
    const std::string bytes = pipeline::dump(pipeline::to_json(report));
    if (file == "-") write_stdout(bytes);
    else write_atomic(file, bytes);
}

int execute_batch(Settings& s) {
    if (s.inputs.empty()) throw Error(ErrorKind::usage, "", "no folders to convert (see 'pressroom batch --help')");
    std::unique_ptr<ingest::RuleBook> rules;
    pipeline::BatchOptions options = batch_options(s, rules);
    options.out_dir = s.out_dir;
    InterruptGuard interrupt;
    options.stop = &interrupt.signal();
    Progress progress(Progress::choose_display(s.quiet), {s.quiet, s.verbose}, std::cerr);
    pipeline::BatchResult result = pipeline::run_batch(options, progress);
    progress.stop();
    if (!s.report_file.empty()) write_report_file(s.report_file, result.report);
    if (!s.quiet) std::cerr << summary(result, progress.seconds(), "batch") << "\n";
    return result.exit_code();
}

int execute_bundle(Settings& s) {
    if (s.inputs.empty())
        throw Error(ErrorKind::usage, "", std::string(s.merge ? "no shard bundles to merge" : "no folders to bundle") +
                                              " (see 'pressroom bundle --help')");
    if (s.title.empty()) throw Error(ErrorKind::usage, "", "--title must not be empty");
    s.formats = "all";
    std::unique_ptr<ingest::RuleBook> rules;
    pipeline::BatchOptions options = batch_options(s, rules);
    pipeline::BundleOptions bundle;
    bundle.title = s.title;
    bundle.render = options.convert.render;
    Diagnostics diags;
    if (s.merge) {
        if (!s.shard.empty() || !s.work_dir.empty() || !s.include.empty() || !s.exclude.empty())
            throw Error(ErrorKind::usage, "", "--merge joins shard bundles: --shard, --work-dir, --include and "
                                              "--exclude belong to the runs that made them");
        pipeline::BundleResult r = pipeline::merge_bundles(s.inputs, s.output_file, bundle, diags);
        report(diags.items(), s);
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
    if (!s.quiet) {
        std::cerr << summary(run.batch, progress.seconds(), "bundle") << "\n";
        std::cerr << "pressroom bundle: wrote " << s.output_file << (options.shard.all() ? "" : " (shard " + options.shard.name() + ")")
                  << ": " << run.bundle.converted << " releases, " << run.bundle.failed << " inputs failed; "
                  << run.bundle.entries << " files, " << run.bundle.size << " bytes, SHA-256 " << run.bundle.sha256 << "\n";
    }
    return std::max(run.batch.exit_code(), run.bundle.exit_code);
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
    return exit_code::ok;
}

int execute_rules(Settings& s) {
    auto loaded = load_rules(s);
    const ingest::RuleBook& book = loaded ? *loaded : ingest::RuleBook::builtin();
    for (const auto& p : book.profiles()) {
        std::cout << p.id << "  " << p.name << (p.always() ? "  (always applies)" : "  (detected)") << "\n";
        for (std::size_t i : p.rules) {
            const auto& r = book.rules()[i];
            std::cout << "  " << r.id << " [" << ingest::scope_name(r.scope) << "]  " << r.why << "\n";
        }
    }
    return exit_code::ok;
}

const std::array command_table = {
    Command{"convert", "pressroom convert [OPTIONS] INPUT...",
            "convert releases to XML, text and other formats",
            "Reads each INPUT (a text dump of a release page, or pressroom's own release XML), "
            "normalizes it (removes boilerplate, extracts the metadata, rebuilds the paragraphs, "
            "repairs scraping damage) and writes DIR/NAME.FORMAT for each format, NAME being the "
            "input's file name without its extension.\n\n"
            "Each output is written to a temporary file and renamed, so an output is either complete "
            "or absent. An input that fails (unreadable, no release text in it) is reported as "
            "'pressroom: FILE: problem' and the other inputs are still converted; the exit status is "
            "then 1.\n\n"
            "Diagnostics go to standard error as 'FILE:LINE: warning: message [code]'.\n\n"
            "Outputs carry no wall-clock time: dates come from SOURCE_DATE_EPOCH when it is set, "
            "else from the release date, so the same input gives the same bytes.",
            "pressroom convert release.txt                    # release.xml and release.txt here\n"
            "pressroom convert -o out -t all *.txt            # every format into out/\n"
            "pressroom convert -t xml --stdout page.txt       # release XML to standard output\n"
            "cat page.txt | pressroom convert -t txt --stdout -   # from standard input\n"
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
            "Progress goes to standard error: a bar on a terminal, a line every ten seconds otherwise. Then a "
            "one-line summary. --report writes every input's status, diagnostics and outputs (sizes, SHA-256) "
            "as JSON. Exit status 0 when every input converted, 1 when one failed or a folder could not be "
            "read.",
            "pressroom batch releases/ -o out/                       # xml and txt of every file\n"
            "pressroom batch releases/ -o out/ -t all -j 4 --report report.json\n"
            "pressroom batch releases/ -o out/ --include '*.html' --exclude 'drafts'\n"
            "pressroom batch releases/ -o out/                       # again: only what changed\n"
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
            "problem as 'FILE:LINE: error: message'. Exit status 0 when all are valid, 1 otherwise.\n\n"
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
            "Lists every agency profile and its rules: id, scope and what it removes. With --rules, "
            "loads FILE on top of the built-in rules first, which checks it against schemas/rules.xsd.",
            "pressroom rules\n"
            "pressroom rules --rules mysite.xml     # check a rules file",
            &declare_rules, &execute_rules},
};

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
    // The positional "input" option is an implementation detail of parsing.
    po::options_description visible("Options");
    for (const auto& opt : d.options())
        if (opt->long_name() != "input") visible.add(opt);
    os << visible << "\nExamples:\n";
    for (std::string_view ex : text::split(c.examples, '\n')) os << "  " << ex << "\n";
}

int run_command(const Command& c, const std::vector<std::string>& args) {
    Settings s;
    po::options_description d("Options");
    po::positional_options_description p;
    c.declare(d, p, s);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(d).positional(p).run(), vm);
    if (vm.count("help")) {
        print_command_help(c, std::cout);
        return exit_code::ok;
    }
    po::notify(vm);
    if (s.quiet && s.verbose) throw Error(ErrorKind::usage, "", "--quiet and --verbose contradict each other");
    return c.execute(s);
}

void print_version(std::ostream& os) {
    os << "pressroom " PRESSROOM_VERSION;
    if (*PRESSROOM_GIT_COMMIT) os << " (commit " PRESSROOM_GIT_COMMIT ")";
    os << "\n"
       << "built with: libxml2 " LIBXML_DOTTED_VERSION ", libharu " HPDF_VERSION_TEXT ", HarfBuzz "
       << hb_version_string() << ", PCRE2 " << Regex::library_version() << ", utf8proc " << utf8proc_version()
       << ", libzip " << zip_libzip_version() << ", Hunspell " PRESSROOM_HUNSPELL_VERSION ", nlohmann-json " << NLOHMANN_JSON_VERSION_MAJOR << "."
       << NLOHMANN_JSON_VERSION_MINOR << "." << NLOHMANN_JSON_VERSION_PATCH << ", " OPENSSL_VERSION_TEXT
       << ", Boost " << BOOST_VERSION / 100000 << "." << BOOST_VERSION / 100 % 1000 << "." << BOOST_VERSION % 100
       << "\n";
}

}  // namespace pressroom::cli

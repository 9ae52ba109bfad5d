#include "cli/commands.hpp"

#include "base/deadline.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/rules.hpp"
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

void declare_convert(po::options_description& d, po::positional_options_description& p, Settings& s) {
    std::string format_list;
    for (const auto& f : render::formats()) format_list += (format_list.empty() ? "" : ", ") + std::string(f.name);
    d.add_options()
        ("output,o", po::value(&s.out_dir)->value_name("DIR")->default_value("."), "write outputs into DIR (created if missing)")
        ("to,t", po::value(&s.formats)->value_name("FORMATS")->default_value("xml,txt"),
         ("comma-separated output formats, or 'all': " + format_list).c_str())
        ("stdout", po::bool_switch(&s.to_stdout), "write the one output format of the one input to standard output")
        ("width,w", po::value(&s.width)->value_name("N")->default_value(72), "txt: wrap lines at N columns")
        ("paper", po::value(&s.paper)->value_name("SIZE")->default_value("letter"), "pdf: page size, letter or a4")
        ("font-dir", po::value(&s.font_dir)->value_name("DIR"),
         "pdf: take the fonts from DIR (its manifest.tsv, else the built-in one) instead of pressroom's own")
        ("embed-fonts", po::bool_switch(&s.embed_fonts),
         "epub: embed the PDF's fonts (subset to the text; from --font-dir when given)");
    input_options(d, s);
    common_options(d, s);
    d.add_options()("input", po::value(&s.inputs)->composing(), "input files ('-' for standard input)");
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
    d.add_options()("width,w", po::value(&s.width)->value_name("N")->default_value(120),
                    "cut lines to N columns");
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

int execute_convert(Settings& s) {
    if (s.inputs.empty()) throw Error(ErrorKind::usage, "", "no input files (see 'pressroom convert --help')");
    pipeline::ConvertOptions options;
    options.formats = parse_formats(s.formats);
    options.to_stdout = s.to_stdout;
    options.out_dir = s.out_dir;
    options.max_input_bytes = parse_size(s.max_input_size);
    options.time_limit = parse_time_limit(s.time_limit);
    options.ingest.from = s.from;
    options.ingest.profile = s.profile;
    static const std::array<const char*, 6> readers = {"text", "html", "markdown", "json", "rss", "xml"};
    if (!s.from.empty() && std::find(readers.begin(), readers.end(), s.from) == readers.end())
        throw Error(ErrorKind::usage, "", "unknown reader '" + s.from + "' (known: text, html, markdown, json, rss, xml)");
    auto rules = load_rules(s);
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
    ingest::Trace t = ingest::trace(bytes, io, diags);
    std::cout << input << ": read as " << t.format << " (" << t.encoding << "), rules: " << text::join(t.profiles, ", ")
              << "\n\n";
    const std::size_t width = static_cast<std::size_t>(std::max(s.width, 60));
    for (const auto& l : t.lines) {
        std::string num = std::to_string(l.line);
        std::string fate = l.fate.empty() ? "-" : l.fate;
        std::string row = std::string(num.size() < 5 ? 5 - num.size() : 0, ' ') + num + "  " + fate;
        row += std::string(row.size() < 40 ? 40 - row.size() : 1, ' ') + "\u2502 ";
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

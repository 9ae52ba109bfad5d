// The command line people already know (issue 14, section 2): where pandoc
// has a convention for the same thing, pressroom follows it. Each case runs
// the built binary and checks the exit status, the message and what is left
// on disk.
#include "support.hpp"

#include <doctest/doctest.h>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {

std::string seed() { return (test::source_dir() / "samples/dod-105-13.txt").string(); }

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The built binary with its standard output on a terminal (script(1), from
// util-linux's bsdutils, which every Debian system has).
test::RunResult on_terminal(const std::string& args) {
    return test::run({"script", "-qec", test::binary().string() + " " + args, "/dev/null"});
}

}  // namespace

TEST_CASE("cli habits: the README's first example works where the input is - release XML to standard output") {
    test::TempDir dir;
    fs::copy_file(seed(), dir / "release.txt");
    auto r = test::pressroom({"convert", "release.txt"}, {}, {}, dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<release xmlns=\"urn:pressroom:release:1\"", 0) ==
          0);
    CHECK(contains(r.out, "<release-number>105-13</release-number>"));
    // Nothing written beside the input, and the input untouched.
    CHECK(entries(dir.path()) == 1);
    CHECK(test::read_file(dir / "release.txt") == test::read_file(seed()));
    // -o - is the same; -t picks the one format.
    auto dash = test::pressroom({"convert", "-o", "-", "release.txt"}, {}, {}, dir.path());
    CHECK(dash.status == 0);
    CHECK(dash.out == r.out);
    auto text = test::pressroom({"convert", "-t", "txt", "release.txt"}, {}, {}, dir.path());
    CHECK(text.status == 0);
    CHECK(text.out.rfind("United States Department of Defense\n", 0) == 0);
}

TEST_CASE("cli habits: standard output takes one input and one format - else a usage error saying -o DIR") {
    test::TempDir dir;
    auto two_inputs = test::pressroom({"convert", seed(), seed()}, {}, {}, dir.path());
    CHECK(two_inputs.status == 2);
    CHECK(contains(two_inputs.err,
                   "pressroom: standard output takes one input, not 2: write them into a folder with -o DIR"));
    auto two_formats = test::pressroom({"convert", "-t", "xml,txt", seed()}, {}, {}, dir.path());
    CHECK(two_formats.status == 2);
    CHECK(contains(two_formats.err, "standard output takes one format, not 2"));
    CHECK(entries(dir.path()) == 0);
}

TEST_CASE("cli habits: -o FILE.EXT writes that one file in the format its extension names") {
    test::TempDir dir;
    auto pdf = test::pressroom({"convert", seed(), "-o", (dir / "out.pdf").string()});
    CHECK(pdf.status == 0);
    REQUIRE(fs::is_regular_file(dir / "out.pdf"));  // a file, not a folder named out.pdf
    CHECK(test::read_file(dir / "out.pdf").rfind("%PDF-", 0) == 0);
    auto epub = test::pressroom({"convert", seed(), "-o", (dir / "sub/book.EPUB").string()});
    CHECK(epub.status == 0);
    REQUIRE(fs::is_regular_file(dir / "sub/book.EPUB"));
    CHECK(test::read_file(dir / "sub/book.EPUB").substr(30, 8) == "mimetype");
    auto xml = test::pressroom({"convert", seed(), "-o", (dir / "r.xml").string()});
    CHECK(xml.status == 0);
    CHECK(test::pressroom({"validate", (dir / "r.xml").string()}).status == 0);
    CHECK(entries(dir.path()) == 3);

    auto disagree = test::pressroom({"convert", seed(), "-t", "txt", "-o", (dir / "x.pdf").string()});
    CHECK(disagree.status == 2);
    CHECK(contains(disagree.err, "-o " + (dir / "x.pdf").string() + " writes pdf, but -t asks for txt"));
    auto several = test::pressroom({"convert", seed(), seed(), "-o", (dir / "y.pdf").string()});
    CHECK(several.status == 2);
    CHECK(contains(several.err, "names one file, for one input"));
    auto unknown = test::pressroom({"convert", seed(), "-o", (dir / "page.odt").string()});
    CHECK(unknown.status == 2);
    CHECK(contains(
        unknown.err,
        "'.odt' is not the extension of an output format (.xml, .txt, .pdf, .epub, .html, .md, .docx, .json)"));
    CHECK(entries(dir.path()) == 3);
    // A folder keeps today's meaning: a name without extension, or with a final '/'.
    CHECK(test::pressroom({"convert", seed(), "-o", (dir / "folder.d/").string()}).status == 0);
    CHECK(fs::exists(dir / "folder.d/dod-105-13.xml"));
    CHECK(fs::exists(dir / "folder.d/dod-105-13.txt"));
}

TEST_CASE("cli habits: pdf and epub are not written to a terminal - xml is") {
    if (!test::have_program("script")) {
        MESSAGE("skipped: script(1) not installed");
        return;
    }
    auto pdf = on_terminal("convert -t pdf " + seed());
    CHECK(pdf.status == 2);
    CHECK(contains(pdf.out,
                   "pressroom: refusing to write pdf to a terminal: use -o dod-105-13.pdf, or redirect "
                   "standard output to a file"));
    CHECK_FALSE(contains(pdf.out, "%PDF"));
    auto epub = on_terminal("convert -o - -t epub " + seed());
    CHECK(epub.status == 2);
    CHECK(contains(epub.out, "refusing to write epub to a terminal"));
    auto xml = on_terminal("convert " + seed());
    CHECK(xml.status == 0);
    CHECK(contains(xml.out, "<release-number>105-13</release-number>"));
    // Redirected, the same PDF goes through.
    auto piped = test::pressroom({"convert", "-t", "pdf", seed()});
    CHECK(piped.status == 0);
    CHECK(piped.out.rfind("%PDF-", 0) == 0);
}

TEST_CASE("cli habits: options are never matched by prefix - the closest one is suggested") {
    auto ver = test::pressroom({"convert", "--ver", seed()});
    CHECK(ver.status == 2);
    CHECK(contains(ver.err,
                   "pressroom: unknown option '--ver' (did you mean '--verbose'?; see 'pressroom convert --help')"));
    CHECK(ver.out.empty());
    auto std_ = test::pressroom({"convert", "--std", seed()});
    CHECK(std_.status == 2);
    CHECK(contains(std_.err, "unknown option '--std' (did you mean '--stdout'?"));
    auto typo = test::pressroom({"batch", "--jbos", "2", "x", "-o", "y"});
    CHECK(typo.status == 2);
    CHECK(contains(typo.err, "unknown option '--jbos' (did you mean '--jobs'?"));
    auto far = test::pressroom({"convert", "--zzzzzzzz", seed()});
    CHECK(far.status == 2);
    CHECK(contains(far.err, "unknown option '--zzzzzzzz' (see 'pressroom convert --help')"));
    auto top = test::pressroom({"--vers"});
    CHECK(top.status == 2);
    CHECK(contains(top.err, "unknown option '--vers' (did you mean '--version'?"));
    auto command = test::pressroom({"convrt", seed()});
    CHECK(command.status == 2);
    CHECK(contains(command.err, "unknown command 'convrt' (did you mean 'convert'?)"));
}

TEST_CASE("cli habits: -t accumulates and 'all' may be one of a list") {
    test::TempDir dir;
    auto two = test::pressroom({"convert", "-t", "xml", "-t", "pdf", "-o", (dir / "two").string(), seed()});
    CHECK(two.status == 0);
    CHECK(fs::exists(dir / "two/dod-105-13.xml"));
    CHECK(fs::exists(dir / "two/dod-105-13.pdf"));
    CHECK(entries(dir / "two") == 2);
    auto all = test::pressroom({"convert", "-t", "pdf,all", "-o", (dir / "all").string(), seed()});
    CHECK(all.status == 0);
    CHECK(all.err.empty());  // no "unknown format 'all'"
    CHECK(entries(dir / "all") == 8);  // every format of the table
    auto bad = test::pressroom({"convert", "-t", "xml", "-t", "pfd", seed()});
    CHECK(bad.status == 2);
    CHECK(contains(
        bad.err,
        "unknown format 'pfd' (did you mean 'pdf'?); the formats are xml, txt, pdf, epub, html, md, docx, json, or all"));
}

TEST_CASE("cli habits: -v and -q may come before the command") {
    test::TempDir dir;
    auto v = test::pressroom({"-v", "convert", "-o", dir.path().string(), seed()});
    CHECK(v.status == 0);
    CHECK(contains(v.err, "note: using the 'dod' rules"));
    CHECK(contains(v.err, "wrote " + (dir / "dod-105-13.xml").string()));
    auto q = test::pressroom({"-q", "batch", (test::source_dir() / "samples").string(), "-o", (dir / "b").string()});
    CHECK(q.status == 0);
    CHECK(q.err.empty());
    auto alone = test::pressroom({"-v"});
    CHECK(alone.status == 2);
    CHECK(contains(alone.err, "-v applies to a command: pressroom -v COMMAND"));
    CHECK_FALSE(contains(alone.err, "command '-v'"));
    auto other = test::pressroom({"-o", "out", "convert", seed()});
    CHECK(other.status == 2);
    CHECK(contains(other.err, "'-o' is an option of a command: put it after the command"));
}

TEST_CASE("cli habits: two inputs with the same output name are refused before anything is written") {
    test::TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    fs::copy_file(seed(), dir / "a/r.txt");
    fs::copy_file(seed(), dir / "b/r.txt");
    const std::string out = (dir / "out").string();
    auto r = test::pressroom({"convert", "-o", out, (dir / "a/r.txt").string(), (dir / "b/r.txt").string()});
    CHECK(r.status == 2);
    CHECK(contains(r.err, "'" + (dir / "a/r.txt").string() + "' and '" + (dir / "b/r.txt").string() +
                              "' would both be written as " + out + "/r.*"));
    CHECK(contains(r.err, "nothing was written"));
    CHECK_FALSE(fs::exists(dir / "out"));
    // Standard input twice is the same name twice.
    CHECK(test::pressroom({"convert", "-o", out, "-", "-"}, test::read_file(seed())).status == 2);
}

TEST_CASE("cli habits: bundle -o must name a .zip") {
    test::TempDir dir;
    auto r = test::pressroom({"bundle", (test::source_dir() / "samples").string(), "-o", (dir / "b.tar.gz").string()});
    CHECK(r.status == 2);
    CHECK(contains(r.err, "-o " + (dir / "b.tar.gz").string() + ": a bundle is a zip file; name it NAME.zip"));
    CHECK(entries(dir.path()) == 0);
    auto merge = test::pressroom({"bundle", "--merge", "x.zip", "-o", (dir / "b.tgz").string()});
    CHECK(merge.status == 2);
    CHECK(contains(merge.err, "a bundle is a zip file"));
}

TEST_CASE("cli habits: -M sets a field over what the input gives - bad values are usage errors naming the key") {
    auto r = test::pressroom({"convert", "-M", "title=A  Title Set By Hand", "-M", "date=2024-03-01", "-M",
                              "contact=Jane Roe; 555-0100", "-M", "dateline=", seed()});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "<title>A Title Set By Hand</title>"));
    CHECK(contains(r.out, "<date>2024-03-01</date>"));
    CHECK(contains(r.out, "<line>Jane Roe</line>"));
    CHECK(contains(r.out, "<line>555-0100</line>"));
    CHECK_FALSE(contains(r.out, "<dateline>"));
    CHECK_FALSE(contains(r.out, "Integrated Defense Dialogue</title>"));

    auto date = test::pressroom({"convert", "-M", "date=22 Feb 2013", seed()});
    CHECK(date.status == 2);
    CHECK(contains(date.err, "pressroom: -M date: '22 Feb 2013' is not a date: write it YYYY-MM-DD"));
    CHECK(date.out.empty());
    auto key = test::pressroom({"convert", "--metadata", "titel=x", seed()});
    CHECK(key.status == 2);
    CHECK(contains(key.err, "-M titel: not a metadata field (did you mean 'title'?)"));
    auto lang = test::pressroom({"convert", "-M", "language=english please", seed()});
    CHECK(lang.status == 2);
    CHECK(contains(lang.err, "-M language: 'english please' is not a BCP 47 language tag"));
    auto no_value = test::pressroom({"convert", "-M", "title", seed()});
    CHECK(no_value.status == 2);
    CHECK(contains(no_value.err, "-M title: write KEY=VALUE"));
}

TEST_CASE("cli habits: --metadata-file in YAML or JSON - -M wins - errors name the file and line") {
    test::TempDir dir;
    test::write_file(dir / "meta.yaml",
                     "# fields set by hand\ntitle: From YAML\ndate: 2024-03-01\n"
                     "contact:\n  - First Contact; 555-0101\n  - Second Contact\n");
    auto yaml =
        test::pressroom({"convert", "--metadata-file", (dir / "meta.yaml").string(), "-M", "date=2024-03-02", seed()});
    CHECK(yaml.status == 0);
    CHECK(contains(yaml.out, "<title>From YAML</title>"));
    CHECK(contains(yaml.out, "<date>2024-03-02</date>"));
    CHECK(contains(yaml.out, "<line>First Contact</line>"));
    CHECK(contains(yaml.out, "<line>Second Contact</line>"));
    test::write_file(dir / "meta.json", "{\"title\": \"From JSON\", \"release-number\": 7}");
    auto json = test::pressroom({"convert", "--metadata-file", (dir / "meta.json").string(), seed()});
    CHECK(json.status == 0);
    CHECK(contains(json.out, "<title>From JSON</title>"));
    CHECK(contains(json.out, "<release-number>7</release-number>"));

    test::write_file(dir / "bad.yaml", "title: fine\n\ndate: March 1\n");
    auto bad = test::pressroom({"convert", "--metadata-file", (dir / "bad.yaml").string(), seed()});
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, "--metadata-file " + (dir / "bad.yaml").string() + ":3: date: 'March 1' is not a date"));
    auto missing = test::pressroom({"convert", "--metadata-file", (dir / "none.yaml").string(), seed()});
    CHECK(missing.status == 2);
    CHECK(contains(missing.err, "--metadata-file: cannot open"));
}

TEST_CASE("cli habits: --defaults FILE holds any option - the command line wins - errors name the line") {
    test::TempDir dir;
    test::write_file(dir / "ci.yaml",
                     "# a CI job's options\n"
                     "to: [xml, pdf]\n"
                     "output: " +
                         (dir / "from-file").string() +
                         "/\n"
                         "verbose: true\n"
                         "metadata:\n  agency: Set In Defaults\n"
                         "inputs: [" +
                         seed() + "]\n");
    auto r = test::pressroom({"convert", "--defaults", (dir / "ci.yaml").string()});
    CHECK(r.status == 0);
    CHECK(contains(r.err, "wrote " + (dir / "from-file/dod-105-13.pdf").string()));
    CHECK(contains(test::read_file(dir / "from-file/dod-105-13.xml"), "<agency>Set In Defaults</agency>"));
    CHECK(entries(dir / "from-file") == 2);
    // The command line's -t and -o replace the file's; its -M adds to the file's metadata.
    auto over = test::pressroom({"convert", "-d", (dir / "ci.yaml").string(), "-t", "txt", "-o",
                                 (dir / "cmdline").string(), "-M", "title=Also Set"});
    CHECK(over.status == 0);
    CHECK(entries(dir / "cmdline") == 1);
    CHECK(contains(test::read_file(dir / "cmdline/dod-105-13.txt"), "Also Set"));
    CHECK(contains(test::read_file(dir / "cmdline/dod-105-13.txt"), "Set In Defaults"));

    test::write_file(dir / "typo.yaml", "to: xml\nouptut: x\n");
    auto typo = test::pressroom({"convert", "--defaults", (dir / "typo.yaml").string(), seed()});
    CHECK(typo.status == 2);
    CHECK(contains(typo.err,
                   (dir / "typo.yaml").string() + ":2: --defaults: unknown option 'ouptut' (did you mean 'output'?)"));
    test::write_file(dir / "switch.yaml", "force: maybe\n");
    auto sw =
        test::pressroom({"batch", "--defaults", (dir / "switch.yaml").string(), seed(), "-o", (dir / "b").string()});
    CHECK(sw.status == 2);
    CHECK(contains(sw.err, ":1: force: a switch takes true or false, not 'maybe'"));
    test::write_file(dir / "list.yaml", "paper: [a4, letter]\n");
    auto list = test::pressroom({"convert", "--defaults", (dir / "list.yaml").string(), seed()});
    CHECK(list.status == 2);
    CHECK(contains(list.err, ":1: paper: takes one value, not a list"));
    test::write_file(dir / "broken.yaml", "to: [xml\n");
    auto broken = test::pressroom({"convert", "--defaults", (dir / "broken.yaml").string(), seed()});
    CHECK(broken.status == 2);
    CHECK(contains(broken.err, "--defaults: not YAML"));
    CHECK_FALSE(fs::exists(dir / "x"));
}

TEST_CASE("cli habits: --font-dir takes a plain folder of TrueType files") {
    const fs::path own = test::binary().parent_path() / "share/pressroom/fonts";
    REQUIRE(fs::exists(own / "DejaVuSerif.ttf"));
    test::TempDir dir;
    fs::create_directories(dir / "family");
    // DejaVu Serif, named as a user's download would be, without a manifest.
    for (const char* f :
         {"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"})
        fs::copy_file(own / f, dir / "family" / f);
    auto r =
        test::pressroom({"convert", "--font-dir", (dir / "family").string(), "-o", (dir / "r.pdf").string(), seed()});
    CHECK(r.status == 0);
    const std::string pdf = test::read_file(dir / "r.pdf");
    CHECK(contains(pdf, "DejaVuSerif"));
    CHECK(contains(pdf, "DejaVuSerif-Bold"));  // the title, set in the bold found by its name table
    CHECK_FALSE(contains(pdf, "LiberationSerif"));
    if (test::have_program("pdffonts")) {
        auto fonts = test::run({"pdffonts", (dir / "r.pdf").string()});
        CHECK(contains(fonts.out, "DejaVuSerif-Bold"));
        CHECK_FALSE(contains(fonts.out, "Liberation"));
    }

    fs::create_directories(dir / "mixed");
    fs::copy_file(own / "DejaVuSerif.ttf", dir / "mixed/DejaVuSerif.ttf");
    fs::copy_file(own / "LiberationSerif-Regular.ttf", dir / "mixed/LiberationSerif-Regular.ttf");
    auto mixed = test::pressroom({"convert", "--font-dir", (dir / "mixed").string(), "-t", "txt", seed()});
    CHECK(mixed.status == 2);
    CHECK(
        contains(mixed.err, "--font-dir: the folder holds fonts of several families (DejaVu Serif, Liberation Serif)"));
    fs::create_directories(dir / "empty");
    auto empty = test::pressroom({"convert", "--font-dir", (dir / "empty").string(), "-t", "txt", seed()});
    CHECK(empty.status == 2);
    CHECK(contains(empty.err, "--font-dir: no TrueType fonts (*.ttf) in the folder"));
}

TEST_CASE("cli habits: convert --help lists every input format - the man page too") {
    auto help = test::pressroom({"convert", "--help"});
    CHECK(help.status == 0);
    CHECK(contains(help.out, "Input formats (found from the content; --from forces one):"));
    for (const char* reader : {"text", "html", "markdown", "json", "rss", "xml", "release-json"})
        CHECK_MESSAGE(contains(help.out, "\n  " + std::string(reader) + " "), reader);
    CHECK(contains(help.out, "an RSS or Atom feed: its first item"));
    CHECK(contains(help.out, "a markdown export, with or without YAML front matter"));
    auto man = test::pressroom({"--man-page"});
    CHECK(contains(man.out, "an RSS or Atom feed: its first item"));
    // Every command that reads inputs lists them; validate and rules do not.
    CHECK(contains(test::pressroom({"batch", "--help"}).out, "Input formats"));
    CHECK_FALSE(contains(test::pressroom({"validate", "--help"}).out, "Input formats"));
}

TEST_CASE("cli habits: -v on validate and rules promises what they print") {
    test::TempDir dir;
    REQUIRE(test::pressroom({"convert", "-o", (dir / "r.xml").string(), seed()}).status == 0);
    auto help = test::pressroom({"validate", "--help"});
    CHECK(contains(help.out, "also print 'FILE: valid' for each valid file"));
    CHECK_FALSE(contains(help.out, "encoding"));
    auto v = test::pressroom({"validate", "-v", (dir / "r.xml").string()});
    CHECK(v.status == 0);
    CHECK(v.err == (dir / "r.xml").string() + ": valid\n");

    auto rules_help = test::pressroom({"rules", "--help"});
    CHECK(contains(rules_help.out, "also print each rule's patterns"));
    auto plain = test::pressroom({"rules"});
    auto verbose = test::pressroom({"rules", "-v"});
    CHECK(verbose.status == 0);
    CHECK_FALSE(contains(plain.out, "    match: "));
    CHECK(contains(verbose.out, "    match: "));
    CHECK(contains(verbose.out, "    from: rules/generic.xml"));
    CHECK(contains(verbose.out, "    detect: "));
}

// The command line, driven as a user drives it: the built binary, its exit
// codes, what it prints, and what it leaves on disk.
#include "support.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {
std::string seed() { return (test::source_dir() / "samples/dod-105-13.txt").string(); }
}  // namespace

TEST_CASE("cli: convert writes NAME.xml and NAME.txt into -o DIR - from any directory") {
    test::TempDir dir;
    auto r = test::pressroom({"convert", "-o", (dir / "out").string(), seed()}, {}, {}, "/");
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(fs::exists(dir / "out/dod-105-13.xml"));
    CHECK(fs::exists(dir / "out/dod-105-13.txt"));
    // Nothing else: no temporary files left behind.
    CHECK(std::distance(fs::directory_iterator(dir / "out"), fs::directory_iterator()) == 2);
}

TEST_CASE("cli: --stdout prints the one format - '-' reads standard input") {
    auto r = test::pressroom({"convert", "-t", "xml", "--stdout", seed()});
    CHECK(r.status == 0);
    CHECK(r.out.find("<release-number>105-13</release-number>") != std::string::npos);
    auto s = test::pressroom({"convert", "-t", "txt", "--stdout", "-"}, test::read_file(seed()));
    CHECK(s.status == 0);
    CHECK(s.out.rfind("United States Department of Defense\n", 0) == 0);
    auto both = test::pressroom({"convert", "-t", "xml,txt", "--stdout", seed()});
    CHECK(both.status == 2);
    CHECK(both.err.find("standard output takes one format, not 2") != std::string::npos);
}

TEST_CASE("cli: a bad input fails with its name - writes nothing for it and the others still convert") {
    test::TempDir dir;
    test::write_file(dir / "empty.txt", "");
    test::write_file(dir / "chrome.txt", "Bookmark and Share\nStay Connected\n");
    auto r = test::pressroom({"convert", "-o", (dir / "out").string(), (dir / "empty.txt").string(),
                              (dir / "missing.txt").string(), (dir / "chrome.txt").string(), seed()});
    CHECK(r.status == 1);
    CHECK(r.err.find("pressroom: " + (dir / "empty.txt").string() + ": no release text found") != std::string::npos);
    CHECK(r.err.find("pressroom: " + (dir / "missing.txt").string() + ": cannot open: No such file or directory") !=
          std::string::npos);
    CHECK(r.err.find("pressroom: " + (dir / "chrome.txt").string() + ": no release text found") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out/empty.xml"));
    CHECK_FALSE(fs::exists(dir / "out/chrome.txt"));
    CHECK(fs::exists(dir / "out/dod-105-13.xml"));
}

TEST_CASE("cli: usage errors exit 2 with a pointer to --help") {
    auto r = test::pressroom({"convert", "--no-such-option", seed()});
    CHECK(r.status == 2);
    CHECK(r.err.find("see 'pressroom convert --help'") != std::string::npos);
    CHECK(test::pressroom({"frobnicate"}).status == 2);
    CHECK(test::pressroom({}).status == 2);
    auto f = test::pressroom({"convert", "-t", "odt", seed()});
    CHECK(f.status == 2);
    CHECK(f.err.find("unknown format 'odt'") != std::string::npos);
    CHECK(test::pressroom({"convert", "--profile", "nope", seed()}).status == 2);
    CHECK(test::pressroom({"convert"}).status == 2);
}

TEST_CASE("cli: --help teaches: commands - options - examples - exit codes") {
    auto r = test::pressroom({"--help"});
    CHECK(r.status == 0);
    for (const char* s : {"convert", "validate", "Examples:", "Exit status"}) CHECK(r.out.find(s) != std::string::npos);
    auto c = test::pressroom({"convert", "--help"});
    CHECK(c.status == 0);
    for (const char* s : {"--output", "--to", "--stdout", "--width", "--rules", "Examples:"})
        CHECK(c.out.find(s) != std::string::npos);
    auto v = test::pressroom({"--version"});
    CHECK(v.status == 0);
    CHECK(v.out.rfind("pressroom ", 0) == 0);
    CHECK(v.out.find("libxml2") != std::string::npos);
}

TEST_CASE("cli: validate accepts good XML and reports a broken one with its line - exit 1") {
    test::TempDir dir;
    auto r = test::pressroom({"convert", "-o", dir.path().string(), "-t", "xml", seed()});
    REQUIRE(r.status == 0);
    std::string xml = test::read_file(dir / "dod-105-13.xml");
    CHECK(test::pressroom({"validate", (dir / "dod-105-13.xml").string()}).status == 0);

    auto pos = xml.find("<date>2013-02-22</date>");
    REQUIRE(pos != std::string::npos);
    xml.replace(pos, 23, "<date>22 Feb 2013</date>");
    test::write_file(dir / "broken.xml", xml);
    auto v = test::pressroom({"validate", (dir / "broken.xml").string()});
    CHECK(v.status == 1);
    CHECK(v.err.find((dir / "broken.xml").string() + ":7: error:") != std::string::npos);
}

TEST_CASE("cli: converting release XML reads it back (xml in - text out)") {
    test::TempDir dir;
    REQUIRE(test::pressroom({"convert", "-o", dir.path().string(), "-t", "xml", seed()}).status == 0);
    auto from_xml = test::pressroom({"convert", "-t", "txt", "--stdout", (dir / "dod-105-13.xml").string()});
    auto from_raw = test::pressroom({"convert", "-t", "txt", "--stdout", seed()});
    CHECK(from_xml.status == 0);
    CHECK(from_xml.out == from_raw.out);
}

TEST_CASE("cli: an unwritable output folder fails with exit 3 and no output") {
    if (::geteuid() == 0) {
        // root ignores permission bits; use a path under a regular file instead.
        test::TempDir dir;
        test::write_file(dir / "file", "x");
        auto r = test::pressroom({"convert", "-o", (dir / "file/sub").string(), seed()});
        CHECK(r.status == 3);
        CHECK(r.err.find("cannot create output folder") != std::string::npos);
        return;
    }
    test::TempDir dir;
    fs::create_directory(dir / "ro");
    fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    auto r = test::pressroom({"convert", "-o", (dir / "ro").string(), seed()});
    CHECK(r.status == 3);
    CHECK(r.err.find("cannot write") != std::string::npos);
    CHECK(std::distance(fs::directory_iterator(dir / "ro"), fs::directory_iterator()) == 0);
}

TEST_CASE("cli: an output that cannot be written (full disk) leaves nothing behind") {
    if (!fs::exists("/dev/full")) return;
    auto r = test::pressroom({"convert", "-t", "xml", "--stdout", seed()}, {}, {}, {});
    REQUIRE(r.status == 0);
    // /dev/full as standard output: the write fails with ENOSPC.
    auto full = test::run({"/bin/sh", "-c", "\"$0\" convert -t xml --stdout \"$1\" > /dev/full", test::binary().string(), seed()});
    CHECK(full.status == 3);
    CHECK(full.err.find("No space left on device") != std::string::npos);
}

TEST_CASE("cli: refuses to overwrite its own input") {
    test::TempDir dir;
    fs::copy_file(seed(), dir / "r.txt");
    auto r = test::pressroom({"convert", "-o", dir.path().string(), (dir / "r.txt").string()});
    CHECK(r.status == 3);
    CHECK(r.err.find("refusing to overwrite the input") != std::string::npos);
    CHECK(test::read_file(dir / "r.txt") == test::read_file(seed()));
}

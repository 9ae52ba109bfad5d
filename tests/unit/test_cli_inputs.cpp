// Inputs that are not what they claim (issue 14, section 3): each is
// refused, or explained, with what it is, through the built binary.
#include "support.hpp"

#include "pressroom/pressroom.hpp"

#include <doctest/doctest.h>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {

std::string seed() { return (test::source_dir() / "samples/dod-105-13.txt").string(); }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Converts `file` into a fresh folder; the folder must stay empty when the
// input is refused.
test::RunResult convert_into(const test::TempDir& dir, const fs::path& file) {
    auto r = test::pressroom({"convert", "-o", (dir / "out").string(), file.string()});
    if (r.status != 0 && fs::exists(dir / "out"))
        CHECK_MESSAGE(fs::is_empty(dir / "out"), "outputs were written for a refused input");
    return r;
}

}  // namespace

TEST_CASE("inputs: XML with a DTD declaring entities is refused - its entities never become a release") {
    test::TempDir dir;
    // Read as HTML, this converted with exit 0: title "]> &x;".
    test::write_file(dir / "note.xml",
                     "<?xml version=\"1.0\"?>\n<!DOCTYPE note [\n  <!ENTITY x \"WASHINGTON - The "
                     "agency announced a new programme today.\">\n]>\n<note>&x; &x; &x;</note>\n");
    auto r = convert_into(dir, dir / "note.xml");
    CHECK(r.status == 1);
    CHECK(contains(r.err, "pressroom: " + (dir / "note.xml").string() +
                              ":2: a document type declaration declaring entities (<!DOCTYPE note [...]>): pressroom "
                              "reads no DTD and expands no entities"));
    // Also when the name does not say XML, and in HTML's clothes.
    test::write_file(dir / "page.txt",
                     "<!DOCTYPE html [<!ENTITY x \"boom\">]>\n<html><body><p>&x;</p></body></html>\n");
    auto html = convert_into(dir, dir / "page.txt");
    CHECK(html.status == 1);
    CHECK(contains(html.err, "page.txt:1: a document type declaration declaring entities (<!DOCTYPE html [...]>)"));
    // A release that quotes one is a release: only markup can be XML.
    std::string quoting = test::read_file(seed());
    quoting.insert(quoting.find("The Department of Defense"),
                   "<!DOCTYPE note [<!ENTITY x \"quoted in the text\">]>\n\n");
    test::write_file(dir / "quoting.txt", quoting);
    auto q = test::pressroom({"convert", "-t", "txt", (dir / "quoting.txt").string()});
    CHECK(q.status == 0);
    CHECK(contains(q.out, "<!DOCTYPE note"));
}

TEST_CASE("inputs: XML of another vocabulary is refused naming its root element") {
    test::TempDir dir;
    test::write_file(dir / "catalog.xml",
                     "<?xml version=\"1.0\"?>\n<catalog><book><title>WASHINGTON</title></book></catalog>\n");
    auto r = convert_into(dir, dir / "catalog.xml");
    CHECK(r.status == 1);
    CHECK(contains(r.err,
                   "pressroom: " + (dir / "catalog.xml").string() + ": XML, not a release (root element <catalog>)"));
    // Without a declaration, a .xml name says XML too.
    test::write_file(dir / "bare.xml", "<data><row>The agency said today that it will do things.</row></data>\n");
    auto bare = convert_into(dir, dir / "bare.xml");
    CHECK(bare.status == 1);
    CHECK(contains(bare.err, "XML, not a release (root element <data>)"));
    // A DTD without entities is refused as a DTD.
    test::write_file(dir / "dtd.xml",
                     "<?xml version=\"1.0\"?>\n\n<!DOCTYPE memo SYSTEM \"memo.dtd\">\n<memo>text</memo>\n");
    auto dtd = convert_into(dir, dir / "dtd.xml");
    CHECK(dtd.status == 1);
    CHECK(contains(dtd.err, "dtd.xml:3: XML with a document type declaration (<!DOCTYPE memo>), not a release"));
    // Not well-formed XML says so, with libxml2's line.
    test::write_file(dir / "broken.xml", "<?xml version=\"1.0\"?>\n<a>\n<b></a>\n");
    auto broken = convert_into(dir, dir / "broken.xml");
    CHECK(broken.status == 1);
    CHECK(contains(broken.err, "broken.xml:3: XML that is not well-formed"));
    // The refusal is a refusal (batch --fail-on tells it from a failure): -v says why.
    auto v = test::pressroom({"convert", "-v", "-o", (dir / "out").string(), (dir / "catalog.xml").string()});
    CHECK(contains(v.err, "note: XML, not a release (root element <catalog>) [refused]"));
}

TEST_CASE("inputs: XML pressroom reads still converts: release XML - XHTML - an RSS feed with a declaration") {
    test::TempDir dir;
    REQUIRE(test::pressroom({"convert", "-o", (dir / "r.xml").string(), seed()}).status == 0);
    auto back = test::pressroom({"convert", "-t", "txt", (dir / "r.xml").string()});
    CHECK(back.status == 0);
    CHECK(back.out == test::pressroom({"convert", "-t", "txt", seed()}).out);

    const std::string body =
        "<p>WASHINGTON &#8212; The Department of Example announced today a new programme for "
        "harbours, to begin in the spring.</p><p>The programme will run for three years and "
        "cover every harbour on the coast.</p>";
    test::write_file(dir / "page.xhtml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC "
                     "\"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
                     "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>New harbour programme"
                     "</title></head><body><h1>New harbour programme</h1>" +
                         body + "</body></html>\n");
    auto xhtml = test::pressroom({"convert", "-v", (dir / "page.xhtml").string()});
    CHECK(xhtml.status == 0);
    CHECK(contains(xhtml.err, "read as html"));
    CHECK(contains(xhtml.out, "<title>New harbour programme</title>"));

    test::write_file(dir / "feed.xml",
                     "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title><item>"
                     "<title>New harbour programme</title><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate>"
                     "<description><![CDATA[" +
                         body + "]]></description></item></channel></rss>\n");
    auto rss = test::pressroom({"convert", "-v", (dir / "feed.xml").string()});
    CHECK(rss.status == 0);
    CHECK(contains(rss.err, "read as rss"));
    CHECK(contains(rss.out, "<date>2024-03-01</date>"));
}

TEST_CASE("inputs: RTF is refused as RTF - not read as text") {
    test::TempDir dir;
    test::write_file(dir / "release.rtf",
                     "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\n\\pard WASHINGTON -- The "
                     "agency announced a new programme today for every harbour.\\par\n}\n");
    auto r = convert_into(dir, dir / "release.rtf");
    CHECK(r.status == 1);
    CHECK(contains(
        r.err, "release.rtf: an RTF (rich text) document, not a release page: save it as plain text or HTML first"));
    // Told to read it as text, pressroom does as told.
    auto forced = test::pressroom({"convert", "--from", "text", (dir / "release.rtf").string()});
    CHECK_FALSE(contains(forced.err, "RTF"));
}

TEST_CASE("inputs: validate on a file that is not XML says so") {
    auto r = test::pressroom({"validate", seed()});
    CHECK(r.status == 1);
    CHECK(contains(r.err, seed() + ":1: error: not XML: the file starts with 'United States Department of Defense"));
    CHECK(contains(r.err, "not with '<' (release XML is what 'pressroom convert -t xml' writes)"));
    CHECK_FALSE(contains(r.err, "Start tag expected"));
    test::TempDir dir;
    test::write_file(dir / "blank.xml", "\n  \n");
    auto blank = test::pressroom({"validate", (dir / "blank.xml").string()});
    CHECK(blank.status == 1);
    CHECK(contains(blank.err, "not XML: the file is empty or holds only white space"));
}

TEST_CASE("inputs: a URL is explained - pressroom never fetches") {
    const std::string url = "https://www.defense.gov/News/Releases/Release/Article/1234/";
    auto r = test::pressroom({"convert", url});
    CHECK(r.status == 1);
    CHECK(contains(r.err, "pressroom: " + url +
                              ": pressroom never fetches from the network: save the page first "
                              "(curl -o page.html '" +
                              url + "') and convert the file"));
    test::TempDir dir;
    auto b = test::pressroom({"batch", url, "-o", (dir / "out").string()});
    CHECK(b.status == 1);
    CHECK(contains(b.err, url + ": error: pressroom never fetches from the network"));
    // A file that happens to be named so is read as a file.
    CHECK(contains(test::pressroom({"convert", "no-such-file.txt"}).err, "cannot open: No such file or directory"));
}

TEST_CASE("inputs: --rules missing and malformed both exit 2 - a schema error names the line and element and values") {
    test::TempDir dir;
    auto missing = test::pressroom({"convert", "--rules", (dir / "none.xml").string(), seed()});
    CHECK(missing.status == 2);
    CHECK(contains(missing.err,
                   "pressroom: " + (dir / "none.xml").string() + ": --rules: cannot open: No such file or directory"));
    test::write_file(dir / "mysite.xml",
                     "<?xml version=\"1.0\"?>\n<rules xmlns=\"urn:pressroom:rules:1\">\n"
                     "  <profile id=\"mysite\" name=\"My site\">\n"
                     "    <rule id=\"share\" scope=\"paragraph\"><why>share widget</why><match>Share</match></rule>\n"
                     "  </profile>\n</rules>\n");
    auto bad = test::pressroom({"convert", "--rules", (dir / "mysite.xml").string(), seed()});
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, (dir / "mysite.xml").string() +
                                ":4: invalid rules file: Element 'rule', attribute "
                                "'scope': The value 'paragraph' is not an element of the set "
                                "{'line', 'inline', 'prefix', 'end', 'block'}."));
    CHECK(test::pressroom({"rules", "--rules", (dir / "mysite.xml").string()}).status == 2);
    CHECK(test::pressroom({"rules", "--rules", (dir / "none.xml").string()}).status == 2);
}

TEST_CASE("inputs: the library checks the reader as the command line does") {
    NormalizeOptions o;
    o.from = "bogus";
    try {
        normalize(test::read_file(seed()), o);
        FAIL("a bogus reader was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(e.message() ==
              "unknown reader 'bogus'; the readers are text, html, markdown, json, rss, xml, release-json");
    }
    auto cli = test::pressroom({"convert", "--from", "htm", seed()});
    CHECK(cli.status == 2);
    CHECK(contains(cli.err, "unknown reader 'htm' (did you mean 'html'?)"));
    o.from = "text";
    CHECK(normalize(test::read_file(seed()), o).document.meta.release_number == "105-13");
}

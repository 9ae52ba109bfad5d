// A bundle that publishes (issue 17): index.html, feed.xml and summary.md in
// every whole bundle, the same bytes merged from shards; the Atom feed by
// RFC 4287's rules; the JUnit report of batch and bundle --junit. (The
// pages' validity and accessibility are test_web_check.cpp's.)
#include "base/text.hpp"
#include "epub_reader.hpp"
#include "pipeline/site.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <set>

namespace pressroom {
namespace {

namespace fs = std::filesystem;

// The samples, an input that holds no release (refused) and release XML
// that is not valid (failed), in one folder.
fs::path mixed_folder(const test::TempDir& dir) {
    const fs::path in = dir / "in";
    fs::create_directories(in / "sub");
    for (const auto& e : fs::directory_iterator(test::source_dir() / "samples"))
        fs::copy_file(e.path(), in / (e.path().filename().string() == "dod-105-13.txt" ? "sub/dod-105-13.txt"
                                                                                       : e.path().filename().string()));
    test::write_file(in / "empty.txt", "\n");
    test::write_file(in / "broken.xml", "<release xmlns=\"urn:pressroom:release:1\" version=\"1\"><oops/></release>\n");
    return in;
}

std::vector<test::ZipEntry> bundle(const std::vector<std::string>& args, int status = 1) {
    const auto r = test::pressroom(args);
    INFO(r.err);
    CHECK(r.status == status);
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "-o") return test::read_zip(test::read_file(args[i + 1]));
    return {};
}

TEST_CASE("bundle: index.html - feed.xml and summary.md follow the anthologies - the same merged from shards") {
    test::TempDir dir;
    const fs::path in = mixed_folder(dir);
    const auto whole = bundle({"bundle", "-q", in.string(), "-o", (dir / "a.zip").string()});
    REQUIRE(whole.size() > 7);
    const std::vector<std::string> front = {"manifest.json", "report.json", "anthology.epub", "anthology.pdf",
                                            "index.html",    "feed.xml",    "summary.md"};
    for (std::size_t i = 0; i < front.size(); ++i) CHECK(whole[i].name == front[i]);
    for (int k = 1; k <= 4; ++k)
        test::pressroom({"bundle", "-q", in.string(), "--shard", std::to_string(k) + "/4", "-o",
                         (dir / ("s" + std::to_string(k) + ".zip")).string()});
    const auto merged =
        test::pressroom({"bundle", "-q", "--merge", (dir / "s2.zip").string(), (dir / "s4.zip").string(),
                         (dir / "s1.zip").string(), (dir / "s3.zip").string(), "-o", (dir / "m.zip").string()});
    CHECK(merged.status == 1);
    CHECK(test::read_file(dir / "m.zip") == test::read_file(dir / "a.zip"));
    // Shard bundles carry no site: it is made at the merge.
    for (const auto& e : test::read_zip(test::read_file(dir / "s1.zip"))) CHECK(e.name != "index.html");
    // The manifest lists the new files with their sizes and hashes.
    const auto manifest = nlohmann::json::parse(test::entry(whole, "manifest.json").data);
    std::set<std::string> listed;
    for (const auto& f : manifest.at("files")) listed.insert(f.at("path").get<std::string>());
    for (const char* f : {"index.html", "feed.xml", "summary.md"}) CHECK(listed.count(f) == 1);

    // The index links every release's formats, newest first.
    const std::string index = test::entry(whole, "index.html").data;
    for (const char* link : {"releases/sub/dod-105-13.html", "releases/sub/dod-105-13.pdf",
                             "releases/sub/dod-105-13.epub", "releases/sub/dod-105-13.docx"})
        CHECK(index.find(std::string("href=\"") + link + "\"") != std::string::npos);
    const std::size_t newest = index.find("<time datetime=\"2025-07-08\">"),
                      oldest = index.find("<time datetime=\"2013-02-22\">");
    CHECK(newest < oldest);
    CHECK(index.find("(2 inputs not converted)") != std::string::npos);
    CHECK(index.find("<script type=\"application/json\" id=\"release-index\">") != std::string::npos);
    // Nothing fetched: no src, no stylesheet link.
    CHECK(index.find(" src=") == std::string::npos);
    CHECK(index.find("rel=\"stylesheet\"") == std::string::npos);

    // The summary: counts, and every input not converted with its reason.
    const std::string summary = test::entry(whole, "summary.md").data;
    CHECK(summary.find("converted **3** of 5 inputs") != std::string::npos);
    CHECK(summary.find("| refused | 1 |") != std::string::npos);
    CHECK(summary.find("| failed | 1 |") != std::string::npos);
    CHECK(summary.find("| empty.txt | refused | no release text found: the input holds only white space |") !=
          std::string::npos);
    CHECK(summary.find("| broken.xml | failed | line 1: invalid release XML: Element 'oops'") != std::string::npos);
    CHECK(summary.find("| sub/dod-105-13.txt | 2013-02-22 | Joint Statement") != std::string::npos);
}

// RFC 4287's rules for what pressroom writes, checked element by element:
// the feed and each entry have exactly one id, title and updated, ids are
// absolute IRIs and unique, dates are RFC 3339 date-times, the feed has an
// author (its entries may lack one), each entry an alternate link or
// content, nothing outside the Atom namespace.
void check_atom(const std::string& bytes) {
    auto doc = test::parse_xml(bytes);
    xmlNode* feed = xmlDocGetRootElement(doc.get());
    REQUIRE(feed);
    CHECK(std::string(reinterpret_cast<const char*>(feed->name)) == "feed");
    REQUIRE(feed->ns);
    CHECK(std::string(reinterpret_cast<const char*>(feed->ns->href)) == "http://www.w3.org/2005/Atom");
    const std::regex date_time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    auto children = [](xmlNode* parent, const char* name) {
        std::vector<xmlNode*> out;
        for (xmlNode* c = parent->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(c->name)) == name)
                out.push_back(c);
        return out;
    };
    for (xmlNode* e = feed; e; e = nullptr)
        for (xmlNode* c = e->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                REQUIRE(c->ns);
                CHECK(std::string(reinterpret_cast<const char*>(c->ns->href)) == "http://www.w3.org/2005/Atom");
            }
    for (const char* once : {"id", "title", "updated"}) CHECK(children(feed, once).size() == 1);
    CHECK(children(feed, "author").size() == 1);
    CHECK(std::regex_match(test::element_text(children(feed, "updated")[0]), date_time));
    std::set<std::string> ids = {test::element_text(children(feed, "id")[0])};
    const auto entries = children(feed, "entry");
    for (xmlNode* e : entries) {
        for (const char* once : {"id", "title", "updated"}) CHECK(children(e, once).size() == 1);
        const std::string id = test::element_text(children(e, "id")[0]);
        CHECK(std::regex_match(
            id, std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
        CHECK(ids.insert(id).second);
        CHECK(std::regex_match(test::element_text(children(e, "updated")[0]), date_time));
        for (xmlNode* p : children(e, "published")) CHECK(std::regex_match(test::element_text(p), date_time));
        CHECK(children(e, "published").size() <= 1);
        CHECK(children(e, "summary").size() <= 1);
        bool alternate = false;
        for (xmlNode* l : children(e, "link")) {
            CHECK(!test::attr(l, "href").empty());
            alternate |= test::attr(l, "rel") == "alternate";
        }
        CHECK((alternate || children(e, "content").size() == 1));
        for (xmlNode* a : children(e, "author")) CHECK(children(a, "name").size() == 1);
    }
}

TEST_CASE("feed.xml: Atom by RFC 4287's rules - newest first - ids stable across runs and renamed inputs") {
    test::TempDir dir;
    const fs::path in = mixed_folder(dir);
    const auto a = bundle({"bundle", "-q", in.string(), "-o", (dir / "a.zip").string(), "--fail-on", "none"}, 0);
    const std::string feed = test::entry(a, "feed.xml").data;
    check_atom(feed);
    CHECK(std::count(feed.begin(), feed.end(), '\n') > 10);
    CHECK(feed.find("<title>Summer Programs at City Parks</title>") < feed.find("<title>Joint Statement"));
    CHECK(feed.find("<link rel=\"alternate\" type=\"text/html\" href=\"releases/sub/dod-105-13.html\"/>") !=
          std::string::npos);
    // Renamed and moved, a release with a number keeps its entry id; the
    // feed's own id depends on its title only.
    fs::rename(in / "sub" / "dod-105-13.txt", in / "seed.txt");
    const auto b = bundle({"bundle", "-q", in.string(), "-o", (dir / "b.zip").string(), "--fail-on", "none"}, 0);
    const std::string feed_b = test::entry(b, "feed.xml").data;
    check_atom(feed_b);
    auto id_of = [](const std::string& f, const std::string& title) {
        const std::size_t t = f.find("<title>" + title);
        const std::size_t start = f.rfind("<id>", t) + 4;
        return f.substr(start, f.find("</id>", start) - start);
    };
    CHECK(id_of(feed, "Joint Statement") == id_of(feed_b, "Joint Statement"));
    CHECK(id_of(feed, "Summer Programs") == id_of(feed_b, "Summer Programs"));
    CHECK(feed.substr(0, feed.find("<entry>")) == feed_b.substr(0, feed_b.find("<entry>")));
}

TEST_CASE("index: agency names that differ only in case are one agency - spelled as most of its releases spell it") {
    // The corpus has "THE WHITE HOUSE" and "The White House": two groups
    // with the same heading to a reader, which axe-core reports as two
    // landmarks of one name (landmark-unique).
    pipeline::Report report;
    std::vector<model::Document> docs(3);
    const char* spellings[] = {"THE WHITE HOUSE", "The White House", "The White  House"};
    for (std::size_t i = 0; i < 3; ++i) {
        pipeline::InputRecord r;
        r.input = "r" + std::to_string(i) + ".txt";
        r.status = pipeline::Status::converted;
        r.outputs.push_back({"html", "r" + std::to_string(i) + ".html", 1, "00"});
        report.inputs.push_back(r);
        docs[i].meta.title = "Release " + std::to_string(i);
        docs[i].meta.agency = spellings[i];
    }
    pipeline::Site site{"Releases", 0, {}, &report};
    for (std::size_t i = 0; i < 3; ++i) site.releases.push_back({&report.inputs[i], &docs[i]});
    const std::string index = pipeline::site_index(site);
    CHECK(index.find("3 releases from 1 agency") != std::string::npos);
    CHECK(index.find(">The White House</h3>") != std::string::npos);
    CHECK(index.find("THE WHITE HOUSE") == std::string::npos);
    CHECK(index.find("<option>The White House</option>") != std::string::npos);
}

TEST_CASE("feed: entry ids from the agency and number - else from the input's path") {
    model::Metadata m;
    m.agency = "Northbay Harbor Authority";
    m.release_number = "24-031";
    const std::string numbered = pipeline::entry_id(m, "a.txt");
    CHECK(numbered == pipeline::entry_id(m, "elsewhere/b.html"));
    m.release_number.clear();
    CHECK(pipeline::entry_id(m, "a.txt") != pipeline::entry_id(m, "b.txt"));
    CHECK(pipeline::entry_id(m, "a.txt") != numbered);
}

// The JUnit report, parsed: testcase name -> "passed", "failure" or "skipped".
std::map<std::string, std::string> junit_cases(const std::string& xml,
                                               std::map<std::string, std::string>* totals = nullptr) {
    auto doc = test::parse_xml(xml);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    CHECK(std::string(reinterpret_cast<const char*>(root->name)) == "testsuites");
    if (totals)
        for (const char* a : {"tests", "failures", "skipped", "errors"}) (*totals)[a] = test::attr(root, a);
    std::map<std::string, std::string> out;
    for (xmlNode* tc : test::elements(root, "testcase")) {
        std::string state = "passed";
        if (!test::elements(tc, "failure").empty()) state = "failure";
        if (!test::elements(tc, "skipped").empty()) state = "skipped";
        CHECK(out.emplace(test::attr(tc, "name"), state).second);
    }
    return out;
}

TEST_CASE("junit: one test case per input - a refusal fails by default and is skipped with --fail-on failed") {
    test::TempDir dir;
    const fs::path in = mixed_folder(dir);
    const auto a = test::pressroom(
        {"batch", "-q", in.string(), "-o", (dir / "out").string(), "--junit", (dir / "a.xml").string()});
    CHECK(a.status == 1);
    std::map<std::string, std::string> totals;
    auto cases = junit_cases(test::read_file(dir / "a.xml"), &totals);
    CHECK(cases.size() == 5);
    CHECK(cases["sub/dod-105-13.txt"] == "passed");
    CHECK(cases["empty.txt"] == "failure");
    CHECK(cases["broken.xml"] == "failure");
    CHECK(totals["tests"] == "5");
    CHECK(totals["failures"] == "2");
    CHECK(totals["skipped"] == "0");
    CHECK(test::read_file(dir / "a.xml").find("no release text found") != std::string::npos);

    const auto b = test::pressroom(
        {"batch", "-q", in.string(), "-o", (dir / "out").string(), "--fail-on", "failed", "--junit", "-"});
    CHECK(b.status == 1);
    cases = junit_cases(b.out, &totals);
    CHECK(cases["empty.txt"] == "skipped");
    CHECK(cases["broken.xml"] == "failure");
    CHECK(totals["failures"] == "1");
    CHECK(totals["skipped"] == "1");

    // bundle takes it too, and the same run writes the same bytes.
    const auto c = test::pressroom({"bundle", "-q", in.string(), "-o", (dir / "b.zip").string(), "--fail-on", "none",
                                    "--junit", (dir / "c.xml").string()});
    CHECK(c.status == 0);
    cases = junit_cases(test::read_file(dir / "c.xml"), &totals);
    CHECK(cases["empty.txt"] == "skipped");
    CHECK(cases["broken.xml"] == "skipped");
    CHECK(totals["failures"] == "0");
    test::pressroom({"bundle", "-q", in.string(), "-o", (dir / "b2.zip").string(), "--fail-on", "none", "--junit",
                     (dir / "c2.xml").string()});
    CHECK(test::read_file(dir / "c.xml") == test::read_file(dir / "c2.xml"));
}

}  // namespace
}  // namespace pressroom

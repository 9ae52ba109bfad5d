// pressroom bundle: the zip read back independently (libzip and the raw
// headers, tests/unit/epub_reader.hpp), its manifest and report parsed as
// JSON, the anthologies checked by EPUBCheck, qpdf and poppler, and the
// promise that counts: the same bytes run after run, from other folders,
// on other thread counts, and merged from shards.
#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/zip_writer.hpp"
#include "epub_reader.hpp"
#include "pipeline/convert.hpp"
#include "pressroom/document.hpp"
#include "render/anthology.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <set>

using namespace pressroom;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool have_pdf_tools() { return test::have_program("qpdf") && test::have_program("pdftotext"); }

std::string file_sha256(const fs::path& p) { return sha256_hex(test::read_file(p)); }

// The bookmarks of a PDF (qpdf's JSON): title, level, page (1-based).
struct Bookmark {
    std::string title;
    int level = 0;
    int page = 0;
};
void gather(const json& outlines, int level, std::vector<Bookmark>& out) {
    for (const auto& o : outlines) {
        out.push_back({o.at("title").get<std::string>(), level, o.value("destpageposfrom1", 0)});
        gather(o.at("kids"), level + 1, out);
    }
}
std::vector<Bookmark> bookmarks(const fs::path& pdf) {
    auto r = test::run({"qpdf", "--json", "--json-key=outlines", pdf.string()});
    REQUIRE(r.status == 0);
    std::vector<Bookmark> out;
    gather(json::parse(r.out).at("outlines"), 0, out);
    return out;
}

std::string page_text(const fs::path& pdf, int page) {
    auto r = test::run({"pdftotext", "-enc", "UTF-8", "-f", std::to_string(page), "-l", std::to_string(page), pdf.string(), "-"});
    REQUIRE(r.status == 0);
    std::string folded;
    for (char c : r.out) folded += (c == '\n' || c == '\r') ? ' ' : c;
    return folded;
}

// The DOS date and time of an instant (UTC), as the zip headers hold them.
std::pair<std::uint16_t, std::uint16_t> dos(std::int64_t t) {
    const auto d = pressroom::dos_time_utc(t);
    return {d.date, d.time};
}

std::int64_t days_to_epoch(const std::string& iso) {
    using namespace std::chrono;
    year_month_day ymd{year{std::stoi(iso.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                       day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
    return duration_cast<seconds>(sys_days{ymd}.time_since_epoch()).count();
}

// The zip is laid out as promised: fixed order, one time, no extra fields,
// every file in the manifest with its size and SHA-256. Returns the manifest.
json check_bundle_layout(const fs::path& bundle, std::int64_t expected_time) {
    const auto entries = test::read_zip(test::read_file(bundle));
    REQUIRE(entries.size() >= 4);
    CHECK(entries[0].name == "manifest.json");
    CHECK(entries[1].name == "report.json");
    std::vector<std::string> releases;
    const auto [date, time] = dos(expected_time);
    for (const auto& e : entries) {
        INFO(e.name);
        CHECK(e.dos_date == date);
        CHECK(e.dos_time == time);
        CHECK(e.local_date == date);
        CHECK(e.local_time == time);
        CHECK(e.central_extra == 0);
        CHECK(e.local_extra == 0);
        CHECK((e.flags & 0x0008) == 0);  // no data descriptor
        if (e.name.rfind("releases/", 0) == 0) releases.push_back(e.name);
    }
    CHECK(std::is_sorted(releases.begin(), releases.end()));
    const json manifest = json::parse(test::entry(entries, "manifest.json").data);
    CHECK(manifest.at("bundle") == "pressroom-bundle/1");
    std::set<std::string> listed;
    auto check_file = [&](const json& f) {
        const std::string path = f.at("path").get<std::string>();
        const auto& e = test::entry(entries, path);
        CHECK(e.data.size() == f.at("size").get<std::size_t>());
        CHECK(sha256_hex(e.data) == f.at("sha256").get<std::string>());
        CHECK(listed.insert(path).second);
    };
    for (const auto& f : manifest.at("files")) check_file(f);
    for (const auto& r : manifest.at("releases")) {
        CHECK(r.at("metadata").at("title").is_string());
        CHECK(r.at("files").size() == render::formats().size());  // every format
        for (const auto& f : r.at("files")) check_file(f);
    }
    CHECK(listed.size() + 1 == entries.size());  // everything but the manifest itself
    return manifest;
}

fs::path extract(const fs::path& bundle, const std::string& name, const fs::path& to) {
    const auto entries = test::read_zip(test::read_file(bundle));
    test::write_file(to, test::entry(entries, name).data);
    return to;
}

}  // namespace

// Counts and names come from the corpus (raw/ and expected/), which grows.
// The releases in the bundle must be what expected/ says; until the
// normalizer decides every input right, that one check fails and names the
// files (determinism, layout and shard merging do not depend on it).
TEST_CASE("bundle: the corpus bundle is the same bytes run after run and merged from 4 shards") {
    auto corpus = test::corpus_dir();
    if (!corpus) {
        MESSAGE("skipped: ../shared/corpus not found");
        return;
    }
    const auto expected = test::corpus_expectations(*corpus);
    const auto inputs = test::corpus_raw_names(*corpus);
    test::TempDir dir;
    const std::string raw = (*corpus / "raw").string();
    auto a = test::pressroom({"bundle", raw, "-o", (dir / "a.zip").string(), "-j", "2"});
    // Another run, another thread count, another working directory.
    auto b = test::pressroom({"bundle", raw, "-o", (dir / "b.zip").string(), "-j", "1", "-q"}, {}, {}, dir.path());
    for (int k = 1; k <= 4; ++k) {
        auto s = test::pressroom({"bundle", raw, "--shard", std::to_string(k) + "/4", "-o",
                                  (dir / ("shard-" + std::to_string(k) + ".zip")).string(), "-q"});
        CHECK((s.status == 0 || s.status == 1));
    }
    auto m = test::pressroom({"bundle", "--merge", (dir / "shard-3.zip").string(), (dir / "shard-1.zip").string(),
                              (dir / "shard-4.zip").string(), (dir / "shard-2.zip").string(), "-o", (dir / "m.zip").string()});
    const std::string sha = file_sha256(dir / "a.zip");
    MESSAGE("corpus bundle SHA-256: " << sha);
    CHECK(a.err.find("SHA-256 " + sha) != std::string::npos);
    CHECK(file_sha256(dir / "b.zip") == sha);
    CHECK(file_sha256(dir / "m.zip") == sha);

    // Its layout, manifest and report.
    std::string newest;
    const json manifest = [&] {
        const auto entries = test::read_zip(test::read_file(dir / "a.zip"));
        const json mf = json::parse(test::entry(entries, "manifest.json").data);
        for (const auto& r : mf.at("releases")) newest = std::max(newest, r.at("metadata").at("date").get<std::string>());
        return mf;
    }();
    REQUIRE(!newest.empty());
    check_bundle_layout(dir / "a.zip", days_to_epoch(newest));
    // Which inputs became releases, and which were refused as holding none.
    std::set<std::string> released, refused, other_failures;
    for (const auto& r : manifest.at("releases")) released.insert(r.at("input").get<std::string>());
    for (const auto& f : manifest.at("failed")) {
        const std::string input = f.at("input").get<std::string>(), error = f.at("error").get<std::string>();
        if (text::ends_with(error, ": no release text found")) refused.insert(input);
        else other_failures.insert(input + " (" + error + ")");
    }
    CHECK_MESSAGE(other_failures.empty(), "failed other than as non-releases: "
                                              << text::join(std::vector<std::string>(other_failures.begin(), other_failures.end()), ", "));
    const std::string differ = test::corpus_decisions_differ(expected, released, refused);
    CHECK_MESSAGE(differ.empty(), "the bundle's releases differ from expected/:\n" << differ);
    const std::size_t releases = manifest.at("releases").size(), failed = manifest.at("failed").size();
    CHECK(releases + failed == inputs.size());
    // Each run says what it did; an input failed makes the exit status 1.
    CHECK(a.status == (failed ? 1 : 0));
    CHECK(b.status == a.status);
    CHECK(m.status == a.status);
    CHECK(a.err.find("wrote " + (dir / "a.zip").string() + ": " + std::to_string(releases) + " releases, " +
                     std::to_string(failed) + " inputs failed") != std::string::npos);
    const auto entries = test::read_zip(test::read_file(dir / "a.zip"));
    const json report = json::parse(test::entry(entries, "report.json").data);
    CHECK(report.at("totals").at("inputs") == inputs.size());
    CHECK(report.at("totals").at("converted") == releases);
    CHECK(report.at("totals").at("failed") == failed);
    CHECK(report.at("complete") == true);
    // No path of this machine anywhere in the text the bundle holds.
    for (const auto& e : entries)
        if (e.name.find(".pdf") == std::string::npos && e.name.find(".epub") == std::string::npos) {
            INFO(e.name);
            CHECK(e.data.find(corpus->string()) == std::string::npos);
            CHECK(e.data.find(dir.path().string()) == std::string::npos);
        }

    // The anthologies: EPUBCheck without a message; the PDF whole, with a
    // bookmark for the title page, the contents and every release.
    const fs::path epub = extract(dir / "a.zip", "anthology.epub", dir / "anthology.epub");
    const fs::path pdf = extract(dir / "a.zip", "anthology.pdf", dir / "anthology.pdf");
    const auto book = test::read_zip(test::read_file(epub));
    std::size_t chapters = 0;
    for (const auto& e : book)
        if (e.name.rfind("EPUB/release-", 0) == 0) ++chapters;
    CHECK(chapters == releases);
    if (have_pdf_tools()) {
        CHECK(test::run({"qpdf", "--check", pdf.string()}).status == 0);
        const auto marks = bookmarks(pdf);
        CHECK(std::count_if(marks.begin(), marks.end(), [](const Bookmark& b) { return b.level == 0; }) ==
              2 + releases);
        REQUIRE(marks.size() > 1);
        CHECK(marks[0].title == "Press releases");  // the title page's
        CHECK(marks[1].title == "Contents");
        CHECK(page_text(pdf, 1).find(std::to_string(releases) + (releases == 1 ? " press release" : " press releases")) !=
              std::string::npos);
    } else {
        MESSAGE("PDF checks skipped: qpdf or pdftotext missing");
    }
    if (test::have_epubcheck()) {
        const auto check = test::epubcheck(epub);
        INFO(check.output);
        CHECK(check.clean());
    } else {
        MESSAGE("EPUBCheck skipped: java or EPUBCheck not installed");
    }
}

TEST_CASE("bundle: the same bytes from other folders and thread counts and a pinned time") {
    test::TempDir dir;
    for (const fs::path& where : {dir / "one/releases", dir / "two/deeper/copy"}) {
        fs::create_directories(where / "sub");
        fs::copy_file(test::source_dir() / "samples/dod-105-13.txt", where / "dod-105-13.txt");
        fs::copy_file(test::source_dir() / "samples/northbay-harbor-24-031.txt", where / "sub/harbor.txt");
        fs::copy_file(test::source_dir() / "samples/springfield-parks-summer-programs.txt", where / "sub/parks.txt");
    }
    const std::vector<std::string> epoch{"SOURCE_DATE_EPOCH=1700000000"};
    auto one = test::pressroom({"bundle", (dir / "one/releases").string(), "-o", (dir / "one.zip").string(), "-j", "1",
                                "--title", "Samples"},
                               {}, epoch);
    auto two = test::pressroom({"bundle", (dir / "two/deeper/copy").string(), "-o", (dir / "two.zip").string(), "-j",
                                "3", "--title", "Samples"},
                               {}, epoch, dir / "two");
    CHECK(one.status == 0);
    CHECK(two.status == 0);
    CHECK(file_sha256(dir / "one.zip") == file_sha256(dir / "two.zip"));
    const json manifest = check_bundle_layout(dir / "one.zip", 1700000000);
    CHECK(manifest.at("time") == "2023-11-14T22:13:20Z");
    CHECK(manifest.at("title") == "Samples");
    CHECK(manifest.at("releases")[1].at("input") == "sub/harbor.txt");
    CHECK(manifest.at("releases")[1].at("files")[0].at("path") == "releases/sub/harbor.xml");
    // Another title is another bundle; the same title again is the same one.
    auto other = test::pressroom({"bundle", (dir / "one/releases").string(), "-o", (dir / "other.zip").string(), "-q"},
                                 {}, epoch);
    CHECK(other.status == 0);
    CHECK(file_sha256(dir / "other.zip") != file_sha256(dir / "one.zip"));
    // A bundle written into the folder it bundles is not taken for an
    // input the next time, and changes nothing.
    for (int i = 0; i < 2; ++i) {
        auto inside = test::pressroom({"bundle", (dir / "one/releases").string(), "-o",
                                       (dir / "one/releases/inside.zip").string(), "--title", "Samples"},
                                      {}, epoch);
        CHECK(inside.status == 0);
        CHECK(file_sha256(dir / "one/releases/inside.zip") == file_sha256(dir / "one.zip"));
    }
    fs::remove(dir / "one/releases/inside.zip");
    // A work folder kept between runs changes nothing in the bundle.
    for (int i = 0; i < 2; ++i) {
        auto kept = test::pressroom({"bundle", (dir / "one/releases").string(), "-o", (dir / "kept.zip").string(),
                                     "--title", "Samples", "--work-dir", (dir / "work").string()},
                                    {}, epoch);
        CHECK(kept.status == 0);
        CHECK(file_sha256(dir / "kept.zip") == file_sha256(dir / "one.zip"));
        if (i == 1) CHECK(kept.err.find("nothing to do: 3 inputs, 3 up to date") != std::string::npos);
    }
}

TEST_CASE("bundle: the anthologies are in date order and the contents give the pages releases start on") {
    if (!have_pdf_tools()) {
        MESSAGE("skipped: qpdf or pdftotext missing");
        return;
    }
    test::TempDir dir;
    auto r = test::pressroom({"bundle", (test::source_dir() / "samples").string(), "-o", (dir / "s.zip").string(),
                              "--title", "Three releases"});
    REQUIRE(r.status == 0);
    const auto entries = test::read_zip(test::read_file(dir / "s.zip"));
    const json manifest = json::parse(test::entry(entries, "manifest.json").data);
    std::vector<std::pair<std::string, std::string>> by_date;  // date, title
    for (const auto& rel : manifest.at("releases"))
        by_date.emplace_back(rel.at("metadata").at("date"), rel.at("metadata").at("title"));
    std::sort(by_date.begin(), by_date.end());

    // EPUB: the chapters and the table of contents follow the dates.
    const auto book = test::read_zip(test::entry(entries, "anthology.epub").data);
    auto nav = test::parse_xml(test::entry(book, "EPUB/nav.xhtml").data);
    std::vector<std::string> labels;
    xmlNode* toc = nullptr;
    for (xmlNode* n : test::elements(xmlDocGetRootElement(nav.get()), "nav"))
        if (test::attr(n, "id") == "toc") toc = n;
    REQUIRE(toc);
    for (xmlNode* a : test::elements(toc, "a"))
        if (test::attr(a, "href").rfind("release-", 0) == 0 && test::attr(a, "href").find('#') == std::string::npos)
            labels.push_back(test::element_text(a));
    REQUIRE(labels.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(labels[i] == by_date[i].second);
    auto first = test::parse_xml(test::entry(book, "EPUB/release-0001.xhtml").data);
    CHECK(test::element_text(xmlDocGetRootElement(first.get())).find(by_date[0].second) != std::string::npos);
    auto title = test::parse_xml(test::entry(book, "EPUB/title.xhtml").data);
    CHECK(test::element_text(xmlDocGetRootElement(title.get())).find("Three releases") != std::string::npos);

    // PDF: the contents list each title with a page number, the release
    // starts on that page, and its bookmark points there.
    const fs::path pdf = extract(dir / "s.zip", "anthology.pdf", dir / "a.pdf");
    const std::string contents = page_text(pdf, 2);
    CHECK(contents.find("Contents") != std::string::npos);
    const auto marks = bookmarks(pdf);
    std::vector<Bookmark> tops;
    REQUIRE(!marks.empty());
    CHECK(marks.front().title == "Three releases");  // the title page's
    CHECK(marks.front().page == 1);
    for (const auto& m : marks)
        if (m.level == 0 && m.title != "Contents" && m.title != "Three releases") tops.push_back(m);
    REQUIRE(tops.size() == 3);
    int previous = 2;
    for (std::size_t i = 0; i < 3; ++i) {
        INFO(by_date[i].second);
        CHECK(tops[i].title == by_date[i].second);
        CHECK(tops[i].page > previous);
        previous = tops[i].page;
        const std::size_t at = contents.find(by_date[i].second);
        REQUIRE(at != std::string::npos);
        // The number after the title in the contents is the bookmark's page.
        const std::string after = contents.substr(at + by_date[i].second.size(), 40);
        CHECK(after.find(std::to_string(tops[i].page)) != std::string::npos);
        CHECK(page_text(pdf, tops[i].page).find(by_date[i].second) != std::string::npos);
        CHECK(page_text(pdf, tops[i].page).find("Page " + std::to_string(tops[i].page) + " of ") != std::string::npos);
    }
}

TEST_CASE("bundle: merge refuses a missing shard and a repeated shard and a whole bundle") {
    test::TempDir dir;
    const std::string in = (test::source_dir() / "samples").string();
    for (int k = 1; k <= 2; ++k)
        REQUIRE(test::pressroom({"bundle", in, "--shard", std::to_string(k) + "/2", "-o",
                                 (dir / ("s" + std::to_string(k) + ".zip")).string(), "-q"})
                    .status == 0);
    REQUIRE(test::pressroom({"bundle", in, "-o", (dir / "whole.zip").string(), "-q"}).status == 0);
    const std::string s1 = (dir / "s1.zip").string(), s2 = (dir / "s2.zip").string();
    const std::string out = (dir / "m.zip").string();
    auto missing = test::pressroom({"bundle", "--merge", s1, "-o", out});
    CHECK(missing.status == 2);
    CHECK(missing.err.find("shard bundles missing: 2/2") != std::string::npos);
    auto twice = test::pressroom({"bundle", "--merge", s1, s2, s1, "-o", out});
    CHECK(twice.status == 2);
    CHECK(twice.err.find("shard 1/2 is also " + s1) != std::string::npos);
    auto whole = test::pressroom({"bundle", "--merge", s1, (dir / "whole.zip").string(), "-o", out});
    CHECK(whole.status == 2);
    CHECK(whole.err.find("a whole bundle, not a shard bundle") != std::string::npos);
    test::write_file(dir / "junk.zip", "not a zip");
    CHECK(test::pressroom({"bundle", "--merge", (dir / "junk.zip").string(), "-o", out}).status == 1);
    CHECK_FALSE(fs::exists(dir / "m.zip"));
    // The two shards make the whole bundle.
    CHECK(test::pressroom({"bundle", "--merge", s2, s1, "-o", out}).status == 0);
    CHECK(file_sha256(dir / "m.zip") == file_sha256(dir / "whole.zip"));
}

TEST_CASE("anthology: a release without a title or a date still gets its chapter and bookmark") {
    Diagnostics diags;
    ingest::Options io;
    io.name = "dod-105-13.txt";
    model::Document dated =
        pipeline::load_document(test::read_file(test::source_dir() / "samples/dod-105-13.txt"), io, diags);
    model::Document bare;
    bare.meta.source = {"bare.txt", std::string(64, 'a'), "text", "UTF-8"};
    bare.body.push_back(model::Paragraph{model::text_inlines("Only a paragraph, with no title and no date."), 1});
    render::Anthology a;
    a.title = "Odd releases";
    a.releases = {&bare, &dated};
    render::sort_by_date(a.releases);
    CHECK(a.releases.front() == &dated);  // undated last
    a.time = render::anthology_time(a.releases, {});
    CHECK(a.time == days_to_epoch("2013-02-22"));
    CHECK(render::date_span(a) == "February 22, 2013");

    test::TempDir dir;
    test::write_file(dir / "odd.epub", render::render_epub_anthology(a, {}, diags));
    test::write_file(dir / "odd.pdf", render::render_pdf_anthology(a, {}, diags));
    const auto book = test::read_zip(test::read_file(dir / "odd.epub"));
    auto nav = test::parse_xml(test::entry(book, "EPUB/nav.xhtml").data);
    CHECK(test::element_text(xmlDocGetRootElement(nav.get())).find("Only a paragraph") != std::string::npos);
    if (have_pdf_tools()) {
        CHECK(test::run({"qpdf", "--check", (dir / "odd.pdf").string()}).status == 0);
        const auto marks = bookmarks(dir / "odd.pdf");
        CHECK(std::any_of(marks.begin(), marks.end(), [](const Bookmark& b) {
            return b.level == 0 && b.title == "Untitled release (bare.txt)";
        }));
        CHECK(page_text(dir / "odd.pdf", 2).find("Untitled release (bare.txt)") != std::string::npos);
    }
    if (test::have_epubcheck()) {
        const auto check = test::epubcheck(dir / "odd.epub");
        INFO(check.output);
        CHECK(check.clean());
    }
}

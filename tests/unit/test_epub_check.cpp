// EPUBCheck over real outputs: every sample, every corpus release that
// converts, and hand-made models with every oddity a scraped release can
// carry. The bar is EPUBCheck's "0 fatals / 0 errors / 0 warnings / 0 infos".
//
// EPUBCheck's command-line tool checks one file per Java start (about 2 s);
// the tests run it over many files in one start (tests/epubcheck/
// EpubCheckBatch.java) and split the corpus into two parts that CTest runs
// in parallel. Tests skip (with a message)
// when Java or EPUBCheck is not installed, or ../shared/corpus is absent.
#include "base/text.hpp"
#include "base/zip_writer.hpp"
#include "epub_reader.hpp"
#include "pipeline/convert.hpp"
#include "render/epub/epub_renderer.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

namespace pressroom {
namespace {

namespace fs = std::filesystem;

// Checks every file in one Java start.
void require_clean(const std::vector<fs::path>& epubs) {
    const auto results = test::epubcheck(epubs);
    for (std::size_t i = 0; i < epubs.size(); ++i) {
        INFO(epubs[i].filename().string() << ":\n" << results[i].output);
        CHECK(results[i].clean());
    }
}

TEST_CASE("epubcheck: every sample with and without --embed-fonts") {
    if (!test::have_epubcheck()) {
        MESSAGE("skipped: java or EPUBCheck not installed");
        return;
    }
    test::TempDir out;
    std::vector<std::string> args{"convert", "-q", "-t", "epub", "-o", out.path().string()};
    std::vector<fs::path> samples;
    for (const auto& f : fs::directory_iterator(test::source_dir() / "samples")) samples.push_back(f.path());
    std::sort(samples.begin(), samples.end());
    for (const auto& s : samples) args.push_back(s.string());
    const auto r = test::pressroom(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    REQUIRE(!samples.empty());
    std::vector<fs::path> epubs;
    for (const auto& s : samples) epubs.push_back(out / (s.stem().string() + ".epub"));
    // The seed once more, with its fonts embedded.
    const fs::path fonts = out / "fonts";
    const auto f = test::pressroom({"convert", "-q", "-t", "epub", "--embed-fonts", "-o", fonts.string(),
                                    (test::source_dir() / "samples" / "dod-105-13.txt").string()});
    REQUIRE_MESSAGE(f.status == 0, f.err);
    epubs.push_back(fonts / "dod-105-13.epub");
    require_clean(epubs);
}

// Part `part` of `parts` of the corpus: the files whose index in name order
// is part modulo parts. Each converts into a folder of its own.
void check_corpus(int part, int parts) {
    auto corpus = test::corpus_dir();
    if (!corpus || !test::have_epubcheck()) {
        MESSAGE("skipped: " << (corpus ? "java or EPUBCheck not installed" : "no ../shared/corpus"));
        return;
    }
    const std::vector<fs::path> files = test::corpus_inputs(*corpus);
    test::TempDir out;
    std::vector<fs::path> epubs;
    int refused = 0;
    for (std::size_t i = static_cast<std::size_t>(part); i < files.size(); i += static_cast<std::size_t>(parts)) {
        const fs::path dir = out / std::to_string(i);
        fs::create_directories(dir);
        const auto r = test::pressroom({"convert", "-q", "-t", "epub", "-o", dir.string(), files[i].string()});
        const fs::path epub = dir / (pipeline::output_stem(files[i].string()) + ".epub");
        if (r.status != 0) {
            // Not a release (or not one the normalizer understands yet):
            // refused, and then nothing may be written.
            CHECK_MESSAGE(!fs::exists(epub), files[i].filename().string());
            ++refused;
            continue;
        }
        epubs.push_back(epub);
    }
    require_clean(epubs);
    MESSAGE("corpus part " << part + 1 << "/" << parts << ": " << epubs.size() << " EPUBs checked, " << refused
                           << " inputs refused");
    CHECK(!epubs.empty());
}

// Two parts: one per core, each one Java start.
constexpr int corpus_parts = 2;
TEST_CASE("epubcheck: corpus part 1 of 2") { check_corpus(0, corpus_parts); }
TEST_CASE("epubcheck: corpus part 2 of 2") { check_corpus(1, corpus_parts); }

// A container without container.xml and with a deflated mimetype: what
// EPUBCheck must not pass as clean.
fs::path write_broken_epub(const fs::path& dir) {
    pressroom::ZipWriter zip(0);
    zip.add("mimetype", "application/epub+zip", pressroom::Compression::deflate);
    zip.add("EPUB/content.xhtml", "<html/>", pressroom::Compression::deflate);
    test::write_file(dir / "broken.epub", zip.finish());
    return dir / "broken.epub";
}

void require_reported(const test::EpubCheck& c) {
    INFO(c.output);
    CHECK(!c.clean());
    CHECK(c.status != 0);
    CHECK(c.summary.find("Messages: ") == 0);
    CHECK(c.summary != "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos");
}

TEST_CASE("epubcheck: the check itself reports a broken EPUB") {
    // Guards the guard, one file per Java start (the path taken without a
    // JDK); the batch path is guarded in the test below.
    if (!test::have_epubcheck()) {
        MESSAGE("skipped: java or EPUBCheck not installed");
        return;
    }
    test::TempDir out;
    require_reported(test::epubcheck(write_broken_epub(out.path())));
}

// ------------------------------------------------------ hostile models

model::Inlines spans(std::initializer_list<model::Span> list) { return model::Inlines(list); }

// Nothing optional, a language that is not one, standard input.
model::Document bare() {
    model::Document doc;
    doc.meta.language = "C";
    doc.meta.source = {"-", std::string(64, '0'), "text", "UTF-8"};
    doc.body.push_back(model::Paragraph{model::text_inlines("Just one paragraph without an end"), 0});
    return doc;
}

// Everything a scraped release can throw at the renderer.
model::Document odd() {
    using K = model::Span::Kind;
    model::Document doc;
    auto& m = doc.meta;
    std::string long_title;
    for (int i = 0; i < 60; ++i) long_title += "Very long headline word " + std::to_string(i) + " ";
    m.title = long_title + "<script>alert('x')</script> & ]]> \"quotes\" \u202Eright-to-left\u202C \U0001F600";
    m.subtitle = "A subtitle with a URL http://example.com/x?a=1&b=2 and an address a@b.co";
    m.agency = "Agency & Co. <Ltd>";
    m.office = "Office of \u00c9tudes";
    m.kind = "News Release";
    m.release_number = "NR-24/031 & more";
    m.date = "0999-12-31";
    m.dateline = "S\u00c3O PAULO";
    m.language = "zh-Hant-TW";
    m.source = {"weird name & <chars>.html", std::string(64, 'f'), "html", "windows-1252"};
    m.contacts.push_back({{"Jane Doe", "+1 (555) 010-0100", "jane@example.gov", "https://example.gov/press office"}});
    m.contacts.push_back({{" "}});
    m.contacts.push_back({{}});
    doc.body.push_back(model::Heading{3, model::text_inlines("A level-3 heading first"), 0});
    doc.body.push_back(model::Paragraph{
        spans({{K::text, "Links: ", ""},
               {K::link, "spaces and unicode", "https://example.gov/a b/\u00e9t\u00e9?q=[1]&r=\"2\"#frag#more"},
               {K::text, " ", ""},
               {K::link, "script", "javascript:alert(1)"},
               {K::text, " ", ""},
               {K::link, "relative", "../page.html"},
               {K::text, " ", ""},
               {K::link, "bad percent", "http://example.com/100%zz"},
               {K::text, " ", ""},
               {K::link, "IDN", "http://b\u00fccher.de/"},
               {K::text, " ", ""},
               {K::link, "mail", "mailto:someone@example.com?subject=Hi there"},
               {K::text, " ", ""},
               {K::link, "empty scheme", ":nothing"},
               {K::text, "", ""},
               {K::emphasis, "emphasis with www.example.org inside", ""},
               {K::strong, "strong", ""},
               {K::text, " and a bare https://example.net/path_(x)). End \u2014 \u201cquoted\u201d.", ""}}),
        0});
    doc.body.push_back(model::Paragraph{model::text_inlines("   "), 0});
    doc.body.push_back(model::Heading{1, {}, 0});
    doc.body.push_back(model::Quote{model::text_inlines(""), 0});
    model::List list;
    list.ordered = true;
    for (int depth : {4, 0, 8, 8, 2, 0, 1}) {
        model::ListItem item;
        item.content = model::text_inlines("item " + std::to_string(depth));
        item.depth = depth;
        list.items.push_back(item);
    }
    list.items.push_back(model::ListItem{{}, 1, 0});
    doc.body.push_back(list);
    doc.body.push_back(model::List{});
    for (int i = 0; i < 30; ++i)
        doc.body.push_back(model::Heading{1 + i % 3, model::text_inlines("Heading " + std::to_string(i)), 0});
    doc.body.push_back(model::Quote{model::text_inlines("Private use \uE000, combining e\u0301, ZWJ \u200D."), 0});
    // Characters the body font lacks, for the fallback faces of --embed-fonts.
    doc.body.push_back(model::Paragraph{model::text_inlines("Symbols \u2211 \u2295 \u2603 \u2713 \u0a85 and more."), 0});
    return doc;
}

// No text at all: only blank blocks.
model::Document blank() {
    model::Document doc = bare();
    doc.meta.language = "en";
    doc.body = {model::Paragraph{model::text_inlines(" "), 0}};
    return doc;
}

TEST_CASE("epubcheck: models with nothing optional or everything odd") {
    if (!test::have_epubcheck()) {
        MESSAGE("skipped: java or EPUBCheck not installed");
        return;
    }
    test::TempDir out;
    const std::pair<const char*, model::Document> cases[] = {
        {"bare", bare()}, {"odd", odd()}, {"blank", blank()}, {"odd-fonts", odd()}};
    std::vector<fs::path> epubs;
    for (const auto& [name, doc] : cases) {
        Diagnostics diags;
        render::Options options;
        if (std::string(name) == "odd") options.source_date_epoch = 99999999999;  // past what zip can store
        options.embed_fonts = std::string(name) == "odd-fonts";
        const fs::path path = out / (std::string(name) + ".epub");
        test::write_file(path, render::render_epub(doc, options, diags));
        if (const char* keep = std::getenv("PRESSROOM_KEEP_EPUBS"); keep && *keep)
            fs::copy_file(path, fs::path(keep) / path.filename(), fs::copy_options::overwrite_existing);
        epubs.push_back(path);
    }
    // A broken EPUB in the middle of the batch: reported, and only it.
    epubs.insert(epubs.begin() + 1, write_broken_epub(out.path()));
    const auto results = test::epubcheck(epubs);
    require_reported(results.at(1));
    for (std::size_t i = 0; i < epubs.size(); ++i) {
        if (i == 1) continue;
        INFO(epubs[i].filename().string() << ":\n" << results[i].output);
        CHECK(results[i].clean());
    }
}

}  // namespace
}  // namespace pressroom

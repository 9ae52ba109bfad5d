// DAISY Ace (the EPUB accessibility checker: axe-core's WCAG rules in a
// headless Chromium, plus its own package checks) over real outputs: every
// sample, every convertible corpus release (in three parts), and the
// anthologies of both.
// The bar is what issue 15 asks: zero violations of any severity, Ace's
// outcome "pass", and no accessibility metadata missing but the two a
// self-check cannot have (a certifier's credential and report).
//
// Ace is a Node program from npm (scripts/install-ace); it runs here through
// tests/ace/ace_batch.js, many EPUBs per Node start and one Chromium for all
// (about 3 s per EPUB otherwise). Tests skip (with a message) when node,
// Chromium or Ace is not installed, or ../shared/corpus is absent.
#include "base/text.hpp"
#include "base/zip_writer.hpp"
#include "pressroom/document.hpp"
#include "pressroom/pressroom.hpp"
#include "render/anthology.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace pressroom {
namespace {

namespace fs = std::filesystem;

// Where Ace's node_modules are: PRESSROOM_ACE_MODULES, else where
// scripts/install-ace puts them.
fs::path ace_modules() {
    if (const char* env = std::getenv("PRESSROOM_ACE_MODULES"); env && *env) return env;
    fs::path cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) cache = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) cache = fs::path(home) / ".cache";
    else return {};
    return cache / "pressroom" / "ace" / "node_modules";
}

std::string chromium() {
    if (const char* env = std::getenv("PUPPETEER_EXECUTABLE_PATH"); env && *env) return env;
    return "/usr/bin/chromium";
}

// Empty when Ace can run, else why not.
std::string ace_missing() {
    if (!test::have_program("node")) return "node not installed";
    if (!fs::exists(chromium())) return chromium() + " not installed (Debian's chromium)";
    if (!fs::exists(ace_modules() / "@daisy" / "ace-core"))
        return "DAISY Ace not installed in " + ace_modules().string() + " (scripts/install-ace)";
    return {};
}

#define REQUIRE_ACE()                                                  \
    if (const std::string missing = ace_missing(); !missing.empty()) { \
        MESSAGE("skipped: " << missing);                               \
        return;                                                        \
    }

struct AceResult {
    bool reported = false;
    int violations = -1;
    std::string outcome;
    std::vector<std::string> lines;  // violations and missing metadata, as ace_batch.js prints them
};

// What a self-check cannot name: Ace lists them as missing in every book
// that has a11y:certifiedBy without them; they are optional (EPUB
// Accessibility 1.1, 2.1.2).
bool optional_metadata(std::string_view line) {
    return line == "  metadata missing: a11y:certifierCredential" || line == "  metadata missing: a11y:certifierReport";
}

// Checks every file in one Node start; results in input order.
std::vector<AceResult> ace(const std::vector<fs::path>& epubs) {
    std::vector<std::string> argv{"node", (test::source_dir() / "tests" / "ace" / "ace_batch.js").string(),
                                  ace_modules().string()};
    for (const auto& e : epubs) argv.push_back(e.string());
    const test::RunResult r = test::run(argv, {}, {"PUPPETEER_EXECUTABLE_PATH=" + chromium()});
    INFO("ace_batch.js exit " << r.status << "\n" << r.err);
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < epubs.size(); ++i) index[epubs[i].string()] = i;
    std::vector<AceResult> out(epubs.size());
    AceResult* current = nullptr;
    for (std::string_view line : text::split(r.out, '\n')) {
        if (line.empty()) continue;
        if (line[0] != ' ') {
            current = nullptr;
            const auto colon = line.rfind(": ");
            if (colon == std::string_view::npos) continue;
            auto it = index.find(std::string(line.substr(0, colon)));
            if (it == index.end()) continue;
            current = &out[it->second];
            current->reported = true;
            const std::string_view rest = line.substr(colon + 2);
            if (text::ends_with(rest, " violations")) current->violations = std::stoi(std::string(rest));
            else current->lines.emplace_back(rest);
        } else if (current && text::starts_with(line, "  outcome: ")) {
            current->outcome = std::string(line.substr(11));
        } else if (current && !optional_metadata(line)) {
            current->lines.emplace_back(line);
        }
    }
    if (r.status != 0) MESSAGE("ace_batch.js: exit " << r.status << ": " << r.out.substr(0, 2000) << r.err);
    return out;
}

void require_clean(const std::vector<fs::path>& epubs) {
    const auto results = ace(epubs);
    for (std::size_t i = 0; i < epubs.size(); ++i) {
        INFO(epubs[i].filename().string() << ":\n" << text::join(results[i].lines, "\n"));
        CHECK(results[i].reported);
        CHECK(results[i].violations == 0);
        CHECK(results[i].lines.empty());
        CHECK(results[i].outcome == "pass");
    }
}

// Normalizes `inputs` and writes each release's EPUB into `dir`; the
// inputs pressroom refuses are the normalizer's business.
std::vector<fs::path> write_epubs(const std::vector<fs::path>& inputs, const fs::path& dir,
                                  std::vector<model::Document>& docs) {
    std::vector<fs::path> epubs;
    docs.reserve(inputs.size());
    for (const auto& i : inputs) {
        try {
            docs.push_back(normalize_file(i).document);
        } catch (const Error&) {
            continue;
        }
        epubs.push_back(dir / (std::to_string(epubs.size()) + "-" + i.stem().string() + ".epub"));
        test::write_file(epubs.back(), render_document(docs.back(), "epub"));
    }
    return epubs;
}

// The anthology of `docs` (as pressroom bundle makes it), written to `dir`.
fs::path write_anthology(const std::vector<model::Document>& docs, const fs::path& dir) {
    render::Anthology a;
    a.title = "Press releases";
    for (const auto& d : docs) a.releases.push_back(&d);
    render::sort_by_date(a.releases);
    a.time = render::anthology_time(a.releases, {});
    Diagnostics diags;
    test::write_file(dir / "anthology.epub", render::render_epub_anthology(a, {}, diags));
    return dir / "anthology.epub";
}

// Part `part` of `parts` of the corpus: the files whose index in name order
// is part modulo parts. Ace takes about 3 s per EPUB on an idle core, so
// the corpus is split into parts CTest runs in parallel.
void check_corpus(std::size_t part, std::size_t parts) {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        MESSAGE("skipped: no ../shared/corpus");
        return;
    }
    const std::vector<fs::path> files = test::corpus_inputs(*corpus);
    std::vector<fs::path> mine;
    for (std::size_t i = part; i < files.size(); i += parts) mine.push_back(files[i]);
    test::TempDir out;
    std::vector<model::Document> docs;
    const auto epubs = write_epubs(mine, out.path(), docs);
    MESSAGE("corpus part " << part + 1 << "/" << parts << ": " << epubs.size() << " EPUBs checked by Ace");
    CHECK(!epubs.empty());
    require_clean(epubs);
}

}  // namespace

TEST_CASE("ace: every sample and their anthology have no violations") {
    REQUIRE_ACE();
    std::vector<fs::path> samples;
    for (const auto& f : fs::directory_iterator(test::source_dir() / "samples")) samples.push_back(f.path());
    std::sort(samples.begin(), samples.end());
    REQUIRE(!samples.empty());
    test::TempDir out;
    std::vector<model::Document> docs;
    auto epubs = write_epubs(samples, out.path(), docs);
    CHECK(epubs.size() == samples.size());
    epubs.push_back(write_anthology(docs, out.path()));
    require_clean(epubs);
}

constexpr std::size_t corpus_parts = 3;
TEST_CASE("ace: corpus part 1 of 3") {
    REQUIRE_ACE();
    check_corpus(0, corpus_parts);
}
TEST_CASE("ace: corpus part 2 of 3") {
    REQUIRE_ACE();
    check_corpus(1, corpus_parts);
}
TEST_CASE("ace: corpus part 3 of 3") {
    REQUIRE_ACE();
    check_corpus(2, corpus_parts);
}

TEST_CASE("ace: the corpus anthology has no violations") {
    REQUIRE_ACE();
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        MESSAGE("skipped: no ../shared/corpus");
        return;
    }
    std::vector<model::Document> docs;
    for (const auto& i : test::corpus_inputs(*corpus)) {
        try {
            docs.push_back(normalize_file(i).document);
        } catch (const Error&) {}
    }
    REQUIRE(!docs.empty());
    test::TempDir out;
    MESSAGE("the anthology of " << docs.size() << " corpus releases checked by Ace");
    require_clean({write_anthology(docs, out.path())});
}

TEST_CASE("ace: the check itself reports a violation and a missing claim") {
    REQUIRE_ACE();
    // An EPUB whose content document has an image without alternative text
    // and whose package has no accessibility metadata: Ace must say so.
    test::TempDir out;
    const std::vector<fs::path> epubs{out / "broken.epub"};
    std::string opf =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" "
        "version=\"3.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<dc:identifier id=\"id\">urn:uuid:00000000-0000-5000-8000-000000000000</dc:identifier>"
        "<dc:title>Broken</dc:title><dc:language>en</dc:language>"
        "<meta property=\"dcterms:modified\">2024-01-01T00:00:00Z</meta></metadata><manifest>"
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
        "<item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
        "<spine><itemref idref=\"c\"/></spine></package>";
    const std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
        "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\"><head>"
        "<title>Broken</title></head><body>";
    std::string nav = head + "<nav epub:type=\"toc\"><ol><li><a href=\"c.xhtml\">C</a></li></ol></nav></body></html>";
    std::string c = head + "<p>Text.</p><img src=\"missing.png\"/></body></html>";
    ZipWriter zip(0);
    zip.add("mimetype", "application/epub+zip", Compression::store);
    zip.add(
        "META-INF/container.xml",
        "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
        "<rootfiles><rootfile full-path=\"p.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
        "</container>",
        Compression::deflate);
    zip.add("p.opf", opf, Compression::deflate);
    zip.add("nav.xhtml", nav, Compression::deflate);
    zip.add("c.xhtml", c, Compression::deflate);
    test::write_file(epubs[0], zip.finish());
    const auto results = ace(epubs);
    REQUIRE(results[0].reported);
    INFO(text::join(results[0].lines, "\n"));
    CHECK(results[0].violations > 0);
    CHECK(results[0].outcome == "fail");
    CHECK(std::any_of(results[0].lines.begin(), results[0].lines.end(),
                      [](const std::string& l) { return l == "  metadata missing: dcterms:conformsTo"; }));
}

}  // namespace pressroom

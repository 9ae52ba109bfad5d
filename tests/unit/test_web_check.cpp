// The HTML pages (release pages and a bundle's index.html) under the two
// checkers issue 17 names: the Nu HTML Checker (npm vnu-jar; errors and
// warnings must both be zero) and axe-core run in Debian's headless
// chromium (zero violations), both installed by scripts/web-tools into
// .cache/web-tools (or PRESSROOM_WEB_TOOLS). Each skips, saying why, when
// Java, node, chromium or the npm packages are missing.
#include "base/text.hpp"
#include "epub_reader.hpp"
#include "pipeline/convert.hpp"
#include "render/renderer.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

namespace pressroom {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::optional<fs::path> web_tools() {
    fs::path dir = test::source_dir() / ".cache" / "web-tools" / "node_modules";
    if (const char* env = std::getenv("PRESSROOM_WEB_TOOLS"); env && *env) dir = env;
    if (!fs::exists(dir / "vnu-jar" / "build" / "dist" / "vnu.jar") || !fs::exists(dir / "axe-core" / "axe.min.js") ||
        !fs::exists(dir / "ws"))
        return std::nullopt;
    return dir;
}

bool have_vnu() { return web_tools() && test::have_program("java"); }
bool have_axe() { return web_tools() && test::have_program("node") && test::have_program("chromium"); }
const char* const missing_vnu = "skipped: java or the Nu HTML Checker (scripts/web-tools) not installed";
const char* const missing_axe = "skipped: node, chromium or axe-core (scripts/web-tools) not installed";

struct VnuMessage {
    std::string file, type, sub_type, message;
    int line = 0;
};

// One Java start for all the files.
std::vector<VnuMessage> vnu(const std::vector<fs::path>& files) {
    std::vector<std::string> argv = {"java",
                                     "-jar",
                                     (*web_tools() / "vnu-jar" / "build" / "dist" / "vnu.jar").string(),
                                     "--format",
                                     "json",
                                     "--stdout",
                                     "--also-check-css",
                                     "--exit-zero-always"};
    for (const auto& f : files) argv.push_back(f.string());
    const auto r = test::run(argv);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::vector<VnuMessage> out;
    // Named: a range-for over a member of a temporary would dangle (the
    // temporary dies before the loop; before C++23 its lifetime is not
    // extended), and the loop would see no messages at all.
    const Json report = Json::parse(r.out);
    const Json& messages = report.at("messages");
    REQUIRE(messages.is_array());
    for (const auto& m : messages) {
        VnuMessage v;
        v.file = m.value("url", std::string());
        v.type = m.value("type", std::string());
        v.sub_type = m.value("subType", std::string());
        v.message = m.value("message", std::string());
        v.line = m.value("lastLine", 0);
        out.push_back(std::move(v));
    }
    return out;
}

// The language the checker guessed from the text when it says the page's
// lang is wrong ("Consider using lang="fr" (or variant)"): a verdict on the
// model's language, which the page prints as the model gives it.
std::string guessed_language(const VnuMessage& m) {
    const std::string key = "Consider using \u201Clang=\"";
    const std::size_t at = m.message.find(key);
    if (at == std::string::npos || m.message.find("appears to be written in") == std::string::npos) return {};
    return m.message.substr(at + key.size(), m.message.find('"', at + key.size()) - at - key.size());
}

// Errors and warnings (info messages with the subtype "warning"); plain
// info messages are not either.
bool counts(const VnuMessage& m) { return m.type != "info" || m.sub_type == "warning"; }

struct Axe {
    std::string file;
    std::vector<std::string> violations;  // "id: targets"
    std::size_t passes = 0;
    Json filter;
};

// With a filter (even ""), it is typed into the page's filter box first.
std::vector<Axe> axe(const std::vector<fs::path>& files, const std::optional<std::string>& filter = std::nullopt) {
    std::vector<std::string> argv = {"node", (test::source_dir() / "tests" / "web" / "axe-check.js").string(),
                                     "--modules", web_tools()->string()};
    if (filter) {
        argv.push_back("--filter");
        argv.push_back(*filter);
    }
    for (const auto& f : files) argv.push_back(f.string());
    const auto r = test::run(argv);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::vector<Axe> out;
    for (const auto& j : Json::parse(r.out)) {
        Axe a;
        a.file = j.at("file").get<std::string>();
        for (const auto& v : j.at("violations")) {
            std::string targets;
            for (const auto& t : v.at("targets")) targets += " " + t.get<std::string>();
            a.violations.push_back(v.at("id").get<std::string>() + " (" + v.at("help").get<std::string>() +
                                   "):" + targets);
        }
        a.passes = j.at("passes").get<std::size_t>();
        if (j.contains("filter")) a.filter = j.at("filter");
        out.push_back(std::move(a));
    }
    REQUIRE(out.size() == files.size());
    return out;
}

void require_vnu_clean(const std::vector<fs::path>& files) {
    std::size_t mislabelled = 0;
    for (const auto& m : vnu(files)) {
        if (!guessed_language(m).empty()) {
            ++mislabelled;
            continue;  // checked by the corpus test below, with the language set
        }
        INFO(m.file << ":" << m.line << ": " << m.type << " " << m.sub_type << ": " << m.message);
        CHECK(!counts(m));
    }
    CHECK(mislabelled == 0);
}

void require_axe_clean(const std::vector<fs::path>& files) {
    for (const auto& a : axe(files)) {
        INFO(a.file << ": " << text::join(a.violations, "\n"));
        CHECK(a.violations.empty());
        CHECK(a.passes > 10);  // axe ran its rules on a real page
    }
}

// The samples' pages, a page of a model holding every oddity, and a
// bundle's index.html with its release pages.
std::vector<fs::path> sample_pages(const test::TempDir& dir) {
    const auto c =
        test::pressroom({"convert", "-q", "-t", "html", "-o", (dir / "pages").string(),
                         (test::source_dir() / "samples" / "dod-105-13.txt").string(),
                         (test::source_dir() / "samples" / "northbay-harbor-24-031.txt").string(),
                         (test::source_dir() / "samples" / "springfield-parks-summer-programs.txt").string()});
    REQUIRE_MESSAGE(c.status == 0, c.err);
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(dir / "pages")) pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    const auto b =
        test::pressroom({"bundle", "-q", (test::source_dir() / "samples").string(), "-o", (dir / "b.zip").string()});
    REQUIRE_MESSAGE(b.status == 0, b.err);
    fs::create_directories(dir / "site");
    for (const auto& e : test::read_zip(test::read_file(dir / "b.zip")))
        if (text::ends_with(e.name, ".html")) {
            const fs::path to = dir / "site" / e.name;
            fs::create_directories(to.parent_path());
            test::write_file(to, e.data);
            if (e.name == "index.html") pages.push_back(to);
        }
    return pages;
}

TEST_CASE("html: the Nu HTML Checker finds nothing in the samples' pages and a bundle's index.html") {
    if (!have_vnu()) {
        MESSAGE(missing_vnu);
        return;
    }
    test::TempDir dir;
    require_vnu_clean(sample_pages(dir));
}

TEST_CASE("html: axe-core in headless chromium finds no violation in the samples' pages and index.html") {
    if (!have_axe()) {
        MESSAGE(missing_axe);
        return;
    }
    test::TempDir dir;
    require_axe_clean(sample_pages(dir));
}

TEST_CASE("html: the index's filter - from file:// narrows the lists to what matches") {
    if (!have_axe()) {
        MESSAGE(missing_axe);
        return;
    }
    test::TempDir dir;
    const auto pages = sample_pages(dir);
    const auto harbor = axe({pages.back()}, "harbor pier");
    CHECK(harbor[0].filter.at("rows") == 1);
    CHECK(harbor[0].filter.at("status") == "1 of 3 releases shown.");
    const auto none = axe({pages.back()}, "no such words");
    CHECK(none[0].filter.at("rows") == 0);
    const auto all = axe({pages.back()}, std::string());
    CHECK(all[0].filter.at("rows") == 3);
    CHECK(all[0].filter.at("status") == "All 3 releases shown.");
}

TEST_CASE("html: the checkers themselves report a broken page") {
    // Guards the guards: a page with an image without text, no lang, a
    // skipped heading level and an unclosed element must not pass.
    test::TempDir dir;
    test::write_file(dir / "broken.html",
                     "<!DOCTYPE html>\n<html><head><title>x</title></head><body><h1>t</h1>"
                     "<h3>s</h3><img src=\"a.png\"><p><span></p></body></html>\n");
    if (have_vnu()) {
        const auto messages = vnu({dir / "broken.html"});
        CHECK(std::count_if(messages.begin(), messages.end(), counts) >= 2);
    } else {
        MESSAGE(missing_vnu);
    }
    if (have_axe()) {
        const auto found = axe({dir / "broken.html"});
        const std::string all = text::join(found[0].violations, "\n");
        CHECK(all.find("image-alt") != std::string::npos);
        CHECK(all.find("html-has-lang") != std::string::npos);
    } else {
        MESSAGE(missing_axe);
    }
}

// Every corpus release that converts, as an HTML page.
std::vector<fs::path> corpus_pages(const test::TempDir& dir, const fs::path& corpus) {
    const auto r = test::pressroom(
        {"batch", "-q", (corpus / "raw").string(), "-o", (dir / "out").string(), "-t", "html", "--fail-on", "none"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::vector<fs::path> pages;
    for (const auto& e : fs::recursive_directory_iterator(dir / "out"))
        if (e.path().extension() == ".html") pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    REQUIRE(!pages.empty());
    return pages;
}

TEST_CASE("html: the Nu HTML Checker over every corpus page") {
    auto corpus = test::corpus_dir();
    if (!corpus || !have_vnu()) {
        MESSAGE((corpus ? missing_vnu : "skipped: no ../shared/corpus"));
        return;
    }
    test::TempDir dir;
    const auto pages = corpus_pages(dir, *corpus);
    std::map<std::string, std::string> mislabelled;  // page -> the language the checker read in its text
    for (const auto& m : vnu(pages)) {
        if (const std::string lang = guessed_language(m); !lang.empty()) {
            mislabelled[m.file] = lang;
            continue;
        }
        INFO(m.file << ":" << m.line << ": " << m.type << " " << m.sub_type << ": " << m.message);
        CHECK(!counts(m));
    }
    MESSAGE(pages.size() << " corpus pages checked; " << mislabelled.size()
                         << " whose text the checker reads as another language than the model's");
    // Those pages say the language the model says: the normalizer's
    // language detection is what is wrong (the renderer only prints it). Set
    // to the language the checker read, the same release is clean.
    std::vector<fs::path> relabelled;
    for (const auto& [url, lang] : mislabelled) {
        const std::string page = url.substr(url.find(dir.path().string()));
        const std::string stem = fs::path(page).stem().string();
        fs::path input;
        for (const auto& e : fs::directory_iterator(*corpus / "raw"))
            if (pipeline::output_stem(e.path().string()) == stem) input = e.path();
        MESSAGE("model language 'en', text in '" << lang << "': " << input.filename().string());
        const fs::path out = dir / "relabelled" / stem;
        const auto r = test::pressroom(
            {"convert", "-q", "-t", "html", "-M", "language=" + lang, "-o", out.string(), input.string()});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        relabelled.push_back(out / (stem + ".html"));
    }
    if (!relabelled.empty()) require_vnu_clean(relabelled);
}

void axe_corpus(int part, int parts) {
    auto corpus = test::corpus_dir();
    if (!corpus || !have_axe()) {
        MESSAGE((corpus ? missing_axe : "skipped: no ../shared/corpus"));
        return;
    }
    test::TempDir dir;
    const auto all = corpus_pages(dir, *corpus);
    std::vector<fs::path> pages;
    for (std::size_t i = static_cast<std::size_t>(part); i < all.size(); i += static_cast<std::size_t>(parts))
        pages.push_back(all[i]);
    require_axe_clean(pages);
    MESSAGE("axe-core: " << pages.size() << " corpus pages, part " << part + 1 << " of " << parts);
}

// The index of a bundle of the whole corpus: many agencies (some spelled
// alike but for case, which once made two landmarks of one name), long
// titles, undated releases.
TEST_CASE("html: a corpus bundle's index.html - the Nu HTML Checker and axe-core find nothing - the filter narrows") {
    auto corpus = test::corpus_dir();
    if (!corpus || !have_vnu() || !have_axe()) {
        MESSAGE((!corpus ? "skipped: no ../shared/corpus" : !have_vnu() ? missing_vnu : missing_axe));
        return;
    }
    test::TempDir dir;
    const auto r = test::pressroom(
        {"bundle", "-q", (*corpus / "raw").string(), "--fail-on", "none", "-o", (dir / "corpus.zip").string()});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const fs::path index = dir / "index.html";
    test::write_file(index, test::entry(test::read_zip(test::read_file(dir / "corpus.zip")), "index.html").data);
    require_vnu_clean({index});
    const auto found = axe({index}, std::string("attorney general"));
    INFO(text::join(found[0].violations, "\n"));
    CHECK(found[0].violations.empty());
    CHECK(found[0].passes > 10);
    CHECK(found[0].filter.at("rows") > 0);
    MESSAGE("corpus index, filtered: " << found[0].filter.at("status").get<std::string>());
}

// Two parts: one per core, each one chromium.
TEST_CASE("html: axe-core over the corpus part 1 of 2") { axe_corpus(0, 2); }
TEST_CASE("html: axe-core over the corpus part 2 of 2") { axe_corpus(1, 2); }

}  // namespace
}  // namespace pressroom

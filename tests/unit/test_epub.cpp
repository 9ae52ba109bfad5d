// The EPUB renderer: container layout, package metadata, navigation,
// determinism, the content document's text and markup, and the helpers
// behind them. EPUBCheck runs in test_epub_check.cpp.
#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "base/zip_writer.hpp"
#include "epub_reader.hpp"
#include "fonts/face.hpp"
#include "model/check.hpp"
#include "model/format.hpp"
#include "pipeline/convert.hpp"
#include "pressroom/error.hpp"
#include "render/epub/book.hpp"
#include "render/epub/epub_renderer.hpp"
#include "render/epub/links.hpp"
#include "support.hpp"
#include "xml/release_xml.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <thread>

namespace pressroom {
namespace {

namespace fs = std::filesystem;
using test::element_text;
using test::elements;

constexpr const char* xhtml_ns = "http://www.w3.org/1999/xhtml";
constexpr const char* ops_ns = "http://www.idpf.org/2007/ops";

fs::path seed() { return test::source_dir() / "samples" / "dod-105-13.txt"; }

model::Document load(const fs::path& path) {
    ingest::Options options;
    options.name = path.string();
    Diagnostics diags(path.string());
    return pipeline::load_document(test::read_file(path), options, diags);
}

std::string epub_of(const model::Document& doc, render::Options options = {}) {
    Diagnostics diags;
    return render::render_epub(doc, options, diags);
}

// The model's text in reading order, as the content document must show it:
// the title block (with the release line as every renderer writes it), the
// blocks, the contacts.
std::string model_text(const model::Document& doc) {
    const auto& m = doc.meta;
    std::vector<std::string> parts{m.agency, m.office};
    std::vector<std::string> line;
    if (!m.kind.empty()) line.push_back(m.kind);
    if (!m.release_number.empty()) line.push_back("No. " + m.release_number);
    std::string when = m.dateline;
    if (!m.date.empty()) when += (when.empty() ? "" : ", ") + model::long_date(m.date);
    if (!when.empty()) line.push_back(when);
    parts.push_back(text::join(line, " \u00b7 "));
    parts.push_back(m.title);
    parts.push_back(m.subtitle);
    for (const auto& block : doc.body) {
        if (const auto* list = std::get_if<model::List>(&block)) {
            for (const auto& item : list->items) parts.push_back(model::plain_text(item.content));
        } else {
            std::visit(
                [&](const auto& b) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(b)>, model::List>)
                        parts.push_back(model::plain_text(b.content));
                },
                block);
        }
    }
    for (const auto& c : m.contacts)
        for (const auto& l : c.lines) parts.push_back(l);
    return text::collapse_space(text::join(parts, " "));
}

struct Xhtml {
    xml::DocPtr doc;
    xmlNode* root() const { return xmlDocGetRootElement(doc.get()); }
    xmlNode* body() const { return elements(root(), "body").at(0); }
};

Xhtml content_of(const std::string& epub) {
    return {test::parse_xml(test::entry(test::read_zip(epub), "EPUB/content.xhtml").data)};
}

// A small model, built by hand, with every kind of block.
model::Document hand_made() {
    model::Document doc;
    auto& m = doc.meta;
    m.agency = "Example Agency";
    m.kind = "News Release";
    m.release_number = "24-001";
    m.date = "2024-03-05";
    m.title = "A Title";
    m.dateline = "SPRINGFIELD";
    m.source = {"hand.txt", std::string(64, 'a'), "text", "UTF-8"};
    doc.body.push_back(model::Paragraph{model::text_inlines("First sentence here. Second one."), 1});
    doc.body.push_back(model::Heading{1, model::text_inlines("Section"), 2});
    model::List list;
    for (int depth : {0, 1, 2, 1, 0, 3}) {
        model::ListItem item;
        item.content = model::text_inlines("item at " + std::to_string(depth));
        item.depth = depth;
        list.items.push_back(item);
    }
    doc.body.push_back(list);
    doc.body.push_back(model::Quote{model::text_inlines("A quotation."), 4});
    doc.meta.contacts.push_back({{"Media contact: Jane Doe", "jane.doe@example.gov", "555-0100"}});
    return doc;
}

// ------------------------------------------------------------ container

TEST_CASE("epub: entries in a fixed order with mimetype first and stored and the rest deflated") {
    const auto entries = test::read_zip(epub_of(load(seed())));
    std::vector<std::string> names;
    for (const auto& e : entries) names.push_back(e.name);
    CHECK(names == std::vector<std::string>{"mimetype", "META-INF/container.xml", "EPUB/content.opf", "EPUB/nav.xhtml",
                                            "EPUB/toc.ncx", "EPUB/content.xhtml", "EPUB/style.css"});
    CHECK(entries[0].data == "application/epub+zip");
    CHECK(entries[0].method == 0);
    for (std::size_t i = 1; i < entries.size(); ++i) CHECK_MESSAGE(entries[i].method == 8, entries[i].name);
    for (const auto& e : entries) {
        CHECK_MESSAGE(e.central_extra == 0, e.name);
        CHECK_MESSAGE(e.local_extra == 0, e.name);
        CHECK_MESSAGE((e.flags & 0x0008) == 0, e.name);  // no data descriptor
    }
}

TEST_CASE("epub: the file starts with the stored mimetype entry as readers sniff it") {
    const std::string b = epub_of(load(seed()));
    REQUIRE(b.size() > 58);
    CHECK(b.substr(0, 4) == std::string("PK\x03\x04", 4));
    CHECK(b[8] == 0);   // compression method: stored
    CHECK(b[9] == 0);
    CHECK(b[26] == 8);  // name length
    CHECK(b[28] == 0);  // extra field length
    CHECK(b[29] == 0);
    CHECK(b.substr(30, 28) == "mimetypeapplication/epub+zip");
}

TEST_CASE("epub: container.xml points at the package document") {
    const auto entries = test::read_zip(epub_of(load(seed())));
    auto doc = test::parse_xml(test::entry(entries, "META-INF/container.xml").data);
    auto rootfiles = elements(xmlDocGetRootElement(doc.get()), "rootfile");
    REQUIRE(rootfiles.size() == 1);
    CHECK(test::attr(rootfiles[0], "full-path") == "EPUB/content.opf");
    CHECK(test::attr(rootfiles[0], "media-type") == "application/oebps-package+xml");
}

// ------------------------------------------------------------- metadata

std::multimap<std::string, std::string> opf_metadata(const std::string& epub) {
    auto doc = test::parse_xml(test::entry(test::read_zip(epub), "EPUB/content.opf").data);
    std::multimap<std::string, std::string> out;
    xmlNode* metadata = elements(xmlDocGetRootElement(doc.get()), "metadata").at(0);
    for (xmlNode* c = metadata->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        std::string name = reinterpret_cast<const char*>(c->name);
        if (name == "meta") name = test::attr(c, "property");
        else if (c->ns && c->ns->prefix) name = std::string(reinterpret_cast<const char*>(c->ns->prefix)) + ":" + name;
        out.emplace(name, xml::node_text(c));
    }
    return out;
}

TEST_CASE("epub: package metadata of the seed") {
    const model::Document doc = load(seed());
    const auto meta = opf_metadata(epub_of(doc));
    auto one = [&](const std::string& key) {
        INFO(key);
        REQUIRE(meta.count(key) == 1);
        return meta.find(key)->second;
    };
    const std::string id = one("dc:identifier");
    CHECK(id.size() == 45);
    CHECK(text::starts_with(id, "urn:uuid:"));
    CHECK(id[9 + 14] == '5');  // a version-5 (name-based) UUID
    // Derived from the release's canonical XML in pressroom's namespace
    // (uuid5(NAMESPACE_URL, "urn:pressroom:epub")).
    const std::array<std::uint8_t, 16> ns = {0xf6, 0x19, 0x20, 0xf5, 0x88, 0x57, 0x51, 0x4d,
                                             0xa0, 0x2e, 0xc2, 0x53, 0x36, 0x04, 0xa7, 0x9e};
    CHECK(id == "urn:uuid:" + uuid_v5(ns, xml::write_release(doc)));
    CHECK(one("dc:title") == "Joint Statement of The Korea-U.S. Integrated Defense Dialogue");
    CHECK(one("dc:language") == "en");
    CHECK(one("dc:date") == "2013-02-22");
    CHECK(one("dc:creator") == doc.meta.agency);
    CHECK(one("dc:publisher") == doc.meta.agency);
    CHECK(!doc.meta.agency.empty());
    CHECK(one("dc:source") == "dod-105-13.txt");
    const std::string description = one("dc:description");
    CHECK(text::starts_with(description, "The Department of Defense and Republic of Korea"));
    CHECK(text::ends_with(description, "in Washington, D.C."));
    CHECK(one("dcterms:modified") == "2013-02-22T00:00:00Z");  // the release date: no SOURCE_DATE_EPOCH here
    CHECK(one("schema:accessMode") == "textual");
    CHECK(one("schema:accessModeSufficient") == "textual");
    CHECK(one("schema:accessibilityHazard") == "none");
    CHECK(!one("schema:accessibilitySummary").empty());
    std::vector<std::string> features;
    for (auto [it, end] = meta.equal_range("schema:accessibilityFeature"); it != end; ++it)
        features.push_back(it->second);
    CHECK(features == std::vector<std::string>{"structuralNavigation", "tableOfContents", "readingOrder"});
    CHECK(one("dcterms:conformsTo") == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    CHECK(text::starts_with(one("a11y:certifiedBy"), "pressroom"));
}

// The summary is made from what the content document holds: a release of
// paragraphs only (as most scraped releases are) says it has no section
// headings, and claims no lists or quotations.
TEST_CASE("epub: the accessibility summary says only what the release has") {
    model::Document plain = hand_made();
    plain.body.erase(plain.body.begin() + 1, plain.body.end());
    const auto meta = opf_metadata(epub_of(plain));
    const std::string summary = meta.find("schema:accessibilitySummary")->second;
    CHECK(summary.find("there are no section headings") != std::string::npos);
    CHECK(summary.find("lists") == std::string::npos);
    CHECK(summary.find("quotations") == std::string::npos);
    CHECK(summary.find("Contact addresses") != std::string::npos);
    CHECK(meta.find("dcterms:conformsTo")->second == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");

    const std::string full = opf_metadata(epub_of(hand_made())).find("schema:accessibilitySummary")->second;
    CHECK(full.find("The title and 1 section heading are marked up as headings") != std::string::npos);
    CHECK(full.find("Lists, quotations, contact addresses and links are marked up as such.") != std::string::npos);

    // No heading at all (no title, no heading blocks): no structural
    // navigation claimed.
    model::Document bare = plain;
    bare.meta.title.clear();
    const auto bare_meta = opf_metadata(epub_of(bare));
    for (auto [it, end] = bare_meta.equal_range("schema:accessibilityFeature"); it != end; ++it)
        CHECK(it->second != "structuralNavigation");
    CHECK(bare_meta.find("schema:accessibilitySummary")->second.find("There are no headings") != std::string::npos);
}

// WCAG 2.1, 3.1.2: a passage in another script is announced in its language.
TEST_CASE("epub: a passage in another script is a span with its lang and dir") {
    model::Document doc = hand_made();
    doc.body.insert(
        doc.body.begin(),
        model::Paragraph{model::text_inlines("The minister said \u041f\u0440\u0438\u0432\u0435\u0442 "
                                             "\u043c\u0438\u0440 and then \u05e9\u05dc\u05d5\u05dd to all."),
                         1});
    const std::string epub = epub_of(doc);
    auto x = content_of(epub);
    std::vector<xmlNode*> spans;
    for (xmlNode* span : elements(x.body(), "span"))
        if (!test::attr(span, "lang").empty()) spans.push_back(span);
    REQUIRE(spans.size() == 2);
    CHECK(element_text(spans[0]) == "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440");
    CHECK(test::attr(spans[0], "lang") == "ru");
    CHECK(test::ns_attr(spans[0], "lang", "http://www.w3.org/XML/1998/namespace") == "ru");
    CHECK(test::attr(spans[0], "dir").empty());
    CHECK(element_text(spans[1]) == "\u05e9\u05dc\u05d5\u05dd");
    CHECK(test::attr(spans[1], "lang") == "he");
    CHECK(test::attr(spans[1], "dir") == "rtl");
    const std::string summary = opf_metadata(epub).find("schema:accessibilitySummary")->second;
    CHECK(summary.find("Passages in another script") != std::string::npos);
}

TEST_CASE("epub: optional metadata is omitted and never empty") {
    model::Document doc = hand_made();
    doc.meta.agency.clear();
    doc.meta.date.clear();
    doc.meta.title.clear();
    doc.meta.language = "C";  // not a language: falls back to English
    doc.meta.source.name = "-";
    Diagnostics diags;
    const auto meta = opf_metadata(render::render_epub(doc, {}, diags));
    CHECK(meta.count("dc:creator") == 0);
    CHECK(meta.count("dc:publisher") == 0);
    CHECK(meta.count("dc:date") == 0);
    CHECK(meta.count("dc:source") == 0);
    CHECK(meta.find("dc:language")->second == "en");
    CHECK(meta.find("dc:title")->second == "Section");  // the first heading stands in for the title
    CHECK(meta.find("dcterms:modified")->second == "1980-01-01T00:00:00Z");
    for (const auto& [k, v] : meta) CHECK_MESSAGE(!v.empty(), k);
    CHECK(diags.count("epub-language") == 1);
    CHECK(diags.count("epub-title") == 1);
}

TEST_CASE("epub: the language of the model reaches the package and the documents") {
    model::Document doc = hand_made();
    doc.meta.language = "fr-CA";
    const std::string epub = epub_of(doc);
    CHECK(opf_metadata(epub).find("dc:language")->second == "fr-CA");
    auto x = content_of(epub);
    CHECK(test::attr(x.root(), "lang") == "fr-CA");
    CHECK(test::ns_attr(x.root(), "lang", "http://www.w3.org/XML/1998/namespace") == "fr-CA");
    auto nav = test::parse_xml(test::entry(test::read_zip(epub), "EPUB/nav.xhtml").data);
    CHECK(test::attr(xmlDocGetRootElement(nav.get()), "lang") == "fr-CA");
    // Its English labels say they are English.
    CHECK(test::attr(elements(xmlDocGetRootElement(nav.get()), "h1").at(0), "lang") == "en");
}

TEST_CASE("epub: the identifier follows the content and not the clock") {
    model::Document doc = hand_made();
    render::Options later;
    later.source_date_epoch = 2000000000;
    const auto id = [](const std::string& epub) { return opf_metadata(epub).find("dc:identifier")->second; };
    CHECK(id(epub_of(doc)) == id(epub_of(doc, later)));
    model::Document changed = doc;
    std::get<model::Paragraph>(changed.body[0]).content = model::text_inlines("First sentence here. Second one!");
    CHECK(id(epub_of(doc)) != id(epub_of(changed)));
}

// ----------------------------------------------------------- navigation

TEST_CASE("epub: nav.xhtml and toc.ncx list the title and every heading nested") {
    model::Document doc = hand_made();
    doc.body.push_back(model::Heading{2, model::text_inlines("Subsection"), 5});
    doc.body.push_back(model::Heading{1, model::text_inlines("Second section"), 6});
    const auto entries = test::read_zip(epub_of(doc));

    auto nav = test::parse_xml(test::entry(entries, "EPUB/nav.xhtml").data);
    std::vector<xmlNode*> navs = elements(xmlDocGetRootElement(nav.get()), "nav");
    REQUIRE(navs.size() == 2);
    CHECK(test::ns_attr(navs[0], "type", ops_ns) == "toc");
    CHECK(test::attr(navs[0], "role") == "doc-toc");
    // Title > (Section > Subsection), Second section
    xmlNode* top = elements(navs[0], "ol").at(0);
    auto top_items = elements(top, "li");
    REQUIRE(top_items.size() == 4);
    auto links = elements(navs[0], "a");
    std::vector<std::string> labels, targets;
    for (auto* a : links) {
        labels.push_back(element_text(a));
        targets.push_back(test::attr(a, "href"));
    }
    CHECK(labels == std::vector<std::string>{"A Title", "Section", "Subsection", "Second section"});
    CHECK(targets == std::vector<std::string>{"content.xhtml", "content.xhtml#s1", "content.xhtml#s2",
                                              "content.xhtml#s3"});
    CHECK(elements(top_items[1], "ol").size() == 1);  // Section holds Subsection
    CHECK(top_items[2]->parent->parent == top_items[1]);
    CHECK(top_items[3]->parent->parent == top_items[0]);  // Second section is under the title again

    CHECK(test::ns_attr(navs[1], "type", ops_ns) == "landmarks");
    std::vector<std::string> landmarks;
    for (auto* a : elements(navs[1], "a")) landmarks.push_back(test::ns_attr(a, "type", ops_ns) + " " + test::attr(a, "href"));
    CHECK(landmarks == std::vector<std::string>{"toc #toc", "titlepage content.xhtml#titlepage",
                                                "bodymatter content.xhtml#text"});

    // The targets exist in the content document.
    auto x = test::parse_xml(test::entry(entries, "EPUB/content.xhtml").data);
    std::vector<std::string> ids;
    for (const char* tag : {"h1", "h2", "h3", "header", "section"})
        for (auto* e : elements(xmlDocGetRootElement(x.get()), tag)) ids.push_back(test::attr(e, "id"));
    for (const std::string id : {"title", "s1", "s2", "s3", "titlepage", "text"})
        CHECK_MESSAGE(std::find(ids.begin(), ids.end(), id) != ids.end(), id);

    auto ncx = test::parse_xml(test::entry(entries, "EPUB/toc.ncx").data);
    xmlNode* ncx_root = xmlDocGetRootElement(ncx.get());
    auto points = elements(ncx_root, "navPoint");
    REQUIRE(points.size() == 4);
    for (std::size_t i = 0; i < points.size(); ++i) {
        CHECK(test::attr(points[i], "playOrder") == std::to_string(i + 1));
        CHECK(test::attr(elements(points[i], "content").at(0), "src") == targets[i]);
    }
    CHECK(points[2]->parent == points[1]);
    CHECK(points[3]->parent == points[0]);
    std::string uid;
    for (auto* m : elements(ncx_root, "meta"))
        if (test::attr(m, "name") == "dtb:uid") uid = test::attr(m, "content");
    CHECK(uid == opf_metadata(epub_of(doc)).find("dc:identifier")->second);
}

// ---------------------------------------------------------- determinism

TEST_CASE("epub: two conversions of the seed give the same bytes") {
    test::TempDir a, b;
    auto ra = test::pressroom({"convert", "-q", "-t", "epub", "-o", a.path().string(), seed().string()}, {},
                              {"SOURCE_DATE_EPOCH="});
    auto rb = test::pressroom({"convert", "-q", "-t", "epub", "-o", b.path().string(), seed().string()}, {},
                              {"SOURCE_DATE_EPOCH="});
    REQUIRE(ra.status == 0);
    REQUIRE(rb.status == 0);
    const std::string x = test::read_file(a / "dod-105-13.epub"), y = test::read_file(b / "dod-105-13.epub");
    MESSAGE("seed EPUB sha256 " << sha256_hex(x));
    CHECK(sha256_hex(x) == sha256_hex(y));
    CHECK(x == y);
}

TEST_CASE("epub: SOURCE_DATE_EPOCH changes only dcterms:modified and the entry times") {
    test::TempDir a, b;
    // 2023-11-14T22:13:20Z and 2027-01-15T08:00:00Z
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "-o", a.path().string(), seed().string()}, {},
                            {"SOURCE_DATE_EPOCH=1700000000"}).status == 0);
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "-o", b.path().string(), seed().string()}, {},
                            {"SOURCE_DATE_EPOCH=1800000000"}).status == 0);
    const std::string x = test::read_file(a / "dod-105-13.epub"), y = test::read_file(b / "dod-105-13.epub");
    CHECK(x != y);
    const auto ex = test::read_zip(x), ey = test::read_zip(y);
    REQUIRE(ex.size() == ey.size());
    for (std::size_t i = 0; i < ex.size(); ++i) {
        INFO(ex[i].name);
        CHECK(ex[i].name == ey[i].name);
        CHECK(ex[i].method == ey[i].method);
        // Times: 2023-11-14 22:13:20 and 2027-01-15 08:00:00 as DOS fields.
        CHECK(ex[i].dos_date == ((2023 - 1980) << 9 | 11 << 5 | 14));
        CHECK(ex[i].dos_time == (22 << 11 | 13 << 5 | 20 / 2));
        CHECK(ey[i].dos_date == ((2027 - 1980) << 9 | 1 << 5 | 15));
        CHECK(ey[i].dos_time == (8 << 11));
        CHECK(ex[i].local_date == ex[i].dos_date);
        CHECK(ex[i].local_time == ex[i].dos_time);
        if (ex[i].name == "EPUB/content.opf") {
            std::string ox = ex[i].data, oy = ey[i].data;
            CHECK(ox.find("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>") != std::string::npos);
            CHECK(oy.find("<meta property=\"dcterms:modified\">2027-01-15T08:00:00Z</meta>") != std::string::npos);
            text::replace_all(ox, "2023-11-14T22:13:20Z", "MODIFIED");
            text::replace_all(oy, "2027-01-15T08:00:00Z", "MODIFIED");
            CHECK(ox == oy);
        } else {
            CHECK(ex[i].data == ey[i].data);
        }
    }
    // (The archives' sizes may differ by a byte or two: the package
    // document deflates to a different length.)
}

TEST_CASE("epub: entry times are UTC whatever the machine's time zone") {
    if (!fs::exists("/usr/share/zoneinfo/America/New_York")) {
        MESSAGE("skipped: no tzdata");
        return;
    }
    // 2021-03-14T02:30:00Z: in New York that wall-clock time does not exist
    // (clocks jumped from 02:00 to 03:00), the case a local-time conversion
    // gets wrong.
    test::TempDir a, b;
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "-o", a.path().string(), seed().string()}, {},
                            {"SOURCE_DATE_EPOCH=1615689000", "TZ=America/New_York"}).status == 0);
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "-o", b.path().string(), seed().string()}, {},
                            {"SOURCE_DATE_EPOCH=1615689000", "TZ=UTC"}).status == 0);
    const std::string x = test::read_file(a / "dod-105-13.epub");
    CHECK(x == test::read_file(b / "dod-105-13.epub"));
    for (const auto& e : test::read_zip(x)) {
        CHECK(e.dos_date == ((2021 - 1980) << 9 | 3 << 5 | 14));
        CHECK(e.dos_time == (2 << 11 | 30 << 5));
    }
}

TEST_CASE("epub: dos_time_utc and iso_timestamp") {
    using pressroom::dos_time_utc;
    using text::iso_timestamp;
    CHECK(dos_time_utc(315532800) == pressroom::DosTime{0, 1 << 5 | 1});     // 1980-01-01 00:00:00
    CHECK(dos_time_utc(0) == dos_time_utc(315532800));                       // clamped
    CHECK(dos_time_utc(1361491199).date == ((2013 - 1980) << 9 | 2 << 5 | 21));  // 2013-02-21 23:59:59
    CHECK(dos_time_utc(1361491199).time == (23 << 11 | 59 << 5 | 29));
    CHECK(dos_time_utc(99999999999).date == (127 << 9 | 12 << 5 | 31));      // clamped to 2107-12-31
    CHECK(iso_timestamp(0) == "1970-01-01T00:00:00Z");
    CHECK(iso_timestamp(1700000000) == "2023-11-14T22:13:20Z");
    CHECK(iso_timestamp(-1) == "1969-12-31T23:59:59Z");
    CHECK(iso_timestamp(999999999999) == "9999-12-31T23:59:59Z");
}

// -------------------------------------------------------------- content

TEST_CASE("epub: the content document's text is the model's text (samples)") {
    for (const auto& f : fs::directory_iterator(test::source_dir() / "samples")) {
        INFO(f.path().filename().string());
        const model::Document doc = load(f.path());
        auto x = content_of(epub_of(doc));
        CHECK(element_text(x.body()) == model_text(doc));
    }
}

TEST_CASE("epub: the content document's text is the model's text (corpus)") {
    auto corpus = test::corpus_dir();
    if (!corpus) {
        MESSAGE("skipped: no ../shared/corpus");
        return;
    }
    const std::vector<fs::path> files = test::corpus_inputs(*corpus);
    int compared = 0;
    for (const auto& path : files) {
        INFO(path.filename().string());
        model::Document doc;
        try {
            doc = load(path);
        } catch (const Error&) {
            continue;  // not a release (or not yet understood by the normalizer)
        }
        auto x = content_of(epub_of(doc));
        CHECK(element_text(x.body()) == model_text(doc));
        ++compared;
    }
    MESSAGE(compared << " of " << files.size() << " corpus files compared");
    CHECK(compared > 0);
}

// The text of an element exactly as the content document holds it: every
// text node below it, joined, white space and all (element_text collapses
// runs of white space, which would hide a newline turned into one space).
std::string raw_text(xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string s = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return s;
}

// Regression: a list item holding a link and then an emphasis that starts
// with punctuation ("<a>Name</a><em>, Director …</em>", as pages list
// people) came out "Name , Director": the item had no text node of its own,
// so libxml2's pretty-printer took it for element-only content and indented
// its children, and that indentation is text. The same held for any block
// whose spans all have markup, a lone link included.
TEST_CASE("epub: adjacent spans with markup get no white space between them (link then emphasis starting with punctuation)") {
    using K = model::Span::Kind;
    model::Document doc = hand_made();
    doc.body.clear();
    const model::Inlines link_then_emphasis{{K::link, "Jane Example", "https://example.gov/jane"},
                                            {K::emphasis, ", Director of Parks", ""}};
    const model::Inlines strong_then_emphasis{{K::strong, "Sam Sample", ""}, {K::emphasis, "; Deputy Director", ""}};
    const model::Inlines emphasis_then_link{{K::emphasis, "Read", ""}, {K::link, "(the plan)", "https://example.gov/p"}};
    const model::Inlines link_only{{K::link, "Only a link", "https://example.gov/only"}};
    doc.body.push_back(model::Paragraph{link_then_emphasis, 1});
    doc.body.push_back(model::Heading{1, strong_then_emphasis, 2});
    model::List list;
    for (const auto* content : {&link_then_emphasis, &strong_then_emphasis, &emphasis_then_link, &link_only})
        list.items.push_back({*content, 0, 3});
    doc.body.push_back(list);
    doc.body.push_back(model::Quote{emphasis_then_link, 4});
    REQUIRE(model::check(doc).empty());

    const std::string xhtml = test::entry(test::read_zip(epub_of(doc)), "EPUB/content.xhtml").data;
    CHECK(xhtml.find("</a><em>, Director of Parks</em>") != std::string::npos);
    const Xhtml x{test::parse_xml(xhtml)};
    xmlNode* text = elements(x.root(), "section").at(0);
    std::vector<xmlNode*> blocks{elements(text, "p").at(0), elements(text, "h2").at(0)};
    for (xmlNode* li : elements(text, "li")) blocks.push_back(li);
    blocks.push_back(elements(elements(text, "blockquote").at(0), "p").at(0));
    const std::vector<const model::Inlines*> contents{&link_then_emphasis, &strong_then_emphasis, &link_then_emphasis,
                                                      &strong_then_emphasis, &emphasis_then_link, &link_only,
                                                      &emphasis_then_link};
    REQUIRE(blocks.size() == contents.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        INFO("block " << i);
        CHECK(raw_text(blocks[i]) == model::plain_text(*contents[i]));
    }
    CHECK(element_text(x.body()) == model_text(doc));
}

TEST_CASE("epub: the content document's markup") {
    const model::Document doc = hand_made();
    auto x = content_of(epub_of(doc));
    xmlNode* root = x.root();
    CHECK(root->ns);
    CHECK(std::string(reinterpret_cast<const char*>(root->ns->href)) == xhtml_ns);
    CHECK(test::attr(root, "lang") == "en");
    CHECK(x.doc->intSubset != nullptr);  // <!DOCTYPE html>
    CHECK(elements(root, "title").at(0)->children != nullptr);
    CHECK(test::attr(elements(root, "meta").at(0), "charset") == "utf-8");
    CHECK(test::attr(elements(root, "link").at(0), "href") == "style.css");

    xmlNode* header = elements(root, "header").at(0);
    CHECK(test::ns_attr(header, "type", ops_ns) == "titlepage");
    CHECK(element_text(elements(header, "h1").at(0)) == "A Title");
    xmlNode* time = elements(header, "time").at(0);
    CHECK(test::attr(time, "datetime") == "2024-03-05");
    CHECK(element_text(time) == "March 5, 2024");
    CHECK(element_text(elements(header, "p").back()) == "News Release \u00b7 No. 24-001 \u00b7 SPRINGFIELD, March 5, 2024");

    xmlNode* text = elements(root, "section").at(0);
    CHECK(test::attr(text, "id") == "text");
    CHECK(test::ns_attr(text, "type", ops_ns) == "bodymatter");
    CHECK(element_text(elements(text, "h2").at(0)) == "Section");
    CHECK(element_text(elements(text, "blockquote").at(0)) == "A quotation.");

    xmlNode* contacts = elements(root, "section").at(1);
    auto addresses = elements(contacts, "address");
    REQUIRE(addresses.size() == 1);
    CHECK(elements(addresses[0], "br").size() == 2);
    auto mail = elements(addresses[0], "a");
    REQUIRE(mail.size() == 1);
    CHECK(test::attr(mail[0], "href") == "mailto:jane.doe@example.gov");
}

TEST_CASE("epub: nested lists follow the items' depth") {
    // Depths 0 1 2 1 0 3: the last item cannot be three levels down without
    // items to hold the lists between, so it nests one level down.
    auto x = content_of(epub_of(hand_made()));
    auto lists = elements(x.body(), "ul");
    REQUIRE(lists.size() == 4);
    auto items = elements(lists[0], "li");
    REQUIRE(items.size() == 6);
    auto parent_item = [](xmlNode* li) { return li->parent->parent; };
    CHECK(items[0]->parent == lists[0]);
    CHECK(parent_item(items[1]) == items[0]);
    CHECK(parent_item(items[2]) == items[1]);
    CHECK(parent_item(items[3]) == items[0]);
    CHECK(items[4]->parent == lists[0]);
    CHECK(parent_item(items[5]) == items[4]);
    for (std::size_t i = 0; i < items.size(); ++i)
        CHECK(text::starts_with(element_text(items[i]), "item at"));
}

TEST_CASE("epub: unsafe hrefs become text and URLs and e-mail addresses in text become links") {
    model::Document doc = hand_made();
    using K = model::Span::Kind;
    model::Paragraph p;
    p.content = {{K::text, "See ", ""},
                 {K::link, "the site", "https://example.gov/a b/\xc3\xa9t\xc3\xa9?q=[1]#x#y"},
                 {K::text, ", ", ""},
                 {K::link, "this", "javascript:alert(1)"},
                 {K::text, ", ", ""},
                 {K::link, "that", "relative/page.html"},
                 {K::text, " and www.example.org/path). Write to press@example.gov.", ""}};
    doc.body.push_back(p);
    auto x = content_of(epub_of(doc));
    xmlNode* para = elements(x.body(), "p").back();
    std::vector<std::string> hrefs, texts;
    for (auto* a : elements(para, "a")) {
        hrefs.push_back(test::attr(a, "href"));
        texts.push_back(element_text(a));
    }
    CHECK(hrefs == std::vector<std::string>{"https://example.gov/a%20b/%C3%A9t%C3%A9?q=%5B1%5D#x%23y",
                                            "http://www.example.org/path", "mailto:press@example.gov"});
    CHECK(texts == std::vector<std::string>{"the site", "www.example.org/path", "press@example.gov"});
    CHECK(element_text(para) == model::plain_text(p.content));
}

// -------------------------------------------------------------- helpers

TEST_CASE("epub links: safe_href") {
    using render::epub::safe_href;
    CHECK(safe_href("https://www.defense.gov/News/") == "https://www.defense.gov/News/");
    CHECK(safe_href("HTTP://Example.COM/Path?A=1") == "http://example.com/Path?A=1");
    CHECK(safe_href(" http://example.com ") == "http://example.com");
    CHECK(safe_href("http://example.com:8080/x") == "http://example.com:8080/x");
    CHECK(safe_href("http://example.com/100%") == "http://example.com/100%25");
    CHECK(safe_href("http://example.com/a%2Fb") == "http://example.com/a%2Fb");
    CHECK(safe_href("http://example.com/\"quoted\"<x>") == "http://example.com/%22quoted%22%3Cx%3E");
    CHECK(safe_href("mailto:press@example.gov") == "mailto:press@example.gov");
    CHECK(safe_href("mailto:press@example.gov?subject=Hello there") == "mailto:press@example.gov?subject=Hello%20there");
    CHECK(safe_href("tel:+1 (555) 010-0100") == "tel:+1(555)010-0100");
    CHECK_FALSE(safe_href("javascript:alert(1)"));
    CHECK_FALSE(safe_href("file:///etc/passwd"));
    CHECK_FALSE(safe_href("data:text/html,hi"));
    CHECK_FALSE(safe_href("/relative/path"));
    CHECK_FALSE(safe_href("page.html"));
    CHECK_FALSE(safe_href("http://"));
    CHECK_FALSE(safe_href("http:example.com"));
    CHECK_FALSE(safe_href("http://exa mple.com/"));
    CHECK_FALSE(safe_href("http://user:pw@example.com/"));
    CHECK_FALSE(safe_href("http://b\xc3\xbc" "cher.de/"));
    CHECK_FALSE(safe_href("http://example.com:99999/"));
    CHECK_FALSE(safe_href("http://-bad-.com/"));
    CHECK_FALSE(safe_href("mailto:nobody"));
    CHECK_FALSE(safe_href("tel:call us"));
    CHECK_FALSE(safe_href(""));
}

TEST_CASE("epub links: autolink") {
    using render::epub::autolink;
    using render::epub::TextRun;
    CHECK(autolink("no links here") == std::vector<TextRun>{{"no links here", ""}});
    CHECK(autolink("Visit https://www.defense.gov/News. Thanks") ==
          std::vector<TextRun>{{"Visit ", ""}, {"https://www.defense.gov/News", "https://www.defense.gov/News"}, {". Thanks", ""}});
    CHECK(autolink("(see www.nasa.gov)") ==
          std::vector<TextRun>{{"(see ", ""}, {"www.nasa.gov", "http://www.nasa.gov"}, {")", ""}});
    CHECK(autolink("https://en.wikipedia.org/wiki/Foo_(bar)") ==
          std::vector<TextRun>{{"https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"}});
    CHECK(autolink("Email jane.doe@example.gov, or call.") ==
          std::vector<TextRun>{{"Email ", ""}, {"jane.doe@example.gov", "mailto:jane.doe@example.gov"}, {", or call.", ""}});
    CHECK(autolink("http://exa mple") == std::vector<TextRun>{{"http://exa mple", ""}});
    std::string s = "a http://x.org/\xc3\xa9 b@c.de c";
    std::string joined;
    for (const auto& r : autolink(s)) joined += r.text;
    CHECK(joined == s);
}

TEST_CASE("epub: first_sentence") {
    using render::epub::first_sentence;
    CHECK(first_sentence("One. Two.") == "One.");
    CHECK(first_sentence("The U.S. Department of Defense met Gen. Smith today. Then left.") ==
          "The U.S. Department of Defense met Gen. Smith today.");
    CHECK(first_sentence("They met in Washington, D.C. The talks went well.") == "They met in Washington, D.C.");
    CHECK(first_sentence("John F. Kennedy spoke. Then.") == "John F. Kennedy spoke.");
    CHECK(first_sentence("Release No. 5 is out! More follows.") == "Release No. 5 is out!");
    CHECK(first_sentence("no end") == "no end");
    CHECK(first_sentence("") == "");
    const std::string longer(400, 'x');
    CHECK(first_sentence("word " + longer, 300) == "word\u2026");
    CHECK(first_sentence("aaa bbb ccc ddd", 9) == "aaa bbb\u2026");
}

TEST_CASE("epub: is_language_tag") {
    using text::is_language_tag;
    for (std::string ok : {"en", "en-US", "zh-Hant-TW", "es-419", "de-CH-1996", "fr", "haw"})
        CHECK_MESSAGE(is_language_tag(ok), ok);
    for (std::string bad : {"", "C", "POSIX", "en_US", "e", "en-", "-en", "english language", "en-US-toolongsubtag",
                            "1en", "en--US", "C.UTF-8"})
        CHECK_MESSAGE(!is_language_tag(bad), bad);
}

TEST_CASE("epub: the zip writer round-trips stored and deflated entries of any size") {
    std::string big;  // every byte value, from a generator
    std::uint32_t x = 12345;
    for (int i = 0; i < 200000; ++i) big += static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    const std::string text(300000, 'a');
    // Stored, deflated, stored, deflated.
    const std::vector<std::pair<std::string, std::string>> entries = {
        {"empty", ""}, {"text", text}, {"big", big}, {"small", "x"}};
    std::string first;
    for (int round = 0; round < 2; ++round) {  // the second round reuses the thread's zlib stream
        pressroom::ZipWriter zip(1700000000);
        for (std::size_t i = 0; i < entries.size(); ++i)
            zip.add(entries[i].first, entries[i].second,
                    i % 2 ? pressroom::Compression::deflate : pressroom::Compression::store);
        zip.add("text-stored", text, pressroom::Compression::store);
        const std::string bytes = zip.finish();
        if (round == 0) first = bytes;
        CHECK(bytes == first);
        const auto read = test::read_zip(bytes);  // libzip checks every CRC while reading
        REQUIRE(read.size() == 5);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            CHECK(read[i].name == entries[i].first);
            CHECK(read[i].data == entries[i].second);
            CHECK(read[i].method == (i % 2 ? 8 : 0));
        }
        // "text" was deflated to almost nothing; "big" and "text-stored" were not.
        CHECK(bytes.size() > big.size() + text.size());
        CHECK(bytes.size() < big.size() + text.size() + 5000);
    }
}

TEST_CASE("epub: renders on several threads at once give the same bytes") {
    const model::Document doc = load(seed());
    const std::string expected = epub_of(doc);
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < got.size(); ++i)
        threads.emplace_back([&, i] {
            for (int k = 0; k < 5; ++k) got[i] = epub_of(doc);
        });
    for (auto& t : threads) t.join();
    for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("epub: the zip writer refuses duplicate names") {
    pressroom::ZipWriter zip(0);
    zip.add("a", "1", pressroom::Compression::store);
    CHECK_THROWS_AS(zip.add("a", "2", pressroom::Compression::store), Error);
}

}  // namespace
}  // namespace pressroom

// ---------------------------------------------------------------- fonts

namespace pressroom {
namespace {

TEST_CASE("epub: --embed-fonts embeds the PDF's faces subset to the text with @font-face") {
    test::TempDir a, b, plain;
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "--embed-fonts", "-o", a.path().string(), seed().string()})
                .status == 0);
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "--embed-fonts", "-o", b.path().string(), seed().string()})
                .status == 0);
    REQUIRE(test::pressroom({"convert", "-q", "-t", "epub", "-o", plain.path().string(), seed().string()}).status == 0);
    const std::string epub = test::read_file(a / "dod-105-13.epub");
    CHECK(epub == test::read_file(b / "dod-105-13.epub"));  // still deterministic

    const auto entries = test::read_zip(epub);
    std::vector<std::string> fonts;
    for (const auto& e : entries)
        if (text::starts_with(e.name, "EPUB/fonts/")) fonts.push_back(e.name);
    CHECK(fonts == std::vector<std::string>{"EPUB/fonts/body-regular.ttf", "EPUB/fonts/body-bold.ttf",
                                            "EPUB/fonts/body-italic.ttf", "EPUB/fonts/body-bold-italic.ttf"});
    // Fonts come after the fixed entries, which are unchanged.
    const auto plain_entries = test::read_zip(test::read_file(plain / "dod-105-13.epub"));
    for (std::size_t i = 0; i < plain_entries.size(); ++i) {
        CHECK(entries[i].name == plain_entries[i].name);
        if (entries[i].name != "EPUB/content.opf" && entries[i].name != "EPUB/style.css")
            CHECK(entries[i].data == plain_entries[i].data);
    }

    // Declared in the manifest as font/ttf, used by the stylesheet.
    auto opf = test::parse_xml(test::entry(entries, "EPUB/content.opf").data);
    std::vector<std::string> items;
    for (auto* item : elements(xmlDocGetRootElement(opf.get()), "item"))
        if (test::attr(item, "media-type") == "font/ttf") items.push_back("EPUB/" + test::attr(item, "href"));
    CHECK(items == fonts);
    const std::string css = test::entry(entries, "EPUB/style.css").data;
    for (const auto& f : fonts) CHECK_MESSAGE(css.find("src: url(\"" + f.substr(5) + "\")") != std::string::npos, f);
    CHECK(css.find("font-family: \"Liberation Serif\", serif;") != std::string::npos);

    // Each subset is a real TrueType font with a glyph for every character
    // of the text, and much smaller than the original.
    std::string shown = element_text(content_of(epub).body());
    for (const auto& name : fonts) {
        INFO(name);
        auto face = fonts::Face::from_bytes(test::entry(entries, name).data, name);
        for (std::size_t i = 0; i < shown.size();) {
            const char32_t c = utf8::next(shown, i);
            CHECK_MESSAGE(face->covers(c), static_cast<unsigned>(c));
        }
        CHECK(face->code_points().size() < 200);
    }
}

TEST_CASE("epub: --embed-fonts without fonts fails and writes nothing") {
    test::TempDir out;
    // A --font-dir that is not there is a bad option value (exit 2), found
    // before any input is read.
    auto r = test::pressroom({"convert", "-t", "epub", "--embed-fonts", "--font-dir", (out / "none").string(), "-o",
                              out.path().string(), seed().string()});
    CHECK(r.status == 2);
    CHECK(r.err.find("--font-dir: font folder not found") != std::string::npos);
    CHECK(!fs::exists(out / "dod-105-13.epub"));
}

}  // namespace
}  // namespace pressroom

// The web and office formats (issue 17), checked on real outputs by the
// tools their readers use: the JSON against its schema (python3-jsonschema)
// and read back by `pressroom convert`; the Markdown's front matter by
// yaml-cpp and its body by cmark; the DOCX by pandoc's reader and by its
// own package structure; the HTML's structure and JSON-LD by libxml2 (the
// Nu HTML Checker and axe-core are in test_web_check.cpp). Over the
// samples and every corpus release that converts; tests that need a tool
// or ../shared/corpus skip, saying so, when it is missing.
#include "base/text.hpp"
#include "epub_reader.hpp"
#include "json/release_json.hpp"
#include "model/check.hpp"
#include "model/format.hpp"
#include "pipeline/readers.hpp"
#include "pressroom/error.hpp"
#include "render/release_facts.hpp"
#include "render/renderer.hpp"
#include "support.hpp"
#include "xml/release_xml.hpp"

#include <doctest/doctest.h>
#include <libxml/HTMLparser.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace pressroom {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// ------------------------------------------------------------------ outputs

// Inputs converted by one `pressroom batch` into the new formats (and XML):
// for each converted input, its outputs by format.
struct Converted {
    std::unique_ptr<test::TempDir> dir = std::make_unique<test::TempDir>();
    std::vector<std::map<std::string, fs::path>> releases;
};

Converted convert_folder(const fs::path& folder, const std::string& formats = "xml,html,md,docx,json") {
    Converted c;
    const fs::path out = *c.dir / "out", report = *c.dir / "report.json";
    const auto r = test::pressroom({"batch", folder.string(), "-o", out.string(), "-t", formats, "-q", "--fail-on",
                                    "none", "--report", report.string()});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const Json j = Json::parse(test::read_file(report));
    for (const auto& i : j.at("inputs")) {
        if (i.at("status") == "failed") continue;
        std::map<std::string, fs::path> outputs;
        for (const auto& o : i.at("outputs"))
            outputs[o.at("format").get<std::string>()] = out / o.at("path").get<std::string>();
        c.releases.push_back(std::move(outputs));
    }
    return c;
}

Converted samples(const std::string& formats = "xml,html,md,docx,json") {
    Converted c = convert_folder(test::source_dir() / "samples", formats);
    REQUIRE(c.releases.size() == 3);
    return c;
}

// The corpus's convertible releases; nullopt (and a message) without the corpus.
std::optional<Converted> corpus(const std::string& formats = "xml,html,md,docx,json") {
    auto dir = test::corpus_dir();
    if (!dir) {
        MESSAGE("skipped: no ../shared/corpus");
        return std::nullopt;
    }
    Converted c = convert_folder(*dir / "raw", formats);
    REQUIRE(!c.releases.empty());
    return c;
}

// The model an output was rendered from: its release JSON read back.
model::Document model_of(const std::map<std::string, fs::path>& outputs) {
    return json::read_release(test::read_file(outputs.at("json")), outputs.at("json").string());
}

// The texts a reader of any rendering must find, in order: every block's,
// every list item's, every contact line (after the "Contact" label the
// renderers give a block that has none).
std::vector<std::string> model_texts(const model::Document& doc) {
    std::vector<std::string> out;
    for (const auto& b : doc.body)
        std::visit(
            [&](const auto& blk) {
                using T = std::decay_t<decltype(blk)>;
                if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& i : blk.items) out.push_back(text::collapse_space(model::plain_text(i.content)));
                } else {
                    out.push_back(text::collapse_space(model::plain_text(blk.content)));
                }
            },
            b);
    for (const auto& c : doc.meta.contacts) {
        if (c.lines.empty()) continue;
        if (text::ascii_lower(c.lines.front()).find("contact") == std::string::npos) out.push_back("Contact");
        for (const auto& l : c.lines) out.push_back(text::collapse_space(l));
    }
    return out;
}

// HTML as text: inline tags dropped, block tags (and <br>) a space each,
// the references cmark writes decoded, white space collapsed.
std::string html_text(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] != '<') {
            out += html[i];
            continue;
        }
        const std::size_t end = html.find('>', i);
        if (end == std::string::npos) break;
        std::string name = html.substr(i + 1, end - i - 1);
        if (!name.empty() && name[0] == '/') name.erase(0, 1);
        name = name.substr(0, name.find_first_of(" /"));
        if (name != "a" && name != "em" && name != "strong" && name != "code") out += ' ';
        i = end;
    }
    for (const auto& [ref, ch] :
         {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        text::replace_all(out, ref, ch);
    return text::collapse_space(out);
}

// Where two texts first differ, with some context, for a failure message.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = i > 60 ? i - 60 : 0;
    return "at byte " + std::to_string(i) + ":\n  got:      ..." + a.substr(from, 120) + "\n  expected: ..." +
           b.substr(from, 120);
}

// The first of `texts` not found in `haystack` after the previous one, or "".
std::string first_missing_in_order(const std::vector<std::string>& texts, const std::string& haystack) {
    std::size_t at = 0;
    for (const auto& t : texts) {
        const std::size_t found = haystack.find(t, at);
        if (found == std::string::npos) return t;
        at = found + t.size();
    }
    return {};
}

render::Options options() {
    render::Options o;
    return o;
}

std::string render(const model::Document& doc, const char* format, const render::Options& o = options()) {
    Diagnostics diags;
    return render::find_format(format)->render(doc, o, diags);
}

// A release with every markup-like character a scraped text can hold.
model::Document hostile_model() {
    model::Document doc;
    doc.meta.title = "*Not* emphasis: [a](b) <b>bold</b> & \"quotes\" # 1. - _x_ `code` ~~s~~ | pipe";
    doc.meta.agency = "Agency: \"yes\" \\ no";
    doc.meta.date = "2024-03-14";
    doc.meta.release_number = "24-031";
    doc.meta.source = {"hostile.txt", std::string(64, 'a'), "text", "UTF-8"};
    using K = model::Span::Kind;
    doc.body.push_back(model::Paragraph{{{K::text, "1. Not a list, - not a bullet, # not a heading", {}}}, 1});
    doc.body.push_back(model::Paragraph{{{K::text, "- dash first", {}}}, 2});
    doc.body.push_back(model::Paragraph{{{K::text, "+ plus first and = sign", {}}}, 3});
    doc.body.push_back(model::Paragraph{{{K::text, "> not a quote <script>alert(1)</script> &amp; \\*", {}}}, 4});
    doc.body.push_back(model::Paragraph{{{K::text, "word", {}},
                                         {K::emphasis, "\"quoted emphasis\"", {}},
                                         {K::text, "then ", {}},
                                         {K::strong, "strong", {}},
                                         {K::text, " and ", {}},
                                         {K::link, "a [bracketed] link", "https://example.org/a_b?c=1&d=(2)"},
                                         {K::text, " and www.example.com/x_y.", {}}},
                                        5});
    doc.body.push_back(model::Heading{2, {{K::text, "A subsection first # with hashes #", {}}}, 6});
    doc.body.push_back(model::List{false,
                                   {{{{K::text, "- item that starts with a dash", {}}}, 0, 7},
                                    {{{K::text, "nested *item*", {}}}, 1, 8},
                                    {{{K::text, "3) not a number", {}}}, 0, 9}},
                                   7});
    doc.body.push_back(model::List{false, {{{{K::text, "a second list right after", {}}}, 0, 10}}, 10});
    doc.body.push_back(model::List{true, {{{{K::text, "first", {}}}, 0, 11}, {{{K::text, "second", {}}}, 1, 12}}, 11});
    doc.body.push_back(model::Quote{{{K::text, "A quote \u2014 with \u2028 separators \u2029 too", {}}}, 13});
    doc.meta.contacts.push_back({{"Jane Roe", "jane@example.org", "---", "=== not a heading"}});
    return doc;
}

// ---------------------------------------------------------------------- json

TEST_CASE("json: every sample and corpus release validates against schemas/release.schema.json") {
    if (!fs::exists("/usr/bin/python3") || test::run({"/usr/bin/python3", "-c", "import jsonschema"}).status != 0) {
        MESSAGE("skipped: /usr/bin/python3 with python3-jsonschema not installed");
        return;
    }
    std::vector<fs::path> files;
    Converted s = samples("json");
    for (const auto& r : s.releases) files.push_back(r.at("json"));
    std::optional<Converted> c = corpus("json");
    if (c)
        for (const auto& r : c->releases) files.push_back(r.at("json"));
    // One Python start for all: Debian's jsonschema, draft 2020-12, formats
    // checked; prints "FILE: message" per invalid file.
    std::vector<std::string> argv = {"/usr/bin/python3", "-c", R"py(
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
bad = 0
for f in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(f, encoding="utf-8"))):
        print(f + ": /" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300])
        bad += 1
print("checked", len(sys.argv) - 2)
sys.exit(1 if bad else 0)
)py",
                                     (test::source_dir() / "schemas" / "release.schema.json").string()};
    for (const auto& f : files) argv.push_back(f.string());
    const auto r = test::run(argv);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("checked " + std::to_string(files.size())) != std::string::npos);
    MESSAGE(files.size() << " release JSON files valid");
}

TEST_CASE("json: the schema refuses what the reader refuses (python3-jsonschema)") {
    if (test::run({"/usr/bin/python3", "-c", "import jsonschema"}).status != 0) {
        MESSAGE("skipped: /usr/bin/python3 with python3-jsonschema not installed");
        return;
    }
    test::TempDir dir;
    const std::string good = json::write_release(hostile_model());
    // Each a change that both must refuse.
    const std::vector<std::pair<std::string, std::string>> changes = {
        {"\"version\": 1", "\"version\": 0"},
        {"\"date\": \"2024-03-14\"", "\"date\": \"14 March 2024\""},
        {"\"release_number\": \"24-031\"", "\"releaseNumber\": \"24-031\""},
        {"\"type\": \"paragraph\"", "\"type\": \"para\""},
        {"\"level\": 2", "\"level\": 4"},
        {"\"depth\": 1", "\"depth\": -1"},
        {"\"language\": \"en\"", "\"language\": \"\""},
        {"\"format\": \"text\"", "\"format\": \"pdf\""},
        {"\"sha256\": \"aaaa", "\"sha256\": \"AAAA"},
    };
    std::vector<std::string> argv = {"/usr/bin/python3", "-c", R"py(
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
for f in sys.argv[2:]:
    print(f, "invalid" if list(v.iter_errors(json.load(open(f)))) else "valid")
)py",
                                     (test::source_dir() / "schemas" / "release.schema.json").string()};
    test::write_file(dir / "good.json", good);
    argv.push_back((dir / "good.json").string());
    for (std::size_t i = 0; i < changes.size(); ++i) {
        std::string bad = good;
        REQUIRE_MESSAGE(bad.find(changes[i].first) != std::string::npos, changes[i].first);
        bad.replace(bad.find(changes[i].first), changes[i].first.size(), changes[i].second);
        const fs::path f = dir / ("bad-" + std::to_string(i) + ".json");
        test::write_file(f, bad);
        argv.push_back(f.string());
        INFO(changes[i].second);
        CHECK_THROWS_AS(json::read_release(bad, "bad.json"), Error);
    }
    const auto r = test::run(argv);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find((dir / "good.json").string() + " valid") != std::string::npos);
    for (std::size_t i = 0; i < changes.size(); ++i)
        CHECK(r.out.find((dir / ("bad-" + std::to_string(i) + ".json")).string() + " invalid") != std::string::npos);
}

TEST_CASE("json: convert reads it back: the XML byte for byte - over the samples and the corpus") {
    Converted s = samples("xml,json");
    // Through the command line, as a script's user would: no --from needed.
    for (const auto& r : s.releases) {
        const auto x = test::pressroom({"convert", r.at("json").string(), "-t", "xml"});
        INFO(r.at("json").string() << x.err);
        CHECK(x.status == 0);
        CHECK(x.out == test::read_file(r.at("xml")));
        const auto j = test::pressroom({"convert", r.at("json").string(), "-t", "json"});
        CHECK(j.out == test::read_file(r.at("json")));
        // And from release XML to JSON, the same JSON.
        CHECK(test::pressroom({"convert", r.at("xml").string(), "-t", "json"}).out == test::read_file(r.at("json")));
    }
    std::optional<Converted> c = corpus("xml,json");
    if (!c) return;
    std::size_t n = 0;
    for (const auto& r : c->releases) {
        INFO(r.at("json").string());
        const std::string bytes = test::read_file(r.at("json"));
        const model::Document doc = json::read_release(bytes, "r.json");
        CHECK(xml::write_release(doc) == test::read_file(r.at("xml")));
        CHECK(json::write_release(doc) == bytes);
        CHECK(model::check(doc).empty());
        ++n;
    }
    MESSAGE(n << " corpus releases read back from JSON");
}

TEST_CASE("json: classify_input sends release JSON to its reader and scraped JSON to ingest") {
    const std::string release = json::write_release(hostile_model());
    CHECK(pipeline::classify_input(release, "r.json").reader == "release-json");
    CHECK(pipeline::classify_input("\xEF\xBB\xBF\n  " + release, "r.txt").reader == "release-json");
    // Keys in another order (a script's json.dump(sort_keys=True)).
    const Json sorted = Json::parse(release);
    CHECK(pipeline::classify_input(sorted.dump(1), "r.json").reader == "release-json");
    CHECK(pipeline::classify_input(R"({"title": "Harbor opens", "body": "<p>text</p>"})", "item.json").reader.empty());
    // A string that merely mentions the format is a scraped item's text.
    CHECK(pipeline::classify_input(R"({"body": "format urn:pressroom:release:1"})", "item.json").reader.empty());
    std::string v2 = release;
    text::replace_all(v2, "urn:pressroom:release:1", "urn:pressroom:release:2");
    const auto k = pipeline::classify_input(v2, "r.json");
    CHECK(k.reader.empty());
    CHECK(k.refusal.find("release JSON of another version") != std::string::npos);
}

TEST_CASE("json: the reader names the member it refuses") {
    const std::string good = json::write_release(hostile_model());
    auto refusal = [&](const std::string& from, const std::string& to) {
        std::string bad = good;
        REQUIRE_MESSAGE(bad.find(from) != std::string::npos, from);
        bad.replace(bad.find(from), from.size(), to);
        try {
            json::read_release(bad, "r.json");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::invalid);
            return e.located();
        }
        FAIL("accepted: " << to);
        return std::string();
    };
    CHECK(refusal("\"release_number\": \"24-031\"", "\"releaseNumber\": \"24-031\"") ==
          "r.json: invalid release JSON: /meta/releaseNumber: unknown member");
    CHECK(refusal("\"date\": \"2024-03-14\"", "\"date\": \"2024-02-30\"") ==
          "r.json: invalid release JSON: /meta/date: \"2024-02-30\" is not a date YYYY-MM-DD (or \"\" for none)");
    CHECK(refusal("\"level\": 2", "\"level\": 7") ==
          "r.json: invalid release JSON: /body/5/level: not a heading level (1 to 3)");
    CHECK(refusal("\"href\": \"https://example.org/a_b?c=1&d=(2)\"", "\"href\": \"\"").find("/body/4/content/5/href") !=
          std::string::npos);
    CHECK(refusal("\"text\": \"word\"", "\"text\": \"tab\\there\"")
              .find("/body/4/content/0/text: holds a control character") != std::string::npos);
    CHECK(refusal("\"body\": [", "\"body\": [}").find("r.json:") == 0);  // a syntax error, with its line
    CHECK(refusal("\"body\": [", "\"body\": [}").find("not JSON") != std::string::npos);
    // Text is normalized as the XML reader normalizes it.
    std::string spaced = good;
    text::replace_all(spaced, "\"title\": \"*Not*", "\"title\": \"  *Not*");
    CHECK(json::read_release(spaced, "r.json").meta.title == hostile_model().meta.title);
    // What is valid is read back exactly.
    CHECK(json::read_release(good, "r.json") == hostile_model());
}

// ------------------------------------------------------------------ markdown

// The front matter of a Markdown output, parsed; and the body after it.
std::pair<YAML::Node, std::string> split_markdown(const std::string& md) {
    REQUIRE(text::starts_with(md, "---\n"));
    const std::size_t end = md.find("\n---\n", 3);
    REQUIRE(end != std::string::npos);
    return {YAML::Load(md.substr(4, end - 4 + 1)), md.substr(end + 5)};
}

std::string cmark(const std::string& markdown) {
    const auto r = test::run({"cmark", "--to", "html"}, markdown.empty() ? std::string("\n") : markdown);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return r.out;
}

void check_markdown(const model::Document& doc, const std::string& md, const std::string& name) {
    INFO(name);
    const auto [front, body] = split_markdown(md);
    const auto& m = doc.meta;
    const render::ReleaseFacts facts = render::release_facts(doc);
    CHECK(front["title"].as<std::string>() == facts.title);
    auto field = [&](const char* key, const std::string& value) {
        INFO(key);
        if (value.empty()) CHECK(!front[key]);
        else CHECK(front[key].as<std::string>() == value);
    };
    field("subtitle", m.subtitle);
    field("date", m.date);
    field("agency", m.agency);
    field("office", m.office);
    field("kind", m.kind);
    field("release_number", m.release_number);
    field("dateline", m.dateline);
    CHECK(front["source"]["name"].as<std::string>() == m.source.name);
    CHECK(front["source"]["sha256"].as<std::string>() == m.source.sha256);
    std::size_t contacts = 0;
    for (const auto& c : m.contacts)
        if (!c.lines.empty()) {
            REQUIRE(front["contacts"][contacts]);
            CHECK(front["contacts"][contacts].as<std::vector<std::string>>() == c.lines);
            ++contacts;
        }
    // The body cmark renders says exactly the model's text, nothing more:
    // no escaped character left as a backslash, no marker taken for markup.
    const std::string html = cmark(body);
    const std::string got = html_text(html), expected = text::collapse_space(text::join(model_texts(doc), " "));
    CHECK_MESSAGE(got == expected, first_difference(got, expected));
    // Headings, lists and quotes are structure, not text that looks like it.
    std::size_t headings = 0, lists = 0, quotes = 0;
    for (const auto& b : doc.body) {
        headings += std::holds_alternative<model::Heading>(b);
        lists += std::holds_alternative<model::List>(b);
        quotes += std::holds_alternative<model::Quote>(b);
    }
    auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (std::size_t at = html.find(s); at != std::string::npos; at = html.find(s, at + 1)) ++n;
        return n;
    };
    CHECK(count("<h2>") + count("<h3>") + count("<h4>") == headings);
    CHECK(count("<blockquote>") == quotes);
    CHECK(count("<h1>") == 0);
    CHECK(count("<ul>") + count("<ol>") >= lists);  // nested lists add some
}

TEST_CASE("md: front matter that YAML reads back - and a body cmark renders as the model's text") {
    if (!test::have_program("cmark")) {
        MESSAGE("skipped: cmark not installed");
        return;
    }
    Converted s = samples("md,json");
    for (const auto& r : s.releases) check_markdown(model_of(r), test::read_file(r.at("md")), r.at("md").string());
    check_markdown(hostile_model(), render(hostile_model(), "md"), "the hostile model");
    std::optional<Converted> c = corpus("md,json");
    if (!c) return;
    for (const auto& r : c->releases) check_markdown(model_of(r), test::read_file(r.at("md")), r.at("md").string());
    MESSAGE(c->releases.size() << " corpus releases checked with cmark");
}

TEST_CASE("md: emphasis where CommonMark can take it - its text where it cannot") {
    if (!test::have_program("cmark")) {
        MESSAGE("skipped: cmark not installed");
        return;
    }
    model::Document doc = hostile_model();
    const std::string html = cmark(split_markdown(render(doc, "md")).second);
    CHECK(html.find("<strong>strong</strong>") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/a_b?c=1&amp;d=(2)\">a [bracketed] link</a>") != std::string::npos);
    // "word" glued to a quotation mark: "*" there could not open emphasis.
    CHECK(html_text(html).find("word\"quoted emphasis\"then") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    // Two lists in a row stay two lists; the ordered list is numbered.
    CHECK(html.find("</ul>\n<ul>") != std::string::npos);
    CHECK(html.find("<ol>\n<li>first") != std::string::npos);
}

// ---------------------------------------------------------------------- docx

std::string pandoc_plain(const fs::path& docx) {
    // -s: pandoc takes a Title paragraph that opens the document for the
    // title of its metadata, which only the standalone output prints.
    const auto r = test::run({"pandoc", "-s", "-f", "docx", "-t", "plain", "--wrap=none", docx.string()});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return text::collapse_space(r.out);
}

TEST_CASE("docx: pandoc reads the model's text - in order - over the samples and the corpus") {
    if (!test::have_program("pandoc")) {
        MESSAGE("skipped: pandoc not installed");
        return;
    }
    auto check = [](const model::Document& doc, const fs::path& docx) {
        INFO(docx.string());
        const std::string plain = pandoc_plain(docx);
        std::vector<std::string> texts = {render::release_facts(doc).title};
        for (auto& t : model_texts(doc)) texts.push_back(t);
        const std::string missing = first_missing_in_order(texts, plain);
        CHECK_MESSAGE(missing.empty(), "not found in order: " << missing);
    };
    Converted s = samples("docx,json");
    for (const auto& r : s.releases) check(model_of(r), r.at("docx"));
    test::TempDir dir;
    test::write_file(dir / "hostile.docx", render(hostile_model(), "docx"));
    check(hostile_model(), dir / "hostile.docx");
    std::optional<Converted> c = corpus("docx,json");
    if (!c) return;
    for (const auto& r : c->releases) check(model_of(r), r.at("docx"));
    MESSAGE(c->releases.size() << " corpus DOCX read by pandoc");
}

// The package's structure, read back independently (the tests' zip reader,
// libxml2): every part has a content type, every relationship a target,
// every r:id of the document a relationship, every style and list a
// paragraph names a definition.
void check_package(const std::string& bytes, const model::Document& doc) {
    const auto entries = test::read_zip(bytes);
    std::map<std::string, std::string> parts;
    for (const auto& e : entries) parts[e.name] = e.data;
    REQUIRE(!entries.empty());
    CHECK(entries.front().name == "[Content_Types].xml");
    for (const auto& [name, data] : parts) {
        INFO(name);
        CHECK(test::parse_xml(data) != nullptr);
    }
    // Content types: by extension or by part.
    auto types = test::parse_xml(parts.at("[Content_Types].xml"));
    std::set<std::string> extensions, overridden;
    for (xmlNode* d : test::elements(xmlDocGetRootElement(types.get()), "Default"))
        extensions.insert(test::attr(d, "Extension"));
    for (xmlNode* o : test::elements(xmlDocGetRootElement(types.get()), "Override")) {
        const std::string part = test::attr(o, "PartName");
        CHECK(parts.count(part.substr(1)) == 1);
        overridden.insert(part.substr(1));
    }
    for (const auto& [name, data] : parts) {
        if (name == "[Content_Types].xml") continue;
        INFO(name);
        CHECK((overridden.count(name) || extensions.count(name.substr(name.rfind('.') + 1))));
    }
    // Relationships: internal targets exist, relative to the part's folder.
    std::map<std::string, std::string> document_rels;  // id -> type
    for (const auto& [name, data] : parts) {
        if (!text::ends_with(name, ".rels")) continue;
        const std::string folder = name.substr(0, name.find("_rels/"));
        auto rels = test::parse_xml(data);
        for (xmlNode* r : test::elements(xmlDocGetRootElement(rels.get()), "Relationship")) {
            INFO(name << " " << test::attr(r, "Id"));
            if (test::attr(r, "TargetMode") == "External") {
                CHECK(test::attr(r, "Type").find("/hyperlink") != std::string::npos);
            } else {
                CHECK(parts.count(folder + test::attr(r, "Target")) == 1);
            }
            if (name == "word/_rels/document.xml.rels")
                CHECK(document_rels.emplace(test::attr(r, "Id"), test::attr(r, "Type")).second);
        }
    }
    // The document's references.
    const std::string& document = parts.at("word/document.xml");
    for (std::size_t at = document.find("r:id=\""); at != std::string::npos; at = document.find("r:id=\"", at + 1)) {
        const std::string id = document.substr(at + 6, document.find('"', at + 6) - at - 6);
        INFO(id);
        CHECK(document_rels.count(id) == 1);
    }
    auto ids_of = [&](const std::string& part, const char* element, const char* attribute) {
        std::set<std::string> out;
        const std::string& data = parts.at(part);
        const std::string open = std::string("<w:") + element + " ", key = std::string("w:") + attribute + "=\"";
        for (std::size_t at = data.find(open); at != std::string::npos; at = data.find(open, at + 1)) {
            const std::size_t k = data.find(key, at);
            out.insert(data.substr(k + key.size(), data.find('"', k + key.size()) - k - key.size()));
        }
        return out;
    };
    const auto styles = ids_of("word/styles.xml", "style", "styleId");
    for (const char* use : {"pStyle", "rStyle"})
        for (const auto& s : ids_of("word/document.xml", use, "val")) {
            INFO(s);
            CHECK(styles.count(s) == 1);
        }
    const auto nums = ids_of("word/numbering.xml", "num", "numId");
    for (const auto& n : ids_of("word/document.xml", "numId", "val")) {
        INFO(n);
        CHECK(nums.count(n) == 1);
    }
    std::size_t lists = 0;
    for (const auto& b : doc.body) lists += std::holds_alternative<model::List>(b);
    CHECK(nums.size() == lists);
    // Core properties.
    auto core = test::parse_xml(parts.at("docProps/core.xml"));
    xmlNode* root = xmlDocGetRootElement(core.get());
    CHECK(test::element_text(test::elements(root, "title").at(0)) == render::release_facts(doc).title);
    if (!doc.meta.agency.empty()) CHECK(test::element_text(test::elements(root, "creator").at(0)) == doc.meta.agency);
    if (model::is_iso_date(doc.meta.date))
        CHECK(test::element_text(test::elements(root, "created").at(0)) == doc.meta.date + "T00:00:00Z");
}

TEST_CASE("docx: parts and relationships are consistent - over the samples and the corpus") {
    Converted s = samples("docx,json");
    for (const auto& r : s.releases) {
        INFO(r.at("docx").string());
        check_package(test::read_file(r.at("docx")), model_of(r));
    }
    check_package(render(hostile_model(), "docx"), hostile_model());
    std::optional<Converted> c = corpus("docx,json");
    if (!c) return;
    for (const auto& r : c->releases) {
        INFO(r.at("docx").string());
        check_package(test::read_file(r.at("docx")), model_of(r));
    }
}

TEST_CASE("docx: headings in Word's styles - lists as Word lists - links as hyperlinks") {
    const auto entries = test::read_zip(render(hostile_model(), "docx"));
    const std::string& doc = test::entry(entries, "word/document.xml").data;
    CHECK(doc.find("<w:pStyle w:val=\"Title\"/>") != std::string::npos);
    // The model's level-2 heading comes first: it is set as Heading 1, as
    // the HTML makes it an h2 under the h1.
    CHECK(doc.find("<w:pStyle w:val=\"Heading1\"/>") != std::string::npos);
    CHECK(doc.find("<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>") != std::string::npos);
    CHECK(doc.find("<w:numId w:val=\"3\"/>") != std::string::npos);  // three lists, three w:num
    CHECK(doc.find("<w:hyperlink r:id=\"rId4\">") != std::string::npos);
    const std::string& rels = test::entry(entries, "word/_rels/document.xml.rels").data;
    CHECK(rels.find("Target=\"https://example.org/a_b?c=1&amp;d=(2)\" TargetMode=\"External\"") != std::string::npos);
    const std::string& styles = test::entry(entries, "word/styles.xml").data;
    CHECK(styles.find("<w:name w:val=\"heading 1\"/>") != std::string::npos);
    const std::string& numbering = test::entry(entries, "word/numbering.xml").data;
    CHECK(numbering.find("<w:numFmt w:val=\"decimal\"/>") != std::string::npos);
    CHECK(numbering.find("<w:startOverride w:val=\"1\"/>") != std::string::npos);
}

// --------------------------------------------------------------------- html

struct HtmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::unique_ptr<xmlDoc, HtmlDocFree> parse_html(const std::string& html) {
    xml::init();
    return std::unique_ptr<xmlDoc, HtmlDocFree>(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
}

void check_page(const model::Document& doc, const std::string& html) {
    auto page = parse_html(html);
    REQUIRE(page);
    xmlNode* root = xmlDocGetRootElement(page.get());
    const render::ReleaseFacts facts = render::release_facts(doc);
    CHECK(test::attr(root, "lang") == facts.language);
    REQUIRE(test::elements(root, "main").size() == 1);
    REQUIRE(test::elements(root, "article").size() == 1);
    xmlNode* article = test::elements(root, "article")[0];
    REQUIRE(test::elements(article, "header").size() >= 1);
    REQUIRE(test::elements(article, "h1").size() == 1);
    CHECK(test::element_text(test::elements(article, "h1")[0]) == facts.title);
    if (model::is_iso_date(doc.meta.date)) {
        REQUIRE(test::elements(article, "time").size() == 1);
        CHECK(test::attr(test::elements(article, "time")[0], "datetime") == doc.meta.date);
    }
    if (!doc.meta.dateline.empty()) CHECK(html.find("<span class=\"dateline\">") != std::string::npos);
    std::size_t contacts = 0;
    for (const auto& c : doc.meta.contacts) contacts += !c.lines.empty();
    CHECK(test::elements(article, "address").size() == contacts);
    // The article's text is the model's, in order.
    CHECK(first_missing_in_order(model_texts(doc), test::element_text(article)) == "");
    // The one script is the JSON-LD data block; nothing else is loaded.
    const auto scripts = test::elements(root, "script");
    REQUIRE(scripts.size() == 1);
    CHECK(test::attr(scripts[0], "type") == "application/ld+json");
    // Judged on the parsed page, not on its text: a release may quote
    // markup ('src="..."') as words, which the page shows escaped.
    std::vector<std::string> fetches;
    auto walk = [&](auto& self, xmlNode* n) -> void {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string name = reinterpret_cast<const char*>(n->name);
            if (name == "link" || name == "img" || name == "iframe" || name == "object" || name == "embed")
                fetches.push_back("<" + name + ">");
            for (xmlAttr* a = n->properties; a; a = a->next) {
                const std::string attr = reinterpret_cast<const char*>(a->name);
                if (attr == "src" || attr == "srcset") fetches.push_back("<" + name + " " + attr + ">");
            }
            self(self, n->children);
        }
    };
    walk(walk, root);
    CHECK_MESSAGE(fetches.empty(), text::join(fetches, " "));
    xmlChar* raw = xmlNodeGetContent(scripts[0]);
    const std::string ld_text = raw ? reinterpret_cast<const char*>(raw) : "";
    xmlFree(raw);
    const Json ld = Json::parse(ld_text);
    CHECK(ld.at("@context") == "https://schema.org");
    CHECK(ld.at("@type") == "NewsArticle");
    CHECK(ld.at("headline") == facts.title);
    if (model::is_iso_date(doc.meta.date)) CHECK(ld.at("datePublished") == doc.meta.date);
    if (!doc.meta.agency.empty()) CHECK(ld.at("publisher").at("name") == doc.meta.agency);
    if (!doc.meta.release_number.empty()) CHECK(ld.at("identifier") == doc.meta.release_number);
    std::map<std::string, std::string> og;
    for (xmlNode* m : test::elements(root, "meta"))
        if (!test::attr(m, "property").empty()) og[test::attr(m, "property")] = test::attr(m, "content");
    CHECK(og["og:title"] == facts.title);
    CHECK(og["og:type"] == "article");
    // Print styles are built in.
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("html: one accessible page: article - header - h1 - time - address - lang - JSON-LD - Open Graph") {
    Converted s = samples("html,json");
    for (const auto& r : s.releases) {
        INFO(r.at("html").string());
        check_page(model_of(r), test::read_file(r.at("html")));
    }
    // Whatever the model says, it stays text: no element, no end of the
    // JSON-LD block.
    const std::string hostile = render(hostile_model(), "html");
    check_page(hostile_model(), hostile);
    CHECK(hostile.find("<script>alert") == std::string::npos);
    CHECK(hostile.find("<b>bold</b>") == std::string::npos);
    std::optional<Converted> c = corpus("html,json");
    if (!c) return;
    for (const auto& r : c->releases) {
        INFO(r.at("html").string());
        check_page(model_of(r), test::read_file(r.at("html")));
    }
}

TEST_CASE("html: --css links a stylesheet - --embed-css embeds it - one that could end <style> is refused") {
    test::TempDir dir;
    const std::string seed = (test::source_dir() / "samples" / "dod-105-13.txt").string();
    const auto linked = test::pressroom({"convert", seed, "-t", "html", "--css", "site.css"});
    REQUIRE_MESSAGE(linked.status == 0, linked.err);
    CHECK(linked.out.find("<link rel=\"stylesheet\" href=\"site.css\">\n</head>") != std::string::npos);
    test::write_file(dir / "my.css", "body { color: #000; }\n");
    const auto embedded =
        test::pressroom({"convert", seed, "-t", "html", "--css", (dir / "my.css").string(), "--embed-css"});
    REQUIRE_MESSAGE(embedded.status == 0, embedded.err);
    CHECK(embedded.out.find("<style>\nbody { color: #000; }\n</style>\n</head>") != std::string::npos);
    CHECK(embedded.out.find("<link") == std::string::npos);
    test::write_file(dir / "evil.css", "a{}</STYLE><script>alert(1)</script>");
    const auto evil =
        test::pressroom({"convert", seed, "-t", "html", "--css", (dir / "evil.css").string(), "--embed-css"});
    CHECK(evil.status == 2);
    CHECK(evil.err.find("'</style'") != std::string::npos);
    const auto missing = test::pressroom({"convert", seed, "-t", "html", "--embed-css"});
    CHECK(missing.status == 2);
}

// --------------------------------------------------------------- all of them

TEST_CASE("web formats: the same bytes twice - SOURCE_DATE_EPOCH changes only the DOCX times") {
    const model::Document doc = hostile_model();
    render::Options pinned = options();
    pinned.source_date_epoch = 1700000000;
    for (const char* f : {"html", "md", "json", "docx"}) {
        INFO(f);
        CHECK(render(doc, f) == render(doc, f));
        if (std::string_view(f) != "docx") CHECK(render(doc, f) == render(doc, f, pinned));
    }
    const auto a = test::read_zip(render(doc, "docx")), b = test::read_zip(render(doc, "docx", pinned));
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(a[i].name);
        if (a[i].name == "docProps/core.xml") {
            CHECK(a[i].data.find("2024-03-14T00:00:00Z") != std::string::npos);
            CHECK(b[i].data.find("2023-11-14T22:13:20Z") != std::string::npos);
        } else {
            CHECK(a[i].data == b[i].data);
        }
        CHECK(a[i].dos_date != b[i].dos_date);  // the zip's times follow too
    }
}

TEST_CASE("web formats: a model with no title - no date and nothing but blank blocks still renders") {
    model::Document doc;
    doc.meta.source = {"-", std::string(64, '0'), "", ""};
    doc.body.push_back(model::Paragraph{{{model::Span::Kind::text, " ", {}}}, 0});
    for (const char* f : {"html", "md", "docx", "json"}) {
        INFO(f);
        const std::string out = render(doc, f);
        CHECK(!out.empty());
    }
    CHECK(render(doc, "html").find("<h1>Press release</h1>") != std::string::npos);
}

}  // namespace
}  // namespace pressroom

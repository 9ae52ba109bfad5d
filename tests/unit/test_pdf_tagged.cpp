// Tagged PDF (PDF/UA-1, issue 15), checked on real outputs with tools that
// are not pressroom: tests/pdfua/check_pdfua.py (the machine-checkable
// Matterhorn conditions, over pikepdf), poppler's pdfinfo -struct-text (the
// tagged text, word for word against the model), pdftotext in both its
// modes (the model's words, no word split at a line break), and pdftoppm
// (the tagged pages look exactly like the untagged ones, pixel for pixel).
// Over samples/, every convertible corpus release and the anthologies.
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/format.hpp"
#include "pressroom/document.hpp"
#include "pressroom/pressroom.hpp"
#include "render/anthology.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {

const char* const python = "/usr/bin/python3";  // Debian's, with python3-pikepdf

fs::path checker() { return test::source_dir() / "tests" / "pdfua" / "check_pdfua.py"; }

bool have_checker() { return fs::exists(python) && test::run({python, "-c", "import pikepdf"}).status == 0; }

bool have_poppler() {
    return test::have_program("pdfinfo") && test::have_program("pdftotext") && test::have_program("pdftoppm");
}

#define REQUIRE_TOOLS()                                                                               \
    if (!have_checker() || !have_poppler()) {                                                         \
        MESSAGE("skipped: /usr/bin/python3 with pikepdf (python3-pikepdf) or poppler-utils missing"); \
        return;                                                                                       \
    }

// ------------------------------------------------------------ the inputs
struct Release {
    std::string name;
    model::Document doc;
    fs::path pdf;  // pressroom convert's PDF
};

// Normalizes `inputs` and writes each release's PDF into `dir`, keeping the
// model it was made from (read back from release XML, a model can differ in
// white space between inline elements, which the PDF then shows); the
// inputs pressroom refuses are the normalizer's business.
std::vector<Release> convert(const std::vector<fs::path>& inputs, const fs::path& dir) {
    std::vector<Release> out;
    for (const auto& i : inputs) {
        Release r;
        try {
            r.doc = normalize_file(i).document;
        } catch (const Error&) {
            continue;
        }
        r.name = i.stem().string();
        r.pdf = dir / (r.name + ".pdf");
        test::write_file(r.pdf, render_document(r.doc, "pdf"));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(test::source_dir() / "samples")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The corpus's inputs, without the second of two that would write the same
// outputs (a.txt and a.html in one folder).
std::vector<fs::path> corpus_inputs(const fs::path& corpus) {
    std::vector<fs::path> out;
    std::set<std::string> stems;
    for (const auto& p : test::corpus_inputs(corpus))
        if (stems.insert(p.stem().string()).second) out.push_back(p);
    return out;
}

// ----------------------------------------------------- the model's words
// Words as the PDF writes them apart: at white space other than the no-break
// space (which is drawn as a glyph); invisible characters (default
// ignorable: not drawn, not in the tagged text) dropped.
std::vector<std::u32string> words(const std::string& text) {
    std::vector<std::u32string> out;
    std::u32string w;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        if (c != 0x00A0 && (c == ' ' || c == '\n' || c == '\t' || utf8::is_space(c))) {
            if (!w.empty()) out.push_back(std::move(w));
            w.clear();
        } else if (!utf8::is_default_ignorable(c)) {
            w += c;
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

std::string utf8_of(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

std::string shown(const model::Inlines& content) {
    std::string out;
    for (const auto& span : content) {
        out += span.text;
        if (std::string address = model::shown_address(span); !address.empty()) out += " (" + address + ")";
    }
    return out;
}

// What a release's PDF says, in reading order, from the model as docs/pdf.md
// describes the page: the masthead (agency in capitals), the release line,
// title, subtitle, the dateline opening the first paragraph, the blocks
// (list markers, link addresses in parentheses), the "###" end mark (drawn,
// but an artifact: not in the tagged text), the contacts (a "Contact" label
// when they have none).
std::string model_text(const model::Document& doc, bool end_mark) {
    const auto& m = doc.meta;
    std::vector<std::string> parts = {utf8::to_upper(m.agency), m.office, model::release_line(doc), m.title,
                                      m.subtitle};
    bool dateline = !m.dateline.empty();
    for (const auto& block : doc.body) {
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            parts.push_back((dateline ? m.dateline + " \u2014 " : "") + shown(p->content));
            dateline = false;
        } else if (const auto* h = std::get_if<model::Heading>(&block)) {
            parts.push_back(shown(h->content));
        } else if (const auto* q = std::get_if<model::Quote>(&block)) {
            parts.push_back(shown(q->content));
        } else if (const auto* l = std::get_if<model::List>(&block)) {
            std::vector<int> counters(9, 0);
            for (const auto& item : l->items) {
                const int d = std::clamp(item.depth, 0, 8);
                ++counters[static_cast<std::size_t>(d)];
                std::fill(counters.begin() + d + 1, counters.end(), 0);
                static const char* bullets[] = {"\u2022", "\u2013", "\u25e6"};
                parts.push_back((l->ordered ? std::to_string(counters[static_cast<std::size_t>(d)]) + "."
                                            : std::string(bullets[std::min(d, 2)])) +
                                " " + shown(item.content));
            }
        }
    }
    if (end_mark) parts.push_back("###");
    for (const auto& c : m.contacts) {
        const bool labelled =
            !c.lines.empty() && text::ascii_lower(c.lines.front()).find("contact") != std::string::npos;
        if (!labelled) parts.push_back("Contact");
        for (const auto& l : c.lines) parts.push_back(l);
    }
    return text::join(parts, "\n");
}

// U+FFFD in the PDF stands for a character no font has (a warning says so).
bool same_word(const std::u32string& pdf, const std::u32string& model) {
    if (pdf.size() != model.size()) return false;
    for (std::size_t i = 0; i < pdf.size(); ++i)
        if (pdf[i] != model[i] && pdf[i] != U'\uFFFD') return false;
    return true;
}

// Empty when `got` has exactly the words of `want`, in order; else where
// they part. `pdftotext_joins`: allow what pdftotext's reading-order mode
// does to text that is really there: a line that ends in a hyphen of the
// text ("Strom-" of "Strom- und", a row of dashes) joined to the next line
// without it, and words set close together ("* * *") run into one.
std::string differ(const std::vector<std::u32string>& got, const std::vector<std::u32string>& want,
                   bool pdftotext_joins = false) {
    std::size_t i = 0, j = 0;
    while (i < got.size() && j < want.size()) {
        if (same_word(got[i], want[j])) {
            ++i, ++j;
            continue;
        }
        if (!pdftotext_joins) break;
        std::u32string joined = want[j];
        std::size_t k = j;
        bool found = false;
        // (A line ending in "--" joins the next line as "-" and its word:
        // the joined text can be as long as the pdftotext word.)
        while (k + 1 < want.size() && joined.size() <= got[i].size()) {
            std::u32string dehyphenated = joined;
            if (!dehyphenated.empty() && dehyphenated.back() == U'-') dehyphenated.pop_back();
            ++k;
            if (same_word(got[i], dehyphenated + want[k])) {
                found = true;
                break;
            }
            joined += want[k];
            if (same_word(got[i], joined)) {
                found = true;
                break;
            }
        }
        if (!found) break;
        ++i;
        j = k + 1;
    }
    if (i == got.size() && j == want.size()) return {};
    auto around = [&](const std::vector<std::u32string>& v, std::size_t at) {
        std::string s;
        for (std::size_t k = at >= 3 ? at - 3 : 0; k < std::min(v.size(), at + 5); ++k)
            s += (k == at ? "[" : "") + utf8_of(v[k]) + (k == at ? "] " : " ");
        return s;
    };
    return "word " + std::to_string(j) + " of " + std::to_string(want.size()) + ": pdf: " + around(got, i) +
           "| model: " + around(want, j);
}

// ------------------------------------------------------ the tagged text
// pdfinfo -struct-text's tree: elements (name, inline or not) and the text
// of their marked content, by indentation.
struct Node {
    std::string type;
    bool is_inline = false;
    bool is_text = false;
    std::string text;
    std::vector<Node> kids;
};

Node struct_tree(const std::string& out) {
    Node root;
    std::vector<std::pair<std::size_t, Node*>> stack = {{0, &root}};
    for (std::string_view line : text::split(out, '\n')) {
        const std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue;
        std::string_view rest = line.substr(indent);
        while (stack.size() > 1 && stack.back().first >= indent + 1) stack.pop_back();
        Node n;
        if (rest.front() == '"' && rest.size() >= 2 && rest.back() == '"') {
            n.is_text = true;
            n.text = std::string(rest.substr(1, rest.size() - 2));
        } else if (text::starts_with(rest, "Object ")) {
            continue;  // an annotation (OBJR)
        } else {
            const std::size_t space = rest.find(' ');
            n.type = std::string(rest.substr(0, space));
            n.is_inline = rest.find("(inline)") != std::string_view::npos;
        }
        Node* parent = stack.back().second;
        parent->kids.push_back(std::move(n));
        if (!parent->kids.back().is_text) stack.push_back({indent + 1, &parent->kids.back()});
    }
    return root;
}

// The text of a subtree: inline elements and text run on, other elements
// are blocks of their own.
void tree_text(const Node& n, std::string& out) {
    if (n.is_text) {
        out += n.text;
        return;
    }
    if (!n.is_inline) out += '\n';
    for (const auto& k : n.kids) tree_text(k, out);
    if (!n.is_inline) out += '\n';
}

std::string struct_text(const fs::path& pdf, std::string& problems) {
    auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
    if (r.status != 0 || !r.err.empty()) problems += "pdfinfo -struct-text: " + r.err;
    return r.out;
}

// The running footers ("No. 105-13 · Page 1 of 2") are artifacts: text
// extraction that does not know tagging prints them on lines of their own.
std::string without_footers(std::string text) {
    static const std::regex footer(R"((^|\n)(No\. [^\n]* \xC2\xB7 |Contents \xC2\xB7 )?Page \d+ of \d+(?=\n|$))");
    text.erase(std::remove(text.begin(), text.end(), '\f'), text.end());
    return std::regex_replace(text, footer, "$1");
}

// Everything the tests say of one release's tagged PDF; empty when all holds.
std::vector<std::string> check_release_pdf(const Release& r) {
    std::vector<std::string> problems;
    auto note = [&](const std::string& what) { problems.push_back(r.name + ": " + what); };
    // The tagged text is the model's, word for word (no end mark: an artifact).
    std::string err;
    const Node tree = struct_tree(struct_text(r.pdf, err));
    if (!err.empty()) note(err);
    std::string tagged;
    tree_text(tree, tagged);
    if (auto d = differ(words(tagged), words(model_text(r.doc, false))); !d.empty()) note("pdfinfo -struct-text: " + d);
    // Text extraction without the tags, in reading order and in content
    // order: the model's words, no word split where a line broke it, no
    // hyphen the typesetter added.
    auto raw = test::run({"pdftotext", "-raw", "-enc", "UTF-8", r.pdf.string(), "-"});
    if (raw.status != 0 || !raw.err.empty()) note("pdftotext -raw: " + raw.err);
    if (auto d = differ(words(without_footers(raw.out)), words(model_text(r.doc, true))); !d.empty())
        note("pdftotext -raw: " + d);
    auto t = test::run({"pdftotext", "-enc", "UTF-8", r.pdf.string(), "-"});
    if (auto d = differ(words(without_footers(t.out)), words(model_text(r.doc, true)), true); !d.empty())
        note("pdftotext: " + d);
    return problems;
}

// ---------------------------------------------------------- the checker
test::RunResult run_checker(const std::vector<fs::path>& pdfs) {
    std::vector<std::string> args = {python, checker().string()};
    for (const auto& p : pdfs) args.push_back(p.string());
    return test::run(args);
}

void check_all_pass(const std::vector<fs::path>& pdfs) {
    REQUIRE(!pdfs.empty());
    auto r = run_checker(pdfs);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find(std::to_string(pdfs.size()) + " of " + std::to_string(pdfs.size()) + " files pass") !=
          std::string::npos);
}

// -------------------------------------------------------------- pixels
// Every page of both files rendered by pdftoppm at `dpi`: the same pixels.
std::string pixels_differ(const std::string& tagged, const std::string& untagged, int dpi = 50) {
    test::TempDir dir;
    test::write_file(dir / "t.pdf", tagged);
    test::write_file(dir / "u.pdf", untagged);
    for (const char* n : {"t", "u"})
        if (test::run(
                {"pdftoppm", "-r", std::to_string(dpi), (dir / (std::string(n) + ".pdf")).string(), (dir / n).string()})
                .status != 0)
            return "pdftoppm failed";
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().extension() == ".ppm" && e.path().filename().string()[0] == 't') pages.push_back(e.path());
    if (pages.empty()) return "no page rendered";
    for (const auto& p : pages) {
        const fs::path other = dir / ("u" + p.filename().string().substr(1));
        if (!fs::exists(other)) return "page counts differ";
        if (test::read_file(p) != test::read_file(other)) return "page " + p.filename().string() + " differs";
    }
    return {};
}

std::string untagged(const model::Document& doc) {
    Diagnostics d;
    return render::pdf::release_pdf(doc, {}, d, false);
}

render::Anthology anthology_of(const std::vector<Release>& releases) {
    render::Anthology a;
    a.title = "Press releases";
    for (const auto& r : releases) a.releases.push_back(&r.doc);
    render::sort_by_date(a.releases);
    a.time = render::anthology_time(a.releases, {});
    return a;
}

// The anthology's tagged text: each release an Art holding exactly its
// release's words; the contents a TOC whose entries link to the releases.
void check_anthology(const std::vector<Release>& releases, const fs::path& dir) {
    const render::Anthology a = anthology_of(releases);
    Diagnostics d;
    const std::string pdf = render::render_pdf_anthology(a, {}, d);
    const fs::path path = dir / "anthology.pdf";
    test::write_file(path, pdf);
    check_all_pass({path});
    CHECK(pixels_differ(pdf, render::render_pdf_anthology_untagged(a, {}, d), 30).empty());

    std::string err;
    const Node tree = struct_tree(struct_text(path, err));
    CHECK(err.empty());
    REQUIRE(tree.kids.size() == 1);
    const Node& document = tree.kids.front();
    CHECK(document.type == "Document");
    std::vector<const Node*> arts;
    std::size_t toc_entries = 0;
    for (const auto& k : document.kids) {
        if (k.type == "Art") arts.push_back(&k);
        if (k.type == "TOC")
            for (const auto& e : k.kids)
                toc_entries += e.type == "TOCI" && !e.kids.empty() && e.kids.front().type == "Link";
    }
    CHECK(toc_entries == a.releases.size());
    REQUIRE(arts.size() == a.releases.size());
    for (std::size_t i = 0; i < arts.size(); ++i) {
        std::string text;
        tree_text(*arts[i], text);
        INFO(a.releases[i]->meta.source.name);
        CHECK(differ(words(text), words(model_text(*a.releases[i], false))) == "");
    }
}

}  // namespace

TEST_CASE("tagged PDF: every sample passes the PDF/UA checker and says the model's words as tagged and as plain text") {
    REQUIRE_TOOLS();
    test::TempDir dir;
    const auto releases = convert(samples(), dir.path());
    REQUIRE(releases.size() == samples().size());
    std::vector<fs::path> pdfs;
    for (const auto& r : releases) pdfs.push_back(r.pdf);
    check_all_pass(pdfs);
    for (const auto& r : releases) {
        for (const auto& p : check_release_pdf(r)) FAIL_CHECK(p);
        CHECK(pixels_differ(test::read_file(r.pdf), untagged(r.doc), 100).empty());
    }
    check_anthology(releases, dir.path());
}

TEST_CASE("tagged PDF: every convertible corpus release and the corpus anthology pass the same checks") {
    REQUIRE_TOOLS();
    auto corpus = test::corpus_dir();
    if (!corpus) {
        MESSAGE("skipped: ../shared/corpus is not there");
        return;
    }
    test::TempDir dir;
    const auto inputs = corpus_inputs(*corpus);
    const auto releases = convert(inputs, dir.path());
    MESSAGE(releases.size() << " of " << inputs.size() << " corpus inputs converted and checked");
    REQUIRE(!releases.empty());
    std::vector<fs::path> pdfs;
    for (const auto& r : releases) pdfs.push_back(r.pdf);
    check_all_pass(pdfs);
    for (const auto& r : releases) {
        for (const auto& p : check_release_pdf(r)) FAIL_CHECK(p);
        if (auto d = pixels_differ(test::read_file(r.pdf), untagged(r.doc)); !d.empty())
            FAIL_CHECK(r.name << ": " << d);
    }
    check_anthology(releases, dir.path());
}

// The checker is not a test that cannot fail: the same pages untagged fail
// it on the conditions tagging answers, and every way of breaking a good
// file that it looks for is reported (its --self-test).
TEST_CASE("tagged PDF: the checker fails untagged pages and every breakage of a passing file") {
    REQUIRE_TOOLS();
    test::TempDir dir;
    const auto releases = convert(samples(), dir.path());
    REQUIRE(!releases.empty());
    const fs::path plain = dir / "untagged.pdf";
    test::write_file(plain, untagged(releases.front().doc));
    auto r = run_checker({plain});
    CHECK(r.status == 1);
    for (const char* checkpoint :
         {"\n  01-005 ", "\n  06-001 ", "\n  07-001 ", "\n  11-001 ", "\n  01 no structure tree"})
        CHECK_MESSAGE(r.out.find(checkpoint) != std::string::npos, checkpoint << " in " << r.out);
    for (const auto& rel : releases) {
        auto s = test::run({python, checker().string(), "--self-test", rel.pdf.string()});
        INFO(s.out << s.err);
        CHECK(s.status == 0);
        CHECK(s.out.find("\n0 of ") != std::string::npos);
    }
    Diagnostics d;
    const fs::path book = dir / "anthology.pdf";
    test::write_file(book, render::render_pdf_anthology(anthology_of(releases), {}, d));
    auto s = test::run({python, checker().string(), "--self-test", book.string()});
    INFO(s.out << s.err);
    CHECK(s.status == 0);
}

// Regression (issue 15): words were drawn one Tj each with no space
// between them, and a hyphen the line breaker added was a hard hyphen:
// pdftotext -raw gave "In-" and "tegrated", and the tagged text (no gaps
// there) "Thequick". Now every word space is a real space character, the
// added hyphen is an artifact with empty /ActualText and the word's first
// piece carries the whole word.
TEST_CASE("tagged PDF: a word hyphenated at a line end and words run together come out whole and apart") {
    REQUIRE_TOOLS();
    test::TempDir dir;
    fs::path input = dir / "hyphens.xml";
    // Long words leave no way to justify the lines without hyphenation.
    const std::string body =
        "Electroencephalographically uncharacteristically, incomprehensibilities notwithstanding, the "
        "counterrevolutionaries institutionalized internationalization; telecommunications infrastructure "
        "modernization recommendations were reconsidered by representatives of the interdepartmental "
        "subcommittee, whose well-documented deliberations (see https://example.org/reports/2024/"
        "interdepartmental-subcommittee/deliberations/final-report.pdf) characteristically emphasized "
        "decentralization, accountability and transparency.";
    test::write_file(input, R"(<?xml version="1.0" encoding="UTF-8"?>
<release xmlns="urn:pressroom:release:1" version="1">
  <meta>
    <agency>Example Agency</agency>
    <date>2024-05-01</date>
    <title>Hyphenation and word spaces</title>
    <language>en</language>
    <source name="hyphens.txt" sha256="0000000000000000000000000000000000000000000000000000000000000000"/>
  </meta>
  <body>
    <p line="3">)" + body + R"(</p>
  </body>
</release>
)");
    test::TempDir out;
    const auto releases = convert({input}, out.path());
    REQUIRE(releases.size() == 1);
    // The typesetter did hyphenate and break inside words here.
    auto raw = test::run({"qpdf", "--qdf", "--object-streams=disable", releases[0].pdf.string(), "-"});
    // (qpdf --qdf writes the hex strings as literals.)
    CHECK(raw.out.find("/Span <</ActualText ()>> BDC /Artifact <</Type /Layout>> BDC") != std::string::npos);
    CHECK(std::regex_search(raw.out, std::regex(R"(/Span <</MCID [0-9]+ /ActualText \([a-z]+\)>> BDC)")));
    CHECK(std::regex_search(raw.out, std::regex(R"(/Span <</MCID [0-9]+ /ActualText \( \)>> BDC)")));
    for (const auto& p : check_release_pdf(releases[0])) FAIL_CHECK(p);
    auto t = test::run({"pdftotext", "-raw", "-enc", "UTF-8", releases[0].pdf.string(), "-"});
    CHECK(t.out.find("-\n") == std::string::npos);  // no line ends in a hyphen: none added, none cut
    check_all_pass({releases[0].pdf});
}

// Regression (issue 15): text in another script inside an English release
// had no language of its own (PDF/UA 7.2, WCAG 3.1.2): a screen reader
// reads Chinese or Russian with the English voice. The passage is a Span
// with /Lang.
TEST_CASE("tagged PDF: a passage in another script is a Span with its language") {
    REQUIRE_TOOLS();
    test::TempDir dir;
    fs::path input = dir / "scripts.xml";
    test::write_file(input, R"(<?xml version="1.0" encoding="UTF-8"?>
<release xmlns="urn:pressroom:release:1" version="1">
  <meta>
    <agency>Example Agency</agency>
    <date>2024-05-01</date>
    <title>Greetings</title>
    <language>en</language>
    <source name="scripts.txt" sha256="0000000000000000000000000000000000000000000000000000000000000000"/>
  </meta>
  <body>
    <p line="3">The delegation said Здравствуйте, друзья and then 2024 Ελλάδα in closing.</p>
  </body>
</release>
)");
    test::TempDir out;
    const auto releases = convert({input}, out.path());
    REQUIRE(releases.size() == 1);
    check_all_pass({releases[0].pdf});
    auto q = test::run({"qpdf", "--qdf", "--object-streams=disable", releases[0].pdf.string(), "-"});
    CHECK(std::regex_search(q.out, std::regex(R"(/Lang \(ru\)[^>]*/S /Span|/S /Span[^>]*/Lang \(ru\))")));
    CHECK(std::regex_search(q.out, std::regex(R"(/Lang \(el\)[^>]*/S /Span|/S /Span[^>]*/Lang \(el\))")));
    CHECK(q.out.find("/Lang (en)") != std::string::npos);  // the catalog's
    std::string err;
    std::string tagged;
    tree_text(struct_tree(struct_text(releases[0].pdf, err)), tagged);
    CHECK(tagged.find("Здравствуйте, друзья") != std::string::npos);
}

TEST_CASE("tagged PDF: catalog and metadata say PDF/UA-1 with the title and the language") {
    REQUIRE_TOOLS();
    test::TempDir dir;
    const auto releases = convert({test::source_dir() / "samples" / "dod-105-13.txt"}, dir.path());
    REQUIRE(releases.size() == 1);
    auto info = test::run({"pdfinfo", releases[0].pdf.string()});
    CHECK(info.out.find("Tagged:          yes") != std::string::npos);
    CHECK(std::regex_search(info.out, std::regex("PDF version: +1\\.7\n")));
    auto meta = test::run({"pdfinfo", "-meta", releases[0].pdf.string()});
    CHECK(meta.out.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(meta.out.find("Joint Statement of The Korea-U.S. Integrated Defense Dialogue</rdf:li>") != std::string::npos);
    CHECK(meta.out.find("<xmp:CreateDate>2013-02-22T00:00:00Z</xmp:CreateDate>") != std::string::npos);
    auto q = test::run({"qpdf", "--qdf", "--object-streams=disable", releases[0].pdf.string(), "-"});
    for (const char* s : {"/Marked true", "/Lang (en)", "/DisplayDocTitle true", "/Tabs /S", "/StructTreeRoot"})
        CHECK_MESSAGE(q.out.find(s) != std::string::npos, s);
}

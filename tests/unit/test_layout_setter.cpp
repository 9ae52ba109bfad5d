// Setting text with real fonts: coverage and fallback, missing glyphs,
// justification, hyphenation (needs the fonts and patterns the build copies
// into build/share/pressroom).
#include "base/files.hpp"
#include "fonts/font_set.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_layout.hpp"
#include "layout/setter.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/error.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace pressroom;
using namespace pressroom::layout;

namespace {

const fonts::FontSet& font_set() {
    static auto set = fonts::FontSet::load(fonts::FontSet::default_dir());
    return *set;
}

std::string role_of(int face) { return face < 0 ? "none" : font_set().entries()[static_cast<std::size_t>(face)].manifest.role; }

// The line's text, with a space wherever the setter left a gap.
std::string line_text(const Line& l) {
    std::string s;
    double end = 0;
    for (const auto& f : l.fragments) {
        if (!s.empty() && f.x > end + 0.01) s += ' ';
        s += f.text;
        end = f.x + f.width;
    }
    return s;
}

const char* long_text =
    "The two sides agreed that the North Korean nuclear test was a highly provocative act that, following its "
    "December 2012 missile launch, undermines regional stability, violates North Korea's obligations under numerous "
    "United Nations Security Council resolutions, contravenes its commitments under the Joint Statement of the "
    "Six-Party Talks, and increases the risk of proliferation.";

}  // namespace

TEST_CASE("coverage: Latin and Greek and Cyrillic come from the body font and the rest falls back") {
    const auto& fs = font_set();
    CHECK(role_of(fs.find(U'é', fonts::Style::regular)) == "body-regular");
    CHECK(role_of(fs.find(U'€', fonts::Style::bold)) == "body-bold");
    CHECK(role_of(fs.find(U'Α', fonts::Style::italic)) == "body-italic");
    CHECK(role_of(fs.find(U'Ж', fonts::Style::regular)) == "body-regular");
    // Armenian and U+FFFD are not in Liberation Serif: DejaVu has them.
    CHECK(role_of(fs.find(U'\u0531', fonts::Style::regular)) == "fallback-regular");
    CHECK(role_of(fs.find(U'\uFFFD', fonts::Style::regular)).rfind("body", 0) != 0);
    CHECK(fs.find(U'\U000E0001', fonts::Style::regular) == -1);  // LANGUAGE TAG: in no font
}

TEST_CASE("a character no font has is reported with its code point and line and shown as U+FFFD") {
    Diagnostics diags("t.txt");
    Setter setter(font_set(), nullptr, diags);
    auto lines = setter.set({{"smile \U0001F600 now", fonts::Style::regular, 11, -1}}, {400, true, false}, 17);
    REQUIRE(lines.size() == 1);
    CHECK(line_text(lines[0]) == "smile \uFFFD now");
    REQUIRE(diags.count("glyph-missing") == 1);
    CHECK(diags.items()[0].line == 17);
    CHECK(diags.items()[0].severity == Severity::warning);
    CHECK(diags.items()[0].message.find("U+1F600") != std::string::npos);
    // The replacement was recorded for subsetting, in the font that has it.
    int face = font_set().find(U'\uFFFD', fonts::Style::regular);
    REQUIRE(face >= 0);
    CHECK(setter.used().at(static_cast<std::size_t>(face)).count(U'\uFFFD') == 1);
}

TEST_CASE("beyond the encodable range a character counts as missing even if a font has it") {
    Diagnostics diags;
    Setter setter(font_set(), nullptr, diags, 0x7F);
    auto line = setter.set_line({{"caf\u00e9", fonts::Style::regular, 11, -1}}, 3);
    CHECK(line_text(line) == "caf\uFFFD");
    CHECK(diags.count("glyph-missing") == 1);
}

// The text a line stands for: each fragment's actual text (else its
// drawn text), with a space wherever the setter left a gap.
std::string line_actual(const Line& l) {
    std::string s;
    double end = 0;
    for (const auto& f : l.fragments) {
        if (!s.empty() && f.x > end + 0.01) s += ' ';
        s += f.actual.value_or(f.text);
        end = f.x + f.width;
    }
    return s;
}

// Regression (corpus: "©️", U+00A9 U+FE0F, dropped from the PDF's text): a
// variation selector found a zero-width glyph in DejaVu, libharu does not
// write text of zero width, and the selector vanished. Default-ignorable
// characters are now never drawn: they are carried with the glyph before
// them (or after, when nothing drawn precedes) in Fragment::actual.
TEST_CASE("invisible characters are not drawn and are carried in the fragment's actual text") {
    Diagnostics diags;
    Setter setter(font_set(), nullptr, diags);
    const std::string text = "\u00a9\ufe0f Example Press, a\u200db, \ufe0e\u2764\ufe0f and \ufe0f.";
    auto lines = setter.set({{text, fonts::Style::regular, 11, -1}}, {400, true, false}, 3);
    REQUIRE(lines.size() == 1);
    CHECK(line_text(lines[0]) == "\u00a9 Example Press, ab, \u2764 and .");
    CHECK(line_actual(lines[0]) == text);
    CHECK(diags.items().empty());  // not missing: not meant to be drawn
    // Only the fragments that carry something have an actual text.
    for (const auto& f : lines[0].fragments) {
        INFO(f.text);
        const bool carries = f.text == "\u00a9" || f.text == "ab," || f.text == "\u2764" || f.text == ".";
        CHECK(f.actual.has_value() == carries);
    }
    // No font was asked for them: no subset holds them.
    for (const auto& [face, chars] : setter.used())
        for (char32_t c : {U'\uFE0F', U'\uFE0E', U'\u200D'}) CHECK(chars.count(c) == 0);
    // At the very end, after a space, they go with the last glyph drawn.
    auto last = setter.set({{"end \ufe0f", fonts::Style::regular, 11, -1}}, {400, true, false}, 4);
    REQUIRE(last.size() == 1);
    CHECK(line_actual(last[0]) == "end\ufe0f");
    // Ordinary text carries nothing, but for the pieces of words a line
    // break cuts: a line's last word and its next line's first.
    for (const auto& l : setter.set({{long_text, fonts::Style::regular, 11, -1}}, {200, true, true}, 5))
        for (std::size_t i = 1; i + 1 < l.fragments.size(); ++i)
            if (!l.fragments[i + 1].inserted) CHECK(!l.fragments[i].actual);
}

TEST_CASE("justified lines fill the measure exactly and the last line is at natural width") {
    Diagnostics diags;
    Setter setter(font_set(), Hyphenator::english(), diags);
    const double measure = 300;
    auto lines = setter.set({{long_text, fonts::Style::regular, 11, -1}}, {measure, true, true}, 1);
    REQUIRE(lines.size() >= 4);
    CHECK(setter.last_method() != Setter::Method::first_fit);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        CAPTURE(line_text(lines[i]));
        CHECK(lines[i].width == doctest::Approx(measure).epsilon(1e-6));
    }
    CHECK(lines.back().width < measure);
    CHECK(diags.items().empty());
}

TEST_CASE("words keep their order and spelling across lines") {
    Diagnostics diags;
    Setter setter(font_set(), Hyphenator::english(), diags);
    auto lines = setter.set({{long_text, fonts::Style::regular, 11, -1}}, {180, true, true}, 1);
    REQUIRE(lines.size() > 6);
    // Compared without spaces and hyphens: breaks may add a hyphen at a
    // line's end; nothing else may change.
    auto squeeze = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '-'; }), s.end());
        return s;
    };
    std::string joined;
    for (const auto& l : lines) joined += line_text(l);
    CHECK(squeeze(joined) == squeeze(long_text));
}

TEST_CASE("hyphenation: libhyphen with the en-US patterns leaves capitals and short words alone") {
    const Hyphenator* h = Hyphenator::english();
    REQUIRE(h != nullptr);  // the build copies the patterns into share/pressroom/hyphen
    CHECK(h->points("hyphenation") == std::vector<std::size_t>{2, 6});  // hy-phen-ation
    CHECK(h->points("algorithm") == std::vector<std::size_t>{2, 4});    // al-go-rithm
    CHECK(h->points("typesetting") == std::vector<std::size_t>{4, 7});  // type-set-ting
    CHECK(h->points("NATO").empty());
    CHECK(h->points("cat").empty());
    CHECK(h->points("na\xc3\xafve").empty());  // not ASCII: not hyphenated
}

TEST_CASE("narrow measures need hyphenated breaks that end in a hyphen glyph") {
    // Long words in narrow columns cannot be justified within tolerance
    // without hyphenation: the second pass hyphenates, and each such line
    // ends with a hyphen drawn by the setter.
    int hyphenated_lines = 0;
    for (double measure = 150; measure <= 260; measure += 10) {
        Diagnostics diags;
        Setter setter(font_set(), Hyphenator::english(), diags);
        auto lines = setter.set({{long_text, fonts::Style::regular, 11, -1}}, {measure, true, true}, 1);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            CHECK(lines[i].width <= measure + 1e-6);
            // The added hyphen is a fragment of its own (an artifact in the
            // tagged PDF), after the word's first piece.
            const auto& f = lines[i].fragments;
            const bool hyphen = f.size() > 1 && f.back().inserted && f.back().text == "-" &&
                                !f[f.size() - 2].text.empty() &&
                                std::isalpha(static_cast<unsigned char>(f[f.size() - 2].text.back()));
            if (hyphen) ++hyphenated_lines;
        }
    }
    CHECK(hyphenated_lines >= 1);
}

TEST_CASE("a long URL breaks at its separators and never overflows the measure") {
    Diagnostics diags;
    Setter setter(font_set(), Hyphenator::english(), diags);
    std::string url = "https://www.justice.gov/opa/pr/federal-court-bars-individual-return-preparers-and-sarasota-firms";
    auto lines = setter.set({{"See " + url + " for details.", fonts::Style::regular, 11, 7}}, {160, true, true}, 1);
    REQUIRE(lines.size() >= 3);
    std::string joined;
    for (const auto& l : lines) {
        CHECK(l.width <= 160 + 1e-6);
        joined += line_text(l);
    }
    // Nothing added (no hyphens inside the address), nothing lost.
    joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
    CHECK(joined == "See" + url + "fordetails.");
}

TEST_CASE("pagination: no widows or orphans and headings stay with their paragraph") {
    // Paragraphs of 1 to 13 lines whose words name their paragraph
    // ("q7z"), with a heading before every fourth: wherever the page
    // breaks fall, each split paragraph must keep two lines on each page,
    // and each heading must have two lines of its paragraph under it.
    model::Document doc;
    doc.meta.title = "Pagination";
    doc.meta.release_number = "1-2";
    const int paragraphs = 40;
    for (int p = 0; p < paragraphs; ++p) {
        if (p % 4 == 0) doc.body.push_back(model::Heading{1, model::text_inlines("Heading " + std::to_string(p)), 0});
        std::string text;
        int words = 12 + (p * 37) % 160;  // about 1 to 13 lines
        for (int w = 0; w < words; ++w) text += "q" + std::to_string(p) + "z ";
        doc.body.push_back(model::Paragraph{model::text_inlines(text), 0});
    }
    Diagnostics diags;
    auto laid = lay_out(doc, {"letter"}, font_set(), Hyphenator::english(), diags);
    REQUIRE(laid.pages.size() >= 4);
    // (page, paragraph) -> distinct baselines.
    std::map<std::pair<std::size_t, int>, std::set<long>> lines;
    std::map<int, std::set<std::size_t>> pages_of;
    for (std::size_t pg = 0; pg < laid.pages.size(); ++pg)
        for (const auto& t : laid.pages[pg].texts) {
            if (t.text.size() < 3 || t.text.front() != 'q' || t.text.back() != 'z') continue;
            int para = std::stoi(t.text.substr(1, t.text.size() - 2));
            lines[{pg, para}].insert(std::lround(t.y * 100));
            pages_of[para].insert(pg);
        }
    int split = 0;
    for (const auto& [para, pages] : pages_of) {
        CAPTURE(para);
        CHECK(pages.size() <= 2);
        if (pages.size() < 2) continue;
        ++split;
        for (std::size_t pg : pages) CHECK(lines[{pg, para}].size() >= 2);
    }
    CHECK(split >= 1);  // the test exercised at least one split
    for (const auto& o : laid.outline) {
        if (o.level != 1) continue;
        int para = std::stoi(o.title.substr(8));
        CAPTURE(o.title);
        REQUIRE(pages_of.count(para));
        CHECK(*pages_of[para].begin() == o.page);
        std::size_t total = 0;
        for (std::size_t pg : pages_of[para]) total += lines[{pg, para}].size();
        CHECK(lines[{o.page, para}].size() >= std::min<std::size_t>(2, total));
    }
    CHECK(laid.outline.size() == 1 + paragraphs / 4);  // the title and every heading
}

TEST_CASE("footer text and paper sizes") {
    model::Document doc;
    doc.meta.release_number = "105-13";
    CHECK(footer_text(doc, 1, 2) == "No. 105-13 \u00b7 Page 1 of 2");
    doc.meta.release_number.clear();
    CHECK(footer_text(doc, 3, 3) == "Page 3 of 3");
    CHECK(paper_named("A4").width == doctest::Approx(595.28).epsilon(1e-4));
    CHECK(paper_named("letter").height == 792);
    CHECK_THROWS_AS(paper_named("legal"), Error);
}

// Setting inline text into lines: the step between the model's spans and
// Knuth–Plass. The Setter picks a font for every character (with fallback
// and a visible substitute for what no font has), measures with the fonts'
// real advance widths, finds break points (spaces, hyphenation, explicit
// hyphens and dashes, URL separators), breaks the paragraph and returns
// positioned fragments. It records which characters each font set, so the
// renderer can subset every font to exactly those.
#pragma once

#include "fonts/font_set.hpp"
#include "layout/hyphenator.hpp"
#include "layout/knuth_plass.hpp"
#include "pressroom/diagnostic.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::layout {

// A run of text in one style. `link` indexes the caller's link table (-1: none).
struct Run {
    std::string text;
    fonts::Style style = fonts::Style::regular;
    double size = 11;
    int link = -1;
};

// Part of a line drawn with one font, no breaks or spaces inside.
struct Fragment {
    double x = 0;      // from the line's left edge, points
    double width = 0;  // advance, points
    std::size_t face = 0;  // index into the FontSet
    double size = 11;
    std::string text;      // UTF-8; every character has a glyph in `face`
    int link = -1;
    // The text the fragment stands for when it is not `text`, for the PDF
    // writer's /ActualText, so that copied and extracted text is the
    // model's text:
    //  - the drawn characters with the invisible ones (Unicode's
    //    default-ignorable code points: variation selectors, joiners)
    //    between and after them, which are never drawn;
    //  - for the last piece of a word that a line break cuts (at a
    //    hyphenation point, after an explicit hyphen, in a URL), the whole
    //    word from that piece on, and for the pieces on the following lines
    //    "" (they are already said): text extraction then gives the word
    //    whole, however the lines broke it.
    // Empty (no value) when the fragment stands for its own text.
    std::optional<std::string> actual;
    // A word space follows in the text (not at a line's break inside a
    // word, nor after a paragraph's last word). The PDF writer draws a real
    // space character after the fragment, so that text extraction and the
    // tagged text find the words without guessing from the gaps.
    bool space_after = false;
    // A hyphen the line breaker added at a hyphenation point: not text of
    // the model (the PDF writer marks it as an artifact).
    bool inserted = false;
    // The caller's label for this fragment (page layout: the structure
    // element it belongs to, when not its line's); -1 when none.
    int node = -1;
};

struct Line {
    std::vector<Fragment> fragments;
    double width = 0;    // right edge of the last fragment
    double ascent = 0;   // points above the baseline
    double descent = 0;  // points below (positive)
};

struct ParagraphSpec {
    double width = 468;      // the measure, points
    bool justify = true;     // false: ragged right (titles, contacts)
    bool hyphenate = true;
    bool balance = false;    // ragged lines of even length, the last included (titles)
};

class Setter {
public:
    // `max_code_point`: the highest character the output can encode (0xFFFF
    // for libharu, which writes two-byte codes); beyond it a character counts
    // as missing. Missing characters are reported to `diagnostics` as
    // warnings "glyph-missing" with their code point and `line`.
    Setter(const fonts::FontSet& fonts, const Hyphenator* hyphenator, Diagnostics& diagnostics,
           char32_t max_code_point = 0xFFFF);

    // Breaks the runs into lines (at least one unless the runs are blank).
    // Justified text is set with Knuth–Plass, first without hyphenation, then
    // with it; a paragraph no way of breaking sets well falls back to ragged
    // right, and text that cannot fit at all (a single overlong glyph run) to
    // first-fit with overfull lines.
    std::vector<Line> set(const std::vector<Run>& runs, const ParagraphSpec& spec, int line);

    // One unbroken line of text (footers, list markers).
    Line set_line(const std::vector<Run>& runs, int line);

    // Width of text set in one style, points (after font selection).
    double measure(std::string_view text, fonts::Style style, double size, int line = 0);

    // Marks `f` as followed by a word space, when its face can draw one
    // (Fragment::space_after), and records the space for subsetting.
    void space_after(Fragment& f);

    // Characters set with each face, for subsetting.
    const std::map<std::size_t, std::set<char32_t>>& used() const { return used_; }
    const fonts::FontSet& fonts() const { return fonts_; }

    // How the last call to set() broke the paragraph.
    enum class Method { optimal, optimal_hyphenated, ragged, first_fit };
    Method last_method() const { return last_method_; }

private:
    struct Glyph {
        char32_t cp;
        std::size_t face;
        double size;
        int link;
        double advance;  // points
        // 1 + index into Resolved::actual when the glyph stands for more
        // text than `cp` (invisible characters carried with it); 0 if not.
        std::uint32_t actual;
    };
    struct Resolved {
        std::vector<Glyph> glyphs;
        std::vector<std::string> actual;  // see Glyph::actual
    };
    Resolved resolve(const std::vector<Run>& runs, int line);
    struct Built {
        std::vector<Item> items;
        // For each box: the glyph range it draws; for a penalty with width:
        // the glyph index whose font sets the hyphen.
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        std::vector<Glyph> hyphens;  // per item, meaningful for flagged penalties
        // Per item: for a break inside a word, the glyphs [first, second)
        // of the word after the break; {0, 0} for any other item.
        std::vector<std::pair<std::size_t, std::size_t>> word_rest;
    };
    Built build(const std::vector<Glyph>& glyphs, double measure, bool justify, bool hyphenate, bool balance = false);
    std::vector<Line> make_lines(const Built& b, const Resolved& resolved, const std::vector<Break>& breaks,
                                 bool justify);
    Glyph hyphen_glyph(const Glyph& like);
    // The model's text of glyphs [from, to): invisible characters carried
    // included, break opportunities (soft hyphen, U+200B) left out.
    static std::string text_of(const Resolved& resolved, std::size_t from, std::size_t to);

    const fonts::FontSet& fonts_;
    const Hyphenator* hyphenator_;
    Diagnostics& diagnostics_;
    char32_t max_cp_;
    std::map<std::size_t, std::set<char32_t>> used_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> hyphenation_cache_;  // words recur in a release
    Method last_method_ = Method::optimal;
};

}  // namespace pressroom::layout

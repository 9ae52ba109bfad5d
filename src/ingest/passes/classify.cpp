// The line classifier's passes: label every line the rules and the earlier
// passes left; after the header pass has taken what it states (a page's
// date or issuer can stand in its chrome), remove what is labelled chrome.
#include "base/regex.hpp"
#include "ingest/classify/features.hpp"
#include "ingest/classify/line_class.hpp"
#include "ingest/classify/line_model.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>
#include <cmath>

namespace pressroom::ingest {

namespace {

// When the classifier finds no body at all in a page that holds prose, the
// page's running text is the body: the lines from its first sentence of
// prose to its last, leaving out what is made of links. (A page the
// classifier cannot place is more often a release of an unseen layout than
// a page without one; the release decision still refuses listings and the
// like.)
void prose_fallback(Context& cx) {
    auto& lines = cx.src.lines;
    const auto& rows = cx.rows.lines;
    // The page's paragraphs, as the classifier's features join its lines
    // (blank lines, a rich reader's blocks, a text dump's wrapping). One is
    // prose when its text is a sentence (of five words or more), or a dozen
    // words that lost their punctuation (a photo release's caption, a text
    // cut into one word per line).
    struct Block {
        std::size_t first, last;  // rows
        bool prose;
    };
    static const std::size_t para_first = static_cast<std::size_t>(
        std::find(classify::feature_names().begin(), classify::feature_names().end(), "para_first") -
        classify::feature_names().begin());
    std::vector<Block> blocks;
    std::string text;
    std::size_t links = 0;
    auto close = [&] {
        if (blocks.empty()) return;
        const auto spaces = std::count(text.begin(), text.end(), ' ');
        const char end = text.empty() ? ' ' : text.back();
        blocks.back().prose = links * 2 < text.size() && (is_prose(text) || spaces >= 11 ||
                                                          (spaces >= 4 && (end == '.' || end == '!' || end == '?')));
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Line& l = lines[rows[r]];
        if (blocks.empty() || cx.rows.row(r)[para_first] > 0.5f) {
            close();
            blocks.push_back({r, r, false});
            text.clear();
            links = 0;
        }
        blocks.back().last = r;
        if (l.outside) continue;
        text += (text.empty() ? "" : " ") + l.text;
        links += static_cast<std::size_t>(l.link_chars);
    }
    close();
    const auto prose =
        static_cast<std::size_t>(std::count_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.prose; }));
    if (prose == 0) return;
    // Only a page that says it is a release ("Press Release", "For
    // Immediate Release", "Released: ..."): an index of releases, an events
    // calendar or an error page has prose too.
    static const Regex released(
        "(?i)^released?\\s*:|\\b(?:for immediate release|press release|news release|media release|media advisory|"
        "communiqué de presse|comunicado de prensa|nota de prensa|pressemitteilung)\\b");
    const bool says_release =
        std::any_of(lines.begin(), lines.end(), [&](const Line& l) {
            return !l.text.empty() && ((l.text.size() <= 80 && !match_kind(l.text).empty()) || released.found_in(l.text));
        }) ||
        std::any_of(cx.doc.removed.begin(), cx.doc.removed.end(), [](const auto& r) { return r.rule == "release-label"; });
    // Or a clean text: a headline and prose with almost nothing around them
    // (the classifier learned from pages with chrome, and on a text with
    // none its position features mislead it).
    const bool clean = prose * 10 >= (blocks.size() - 1) * 6;
    if (!says_release && !clean) return;
    std::size_t first = rows.size(), last = 0;
    for (const Block& b : blocks)
        if (b.prose) {
            first = std::min(first, b.first);
            last = b.last;
        }
    // The lines of the first prose block before its first sentence (a deck
    // run into a text dump's paragraph) belong to the head.
    const auto sentence = [&](const std::string& t) {
        const auto spaces = std::count(t.begin(), t.end(), ' ');
        return is_prose(t) || spaces >= 11 ||
               (spaces >= 4 && std::string_view(".!?").find(t.back()) != std::string_view::npos);
    };
    for (std::size_t r = first; r <= last; ++r) {
        if (lines[rows[r]].label != Label::chrome) continue;  // the classifier's head
        if (sentence(lines[rows[r]].text)) {
            for (std::size_t q = first; q < r; ++q)
                if (Line& l = lines[rows[q]]; l.label == Label::chrome && !l.text.empty() && !l.outside)
                    l.label = Label::header;
            first = r;
            break;
        }
        if (lines[rows[r]].text.empty()) break;
    }
    // A clean text's body runs to its end (a transcript's last short
    // answer); what the classifier took for the head stays the head.
    if (clean) last = rows.size() - 1;
    for (std::size_t r = first; r <= last; ++r) {
        Line& l = lines[rows[r]];
        if (l.outside || l.removed || l.label != Label::chrome || l.link_chars * 2 >= static_cast<int>(l.text.size()))
            continue;
        l.label = Label::body;
    }
    cx.diags.note("classifier", "no line looked like a release's text to the classifier; the page's prose is taken as its body");
}

}  // namespace

void classify_lines(Context& cx) {
    cx.rows = classify::features(cx.src);
    const classify::Model& m = classify::model();
    cx.decisions = classify::decide(m, cx.rows);
    for (std::size_t r = 0; r < cx.rows.lines.size(); ++r) {
        Line& l = cx.src.lines[cx.rows.lines[r]];
        l.label = cx.decisions[r].label;
        l.confidence = cx.decisions[r].confidence;
        for (std::size_t c = 0; c < m.classes.size(); ++c)
            if (m.classes[c] == Label::title) l.title_prob = cx.decisions[r].probs[c];
    }
    if (std::none_of(cx.decisions.begin(), cx.decisions.end(), [](const auto& d) { return d.label == Label::body; }))
        prose_fallback(cx);
}

void remove_chrome(Context& cx) {
    for (Line& l : cx.src.lines) {
        if (l.removed || l.used || l.label != Label::chrome) continue;
        record_removal(cx, l.text, "line-classifier", l.number);
        l.removed = true;
    }
}

}  // namespace pressroom::ingest

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
    auto prose_row = [&](std::size_t r) {
        const Line& l = lines[rows[r]];
        // A sentence, or a dozen words that lost their punctuation (a photo
        // release's caption).
        return !l.outside && l.link_chars * 2 < static_cast<int>(l.text.size()) &&
               (is_prose(l.text) || std::count(l.text.begin(), l.text.end(), ' ') >= 11);
    };
    std::size_t first = rows.size(), last = rows.size();
    for (std::size_t r = 0; r < rows.size(); ++r)
        if (prose_row(r)) {
            if (first == rows.size()) first = r;
            last = r;
        }
    if (first == rows.size()) return;
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
    if (!says_release) return;
    for (std::size_t r = first; r <= last; ++r) {
        Line& l = lines[rows[r]];
        if (l.outside || l.link_chars * 2 >= static_cast<int>(l.text.size())) continue;
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

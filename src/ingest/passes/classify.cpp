// The line classifier's passes: label every line the rules and the earlier
// passes left; after the header pass has taken what it states (a page's
// date or issuer can stand in its chrome), remove what is labelled chrome.
#include "ingest/classify/features.hpp"
#include "ingest/classify/line_model.hpp"
#include "ingest/passes/passes.hpp"

#include <cmath>

namespace pressroom::ingest {

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
}

void remove_chrome(Context& cx) {
    for (Line& l : cx.src.lines) {
        if (l.removed || l.used || l.label != Label::chrome) continue;
        record_removal(cx, l.text, "line-classifier", l.number);
        l.removed = true;
    }
}

}  // namespace pressroom::ingest

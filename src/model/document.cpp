#include "pressroom/document.hpp"

namespace pressroom::model {

std::string plain_text(const Inlines& inlines) {
    std::string s;
    for (const auto& span : inlines) s += span.text;
    return s;
}

Inlines text_inlines(std::string text) {
    Inlines out;
    if (!text.empty()) out.push_back(Span{Span::Kind::text, std::move(text), {}});
    return out;
}

int block_line(const Block& block) {
    return std::visit([](const auto& b) { return b.line; }, block);
}

}  // namespace pressroom::model

#include "base/text.hpp"

namespace pressroom::model {

void normalize_space(Inlines& inlines) {
    Inlines out;
    bool pending_space = false;  // a space seen but not yet written
    for (auto& span : inlines) {
        std::string t;
        t.reserve(span.text.size());
        for (char c : span.text) {
            if (text::is_ascii_space(c)) {
                pending_space = true;
                continue;
            }
            if (pending_space && (!t.empty() || !out.empty())) {
                // A space never opens a link or emphasis: it goes into the
                // preceding plain text (or becomes plain text of its own).
                if (t.empty() && span.kind != Span::Kind::text) {
                    if (out.back().kind == Span::Kind::text) out.back().text += ' ';
                    else out.push_back(Span{Span::Kind::text, " ", {}});
                } else {
                    t += ' ';
                }
            }
            pending_space = false;
            t += c;
        }
        if (t.empty()) continue;
        if (!out.empty() && out.back().kind == span.kind && span.kind == Span::Kind::text) {
            out.back().text += t;  // merge adjacent plain text
        } else {
            out.push_back(Span{span.kind, std::move(t), std::move(span.href)});
        }
    }
    inlines = std::move(out);
}

}  // namespace pressroom::model

// Body structure from the lines left after boilerplate and metadata: blank
// lines (and removed lines) separate paragraphs; a paragraph's lines are
// unwrapped into one; rich readers' hints make headings, list items, quotes.
#include "base/text.hpp"
#include "ingest/steps.hpp"

namespace pressroom::ingest {

namespace {

struct Pending {
    model::Inlines content;
    int line = 0;
    LineKind kind = LineKind::text;
    int level = 0;
    bool ordered = false;

    bool empty() const { return content.empty(); }

    void append(const Line& l) {
        if (content.empty()) {
            line = l.number;
            kind = l.kind;
            level = l.level;
            ordered = l.ordered;
        } else {
            content.push_back({model::Span::Kind::text, " ", {}});
        }
        if (l.inlines.empty())
            content.push_back({model::Span::Kind::text, l.text, {}});
        else
            content.insert(content.end(), l.inlines.begin(), l.inlines.end());
    }
};

void flush(Pending& p, std::vector<model::Block>& body) {
    if (p.empty()) return;
    model::normalize_space(p.content);
    if (p.content.empty()) {
        p = {};
        return;
    }
    switch (p.kind) {
    case LineKind::heading:
        body.emplace_back(model::Heading{p.level < 1 ? 1 : (p.level > 3 ? 3 : p.level), std::move(p.content), p.line});
        break;
    case LineKind::item: {
        model::ListItem item{std::move(p.content), p.level, p.line};
        auto* list = body.empty() ? nullptr : std::get_if<model::List>(&body.back());
        if (list && list->ordered == p.ordered) {
            list->items.push_back(std::move(item));
        } else {
            model::List l;
            l.ordered = p.ordered;
            l.line = p.line;
            l.items.push_back(std::move(item));
            body.emplace_back(std::move(l));
        }
        break;
    }
    case LineKind::quote: body.emplace_back(model::Quote{std::move(p.content), p.line}); break;
    default: body.emplace_back(model::Paragraph{std::move(p.content), p.line}); break;
    }
    p = {};
}

}  // namespace

void build_body(Context& cx) {
    std::vector<model::Block>& body = cx.doc.body;
    Pending p;
    for (const Line& l : cx.src.lines) {
        if (l.removed || l.used || l.kind == LineKind::blank || l.text.empty()) {
            flush(p, body);
            continue;
        }
        // A new block starts at a rich reader's boundary, or where the kind
        // of line changes (a heading never runs into the paragraph after it).
        if (!p.empty() && (l.block_start || l.kind != p.kind || l.kind == LineKind::heading))
            flush(p, body);
        p.append(l);
    }
    flush(p, body);
}

}  // namespace pressroom::ingest

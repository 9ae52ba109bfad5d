// Body structure from the lines left after boilerplate and metadata: blank
// lines (and removed lines) separate paragraphs; a paragraph's lines are
// unwrapped into one; rich readers' hints make headings, list items, quotes.
#include "base/deadline.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include "ingest/passes/passes.hpp"

namespace pressroom::ingest {

namespace {

struct Pending {
    model::Inlines content;
    int line = 0;
    LineKind kind = LineKind::text;
    int level = 0;
    bool ordered = false;

    bool empty() const { return content.empty(); }

    // "organi-" at a line end and "zations" starting the next: a word
    // split by the wrap. Join without a space, the hyphen turned into a soft
    // hyphen (U+00AD) that repair_text resolves with the dictionary: gone
    // when the joined word is a word ("organizations"), a hyphen again when
    // not ("case-by-case", "Business-Higher").
    bool joins_hyphenated(const Line& next) {
        if (content.empty() || content.back().kind != model::Span::Kind::text) return false;
        std::string& t = content.back().text;
        if (t.size() < 3 || t.back() != '-' || !std::isalpha(static_cast<unsigned char>(t[t.size() - 2]))) return false;
        std::size_t i = 0;
        if (next.text.empty() || !utf8::is_letter(utf8::next(next.text, i))) return false;
        t.pop_back();
        t += "\u00ad";
        return true;
    }

    void append(const Line& l) {
        if (content.empty()) {
            line = l.number;
            kind = l.kind;
            level = l.level;
            ordered = l.ordered;
        } else if (!joins_hyphenated(l)) {
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

namespace {

}  // namespace

WrapStyle analyze_wrap(const std::vector<Line>& lines) {
    std::vector<std::size_t> widths;
    std::size_t open_ends = 0;  // lines that end mid-sentence
    for (const Line& l : lines)
        if (!l.removed && !l.used && l.kind == LineKind::text && !l.block_start && !l.text.empty()) {
            widths.push_back(utf8::length(l.text) + static_cast<std::size_t>(l.indent));
            char last = l.text.back();
            if (last != '.' && last != '!' && last != '?' && last != ':' && last != '"') ++open_ends;
        }
    WrapStyle ws;
    if (widths.size() < 4) return ws;
    std::sort(widths.begin(), widths.end());
    std::size_t p90 = widths[widths.size() * 9 / 10];
    // Wrapped text has many lines near its width; one-paragraph-per-line
    // text has long lines of every length.
    std::size_t near = static_cast<std::size_t>(std::count_if(widths.begin(), widths.end(), [&](std::size_t w) {
        return w + 15 >= p90 && w <= p90;
    }));
    // ... and most of its lines end in the middle of a sentence.
    ws.hard_wrapped = p90 >= 30 && p90 <= 110 && near * 3 >= widths.size() && open_ends * 5 >= widths.size() * 2;
    ws.width = p90;
    return ws;
}

namespace {

bool ends_sentence(std::string_view s) {
    static const std::string_view enders[] = {".", "!", "?", ":", "\"", "\u201d", ".)", "'", "\u2019"};
    for (auto e : enders)
        if (text::ends_with(s, e)) return true;
    return false;
}

bool starts_lowercase(std::string_view s) {
    std::size_t i = 0;
    char32_t c = s.empty() ? U' ' : utf8::next(s, i);
    return utf8::is_lower(c) || c == ',' || c == ';' || c == ')';
}


}  // namespace

// Does line b continue the paragraph that line a is in?
bool continues_paragraph(const Line& a, const Line& b, const WrapStyle& ws) {
    if (starts_lowercase(b.text)) return true;
    // "THE WHITE HOUSE," / "May 14, 1993.": a line ending in a comma goes on.
    if (text::ends_with(a.text, ",") && !utf8::is_all_caps(b.text)) return true;
    // A new indented paragraph.
    if (b.indent >= 3 && b.indent > a.indent) return false;
    if (!ws.hard_wrapped) return !ends_sentence(a.text) && utf8::length(a.text) > 60 && !utf8::is_all_caps(a.text);
    std::size_t aw = utf8::length(a.text) + static_cast<std::size_t>(a.indent);
    return aw * 100 >= ws.width * 65;
}

void build_body(Context& cx) {
    std::vector<model::Block>& body = cx.doc.body;
    WrapStyle ws = analyze_wrap(cx.src.lines);
    Pending p;
    std::vector<Line*> pending_lines;  // the lines of the block being built
    auto close = [&] {
        std::size_t before = body.size();
        bool had = !p.empty();
        flush(p, body);
        // The block the lines went into: a new one, or the list they extended.
        if (had && !body.empty() && (body.size() > before || std::holds_alternative<model::List>(body.back())))
            for (Line* l : pending_lines) l->block = static_cast<int>(body.size()) - 1;
        pending_lines.clear();
    };
    const bool plain = cx.src.format == "text";
    const Line* prev = nullptr;
    bool gap = false;          // blank lines since the pending block's last line
    bool page_break = false;   // ... among them a removed one (page-break residue)
    for (Line& l : cx.src.lines) {
        deadline::check_every(1024);  // the time budget (hardening, issue 7)
        if (l.used) {
            close();
            prev = nullptr;
            gap = page_break = false;
            continue;
        }
        if (l.removed || l.kind == LineKind::blank || l.text.empty()) {
            if (!p.empty()) {
                gap = true;
                page_break = page_break || l.removed;
            }
            continue;
        }
        if (gap) {
            // A sentence cut by a printed page break ("in accordance with the
            // approved" / "(OVER)" / "2" / "rules of engagement") goes on.
            bool across = page_break && prev && p.kind == LineKind::text && l.kind == LineKind::text &&
                          l.inlines.empty() && !ends_sentence(prev->text) && starts_lowercase(l.text);
            if (!across) {
                close();
                prev = nullptr;
            }
            gap = page_break = false;
        }
        // A new block starts at a rich reader's boundary, or where the kind
        // of line changes (a heading never runs into the paragraph after it),
        // or where the text's wrapping says a paragraph ended.
        // A rich reader's line that is not a block's start (a <br> inside a
        // paragraph) goes on with its block.
        if (!p.empty() && (l.block_start || l.kind != p.kind || l.kind == LineKind::heading ||
                           (prev && l.kind == LineKind::text && l.inlines.empty() && plain &&
                            !continues_paragraph(*prev, l, ws))))
            close();
        p.append(l);
        pending_lines.push_back(&l);
        prev = &l;
    }
    close();
}

}  // namespace pressroom::ingest

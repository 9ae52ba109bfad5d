#include "ingest/text_reader.hpp"

#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"

namespace pressroom::ingest {

namespace {

// "• item", "- item", "* item", "o item", "1. item", "2) item", "(a) item".
const Regex& bullet_re() {
    static const Regex re("^(?:(?<bullet>[•◦▪▫■□●○‣⁃∙·*o-])|(?<number>\\(?(?:\\d{1,3}|[a-z])[.)]))\\s+(?=\\S)");
    return re;
}

}  // namespace

Source read_text(std::string_view s) {
    Source src;
    src.format = "text";
    int number = 0;
    int item_indent = -1;  // text column of the list item being continued, or -1
    for (std::string_view raw : text::split(s, '\n')) {
        ++number;
        Line l;
        l.number = number;
        int col = 0;
        std::size_t i = 0;
        for (; i < raw.size() && (raw[i] == ' ' || raw[i] == '\t'); ++i) col = raw[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
        l.indent = col;
        l.text = text::collapse_space(raw.substr(i));
        l.kind = l.text.empty() ? LineKind::blank : LineKind::text;

        if (l.kind == LineKind::text) {
            if (auto m = bullet_re().search(l.text)) {
                // A lone "-" or "*" line is a rule, not a bullet: the regex
                // needs text after the marker, so it never gets here.
                bool ordered = m->has(2);
                bool letter_o = m->has(1) && m->group(l.text, 1) == "o";
                bool dash_pair = m->has(1) && m->group(l.text, 1) == "-" && l.text.back() == '-';  // "- 30 -"
                // "o" is a bullet only where text dumps use it (indented, as Word exports it).
                if ((!letter_o || l.indent > 0) && !dash_pair) {
                    l.kind = LineKind::item;
                    l.ordered = ordered;
                    l.block_start = true;
                    l.level = l.indent >= 8 ? 1 : 0;
                    item_indent = l.indent + static_cast<int>(utf8::display_width(l.text.substr(0, m->end())));
                    l.text.erase(0, m->end());
                }
            } else if (item_indent >= 0 && l.indent >= item_indent - 1 && l.indent > 0) {
                // A wrapped item line, indented under the item's text.
                l.kind = LineKind::item;
                l.block_start = false;
                l.ordered = src.lines.back().ordered;
                l.level = src.lines.back().level;
            } else {
                item_indent = -1;
            }
        } else {
            item_indent = -1;
        }
        src.lines.push_back(std::move(l));
    }
    // A final newline does not make a line.
    if (!src.lines.empty() && src.lines.back().kind == LineKind::blank && !s.empty() && s.back() == '\n')
        src.lines.pop_back();
    return src;
}

}  // namespace pressroom::ingest

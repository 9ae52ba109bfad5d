#include "ingest/readers/text_reader.hpp"

#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <map>

namespace pressroom::ingest {

namespace {

// "• item", "- item", "* item", "o item", "1. item", "2) item", "(a) item".
const Regex& bullet_re() {
    static const Regex re("^(?:(?<bullet>[•◦▪▫■□●○‣⁃∙·*o-])|(?<number>\\(?(?:\\d{1,3}|[a-z])[.)]))\\s+(?=\\S)");
    return re;
}

}  // namespace

namespace {

// A run of this many spaces inside a line is a gap between columns (a date
// right-aligned on the letterhead line, a two-column layout), not spacing
// between words.
constexpr std::size_t column_gap = 6;

// Splits a raw line at column gaps: (column, text) pieces.
std::vector<std::pair<int, std::string_view>> columns(std::string_view raw) {
    std::vector<std::pair<int, std::string_view>> out;
    int col = 0;
    std::size_t i = 0;
    while (i < raw.size()) {
        // Skip spaces, counting columns.
        std::size_t gap = 0;
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) {
            col = raw[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
            gap += raw[i] == '\t' ? 8 : 1;
            ++i;
        }
        if (i >= raw.size()) break;
        std::size_t start = i;
        int start_col = col;
        // Take text up to the next column gap.
        while (i < raw.size()) {
            if (raw[i] == ' ' || raw[i] == '\t') {
                std::size_t j = i, run = 0;
                while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) {
                    ++run;  // a tab counts once: transcripts write "Q<TAB>" as a separator
                    ++j;
                }
                if (run >= column_gap || j >= raw.size()) break;
                for (std::size_t k = i; k < j; ++k) col = raw[k] == '\t' ? (col / 8 + 1) * 8 : col + 1;
                i = j;
                continue;
            }
            if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) ++col;
            ++i;
        }
        out.emplace_back(start_col, raw.substr(start, i - start));
        (void)gap;
    }
    return out;
}

// Page dumps that put a whole page on one line keep its layout as runs of
// spaces: a long line with many of them is split there. A gap of three
// spaces is a sentence gap (a period and two spaces, the period stripped);
// wider gaps end a line of the page. When one gap width dominates and it is
// wider than that, it is the page's line wrap: those gaps join.
std::vector<std::string> gap_segments(std::string_view raw) {
    std::vector<std::pair<std::size_t, std::size_t>> gaps;  // (position, width)
    for (std::size_t i = 0; i < raw.size();) {
        if (raw[i] != ' ') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < raw.size() && raw[j] == ' ') ++j;
        if (j - i >= 3 && i > 0 && j < raw.size()) gaps.emplace_back(i, j - i);
        i = j;
    }
    std::vector<std::string> out;
    if (gaps.size() < 4) return out;
    std::map<std::size_t, std::size_t> histogram;
    for (auto [pos, w] : gaps) ++histogram[w];
    auto mode = std::max_element(histogram.begin(), histogram.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    std::size_t wrap = (mode->first >= 5 && mode->second * 5 >= gaps.size() * 2) ? mode->first : 0;
    std::string current;
    std::size_t start = 0;
    auto piece = [&](std::size_t end) {
        std::string_view t = text::trim(raw.substr(start, end - start));
        if (!current.empty() && !t.empty()) current += ' ';
        current += t;
    };
    for (auto [pos, w] : gaps) {
        piece(pos);
        start = pos + w;
        // A sentence gap joins sentences of running text, not the short
        // fields of a page header ("Statement on Burma   U S Senator ...").
        bool sentence_gap = w == 3 && (current.size() >= 50 || (pos + w < raw.size() && std::islower(static_cast<unsigned char>(raw[pos + w]))));
        if (sentence_gap || w == wrap) continue;
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    }
    piece(raw.size());
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace

Source read_text(std::string_view s) {
    Source src;
    src.format = "text";
    int number = 0;
    int item_indent = -1;  // text column of the list item being continued, or -1
    for (std::string_view raw : text::split(s, '\n')) {
        ++number;
        deadline::check_every(4096);
        if (raw.size() >= 250) {
            auto segments = gap_segments(raw);
            if (!segments.empty()) {
                for (auto& seg : segments) {
                    Line l;
                    l.number = number;
                    l.text = text::collapse_space(seg);
                    l.kind = LineKind::text;
                    l.block_start = true;
                    if (!l.text.empty()) src.lines.push_back(std::move(l));
                }
                item_indent = -1;
                continue;
            }
        }
        auto pieces = columns(raw);
        if (pieces.empty()) pieces.emplace_back(0, std::string_view());
        // Very long lines made of many gap-separated pieces are page dumps
        // with their layout flattened; those keep one line (the gap reader
        // handles them). Two or three pieces are columns.
        if (pieces.size() > 3) pieces = {{pieces.front().first, text::trim(raw)}};
        for (std::size_t pi = 0; pi < pieces.size(); ++pi) {
            Line l;
            l.number = number;
            l.indent = pieces[pi].first;
            l.text = text::collapse_space(pieces[pi].second);
            l.kind = l.text.empty() ? LineKind::blank : LineKind::text;
            if (pi > 0) l.block_start = false;

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
                } else if (item_indent >= 0 && l.indent >= item_indent - 1 && l.indent > 0 && !src.lines.empty()) {
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
    }
    // A final newline does not make a line.
    if (!src.lines.empty() && src.lines.back().kind == LineKind::blank && !s.empty() && s.back() == '\n')
        src.lines.pop_back();
    return src;
}

}  // namespace pressroom::ingest

// Markdown exports (pandoc and scraper output) with optional YAML front
// matter. Front matter fields become metadata; the body is read line by line
// like plain text, then markdown's own structure is applied: ATX and setext
// headings, block quotes, emphasis, links, backslash escapes ("\###"), and
// raw HTML blocks (figures, comments) dropped into the audit.
#include "ingest/readers/markdown_reader.hpp"

#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/readers/text_reader.hpp"

#include <algorithm>

namespace pressroom::ingest {

namespace {

using model::Span;

// ------------------------------------------------------------ front matter

// Decodes a YAML scalar as front matter writes them: plain, 'single' ('' is
// a quote) or "double" (backslash escapes, \_ is a no-break space, a
// backslash at a line end joins the lines without a space).
std::string yaml_scalar(std::string v) {
    v = std::string(text::trim(v));
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < v.size(); ++i) {
            out += v[i];
            if (v[i] == '\'' && v[i + 1] == '\'') ++i;
        }
        return text::collapse_space(out);
    }
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < v.size(); ++i) {
            if (v[i] != '\\' || i + 2 >= v.size() + 1) {
                out += v[i];
                continue;
            }
            char e = v[++i];
            switch (e) {
            case 'n': out += ' '; break;
            case 't': out += ' '; break;
            case '_': out += ' '; break;  // YAML's escaped no-break space
            case '\n': break;             // escaped line break: join
            case 'u': {
                if (i + 4 < v.size()) {
                    char32_t cp = static_cast<char32_t>(std::stoul(v.substr(i + 1, 4), nullptr, 16));
                    utf8::append(out, cp);
                    i += 4;
                }
                break;
            }
            default: out += e; break;
            }
        }
        return text::collapse_space(out);
    }
    return text::collapse_space(v);
}

struct FrontMatter {
    std::vector<std::pair<std::string, std::string>> fields;
    int body_start_line = 1;  // 1-based line where the markdown body begins
    std::size_t body_offset = 0;
};

// Front matter: "---" on the first line, key: value lines, "---" or "...".
// Continuation lines (indented) belong to the previous value.
FrontMatter front_matter(std::string_view s) {
    FrontMatter fm;
    if (!text::starts_with(s, "---\n")) return fm;
    std::size_t pos = 4;
    int line = 2;
    std::string key, value;
    bool in_double = false;  // a "double-quoted" value still open
    auto commit = [&] {
        if (!key.empty()) fm.fields.emplace_back(key, yaml_scalar(value));
        key.clear();
        value.clear();
    };
    while (pos <= s.size()) {
        std::size_t eol = s.find('\n', pos);
        if (eol == std::string_view::npos) return {};  // never closed: not front matter
        std::string_view l = s.substr(pos, eol - pos);
        if (!in_double && (l == "---" || l == "...")) {
            commit();
            fm.body_offset = eol + 1;
            fm.body_start_line = line + 1;
            return fm;
        }
        bool continuation = !l.empty() && (l[0] == ' ' || l[0] == '\t');
        auto colon = l.find(':');
        if (!in_double && !continuation && colon != std::string_view::npos && colon > 0) {
            commit();
            key = text::ascii_lower(text::trim(l.substr(0, colon)));
            value = std::string(text::trim(l.substr(colon + 1)));
        } else if (!key.empty()) {
            std::string_view t = text::trim(l);
            if (!value.empty() && value.back() == '\\' && in_double) {
                value += '\n';  // escaped line break; yaml_scalar joins it
                value += t;
            } else {
                value += ' ';
                value += t;
            }
        }
        // Track an open double-quoted scalar across lines.
        if (!value.empty() && value.front() == '"') {
            std::size_t quotes = 0;
            for (std::size_t i = 1; i < value.size(); ++i)
                if (value[i] == '"' && value[i - 1] != '\\') ++quotes;
            in_double = quotes == 0;
        } else {
            in_double = false;
        }
        pos = eol + 1;
        ++line;
    }
    return {};
}

// ----------------------------------------------------------------- inlines

bool is_md_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// Finds the closing delimiter for emphasis opened at `from`.
std::size_t closing(std::string_view s, std::size_t from, std::string_view delim) {
    for (std::size_t i = from; i + delim.size() <= s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s.substr(i, delim.size()) == delim && i > from && !text::is_ascii_space(s[i - 1])) {
            // '_' does not close inside a word.
            if (delim[0] == '_' && i + delim.size() < s.size() && std::isalnum(static_cast<unsigned char>(s[i + delim.size()])))
                continue;
            return i;
        }
    }
    return std::string_view::npos;
}

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && is_md_punct(s[i + 1])) {
            out += s[++i];
            continue;
        }
        out += s[i];
    }
    return out;
}

// Remembers the last answer of a forward search, so a scan that asks "where
// is the next X after position p?" at every p costs one pass, not one pass
// per character. Without it, lines full of '[', '<', '*' or '_' that never
// close made parse_inlines quadratic: a 900 KB line took minutes
// (hardening, issue 7). An answer found from `asked` holds for any start in
// [asked, found).
class NextFinder {
public:
    NextFinder(std::string_view s, std::string_view needle) : s_(s), needle_(needle) {}
    std::size_t operator()(std::size_t from) {
        if (asked_ == npos || from < asked_ || (found_ != npos && from > found_)) {
            asked_ = from;
            found_ = s_.find(needle_, from);
        }
        return found_;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;
    std::string_view s_, needle_;
    std::size_t asked_ = npos, found_ = npos;
};

// closing() with the same memory, one per delimiter. The scan from an
// opener starts right after a delimiter character (never after a
// backslash), so a later scan from inside [asked, found) sees the same
// escapes and finds the same closer.
class ClosingFinder {
public:
    ClosingFinder(std::string_view s, std::string_view delim) : s_(s), delim_(delim) {}
    std::size_t operator()(std::size_t from) {
        if (asked_ == npos || from < asked_ || (found_ != npos && from >= found_)) {
            asked_ = from;
            found_ = closing(s_, from, delim_);
        }
        return found_;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;
    std::string_view s_, delim_;
    std::size_t asked_ = npos, found_ = npos;
};

const Regex& html_tag() {
    static const Regex re("<\\/?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?\\/?>|<!--.*?-->");
    return re;
}

// Markdown inline syntax to spans.
model::Inlines parse_inlines(std::string_view s) {
    model::Inlines out;
    auto emit = [&](Span::Kind k, std::string t, std::string href = {}) {
        if (t.empty()) return;
        if (!out.empty() && out.back().kind == k && k == Span::Kind::text) out.back().text += t;
        else out.push_back(Span{k, std::move(t), std::move(href)});
    };
    std::string plain;
    auto flush_plain = [&] {
        emit(Span::Kind::text, plain);
        plain.clear();
    };
    NextFinder next_link_close(s, "]("), next_paren(s, ")"), next_bracket(s, "["), next_gt(s, ">");
    const bool valid_utf8 = utf8::is_valid(s);  // checked once for html_tag().match_at below
    ClosingFinder closers[] = {{s, "*"}, {s, "**"}, {s, "_"}, {s, "__"}};
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_md_punct(s[i + 1])) {
            plain += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
            // An image: its alt text is not release text.
            auto close = next_link_close(i + 2);
            auto end = close == std::string_view::npos ? close : next_paren(close + 2);
            if (end != std::string_view::npos) {
                i = end + 1;
                continue;
            }
        }
        if (c == '[') {
            auto close = next_link_close(i + 1);
            auto end = close == std::string_view::npos ? close : next_paren(close + 2);
            if (end != std::string_view::npos && next_bracket(i + 1) >= close) {
                std::string label = unescape(s.substr(i + 1, close - i - 1));
                std::string target(text::trim(s.substr(close + 2, end - close - 2)));
                if (auto sp = target.find(' '); sp != std::string::npos) target.resize(sp);  // drop a "title"
                if (!target.empty() && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
                flush_plain();
                std::string lower = text::ascii_lower(target);
                bool absolute = text::starts_with(lower, "http://") || text::starts_with(lower, "https://") ||
                                (text::starts_with(lower, "mailto:") && target.find('@') != std::string::npos);
                // Strip emphasis markers inside the label.
                std::string clean;
                for (char x : label)
                    if (x != '*') clean += x;
                emit(absolute ? Span::Kind::link : Span::Kind::text, clean, absolute ? target : std::string());
                i = end + 1;
                continue;
            }
        }
        if (c == '<') {
            auto close = next_gt(i);
            if (close != std::string_view::npos) {
                std::string_view inner = s.substr(i + 1, close - i - 1);
                std::string lower = text::ascii_lower(inner.substr(0, 8));  // enough for the prefixes below
                if ((text::starts_with(lower, "http://") || text::starts_with(lower, "https://")) &&
                    inner.find(' ') == std::string_view::npos) {
                    flush_plain();
                    emit(Span::Kind::link, std::string(inner), std::string(inner));
                    i = close + 1;
                    continue;
                }
                // Anchored at i: a search ran on to the end of the line from every '<'.
                if (auto m = html_tag().match_at(s, i, valid_utf8)) {
                    i = m->end();  // inline HTML: markup, not text
                    continue;
                }
            }
        }
        if (c == '*' || c == '_') {
            bool dbl = i + 1 < s.size() && s[i + 1] == c;
            std::string delim(dbl ? 2 : 1, c);
            std::size_t start = i + delim.size();
            bool left_flanking = start < s.size() && !text::is_ascii_space(s[start]);
            bool intraword = c == '_' && i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]));
            if (left_flanking && !intraword) {
                std::size_t end = closers[(c == '_' ? 2 : 0) + (dbl ? 1 : 0)](start);
                if (end != std::string_view::npos) {
                    flush_plain();
                    // Nested markup inside emphasis is flattened to its text.
                    std::string inner = model::plain_text(parse_inlines(s.substr(start, end - start)));
                    emit(dbl ? Span::Kind::strong : Span::Kind::emphasis, inner);
                    i = end + delim.size();
                    continue;
                }
            }
            // An unmatched marker ("** " residue): not text either.
            if (dbl || (i + 1 < s.size() && text::is_ascii_space(s[i + 1]))) {
                i += delim.size();
                continue;
            }
        }
        if (c == '`') {
            auto close = s.find('`', i + 1);
            if (close != std::string_view::npos) {
                plain.append(s.substr(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }
        }
        plain += c;
        ++i;
    }
    flush_plain();
    model::normalize_space(out);
    return out;
}

bool is_rich(const model::Inlines& in) {
    return std::any_of(in.begin(), in.end(), [](const Span& s) { return s.kind != Span::Kind::text; });
}

const Regex& atx_heading() {
    static const Regex re("^(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    return re;
}

}  // namespace

namespace {

const Regex& list_marker() {
    static const Regex re("^( {0,12})([-*+]|\\d{1,3}[.)])( +|$)");
    return re;
}

struct Block {
    LineKind kind = LineKind::text;
    int level = 0;
    bool ordered = false;
    int number = 0;
    int indent = 0;       // list items: the column of the item's text
    std::string text;     // raw markdown, lines joined with '\n'
};

}  // namespace

Source read_markdown(std::string_view s) {
    FrontMatter fm = front_matter(s);
    Source src;
    src.format = "markdown";
    for (const auto& [key, value] : fm.fields) {
        if (value.empty()) continue;
        if (key == "title") src.given.title = model::plain_text(parse_inlines(value));
        else if (key == "subtitle") src.given.subtitle = value;
        else if (key == "date" || (key == "published_time" && src.given.date.empty()))
            if (auto d = find_date(value)) src.given.date = d->iso;
        if (key == "agency" || key == "publisher") src.given.agency = value;
        if (key == "source_url" || key == "url" || key == "link") src.detect_hints.push_back(value);
        if (key == "lang" || key == "language") src.given.language = value;
    }

    // Markdown's blocks: paragraphs run to a blank line (a hard break with
    // two trailing spaces stays inside its paragraph), list items take their
    // indented continuation lines, quotes their ">" lines.
    std::vector<Block> blocks;
    bool open = false;
    bool in_html = false;
    bool in_code = false;
    std::vector<int> item_cols;  // text columns of the open list items, outermost first
    int number = fm.body_start_line - 1;
    std::string_view body = s.substr(fm.body_offset);
    auto close = [&] { open = false; };
    for (std::string_view raw_line : text::split(body, '\n')) {
        ++number;
        std::string raw(raw_line);
        std::string trimmed(text::trim(raw));
        if (trimmed.empty()) {
            close();
            in_html = false;
            continue;
        }
        std::size_t indent = raw.find_first_not_of(" \t");
        // Fenced code: counted (the release decision weighs it), its lines kept as text.
        if (text::starts_with(trimmed, "```") || text::starts_with(trimmed, "~~~")) {
            in_code = !in_code;
            if (in_code) ++src.code_blocks;
            close();
            continue;
        }
        // Raw HTML blocks (figures, images, comments): markup, not text.
        if ((trimmed[0] == '<' && indent < 4 && !open) || in_html) {
            std::string stripped = html_tag().replace_all(trimmed, "");
            if (in_html || text::trim(stripped).empty() || text::starts_with(trimmed, "<figure") || text::starts_with(trimmed, "<img")) {
                // Cut at a character, not a byte (fuzz_ingest: a cut inside one made the audit invalid UTF-8).
                src.removed.push_back({trimmed.size() > 120 ? std::string(utf8::prefix(trimmed, 117)) + "..." : trimmed,
                                       "markdown-html", number});
                in_html = trimmed.find('>') == std::string::npos;
                close();
                continue;
            }
        }
        // Setext underline: the open paragraph is a heading.
        if (open && blocks.back().kind == LineKind::text && trimmed.size() >= 3 &&
            trimmed.find_first_not_of('=') == std::string::npos) {
            blocks.back().kind = LineKind::heading;
            blocks.back().level = 1;
            close();
            continue;
        }
        if (auto h = atx_heading().search(trimmed); h && indent < 4) {
            close();
            item_cols.clear();
            blocks.push_back({LineKind::heading, std::max(1, static_cast<int>(h->group(trimmed, 1).size()) - 1), false, number, 0,
                              std::string(h->group(trimmed, 2))});
            continue;
        }
        if (trimmed[0] == '>') {
            std::string q(text::trim(std::string_view(trimmed).substr(1)));
            if (open && blocks.back().kind == LineKind::quote) blocks.back().text += "\n" + q;
            else blocks.push_back({LineKind::quote, 0, false, number, 0, q});
            open = true;
            continue;
        }
        if (auto m = list_marker().search(raw)) {
            std::string marker(m->group(raw, 2));
            std::string rest(text::trim(std::string_view(raw).substr(m->end())));
            // "-" alone or "- 30 -" is a rule or an end mark, not an item.
            bool rule_like = rest.empty() || (marker == "-" && text::ends_with(rest, "-"));
            if (!rule_like) {
                // Nesting from the columns of the open items' text: an item whose
                // marker starts at or after its predecessor's text is its child.
                // The stack survives blank lines and pandoc's "<!-- -->" list
                // separators, which end one list but not the nesting.
                int marker_col = static_cast<int>(m->group(raw, 1).size());
                while (!item_cols.empty() && marker_col < item_cols.back()) item_cols.pop_back();
                int depth = static_cast<int>(item_cols.size());
                item_cols.push_back(static_cast<int>(m->end()));
                blocks.push_back({LineKind::item, std::min(depth, 4), std::isdigit(static_cast<unsigned char>(marker[0])) != 0,
                                  number, static_cast<int>(m->end()), rest});
                open = true;
                continue;
            }
        }
        if (open) {
            blocks.back().text += "\n" + trimmed;
            continue;
        }
        if (indent == 0) item_cols.clear();  // a paragraph at the margin ends the list
        blocks.push_back({LineKind::text, 0, false, number, static_cast<int>(indent), trimmed});
        open = true;
    }

    for (auto& b : blocks) {
        Line l;
        l.number = b.number;
        l.kind = b.kind;
        l.level = b.level;
        l.ordered = b.ordered;
        l.block_start = true;
        model::Inlines in = parse_inlines(b.text);
        l.text = model::plain_text(in);
        if (l.text.empty()) continue;
        if (is_rich(in)) l.inlines = std::move(in);
        src.lines.push_back(std::move(l));
    }
    return src;
}

bool has_markdown_syntax(std::string_view s) {
    if (text::starts_with(s, "---\n") || text::starts_with(s, "---\r\n")) return true;
    static const Regex syntax("\\*\\*\\S|\\]\\(|\\\\[#*_\\[\\]`]|(?m)^#{1,6} \\S|(?m)^> \\S|(?m)^```");
    return syntax.found_in(s.substr(0, 1 << 20));
}

}  // namespace pressroom::ingest

// Markdown exports (pandoc and scraper output) with optional YAML front
// matter. Front matter fields become metadata; the body is read line by line
// like plain text, then markdown's own structure is applied: ATX and setext
// headings, block quotes, emphasis, links, backslash escapes ("\###"), and
// raw HTML blocks (figures, comments) dropped into the audit.
#include "ingest/markdown_reader.hpp"

#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/dates.hpp"
#include "ingest/text_reader.hpp"

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
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_md_punct(s[i + 1])) {
            plain += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
            // An image: its alt text is not release text.
            auto close = s.find("](", i + 2);
            auto end = close == std::string_view::npos ? close : s.find(')', close + 2);
            if (end != std::string_view::npos) {
                i = end + 1;
                continue;
            }
        }
        if (c == '[') {
            auto close = s.find("](", i + 1);
            auto end = close == std::string_view::npos ? close : s.find(')', close + 2);
            if (end != std::string_view::npos && s.substr(i + 1, close - i - 1).find('[') == std::string_view::npos) {
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
            auto close = s.find('>', i);
            if (close != std::string_view::npos) {
                std::string_view inner = s.substr(i + 1, close - i - 1);
                std::string lower = text::ascii_lower(inner);
                if ((text::starts_with(lower, "http://") || text::starts_with(lower, "https://")) &&
                    inner.find(' ') == std::string_view::npos) {
                    flush_plain();
                    emit(Span::Kind::link, std::string(inner), std::string(inner));
                    i = close + 1;
                    continue;
                }
                if (auto m = html_tag().search(s, i); m && m->begin() == i) {
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
                std::size_t end = closing(s, start, delim);
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

Source read_markdown(std::string_view s) {
    FrontMatter fm = front_matter(s);
    Source src = read_text(s.substr(fm.body_offset));
    src.format = "markdown";
    for (auto& l : src.lines) l.number += fm.body_start_line - 1;

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

    std::vector<Line> out;
    bool in_html_block = false;
    for (std::size_t i = 0; i < src.lines.size(); ++i) {
        Line l = std::move(src.lines[i]);
        if (l.kind == LineKind::blank) {
            in_html_block = false;
            out.push_back(std::move(l));
            continue;
        }
        // Raw HTML blocks (figures, images, comments): markup, not text.
        std::string stripped = html_tag().replace_all(l.text, "");
        bool starts_tag = l.text[0] == '<' && l.indent < 4;
        if (starts_tag || in_html_block) {
            if (text::trim(stripped).empty() || in_html_block || l.text.rfind("<figure", 0) == 0 || l.text.rfind("<img", 0) == 0) {
                src.removed.push_back({l.text.size() > 120 ? l.text.substr(0, 117) + "..." : l.text, "markdown-html", l.number});
                // An unclosed tag ("<img" with its attributes on later lines) runs on.
                in_html_block = l.text.find('>') == std::string::npos || (in_html_block && l.text.find('>') == std::string::npos);
                continue;
            }
        }
        // Setext heading: a line underlined with === or ---.
        if (i + 1 < src.lines.size() && l.kind == LineKind::text) {
            const std::string& next = src.lines[i + 1].text;
            bool underline = next.size() >= 3 && next.find_first_not_of('=') == std::string::npos;
            if (underline) {
                l.kind = LineKind::heading;
                l.level = 1;
                l.block_start = true;
                src.lines[i + 1].kind = LineKind::blank;
                src.lines[i + 1].text.clear();
            }
        }
        if (auto m = atx_heading().search(l.text); m && l.kind == LineKind::text) {
            l.kind = LineKind::heading;
            l.level = std::max(1, static_cast<int>(m->group(l.text, 1).size()) - 1);
            l.block_start = true;
            l.text = std::string(m->group(l.text, 2));
        } else if (l.text[0] == '>' && l.kind == LineKind::text) {
            l.kind = LineKind::quote;
            l.text = std::string(text::trim(std::string_view(l.text).substr(1)));
        }
        model::Inlines in = parse_inlines(l.text);
        l.text = model::plain_text(in);
        if (is_rich(in)) l.inlines = std::move(in);
        if (l.text.empty()) {
            l.kind = LineKind::blank;
            // An emptied line (only markup) must not merge its neighbours.
        }
        out.push_back(std::move(l));
    }
    src.lines = std::move(out);
    return src;
}

}  // namespace pressroom::ingest

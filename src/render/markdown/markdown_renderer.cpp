#include "render/markdown/markdown_renderer.hpp"

#include "base/deadline.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/check.hpp"
#include "render/epub/links.hpp"
#include "render/release_facts.hpp"

#include <algorithm>
#include <cctype>

namespace pressroom::render {

namespace {

bool blank(const std::string& s) { return text::trim(s).empty(); }

// ------------------------------------------------------------ front matter

// A YAML double-quoted scalar: the one style in which every string is
// written the same way, whatever it starts with (a colon, a quote, "yes").
std::string yaml_string(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t c = utf8::next(s, i);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == 0x2028) out += "\\L";  // line and paragraph separators are line breaks to YAML
        else if (c == 0x2029) out += "\\P";
        else if (c < 0x20 || c == 0x7F) out += " ";  // the model has none; never a raw control
        else out.append(s.substr(start, i - start));
    }
    return out + "\"";
}

void yaml_field(std::string& out, const char* key, const std::string& value) {
    if (blank(value)) return;
    out += std::string(key) + ": " + yaml_string(value) + "\n";
}

// -------------------------------------------------------------- CommonMark

bool ascii_punct(char32_t c) { return c < 0x80 && std::ispunct(static_cast<int>(c)); }
bool punct(char32_t c) { return ascii_punct(c) || utf8::is_punctuation(c); }

// Inline text with every character CommonMark (or the GFM extensions Hugo's
// and Jekyll's engines turn on: ~~strikethrough~~, tables) could read as
// markup backslash-escaped. Escaping more than needed is harmless: a
// backslash before any ASCII punctuation is that character.
void append_text(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '&':
        case '~':
        case '|':
        case '#':
        case '!':
            out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
}

// What a line may not start with unescaped: a list marker ("-", "+",
// "1." or "1)"), a setext underline ("="), or (escaped already) a heading,
// quote or thematic break.
std::string protect_line_start(std::string line) {
    if (line.empty()) return line;
    if (line[0] == '-' || line[0] == '+' || line[0] == '=') return "\\" + line;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 10 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) line.insert(digits, "\\");
    return line;
}

// The last code point of `s` (0 for none) and the first.
char32_t last_char(const std::string& s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return utf8::next(s, i);
}
char32_t first_char(std::string_view s) {
    std::size_t i = 0;
    return s.empty() ? 0 : utf8::next(s, i);
}

// Inline content as one line of CommonMark.
std::string inline_line(const model::Inlines& content) {
    using K = model::Span::Kind;
    // Each span's markdown first: an emphasis needs to see its neighbours.
    struct Piece {
        K kind;
        std::string lead, body, trail;  // spaces moved out of the delimiters, and the escaped text
        std::string href;               // links: the destination, or "" when it cannot be one
    };
    std::vector<Piece> pieces;
    for (const auto& span : content) {
        if (span.text.empty()) continue;
        Piece p{span.kind, {}, {}, {}, {}};
        std::string_view t = span.text;
        const std::size_t b = t.find_first_not_of(' ');
        if (b == std::string_view::npos) {
            p.kind = K::text;
            p.lead = " ";
            pieces.push_back(std::move(p));
            continue;
        }
        const std::size_t e = t.find_last_not_of(' ');
        p.lead = std::string(b > 0 ? 1 : 0, ' ');
        p.trail = std::string(e + 1 < t.size() ? 1 : 0, ' ');
        append_text(p.body, t.substr(b, e + 1 - b));
        if (span.kind == K::link) {
            if (auto href = epub::safe_href(span.href)) p.href = *href;
            else p.kind = K::text;  // a link that cannot be one keeps its text
        }
        pieces.push_back(std::move(p));
    }
    std::string out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        out += p.lead;
        if (p.kind == K::text) {
            out += p.body;
        } else if (p.kind == K::link) {
            out += "[" + p.body + "](<" + p.href + ">)";
        } else {
            // CommonMark's flanking rules: "*x*" opens only if the character
            // after "*" is not punctuation or the one before is white space or
            // punctuation, and closes likewise. Where they would fail, the
            // text is kept without its emphasis rather than with stray stars.
            const std::string delim = p.kind == K::strong ? "**" : "*";
            const char32_t before = last_char(out), first = first_char(p.body), last = last_char(p.body);
            // What will follow the closing delimiter: a space, the next
            // piece's text, '[' of a link, or (taken as the worst case) the
            // '*' of another emphasis.
            char32_t after = 0;
            if (!p.trail.empty()) {
                after = ' ';
            } else if (i + 1 < pieces.size()) {
                const Piece& next = pieces[i + 1];
                if (!next.lead.empty()) after = ' ';
                else if (next.kind == K::text) after = first_char(next.body);
                else if (next.kind == K::link) after = '[';
                else after = '*';
            }
            const bool open_ok =
                before != '*' && (!punct(first) || before == 0 || utf8::is_space(before) || punct(before));
            const bool close_ok = after != '*' && (!punct(last) || after == 0 || utf8::is_space(after) || punct(after));
            if (open_ok && close_ok) out += delim + p.body + delim;
            else out += p.body;
        }
        out += p.trail;
    }
    // The model has single spaces; moved-out spaces may double up at span edges.
    std::string collapsed = text::collapse_space(out);
    return protect_line_start(std::move(collapsed));
}

class MarkdownWriter {
public:
    explicit MarkdownWriter(const model::Document& doc) : doc_(doc), facts_(release_facts(doc)) {}

    std::string build() {
        front_matter();
        for (const auto& block : doc_.body) {
            deadline::check_every(64);  // the time budget (hardening, issue 7)
            std::visit([&](const auto& b) { this->block(b); }, block);
        }
        contacts();
        return std::move(out_);
    }

private:
    void front_matter() {
        const auto& m = doc_.meta;
        out_ = "---\n";
        out_ += "title: " + yaml_string(facts_.title) + "\n";
        yaml_field(out_, "subtitle", m.subtitle);
        // Unquoted: a YAML date, which Hugo and Jekyll sort pages by.
        if (model::is_iso_date(m.date)) out_ += "date: " + m.date + "\n";
        yaml_field(out_, "agency", m.agency);
        yaml_field(out_, "office", m.office);
        yaml_field(out_, "kind", m.kind);
        yaml_field(out_, "release_number", m.release_number);
        yaml_field(out_, "dateline", m.dateline);
        yaml_field(out_, "description", facts_.description);
        out_ += "lang: " + yaml_string(facts_.language) + "\n";
        bool any_contact = false;
        for (const auto& c : m.contacts) {
            std::vector<std::string> lines;
            for (const auto& l : c.lines)
                if (!blank(l)) lines.push_back(yaml_string(l));
            if (lines.empty()) continue;
            if (!any_contact) out_ += "contacts:\n";
            any_contact = true;
            out_ += "  - [" + text::join(lines, ", ") + "]\n";
        }
        out_ += "source:\n";
        out_ += "  name: " + yaml_string(m.source.name) + "\n";
        out_ += "  sha256: " + yaml_string(m.source.sha256) + "\n";
        out_ += "---\n";
    }

    void paragraph_break() { out_ += "\n"; }

    void block(const model::Paragraph& p) {
        const std::string line = inline_line(p.content);
        if (line.empty()) return;
        paragraph_break();
        out_ += line + "\n";
        last_list_ = Last::none;
    }

    void block(const model::Heading& h) {
        const std::string line = inline_line(h.content);
        if (line.empty()) return;
        paragraph_break();
        // The title is the page's h1 (the theme prints it): sections are ##,
        // and a level goes deeper by one step at most, as in the HTML.
        heading_level_ = std::min(std::clamp(h.level, 1, 3), heading_level_ + 1);
        out_ += std::string(static_cast<std::size_t>(heading_level_ + 1), '#') + " " + line + "\n";
        last_list_ = Last::none;
    }

    void block(const model::Quote& q) {
        const std::string line = inline_line(q.content);
        if (line.empty()) return;
        paragraph_break();
        out_ += "> " + line + "\n";
        last_list_ = Last::none;
    }

    // Nested by indentation: an item's children are indented to where its
    // text starts. Two lists in a row would be one list in CommonMark; the
    // second gets the other bullet ('*', or ')' after numbers), which starts
    // a new one.
    void block(const model::List& list) {
        const Last kind = list.ordered ? Last::ordered : Last::bullet;
        const bool other = last_list_ == kind && !alternate_;
        alternate_ = other;
        last_list_ = kind;
        struct Level {
            std::size_t indent;  // columns of the item's text
            int number;
        };
        std::vector<Level> levels;
        bool started = false;
        for (const auto& item : list.items) {
            const std::string line = inline_line(item.content);
            if (line.empty()) continue;
            if (!started) paragraph_break();
            started = true;
            const int depth = std::clamp(item.depth, 0, static_cast<int>(levels.size()));
            levels.resize(static_cast<std::size_t>(depth) + 1, Level{0, 0});
            const std::size_t indent = depth == 0 ? 0 : levels[static_cast<std::size_t>(depth) - 1].indent;
            Level& level = levels[static_cast<std::size_t>(depth)];
            std::string marker;
            if (list.ordered) marker = std::to_string(++level.number) + (other ? ")" : ".");
            else marker = other ? "*" : "-";
            level.indent = indent + marker.size() + 1;
            out_ += std::string(indent, ' ') + marker + " " + line + "\n";
        }
        if (!started) last_list_ = Last::none;
    }

    // Each contact block a paragraph, its lines joined by hard line breaks.
    void contacts() {
        bool first = true;
        for (const auto& c : doc_.meta.contacts) {
            std::vector<std::string> lines;
            for (const auto& l : c.lines)
                if (!blank(l)) lines.push_back(inline_line(model::text_inlines(l)));
            if (lines.empty()) continue;
            if (first) out_ += "\n* * *\n";
            first = false;
            if (text::ascii_lower(lines.front()).find("contact") == std::string::npos)
                lines.insert(lines.begin(), "**Contact**");
            paragraph_break();
            out_ += text::join(lines, "\\\n") + "\n";
        }
    }

    enum class Last { none, bullet, ordered };
    const model::Document& doc_;
    const ReleaseFacts facts_;
    std::string out_;
    Last last_list_ = Last::none;
    bool alternate_ = false;
    int heading_level_ = 0;
};

}  // namespace

std::string render_markdown(const model::Document& doc, const Options&, Diagnostics&) {
    return MarkdownWriter(doc).build();
}

}  // namespace pressroom::render

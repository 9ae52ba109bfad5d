#include "render/text/text_renderer.hpp"

#include "base/deadline.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/format.hpp"

#include <algorithm>

namespace pressroom::render {

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_w = 0;
    for (std::string_view word : text::split(s, ' ')) {
        if (word.empty()) continue;
        std::size_t w = utf8::display_width(word);
        if (!line.empty() && line_w + 1 + w > width) {
            lines.push_back(std::move(line));
            line.clear();
            line_w = 0;
        }
        if (!line.empty()) {
            line += ' ';
            ++line_w;
        }
        line += word;
        line_w += w;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

namespace {

// Inline content as plain text: a link shows its address after its text
// unless the text already is the address.
std::string flatten(const model::Inlines& content) {
    std::string out;
    for (const auto& span : content) {
        out += span.text;
        if (std::string address = model::shown_address(span); !address.empty()) out += " <" + address + ">";
    }
    return out;
}

class TextWriter {
public:
    explicit TextWriter(std::size_t width) : width_(std::max<std::size_t>(width, 8)) {}

    void blank() {
        if (!out_.empty() && !text::ends_with(out_, "\n\n")) out_ += '\n';
    }

    void line(std::string_view s) {
        out_.append(s);
        out_ += '\n';
    }

    // Wrapped text; the first line starts with `first`, later lines with
    // `rest` (a hanging indent when rest is spaces as wide as first).
    void wrapped(const std::string& s, const std::string& first = {}, const std::string& rest = {}) {
        std::size_t indent = std::max(utf8::display_width(first), utf8::display_width(rest));
        std::size_t avail = width_ > indent + 8 ? width_ - indent : 8;
        auto lines = wrap(s, avail);
        for (std::size_t i = 0; i < lines.size(); ++i) line((i == 0 ? first : rest) + lines[i]);
    }

    void underline(const std::string& s, char ch) {
        std::size_t w = 0;
        for (const auto& l : wrap(s, width_)) {
            line(l);
            w = std::max(w, utf8::display_width(l));
        }
        line(std::string(w, ch));
    }

    std::string finish() {
        while (text::ends_with(out_, "\n\n")) out_.pop_back();
        if (out_.empty() || out_.back() != '\n') out_ += '\n';
        return std::move(out_);
    }

private:
    std::size_t width_;
    std::string out_;
};

std::string bullet(int depth) {
    static const char* bullets[] = {"\u2022", "\u25e6", "\u25aa"};
    return bullets[std::min(depth, 2)];
}

}  // namespace

std::string render_text(const model::Document& doc, const Options& options, Diagnostics&) {
    const auto& m = doc.meta;
    TextWriter w(static_cast<std::size_t>(options.width > 0 ? options.width : 72));

    // Title block.
    if (!m.agency.empty()) w.wrapped(m.agency);
    if (!m.office.empty()) w.wrapped(m.office);
    std::string when = m.dateline;
    if (!m.date.empty()) when += (when.empty() ? "" : ", ") + model::long_date(m.date);
    std::string release;
    for (const std::string& part : {m.kind, m.release_number.empty() ? std::string() : "No. " + m.release_number, when})
        if (!part.empty()) release += (release.empty() ? "" : " \u00b7 ") + part;
    if (!release.empty()) w.wrapped(release);
    if (!m.title.empty()) {
        w.blank();
        w.underline(m.title, '=');
    }
    if (!m.subtitle.empty()) {
        w.blank();
        w.wrapped(m.subtitle);
    }

    for (const auto& block : doc.body) {
        deadline::check_every(64);  // the time budget (hardening, issue 7)
        w.blank();
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, model::Paragraph>) {
                    w.wrapped(flatten(b.content));
                } else if constexpr (std::is_same_v<T, model::Heading>) {
                    if (b.level == 1) w.underline(flatten(b.content), '-');
                    else w.wrapped(flatten(b.content));
                } else if constexpr (std::is_same_v<T, model::Quote>) {
                    w.wrapped(flatten(b.content), "    ", "    ");
                } else {
                    std::vector<int> counters(9, 0);
                    for (const auto& item : b.items) {
                        int depth = std::clamp(item.depth, 0, 8);
                        ++counters[static_cast<std::size_t>(depth)];
                        std::fill(counters.begin() + depth + 1, counters.end(), 0);
                        std::string indent(static_cast<std::size_t>(depth) * 4, ' ');
                        std::string marker = b.ordered ? std::to_string(counters[static_cast<std::size_t>(depth)]) + "."
                                                       : bullet(depth);
                        std::string first = indent + marker + " ";
                        w.wrapped(flatten(item.content), first, std::string(utf8::display_width(first), ' '));
                    }
                }
            },
            block);
    }

    for (const auto& c : m.contacts) {
        w.blank();
        // Contact blocks usually carry their own label ("Media contact: ...").
        bool labelled = !c.lines.empty() && text::ascii_lower(c.lines.front()).find("contact") != std::string::npos;
        if (!labelled) w.line("Contact:");
        for (const auto& l : c.lines) w.wrapped(l, labelled ? "" : "  ", labelled ? "  " : "  ");
    }
    return w.finish();
}

}  // namespace pressroom::render

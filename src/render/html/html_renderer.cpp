#include "render/html/html_renderer.hpp"

#include "base/deadline.hpp"
#include "base/text.hpp"
#include "model/check.hpp"
#include "model/format.hpp"
#include "render/epub/links.hpp"
#include "render/html/html_writer.hpp"
#include "render/html/stylesheet.hpp"
#include "render/release_facts.hpp"

#include <algorithm>

namespace pressroom::render {

namespace {

using html::append_escaped;
using html::escape;
using html::escape_attr;

bool blank(const std::string& s) { return text::trim(s).empty(); }

bool has_text(const model::Inlines& content) { return !text::collapse_space(model::plain_text(content)).empty(); }

class Page {
public:
    Page(const model::Document& doc, const Options& options)
        : doc_(doc), options_(options), facts_(release_facts(doc)) {}

    std::string build() {
        out_.reserve(8192);
        out_ += "<!DOCTYPE html>\n<html lang=\"" + escape_attr(facts_.language) + "\">\n";
        head();
        out_ += "<body>\n<main>\n<article";
        // The article is named by its headline, for assistive technology.
        if (facts_.title_given) out_ += " aria-labelledby=\"title\"";
        out_ += ">\n";
        header();
        for (const auto& block : doc_.body) {
            deadline::check_every(64);  // the time budget (hardening, issue 7)
            std::visit([&](const auto& b) { this->block(b); }, block);
        }
        contacts();
        out_ += "</article>\n</main>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    void meta_tag(const char* attr, const char* key, const std::string& value) {
        if (blank(value)) return;
        out_ += std::string("<meta ") + attr + "=\"" + key + "\" content=\"" + escape_attr(value) + "\">\n";
    }

    void head() {
        const auto& m = doc_.meta;
        out_ += "<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ +=
            "<title>" + escape(facts_.title) + (blank(m.agency) ? "" : " \u2014 " + escape(m.agency)) + "</title>\n";
        meta_tag("name", "description", facts_.description);
        meta_tag("name", "generator", "pressroom");
        // Open Graph: what a link to the page shows when it is shared.
        meta_tag("property", "og:type", "article");
        meta_tag("property", "og:title", facts_.title);
        meta_tag("property", "og:description", facts_.description);
        meta_tag("property", "og:site_name", m.agency);
        if (model::is_iso_date(m.date)) meta_tag("property", "article:published_time", m.date);
        out_ += "<script type=\"application/ld+json\">" + html::script_json(json_ld()) + "</script>\n";
        out_ += "<style>\n";
        out_ += html::page_stylesheet();
        out_ += "</style>\n";
        if (!options_.css_text.empty()) {
            // Embedded as given; the command line refused a file that could
            // end the element ("</style").
            out_ +=
                "<style>\n" + options_.css_text + (text::ends_with(options_.css_text, "\n") ? "" : "\n") + "</style>\n";
        } else if (!options_.css_href.empty()) {
            out_ += "<link rel=\"stylesheet\" href=\"" + escape_attr(options_.css_href) + "\">\n";
        }
        out_ += "</head>\n";
    }

    // schema.org's NewsArticle, as search engines read it from the page.
    nlohmann::ordered_json json_ld() const {
        const auto& m = doc_.meta;
        nlohmann::ordered_json j;
        j["@context"] = "https://schema.org";
        j["@type"] = "NewsArticle";
        j["headline"] = facts_.title;
        if (!facts_.description.empty()) j["description"] = facts_.description;
        if (model::is_iso_date(m.date)) j["datePublished"] = m.date;
        j["inLanguage"] = facts_.language;
        if (!blank(m.release_number)) j["identifier"] = m.release_number;
        if (!blank(m.dateline)) j["dateline"] = m.dateline;
        if (!blank(m.kind)) j["genre"] = m.kind;
        if (!blank(m.agency)) {
            const nlohmann::ordered_json org = {{"@type", "Organization"}, {"name", m.agency}};
            j["publisher"] = org;
            j["author"] = org;
        }
        return j;
    }

    void line(const char* cls, const std::string& value) {
        if (blank(value)) return;
        out_ += std::string("<p class=\"") + cls + "\">";
        linked_text(value);
        out_ += "</p>\n";
    }

    void header() {
        const auto& m = doc_.meta;
        out_ += "<header class=\"release-header\">\n";
        line("agency", m.agency);
        line("office", m.office);
        release_line();
        // A page always has its h1: the headline, or the fallback title.
        out_ += facts_.title_given ? "<h1 id=\"title\">" : "<h1>";
        if (facts_.title_given) linked_text(m.title);
        else append_escaped(out_, facts_.title);
        out_ += "</h1>\n";
        line("subtitle", m.subtitle);
        out_ += "</header>\n";
    }

    // "News Release · No. 105-13 · WASHINGTON, February 22, 2013", as the
    // text and EPUB renderers print it, the date in a <time>.
    void release_line() {
        const auto& m = doc_.meta;
        std::vector<std::string> parts;
        if (!blank(m.kind)) parts.push_back("<span class=\"kind\">" + escape(m.kind) + "</span>");
        if (!blank(m.release_number))
            parts.push_back("<span class=\"number\">No. " + escape(m.release_number) + "</span>");
        std::string when;
        if (!blank(m.dateline)) when = "<span class=\"dateline\">" + escape(m.dateline) + "</span>";
        if (!blank(m.date)) {
            if (!when.empty()) when += ", ";
            if (model::is_iso_date(m.date))
                when +=
                    "<time datetime=\"" + escape_attr(m.date) + "\">" + escape(model::long_date(m.date)) + "</time>";
            else when += escape(m.date);
        }
        if (!when.empty()) parts.push_back(when);
        if (parts.empty()) return;
        out_ += "<p class=\"release-line\">" + text::join(parts, " \u00b7 ") + "</p>\n";
    }

    void block(const model::Paragraph& p) {
        if (!has_text(p.content)) return;
        out_ += "<p>";
        inlines(p.content);
        out_ += "</p>\n";
    }

    void block(const model::Heading& h) {
        if (!has_text(h.content)) return;
        // h1 is the title; the body's sections start at h2. A level goes
        // deeper by one step at most (h1 then h3 skips a level, which the
        // Nu checker reports and screen readers' outlines stumble over), as
        // the EPUB's table of contents nests.
        heading_level_ = std::min(std::clamp(h.level, 1, 3), heading_level_ + 1);
        const int level = heading_level_ + 1;
        out_ += "<h" + std::to_string(level) + " id=\"s" + std::to_string(++headings_) + "\">";
        inlines(h.content);
        out_ += "</h" + std::to_string(level) + ">\n";
    }

    void block(const model::Quote& q) {
        if (!has_text(q.content)) return;
        out_ += "<blockquote><p>";
        inlines(q.content);
        out_ += "</p></blockquote>\n";
    }

    // The model flattens nested lists into items with a depth; nesting is
    // rebuilt here as the EPUB renderer rebuilds it: a deeper item opens a
    // list inside the previous item, one level at a time.
    void block(const model::List& list) {
        const std::string tag = list.ordered ? "ol" : "ul";
        int open = -1;  // depth of the innermost open list; its last <li> is open too
        for (const auto& item : list.items) {
            if (!has_text(item.content)) continue;
            const int depth = std::clamp(item.depth, 0, open + 1);
            if (depth > open) {
                out_ += (open >= 0 ? "\n<" : "<") + tag + ">\n";
                open = depth;
            } else {
                out_ += "</li>\n";
                for (; open > depth; --open) out_ += "</" + tag + "></li>\n";
            }
            out_ += "<li>";
            inlines(item.content);
        }
        if (open < 0) return;
        out_ += "</li>\n";
        for (; open > 0; --open) out_ += "</" + tag + "></li>\n";
        out_ += "</" + tag + ">\n";
    }

    void contacts() {
        std::vector<std::vector<std::string>> blocks;
        for (const auto& c : doc_.meta.contacts) {
            std::vector<std::string> lines;
            for (const auto& l : c.lines)
                if (!blank(l)) lines.push_back(l);
            if (!lines.empty()) blocks.push_back(std::move(lines));
        }
        if (blocks.empty()) return;
        out_ += "<footer class=\"contacts\">\n";
        for (const auto& lines : blocks) {
            out_ += "<address>";
            // Most contact blocks carry their own label ("Media contact:");
            // the others get one, for every reader.
            if (text::ascii_lower(lines.front()).find("contact") == std::string::npos)
                out_ += "<strong>Contact</strong><br>";
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (i) out_ += "<br>";
                linked_text(lines[i]);
            }
            out_ += "</address>\n";
        }
        out_ += "</footer>\n";
    }

    // Running text with its URLs and e-mail addresses as links.
    void linked_text(const std::string& s) {
        for (const epub::TextRun& run : epub::autolink(s)) {
            if (run.href.empty()) {
                append_escaped(out_, run.text);
            } else {
                out_ += "<a href=\"" + escape_attr(run.href) + "\">";
                append_escaped(out_, run.text);
                out_ += "</a>";
            }
        }
    }

    void inlines(const model::Inlines& content) {
        using K = model::Span::Kind;
        for (const auto& span : content) {
            if (span.text.empty()) continue;
            switch (span.kind) {
            case K::text: linked_text(span.text); break;
            case K::emphasis:
                out_ += "<em>";
                linked_text(span.text);
                out_ += "</em>";
                break;
            case K::strong:
                out_ += "<strong>";
                linked_text(span.text);
                out_ += "</strong>";
                break;
            case K::link:
                // A link whose href cannot be made safe keeps its text.
                if (auto href = epub::safe_href(span.href)) {
                    // Printed pages show the address of a link whose text
                    // does not say it (the print styles' a.cite).
                    out_ += "<a href=\"" + escape_attr(*href) + "\"" +
                            (model::shown_address(span).empty() ? "" : " class=\"cite\"") + ">";
                    append_escaped(out_, span.text);
                    out_ += "</a>";
                } else {
                    linked_text(span.text);
                }
                break;
            }
        }
    }

    const model::Document& doc_;
    const Options& options_;
    const ReleaseFacts facts_;
    std::string out_;
    int headings_ = 0;
    int heading_level_ = 0;  // the model level of the last heading; 0 before the first
};

}  // namespace

std::string render_html(const model::Document& doc, const Options& options, Diagnostics&) {
    return Page(doc, options).build();
}

}  // namespace pressroom::render

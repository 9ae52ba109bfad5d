#include "render/epub/content.hpp"

#include "base/deadline.hpp"
#include "base/script.hpp"
#include "base/text.hpp"
#include "model/check.hpp"
#include "model/format.hpp"
#include "render/epub/links.hpp"
#include "render/epub/xml_tree.hpp"

#include <algorithm>

namespace pressroom::render::epub {

namespace {

class ContentBuilder {
public:
    ContentBuilder(const model::Document& doc, const Book& book, std::string_view file)
        : doc_(doc), book_(book), file_(file), tree_("html", xhtml_namespace) {
        epub_ = tree_.declare("epub", ops_namespace);
        tree_.html_doctype();
        tree_.lang(tree_.root(), book.language, true);
    }

    ContentDocument build() {
        head();
        xmlNode* body = tree_.element(tree_.root(), "body");
        title_page(body);
        text(body);
        contacts(body);
        // A model without any text (only blank blocks) still gets a page
        // that says what it is, rather than an empty body.
        if (!body->children) tree_.element(body, "h1", book_.title);
        return {tree_.serialize(false), std::move(toc_), std::move(landmarks_), features_};
    }

private:
    void head() {
        xmlNode* head = tree_.element(tree_.root(), "head");
        tree_.attr(tree_.element(head, "meta"), "charset", "utf-8");
        tree_.element(head, "title", book_.title);
        xmlNode* link = tree_.element(head, "link");
        tree_.attr(link, "rel", "stylesheet");
        tree_.attr(link, "type", "text/css");
        tree_.attr(link, "href", stylesheet_file);
    }

    // A paragraph of the title block, when the field has text.
    xmlNode* line(xmlNode* parent, const char* cls, const std::string& value) {
        if (blank(value)) return nullptr;
        xmlNode* p = tree_.element(parent, "p");
        tree_.attr(p, "class", cls);
        linked_text(p, value);
        return p;
    }

    void title_page(xmlNode* body) {
        const auto& m = doc_.meta;
        xmlNode* header = tree_.element(body, "header");
        tree_.attr(header, "id", "titlepage");
        tree_.attr(header, "class", "titlepage");
        tree_.attr(header, epub_, "type", "titlepage");
        line(header, "agency", m.agency);
        line(header, "office", m.office);
        release_line(header);
        if (!blank(m.title)) {
            xmlNode* h1 = tree_.element(header, "h1");
            tree_.attr(h1, "id", "title");
            linked_text(h1, m.title);
            features_.title = true;
        }
        if (xmlNode* sub = line(header, "subtitle", m.subtitle)) tree_.attr(sub, "role", "doc-subtitle");
        // The title is the first entry of the table of contents even when
        // the release has none (then under its fallback title). It points at
        // the start of the document, so the reader sees the whole title
        // block (agency, release line) and not only the headline.
        toc_.push_back({0, book_.title, file_});
        // An empty header would be an empty element; it always holds the
        // release line or the title in practice, but a model may have neither.
        if (!remove_if_empty(header))
            landmarks_.push_back({"titlepage", "Title page", file_ + "#titlepage"});
    }

    // "News Release · No. 105-13 · WASHINGTON, February 22, 2013", as the
    // text renderer prints it, with the date in a <time> element.
    void release_line(xmlNode* parent) {
        const auto& m = doc_.meta;
        const std::string date = blank(m.date) ? std::string() : model::long_date(m.date);
        const std::string kind = blank(m.kind) ? std::string() : m.kind;
        const std::string number = blank(m.release_number) ? std::string() : m.release_number;
        const std::string dateline = blank(m.dateline) ? std::string() : m.dateline;
        if (kind.empty() && number.empty() && dateline.empty() && date.empty()) return;
        xmlNode* p = tree_.element(parent, "p");
        tree_.attr(p, "class", "release-line");
        tree_.phrasing(p);
        bool first = true;
        auto separate = [&] {
            if (!first) tree_.text(p, " \u00b7 ");
            first = false;
        };
        if (!kind.empty()) {
            separate();
            tree_.attr(tree_.element(p, "span", kind), "class", "kind");
        }
        if (!number.empty()) {
            separate();
            tree_.attr(tree_.element(p, "span", "No. " + number), "class", "number");
        }
        if (!dateline.empty() || !date.empty()) {
            separate();
            if (!dateline.empty()) tree_.attr(tree_.element(p, "span", dateline), "class", "dateline");
            if (!dateline.empty() && !date.empty()) tree_.text(p, ", ");
            // <time> only with a machine-readable datetime (the model's
            // date is ISO; anything else stays a plain span).
            if (model::is_iso_date(m.date)) tree_.attr(tree_.element(p, "time", date), "datetime", m.date);
            else if (!date.empty()) tree_.element(p, "span", date);
        }
    }

    void text(xmlNode* body) {
        xmlNode* section = tree_.element(body, "section");
        tree_.attr(section, "id", "text");
        tree_.attr(section, epub_, "type", "bodymatter");
        if (!blank(doc_.meta.title)) tree_.attr(section, "aria-labelledby", "title");
        else tree_.attr(section, "aria-label", book_.title);
        for (const auto& block : doc_.body) {
            deadline::check_every(64);  // the time budget (hardening, issue 7)
            std::visit([&](const auto& b) { this->block(section, b); }, block);
        }
        if (!remove_if_empty(section))
            landmarks_.push_back({"bodymatter", "Text", file_ + "#text"});
    }

    static bool blank(const std::string& s) { return text::trim(s).empty(); }

    // Drops an element that ended up empty; true if it did.
    static bool remove_if_empty(xmlNode* node) {
        if (node->children) return false;
        xmlUnlinkNode(node);
        xmlFreeNode(node);
        return true;
    }

    // Blank blocks are skipped: they would make empty elements, and an
    // empty heading an empty table of contents entry.
    static bool has_text(const model::Inlines& content) {
        return !text::collapse_space(model::plain_text(content)).empty();
    }

    void block(xmlNode* parent, const model::Paragraph& p) {
        if (has_text(p.content)) inlines(tree_.element(parent, "p"), p.content);
    }

    void block(xmlNode* parent, const model::Heading& h) {
        if (!has_text(h.content)) return;
        // h1 is the release's title; the body's sections start at h2.
        // Headings nest under the title; a level may go deeper by one step
        // at a time only, so a subsection without a section is a section,
        // in the table of contents and in the markup alike (WCAG 1.3.1:
        // Ace's heading-order rule fails an h4 after an h2).
        static const char* tags[] = {"h2", "h3", "h4"};
        const int depth = std::min(std::clamp(h.level, 1, 3), toc_.back().depth + 1);
        xmlNode* node = tree_.element(parent, tags[depth - 1]);
        const std::string id = "s" + std::to_string(++headings_);
        features_.headings = headings_;
        tree_.attr(node, "id", id);
        inlines(node, h.content);
        toc_.push_back({depth, text::collapse_space(model::plain_text(h.content)), file_ + "#" + id});
    }

    void block(xmlNode* parent, const model::Quote& q) {
        if (!has_text(q.content)) return;
        features_.quotes = true;
        inlines(tree_.element(tree_.element(parent, "blockquote"), "p"), q.content);
    }

    // The model flattens nested lists into items with a depth; nesting is
    // rebuilt here: a deeper item opens a list inside the previous item.
    // Depth grows by one level at most (there is no item to hold a list two
    // levels down), and an item can never be nested before the first one.
    void block(xmlNode* parent, const model::List& list) {
        const char* tag = list.ordered ? "ol" : "ul";
        std::vector<xmlNode*> lists, items;  // open lists, and the last item of each
        for (const auto& item : list.items) {
            if (!has_text(item.content)) continue;
            if (lists.empty()) lists.push_back(tree_.element(parent, tag));
            const int current = static_cast<int>(lists.size()) - 1;
            const int depth = std::clamp(item.depth, 0, current + (items.size() == lists.size() ? 1 : 0));
            if (depth > current) lists.push_back(tree_.element(items.back(), tag));
            while (static_cast<int>(lists.size()) - 1 > depth) lists.pop_back();
            items.resize(lists.size() - 1);
            features_.lists = true;
            xmlNode* li = tree_.element(lists.back(), "li");
            items.push_back(li);
            inlines(li, item.content);
        }
    }

    void contacts(xmlNode* body) {
        const auto& contacts = doc_.meta.contacts;
        if (std::none_of(contacts.begin(), contacts.end(), [](const auto& c) { return !c.lines.empty(); })) return;
        xmlNode* section = tree_.element(body, "section");
        tree_.attr(section, "id", "contacts");
        tree_.attr(section, "class", "contacts");
        tree_.attr(section, "aria-label", "Contacts");
        for (const auto& c : contacts) {
            std::vector<std::string> lines;
            for (const auto& l : c.lines)
                if (!blank(l)) lines.push_back(l);
            if (lines.empty()) continue;
            features_.contacts = true;
            xmlNode* address = tree_.element(section, "address");
            // Most contact blocks carry their own label ("Media contact:");
            // the stylesheet labels the others.
            const bool labelled = text::ascii_lower(lines.front()).find("contact") != std::string::npos;
            tree_.attr(address, "class", labelled ? "contact" : "contact unlabelled");
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (i) tree_.element(address, "br");
                linked_text(address, lines[i]);
            }
        }
        remove_if_empty(section);
    }

    // Running text with its URLs and e-mail addresses as links.
    void linked_text(xmlNode* parent, const std::string& s) {
        tree_.phrasing(parent);  // "<a>x</a>, y" must not be indented into "x , y"
        for (const TextRun& run : autolink(s)) {
            if (run.href.empty()) {
                languaged_text(parent, run.text);
            } else {
                link(parent, run.text, run.href);
            }
        }
    }

    void link(xmlNode* parent, const std::string& text, const std::string& href) {
        xmlNode* a = tree_.element(parent, "a");
        tree_.attr(a, "href", href);
        tree_.phrasing(a);
        languaged_text(a, text);
        features_.links = true;
    }

    // Text, with each passage in another script in a span of its language
    // (WCAG 2.1, 3.1.2 Language of Parts).
    void languaged_text(xmlNode* parent, const std::string& s) {
        std::size_t at = 0;
        for (const script::Passage& p : script::passages(s, book_.language)) {
            if (p.begin > at) tree_.text(parent, s.substr(at, p.begin - at));
            xmlNode* span = tree_.element(parent, "span", s.substr(p.begin, p.end - p.begin));
            tree_.lang(span, p.lang, true);
            if (script::right_to_left(p.lang)) tree_.attr(span, "dir", "rtl");
            features_.passages = true;
            at = p.end;
        }
        if (at < s.size()) tree_.text(parent, s.substr(at));
    }

    // The spans one after the other, nothing between them: the model's
    // text is the spans' texts joined as they are.
    void inlines(xmlNode* parent, const model::Inlines& content) {
        using K = model::Span::Kind;
        tree_.phrasing(parent);
        for (const auto& span : content) {
            if (span.text.empty()) continue;
            switch (span.kind) {
            case K::text: linked_text(parent, span.text); break;
            case K::emphasis: linked_text(tree_.element(parent, "em"), span.text); break;
            case K::strong: linked_text(tree_.element(parent, "strong"), span.text); break;
            case K::link:
                // A link whose href cannot be made safe keeps its text.
                if (auto href = safe_href(span.href)) link(parent, span.text, *href);
                else linked_text(parent, span.text);
                break;
            }
        }
    }

    const model::Document& doc_;
    const Book& book_;
    const std::string file_;
    XmlTree tree_;
    xmlNs* epub_ = nullptr;
    std::vector<TocEntry> toc_;
    std::vector<Landmark> landmarks_;
    int headings_ = 0;
    Features features_;
};

}  // namespace

ContentDocument build_content(const model::Document& doc, const Book& book, std::string_view file) {
    return ContentBuilder(doc, book, file).build();
}

}  // namespace pressroom::render::epub

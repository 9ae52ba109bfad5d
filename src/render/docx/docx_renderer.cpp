#include "render/docx/docx_renderer.hpp"

#include "base/deadline.hpp"
#include "base/text.hpp"
#include "base/zip_writer.hpp"
#include "model/check.hpp"
#include "model/format.hpp"
#include "render/epub/links.hpp"
#include "render/release_facts.hpp"
#include "xml/part.hpp"

#include <algorithm>
#include <map>

namespace pressroom::render {

namespace {

using xml::Part;

constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* ns_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* ns_types = "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr const char* rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

bool blank(const std::string& s) { return text::trim(s).empty(); }
bool has_text(const model::Inlines& content) { return !text::collapse_space(model::plain_text(content)).empty(); }

// ------------------------------------------------------------------ styles

// w:val and the other attributes of WordprocessingML are in its namespace.
void wval(Part& p, xmlNode* parent, const char* name, const std::string& value) {
    p.attr(p.element(parent, name), "val", value, p.root_ns());
}

struct StyleSpec {
    const char* type;      // paragraph or character
    const char* id;        // what paragraphs name (pStyle)
    const char* name;      // Word's built-in name where there is one: "heading 1" is Word's Heading 1
    const char* based_on;  // "" for none
    const char* next;      // the style of the paragraph after it; "" for the same
    int size = 0;          // half-points; 0 = inherited
    bool bold = false, italic = false, small_caps = false;
    const char* color = "";
    int space_before = -1, space_after = -1;  // twentieths of a point; -1 = inherited
    int outline = -1;                         // heading level 0..2 (navigation pane, table of contents)
    int indent = 0;                           // left indent, twentieths of a point
    bool keep_next = false;
};

// clang-format off
const StyleSpec style_specs[] = {
    {"paragraph", "Normal", "Normal", "", "", 22, false, false, false, "", 0, 160, -1, 0, false},
    {"paragraph", "Title", "Title", "Normal", "Normal", 44, true, false, false, "", 120, 120, -1, 0, true},
    {"paragraph", "Subtitle", "Subtitle", "Normal", "Normal", 28, false, true, false, "", 0, 240, -1, 0, true},
    {"paragraph", "Heading1", "heading 1", "Normal", "Normal", 32, true, false, false, "", 360, 120, 0, 0, true},
    {"paragraph", "Heading2", "heading 2", "Normal", "Normal", 28, true, false, false, "", 280, 100, 1, 0, true},
    {"paragraph", "Heading3", "heading 3", "Normal", "Normal", 24, true, true, false, "", 240, 80, 2, 0, true},
    {"paragraph", "Quote", "Quote", "Normal", "Normal", 0, false, true, false, "", -1, -1, -1, 720, false},
    {"paragraph", "ListParagraph", "List Paragraph", "Normal", "", 0, false, false, false, "", -1, 80, -1, 720, false},
    {"paragraph", "Agency", "Agency", "Normal", "Normal", 24, true, false, true, "", 0, 0, -1, 0, true},
    {"paragraph", "Office", "Office", "Normal", "Normal", 0, false, false, false, "", 0, 0, -1, 0, true},
    {"paragraph", "ReleaseLine", "Release Line", "Normal", "Normal", 20, false, false, false, "595959", 60, 0, -1, 0, true},
    {"paragraph", "Contact", "Contact", "Normal", "Contact", 20, false, false, false, "", 0, 200, -1, 0, false},
    {"character", "Hyperlink", "Hyperlink", "", "", 0, false, false, false, "0563C1", -1, -1, -1, 0, false},
};
// clang-format on

std::string styles_xml() {
    Part p("w", ns_w, "styles");
    xmlNode* root = p.root();
    xmlNs* w = p.root_ns();
    // Defaults: a serif text face every office suite has or substitutes.
    xmlNode* defaults = p.element(root, "docDefaults");
    xmlNode* rpr = p.element(p.element(defaults, "rPrDefault"), "rPr");
    xmlNode* fonts = p.element(rpr, "rFonts");
    for (const char* a : {"ascii", "hAnsi", "cs", "eastAsia"}) p.attr(fonts, a, "Georgia", w);
    wval(p, rpr, "sz", "22");
    wval(p, rpr, "szCs", "22");
    xmlNode* ppr = p.element(p.element(defaults, "pPrDefault"), "pPr");
    xmlNode* spacing = p.element(ppr, "spacing");
    p.attr(spacing, "after", "160", w);
    p.attr(spacing, "line", "276", w);
    p.attr(spacing, "lineRule", "auto", w);
    for (const StyleSpec& s : style_specs) {
        xmlNode* st = p.element(root, "style");
        p.attr(st, "type", s.type, w);
        if (std::string_view(s.id) == "Normal") p.attr(st, "default", "1", w);
        p.attr(st, "styleId", s.id, w);
        wval(p, st, "name", s.name);
        if (*s.based_on) wval(p, st, "basedOn", s.based_on);
        if (*s.next) wval(p, st, "next", s.next);
        p.element(st, "qFormat");
        if (std::string_view(s.type) == "paragraph") {
            xmlNode* sp = p.element(st, "pPr");
            if (s.keep_next) p.element(sp, "keepNext");
            if (s.space_before >= 0 || s.space_after >= 0) {
                xmlNode* sg = p.element(sp, "spacing");
                if (s.space_before >= 0) p.attr(sg, "before", std::to_string(s.space_before), w);
                if (s.space_after >= 0) p.attr(sg, "after", std::to_string(s.space_after), w);
            }
            if (s.indent) p.attr(p.element(sp, "ind"), "left", std::to_string(s.indent), w);
            if (std::string_view(s.id) == "ListParagraph") wval(p, sp, "contextualSpacing", "1");
            if (s.outline >= 0) wval(p, sp, "outlineLvl", std::to_string(s.outline));
        }
        xmlNode* sr = p.element(st, "rPr");
        if (s.bold) p.element(sr, "b");
        if (s.italic) p.element(sr, "i");
        if (s.small_caps) p.element(sr, "smallCaps");
        if (*s.color) wval(p, sr, "color", s.color);
        if (s.size) {
            wval(p, sr, "sz", std::to_string(s.size));
            wval(p, sr, "szCs", std::to_string(s.size));
        }
        if (std::string_view(s.id) == "Hyperlink") wval(p, sr, "u", "single");
    }
    return p.serialize();
}

// --------------------------------------------------------------- numbering

// Two abstract lists (bullets, decimal numbers) of nine levels; each list of
// the document is a w:num of one of them, numbered ones restarting at 1.
std::string numbering_xml(const std::vector<bool>& ordered_lists) {
    Part p("w", ns_w, "numbering");
    xmlNs* w = p.root_ns();
    static const char* const bullets[] = {"\u2022", "\u25E6", "\u25AA"};
    for (int abstract = 0; abstract < 2; ++abstract) {
        xmlNode* an = p.element(p.root(), "abstractNum");
        p.attr(an, "abstractNumId", std::to_string(abstract), w);
        wval(p, an, "multiLevelType", "multilevel");
        for (int level = 0; level < 9; ++level) {
            xmlNode* lvl = p.element(an, "lvl");
            p.attr(lvl, "ilvl", std::to_string(level), w);
            wval(p, lvl, "start", "1");
            wval(p, lvl, "numFmt", abstract == 0 ? "bullet" : "decimal");
            wval(p, lvl, "lvlText", abstract == 0 ? bullets[level % 3] : "%" + std::to_string(level + 1) + ".");
            wval(p, lvl, "lvlJc", "left");
            xmlNode* ind = p.element(p.element(lvl, "pPr"), "ind");
            p.attr(ind, "left", std::to_string(720 * (level + 1)), w);
            p.attr(ind, "hanging", "360", w);
        }
    }
    for (std::size_t i = 0; i < ordered_lists.size(); ++i) {
        xmlNode* num = p.element(p.root(), "num");
        p.attr(num, "numId", std::to_string(i + 1), w);
        wval(p, num, "abstractNumId", ordered_lists[i] ? "1" : "0");
        if (ordered_lists[i])
            for (int level = 0; level < 9; ++level) {
                xmlNode* o = p.element(num, "lvlOverride");
                p.attr(o, "ilvl", std::to_string(level), w);
                wval(p, o, "startOverride", "1");
            }
    }
    return p.serialize();
}

std::string settings_xml() {
    Part p("w", ns_w, "settings");
    xmlNs* w = p.root_ns();
    wval(p, p.root(), "defaultTabStop", "720");
    wval(p, p.root(), "characterSpacingControl", "doNotCompress");
    // Without it Word opens the file in compatibility mode.
    xmlNode* c = p.element(p.element(p.root(), "compat"), "compatSetting");
    p.attr(c, "name", "compatibilityMode", w);
    p.attr(c, "uri", "http://schemas.microsoft.com/office/word", w);
    p.attr(c, "val", "15", w);
    return p.serialize();
}

// ---------------------------------------------------------------- document

class DocumentBuilder {
public:
    DocumentBuilder(const model::Document& doc, const Options& options)
        : doc_(doc), options_(options), facts_(release_facts(doc)), part_("w", ns_w, "document") {
        r_ = part_.declare("r", ns_r);
        body_ = part_.element(part_.root(), "body");
    }

    std::string build() {
        title_block();
        for (const auto& block : doc_.body) {
            deadline::check_every(64);  // the time budget (hardening, issue 7)
            std::visit([&](const auto& b) { this->block(b); }, block);
        }
        contacts();
        section();
        return part_.serialize();
    }

    // Hyperlink targets by relationship number, in order of first use.
    const std::vector<std::string>& links() const { return links_; }
    const std::vector<bool>& lists() const { return lists_; }

private:
    xmlNode* paragraph(const char* style) {
        xmlNode* p = part_.element(body_, "p");
        if (style) wval(part_, part_.element(p, "pPr"), "pStyle", style);
        return p;
    }

    void run(xmlNode* parent, const std::string& text, bool bold = false, bool italic = false,
             const char* char_style = nullptr) {
        if (text.empty()) return;
        xmlNode* r = part_.element(parent, "r");
        if (bold || italic || char_style) {
            xmlNode* rpr = part_.element(r, "rPr");
            if (char_style) wval(part_, rpr, "rStyle", char_style);
            if (bold) part_.element(rpr, "b");
            if (italic) part_.element(rpr, "i");
        }
        xmlNode* t = part_.element(r, "t", text);
        xmlNodeSetSpacePreserve(t, 1);  // keep a run's leading and trailing spaces
    }

    std::string relationship(const std::string& href) {
        auto [it, fresh] = link_ids_.emplace(href, links_.size());
        if (fresh) links_.push_back(href);
        return "rId" + std::to_string(first_link_id + it->second);
    }

    void hyperlink(xmlNode* parent, const std::string& text, const std::string& href, bool bold, bool italic) {
        xmlNode* h = part_.element(parent, "hyperlink");
        part_.attr(h, "id", relationship(href), r_);
        run(h, text, bold, italic, "Hyperlink");
    }

    // Running text with its URLs and e-mail addresses as links, as in the
    // HTML and the EPUB.
    void linked_text(xmlNode* p, const std::string& s, bool bold = false, bool italic = false) {
        for (const epub::TextRun& r : epub::autolink(s)) {
            if (r.href.empty()) run(p, r.text, bold, italic);
            else hyperlink(p, r.text, r.href, bold, italic);
        }
    }

    void inlines(xmlNode* p, const model::Inlines& content) {
        using K = model::Span::Kind;
        for (const auto& span : content) {
            switch (span.kind) {
            case K::text: linked_text(p, span.text); break;
            case K::emphasis: linked_text(p, span.text, false, true); break;
            case K::strong: linked_text(p, span.text, true, false); break;
            case K::link:
                // A link whose href cannot be made safe keeps its text.
                if (auto href = epub::safe_href(span.href)) hyperlink(p, span.text, *href, false, false);
                else linked_text(p, span.text);
                break;
            }
        }
    }

    void title_block() {
        const auto& m = doc_.meta;
        if (!blank(m.agency)) linked_text(paragraph("Agency"), m.agency);
        if (!blank(m.office)) linked_text(paragraph("Office"), m.office);
        const std::string line = release_line();
        if (!line.empty()) run(paragraph("ReleaseLine"), line);
        // The Title paragraph always: the headline, or the fallback title.
        xmlNode* t = paragraph("Title");
        if (facts_.title_given) linked_text(t, m.title);
        else run(t, facts_.title);
        if (!blank(m.subtitle)) linked_text(paragraph("Subtitle"), m.subtitle);
    }

    // "News Release · No. 105-13 · WASHINGTON, February 22, 2013", as the
    // text renderer prints it.
    std::string release_line() const {
        const auto& m = doc_.meta;
        std::string when = blank(m.dateline) ? std::string() : m.dateline;
        if (!blank(m.date)) when += (when.empty() ? "" : ", ") + model::long_date(m.date);
        std::vector<std::string> parts;
        for (const std::string& part :
             {m.kind, blank(m.release_number) ? std::string() : "No. " + m.release_number, when})
            if (!blank(part)) parts.push_back(part);
        return text::join(parts, " \u00b7 ");
    }

    void block(const model::Paragraph& b) {
        if (has_text(b.content)) inlines(paragraph(nullptr), b.content);
    }

    void block(const model::Heading& b) {
        static const char* const styles[] = {"Heading1", "Heading2", "Heading3"};
        if (!has_text(b.content)) return;
        // One level deeper at most, as in the HTML: Word's navigation pane
        // and a table of contents nest by these levels.
        heading_level_ = std::min(std::clamp(b.level, 1, 3), heading_level_ + 1);
        inlines(paragraph(styles[heading_level_ - 1]), b.content);
    }

    void block(const model::Quote& b) {
        if (has_text(b.content)) inlines(paragraph("Quote"), b.content);
    }

    void block(const model::List& b) {
        const std::string num = std::to_string(lists_.size() + 1);
        bool any = false;
        int previous = -1;
        for (const auto& item : b.items) {
            if (!has_text(item.content)) continue;
            any = true;
            // A level deeper by one at most, as the other renderers nest.
            const int level = std::clamp(item.depth, 0, previous + 1);
            previous = level;
            xmlNode* p = part_.element(body_, "p");
            xmlNode* ppr = part_.element(p, "pPr");
            wval(part_, ppr, "pStyle", "ListParagraph");
            xmlNode* numpr = part_.element(ppr, "numPr");
            wval(part_, numpr, "ilvl", std::to_string(std::min(level, 8)));
            wval(part_, numpr, "numId", num);
            inlines(p, item.content);
        }
        if (any) lists_.push_back(b.ordered);
    }

    void contacts() {
        for (const auto& c : doc_.meta.contacts) {
            std::vector<std::string> lines;
            for (const auto& l : c.lines)
                if (!blank(l)) lines.push_back(l);
            if (lines.empty()) continue;
            xmlNode* p = paragraph("Contact");
            bool first = true;
            auto br = [&] {
                if (!first) part_.element(part_.element(p, "r"), "br");
                first = false;
            };
            // Most contact blocks carry their own label ("Media contact:").
            if (text::ascii_lower(lines.front()).find("contact") == std::string::npos) {
                br();
                run(p, "Contact", true);
            }
            for (const auto& l : lines) {
                br();
                linked_text(p, l);
            }
        }
    }

    void section() {
        xmlNs* w = part_.root_ns();
        xmlNode* s = part_.element(body_, "sectPr");
        xmlNode* size = part_.element(s, "pgSz");
        const bool a4 = options_.paper == "a4";
        part_.attr(size, "w", a4 ? "11906" : "12240", w);
        part_.attr(size, "h", a4 ? "16838" : "15840", w);
        xmlNode* margins = part_.element(s, "pgMar");
        for (const char* side : {"top", "right", "bottom", "left"}) part_.attr(margins, side, "1440", w);
        for (const char* edge : {"header", "footer"}) part_.attr(margins, edge, "720", w);
        part_.attr(margins, "gutter", "0", w);
    }

public:
    // Styles, numbering and settings take rId1 to rId3.
    static constexpr std::size_t first_link_id = 4;

private:
    const model::Document& doc_;
    const Options& options_;
    const ReleaseFacts facts_;
    Part part_;
    xmlNs* r_ = nullptr;
    xmlNode* body_ = nullptr;
    std::map<std::string, std::size_t> link_ids_;
    std::vector<std::string> links_;
    std::vector<bool> lists_;  // ordered?, by numId - 1
    int heading_level_ = 0;
};

// ------------------------------------------------------------ the package

std::string relationships(const std::vector<std::array<std::string, 3>>& rels, bool external_from = false,
                          std::size_t first_external = 0) {
    Part p(nullptr, ns_rels, "Relationships");
    for (std::size_t i = 0; i < rels.size(); ++i) {
        xmlNode* r = p.element(p.root(), "Relationship");
        p.attr(r, "Id", rels[i][0]);
        p.attr(r, "Type", rels[i][1]);
        p.attr(r, "Target", rels[i][2]);
        if (external_from && i >= first_external) p.attr(r, "TargetMode", "External");
    }
    return p.serialize();
}

std::string content_types() {
    Part p(nullptr, ns_types, "Types");
    auto by_extension = [&](const char* ext, const std::string& type) {
        xmlNode* d = p.element(p.root(), "Default");
        p.attr(d, "Extension", ext);
        p.attr(d, "ContentType", type);
    };
    auto part = [&](const char* name, const std::string& type) {
        xmlNode* o = p.element(p.root(), "Override");
        p.attr(o, "PartName", name);
        p.attr(o, "ContentType", type);
    };
    by_extension("rels", "application/vnd.openxmlformats-package.relationships+xml");
    by_extension("xml", "application/xml");
    part("/word/document.xml", std::string(wml) + "document.main+xml");
    part("/word/styles.xml", std::string(wml) + "styles+xml");
    part("/word/numbering.xml", std::string(wml) + "numbering+xml");
    part("/word/settings.xml", std::string(wml) + "settings+xml");
    part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return p.serialize();
}

std::string core_properties(const model::Document& doc, const ReleaseFacts& facts, std::int64_t time) {
    const auto& m = doc.meta;
    Part p("cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "coreProperties");
    xmlNs* dc = p.declare("dc", "http://purl.org/dc/elements/1.1/");
    xmlNs* dcterms = p.declare("dcterms", "http://purl.org/dc/terms/");
    xmlNs* xsi = p.declare("xsi", "http://www.w3.org/2001/XMLSchema-instance");
    p.element(p.root(), "title", facts.title, dc);
    if (!blank(m.subtitle)) p.element(p.root(), "subject", m.subtitle, dc);
    if (!blank(m.agency)) p.element(p.root(), "creator", m.agency, dc);
    if (!blank(m.kind)) p.element(p.root(), "category", m.kind);
    if (!facts.description.empty()) p.element(p.root(), "description", facts.description, dc);
    if (!blank(m.release_number)) p.element(p.root(), "identifier", m.release_number, dc);
    p.element(p.root(), "language", facts.language, dc);
    // SOURCE_DATE_EPOCH, else the release date: never the clock.
    const std::string when = text::iso_timestamp(time);
    for (const char* name : {"created", "modified"}) {
        xmlNode* t = p.element(p.root(), name, when, dcterms);
        p.attr(t, "type", "dcterms:W3CDTF", xsi);
    }
    return p.serialize();
}

std::string app_properties() {
    Part p(nullptr, "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "Properties");
    p.element(p.root(), "Application", "pressroom");
    return p.serialize();
}

}  // namespace

std::string render_docx(const model::Document& doc, const Options& options, Diagnostics&) {
    // The parts that depend on nothing are built once.
    static const std::string styles = styles_xml();
    static const std::string settings = settings_xml();
    static const std::string types = content_types();
    static const std::string app = app_properties();
    static const std::string package_rels = relationships({{
        {"rId1", std::string(rel_base) + "officeDocument", "word/document.xml"},
        {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"},
        {"rId3", std::string(rel_base) + "extended-properties", "docProps/app.xml"},
    }});

    DocumentBuilder builder(doc, options);
    std::string document = builder.build();
    std::vector<std::array<std::string, 3>> rels = {
        {"rId1", std::string(rel_base) + "styles", "styles.xml"},
        {"rId2", std::string(rel_base) + "numbering", "numbering.xml"},
        {"rId3", std::string(rel_base) + "settings", "settings.xml"},
    };
    for (std::size_t i = 0; i < builder.links().size(); ++i)
        rels.push_back({"rId" + std::to_string(DocumentBuilder::first_link_id + i), std::string(rel_base) + "hyperlink",
                        builder.links()[i]});

    const std::int64_t time = output_time(doc, options);
    ZipWriter zip(time);
    zip.add("[Content_Types].xml", types, Compression::deflate);
    zip.add("_rels/.rels", package_rels, Compression::deflate);
    zip.add("docProps/core.xml", core_properties(doc, release_facts(doc), time), Compression::deflate);
    zip.add("docProps/app.xml", app, Compression::deflate);
    zip.add("word/document.xml", std::move(document), Compression::deflate);
    zip.add("word/styles.xml", styles, Compression::deflate);
    zip.add("word/numbering.xml", numbering_xml(builder.lists()), Compression::deflate);
    zip.add("word/settings.xml", settings, Compression::deflate);
    zip.add("word/_rels/document.xml.rels", relationships(rels, true, 3), Compression::deflate);
    return zip.finish();
}

}  // namespace pressroom::render

#include "render/pdf/pdf_renderer.hpp"

#include "base/deadline.hpp"
#include "fonts/font_set.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_layout.hpp"
#include "model/format.hpp"
#include "pressroom/error.hpp"
#include "render/pdf/hpdf_document.hpp"
#include "render/pdf/xmp.hpp"
#include "version.hpp"

#include <map>
#include <set>

namespace pressroom::render {

namespace {

std::string keywords(const model::Document& doc) {
    std::string out;
    for (const std::string* k : {&doc.meta.kind, &doc.meta.release_number, &doc.meta.agency, &doc.meta.office,
                                 &doc.meta.dateline}) {
        if (k->empty()) continue;
        if (!out.empty()) out.append(", ");
        out.append(*k);
    }
    return out;
}

}  // namespace

namespace pdf {

namespace {

// The characters a subset takes in addition to the drawn ones on retry
// `extra`: the first `extra` of these the face has and the text does not use.
std::set<char32_t> with_extra(const std::set<char32_t>& drawn, const fonts::Face& face, std::size_t extra) {
    std::set<char32_t> out = drawn;
    for (char32_t c : U"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
        if (out.size() >= drawn.size() + extra) break;
        if (!drawn.count(c) && face.covers(c)) out.insert(c);
    }
    return out;
}

// The page with its glyphs only: what the tagged page must look like.
void draw_untagged(HpdfDocument& out, const layout::Page& page, const std::map<std::size_t, int>& handle) {
    for (const auto& r : page.rules) out.draw_rule(r.x1, r.y1, r.x2, r.y2, r.width, r.gray);
    out.begin_text();
    for (const auto& t : page.texts) {
        if (t.inserted) out.text_after(handle.at(t.face), t.size, t.text);
        else out.text(handle.at(t.face), t.size, t.gray, t.x, t.y, t.text);
    }
    out.end_text();
}

// The structure element type to tag a marked-content sequence with.
const char* tag_of(const std::vector<layout::StructNode>& nodes, int node) {
    return nodes.at(static_cast<std::size_t>(node)).type.c_str();
}

// The page tagged: rules as artifacts; every text in a marked-content
// sequence of its structure element (consecutive texts of one element
// share one), or in an artifact; a text with actual text in a sequence of
// its own (/Span, its MCID and /ActualText: poppler's tagged-text reader
// loses content after a nested sequence, so none is nested inside an MCID
// sequence); a word space drawn as a real space character after its word.
void draw_tagged(HpdfDocument& out, const layout::Page& page, const std::vector<layout::StructNode>& nodes,
                 const std::map<std::size_t, int>& handle) {
    for (std::size_t i = 0; i < page.rules.size();) {
        const bool pagination = page.rules[i].artifact == layout::Artifact::pagination;
        out.begin_artifact(pagination);
        for (; i < page.rules.size() && (page.rules[i].artifact == layout::Artifact::pagination) == pagination; ++i) {
            const auto& r = page.rules[i];
            out.draw_rule(r.x1, r.y1, r.x2, r.y2, r.width, r.gray);
        }
        out.end_marked();
    }
    out.begin_text();
    // What is open: an element's sequence (node), an artifact, or nothing.
    enum class Open { nothing, content, artifact };
    Open open = Open::nothing;
    int open_node = -1;
    layout::Artifact open_artifact = layout::Artifact::none;
    auto close = [&] {
        if (open != Open::nothing) out.end_marked();
        open = Open::nothing;
    };
    for (const auto& t : page.texts) {
        const std::string drawn = t.space_after ? t.text + " " : t.text;
        const int font = handle.at(t.face);
        if (t.inserted) {
            close();
            out.begin_added_hyphen();
            out.text_after(font, t.size, drawn);  // right after its word, as part of one string before
            out.end_marked(2);
            continue;
        }
        if (t.node < 0) {
            if (open != Open::artifact || open_artifact != t.artifact) {
                close();
                out.begin_artifact(t.artifact == layout::Artifact::pagination);
                open = Open::artifact;
                open_artifact = t.artifact;
            }
        } else if (t.actual) {
            close();
            // The word space is said too: the sequence's text replaces all its glyphs.
            out.begin_content(t.node, "Span", t.space_after ? *t.actual + " " : *t.actual);
            out.text(font, t.size, t.gray, t.x, t.y, drawn);
            out.end_marked();
            continue;
        } else if (open != Open::content || open_node != t.node) {
            close();
            out.begin_content(t.node, tag_of(nodes, t.node));
            open = Open::content;
            open_node = t.node;
        }
        out.text(font, t.size, t.gray, t.x, t.y, drawn);
    }
    close();
    out.end_text();
}

// One attempt at the PDF; the subsets take `extra` more characters than drawn.
std::string write_once(const layout::DocumentLayout& laid, const fonts::FontSet& font_set, const Info& info,
                       std::size_t extra) {
    HpdfDocument out;
    // Every face the layout drew with, subset to its characters (see with_extra).
    std::map<std::size_t, int> handle;
    for (const auto& [face, chars] : laid.used) {
        const auto& entry = font_set.entries()[face];
        handle[face] = out.add_font(entry.face->subset(with_extra(chars, *entry.face, extra)), entry.face->name());
    }
    for (const auto& page : laid.pages) {
        deadline::check_every(16);  // the time budget (hardening, issue 7)
        out.add_page(laid.paper.width, laid.paper.height);
        if (info.tagged) draw_tagged(out, page, laid.nodes, handle);
        else draw_untagged(out, page, handle);
        for (const auto& l : page.links)
            if (!l.uri.empty()) {
                if (info.tagged) out.link(l.left, l.bottom, l.right, l.top, l.uri, l.node, l.description);
                else out.link(l.left, l.bottom, l.right, l.top, l.uri);
            }
    }
    // Links inside the document go in once every page they may point to exists.
    for (std::size_t p = 0; p < laid.pages.size(); ++p)
        for (const auto& l : laid.pages[p].links)
            if (l.uri.empty())
                out.page_link(p, l.left, l.bottom, l.right, l.top, l.target_page, l.target_top,
                              info.tagged ? l.node : -1, l.description);
    for (const auto& o : laid.outline) out.bookmark(o.title, o.level, o.page, o.top);

    if (!info.title.empty()) out.info("Title", info.title);
    if (!info.author.empty()) out.info("Author", info.author);
    if (!info.subject.empty()) out.info("Subject", info.subject);
    if (!info.keywords.empty()) out.info("Keywords", info.keywords);
    out.info("Creator", "pressroom " PRESSROOM_VERSION);
    std::string producer = "pressroom " PRESSROOM_VERSION " with libharu ";
    producer.append(libharu_version());
    out.info("Producer", producer);
    out.dates(info.time);
    if (info.tagged) {
        std::vector<HpdfDocument::Element> elements;
        elements.reserve(laid.nodes.size());
        for (const auto& n : laid.nodes) elements.push_back({n.type, n.parent, n.lang, n.numbering});
        XmpFields x{info.title, info.author, info.subject, info.keywords, "pressroom " PRESSROOM_VERSION,
                    producer,   laid.lang,   info.time};
        out.tag(elements, laid.lang, xmp_packet(x));
    }
    return out.save();
}

}  // namespace

Typesetting typesetting(const Options& options, Diagnostics& diagnostics) {
    Typesetting t;
    const std::filesystem::path dir = options.font_dir.empty() ? fonts::FontSet::default_dir() : options.font_dir;
    t.fonts = fonts::FontSet::load(dir);
    t.hyphenator = layout::Hyphenator::english();
    if (!t.hyphenator)
        diagnostics.note("no-hyphenation",
                         "hyphenation patterns (share/pressroom/hyphen/hyph_en_US.dic) not found: "
                         "lines are broken at spaces and hyphens only");
    return t;
}

std::string write_pdf(const layout::DocumentLayout& laid, const fonts::FontSet& font_set, const Info& info) {
    // A libharu bug (FontTableBoundary) makes about one font subset in a
    // thousand unsavable; a subset with a few more glyphs (undrawn) has
    // other table sizes and saves. Deterministic: the same document takes
    // the same attempts.
    for (std::size_t extra = 0;; ++extra) {
        try {
            return write_once(laid, font_set, info, extra);
        } catch (const FontTableBoundary&) {
            if (extra == 3) throw Error(ErrorKind::internal, "", "cannot write the PDF: libharu cannot save its fonts");
        }
    }
}

}  // namespace pdf

std::string render_pdf(const model::Document& doc, const Options& options, Diagnostics& diagnostics) {
    return pdf::release_pdf(doc, options, diagnostics, true);
}

std::string pdf::release_pdf(const model::Document& doc, const Options& options, Diagnostics& diagnostics,
                             bool tagged) {
    const pdf::Typesetting t = pdf::typesetting(options, diagnostics);
    // The patterns installed are English (hyphen-en-us): a release in
    // another language is set without hyphenation rather than broken at
    // English syllables.
    const bool english = doc.meta.language.empty() || doc.meta.language.rfind("en", 0) == 0;
    if (!english && t.hyphenator)
        diagnostics.note("no-hyphenation", "the hyphenation patterns are English: a release in '" + doc.meta.language +
                                               "' is set without hyphenation");
    layout::DocumentLayout laid =
        layout::lay_out(doc, {options.paper}, *t.fonts, english ? t.hyphenator : nullptr, diagnostics);
    const auto& m = doc.meta;
    pdf::Info info;
    info.title = model::fallback_title(doc);  // PDF/UA: a document has a title (Info and XMP dc:title)
    info.author = m.agency;
    info.subject = m.subtitle.empty() ? model::release_line(doc) : m.subtitle;
    info.keywords = keywords(doc);
    info.time = output_time(doc, options);
    info.tagged = tagged;
    return pdf::write_pdf(laid, *t.fonts, info);
}

}  // namespace pressroom::render

#include "render/pdf/pdf_renderer.hpp"

#include "base/deadline.hpp"
#include "base/error.hpp"
#include "fonts/font_set.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_layout.hpp"
#include "model/format.hpp"
#include "render/pdf/hpdf_document.hpp"
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

std::string write_pdf(const model::Document& doc, const Options& options, const layout::DocumentLayout& laid,
                      const fonts::FontSet& font_set, std::size_t extra) {
    pdf::HpdfDocument out;
    // Every face the layout drew with, subset to exactly its characters.
    std::map<std::size_t, int> handle;
    for (const auto& [face, chars] : laid.used) {
        const auto& entry = font_set.entries()[face];
        handle[face] = out.add_font(entry.face->subset(with_extra(chars, *entry.face, extra)), entry.face->name());
    }
    for (const auto& page : laid.pages) {
        deadline::check_every(16);  // the time budget (hardening, issue 7)
        out.add_page(laid.paper.width, laid.paper.height);
        for (const auto& r : page.rules) out.draw_rule(r.x1, r.y1, r.x2, r.y2, r.width, r.gray);
        out.begin_text();
        for (const auto& t : page.texts) out.text(handle.at(t.face), t.size, t.gray, t.x, t.y, t.text);
        out.end_text();
        for (const auto& l : page.links) out.link(l.left, l.bottom, l.right, l.top, l.uri);
    }
    for (const auto& o : laid.outline) out.bookmark(o.title, o.level, o.page, o.top);

    const auto& m = doc.meta;
    if (!m.title.empty()) out.info("Title", m.title);
    if (!m.agency.empty()) out.info("Author", m.agency);
    if (std::string subject = m.subtitle.empty() ? model::release_line(doc) : m.subtitle; !subject.empty())
        out.info("Subject", subject);
    if (std::string k = keywords(doc); !k.empty()) out.info("Keywords", k);
    out.info("Creator", "pressroom " PRESSROOM_VERSION);
    std::string producer = "pressroom " PRESSROOM_VERSION " with libharu ";
    producer.append(pdf::libharu_version());
    out.info("Producer", producer);
    out.dates(output_time(doc, options));
    return out.save();
}

}  // namespace

std::string render_pdf(const model::Document& doc, const Options& options, Diagnostics& diagnostics) {
    const std::filesystem::path dir = options.font_dir.empty() ? fonts::FontSet::default_dir() : options.font_dir;
    auto font_set = fonts::FontSet::load(dir);
    const layout::Hyphenator* hyphenator = layout::Hyphenator::english();
    if (!hyphenator)
        diagnostics.note("no-hyphenation",
                         "hyphenation patterns (share/pressroom/hyphen/hyph_en_US.dic) not found: "
                         "lines are broken at spaces and hyphens only");

    layout::DocumentLayout laid = layout::lay_out(doc, {options.paper}, *font_set, hyphenator, diagnostics);

    // A libharu bug (pdf::FontTableBoundary) makes about one font subset in
    // a thousand unsavable; a subset with a few more glyphs (undrawn) has
    // other table sizes and saves. Deterministic: the same document takes
    // the same attempts.
    for (std::size_t extra = 0;; ++extra) {
        try {
            return write_pdf(doc, options, laid, *font_set, extra);
        } catch (const pdf::FontTableBoundary&) {
            if (extra == 3) throw Error(ErrorKind::internal, "", "cannot write the PDF: libharu cannot save its fonts");
        }
    }
}

}  // namespace pressroom::render

// The anthology PDF: the pages of layout/anthology_layout (title page,
// contents with page numbers, every release), drawn by the same writer as a
// single release's PDF.
#include "layout/anthology_layout.hpp"
#include "render/anthology.hpp"
#include "render/pdf/pdf_renderer.hpp"

namespace pressroom::render {

namespace {

std::string anthology_pdf(const Anthology& a, const Options& options, Diagnostics& diags, bool tagged) {
    const pdf::Typesetting t = pdf::typesetting(options, diags);
    layout::Cover cover{a.title, {release_count(a)}};
    if (std::string span = date_span(a); !span.empty()) cover.lines.push_back(span);
    layout::LayoutOptions lo;
    lo.paper = options.paper;
    const layout::DocumentLayout laid = layout::lay_out_anthology(cover, a.releases, lo, *t.fonts, t.hyphenator, diags);
    pdf::Info info;
    info.title = a.title;
    info.subject = release_count(a) + (date_span(a).empty() ? "" : ", " + date_span(a));
    info.time = a.time;
    info.tagged = tagged;
    return pdf::write_pdf(laid, *t.fonts, info);
}

}  // namespace

std::string render_pdf_anthology(const Anthology& a, const Options& options, Diagnostics& diags) {
    return anthology_pdf(a, options, diags, true);
}

std::string render_pdf_anthology_untagged(const Anthology& a, const Options& options, Diagnostics& diags) {
    return anthology_pdf(a, options, diags, false);
}

}  // namespace pressroom::render

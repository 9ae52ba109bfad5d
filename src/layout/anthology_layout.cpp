#include "layout/anthology_layout.hpp"

#include "base/text.hpp"
#include "layout/design.hpp"
#include "layout/setter.hpp"
#include "model/format.hpp"

#include <algorithm>

namespace pressroom::layout {

using fonts::Style;

std::string contents_label(const model::Document& doc) {
    std::string title = text::collapse_space(doc.meta.title);
    if (!title.empty()) return title;
    return "Untitled release (" + (doc.meta.source.name.empty() ? std::string("no source name") : doc.meta.source.name) +
           ")";
}

namespace {

// The front matter's own sizes; everything else comes from Design.
struct FrontDesign {
    double cover_title_size = 26, cover_title_leading = 31;
    double cover_line_size = 12.5, cover_line_leading = 17;
    double cover_top = 200;  // from the page's top to the title
    double contents_size = 16, contents_space = 22;
    double entry_size = 11, entry_leading = 13.6;
    double detail_size = 9, detail_leading = 11.5, detail_gray = 0.3;
    double entry_space = 7;
    double number_column = 40;  // room kept at the right for the page number
};

// One entry of the contents, where it was placed.
struct PlacedEntry {
    std::size_t page = 0;         // index among the front matter's pages
    double number_baseline = 0;   // of the title's last line
    double top = 0, bottom = 0;   // the entry's extent, for its link
    int node = -1;                // its Link element
    std::string description;      // the link's /Contents
};

class Front {
public:
    // Structure elements go into `nodes`, under its root (node 0).
    Front(const LayoutOptions& options, const fonts::FontSet& fonts, const Hyphenator* hyphenator,
          Diagnostics& diagnostics, std::vector<StructNode>& nodes)
        : paper_(paper_named(options.paper)), setter_(fonts, hyphenator, diagnostics), nodes_(nodes) {
        measure_ = paper_.width - d_.margin_left - d_.margin_right;
    }

    Setter& setter() { return setter_; }
    std::vector<Page>& pages() { return pages_; }
    const Paper& paper() const { return paper_; }

    void cover(const Cover& c) {
        pages_.emplace_back();
        double y = f_.cover_top;
        ParagraphSpec balanced{measure_, false, false, true};
        const int h1 = node("H1", 0);
        for (const Line& l : setter_.set({{c.title, Style::bold, f_.cover_title_size, -1}}, balanced, 0))
            y = centred(l, y, f_.cover_title_leading, f_.cover_title_size, 0, h1);
        y += 10;
        pages_.back().rules.push_back(
            {d_.margin_left + measure_ / 3, top_to_pdf(y), d_.margin_left + 2 * measure_ / 3, top_to_pdf(y), 1.1, 0});
        y += 18;
        for (const auto& line : c.lines) {
            const int p = node("P", 0);
            for (const Line& l : setter_.set({{line, Style::regular, f_.cover_line_size, -1}}, balanced, 0))
                y = centred(l, y, f_.cover_line_leading, f_.cover_line_size, d_.release_gray, p);
        }
    }

    // Lays out the contents from a new page; returns where each entry went.
    std::vector<PlacedEntry> contents(const std::vector<const model::Document*>& releases) {
        new_page();
        place_line(setter_.set_line({{"Contents", Style::bold, f_.contents_size, -1}}, 0), 0, f_.contents_size * 1.25,
                   f_.contents_size, 0, node("H1", 0));
        // Each entry a TOCI holding one Link (title, agency and date, page
        // number) to the release's first page.
        const int toc = node("TOC", 0);
        y_ += f_.contents_space - f_.contents_size * 0.25;
        std::vector<PlacedEntry> placed;
        const ParagraphSpec spec{measure_ - f_.number_column, false, false};
        for (const model::Document* doc : releases) {
            std::vector<Line> title = setter_.set({{contents_label(*doc), Style::regular, f_.entry_size, -1}}, spec, 0);
            std::vector<Line> detail;
            if (std::string d = detail_of(*doc); !d.empty())
                detail = setter_.set({{d, Style::regular, f_.detail_size, -1}}, spec, 0);
            const double height = static_cast<double>(title.size()) * f_.entry_leading +
                                  static_cast<double>(detail.size()) * f_.detail_leading;
            if (y_ + height > bottom() && y_ > d_.margin_top) new_page();
            PlacedEntry e;
            e.page = pages_.size() - 1;
            e.top = top_to_pdf(y_);
            e.node = node("Link", node("TOCI", toc));
            e.description = "Go to " + contents_label(*doc);
            // Title, detail and page number are one text: word spaces
            // between them, as between the words of a line.
            for (std::vector<Line>* part : {&title, &detail})
                if (!part->empty() && !part->back().fragments.empty())
                    setter_.space_after(part->back().fragments.back());
            for (const Line& l : title)
                e.number_baseline = place_line(l, 0, f_.entry_leading, f_.entry_size, 0, e.node);
            for (const Line& l : detail) place_line(l, 0, f_.detail_leading, f_.detail_size, f_.detail_gray, e.node);
            e.bottom = top_to_pdf(y_);
            y_ += f_.entry_space;
            placed.push_back(e);
        }
        return placed;
    }

    // The page number of an entry, right-aligned in the number column.
    void number(const PlacedEntry& e, std::size_t page_number) {
        Line l = setter_.set_line({{std::to_string(page_number), Style::regular, f_.entry_size, -1}}, 0);
        const double x = d_.margin_left + measure_ - l.width;
        for (const auto& f : l.fragments)
            pages_[e.page].texts.push_back(placed(f, x + f.x, e.number_baseline, 0, e.node));
    }

    double measure() const { return measure_; }
    double page_top() const { return paper_.height - d_.margin_top; }

private:
    static std::string detail_of(const model::Document& doc) {
        std::vector<std::string> parts;
        if (!doc.meta.agency.empty()) parts.push_back(text::collapse_space(doc.meta.agency));
        if (!doc.meta.date.empty()) parts.push_back(model::long_date(doc.meta.date));
        return text::join(parts, " \u00b7 ");
    }

    double top_to_pdf(double y) const { return paper_.height - y; }
    double bottom() const { return paper_.height - d_.margin_bottom; }

    void new_page() {
        pages_.emplace_back();
        y_ = d_.margin_top;
    }

    int node(std::string type, int parent) {
        nodes_.push_back({std::move(type), parent, {}, {}});
        return static_cast<int>(nodes_.size() - 1);
    }

    // Places a line at the cursor, as content of element `node`; returns
    // its baseline (PDF coordinates).
    double place_line(const Line& l, double indent, double leading, double size, double gray, int node) {
        const double base = top_to_pdf(y_ + baseline_in(leading, size));
        for (const auto& f : l.fragments)
            pages_.back().texts.push_back(placed(f, d_.margin_left + indent + f.x, base, gray, f.inserted ? -1 : node));
        y_ += leading;
        return base;
    }

    double centred(const Line& l, double y, double leading, double size, double gray, int node) {
        const double base = top_to_pdf(y + baseline_in(leading, size));
        // The width of what the line draws: Line::width of a paragraph's
        // last line includes the glue that fills it to the measure.
        const double drawn = l.fragments.empty() ? 0 : l.fragments.back().x + l.fragments.back().width;
        const double x = d_.margin_left + (measure_ - drawn) / 2;
        for (const auto& f : l.fragments)
            pages_.back().texts.push_back(placed(f, x + f.x, base, gray, f.inserted ? -1 : node));
        return y + leading;
    }

    Design d_;
    FrontDesign f_;
    Paper paper_;
    Setter setter_;
    double measure_ = 468;
    double y_ = 0;
    std::vector<Page> pages_;
    std::vector<StructNode>& nodes_;
};

// The book's language: its releases' most common one (the first of equals).
std::string book_language(const std::vector<const model::Document*>& releases) {
    std::map<std::string, std::size_t> count;
    std::string best;
    for (const model::Document* doc : releases)
        if (++count[doc->meta.language] > count[best]) best = doc->meta.language;
    return best.empty() ? std::string("en") : best;
}

void add_used(std::map<std::size_t, std::set<char32_t>>& into, const std::map<std::size_t, std::set<char32_t>>& from) {
    for (const auto& [face, chars] : from) into[face].insert(chars.begin(), chars.end());
}

}  // namespace

DocumentLayout lay_out_anthology(const Cover& cover, const std::vector<const model::Document*>& releases,
                                 const LayoutOptions& options, const fonts::FontSet& fonts,
                                 const Hyphenator* hyphenator, Diagnostics& diagnostics) {
    // Each release as its own PDF would have it, less the footers: they
    // need the book's page numbers, known only once everything is laid out.
    LayoutOptions part_options = options;
    part_options.footers = false;
    std::vector<DocumentLayout> parts;
    parts.reserve(releases.size());
    for (const model::Document* doc : releases) parts.push_back(lay_out(*doc, part_options, fonts, hyphenator, diagnostics));

    // The structure: Document > the cover's H1 and lines, the contents'
    // H1 and TOC, then an Art per release (its own structure, its root
    // retyped), each with its language when not the book's.
    DocumentLayout out;
    out.lang = book_language(releases);
    out.nodes.push_back({"Document", -1, {}, {}});

    // The contents take as many pages as their entries need, whatever the
    // numbers in them, so the numbers can be filled in afterwards.
    Front front(options, fonts, hyphenator, diagnostics, out.nodes);
    front.cover(cover);
    const std::size_t contents_first = front.pages().size();
    const std::vector<PlacedEntry> entries = front.contents(releases);

    out.paper = front.paper();
    std::vector<std::size_t> starts;
    std::size_t next = front.pages().size();
    for (const auto& part : parts) {
        starts.push_back(next);
        next += part.pages.size();
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        front.number(entries[i], starts[i] + 1);
        LinkArea link;
        link.left = Design{}.margin_left;
        link.right = link.left + front.measure();
        link.top = entries[i].top;
        link.bottom = entries[i].bottom;
        link.target_page = starts[i];
        link.target_top = front.page_top();
        link.node = entries[i].node;
        link.description = entries[i].description;
        front.pages()[entries[i].page].links.push_back(link);
    }

    // Every heading has its bookmark (PDF/UA: the outline leads to the
    // headings): the title page's too.
    out.outline.push_back({cover.title, 0, 0, front.page_top()});
    out.outline.push_back({"Contents", 0, contents_first, front.page_top()});
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto& part = parts[i];
        // Every release gets a top-level bookmark, so that its sections
        // never nest under the release before it.
        if (part.outline.empty() || part.outline.front().level != 0)
            out.outline.push_back({contents_label(*releases[i]), 0, starts[i], front.page_top()});
        for (auto entry : part.outline) {
            entry.page += starts[i];
            out.outline.push_back(std::move(entry));
        }
    }

    out.pages = std::move(front.pages());
    for (auto& part : parts) {
        add_used(out.used, part.used);
        const int offset = static_cast<int>(out.nodes.size());
        for (StructNode n : part.nodes) {
            if (n.parent < 0) {
                n.type = "Art";
                n.lang = part.lang == out.lang ? std::string() : part.lang;
                n.parent = 0;
            } else {
                n.parent += offset;
            }
            out.nodes.push_back(std::move(n));
        }
        for (auto& page : part.pages) {
            for (auto& t : page.texts)
                if (t.node >= 0) t.node += offset;
            for (auto& l : page.links)
                if (l.node >= 0) l.node += offset;
            out.pages.push_back(std::move(page));
        }
    }
    const std::size_t total = out.pages.size();
    const std::size_t first_release = starts.empty() ? total : starts.front();
    for (std::size_t p = contents_first; p < total; ++p) {
        std::string footer;
        if (p < first_release) {
            footer = "Contents \u00b7 Page " + std::to_string(p + 1) + " of " + std::to_string(total);
        } else {
            const auto release = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), p) - starts.begin()) - 1;
            footer = footer_text(*releases[release], p + 1, total);
        }
        draw_footer(out.pages[p], out.paper, footer, front.setter());
    }
    add_used(out.used, front.setter().used());
    return out;
}

}  // namespace pressroom::layout

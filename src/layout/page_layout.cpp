#include "layout/page_layout.hpp"

#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/script.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "layout/design.hpp"
#include "layout/setter.hpp"
#include "model/format.hpp"
#include "pressroom/error.hpp"

#include <algorithm>
#include <optional>

namespace pressroom::layout {

using fonts::Style;

Paper paper_named(const std::string& name) {
    std::string n = text::ascii_lower(name);
    if (n == "letter" || n.empty()) return {"letter", 612, 792};
    if (n == "a4") return {"a4", 595.2756, 841.8898};
    throw Error(ErrorKind::usage, "", "unknown paper '" + name + "' (known: letter, a4)");
}

std::string footer_text(const model::Document& doc, std::size_t page, std::size_t pages) {
    std::string s = "Page " + std::to_string(page) + " of " + std::to_string(pages);
    if (!doc.meta.release_number.empty()) s = "No. " + doc.meta.release_number + " \u00b7 " + s;
    return s;
}

std::string shown_text(const model::Inlines& content) {
    std::string out;
    for (const auto& span : content) {
        out += span.text;
        if (std::string address = model::shown_address(span); !address.empty()) out += " (" + address + ")";
    }
    return out;
}

namespace {

// --------------------------------------------------------- the flow model
// Lines in reading order, grouped in blocks with their spacing and keeps;
// pagination places them.
struct FlowLine {
    Line line;
    double indent = 0;    // from the left margin
    double height = 0;    // leading: top of this line to the top of the next
    double baseline = 0;  // from the line's top
    double gray = 0;
    std::optional<Rule> rule;  // a rule line instead of text: x offsets and y relative to the line's top
    bool center = false;
    int node = -1;                       // the structure element its fragments belong to (Fragment::node aside)
    Artifact artifact = Artifact::none;  // or the artifact the line is
};

struct FlowBlock {
    std::vector<FlowLine> lines;
    double space_before = 0;
    bool keep_together = false;
    bool keep_with_next = false;
    std::optional<OutlineEntry> outline;  // page and top filled in when placed
};

Style combine(Style base, model::Span::Kind kind) {
    bool bold = base == Style::bold || base == Style::bold_italic || kind == model::Span::Kind::strong;
    bool italic = base == Style::italic || base == Style::bold_italic || kind == model::Span::Kind::emphasis;
    return bold ? (italic ? Style::bold_italic : Style::bold) : (italic ? Style::italic : Style::regular);
}

class Builder {
public:
    Builder(const model::Document& doc, const LayoutOptions& options, const fonts::FontSet& fonts,
            const Hyphenator* hyphenator, Diagnostics& diagnostics)
        : doc_(doc), setter_(fonts, hyphenator, diagnostics), paper_(paper_named(options.paper)),
          url_(R"((?:https?://|www\.)[^\s<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})") {
        measure_ = paper_.width - d_.margin_left - d_.margin_right;
        out_.lang = doc.meta.language;
        out_.nodes.push_back({"Document", -1, {}, {}});
        last_heading_ = doc.meta.title.empty() ? 0 : 1;
    }

    DocumentLayout run(bool with_footers) {
        title_block();
        body();
        contacts();
        paginate();
        if (with_footers) footers();
        out_.paper = paper_;
        out_.used = setter_.used();
        return std::move(out_);
    }

private:
    // ---------------------------------------------------------- runs
    // Spans to runs, finding bare URLs and e-mail addresses in text so
    // they become links too.
    std::vector<Run> runs(const model::Inlines& content, Style base, double size) {
        std::vector<Run> out;
        for (const auto& span : content) {
            Style style = combine(base, span.kind);
            if (span.kind == model::Span::Kind::link) {
                int link = link_id(span.href, span.text);
                out.push_back({span.text, style, size, link});
                if (std::string address = model::shown_address(span); !address.empty())
                    out.push_back({" (" + address + ")", style, size, link});
                continue;
            }
            append_detecting_links(out, span.text, style, size);
        }
        return out;
    }

    void append_detecting_links(std::vector<Run>& out, const std::string& s, Style style, double size) {
        std::size_t pos = 0;
        for (const auto& m : url_.find_all(s)) {
            std::size_t b = m.begin(), e = m.end();
            // Sentence punctuation after an address is not part of it.
            while (e > b && std::string_view(".,;:!?)]}'\"").find(s[e - 1]) != std::string_view::npos) {
                if (s[e - 1] == ')' && s.substr(b, e - b).find('(') != std::string::npos) break;
                --e;
            }
            std::string addr = s.substr(b, e - b);
            if (addr.size() < 5) continue;
            if (b > pos) out.push_back({s.substr(pos, b - pos), style, size, -1});
            std::string href = addr.find('@') != std::string::npos && addr.find("://") == std::string::npos
                                   ? "mailto:" + addr
                                   : (text::starts_with(addr, "www.") ? "https://" + addr : addr);
            out.push_back({addr, style, size, link_id(href, addr)});
            pos = e;
        }
        if (pos < s.size()) out.push_back({s.substr(pos), style, size, -1});
    }

    // A link of the text being set: a Link element inside the current block's.
    int link_id(const std::string& href, const std::string& text) {
        links_.push_back(href);
        link_nodes_.push_back(node("Link", cur_node_));
        std::string address = text::starts_with(href, "mailto:") ? href.substr(7) : href;
        link_descriptions_.push_back(address == text ? address : text + " (" + address + ")");
        return static_cast<int>(links_.size() - 1);
    }

    // --------------------------------------------------- structure
    int node(std::string type, int parent, std::string lang = {}) {
        out_.nodes.push_back({std::move(type), parent, std::move(lang), {}});
        return static_cast<int>(out_.nodes.size() - 1);
    }
    // A block's element, under the root: the current node for its links.
    int block_node(std::string type) { return cur_node_ = node(std::move(type), 0); }

    // H1 is the release's title; the model's heading levels follow it, and
    // a level that skips one is brought up (PDF/UA: headings nest).
    std::string heading_type(int level) {
        int h = std::max(level, 1) + (doc_.meta.title.empty() ? 0 : 1);
        h = std::min({h, last_heading_ + 1, 6});
        last_heading_ = h;
        return "H" + std::to_string(h);
    }

    // -------------------------------------------------------- blocks
    void add_lines(FlowBlock& block, std::vector<Line> lines, double indent, double leading, double size,
                   double gray = 0, int node = -1) {
        for (auto& l : lines) {
            block.lines.push_back({std::move(l), indent, leading, baseline_in(leading, size), gray, {}, false});
            block.lines.back().node = node;
        }
    }

    void rule(FlowBlock& block, double height, double y, double x1, double x2, double width, double gray = 0) {
        FlowLine fl;
        fl.height = height;
        fl.rule = Rule{x1, y, x2, y, width, gray};
        block.lines.push_back(std::move(fl));
    }

    void title_block() {
        const auto& m = doc_.meta;
        FlowBlock b;
        b.keep_together = true;
        ParagraphSpec ragged{measure_, false, false};
        if (!m.agency.empty())
            add_lines(b, setter_.set({{utf8::to_upper(m.agency), Style::bold, d_.agency_size, -1}}, ragged, 0), 0,
                      d_.masthead_leading, d_.agency_size, 0, block_node("P"));
        if (!m.office.empty())
            add_lines(b, setter_.set({{m.office, Style::italic, d_.office_size, -1}}, ragged, 0), 0,
                      d_.masthead_leading, d_.office_size, 0, block_node("P"));
        if (!m.agency.empty() || !m.office.empty()) rule(b, 7, 4, 0, measure_, 1.1);
        if (std::string release = model::release_line(doc_); !release.empty())
            add_lines(b, setter_.set({{release, Style::regular, d_.release_size, -1}}, ragged, 0), 0, 13,
                      d_.release_size, d_.release_gray, block_node("P"));
        if (!m.title.empty()) {
            rule(b, 12, 0, 0, 0, 0);  // space
            ParagraphSpec balanced{measure_, false, false, true};
            add_lines(b, setter_.set({{m.title, Style::bold, d_.title_size, -1}}, balanced, 0), 0, d_.title_leading,
                      d_.title_size, 0, block_node("H1"));
            b.outline = OutlineEntry{m.title, 0, 0, 0};
        }
        if (!m.subtitle.empty()) {
            rule(b, 3, 0, 0, 0, 0);
            ParagraphSpec balanced{measure_, false, false, true};
            add_lines(b, setter_.set({{m.subtitle, Style::italic, d_.subtitle_size, -1}}, balanced, 0), 0,
                      d_.subtitle_size * 1.25, d_.subtitle_size, 0, block_node("P"));
        }
        if (!b.lines.empty()) {
            rule(b, 10, 0, 0, 0, 0);
            blocks_.push_back(std::move(b));
        }
    }

    void body() {
        bool dateline_done = doc_.meta.dateline.empty();
        for (const auto& block : doc_.body) {
            deadline::check();  // the time budget (hardening, issue 7)
            int line = model::block_line(block);
            std::visit(
                [&](const auto& blk) {
                    using T = std::decay_t<decltype(blk)>;
                    if constexpr (std::is_same_v<T, model::Paragraph>) {
                        const int p = block_node("P");
                        std::vector<Run> r;
                        if (!dateline_done) {
                            r.push_back({doc_.meta.dateline, Style::bold, d_.body_size, -1});
                            r.push_back({" \u2014 ", Style::regular, d_.body_size, -1});
                            dateline_done = true;
                        }
                        auto more = runs(blk.content, Style::regular, d_.body_size);
                        r.insert(r.end(), more.begin(), more.end());
                        FlowBlock b;
                        b.space_before = d_.paragraph_space;
                        add_lines(b, setter_.set(r, {measure_, true, true}, line), 0, d_.body_leading, d_.body_size, 0,
                                  p);
                        push(std::move(b));
                    } else if constexpr (std::is_same_v<T, model::Heading>) {
                        bool h1 = blk.level <= 1;
                        const int h = block_node(heading_type(blk.level));
                        double size = h1 ? d_.h1_size : d_.h2_size;
                        double leading = h1 ? d_.h1_leading : d_.h2_leading;
                        FlowBlock b;
                        b.space_before = h1 ? d_.h1_space : d_.h2_space;
                        b.keep_together = true;
                        b.keep_with_next = true;
                        add_lines(b,
                                  setter_.set(runs(blk.content, h1 ? Style::bold : Style::bold_italic, size),
                                              {measure_, false, false}, line),
                                  0, leading, size, 0, h);
                        b.outline = OutlineEntry{model::plain_text(blk.content), h1 ? 1 : 2, 0, 0};
                        push(std::move(b));
                    } else if constexpr (std::is_same_v<T, model::Quote>) {
                        const int q = block_node("BlockQuote");
                        FlowBlock b;
                        b.space_before = d_.quote_space;
                        add_lines(b,
                                  setter_.set(runs(blk.content, Style::italic, d_.quote_size),
                                              {measure_ - 2 * d_.quote_indent, true, true}, line),
                                  d_.quote_indent, d_.quote_leading, d_.quote_size, 0, q);
                        push(std::move(b));
                        pending_space_ = d_.quote_space;
                    } else {
                        list(blk);
                    }
                },
                block);
        }
        // The press-release end mark, as the last line of the last block
        // (its space above folded into the line's height): the widow rule
        // then never leaves it alone at the top of a page.
        Line mark = setter_.set_line({{"###", Style::regular, d_.body_size, -1}}, 0);
        const double space = 14;
        FlowLine end{std::move(mark), 0, space + d_.body_leading, space + baseline_in(d_.body_leading, d_.body_size), 0, {}, false};
        end.indent = (measure_ - end.line.width) / 2;
        end.artifact = Artifact::layout;  // typography, not the release's text
        if (blocks_.empty()) {
            FlowBlock b;
            b.lines.push_back(std::move(end));
            push(std::move(b));
        } else {
            blocks_.back().lines.push_back(std::move(end));
        }
    }

    void list(const model::List& l) {
        std::vector<int> counters(9, 0);
        bool first = true;
        // The structure: an L per level; a nested list is in the LBody of
        // the item before it, and a level never skips one (an item two
        // levels down from the one before it is nested one level).
        std::vector<int> lists, bodies;
        for (const auto& item : l.items) {
            const auto level =
                static_cast<std::size_t>(std::min<std::size_t>(std::clamp(item.depth, 0, 8), lists.size()));
            if (level == lists.size()) {
                lists.push_back(node("L", level == 0 ? 0 : bodies[level - 1]));
                out_.nodes.back().numbering = l.ordered ? "Decimal" : "Disc";
            }
            lists.resize(level + 1);
            bodies.resize(level + 1);
            const int li = node("LI", lists[level]);
            const int lbl = node("Lbl", li);
            bodies[level] = cur_node_ = node("LBody", li);
            int depth = std::clamp(item.depth, 0, 8);
            ++counters[static_cast<std::size_t>(depth)];
            std::fill(counters.begin() + depth + 1, counters.end(), 0);
            static const char* bullets[] = {"\u2022", "\u2013", "\u25e6"};
            std::string marker = l.ordered ? std::to_string(counters[static_cast<std::size_t>(depth)]) + "."
                                           : bullets[std::min(depth, 2)];
            double text_x = d_.list_indent + depth * d_.list_nest;
            FlowBlock b;
            b.space_before = first ? d_.paragraph_space : d_.item_space;
            first = false;
            int line = item.line ? item.line : l.line;
            add_lines(
                b, setter_.set(runs(item.content, Style::regular, d_.body_size), {measure_ - text_x, true, true}, line),
                text_x, d_.body_leading, d_.body_size, 0, bodies[level]);
            if (!b.lines.empty()) {
                // The marker hangs in the indent, right-aligned 5pt before the text.
                Line m = setter_.set_line({{marker, Style::regular, d_.body_size, -1}}, line);
                double shift = -5 - m.width;
                for (auto& f : m.fragments) {
                    f.x += shift;
                    f.node = lbl;
                    b.lines.front().line.fragments.insert(b.lines.front().line.fragments.begin(), f);
                }
            }
            push(std::move(b));
        }
    }

    void contacts() {
        const auto& cs = doc_.meta.contacts;
        if (cs.empty()) return;
        FlowBlock b;
        b.space_before = 16;
        b.keep_together = true;
        rule(b, 8, 0, 0, 144, 0.6);
        const int sect = node("Sect", 0);
        ParagraphSpec spec{measure_, false, false};
        for (std::size_t i = 0; i < cs.size(); ++i) {
            const auto& c = cs[i];
            if (i > 0) rule(b, 6, 0, 0, 0, 0);
            bool labelled = !c.lines.empty() && text::ascii_lower(c.lines.front()).find("contact") != std::string::npos;
            if (!labelled)
                add_lines(b, setter_.set({{"Contact", Style::bold, d_.contact_size, -1}}, spec, 0), 0,
                          d_.contact_leading, d_.contact_size, 0, node("P", sect));
            for (std::size_t k = 0; k < c.lines.size(); ++k) {
                const int p = cur_node_ = node("P", sect);
                std::vector<Run> r;
                std::string line = c.lines[k];
                if (labelled && k == 0) {
                    // The label in bold: all of "Media contact", or only
                    // "Contact:" of "Contact: Larry Hart, 202-586-5806".
                    std::size_t colon = line.find(':');
                    std::size_t cut = colon != std::string::npos && colon < 40 ? colon + 1 : line.size();
                    r.push_back({line.substr(0, cut), Style::bold, d_.contact_size, -1});
                    line = line.substr(cut);
                }
                append_detecting_links(r, line, Style::regular, d_.contact_size);
                add_lines(b, setter_.set(r, spec, 0), 0, d_.contact_leading, d_.contact_size, 0, p);
            }
        }
        push(std::move(b));
    }

    void push(FlowBlock b) {
        if (b.lines.empty()) return;
        if (pending_space_ > 0) {
            b.space_before = std::max(b.space_before, pending_space_);
            pending_space_ = 0;
        }
        blocks_.push_back(std::move(b));
    }

    // ---------------------------------------------------- pagination
    double content_top() const { return d_.margin_top; }
    double content_bottom() const { return paper_.height - d_.margin_bottom; }

    static double height_of(const FlowBlock& b, std::size_t from, std::size_t count) {
        double h = 0;
        for (std::size_t i = from; i < from + count && i < b.lines.size(); ++i) h += b.lines[i].height;
        return h;
    }

    // Lines a block must place together where it starts: all of it when it
    // is kept together or too short to split with two lines on each side.
    static std::size_t min_start(const FlowBlock& b) {
        if (b.keep_together || b.lines.size() < 4) return b.lines.size();
        return 2;
    }

    static bool ends_in_hyphen(const Line& l) {
        return !l.fragments.empty() && !l.fragments.back().text.empty() && l.fragments.back().text.back() == '-';
    }

    void new_page() {
        out_.pages.emplace_back();
        y_ = content_top();
    }

    void paginate() {
        new_page();
        for (std::size_t bi = 0; bi < blocks_.size(); ++bi) {
            deadline::check_every(256);
            FlowBlock& b = blocks_[bi];
            bool at_top = y_ == content_top();
            double space = at_top ? 0 : b.space_before;
            double need = space + height_of(b, 0, min_start(b));
            if (b.keep_with_next && bi + 1 < blocks_.size()) {
                const FlowBlock& next = blocks_[bi + 1];
                need += next.space_before + height_of(next, 0, min_start(next)) + height_of(b, min_start(b), b.lines.size());
            }
            if (!at_top && y_ + need > content_bottom()) {
                new_page();
                space = 0;
            }
            y_ += space;
            if (b.outline) {
                b.outline->page = out_.pages.size() - 1;
                b.outline->top = paper_.height - y_;
                out_.outline.push_back(*b.outline);
            }
            std::size_t placed = 0;
            while (placed < b.lines.size()) {
                // How many of the remaining lines fit here?
                std::size_t fit = 0;
                double h = 0;
                while (placed + fit < b.lines.size() && y_ + h + b.lines[placed + fit].height <= content_bottom() + 0.01) {
                    h += b.lines[placed + fit].height;
                    ++fit;
                }
                std::size_t rest = b.lines.size() - placed;
                std::size_t take = rest;
                if (fit < rest) {
                    bool breakable = !b.keep_together && rest >= 4;
                    take = breakable ? std::min(fit, rest - 2) : 0;  // leave no widow
                    if (breakable && placed == 0 && take < 2) take = 0;  // and no orphan
                    if (take == 0 && y_ == content_top()) take = std::max<std::size_t>(fit, 1);  // cannot do better
                    // A page should not end in a hyphen (TeX's \brokenpenalty):
                    // move that line over when both pages keep two lines.
                    if (breakable && take >= 3 && ends_in_hyphen(b.lines[placed + take - 1].line)) --take;
                }
                for (std::size_t k = 0; k < take; ++k) place(b.lines[placed + k]);
                placed += take;
                if (placed < b.lines.size()) new_page();
            }
        }
    }

    void place(const FlowLine& fl) {
        Page& page = out_.pages.back();
        double left = d_.margin_left + fl.indent;
        if (fl.rule) {
            if (fl.rule->width > 0) {
                double y = paper_.height - (y_ + fl.rule->y1);
                page.rules.push_back({left + fl.rule->x1, y, left + fl.rule->x2, y, fl.rule->width, fl.rule->gray});
            }
            y_ += fl.height;
            return;
        }
        double base = paper_.height - (y_ + fl.baseline);
        const auto& frags = fl.line.fragments;
        for (std::size_t i = 0; i < frags.size(); ++i) {
            const Fragment& f = frags[i];
            page.texts.push_back(placed(f, left + f.x, base, fl.gray, fragment_node(f, fl), fl.artifact));
            if (f.link >= 0) {
                // One link area per run of fragments of the same link on this line.
                bool continues = !page.links.empty() && i > 0 && frags[i - 1].link == f.link &&
                                 page.links.back().uri == links_[static_cast<std::size_t>(f.link)] &&
                                 std::abs(page.links.back().bottom - (base - fl.line.descent)) < 0.01;
                if (continues) {
                    page.links.back().right = left + f.x + f.width;
                } else {
                    const auto link = static_cast<std::size_t>(f.link);
                    page.links.push_back({left + f.x, base - fl.line.descent, left + f.x + f.width,
                                          base + fl.line.ascent, links_[link], 0, 0, link_nodes_[link],
                                          link_descriptions_[link]});
                }
            }
        }
        y_ += fl.height;
    }

    // The element a fragment is content of: its own (a list marker's Lbl),
    // its link's, or its line's; inside it, a Span with the language of a
    // passage in another script (script.hpp), one per passage: the
    // fragments of a passage follow each other.
    int fragment_node(const Fragment& f, const FlowLine& fl) {
        if (fl.artifact != Artifact::none || f.inserted) return -1;
        int n = f.node >= 0 ? f.node : (f.link >= 0 ? link_nodes_[static_cast<std::size_t>(f.link)] : fl.node);
        if (n < 0) return n;
        const std::string lang = script::part_language(f.text, doc_.meta.language);
        if (lang.empty()) {
            // Numbers and punctuation inside a passage stay in it.
            if (last_placed_ >= 0 && out_.nodes[static_cast<std::size_t>(last_placed_)].parent == n &&
                !out_.nodes[static_cast<std::size_t>(last_placed_)].lang.empty() && !has_letters(f.text))
                return last_placed_;
            return last_placed_ = n;
        }
        const auto& last = last_placed_ >= 0 ? out_.nodes[static_cast<std::size_t>(last_placed_)] : out_.nodes[0];
        if (last_placed_ >= 0 && last.type == "Span" && last.parent == n && last.lang == lang) return last_placed_;
        return last_placed_ = node("Span", n, lang);
    }

    static bool has_letters(const std::string& s) {
        for (std::size_t i = 0; i < s.size();)
            if (utf8::is_letter(utf8::next(s, i))) return true;
        return false;
    }

    void footers() {
        std::size_t n = out_.pages.size();
        for (std::size_t p = 0; p < n; ++p) draw_footer(out_.pages[p], paper_, footer_text(doc_, p + 1, n), setter_);
    }

    const model::Document& doc_;
    Design d_;
    Setter setter_;
    Paper paper_;
    Regex url_;
    double measure_ = 468;
    std::vector<FlowBlock> blocks_;
    std::vector<std::string> links_;
    std::vector<int> link_nodes_;                 // per link: its Link element
    std::vector<std::string> link_descriptions_;  // per link: its /Contents
    int cur_node_ = 0;                            // the element links being set go in
    int last_heading_ = 1;                        // H1: the title's level (heading_type)
    int last_placed_ = -1;                        // the element of the last fragment placed
    double pending_space_ = 0;
    double y_ = 0;  // from the page's top
    DocumentLayout out_;
};

}  // namespace

DocumentLayout lay_out(const model::Document& doc, const LayoutOptions& options, const fonts::FontSet& fonts,
                       const Hyphenator* hyphenator, Diagnostics& diagnostics) {
    return Builder(doc, options, fonts, hyphenator, diagnostics).run(options.footers);
}

void draw_footer(Page& page, const Paper& paper, const std::string& text, Setter& setter) {
    const Design d;
    const double measure = paper.width - d.margin_left - d.margin_right;
    Line l = setter.set_line({{text, Style::regular, d.footer_size, -1}}, 0);
    double x = d.margin_left + (measure - l.width) / 2;
    for (const auto& f : l.fragments)
        page.texts.push_back(placed(f, x + f.x, d.footer_baseline, d.footer_gray, -1, Artifact::pagination));
    double rule_y = d.footer_baseline + d.footer_size + 5;
    page.rules.push_back(
        {d.margin_left, rule_y, d.margin_left + measure, rule_y, 0.4, d.footer_gray, Artifact::pagination});
}

PlacedText placed(const Fragment& f, double x, double y, double gray, int node, Artifact artifact) {
    PlacedText t{x, y, f.face, f.size, f.text, gray, f.actual, f.space_after, node, artifact, f.inserted};
    if (f.inserted) t.node = -1;
    if (t.node < 0 && t.artifact == Artifact::none) t.artifact = Artifact::layout;
    return t;
}

}  // namespace pressroom::layout

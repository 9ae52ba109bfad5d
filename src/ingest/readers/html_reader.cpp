// Saved HTML pages, parsed with libxml2's HTML parser (error-tolerant, no
// network), walked into Source lines with structure hints.
//
// What a page has besides the release is dropped here and recorded in the
// audit: scripts and styles silently (they are not text), navigation,
// asides, forms, page headers and footers, hidden elements and everything
// outside the page's main content (its <article>, <main> or role=main) with
// a rule id naming the reason.
#include "ingest/readers/html_reader.hpp"

#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/readers/decode.hpp"
#include "pressroom/error.hpp"
#include "xml/libxml.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>

namespace pressroom::ingest {

namespace {

using model::Span;

std::string name_of(const xmlNode* n) {
    return n && n->name ? text::ascii_lower(reinterpret_cast<const char*>(n->name)) : std::string();
}

bool one_of(const std::string& name, std::initializer_list<const char*> names) {
    for (const char* x : names)
        if (name == x) return true;
    return false;
}

// Elements that are not text at all.
bool is_silent(const std::string& n) {
    return one_of(n, {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed",
                      "canvas", "audio", "video", "map", "input", "select", "option", "textarea", "button", "link",
                      "meta", "img", "picture", "source", "track", "param", "area"});
}

bool is_block(const std::string& n) {
    return one_of(n, {"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
                      "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption",
                      "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr", "center", "details",
                      "summary", "fieldset", "legend", "body", "html", "nav", "aside", "form", "menu", "hgroup"});
}

std::string attr(const xmlNode* n, const char* name) { return xml::attribute(n, name); }

bool has_class_token(const xmlNode* n, std::initializer_list<const char*> tokens) {
    std::string cls = text::ascii_lower(attr(n, "class"));
    for (std::string_view tok : text::split(cls, ' '))
        for (const char* t : tokens)
            if (tok == t) return true;
    return false;
}

bool is_hidden(const xmlNode* n) {
    if (xmlHasProp(const_cast<xmlNode*>(n), reinterpret_cast<const xmlChar*>("hidden"))) return true;
    if (text::ascii_lower(attr(n, "aria-hidden")) == "true") return true;
    std::string style = text::ascii_lower(attr(n, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
        return true;
    return has_class_token(n, {"hidden", "element-hidden", "visually-hidden", "visuallyhidden", "sr-only",
                               "screen-reader-text", "hide", "invisible", "element-invisible"});
}

bool has_descendant(const xmlNode* n, const std::function<bool(const xmlNode*)>& pred) {
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (pred(c) || has_descendant(c, pred))) return true;
    return false;
}

std::size_t text_size(const xmlNode* n);

// A form that holds the page's headline or article is the page's layout
// (ASP.NET wraps whole pages in one <form>), not a search box or a sign-up
// form.
bool wraps_content(const xmlNode* form) {
    return has_descendant(form, [](const xmlNode* c) {
        std::string cn = name_of(c);
        return cn == "h1" || cn == "article" || cn == "main" || text::ascii_lower(attr(c, "role")) == "main";
    }) || text_size(form) >= 2000;
}

// Chrome by role: the id of the rule that drops it, or "". An element that
// holds the page's headline or article is not chrome whatever it is called:
// an unclosed <nav> that the parser lets run to the end of the page, an
// ASP.NET page wrapped in one <form>. Its lines go to the classifier.
std::string chrome_rule(const xmlNode* n, const std::string& name, bool in_content) {
    if (is_hidden(n)) return "html-hidden";
    std::string role = text::ascii_lower(attr(n, "role"));
    std::string rule;
    if (name == "nav" || role == "navigation" || role == "menu" || role == "menubar") rule = "html-navigation";
    else if (name == "aside" || role == "complementary") rule = "html-aside";
    else if (name == "form" || role == "search") rule = "html-form";
    else if (role == "banner" || (name == "header" && !in_content)) rule = "html-page-header";
    else if (role == "contentinfo" || (name == "footer" && !in_content)) rule = "html-page-footer";
    if (!rule.empty() && wraps_content(n)) return {};
    return rule;
}

std::size_t text_size(const xmlNode* n) {
    std::size_t total = 0;
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const xmlChar* p = c->content; *p; ++p)
                if (!text::is_ascii_space(static_cast<char>(*p))) ++total;
        } else if (c->type == XML_ELEMENT_NODE && !is_silent(name_of(c))) {
            total += text_size(c);
        }
    }
    return total;
}

void find_all(xmlNode* n, const std::function<bool(xmlNode*)>& pred, std::vector<xmlNode*>& out) {
    for (xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (pred(c)) out.push_back(c);
        find_all(c, pred, out);
    }
}

// The page's main content: its <article> (the one with most text), else
// <main> or role=main, else <body>.
xmlNode* content_root(xmlNode* html) {
    std::vector<xmlNode*> articles, mains;
    find_all(html, [](xmlNode* c) { return name_of(c) == "article"; }, articles);
    find_all(html, [](xmlNode* c) { return name_of(c) == "main" || text::ascii_lower(attr(c, "role")) == "main"; },
             mains);
    auto biggest = [](const std::vector<xmlNode*>& v) {
        return *std::max_element(v.begin(), v.end(), [](xmlNode* a, xmlNode* b) { return text_size(a) < text_size(b); });
    };
    if (!articles.empty()) {
        xmlNode* a = biggest(articles);
        if (text_size(a) >= 200) return a;  // a teaser card is not the page's article
    }
    if (!mains.empty()) return biggest(mains);
    std::vector<xmlNode*> bodies;
    find_all(html, [](xmlNode* c) { return name_of(c) == "body"; }, bodies);
    return bodies.empty() ? html : bodies.front();
}

// Inside an <article> or <main>: a <header> or <footer> there belongs to the
// article (its headline, its byline), not to the page.
bool inside_article(const xmlNode* n) {
    for (const xmlNode* p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        std::string pn = name_of(p);
        if (pn == "article" || pn == "main" || text::ascii_lower(attr(p, "role")) == "main") return true;
    }
    return false;
}

bool is_inside(const xmlNode* n, const xmlNode* ancestor) {
    for (; n; n = n->parent)
        if (n == ancestor) return true;
    return false;
}

// A table whose cells hold only inline content is data (a row is a line);
// otherwise it is page layout (its cells are containers).
bool is_data_table(const xmlNode* table) {
    bool data = true;
    std::function<void(const xmlNode*, bool)> scan = [&](const xmlNode* n, bool in_cell) {
        for (const xmlNode* c = n->children; c && data; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            std::string cn = name_of(c);
            if (in_cell && one_of(cn, {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote", "br"})) {
                // A single <p> or <br> in a cell is still a cell; more is layout.
                if (cn == "table" || text_size(c) > 200) data = false;
            }
            scan(c, in_cell || cn == "td" || cn == "th");
        }
    };
    scan(table, false);
    return data;
}

class Walker {
public:
    Walker(Source& src, const std::string& base_url) : src_(src), base_(base_url) {}

    void walk_content(xmlNode* root) { walk(root); flush(); }

    // The whole page, the lines outside `root` (the page's article or main
    // content) flagged as such: whether they are the release is the
    // classifier's decision, with that flag as one of its features.
    void walk_page(xmlNode* page, xmlNode* root) {
        root_ = root;
        ctx_.outside = root != page;
        walk(page);
        flush();
    }

    // Records the text of a dropped subtree in the audit.
    void drop(const xmlNode* n, const std::string& rule) {
        std::vector<std::pair<int, std::string>> pieces;
        bool fresh = true;
        collect_text(n, pieces, fresh);
        for (auto& [line, t] : pieces) {
            std::string c = text::collapse_space(t);
            if (!c.empty()) src_.removed.push_back({clean_text(c), rule, line});
        }
    }

private:
    struct Ctx {
        LineKind kind = LineKind::text;
        int level = 0;
        bool ordered = false;
        bool centered = false;
        bool outside = false;          // not inside the content root
        bool chrome_context = false;   // an ancestor's class or id names chrome
        bool content_context = false;  // ... names an article's text
    };

    Source& src_;
    std::string base_;
    const xmlNode* root_ = nullptr;
    model::Inlines inlines_;
    int line_ = 0;
    Ctx block_;
    bool next_starts_block_ = true;
    int br_run_ = 0;
    std::vector<bool> lists_;  // ordered flags of the open lists
    Span::Kind inline_kind_ = Span::Kind::text;
    std::string href_;
    Ctx ctx_;
    int anchor_depth_ = 0;          // inside how many <a> elements
    std::size_t anchor_chars_ = 0;  // text characters of the pending line inside <a>
    std::size_t other_chars_ = 0;   // and outside

    // Text of a subtree, one piece per block (with the line it starts on).
    static void collect_text(const xmlNode* n, std::vector<std::pair<int, std::string>>& out, bool& fresh) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
                if (fresh || out.empty()) {
                    out.emplace_back(static_cast<int>(xmlGetLineNo(c)), std::string());
                    fresh = false;
                }
                out.back().second += reinterpret_cast<const char*>(c->content);
            } else if (c->type == XML_ELEMENT_NODE && !is_silent(name_of(c))) {
                bool block = is_block(name_of(c)) || name_of(c) == "br";
                if (block) fresh = true;
                collect_text(c, out, fresh);
                if (block) fresh = true;
            }
        }
    }

    void flush() {
        model::normalize_space(inlines_);
        if (!inlines_.empty()) {
            Line l;
            l.number = line_;
            l.kind = block_.kind;
            l.level = block_.level;
            l.ordered = block_.ordered;
            l.centered = block_.centered;
            l.link_only = anchor_chars_ > 0 && other_chars_ == 0;
            l.link_chars = static_cast<int>(anchor_chars_);
            l.outside = block_.outside;
            l.chrome_context = block_.chrome_context;
            l.content_context = block_.content_context;
            l.block_start = next_starts_block_;
            for (auto& s : inlines_) s.text = clean_text(s.text);
            model::normalize_space(inlines_);
            l.text = model::plain_text(inlines_);
            // "o The Toll Roads: ...", "• Item": list items typed as lines of
            // a paragraph, one <br> apart.
            if (l.kind == LineKind::text && !inlines_.empty() && inlines_.front().kind == Span::Kind::text) {
                static const Regex bullet("^(?:[•◦▪■●‣⁃∙·*-]|o(?=\\s+\\p{Lu}))\\s+(?=\\S)");
                if (auto m = bullet.search(inlines_.front().text)) {
                    inlines_.front().text.erase(0, m->end());
                    model::normalize_space(inlines_);
                    l.text = model::plain_text(inlines_);
                    l.kind = LineKind::item;
                    l.block_start = true;
                }
            }
            bool rich = std::any_of(inlines_.begin(), inlines_.end(), [](const Span& s) { return s.kind != Span::Kind::text; });
            if (rich) l.inlines = std::move(inlines_);
            if (!l.text.empty()) src_.lines.push_back(std::move(l));
            next_starts_block_ = false;
        }
        inlines_.clear();
        line_ = 0;
        anchor_chars_ = other_chars_ = 0;
    }

    void block_boundary() {
        flush();
        next_starts_block_ = true;
        br_run_ = 0;
    }

    void add_text(const xmlNode* t) {
        if (!t->content) return;
        std::string s = reinterpret_cast<const char*>(t->content);
        bool blank = text::trim(s).empty();
        if (!blank) (anchor_depth_ > 0 ? anchor_chars_ : other_chars_) += text::trim(s).size();
        if (!blank) {
            if (br_run_ >= 2) next_starts_block_ = true;
            br_run_ = 0;
            if (inlines_.empty() || line_ == 0) {
                line_ = static_cast<int>(xmlGetLineNo(t));
                block_ = ctx_;
            }
        }
        Span::Kind k = inline_kind_;
        if (!inlines_.empty() && inlines_.back().kind == k && inlines_.back().href == href_)
            inlines_.back().text += s;
        else
            inlines_.push_back(Span{k, s, k == Span::Kind::link ? href_ : std::string()});
    }

    std::string resolve(const std::string& href) const {
        std::string h(text::trim(href));
        if (h.empty() || h[0] == '#') return {};
        std::string lower = text::ascii_lower(h);
        if (text::starts_with(lower, "javascript:") || text::starts_with(lower, "data:")) return {};
        if (text::starts_with(lower, "mailto:")) return h.find('@') != std::string::npos ? h : std::string();
        if (text::starts_with(lower, "http://") || text::starts_with(lower, "https://")) return h;
        if (base_.empty()) return {};
        xmlChar* u = xmlBuildURI(reinterpret_cast<const xmlChar*>(h.c_str()), reinterpret_cast<const xmlChar*>(base_.c_str()));
        if (!u) return {};
        std::string out(reinterpret_cast<const char*>(u));
        xmlFree(u);
        std::string ol = text::ascii_lower(out);
        return (text::starts_with(ol, "http://") || text::starts_with(ol, "https://")) ? out : std::string();
    }

    void walk(xmlNode* n) {
        for (xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                add_text(c);
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue;
            element(c);
        }
    }

    void element(xmlNode* c) {
        deadline::check_every(1024);  // the time budget (hardening, issue 7)
        const std::string name = name_of(c);
        if (is_silent(name)) return;
        if (std::string rule = chrome_rule(c, name, inside_article(c)); !rule.empty()) {
            block_boundary();
            drop(c, rule);
            return;
        }
        if (name == "br") {
            flush();
            ++br_run_;
            return;
        }
        if (name == "hr") {
            block_boundary();
            return;
        }
        if (name == "table" && is_data_table(c)) {
            table(c);
            return;
        }
        if (!is_block(name)) {
            inline_element(c, name);
            return;
        }

        block_boundary();
        Ctx saved = ctx_;
        if (c == root_) ctx_.outside = false;
        {
            std::string align = text::ascii_lower(attr(c, "align"));
            std::string style = text::ascii_lower(attr(c, "style"));
            style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
            if (name == "center" || align == "center" || style.find("text-align:center") != std::string::npos)
                ctx_.centered = true;
            context_tokens(c, ctx_);
        }
        if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
            int h = name[1] - '0';
            ctx_.kind = LineKind::heading;
            ctx_.level = h <= 2 ? 1 : (h == 3 ? 2 : 3);
            walk(c);
        } else if (name == "ul" || name == "ol" || name == "menu") {
            lists_.push_back(name == "ol");
            walk(c);
            lists_.pop_back();
        } else if (name == "li") {
            ctx_.kind = LineKind::item;
            ctx_.level = lists_.empty() ? 0 : static_cast<int>(lists_.size()) - 1;
            ctx_.ordered = !lists_.empty() && lists_.back();
            walk(c);
        } else if (name == "blockquote") {
            if (ctx_.kind == LineKind::text) ctx_.kind = LineKind::quote;
            walk(c);
        } else if (name == "pre") {
            pre(c);
        } else {
            walk(c);
        }
        block_boundary();
        ctx_ = saved;
    }

    // What the element's class and id say it holds: page chrome ("menu",
    // "share", "footer") or an article's text ("article", "content").
    // Features for the classifier, never decisions.
    static void context_tokens(const xmlNode* c, Ctx& ctx) {
        std::string names = text::ascii_lower(attr(c, "class") + " " + attr(c, "id"));
        for (char& ch : names)
            if (ch == '-' || ch == '_') ch = ' ';
        for (std::string_view tok : text::split(names, ' ')) {
            if (tok.empty()) continue;
            if (one_of(std::string(tok), {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer",
                                          "sidebar", "share", "sharing", "social", "related", "widget", "banner",
                                          "cookie", "cookies", "subscribe", "newsletter", "promo", "pager",
                                          "pagination", "skip", "search", "comments", "comment", "tags", "toolbar",
                                          "utility", "masthead", "signup", "sitemap", "disclaimer", "translate"}))
                ctx.chrome_context = true;
            if (one_of(std::string(tok), {"article", "content", "body", "post", "entry", "story", "release", "text",
                                          "press", "news", "field", "main"}))
                ctx.content_context = true;
        }
    }

    void inline_element(xmlNode* c, const std::string& name) {
        Span::Kind saved_kind = inline_kind_;
        std::string saved_href = href_;
        if (name == "a") ++anchor_depth_;
        if (name == "a") {
            std::string h = resolve(attr(c, "href"));
            if (!h.empty() && inline_kind_ != Span::Kind::link) {
                inline_kind_ = Span::Kind::link;
                href_ = h;
            }
        } else if ((name == "strong" || name == "b") && inline_kind_ == Span::Kind::text) {
            inline_kind_ = Span::Kind::strong;
        } else if ((name == "em" || name == "i" || name == "cite") && inline_kind_ == Span::Kind::text) {
            inline_kind_ = Span::Kind::emphasis;
        }
        walk(c);
        if (name == "a") --anchor_depth_;
        inline_kind_ = saved_kind;
        href_ = saved_href;
    }

    void pre(xmlNode* c) {
        std::string t = xml::node_text(c);
        if (t.size() >= 20) ++src_.code_blocks;
        int line = static_cast<int>(xmlGetLineNo(c));
        for (std::string_view l : text::split(t, '\n')) {
            std::string s = clean_text(text::collapse_space(l));
            if (!s.empty()) {
                Line out;
                out.number = line;
                out.text = s;
                out.kind = ctx_.kind;
                out.block_start = true;
                src_.lines.push_back(std::move(out));
            }
            ++line;
        }
    }

    // A data table: one line per row, cells separated by " | ".
    void table(xmlNode* t) {
        block_boundary();
        std::vector<xmlNode*> rows;
        find_all(t, [](xmlNode* x) { return name_of(x) == "tr"; }, rows);
        for (xmlNode* r : rows) {
            std::vector<std::string> cells;
            for (xmlNode* cell = r->children; cell; cell = cell->next) {
                std::string cn = name_of(cell);
                if (cn != "td" && cn != "th") continue;
                std::string s = clean_text(text::collapse_space(xml::node_text(cell)));
                if (!s.empty()) cells.push_back(s);
            }
            if (cells.empty()) continue;
            Line l;
            l.number = static_cast<int>(xmlGetLineNo(r));
            l.text = text::join(cells, " | ");
            l.kind = ctx_.kind;
            l.block_start = true;
            src_.lines.push_back(std::move(l));
        }
        block_boundary();
    }
};

// Lines outside the page's <article> or <main> go to the classifier,
// flagged, rather than being dropped by the reader.
constexpr bool keep_outside_content = true;

// Everything outside the content root, recorded block by block.
void drop_outside(xmlNode* n, xmlNode* root, Walker& w) {
    for (xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (c == root) continue;
        if (is_inside(root, c)) {
            // An ancestor of the content: its other children are outside.
            drop_outside(c, root, w);
            continue;
        }
        std::string name = name_of(c);
        if (is_silent(name)) continue;
        std::string rule = chrome_rule(c, name, false);
        w.drop(c, rule.empty() ? "html-outside-content" : rule);
    }
}

// Head metadata: machine-readable dates and titles, the canonical URL.
void read_head(xmlNode* html, Source& src, std::string& base_url) {
    std::vector<xmlNode*> metas;
    find_all(html, [](xmlNode* c) {
        std::string n = name_of(c);
        return n == "meta" || n == "title" || n == "link" || n == "span" || n == "time" || n == "html";
    }, metas);
    auto set_date = [&](const std::string& v) {
        if (!src.given.date.empty() || v.empty()) return;
        if (auto d = find_date(v)) src.given.date = d->iso;
    };
    for (xmlNode* m : metas) {
        std::string n = name_of(m);
        std::string key = text::ascii_lower(attr(m, "property").empty() ? attr(m, "name") : attr(m, "property"));
        std::string content = attr(m, "content");
        if (n == "title" && m->parent && name_of(m->parent) == "head") {
            std::string t = clean_text(text::collapse_space(xml::node_text(m)));
            if (!t.empty()) src.title_hints.push_back(t);
        } else if (n == "meta") {
            if (key == "og:title" || key == "twitter:title" || key == "dc.title" || key == "dcterms.title")
                src.title_hints.insert(src.title_hints.begin(), clean_text(text::collapse_space(content)));
            else if (key == "article:published_time" || key == "dc.date" || key == "dc.date.issued" ||
                     key == "dcterms.issued" || key == "dcterms.date" || key == "date" || key == "pubdate" ||
                     text::ascii_lower(attr(m, "itemprop")) == "datepublished")
                set_date(content);
            else if (key == "og:site_name" || ((key == "application-name" || key == "dc.publisher" ||
                                                 key == "dcterms.publisher" || key == "publisher") &&
                                                src.agency_hint.empty()))
                src.agency_hint = clean_text(text::collapse_space(content));
            else if (key == "og:url" && base_url.empty())
                base_url = content;
        } else if (n == "link" && text::ascii_lower(attr(m, "rel")) == "canonical") {
            if (base_url.empty()) base_url = attr(m, "href");
        } else if ((n == "span" || n == "time") && !content.empty()) {
            std::string prop = text::ascii_lower(attr(m, "property"));
            if (prop == "dc:date" || prop == "dcterms:date" || prop == "datepublished") set_date(content);
            if (prop == "dc:title") src.title_hints.insert(src.title_hints.begin(), clean_text(text::collapse_space(content)));
        } else if (n == "html") {
            std::string lang = attr(m, "lang");
            if (!lang.empty() && lang.size() <= 35 && lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789") == std::string::npos)
                src.given.language = lang;
            // <html newsdate="2021-04-27">: a site's own attribute for the date.
            for (const xmlAttr* a = m->properties; a; a = a->next)
                if (a->name && text::ascii_lower(reinterpret_cast<const char*>(a->name)).find("date") != std::string::npos)
                    set_date(attr(m, reinterpret_cast<const char*>(a->name)));
        }
    }
    if (!base_url.empty()) src.detect_hints.push_back(base_url);
    if (!src.agency_hint.empty()) src.detect_hints.push_back(src.agency_hint);
}

// The charset the page declares, if any (from the first 4 KB).
std::string declared_charset(std::string_view bytes) {
    std::string head = text::ascii_lower(bytes.substr(0, 4096));
    auto p = head.find("charset=");
    if (p == std::string::npos) return {};
    p += 8;
    while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
    std::size_t e = p;
    while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_')) ++e;
    return head.substr(p, e - p);
}

}  // namespace

std::string html_to_utf8(std::string_view bytes, std::string& encoding) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        encoding = "UTF-8";
        return std::string(bytes.substr(3));
    }
    std::string declared = declared_charset(bytes);
    // Valid UTF-8 with multi-byte sequences is UTF-8 whatever the page claims:
    // pages saved by browsers keep their old charset declaration.
    if (utf8::is_valid(bytes)) {
        encoding = "UTF-8";
        return std::string(bytes);
    }
    std::string out;
    if (mostly_utf8(bytes)) {  // UTF-8 with a few broken bytes (see decode.hpp): U+FFFD for them
        std::size_t bad = 0;
        encoding = "UTF-8";
        return utf8_with_replacements(bytes, bad);
    }
    if (!declared.empty() && declared != "utf-8" && declared != "utf8" &&
        convert_to_utf8(bytes, declared == "iso-8859-1" || declared == "latin1" ? "CP1252" : declared.c_str(), out)) {
        encoding = declared == "iso-8859-1" || declared == "latin1" ? "windows-1252" : declared;
        return out;
    }
    if (convert_to_utf8(bytes, "CP1252", out)) {
        encoding = "windows-1252";
        return out;
    }
    convert_to_utf8(bytes, "ISO-8859-1", out);
    encoding = "ISO-8859-1";
    return out;
}

Source read_html(std::string_view utf8_html, const std::string& name, std::string base_url) {
    Source src;
    src.format = "html";
    xml::init();
    std::vector<xml::XmlIssue> issues;
    xml::ErrorCapture capture(issues);
    // Hardening (issue 7): libxml2 is quadratic in the attributes of one
    // element (10^6 of them: hours); refuse such a page before parsing it.
    if (int line = xml::crowded_tag_line(utf8_html))
        throw Error(ErrorKind::input, name,
                    "not converted: a tag has more than " + std::to_string(xml::max_attributes_per_element) +
                        " attributes (a page that makes HTML parsers take hours)",
                    line);
    // The text is UTF-8 already; tell the parser so, and let nothing it
    // finds in the page switch it to another encoding.
    std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(), htmlFreeParserCtxt);
    if (!ctxt) throw std::bad_alloc();
    xml::DocPtr doc(htmlCtxtReadMemory(ctxt.get(), utf8_html.data(), static_cast<int>(utf8_html.size()), name.c_str(),
                                       "UTF-8",
                                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                           HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT));
    // The parser halts (keeping what it read so far) at 256 levels of
    // nesting: converting the rest of the page would lose text silently, so
    // such a page is refused instead (hardening, issue 7).
    if (ctxt->instate == XML_PARSER_EOF) {
        const xmlError* e = xmlCtxtGetLastError(ctxt.get());
        std::string why = e && e->message ? text::collapse_space(e->message) : std::string("unknown error");
        if (why.find("Excessive depth") != std::string::npos)
            throw Error(ErrorKind::input, name, "not converted: elements nested more than 256 levels deep", e->line);
        throw Error(ErrorKind::input, name, "not converted: the HTML parser stopped before the end (" + why + ")",
                    e ? e->line : 0);
    }
    if (!doc) return src;
    if (!xmlDocGetRootElement(doc.get())) return src;
    // The document node, not its root element: a page that opens <html>
    // twice (one conditional comment per old browser) parses into two
    // sibling <html> elements, the head in the first, the body in the
    // second. xmlDoc begins with the same fields as xmlNode, as libxml2
    // intends, so the tree walks start from it alike.
    xmlNode* html = reinterpret_cast<xmlNode*>(doc.get());

    read_head(html, src, base_url);
    xmlNode* root = content_root(html);
    Walker w(src, base_url);
    std::vector<xmlNode*> bodies;
    find_all(html, [](xmlNode* c) { return name_of(c) == "body"; }, bodies);
    if (keep_outside_content) {
        w.walk_page(bodies.empty() ? html : bodies.front(), root);
    } else {
        drop_outside(html, root, w);
        w.walk_content(root);
    }
    std::stable_sort(src.removed.begin(), src.removed.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    return src;
}

}  // namespace pressroom::ingest

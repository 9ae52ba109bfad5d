#include "layout/setter.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace pressroom::layout {

namespace {

constexpr char32_t soft_hyphen = 0x00AD;
constexpr char32_t zero_width_space = 0x200B;
constexpr char32_t no_break_space = 0x00A0;
constexpr char32_t replacement = 0xFFFD;
constexpr std::size_t not_drawn = std::numeric_limits<std::size_t>::max();

// Penalties, in TeX's units (TeX: \hyphenpenalty=50, \exhyphenpenalty=50).
constexpr double hyphen_penalty = 50;
constexpr double explicit_hyphen_penalty = 50;
constexpr double dash_penalty = 50;
constexpr double url_penalty = 100;
constexpr double emergency_penalty = 1000;
constexpr double fill = 1e6;  // finishing glue: the last line may be any length

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space_char(char32_t c) { return c != no_break_space && (c == ' ' || utf8::is_space(c)); }

enum class OppKind { hyphenation, explicit_hyphen, dash, url, zero_width, emergency };

struct Opportunity {
    std::size_t after;  // break after this glyph index
    OppKind kind;
};

}  // namespace

Setter::Setter(const fonts::FontSet& fonts, const Hyphenator* hyphenator, Diagnostics& diagnostics,
               char32_t max_code_point)
    : fonts_(fonts), hyphenator_(hyphenator), diagnostics_(diagnostics), max_cp_(max_code_point) {}

Setter::Resolved Setter::resolve(const std::vector<Run>& runs, int line) {
    Resolved r;
    std::vector<Glyph>& out = r.glyphs;
    // Invisible characters (default-ignorable code points other than the
    // soft hyphen and U+200B, which are break opportunities: variation
    // selectors as in "©️", joiners inside emoji sequences) are not drawn:
    // a font has no glyph for them, or an empty one that libharu would not
    // even write. They are carried with the glyph they follow (else the
    // next one), so the fragment that draws it stands for them too
    // (Fragment::actual).
    std::string pending;  // invisible characters not yet carried
    auto carry = [&](Glyph& g, const std::string& before, const std::string& after) {
        if (!g.actual) {
            r.actual.push_back(utf8::encode(g.cp));
            g.actual = static_cast<std::uint32_t>(r.actual.size());
        }
        std::string& a = r.actual[g.actual - 1];
        a.insert(0, before);
        a += after;
    };
    auto drawn = [](const Glyph& g) { return g.face != not_drawn && g.cp != ' '; };
    for (const auto& run : runs) {
        std::string_view s = run.text;
        for (std::size_t i = 0; i < s.size();) {
            char32_t cp = utf8::next(s, i);
            if (is_space_char(cp)) cp = ' ';
            if (cp == soft_hyphen || cp == zero_width_space) {
                out.push_back({cp, not_drawn, run.size, run.link, 0, 0});
                continue;
            }
            if (utf8::is_default_ignorable(cp)) {
                if (pending.empty() && !out.empty() && drawn(out.back())) carry(out.back(), {}, utf8::encode(cp));
                else utf8::append(pending, cp);
                continue;
            }
            int face = cp <= max_cp_ ? fonts_.find(cp, run.style) : -1;
            if (face < 0) {
                // Never drop a character silently: say which, where, and
                // show the replacement character in its place.
                std::string why = cp > max_cp_ ? "is beyond what the PDF writer can encode (the Basic Multilingual Plane)"
                                               : "is in none of the fonts";
                diagnostics_.warning("glyph-missing",
                                     code_point_name(cp) + " (" + utf8::encode(cp) + ") " + why + "; shown as " +
                                         code_point_name(replacement),
                                     line);
                cp = replacement;
                face = fonts_.find(cp, run.style);
                if (face < 0) {
                    cp = '?';
                    face = static_cast<int>(fonts_.chain(run.style).front());
                }
            }
            const auto& f = fonts_.face(static_cast<std::size_t>(face));
            out.push_back(
                {cp, static_cast<std::size_t>(face), run.size, run.link, f.advance_1000(cp) * run.size / 1000.0, 0});
            if (!pending.empty() && cp != ' ') {
                carry(out.back(), pending, {});
                pending.clear();
            }
        }
    }
    // Invisible characters after the last glyph go with the last one drawn.
    if (!pending.empty()) {
        auto last = std::find_if(out.rbegin(), out.rend(), drawn);
        if (last != out.rend()) carry(*last, {}, pending);
    }
    return r;
}

Setter::Glyph Setter::hyphen_glyph(const Glyph& like) {
    // The hyphen comes from the font of the letter before it, else the chain.
    std::size_t face = like.face;
    if (face == not_drawn || !fonts_.face(face).covers('-')) face = fonts_.chain(fonts::Style::regular).front();
    return {'-', face, like.size, like.link, fonts_.face(face).advance_1000(char32_t{'-'}) * like.size / 1000.0, 0};
}

Setter::Built Setter::build(const std::vector<Glyph>& glyphs, double measure, bool justify, bool hyphenate,
                            bool balance) {
    Built b;
    auto push = [&](Item item, std::pair<std::size_t, std::size_t> span = {0, 0}, Glyph hyphen = {},
                    std::pair<std::size_t, std::size_t> word_rest = {0, 0}) {
        b.items.push_back(item);
        b.spans.push_back(span);
        b.hyphens.push_back(hyphen);
        b.word_rest.push_back(word_rest);
    };
    std::size_t n = glyphs.size();
    std::size_t i = 0;
    while (i < n && glyphs[i].cp == ' ') ++i;
    // Where the paragraph's last word ends (only spaces after it). Computed
    // once: scanning to the end for every word made a 5 MB paragraph
    // quadratic (hardening, issue 7).
    std::size_t text_end = n;
    while (text_end > 0 && glyphs[text_end - 1].cp == ' ') --text_end;
    while (i < n) {
        if (glyphs[i].cp == ' ') {
            std::size_t j = i;
            while (j < n && glyphs[j].cp == ' ') ++j;
            if (j == n) break;  // trailing space
            double w = glyphs[i].advance;
            if (justify) {
                // TeX's proportions for a word space: stretch 1/2, shrink 1/3.
                push(Item::glue(w, w / 2, w / 3));
            } else {
                // Knuth's ragged-right glue: breaking here leaves 3em of
                // stretch at the line's end; not breaking costs nothing.
                double y = 3 * glyphs[i].size;
                push(Item::glue(0, y, 0));
                push(Item::penalty_item(0, 0, false));
                push(Item::glue(w, -y, 0));
            }
            i = j;
            continue;
        }
        std::size_t j = i;
        double word_width = 0;
        while (j < n && glyphs[j].cp != ' ') word_width += glyphs[j++].advance;

        // Break opportunities inside the word [i, j).
        std::vector<Opportunity> opps;
        std::u32string text;
        for (std::size_t k = i; k < j; ++k) text += glyphs[k].cp;
        auto at = [&](std::size_t k) { return glyphs[k].cp; };
        bool url_like = text.find(U"://") != std::u32string::npos || text.rfind(U"www.", 0) == 0 ||
                        (text.find(U'@') != std::u32string::npos && text.find(U'.') != std::u32string::npos);
        for (std::size_t k = i; k < j; ++k) {
            char32_t c = at(k);
            bool inner = k > i && k + 1 < j;
            if (c == soft_hyphen && inner) opps.push_back({k, OppKind::hyphenation});
            else if (c == zero_width_space && inner) opps.push_back({k, OppKind::zero_width});
            else if (url_like) {
                if (k >= i + 3 && k + 3 < j) {
                    if (c == '/' && at(k + 1) != '/') opps.push_back({k, OppKind::url});
                    else if (c == '-' || c == '@' || c == '&' || c == '=' || c == '?' || c == '#' || c == '_')
                        opps.push_back({k, OppKind::url});
                    else if (c == '.' && at(k - 1) != '.') opps.push_back({k - 1, OppKind::url});  // before the dot
                }
            } else if ((c == '-' || c == 0x2010) && inner && utf8::is_letter(at(k - 1)) && utf8::is_letter(at(k + 1))) {
                opps.push_back({k, OppKind::explicit_hyphen});
            } else if ((c == 0x2014 || c == 0x2013) && inner) {
                opps.push_back({k, OppKind::dash});
            }
        }
        // The last word of a paragraph is never hyphenated: a lone syllable
        // on the last line looks like a mistake.
        bool last_word = j >= text_end;
        if (hyphenate && hyphenator_ && !url_like && !last_word) {
            for (std::size_t a = i; a < j;) {
                if (!is_ascii_letter(at(a))) {
                    ++a;
                    continue;
                }
                std::size_t e = a;
                while (e < j && is_ascii_letter(at(e))) ++e;
                bool bounded = (a == i || !utf8::is_letter(at(a - 1))) && (e == j || !utf8::is_letter(at(e)));
                bool apostrophe = (a > i && (at(a - 1) == '\'' || at(a - 1) == 0x2019)) ||
                                  (e < j && (at(e) == '\'' || at(e) == 0x2019));
                if (bounded && !apostrophe && e - a >= 5) {
                    std::string word;
                    for (std::size_t k = a; k < e; ++k) word += static_cast<char>(at(k));
                    auto cached = hyphenation_cache_.find(word);
                    if (cached == hyphenation_cache_.end())
                        cached = hyphenation_cache_.emplace(word, hyphenator_->points(word)).first;
                    for (std::size_t p : cached->second) opps.push_back({a + p - 1, OppKind::hyphenation});
                }
                a = e;
            }
        }
        if (word_width > measure * 0.9) {
            // Too long for a line even alone (a long address or identifier):
            // allow a break anywhere, at a high price.
            for (std::size_t k = i; k + 1 < j; ++k) opps.push_back({k, OppKind::emergency});
        }
        std::stable_sort(opps.begin(), opps.end(), [](const auto& x, const auto& y) { return x.after < y.after; });
        opps.erase(std::unique(opps.begin(), opps.end(), [](const auto& x, const auto& y) { return x.after == y.after; }),
                   opps.end());

        // Boxes between the opportunities, split where the font, size or link changes.
        std::size_t seg = i;
        auto emit_boxes = [&](std::size_t from, std::size_t to) {
            std::size_t s = from;
            while (s < to) {
                if (glyphs[s].face == not_drawn) {
                    ++s;
                    continue;
                }
                std::size_t e = s;
                double w = 0;
                while (e < to && glyphs[e].face != not_drawn && glyphs[e].face == glyphs[s].face &&
                       glyphs[e].size == glyphs[s].size && glyphs[e].link == glyphs[s].link)
                    w += glyphs[e++].advance;
                push(Item::box(w), {s, e});
                s = e;
            }
        };
        for (const auto& o : opps) {
            emit_boxes(seg, o.after + 1);
            seg = o.after + 1;
            const std::pair<std::size_t, std::size_t> rest{o.after + 1, j};
            switch (o.kind) {
                case OppKind::hyphenation: {
                    std::size_t before = o.after;
                    while (before > i && glyphs[before].face == not_drawn) --before;
                    Glyph h = hyphen_glyph(glyphs[before]);
                    push(Item::penalty_item(h.advance, hyphen_penalty, true), {0, 0}, h, rest);
                    break;
                }
                case OppKind::explicit_hyphen:
                    push(Item::penalty_item(0, explicit_hyphen_penalty, true), {0, 0}, {}, rest);
                    break;
                case OppKind::dash: push(Item::penalty_item(0, dash_penalty, false), {0, 0}, {}, rest); break;
                case OppKind::url:
                case OppKind::zero_width: push(Item::penalty_item(0, url_penalty, false), {0, 0}, {}, rest); break;
                case OppKind::emergency: push(Item::penalty_item(0, emergency_penalty, false), {0, 0}, {}, rest); break;
            }
        }
        emit_boxes(seg, j);
        i = j;
    }
    push(Item::penalty_item(0, infinite_penalty, false));
    // Balanced text treats the last line like the others (the same 3em of
    // ragged stretch), so Knuth–Plass evens out all line lengths.
    push(Item::glue(0, balance && !justify && !glyphs.empty() ? 3 * glyphs.back().size : fill, 0));
    push(Item::penalty_item(0, -infinite_penalty, true));
    return b;
}

std::vector<Line> Setter::make_lines(const Built& b, const Resolved& resolved, const std::vector<Break>& breaks,
                                     bool natural) {
    const std::vector<Glyph>& glyphs = resolved.glyphs;
    std::vector<Line> lines;
    std::size_t start = 0;
    // Glyphs before this index finish a word that a line break cut: the
    // word's first piece already stands for them (Fragment::actual).
    std::size_t said_until = 0;
    // The finishing glue (the last line's fill) is no word space.
    const std::size_t finishing_glue = b.items.size() >= 2 ? b.items.size() - 2 : 0;
    for (const auto& br : breaks) {
        double r = br.ratio;
        if (!std::isfinite(r) || natural) r = std::min(0.0, std::isfinite(r) ? r : 0.0);
        r = std::max(r, -1.0);
        // Glue and penalties after a break are discarded.
        while (start < br.position && b.items[start].type != Item::Type::box) ++start;
        Line line;
        double x = 0;
        bool adjacent = false;  // the next box touches the previous fragment
        auto add = [&](Fragment f) {
            const auto& face = fonts_.face(f.face);
            line.ascent = std::max(line.ascent, face.ascender() * f.size / 1000.0);
            line.descent = std::max(line.descent, -face.descender() * f.size / 1000.0);
            if (adjacent && !line.fragments.empty()) {
                Fragment& last = line.fragments.back();
                if (last.face == f.face && last.size == f.size && last.link == f.link) {
                    if (last.actual || f.actual)
                        last.actual = last.actual.value_or(last.text) + f.actual.value_or(f.text);
                    last.text += f.text;
                    last.width += f.width;
                    return;
                }
            }
            line.fragments.push_back(std::move(f));
        };
        for (std::size_t k = start; k < br.position; ++k) {
            const Item& it = b.items[k];
            if (it.type == Item::Type::box) {
                auto [s, e] = b.spans[k];
                Fragment f;
                f.x = x;
                f.width = it.width;
                f.face = glyphs[s].face;
                f.size = glyphs[s].size;
                f.link = glyphs[s].link;
                bool carries = false;
                for (std::size_t g = s; g < e; ++g) {
                    utf8::append(f.text, glyphs[g].cp);
                    used_[glyphs[g].face].insert(glyphs[g].cp);
                    carries = carries || glyphs[g].actual;
                }
                if (s < said_until) f.actual = std::string();
                else if (carries) f.actual = text_of(resolved, s, e);
                add(std::move(f));
                x += it.width;
                adjacent = true;
            } else if (it.type == Item::Type::glue) {
                if (adjacent && k != finishing_glue) space_after(line.fragments.back());
                x += it.width + (r > 0 ? r * it.stretch : r * it.shrink);
                adjacent = false;
            }
        }
        const Item& end = b.items[br.position];
        if (adjacent && end.type == Item::Type::glue && br.position != finishing_glue)
            space_after(line.fragments.back());  // the line breaks at a word space
        if (const auto [rest_from, rest_to] = b.word_rest[br.position]; rest_to > 0 && !line.fragments.empty()) {
            // The line breaks inside a word: its last piece stands for the
            // whole rest of the word, unless an earlier piece already does
            // (a word cut twice, as a long URL may be).
            Fragment& last = line.fragments.back();
            if (rest_from > said_until)
                last.actual = last.actual.value_or(last.text) + text_of(resolved, rest_from, rest_to);
            said_until = std::max(said_until, rest_to);
        }
        if (end.type == Item::Type::penalty && end.width > 0) {
            const Glyph& h = b.hyphens[br.position];
            Fragment f{x, h.advance, h.face, h.size, "-", h.link, {}};
            f.inserted = true;
            used_[h.face].insert('-');
            line.fragments.push_back(std::move(f));  // never merged with the word: it is not its text
            x += h.advance;
        }
        line.width = x;
        if (!line.fragments.empty()) lines.push_back(std::move(line));
        start = br.position + 1;
    }
    return lines;
}

std::string Setter::text_of(const Resolved& resolved, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t g = from; g < to && g < resolved.glyphs.size(); ++g) {
        const Glyph& glyph = resolved.glyphs[g];
        if (glyph.face == not_drawn) continue;
        if (glyph.actual) out += resolved.actual[glyph.actual - 1];
        else utf8::append(out, glyph.cp);
    }
    return out;
}

void Setter::space_after(Fragment& f) {
    // Every face pressroom ships has a space; a --font-dir face without
    // one leaves the word boundary to the gap, as before.
    if (!fonts_.face(f.face).covers(' ')) return;
    f.space_after = true;
    used_[f.face].insert(' ');
}

std::vector<Line> Setter::set(const std::vector<Run>& runs, const ParagraphSpec& spec, int line) {
    const Resolved resolved = resolve(runs, line);
    const std::vector<Glyph>& glyphs = resolved.glyphs;
    bool any = std::any_of(glyphs.begin(), glyphs.end(), [](const Glyph& g) { return g.cp != ' ' && g.face != not_drawn; });
    if (!any) return {};
    auto width = [&](std::size_t) { return spec.width; };
    if (spec.justify) {
        // The first pass may not break at hyphenation points, so it is built
        // without them: the same breaks and lines, and no hyphenation (nor
        // loading of the patterns) for the many paragraphs it sets.
        Built built = build(glyphs, spec.width, true, false);
        BreakParams first;
        first.tolerance = 1.0;  // TeX's \pretolerance=100: try without hyphens first
        first.allow_flagged = false;
        if (auto breaks = break_lines(built.items, width, first)) {
            last_method_ = Method::optimal;
            return make_lines(built, resolved, *breaks, false);
        }
        if (spec.hyphenate) built = build(glyphs, spec.width, true, true);
        BreakParams second;
        second.tolerance = 1.5;
        if (auto breaks = break_lines(built.items, width, second)) {
            last_method_ = Method::optimal_hyphenated;
            return make_lines(built, resolved, *breaks, false);
        }
    }
    Built ragged = build(glyphs, spec.width, false, spec.hyphenate, spec.balance);
    BreakParams loose;
    loose.tolerance = 1e4;  // any line length will do; the demerits still prefer even ones
    if (auto breaks = break_lines(ragged.items, width, loose)) {
        last_method_ = Method::ragged;
        return make_lines(ragged, resolved, *breaks, false);
    }
    last_method_ = Method::first_fit;
    return make_lines(ragged, resolved, break_greedy(ragged.items, width), true);
}

Line Setter::set_line(const std::vector<Run>& runs, int line) {
    const Resolved resolved = resolve(runs, line);
    const std::vector<Glyph>& glyphs = resolved.glyphs;
    Built built = build(glyphs, std::numeric_limits<double>::max(), true, false);
    // The breaks: only the final forced one, so every word lands on one line.
    std::vector<Break> one{{built.items.size() - 1, 0}};
    auto lines = make_lines(built, resolved, one, true);
    return lines.empty() ? Line{} : std::move(lines.front());
}

double Setter::measure(std::string_view text, fonts::Style style, double size, int line) {
    Line l = set_line({Run{std::string(text), style, size, -1}}, line);
    return l.width;
}

}  // namespace pressroom::layout

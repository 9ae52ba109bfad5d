// The dateline ("WASHINGTON —") moved from the first paragraph into the metadata.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/data/language.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>
#include <optional>

namespace pressroom::ingest {

namespace {

#define MONTH_WORD PRESSROOM_MONTH_NAME
#define CAPS_WORD "\\p{Lu}[\\p{Lu}\\p{Nd}.'’&]*(?!\\p{Ll})"

// A dateline at the start of the first paragraph, as releases write it:
//   WASHINGTON —                      SILVERDALE, Wash. –
//   WASHINGTON, D.C. --               REDSTONE ARSENAL, Alabama (May 31, 2022) –
//   WASHINGTON, May 14 --             ABOARD USS RONALD REAGAN (CVN 76), AT SEA -The
//   (Washington, DC) -                (PHOENIX) – / (SAINT PAUL)
//   Pittsburgh, PA (May 10, 2019)     SAN FRANCISCO, June 17, 2025 –
//   TORONTO (Ontario), le 16 octobre 2025 /CNW/ -    ANKENY, Iowa--(BUSINESS WIRE)--
//   WASHINGTON A Pennsylvania man ... (the dash lost to a scraper)
// a place (in capitals, or a town in title case with its region), an
// optional region, date and wire tag, then a dash; with no dash, a date, a
// wire tag or brackets around the place must show it is a dateline, or the
// next word must open a sentence ("The", "A": a function word).
struct Dateline {
    std::size_t end = 0;     // bytes of the paragraph it takes, with the dash and spaces
    std::string place;
    std::string date_text;   // the date it carries, as written, or ""
};

std::size_t skip_space(std::string_view t, std::size_t i) {
    while (i < t.size() && t[i] == ' ') ++i;
    return i;
}

// A dash ("-", "--", "–", "—") at i, with the spaces (and a comma) before
// it. Not a colon: "MS. PSAKI:" and "LOWERING COSTS:" are a speaker and a
// run-in heading.
std::size_t separator(std::string_view t, std::size_t i) {
    std::size_t j = skip_space(t, i);
    if (j < t.size() && t[j] == ',') j = skip_space(t, j + 1);
    static const Regex dash("^[-–—]{1,2}\\s*");
    if (auto m = dash.search(t.substr(j))) return j + m->end();
    return 0;
}

bool opens_sentence(std::string_view t, std::size_t i) {
    if (i >= t.size()) return false;
    std::size_t k = i;
    char32_t c = utf8::next(t, k);
    return utf8::is_upper(c) || utf8::is_digit(c) || c == '"' || c == U'\u201c' || c == U'\u2018' || c == '\'' || c == '(';
}

// A region as datelines abbreviate it: "PA", "N.H.", "Calif.", "D.C".
bool abbreviated_region(std::string_view r) {
    static const Regex abbrev("^(?:\\p{Lu}{2,3}|\\p{Lu}\\p{Ll}{0,4}\\.|(?:\\p{Lu}\\.\\s?){1,3}\\p{Lu}?\\.?)$");
    return abbrev.full_match(r);
}

std::optional<Dateline> parse_dateline(std::string_view t, std::size_t drop_words);

std::optional<Dateline> parse_dateline(std::string_view t) {
    // "WASHINGTON A Pennsylvania man": the place in capitals took the "A";
    // shorter places are tried when the longest fails.
    for (std::size_t drop = 0; drop < 3; ++drop)
        if (auto d = parse_dateline(t, drop)) return d;
    // The date first: "January 21, 2019 (SAINT PAUL) — Attorney General ...".
    if (auto dm = find_date(t); dm && dm->begin == 0) {
        std::size_t rest = skip_space(t, dm->end);
        if (rest < t.size() && t[rest] == ',') rest = skip_space(t, rest + 1);
        if (rest < t.size() && t[rest] == '(')
            if (auto d = parse_dateline(t.substr(rest), 0); d && d->date_text.empty()) {
                d->end += rest;
                d->date_text = std::string(t.substr(0, dm->end));
                return d;
            }
    }
    return std::nullopt;
}

std::optional<Dateline> parse_dateline(std::string_view t, std::size_t drop_words) {
    static const Regex caps_place("^(" CAPS_WORD "(?:[ -]" CAPS_WORD "|\\s\\(\\p{Lu}[\\p{Lu}\\p{Nd} ]*\\))*)");
    static const Regex title_place("^(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2})(?=,)");
    static const Regex region("^,\\s*(\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*){0,3})");
    static const Regex paren_region("^\\s*\\((\\p{Lu}[\\p{L} .]{1,30})\\)");
    static const Regex month_day("^,?\\s*(" MONTH_WORD "\\s+\\d{1,2})(?!\\d)");
    static const Regex wire("^\\s*(?:[-–—]{1,2})?\\s*(?:/[^/\\s][^/]{0,40}/|\\((?:\\p{Lu}[\\p{Lu}\\p{Ll} .&-]{2,40})\\))");
    Dateline d;
    std::size_t i = 0;
    const bool bracketed = !t.empty() && t[0] == '(';
    if (bracketed) i = 1;
    std::string_view rest = t.substr(i);
    bool caps = true;
    auto m = caps_place.search(rest);
    if (!m || m->end() < 2) {
        m = title_place.search(rest);
        caps = false;
        if (!m) return std::nullopt;
    }
    std::size_t place_end = m->end();
    for (std::size_t k = 0; k < drop_words; ++k) {
        std::size_t sp = rest.substr(0, place_end).rfind(' ');
        if (sp == std::string_view::npos || sp == 0) return std::nullopt;
        place_end = sp;
    }
    d.place = std::string(rest.substr(0, place_end));
    i += place_end;
    std::size_t regions = 0, full_regions = 0;
    // Regions: ", Wash.", ", D.C.", ", AT SEA", ", CANADA"; never a date.
    for (int k = 0; k < 2; ++k) {
        auto r = region.search(t.substr(i));
        if (!r) break;
        std::string_view reg = r->group(t.substr(i), 1);
        if (auto dm = find_date(t.substr(i + 1)); dm && dm->begin <= 1) break;
        if (month_day.search(t.substr(i))) break;
        if (!caps && (regions > 0 || std::count(reg.begin(), reg.end(), ' ') > 0)) break;
        d.place += ", " + std::string(reg);
        i += r->end();
        ++regions;
        if (!abbreviated_region(reg)) ++full_regions;
    }
    // A town in title case needs its region: "Pittsburgh, PA". "Today, Sen.
    // John Warner" is no town.
    if (!caps && regions == 0 && !bracketed) return std::nullopt;
    if (bracketed) {
        i = skip_space(t, i);
        if (i >= t.size() || t[i] != ')') return std::nullopt;
        ++i;
    }
    bool shown = bracketed;  // something besides the place says it is a dateline
    if (auto pr = paren_region.search(t.substr(i)); pr && !find_date(pr->group(t.substr(i), 1))) {
        d.place += " (" + std::string(pr->group(t.substr(i), 1)) + ")";
        i += pr->end();
    }
    // The date: ", June 17, 2025", " (May 31, 2022)", ", le 16 octobre 2025", ", May 14".
    {
        std::size_t j = i;
        if (j < t.size() && t[j] == ',') ++j;
        j = skip_space(t, j);
        bool paren = j < t.size() && t[j] == '(';
        if (paren) ++j;
        if (auto dm = find_date(t.substr(j)); dm && dm->begin <= 4) {
            std::size_t e = j + dm->end;
            if (paren) {
                e = skip_space(t, e);
                if (e < t.size() && t[e] == ')') ++e;
                else e = 0;
            }
            if (e) {
                d.date_text = std::string(t.substr(j + dm->begin, dm->end - dm->begin));
                i = e;
                shown = true;
            }
        } else if (auto md = month_day.search(t.substr(i)); md && !paren) {
            d.date_text = std::string(md->group(t.substr(i), 1));
            i += md->end();
            shown = true;
        }
    }
    if (auto w = wire.search(t.substr(i))) {
        i += w->end();
        shown = true;
    }
    if (!caps && full_regions > 0 && !shown) return std::nullopt;  // "Montréal, Québec" only with its date
    if (std::size_t sep = separator(t, i)) {
        if (!opens_sentence(t, sep)) return std::nullopt;
        d.end = sep;
    } else {
        std::size_t e = skip_space(t, i);
        if (e == i || !opens_sentence(t, e)) return std::nullopt;
        if (!shown) {
            // The dash lost: only a place in capitals followed by a word that
            // opens a sentence ("WASHINGTON A Pennsylvania man", "BOSTON The").
            if (!caps) return std::nullopt;
            std::size_t w = e;
            while (w < t.size() && t[w] != ' ') ++w;
            std::string next = utf8::to_lower(t.substr(e, w - e));
            if (!language::is_stopword(next) && d.place != "WASHINGTON" && d.place != "WASHINGTON, D.C.") return std::nullopt;
        }
        d.end = e;
    }
    // A place needs a word of some length: "A" or "I" opening a sentence
    // before a dash is not a dateline.
    std::size_t letters = static_cast<std::size_t>(
        std::count_if(d.place.begin(), d.place.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
    if (letters < 4) return std::nullopt;
    while (!d.place.empty() && (d.place.back() == ',' || d.place.back() == ' ')) d.place.pop_back();
    return d;
}

// A letterhead run into the first paragraph by a scraper, its date and
// dateline after it: "from the Office of Senator Bob Corker Thursday
// December 06 2007 WASHINGTON D C U S Senator Bob Corker today ...". The
// letterhead is a few words with no sentence end; what follows the date
// must be a dateline.
std::optional<Dateline> glued_letterhead(std::string_view t) {
    auto dm = find_date(t.substr(0, std::min<std::size_t>(t.size(), 200)));
    if (!dm || dm->begin == 0) return std::nullopt;
    std::string_view before = t.substr(0, dm->begin);
    if (before.find_first_of(".!?:") != std::string_view::npos || std::count(before.begin(), before.end(), ' ') > 15)
        return std::nullopt;
    std::size_t rest = skip_space(t, dm->end);
    auto d = parse_dateline(t.substr(rest));
    if (!d || !d->date_text.empty()) return std::nullopt;
    d->end += rest;
    d->date_text = std::string(t.substr(dm->begin, dm->end - dm->begin));
    return d;
}

// Removes the first `bytes` of a paragraph's text, across its spans.
void erase_prefix(model::Inlines& content, std::size_t bytes) {
    for (auto& span : content) {
        if (bytes == 0) break;
        std::size_t n = std::min(bytes, span.text.size());
        span.text.erase(0, n);
        bytes -= n;
    }
    model::normalize_space(content);
}

}  // namespace

void extract_dateline(Context& cx) {
    if (!cx.doc.meta.dateline.empty() || cx.doc.body.empty()) return;
    auto* p = std::get_if<model::Paragraph>(&cx.doc.body.front());
    if (!p || p->content.empty() || p->content.front().kind == model::Span::Kind::link) return;
    const std::string first = model::plain_text(p->content);
    auto dl = parse_dateline(first);
    if (!dl) dl = glued_letterhead(first);
    if (!dl) return;
    std::string place = dl->place;
    cx.doc.meta.dateline = place;
    std::string_view date_text = dl->date_text;
    if (!date_text.empty() && cx.doc.meta.date.empty()) {
        if (auto d = find_date(date_text)) {
            cx.doc.meta.date = d->iso;
        } else {
            // "May 14" without a year: the same month and day written in full
            // elsewhere (a signature block's "May 14, 1993") completes it.
            std::string md = text::collapse_space(std::string(date_text));
            for (const auto& b : cx.doc.body) {
                if (!cx.doc.meta.date.empty()) break;
                std::visit([&](const auto& blk) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(blk)>, model::List>) {
                        std::string t = model::plain_text(blk.content);
                        for (auto pos = t.find(md); pos != std::string::npos; pos = t.find(md, pos + 1))
                            if (auto full = find_date(std::string_view(t).substr(pos, md.size() + 8)); full && full->begin == 0) {
                                cx.doc.meta.date = full->iso;
                                break;
                            }
                    }
                }, b);
            }
        }
    }
    erase_prefix(p->content, dl->end);
    if (p->content.empty()) cx.doc.body.erase(cx.doc.body.begin());
}

}  // namespace pressroom::ingest

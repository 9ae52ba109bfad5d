// The head of the release: the lines before the running text are labels,
// numbers, dates, the agency's name and the headline.
#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/classify/line_class.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>
#include <optional>

namespace pressroom::ingest {

namespace {

// Headline-style capitalisation: most words start with a capital.
bool headline_case(const std::string& s) {
    int words = 0, caps = 0;
    for (std::string_view w : text::split(s, ' ')) {
        if (w.empty()) continue;
        ++words;
        std::size_t i = 0;
        if (utf8::is_upper(utf8::next(w, i))) ++caps;
    }
    return words > 0 && caps * 10 >= words * 6;
}

// "4/06/93:  HEADLINE": a distribution date before the headline.
std::string strip_date_prefix(const std::string& t) {
    static const Regex prefix("^\\d{1,2}/\\d{1,2}/\\d{2,4}:?\\s+(?=\\S)");
    if (auto m = prefix.search(t)) return t.substr(m->end());
    return t;
}

// Does `next` continue a headline wrapped onto a second line? Both in
// capitals, or the first line ends on a word no headline ends with, or the
// second is a word or two.
bool continues_headline(const std::string& title, const std::string& next) {
    static const Regex credit("(?i)^(?:photo\\s+|image\\s+)?credits?\\s*:|^photographer\\s*:");
    if (credit.found_in(next)) return false;
    if (utf8::is_all_caps(title) && utf8::is_all_caps(next)) return true;
    if (std::size_t i = 0; !next.empty() && utf8::is_lower(utf8::next(next, i))) return true;
    static const Regex dangling("(?i)\\b(?:for|of|the|and|to|in|on|with|a|an|at|by|from|as|or|its|their)$");
    if (dangling.found_in(title)) return true;
    auto words = std::count(next.begin(), next.end(), ' ') + 1;
    return words <= 2 && next.size() <= 20 && !parse_date_line(next);
}

// Hardening (issue 7): a headline wrapped over lines stops growing at this
// size. Real headlines stay under 200 bytes; without a bound, 100,000
// one-word lines all joined the title, and every header line then lowercased
// and searched the whole title again (quadratic: minutes).
constexpr std::size_t max_headline_bytes = 400;
bool headline_may_grow(const std::string& title, const std::string& next) {
    return title.size() + 1 + next.size() <= max_headline_bytes;
}

// "FOR IMMEDIATE RELEASE May 8 2007 Headline": sets the date and title.
bool labelled_date_title(const std::string& t, model::Metadata& m) {
    static const Regex label("(?i)^for (?:immediate )?release\\s*:?\\s*");
    auto lm = label.search(t);
    if (!lm) return false;
    auto d = find_date(std::string_view(t).substr(lm->end()));
    if (!d || d->begin != 0) return false;
    std::string rest(text::trim(std::string_view(t).substr(lm->end() + d->end)));
    if (rest.size() < 8) return false;
    if (m.date.empty()) m.date = d->iso;
    m.title = rest;
    return true;
}

}  // namespace

namespace {

}  // namespace

namespace {

// A page's <title> or a mail subject names the release among other things:
// "FRB: Press Release -- FOMC statement -- February 4, 1994", "Headline |
// OPA | Department of Justice". The headline is the longest part that is
// not a label, a date, a site or agency name.
std::string title_from_hints(const std::vector<std::string>& hints, const model::Metadata& m) {
    static const Regex separators("\\s+(?:--|\\||–|—|::|-)\\s+|^[A-Z]{2,6}:\\s+");
    for (const std::string& hint : hints) {
        std::vector<std::string> parts;
        std::size_t pos = 0;
        for (const auto& sep : separators.find_all(hint)) {
            parts.emplace_back(hint.substr(pos, sep.begin() - pos));
            pos = sep.end();
        }
        parts.emplace_back(hint.substr(pos));
        std::string best;
        for (auto& part : parts) {
            std::string t(text::trim(part));
            if (t.size() < 4 || parse_date_line(t) || !match_kind(t).empty() || agency_re().full_match(t) ||
                same_text(t, m.agency) || (utf8::is_all_caps(t) && t.size() <= 6))
                continue;
            if (t.size() > best.size()) best = t;
        }
        if (!best.empty()) return best;
    }
    return {};
}

}  // namespace


// A transcript's place ("The Pentagon / Arlington, Virginia") stands in
// short lines right above its clock time ("3:20 P.M. EST", removed as
// boilerplate) at the head of the text: it is the transcript's subtitle.
void transcript_location(Context& cx) {
    static const Regex clock("(?i)^\\d{1,2}:\\d{2}\\s*[ap]\\.?\\s?m\\.?(?:\\s*[a-z]{2,4})?$");
    auto& lines = cx.src.lines;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < lines.size() && seen < 12; ++i) {
        if (lines[i].text.empty()) continue;
        ++seen;
        if (!clock.full_match(lines[i].text)) continue;
        // The clock time itself is boilerplate (a rule may have removed it already).
        if (!lines[i].removed) {
            record_removal(cx, lines[i].text, "transcript-time", lines[i].number);
            lines[i].removed = true;
        }
        std::vector<Line*> place;
        for (std::size_t k = i; k-- > 0;) {
            Line& l = lines[k];
            if (l.text.empty()) {
                if (!place.empty()) break;
                continue;
            }
            if (l.removed || l.used || l.text.size() > 40 || is_prose(l.text) || place.size() == 3 ||
                text::ends_with(l.text, ":") || l.text.find("--") != std::string::npos)
                break;
            place.insert(place.begin(), &l);
        }
        if (place.empty()) return;
        std::string where;
        for (Line* l : place) {
            where += (where.empty() ? "" : ", ") + l->text;
            l->used = true;
        }
        while (where.find(",,") != std::string::npos) text::replace_all(where, ",,", ",");
        if (cx.doc.meta.subtitle.empty()) cx.doc.meta.subtitle = where;
        return;
    }
}

namespace {

// What the header pass knows while it walks the head of the release.
struct Head {
    model::Metadata& m;
    const model::Metadata& given;
    const bool plain_source;    // a text dump: a deck is just the next line
    bool have_title = false;
    const Line* title_line = nullptr;
    int last_title_number = 0, last_subtitle_number = 0;
    int decks = 0;              // deck lines taken under the headline
    bool after_title = false;   // the previous head line was the headline or a deck
    bool follows_title = false; // ... as seen by the line being matched
    // The line being matched is in the page's chrome, and how far from the headline.
    bool chrome_line = false;
    bool near_title = true;

    // An issuer's name may be taken from this line: not from the headline
    // ("... Creates City's First Office of Equity" ends like an office's
    // name), not from chrome away from the headline (a menu entry).
    bool may_name_issuer(const Line& l) const { return &l != best_title && (!chrome_line || near_title); }
    // Of the lines the classifier labelled title, the one it is surest of.
    const Line* best_title = nullptr;
};

void take_title(Line& l, Head& h) {
    l.used = true;
    h.have_title = true;
    h.title_line = &l;
    h.last_title_number = l.number;
    h.after_title = true;
}

// A line that states the date and nothing else but short labels:
// "February 11, 2026 | Press Release", "Released: December 03, 2016 ·
// Download (67 KB PDF)", "February 11, 2026 | Topic: Peoples AG".
std::optional<std::string> dated_line(const std::string& t) {
    if (auto d = parse_date_line(t)) return d;
    if (t.size() > 160) return std::nullopt;
    static const Regex separators("\\s+(?:\\||·|•|—|–)\\s+");
    std::vector<std::string> parts;
    std::size_t pos = 0;
    for (const auto& sep : separators.find_all(t)) {
        parts.emplace_back(text::trim(std::string_view(t).substr(pos, sep.begin() - pos)));
        pos = sep.end();
    }
    parts.emplace_back(text::trim(std::string_view(t).substr(pos)));
    if (parts.size() < 2) return std::nullopt;
    std::optional<std::string> date;
    for (const auto& part : parts) {
        if (auto d = parse_date_line(part); d && !date) {
            date = d;
            continue;
        }
        if (std::count(part.begin(), part.end(), ' ') > 5 || is_prose(part)) return std::nullopt;
    }
    return date;
}

// A head line a scraper ran together with its date at its end: "Kyl
// elected whip ... from the Office of Senator Bob Corker Thursday December
// 06 2007 WASHINGTON D C" (no sentence in it, the date near its end).
std::optional<std::string> glued_date(const std::string& t) {
    if (t.size() > 300 || t.find_first_of(".!?") != std::string::npos) return std::nullopt;
    auto d = find_date(t);
    if (!d) return std::nullopt;
    std::string_view tail = std::string_view(t).substr(d->end);
    if (std::count(tail.begin(), tail.end(), ' ') > 4) return std::nullopt;
    return d->iso;
}

bool bare_field(const std::string& t) {
    return (t.size() <= 80 && (dated_line(t) || labelled_number_re().full_match(t) || !match_kind(t).empty())) ||
           glued_date(t);
}

bool dangling_end(const std::string& title) {
    static const Regex dangling("(?i)\\b(?:for|of|the|and|to|in|on|with|at|by|from)$");
    return dangling.found_in(title);
}

// The matchers, tried in this order on each line of the head: the first
// that takes a line decides what it is. Each is one kind of header line.
struct Matcher {
    const char* name;
    bool (*take)(Line& l, Head& h);
    bool field = false;  // states a field: may take a line of the page's chrome too
};

constexpr Matcher matchers[] = {
    // What the format states outright, repeated in the text, is said once.
    {"stated-again",
     [](Line& l, Head& h) {
         if (!same_text(l.text, h.given.title) && !same_text(l.text, h.given.agency) && !same_text(l.text, h.given.subtitle))
             return false;
         l.used = true;
         return true;
     }},
    // The headline again, with decoration around it ("Murray PHOTO <headline>
    // 03 02 2005"): a date from the decoration, the line dropped.
    {"headline-again",
     [](Line& l, Head& h) {
         if (!h.have_title || h.m.title.size() < 12) return false;
         std::string lower = utf8::to_lower(l.text), title_lower = utf8::to_lower(h.m.title);
         auto at = lower.find(title_lower);
         if (at == std::string::npos) return false;
         std::string rest = l.text.substr(0, at) + " " + l.text.substr(std::min(l.text.size(), at + h.m.title.size()));
         if (h.m.date.empty())
             if (auto d = find_date(rest)) h.m.date = d->iso;
         l.used = true;
         h.after_title = true;
         h.last_title_number = l.number;
         return true;
     }},
    // "... SCHEDULE FOR" / "THURSDAY, APRIL 15, 1993": the headline goes on.
    {"headline-dangling",
     [](Line& l, Head& h) {
         if (!h.title_line || l.kind != LineKind::text || l.block_start || l.number != h.last_title_number + 1 ||
             !h.m.subtitle.empty() || !headline_may_grow(h.m.title, l.text) || !dangling_end(h.m.title))
             return false;
         h.m.title += " " + l.text;
         h.last_title_number = l.number;
         l.used = true;
         h.after_title = true;
         return true;
     }},
    // "Barack Obama" under "U S Senator Barack Obama".
    {"agency-again",
     [](Line& l, Head& h) {
         if (h.m.agency.empty() || l.text.size() < 6 ||
             utf8::to_lower(h.m.agency).find(utf8::to_lower(l.text)) == std::string::npos)
             return false;
         l.used = true;
         return true;
     }},
    // A piece of the headline printed again.
    {"headline-piece",
     [](Line& l, Head& h) {
         if (!h.have_title || std::count(l.text.begin(), l.text.end(), ' ') < 2 ||
             utf8::to_lower(h.m.title).find(utf8::to_lower(l.text)) == std::string::npos)
             return false;
         l.used = true;
         h.after_title = true;
         return true;
     }},
    // "Background Information:": a label over the headline.
    {"label",
     [](Line& l, Head& h) {
         if (h.have_title || l.text.back() != ':' || std::count(l.text.begin(), l.text.end(), ' ') > 3 || l.text.size() > 40)
             return false;
         if (std::string k = match_kind(l.text); !k.empty() && h.m.kind.empty()) h.m.kind = k;
         l.used = true;
         return true;
     }},
    // "FOR IMMEDIATE RELEASE May 8 2007 Headline ...": label, date and headline on one line.
    {"labelled-date-headline",
     [](Line& l, Head& h) {
         if (h.have_title || !labelled_date_title(l.text, h.m)) return false;
         take_title(l, h);
         return true;
     }},
    {"release-number",
     [](Line& l, Head& h) {
         auto rn = labelled_number_re().search(l.text);
         if (!rn || !h.m.release_number.empty()) return false;
         h.m.release_number = std::string(rn->group(l.text, 2));
         l.used = true;
         return true;
     },
     true},
    {"kind",
     [](Line& l, Head& h) {
         std::string kind = match_kind(l.text);
         if (kind.empty()) return false;
         if (h.m.kind.empty()) h.m.kind = kind;
         l.used = true;
         return true;
     },
     true},
    {"date",
     [](Line& l, Head& h) {
         auto date = dated_line(l.text);
         if (!date) date = glued_date(l.text);
         if (!date) return false;
         if (h.m.date.empty()) h.m.date = *date;
         l.used = true;
         return true;
     },
     true},
    // "NASA Headquarters, Washington, D.C.": the issuing office and its city.
    {"issuing-office",
     [](Line& l, Head& h) {
         if (!h.may_name_issuer(l) || !h.m.office.empty() || !issuing_office_re().full_match(l.text)) return false;
         h.m.office = l.text;
         l.used = true;
         return true;
     },
     true},
    {"office",
     [](Line& l, Head& h) {
         if (!h.may_name_issuer(l) || h.m.agency.empty() || !h.m.office.empty() || h.have_title ||
             !office_re().full_match(l.text))
             return false;
         h.m.office = l.text;
         l.used = true;
         return true;
     },
     true},
    {"agency",
     [](Line& l, Head& h) {
         if (!h.may_name_issuer(l) || !h.m.agency.empty() || !agency_re().full_match(l.text)) return false;
         h.m.agency = l.text;
         while (!h.m.agency.empty() && h.m.agency.back() == ':') h.m.agency.pop_back();
         l.used = true;
         return true;
     },
     true},
    // The headline: the line the classifier labelled so (or, when it
    // labelled none, the first head line nothing else took).
    {"headline",
     [](Line& l, Head& h) {
         if (h.have_title || (h.best_title && &l != h.best_title)) return false;
         std::string t = l.text;
         if (auto lt = labelled_title_re().search(t)) {
             std::string label_kind = lt->has(1) ? match_kind(std::string(lt->group(t, 1))) : std::string();
             if (!label_kind.empty() && h.m.kind.empty()) h.m.kind = label_kind;
             t = std::string(lt->group(t, 3));
         }
         t = strip_date_prefix(t);
         // "Delegation Works To Streamline Irrigation Pond Permitting Process
         // March 3  2005  Washington  DC": the date and place glued to the
         // headline by a scraper.
         if (auto d = find_date(t); d && d->begin >= 20) {
             std::string_view tail = std::string_view(t).substr(d->end);
             if (std::count(tail.begin(), tail.end(), ' ') <= 6 && !is_prose(std::string(tail))) {
                 if (h.m.date.empty()) h.m.date = d->iso;
                 t = std::string(text::trim(std::string_view(t).substr(0, d->begin)));
             }
         }
         h.m.title = t;
         take_title(l, h);
         return true;
     }},
    // A headline wrapped over two lines.
    {"headline-wrapped",
     [](Line& l, Head& h) {
         if (!h.title_line || l.kind != LineKind::text || l.block_start || l.number != h.last_title_number + 1 ||
             !h.m.subtitle.empty() || !headline_may_grow(h.m.title, l.text) || !continues_headline(h.m.title, l.text))
             return false;
         h.m.title += " " + l.text;
         h.last_title_number = l.number;
         l.used = true;
         h.after_title = true;
         return true;
     }},
    // Centered lines under a transcript's headline: where it was given.
    {"place",
     [](Line& l, Head& h) {
         if (!h.title_line || l.kind != LineKind::text || !(l.indent >= 12 || l.centered) ||
             !(h.m.subtitle.empty() || h.last_subtitle_number + 1 == l.number))
             return false;
         h.m.subtitle += (h.m.subtitle.empty() ? "" : ", ") + l.text;
         h.last_subtitle_number = l.number;
         l.used = true;
         h.after_title = true;
         return true;
     }},
    // A deck right under the headline: a heading of its own, bold or
    // centered text, or the next line of a text dump.
    {"deck",
     [](Line& l, Head& h) {
         if (!h.follows_title || !h.title_line || h.decks >= 2 || l.text.size() > 200 ||
             !(l.kind == LineKind::heading || all_emphasis(l) || l.centered ||
               (l.kind == LineKind::text && h.plain_source && l.number <= h.last_title_number + 1 && headline_case(l.text))))
             return false;
         h.m.subtitle += (h.m.subtitle.empty() ? "" : " \u2014 ") + l.text;
         h.last_title_number = l.number;
         ++h.decks;
         l.used = true;
         h.after_title = true;
         return true;
     }},
    // "LEAHY", "VERMONT" under "U S SENATOR PATRICK": the rest of a letterhead.
    {"letterhead-rest",
     [](Line& l, Head& h) {
         if (h.m.agency.empty() || !(h.m.office.empty() || utf8::is_all_caps(h.m.office)) || !utf8::is_all_caps(l.text) ||
             l.text.find(' ') != std::string::npos || l.text.size() > 20 || !utf8::is_all_caps(h.m.agency))
             return false;
         // "U S SENATOR PATRICK" / "LEAHY": the surname that ended the line
         // belongs to the name; what follows ("VERMONT") is the office.
         static const Regex first_name_only("(?:SENATOR|Senator)\\s+\\p{Lu}+$");
         if (h.m.office.empty() && first_name_only.found_in(h.m.agency)) h.m.agency += " " + l.text;
         else h.m.office += (h.m.office.empty() ? "" : " ") + l.text;
         l.used = true;
         return true;
     }},
};

}  // namespace

void extract_metadata(Context& cx) {
    auto& m = cx.doc.meta;
    const model::Metadata& given = cx.src.given;
    Head h{m, given, cx.src.format == "text"};
    h.have_title = !given.title.empty();

    // The head of the release: the lines before the first the classifier
    // labelled body.
    std::vector<Line*> head;
    for (Line& l : cx.src.lines) {
        deadline::check_every(1024);  // the time budget (hardening, issue 7)
        if (l.removed || l.used || l.text.empty()) continue;
        // A release's text does not open with a bare date, number or label
        // ("July 24, 2007" under a deck): such lines belong to its head,
        // whatever the classifier made of them.
        // Nor with the rest of a headline wrapped under it ("ROVER TEST SET
        // FOR" / "SPRING"): a short line in the headline's block, no sentence.
        const Line* prev = head.empty() ? nullptr : head.back();
        const bool wrapped = prev && prev->label == Label::title && l.kind == LineKind::text &&
                             prev->kind == LineKind::text && !l.block_start && l.number == prev->number + 1 &&
                             l.text.size() <= 60 && !is_prose(l.text) &&
                             std::string_view(".!?").find(l.text.back()) == std::string_view::npos &&
                             continues_headline(prev->text, l.text);
        if (l.label == Label::body && !(l.kind == LineKind::text && bare_field(l.text)) && !wrapped) break;
        head.push_back(&l);
    }
    // The headline: of the lines labelled title, the one the classifier is
    // surest of, a line that states a field ("Office of Communications")
    // only when there is no other.
    std::size_t title_row = head.size();
    for (bool fields_too : {false, true}) {
        for (std::size_t r = 0; r < head.size(); ++r) {
            const std::string& t = head[r]->text;
            const bool field = bare_field(t) || agency_re().full_match(t) || office_re().full_match(t) ||
                               issuing_office_re().full_match(t);
            if (head[r]->label == Label::title && (fields_too || !field) &&
                (title_row == head.size() || head[r]->confidence > head[title_row]->confidence))
                title_row = r;
        }
        if (title_row < head.size()) break;
    }
    // A headline wrapped over lines: its first line.
    while (title_row < head.size() && title_row > 0 && head[title_row - 1]->label == Label::title &&
           head[title_row - 1]->kind == LineKind::text && head[title_row]->kind == LineKind::text &&
           head[title_row]->number - head[title_row - 1]->number == 1 && !head[title_row]->block_start)
        --title_row;
    if (title_row < head.size()) h.best_title = head[title_row];
    for (std::size_t row = 0; row < head.size(); ++row) {
        Line& l = *head[row];
        // A page's chrome can state the release's date or issuer ("Published
        // on May 10, 2019", the office's name over the page): the field
        // matchers may take such a line, nothing else may, and never one
        // outside the page's content or made of links.
        const bool chrome = l.label == Label::chrome;
        if (chrome && (l.outside || l.link_chars * 2 > static_cast<int>(l.text.size()))) continue;
        // The issuer's name in the chrome counts only next to the headline
        // (a site's letterhead); further off it is a menu entry.
        h.chrome_line = chrome;
        h.near_title = title_row == head.size() || (row + 3 >= title_row && row <= title_row + 3);
        if (!chrome) {
            h.follows_title = h.after_title;
            h.after_title = false;
        }
        for (const Matcher& matcher : matchers)
            if ((!chrome || matcher.field) && matcher.take(l, h)) break;
    }
    // No headline among the lines labelled title: the head line likeliest
    // to be one, whatever its label (a headline in the chrome's style).
    if (!h.have_title) {
        Line* best = nullptr;
        for (Line* lp : head) {
            const Line& l = *lp;
            if (l.used || l.outside || l.text.size() > 250 || l.link_chars * 2 > static_cast<int>(l.text.size()) ||
                bare_field(l.text))
                continue;
            if (!best || l.title_prob > best->title_prob) best = lp;
        }
        if (best && best->title_prob >= 0.05f) {
            h.best_title = best;
            for (const Matcher& matcher : matchers)
                if (std::string_view(matcher.name) == "headline" && matcher.take(*best, h)) break;
        }
    }
    // A head line no matcher took: not body (the classifier said so), not a
    // field either. It stays in the audit.
    for (Line* lp : head) {
        if (lp->used || lp->removed || lp->label == Label::chrome) continue;
        record_removal(cx, lp->text, "header-line", lp->number);
        lp->removed = true;
    }

    // What the format states outright wins over what the text suggests.
    auto prefer = [](std::string& field, const std::string& stated) {
        if (!stated.empty()) field = stated;
    };
    if (m.title.empty()) m.title = title_from_hints(cx.src.title_hints, m);
    // The page's title can carry the date the text does not ("March 13,
    // 2020 Press Release").
    if (m.date.empty())
        for (const std::string& hint : cx.src.title_hints)
            if (auto d = find_date(hint)) {
                m.date = d->iso;
                break;
            }
    prefer(m.office, given.office);
    prefer(m.kind, given.kind);
    prefer(m.release_number, given.release_number);
    prefer(m.date, given.date);
    if (!given.title.empty()) {
        std::string t = given.title;
        if (auto lt = labelled_title_re().search(t); lt && lt->has(1)) t = std::string(lt->group(t, 3));  // "Press Release: ..."
        m.title = t;
    }
    prefer(m.subtitle, given.subtitle);
    prefer(m.dateline, given.dateline);
    if (!given.contacts.empty()) m.contacts = given.contacts;
    if (!given.language.empty()) m.language = given.language;
}

}  // namespace pressroom::ingest

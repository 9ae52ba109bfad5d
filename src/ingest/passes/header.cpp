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

namespace pressroom::ingest {

namespace {

// Lines that belong to a hard-wrapped paragraph of three lines or more (or
// of 200 characters): running text, however short each line is.
std::vector<bool> in_wrapped_paragraph(const std::vector<Line>& lines) {
    std::vector<bool> out(lines.size(), false);
    const WrapStyle ws = analyze_wrap(lines);
    if (!ws.hard_wrapped) return out;
    std::size_t i = 0;
    while (i < lines.size()) {
        auto header_like = [](const Line& l) { return l.indent >= 12 || utf8::is_all_caps(l.text); };
        if (lines[i].text.empty() || lines[i].kind != LineKind::text || lines[i].removed || header_like(lines[i])) {
            ++i;
            continue;
        }
        std::size_t j = i + 1, chars = lines[i].text.size();
        while (j < lines.size() && !lines[j].text.empty() && !lines[j].removed && lines[j].kind == LineKind::text &&
               !lines[j].block_start && lines[j].number == lines[j - 1].number + 1 && !header_like(lines[j])) {
            chars += lines[j].text.size();
            ++j;
        }
        if (j - i >= 3 || (j - i >= 2 && chars >= 200))
            for (std::size_t k = i; k < j; ++k)
                // A short first line (a headline over its first paragraph) is not part of it.
                out[k] = k > i || utf8::length(lines[k].text) * 100 >= ws.width * 60;
        i = j;
    }
    return out;
}

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

// A forwarder's note before the release's letterhead ("Note: This file will
// also be available via anonymous ftp ..."): when the agency's letterhead
// comes within the first lines and what precedes it is a note (it has a
// sentence), that note is not the release.
void remove_preamble(Context& cx) {
    auto& lines = cx.src.lines;
    std::vector<Line*> before;
    for (Line& l : lines) {
        if (l.removed || l.used || l.text.empty()) continue;
        if (agency_re().full_match(l.text)) break;
        before.push_back(&l);
        if (before.size() > 8) return;
    }
    if (before.empty() || before.size() > 8 || before.size() == lines.size()) return;
    // A note is written in sentences: a line of six words or more ending one.
    bool note = std::any_of(before.begin(), before.end(), [](const Line* l) {
        return (text::ends_with(l->text, ".") || text::ends_with(l->text, ":")) &&
               std::count(l->text.begin(), l->text.end(), ' ') >= 5;
    });
    bool reached = false;
    for (const Line& l : lines)
        if (!l.removed && !l.used && !l.text.empty() && agency_re().full_match(l.text)) reached = true;
    if (!note || !reached) return;
    for (Line* l : before) {
        record_removal(cx, l->text, "preamble", l->number);
        l->removed = true;
    }
}

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
        if (!lines[i].removed || !clock.full_match(lines[i].text)) continue;
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

void extract_metadata(Context& cx) {
    auto& m = cx.doc.meta;
    transcript_location(cx);
    const model::Metadata& given = cx.src.given;
    bool have_title = !given.title.empty();
    Line* title_line = nullptr;
    int last_title_number = 0, last_subtitle_number = 0;
    remove_preamble(cx);

    int decks = 0;                 // deck lines taken under the headline
    const bool plain_source = cx.src.format == "text";
    const std::vector<bool> wrapped = in_wrapped_paragraph(cx.src.lines);
    std::size_t index = static_cast<std::size_t>(-1);
    bool after_title = false;      // the previous header line was the headline (or a deck)
    for (Line& l : cx.src.lines) {
        ++index;
        deadline::check_every(1024);  // the time budget (hardening, issue 7)
        if (l.removed || l.used || l.text.empty()) continue;
        if (l.kind != LineKind::text && l.kind != LineKind::heading) break;
        // The running text has started: a sentence, or a hard-wrapped paragraph.
        if (l.kind == LineKind::text && (is_prose(l.text) || wrapped[index])) break;
        bool follows_title = after_title;
        after_title = false;

        // What the format states outright, repeated in the text, is said once.
        if (same_text(l.text, given.title) || same_text(l.text, given.agency) || same_text(l.text, given.subtitle)) {
            l.used = true;
            continue;
        }
        // The headline again, with decoration around it ("Murray PHOTO <headline>
        // 03 02 2005", "<headline> Wednesday September 26 2007 FOR IMMEDIATE
        // RELEASE"): take a date from the decoration, drop the line.
        if (have_title && m.title.size() >= 12) {
            std::string lower = utf8::to_lower(l.text), title_lower = utf8::to_lower(m.title);
            if (auto at = lower.find(title_lower); at != std::string::npos) {
                std::string rest = l.text.substr(0, at) + " " + l.text.substr(at + m.title.size());
                if (m.date.empty())
                    if (auto d = find_date(rest)) m.date = d->iso;
                l.used = true;
                after_title = true;
                last_title_number = l.number;
                continue;
            }
        }
        static const Regex dangling("(?i)\\b(?:for|of|the|and|to|in|on|with|at|by|from)$");
        if (title_line && l.kind == LineKind::text && !l.block_start && l.number == last_title_number + 1 &&
            m.subtitle.empty() && headline_may_grow(m.title, l.text) && dangling.found_in(m.title)) {
            // "... SCHEDULE FOR" / "THURSDAY, APRIL 15, 1993": the headline goes on.
            m.title += " " + l.text;
            last_title_number = l.number;
            l.used = true;
            after_title = true;
            continue;
        }
        if (!m.agency.empty() && l.text.size() >= 6 && utf8::to_lower(m.agency).find(utf8::to_lower(l.text)) != std::string::npos) {
            l.used = true;  // "Barack Obama" under "U S Senator Barack Obama"
            continue;
        }
        if (have_title && std::count(l.text.begin(), l.text.end(), ' ') >= 2 &&
            utf8::to_lower(m.title).find(utf8::to_lower(l.text)) != std::string::npos) {
            l.used = true;  // a piece of the headline printed again
            after_title = true;
            continue;
        }
        if (!have_title && l.text.back() == ':' && std::count(l.text.begin(), l.text.end(), ' ') <= 3 && l.text.size() <= 40) {
            // "Background Information:": a label over the headline.
            if (std::string k = match_kind(l.text); !k.empty() && m.kind.empty()) m.kind = k;
            l.used = true;
            continue;
        }
        if (auto rn = labelled_number_re().search(l.text); rn && m.release_number.empty()) {
            m.release_number = std::string(rn->group(l.text, 2));
            l.used = true;
        } else if (std::string kind = match_kind(l.text); !kind.empty()) {
            if (m.kind.empty()) m.kind = kind;
            l.used = true;
        } else if (auto date = parse_date_line(l.text); date) {
            if (m.date.empty()) m.date = *date;
            l.used = true;
        } else if (m.office.empty() && issuing_office_re().full_match(l.text)) {
            // "NASA Headquarters, Washington, D.C.": the issuing office and its city.
            m.office = l.text;
            l.used = true;
        } else if (!m.agency.empty() && m.office.empty() && !have_title && office_re().full_match(l.text)) {
            m.office = l.text;
            l.used = true;
        } else if (m.agency.empty() && agency_re().full_match(l.text)) {
            m.agency = l.text;
            while (!m.agency.empty() && m.agency.back() == ':') m.agency.pop_back();
            l.used = true;
        } else if (!have_title && labelled_date_title(l.text, m)) {
            // "FOR IMMEDIATE RELEASE May 8 2007 Headline ...": label, date and headline on one line.
            l.used = true;
            have_title = true;
            title_line = &l;
            last_title_number = l.number;
            after_title = true;
        } else if (!have_title) {
            std::string t = l.text;
            if (auto lt = labelled_title_re().search(t)) {
                std::string label_kind = lt->has(1) ? match_kind(std::string(lt->group(t, 1))) : std::string();
                if (!label_kind.empty() && m.kind.empty()) m.kind = label_kind;
                t = std::string(lt->group(t, 3));
            }
            t = strip_date_prefix(t);
            m.title = t;
            l.used = true;
            have_title = true;
            title_line = &l;
            last_title_number = l.number;
            after_title = true;
        } else if (title_line && l.kind == LineKind::text && !l.block_start && l.number == last_title_number + 1 &&
                   m.subtitle.empty() && headline_may_grow(m.title, l.text) && continues_headline(m.title, l.text)) {
            // A headline wrapped over two lines.
            m.title += " " + l.text;
            last_title_number = l.number;
            l.used = true;
            after_title = true;
        } else if (title_line && l.kind == LineKind::text && (l.indent >= 12 || l.centered) &&
                   (m.subtitle.empty() || last_subtitle_number + 1 == l.number)) {
            // Centered lines under a transcript's headline: where it was given.
            m.subtitle += (m.subtitle.empty() ? "" : ", ") + l.text;
            last_subtitle_number = l.number;
            l.used = true;
            after_title = true;
        } else if (follows_title && title_line && decks < 2 && l.text.size() <= 200 &&
                   (l.kind == LineKind::heading || all_emphasis(l) || l.centered ||
                    (l.kind == LineKind::text && plain_source && l.number <= last_title_number + 1 && headline_case(l.text)))) {
            // A deck right under the headline: a heading of its own, bold or
            // centered text, or the next line of a text dump.
            m.subtitle += (m.subtitle.empty() ? "" : " \u2014 ") + l.text;
            last_title_number = l.number;
            ++decks;
            l.used = true;
            after_title = true;
        } else if (!m.agency.empty() && (m.office.empty() || utf8::is_all_caps(m.office)) && utf8::is_all_caps(l.text) &&
                   l.text.find(' ') == std::string::npos && l.text.size() <= 20 && utf8::is_all_caps(m.agency)) {
            // "LEAHY", "VERMONT" under "U S SENATOR PATRICK": the rest of a letterhead.
            m.office += (m.office.empty() ? "" : " ") + l.text;
            l.used = true;
        }
    }

    // What the format states outright wins over what the text suggests.
    auto prefer = [](std::string& field, const std::string& stated) {
        if (!stated.empty()) field = stated;
    };
    prefer(m.agency, given.agency);
    if (m.agency.empty())
        for (const Profile* p : cx.profiles)
            if (!p->agency.empty()) m.agency = p->agency;
    if (m.title.empty()) m.title = title_from_hints(cx.src.title_hints, m);
    agency_from_contacts(cx);
    agency_from_text(cx);
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

// Metadata from the head of the release: the lines before the running text
// are labels, numbers, dates, the agency's name and the headline.
#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/dates.hpp"
#include "ingest/steps.hpp"

#include <algorithm>
#include <array>

namespace pressroom::ingest {

namespace {

// Kinds of release, as agencies label them.
constexpr std::array<const char*, 16> known_kinds = {
    "News Release", "Press Release", "Media Release", "Press Statement", "Statement", "Media Note",
    "Media Advisory", "Fact Sheet", "Readout", "Remarks", "Advisory", "News Advisory",
    "Joint Statement", "Proclamation", "Announcement", "Transcript"};

std::string match_kind(const std::string& line) {
    std::string l(text::trim(line));
    while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
    for (const char* k : known_kinds)
        if (text::iequals(l, k)) return k;
    return {};
}

// A release number: "105-13", "J24-005", "14-1041".
#define NUMBER "[A-Z]{0,3}\\d{1,4}(?:-\\d{1,5})+[A-Z]?"

// A senator's name: First [M.] Last [, Jr.], capitalised words only.
#define SENATOR_NAME "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.?)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}(?:,?\\s+Jr\\.?)?"

// Names of organisations that issue releases. A short line made of one of
// these is the agency's name, not a headline.
const Regex& agency_re() {
    static const Regex re(
        "(?i)^(?:the\\s+)?[\\p{L}.'’& ]{0,60}?\\b(?:department|agency|administration|authority|bureau|commission|"
        "service|board|council|ministry|institute|corps|command|office|library of congress|white house|nasa|"
        "federal reserve(?: board| system)?)(?: of (?:the )?[\\p{L},.'’& ]{2,60})?$"
        // "U.S. Senator Daniel K. Akaka", "U S SENATOR PATRICK LEAHY": a senator's name, capitalised words only.
        "|^(?:(?:[Tt]he\\s+)?(?:United States|UNITED STATES|U\\.?\\s?S\\.?)\\s+)?(?:[Ss]enator|SENATOR)\\s+" SENATOR_NAME "$"
        // "Bill Nelson, U.S. Senator from Florida:"
        "|^\\p{Lu}[\\p{L}. '’-]+,\\s+(?:U\\.?\\s?S\\.?\\s+)?Senator from \\p{Lu}[\\p{L} ]+:?$");
    return re;
}

// "Office of Communications", "Office of Public Affairs": an office within the agency.
const Regex& office_re() {
    static const Regex re("(?i)^(?:the\\s+)?(?:[\\p{L}]+\\s+){0,3}office(?: of (?:the )?[\\p{L},.'’& ]{2,60})?$");
    return re;
}

// Running text, not a header line: a sentence of some length, or a line too
// long for any headline.
const Regex& issuing_office_re() {
    static const Regex re("^(?:\\p{Lu}[\\p{L}.&]*\\s+){0,5}(?:Headquarters|Center|Laboratory|Field Office|Regional Office),\\s+"
                          "\\p{Lu}[\\p{L}.]*(?:,?\\s+\\p{Lu}[\\p{L}.]*){0,3}$");
    return re;
}

bool is_prose(const std::string& s) {
    auto words = std::count(s.begin(), s.end(), ' ') + 1;
    if (words >= 35 || s.size() >= 250) return true;
    std::string_view t = text::trim(s);
    while (!t.empty() && (t.back() == '"' || text::ends_with(t, "\u201d") || t.back() == ')')) {
        t.remove_suffix(text::ends_with(t, "\u201d") ? 3 : 1);
    }
    bool sentence_end = !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
    return (words >= 8 && sentence_end) || (words >= 12 && !t.empty() && t.back() == ':');
}

}  // namespace

namespace {

// A release number with its label: "Release No: 105-13", "RELEASE: 93-76",
// "Press Release Number: 14-1041", "MEDIA ADVISORY: J24-005". Group 1 is the
// label, group 2 the number.
const Regex& labelled_number_re() {
    static const Regex re(
        "(?i)^((?:(?:news|press|media)\\s+)?(?:release|advisory|statement|note)(?:\\s*(?:no\\.?|number|#))?|no\\.|number)"
        "\\s*[:#.]?\\s*(" NUMBER ")\\.?$");
    return re;
}

const Regex& number_label_re() {
    static const Regex re("(?i)^(?:(?:news|press|media)\\s+)?release\\s*(?:no\\.?|number|#)\\s*:?$");
    return re;
}

const Regex& bare_number_re() {
    static const Regex re("^(" NUMBER ")$");
    return re;
}

const Regex& date_label_re() {
    static const Regex re("(?i)^(?:release )?date(?:d)?\\s*:\\s*(.+)$");
    return re;
}

// "Press Release: Headline" / "Media Release: Headline" / "PHOTO: Headline":
// a label before the headline. Group 1 the label, group 2 the headline.
const Regex& labelled_title_re() {
    static const Regex re("^(?:(?i)((?:news|press|media) release|photo(?: release)?|media advisory|press statement)\\s*:\\s*|(PHOTO)\\s+)(.{8,})$");
    return re;
}

std::string title_case_kind(const std::string& label) {
    std::string k = match_kind(label);
    if (!k.empty()) return k;
    return {};
}

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

// A line set entirely in bold or italics (a deck under an HTML headline).
bool all_emphasis(const Line& l) {
    if (l.inlines.empty()) return false;
    return std::all_of(l.inlines.begin(), l.inlines.end(), [](const model::Span& s) {
        return s.kind == model::Span::Kind::strong || s.kind == model::Span::Kind::emphasis;
    });
}

bool same_text(const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() && text::iequals(text::collapse_space(a), text::collapse_space(b));
}

}  // namespace

void extract_fields(Context& cx) {
    auto& m = cx.doc.meta;
    auto& lines = cx.src.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.removed || l.used || l.text.empty() || l.text.size() > 80) continue;
        if (m.release_number.empty()) {
            if (auto rn = labelled_number_re().search(l.text)) {
                m.release_number = std::string(rn->group(l.text, 2));
                std::string kind = title_case_kind(std::string(rn->group(l.text, 1)));
                if (!kind.empty() && m.kind.empty() && kind != "News Release" && kind != "Press Release") m.kind = kind;
                l.used = true;
                continue;
            }
            // "Press Release Number:" on one line, the number on the next.
            if (number_label_re().full_match(l.text)) {
                std::size_t k = i + 1;
                while (k < lines.size() && lines[k].text.empty()) ++k;
                if (k < lines.size() && bare_number_re().full_match(lines[k].text)) {
                    m.release_number = lines[k].text;
                    l.used = lines[k].used = true;
                    continue;
                }
            }
        }
        if (m.date.empty()) {
            if (auto dl = date_label_re().search(l.text)) {
                if (auto d = parse_date_line(std::string(dl->group(l.text, 1)))) {
                    m.date = *d;
                    l.used = true;
                }
            }
        }
    }
}

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

void agency_from_contacts(Context& cx);

namespace {

// A profile's agency patterns over the text ("Sen. Larry Craig" -> "Senator
// Larry Craig"). Single initials get back the period scrapers drop.
void agency_from_text(Context& cx) {
    if (!cx.doc.meta.agency.empty()) return;
    static const Regex bare_initial("(?<=\\s)(\\p{Lu})(?=\\s)");
    for (const Profile* p : cx.profiles)
        for (const auto& [re, format] : p->agency_patterns)
            for (const Line& l : cx.src.lines) {
                if (l.removed || l.used || l.text.empty()) continue;
                auto m = re->search(l.text);
                if (!m) continue;
                std::string name = bare_initial.replace_all(std::string(m->group(l.text, 1)), "$1.");
                std::string out = format;
                text::replace_all(out, "$1", name);
                cx.doc.meta.agency = text::collapse_space(out);
                return;
            }
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

namespace {

// "WASHINGTON —", "WASHINGTON, D.C. --", "SILVERDALE, Wash. –",
// "REDSTONE ARSENAL, Alabama (May 31, 2022) –", "(Washington, DC) -":
// a place in capitals, an optional region, an optional date in brackets,
// then a dash; or a place in brackets at the very start.
#define MONTH_WORD PRESSROOM_MONTH_NAME
#define CAPS_WORD "\\p{Lu}[\\p{Lu}\\p{Nd}.'’&]*"

// "WASHINGTON —", "WASHINGTON, D.C. --", "SILVERDALE, Wash., -",
// "REDSTONE ARSENAL, Alabama (May 31, 2022) –", "WASHINGTON, May 14 --",
// "ABOARD USS RONALD REAGAN (CVN 76), AT SEA -The", "(Washington, DC) -":
// a place in capitals, an optional region, an optional date, then a dash;
// or a place in brackets at the very start.
const Regex& dateline_re() {
    static const Regex re(
        "^(?:"
        "(" CAPS_WORD "(?:[ -]" CAPS_WORD "|\\s\\(\\p{Lu}[\\p{Lu}\\p{Nd} ]*\\))*)"                       // 1 place
        "(?:,\\s*(\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*){0,3}))?"                                     // 2 region
        ",?\\s*(?:\\(([^)]{4,40})\\)|,?\\s*(" MONTH_WORD "\\s+\\d{1,2}(?:,\\s*\\d{4})?))?"          // 3 (date) 4 month day
        "\\s*[-–—]{1,2}\\s*(?=[\\p{Lu}\\p{N}\"“‘'(])"
        "|\\((\\p{Lu}[\\p{L} .,]{2,40}?)\\)\\s*[-–—]{0,2}\\s*"                                          // 5 (place)
        // The capital's name alone, its dash lost to a scraper: "WASHINGTON Deputy ...".
        "|(WASHINGTON(?:,\\s*D\\.\\s?C\\.)?)\\s+(?=\\p{Lu}\\p{Ll})"                                    // 6
        // A city in title case with its state's abbreviation: "Washington, D.C. - ".
        "|(\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?,\\s*(?:D\\.\\s?C\\.|\\p{Lu}\\p{Ll}{1,3}\\.))\\s*[-–—]{1,2}\\s+(?=\\p{Lu})"  // 7
        ")");
    return re;
}

}  // namespace

void extract_dateline(Context& cx) {
    if (!cx.doc.meta.dateline.empty() || cx.doc.body.empty()) return;
    auto* p = std::get_if<model::Paragraph>(&cx.doc.body.front());
    if (!p || p->content.empty() || p->content.front().kind != model::Span::Kind::text) return;
    std::string& first = p->content.front().text;
    auto m = dateline_re().search(first);
    if (!m) return;
    std::string place;
    if (m->has(1)) {
        place = std::string(m->group(first, 1));
        if (m->has(2)) place += ", " + std::string(m->group(first, 2));
    } else {
        place = std::string(m->group(first, m->has(5) ? 5 : m->has(6) ? 6 : 7));
    }
    place = std::string(text::trim(place));
    while (!place.empty() && place.back() == ',') place.pop_back();
    // A place needs a word of some length: "A" or "I" opening a sentence
    // before a dash is not a dateline.
    std::size_t letters = static_cast<std::size_t>(std::count_if(place.begin(), place.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
    if (letters < 4) return;
    cx.doc.meta.dateline = place;
    std::string_view date_text = m->has(3) ? m->group(first, 3) : m->has(4) ? m->group(first, 4) : std::string_view();
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
    first.erase(0, m->end());
    model::normalize_space(p->content);
    if (p->content.empty()) cx.doc.body.erase(cx.doc.body.begin());
}

namespace {

const Regex& phone_re() {
    static const Regex re("(?i)(?:\\(?\\s*(?:phone|tel|telephone|fax)\\s*:?\\s*)?(?:\\(\\d{3}\\)\\s*|\\b\\d{3}[-./ ])\\d{3}[-. ]\\d{4}\\b");
    return re;
}

const Regex& email_re() {
    static const Regex re("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    return re;
}

// An organisation named inside a contact line: "Larry Hart of the U.S.
// Department of Energy", "both of the Library of Congress", "Federal Bureau
// of Investigation, Press Office".
std::string organisation_in(const std::string& s) {
    static const Regex org(
        "((?:(?:U\\.S\\.|United States|\\p{Lu}[\\p{Ll}]+)\\s+){0,3}"
        "(?:Department|Bureau|Library|Agency|Administration|Commission|Service|Board|Institute|Corps)"
        "(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}]*){0,3})?)");
    if (auto m = org.search(s)) return std::string(m->group(s, 1));
    return {};
}

bool contact_detail(const std::string& s) {
    return phone_re().found_in(s) || email_re().found_in(s);
}

}  // namespace

void extract_contacts(Context& cx) {
    static const Regex label("(?i)^(?:(?:media|press|news|public affairs|for further information,?)\\s+)?contacts?\\s*(?::|$)"
                             "|^CONTACTS?\\s+(?=\\p{Lu})"
                             "|(?i)^for (?:further|more) information,? (?:the )?media (?:should|may|can) contact\\b");
    auto& lines = cx.src.lines;
    // Hardening (issue 7): a release names a few contacts. Each labelled one
    // may insert a line (below), so 50,000 "Contact: ..." lines were
    // quadratic; past this many, the rest stay in the text.
    constexpr std::size_t max_contacts = 32;
    for (std::size_t i = 0; i < lines.size() && cx.doc.meta.contacts.size() < max_contacts; ++i) {
        Line& l = lines[i];
        if (l.removed || l.used || l.kind != LineKind::text || !label.search(l.text)) continue;
        if (l.text.size() > 160) {
            // "CONTACT Amy Brundage 202 228 5511 In Burma thousands ...": a
            // contact run into the text by a scraper; split after the phone.
            auto ph = phone_re().search(l.text);
            if (!ph || ph->end() > 120) continue;
            Line rest = l;
            rest.text = std::string(text::trim(std::string_view(l.text).substr(ph->end())));
            rest.block_start = true;
            rest.inlines.clear();
            l.text = l.text.substr(0, ph->end());
            l.inlines.clear();
            // The insert may move the lines: `l` is not used after it
            // (fuzz_ingest found the use after free).
            lines.insert(lines.begin() + static_cast<long>(i) + 1, std::move(rest));
        }
        model::Contact c;
        c.lines.push_back(lines[i].text);
        lines[i].used = true;
        // The block goes on while lines look like names, phones and addresses.
        for (std::size_t k = i + 1; k < lines.size(); ++k) {
            Line& n = lines[k];
            if (n.removed || n.kind != LineKind::text || n.text.size() > 80 || n.block_start) break;
            if (!contact_detail(n.text) && std::count(n.text.begin(), n.text.end(), ' ') > 4 && n.indent == 0) break;
            c.lines.push_back(n.text);
            n.used = true;
        }
        cx.doc.meta.contacts.push_back(std::move(c));
    }

    // Unlabelled contact blocks at the head of a release (NASA's "Ed Campion /
    // Headquarters, Washington, D.C. / (Phone: 202/358-1780)"): short blocks
    // with a phone number or e-mail address, before the running text.
    std::size_t i = 0;
    while (i < lines.size()) {
        while (i < lines.size() && (lines[i].text.empty() || lines[i].removed)) ++i;
        std::size_t start = i;
        while (i < lines.size() && !lines[i].text.empty() && !lines[i].removed) ++i;
        if (start >= lines.size()) break;
        bool prose = false, detail = false, short_lines = true;
        for (std::size_t k = start; k < i; ++k) {
            if (lines[k].text.size() > 80) short_lines = false;
            if (is_prose(lines[k].text)) prose = true;
            if (contact_detail(lines[k].text)) detail = true;
        }
        if (prose) break;  // the running text has started
        if (!detail || !short_lines || i - start > 6 || i - start < 2) continue;
        model::Contact c;
        for (std::size_t k = start; k < i; ++k) {
            Line& n = lines[k];
            if (n.used || parse_date_line(n.text) || labelled_number_re().found_in(n.text)) continue;
            c.lines.push_back(n.text);
            n.used = true;
        }
        if (!c.lines.empty()) cx.doc.meta.contacts.push_back(std::move(c));
    }
}

void extract_byline(Context& cx) {
    // "Story by Army Sgt. 1st Class Tyrone C. Marshall Jr., American Forces
    // Press Service" (after the text) or "By Jim Garamone, American Forces
    // Press Service" / "From USS Ronald Reagan (CVN 76) Public Affairs" (before it).
    static const Regex by("^(?:(?i:story|article|written|release|photos?|video)\\s+(?i:by)\\s+(.{3,120})"
                          "|By\\s+(\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,5},\\s+.{3,80}))$");
    static const Regex from("^From\\s+(\\p{Lu}.{2,100}?)\\s+Public Affairs(?:\\s+Office)?$");
    static const Regex org_word("(?i)\\b(?:service|activity|agency|news|press|affairs|office|command|center|division|"
                                "department|bureau|administration|fleet|wing|brigade|district)\\b");
    auto& lines = cx.src.lines;
    std::vector<Line*> kept;
    for (Line& l : lines)
        if (!l.removed && !l.used && !l.text.empty()) kept.push_back(&l);
    if (kept.size() < 2) return;
    auto take = [&](Line* l, std::string org) {
        l->used = true;
        if (cx.doc.meta.agency.empty() && !org.empty()) cx.doc.meta.agency = org;
    };
    for (Line* l : {kept.front(), kept[1], kept.back()}) {
        if (l->used) continue;
        if (auto m = from.search(l->text)) {
            take(l, std::string(m->group(l->text, 1)));
        } else if (auto b = by.search(l->text)) {
            std::string who(b->group(l->text, b->has(1) ? 1 : 2));
            auto comma = who.rfind(", ");
            std::string org = comma == std::string::npos ? who : who.substr(comma + 2);
            if (!org_word.found_in(org)) org.clear();
            // A byline names people; a sentence that starts with "By" does not end without a period.
            if (text::ends_with(l->text, ".") && org.empty()) continue;
            take(l, org);
        }
    }
}

void agency_from_contacts(Context& cx) {
    if (!cx.doc.meta.agency.empty()) return;
    for (const auto& c : cx.doc.meta.contacts)
        for (const auto& l : c.lines)
            if (std::string org = organisation_in(l); !org.empty()) {
                cx.doc.meta.agency = org;
                return;
            }
}

}  // namespace pressroom::ingest

#include "ingest/data/dates.hpp"

#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/check.hpp"

#include "model/format.hpp"

#include <array>
#include <cstdio>

namespace pressroom::ingest {

namespace {

using model::month_names;

int month_number(std::string_view word) {
    std::string w = text::ascii_lower(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w == "sept") return 9;
    for (int m = 0; m < 12; ++m) {
        std::string full = text::ascii_lower(month_names[static_cast<std::size_t>(m)]);
        if (w == full || (w.size() == 3 && full.compare(0, 3, w) == 0)) return m + 1;
    }
    return 0;
}

#define MONTH "(" PRESSROOM_MONTH_NAME ")"

const Regex& mdy() {
    static const Regex re("(?i)(?<![\\p{L}\\d])" MONTH "\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(\\d{4})(?!\\d)");
    return re;
}
const Regex& dmy() {
    static const Regex re("(?i)(?<![\\p{L}\\d])(\\d{1,2})\\s*" MONTH ",?\\s*(\\d{4})(?!\\d)");
    return re;
}
// Months in French, Spanish and German, as releases in those languages
// write them: "16 octobre 2025", "25 de junio de 2008", "27. Juni 2005".
struct ForeignMonth {
    const char* name;
    int month;
};
constexpr ForeignMonth foreign_months[] = {
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4},
    {"mai", 5}, {"juin", 6}, {"juillet", 7}, {"juil", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"april", 4}, {"juni", 6}, {"juli", 7},
    {"august", 8}, {"september", 9}, {"oktober", 10}, {"november", 11}, {"dezember", 12}};

int foreign_month_number(std::string_view word) {
    std::string w = utf8::to_lower(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    for (const auto& fm : foreign_months)
        if (w == fm.name) return fm.month;
    return 0;
}

const Regex& foreign_dmy() {
    static const Regex re(
        "(?i)(?<![\\p{L}\\d])(\\d{1,2})(?:er|\\.|º|°)?\\s*(?:de\\s+)?"
        "(janvier|janv\\.?|février|fevrier|févr\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|août|aout|septembre|"
        "octobre|novembre|décembre|decembre|déc\\.?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
        "octubre|noviembre|diciembre|januar|jänner|februar|märz|maerz|juni|juli|oktober|dezember|april|august|september|"
        "november)"
        ",?\\s*(?:de(?:l)?\\s+)?(\\d{4})(?!\\d)");
    return re;
}

// "27.06.2005": day first, the German way.
const Regex& dotted() {
    static const Regex re("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d.])");
    return re;
}

const Regex& iso() {
    static const Regex re("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    return re;
}
const Regex& numeric() {
    static const Regex re("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![\\d/])");
    return re;
}

std::string make_iso(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::optional<DateMatch> find_date(std::string_view s) {
    std::optional<DateMatch> best;
    // Checked once: each search would check the rest of `s` again, and a
    // long field full of impossible dates ("99/99/99 ...") went quadratic.
    const bool valid_utf8 = utf8::is_valid(s);
    auto consider = [&](const Regex& re, auto make) {
        for (std::size_t pos = 0;;) {
            auto m = re.search(s, pos, valid_utf8);
            if (!m) return;
            std::string date = make(*m);
            if (!date.empty() && model::is_iso_date(date)) {
                if (!best || m->begin() < best->begin) best = DateMatch{date, m->begin(), m->end()};
                return;
            }
            pos = m->begin() + 1;
        }
    };
    consider(mdy(), [&](const Regex::Match& m) {
        int month = month_number(m.group(s, 1));
        return month ? make_iso(to_int(m.group(s, 3)), month, to_int(m.group(s, 2))) : std::string();
    });
    consider(dmy(), [&](const Regex::Match& m) {
        int month = month_number(m.group(s, 2));
        return month ? make_iso(to_int(m.group(s, 3)), month, to_int(m.group(s, 1))) : std::string();
    });
    consider(foreign_dmy(), [&](const Regex::Match& m) {
        int month = foreign_month_number(m.group(s, 2));
        return month ? make_iso(to_int(m.group(s, 3)), month, to_int(m.group(s, 1))) : std::string();
    });
    consider(dotted(), [&](const Regex::Match& m) {
        return make_iso(to_int(m.group(s, 3)), to_int(m.group(s, 2)), to_int(m.group(s, 1)));
    });
    consider(iso(), [&](const Regex::Match& m) {
        return make_iso(to_int(m.group(s, 1)), to_int(m.group(s, 2)), to_int(m.group(s, 3)));
    });
    consider(numeric(), [&](const Regex::Match& m) {
        int y = to_int(m.group(s, 3));
        if (m.group(s, 3).size() == 2) y += y < 50 ? 2000 : 1900;
        return make_iso(y, to_int(m.group(s, 1)), to_int(m.group(s, 2)));
    });
    return best;
}

std::optional<std::string> parse_date_line(std::string_view s) {
    auto m = find_date(s);
    if (!m) return std::nullopt;
    static const Regex before(
        "(?i)^[\\s(\\[]*(?:(?:for (?:immediate )?release|released?(?: on)?|date|dated|posted(?: on)?|published(?: on)?|"
        "updated(?: on)?|issued(?: on)?)"
        "\\s*:?\\s*)?(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
        "dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|"
        "samstag|sonntag)\\s*,?\\s*)?(?:le\\s+|el\\s+|den\\s+)?$");
    static const Regex after("(?i)^[\\s)\\].,;:]*(?:\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?[\\s)\\].,;:]*$");
    if (before.full_match(s.substr(0, m->begin)) && after.full_match(s.substr(m->end))) return m->iso;
    return std::nullopt;
}

}  // namespace pressroom::ingest

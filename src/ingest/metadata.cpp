// Metadata from the head of the release: the lines before the running text
// are labels, numbers, dates, the agency's name and the headline.
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

const Regex& release_number_re() {
    static const Regex re(
        "(?i)^(?:(?:news |press )?release\\s*(?:no\\.?|number|#)?|no\\.|number)\\s*[:#.]?\\s*"
        "([A-Z]{0,3}\\d{1,4}(?:-\\d{1,5})+[A-Z]?)\\.?$");
    return re;
}

// Names of organisations that issue releases. A short line made of one of
// these is the agency's name, not a headline.
const Regex& agency_re() {
    static const Regex re(
        "(?i)^(?:the\\s+)?[\\p{L}.,'’& ]{0,60}?\\b(?:department|agency|administration|authority|bureau|commission|"
        "service|board|council|ministry|institute|corps|command|office|library of congress|white house|nasa|"
        "federal reserve(?: board| system)?)(?: of (?:the )?[\\p{L},.'’& ]{2,60})?$"
        "|(?i)^(?:(?:the\\s+)?(?:united states|u\\.\\s?s\\.)\\s+)?senator [\\p{L}. ,'’-]+$");
    return re;
}

// "Office of Communications", "Office of Public Affairs": an office within the agency.
const Regex& office_re() {
    static const Regex re("(?i)^(?:the\\s+)?(?:[\\p{L}]+\\s+){0,3}office(?: of (?:the )?[\\p{L},.'’& ]{2,60})?$");
    return re;
}

bool is_prose(const std::string& s) {
    if (s.size() >= 100) return true;
    auto words = std::count(s.begin(), s.end(), ' ') + 1;
    char last = s.empty() ? ' ' : s.back();
    bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' || text::ends_with(s, "\u201d");
    return (words >= 8 && sentence_end) || words >= 16;
}

}  // namespace

void extract_metadata(Context& cx) {
    auto& m = cx.doc.meta;
    const model::Metadata& given = cx.src.given;
    bool have_title = !given.title.empty();

    for (Line& l : cx.src.lines) {
        if (l.removed || l.used || l.text.empty() || l.kind != LineKind::text) continue;
        if (is_prose(l.text)) break;  // the running text has started

        if (auto rn = release_number_re().search(l.text); rn && m.release_number.empty()) {
            m.release_number = std::string(rn->group(l.text, 1));
            l.used = true;
        } else if (std::string kind = match_kind(l.text); !kind.empty() && m.kind.empty()) {
            m.kind = kind;
            l.used = true;
        } else if (auto date = parse_date_line(l.text); date && m.date.empty()) {
            m.date = *date;
            l.used = true;
        } else if (!m.agency.empty() && m.office.empty() && !have_title && office_re().full_match(l.text)) {
            m.office = l.text;
            l.used = true;
        } else if (m.agency.empty() && !have_title && agency_re().full_match(l.text)) {
            m.agency = l.text;
            l.used = true;
        } else if (!have_title) {
            m.title = l.text;
            l.used = true;
            have_title = true;
        }
    }

    // What the format states outright wins over what the text suggests.
    auto prefer = [](std::string& field, const std::string& stated) {
        if (!stated.empty()) field = stated;
    };
    prefer(m.agency, given.agency);
    prefer(m.office, given.office);
    prefer(m.kind, given.kind);
    prefer(m.release_number, given.release_number);
    prefer(m.date, given.date);
    prefer(m.title, given.title);
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
const Regex& dateline_re() {
    static const Regex re(
        "^(?:"
        "(?<place>\\p{Lu}[\\p{Lu}\\p{Nd} .'’&-]*\\p{Lu}\\.?(?:,\\s*[\\p{L}. ]{2,25}?)?)\\s*"
        "(?:\\((?<date>[^)]{4,40})\\)\\s*)?[-–—]{1,2}\\s+"
        "|\\((?<bplace>\\p{Lu}[\\p{L} .,]{2,40}?)\\)\\s*[-–—]{0,2}\\s*"
        ")(?=\\S)");
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
    std::string place(m->has(1) ? m->group(first, 1) : m->group(first, 3));
    place = std::string(text::trim(place));
    while (!place.empty() && (place.back() == ',')) place.pop_back();
    if (place.empty()) return;
    // A place in capitals must have at least one word of two letters: "A" or
    // "I" opening a sentence is not a dateline.
    if (place.size() < 4) return;
    cx.doc.meta.dateline = place;
    if (m->has(2) && cx.doc.meta.date.empty())
        if (auto d = find_date(m->group(first, 2))) cx.doc.meta.date = d->iso;
    first.erase(0, m->end());
    model::normalize_space(p->content);
    if (p->content.empty()) cx.doc.body.erase(cx.doc.body.begin());
}

void extract_contacts(Context& cx) {
    static const Regex label("(?i)^(?:(?:media|press|news|public affairs)\\s+)?contacts?\\s*(?::|$)");
    static const Regex contact_detail(
        "(?i)(?:@|\\b\\d{3}[-. )]+\\d{3}[-. ]\\d{4}\\b|\\bphone\\b|\\btel\\b|\\be-?mail\\b)");
    auto& lines = cx.src.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.removed || l.used || l.kind != LineKind::text || !label.search(l.text)) continue;
        if (l.text.size() > 160) continue;  // a sentence that mentions a contact, not a contact block
        model::Contact c;
        c.lines.push_back(l.text);
        l.used = true;
        // The block goes on while lines look like names, phones and addresses.
        for (std::size_t k = i + 1; k < lines.size(); ++k) {
            Line& n = lines[k];
            if (n.removed || n.kind != LineKind::text || n.text.size() > 80) break;
            if (!contact_detail.search(n.text) && std::count(n.text.begin(), n.text.end(), ' ') > 4) break;
            c.lines.push_back(n.text);
            n.used = true;
        }
        cx.doc.meta.contacts.push_back(std::move(c));
    }
}

}  // namespace pressroom::ingest

// Judgements about one line of a release, shared by the passes: what kind
// of label, number, name or sentence it is. One place for each judgement.
#include "ingest/classify/line_class.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <array>

namespace pressroom::ingest {

// Kinds of release, as agencies label them.
static constexpr std::array<const char*, 16> known_kinds = {
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

}  // namespace pressroom::ingest

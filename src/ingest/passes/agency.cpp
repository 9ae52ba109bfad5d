// The issuer: every signal the document gives of who issued it, weighed in
// one place.
//
// A release names its issuer in many ways, and which one a page uses
// depends on its site, not on anything pressroom could know in advance:
// stated outright (front matter, a feed's author), as a letterhead over the
// headline, as the site's name (<meta property="og:site_name">, the part of
// the <title> after the headline), in an "About <issuer>" section, a wire's
// "SOURCE <issuer>" line or "<issuer> (NYSE: XYZ)" in its lead, a signature
// under the text, a copyright line, a byline, a contact line, or the office
// holder the text is about ("Senator Max Baucus said"). Each is a candidate
// with a weight that says how directly it names the issuer; the heaviest
// wins. `pressroom -v` says which signal chose it.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/classify/line_class.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>

namespace pressroom::ingest {

namespace {

struct Candidate {
    std::string name;
    const char* signal;
    int weight;
};

// The weights: how directly each signal names the issuer.
namespace weight {
constexpr int stated = 100;     // front matter, JSON, feed author
constexpr int letterhead = 90;  // an issuer's name over the headline
constexpr int source_line = 85; // "SOURCE Visible Assets, Inc."
constexpr int site_name = 80;   // og:site_name, application-name
constexpr int about = 75;       // "About the Exploratorium"
constexpr int listed = 70;      // "Okta, Inc. (NASDAQ:OKTA)" in the lead
constexpr int page_title = 60;  // "<headline> | Wikimedia Foundation"
constexpr int signature = 55;   // an issuer's name under the text
constexpr int profile = 50;     // the agency profile's issuer
constexpr int profile_pattern = 47;  // the profile's pattern over the text ("Sen. Larry Craig")
constexpr int byline = 45;      // "By ..., American Forces Press Service"
constexpr int contact = 40;     // "Larry Hart of the U.S. Department of Energy"
constexpr int copyright = 35;   // "© 2026 Fine Arts Museums of San Francisco"
constexpr int office_holder = 30;  // "Senator Max Baucus" in the lead
}  // namespace weight

// An issuer's name as a signal gives it: no URL, no trailing punctuation,
// single spaces. Empty when what is left is not a name.
std::string clean_name(std::string s) {
    static const Regex url("\\s*(?:https?://|www\\.)\\S*");
    s = url.replace_all(s, "");
    s = text::collapse_space(s);
    while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == '-'))
        s.pop_back();
    // "Inc" lost its period to the trim above.
    if (text::ends_with(s, " Inc") || text::ends_with(s, ", Inc") || text::ends_with(s, " Ltd") || text::ends_with(s, " Corp"))
        s += '.';
    s = text::collapse_space(s);
    std::size_t i = 0;
    if (s.size() < 2 || s.size() > 120 || !utf8::is_upper(utf8::next(s, i))) {
        // "the Exploratorium": a leading article is fine.
        static const Regex article("^(?:the|la|le|les|el|los|las|die|der|das)\\s+(?=\\p{Lu})");
        if (!article.found_in(s) || s.size() > 120) return {};
    }
    return s;
}

// Parts of a site name or a page title: "State of California - Department
// of Justice - Office of the Attorney General", "<headline> | OPA | Department
// of Justice".
std::vector<std::string> title_parts(const std::string& s) {
    static const Regex separators("\\s+(?:--|\\||–|—|::|-|:|·|•)\\s+|\\s+:\\s*");
    std::vector<std::string> parts;
    std::size_t pos = 0;
    for (const auto& sep : separators.find_all(s)) {
        parts.emplace_back(text::trim(s.substr(pos, sep.begin() - pos)));
        pos = sep.end();
    }
    parts.emplace_back(text::trim(s.substr(pos)));
    parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
    return parts;
}

// Words that name an organisation, in the languages releases come in.
bool names_organisation(const std::string& s) {
    static const Regex org(
        "(?i)\\b(?:department|agency|administration|authority|bureau|commission|service|board|council|ministry|"
        "institute|corps|command|office|library|university|college|museum|museums|foundation|association|society|"
        "council|union|federation|company|corporation|group|inc\\.?|ltd\\.?|llc|gmbh|ag|s\\.a\\.|plc|co\\.|city|"
        "county|state|government|attorney general|senator|governor|mayor|police|court|parliament|assembly|"
        "ministerium|ministère|ministerio|junta|fundación|fondation|stiftung|bund|verband|gouvernement|"
        "gobierno|white house|nasa|center|centre|trust|network|partners|league|club)\\b");
    return org.found_in(s);
}

// A site name given as a hierarchy ("State of California - Department of
// Justice - Office of the Attorney General"): the organisation is its parts
// read together ("State of California Department of Justice"), its last
// part an office within it when it says so.
std::pair<std::string, std::string> site_organisation(const std::string& site) {
    std::vector<std::string> parts = title_parts(site);
    if (parts.size() <= 1) return {site, {}};
    std::string office;
    if (parts.size() >= 3 && office_re().full_match(parts.back())) {
        office = parts.back();
        parts.pop_back();
    }
    return {text::join(parts, " "), office};
}

bool names_or_capitalised(const std::string& s) {
    std::size_t i = 0;
    return !s.empty() && (utf8::is_upper(utf8::next(s, i)) || names_organisation(s));
}

// A profile's patterns for its issuer over the text ("Sen. Larry Craig" ->
// "Senator Larry Craig"). Single initials get back the period scrapers drop.
void from_profile_patterns(const Context& cx, std::vector<Candidate>& out) {
    static const Regex bare_initial("(?<=\\s)(\\p{Lu})(?=\\s)");
    for (const Profile* p : cx.profiles)
        for (const auto& [re, format] : p->agency_patterns)
            for (const Line& l : cx.src.lines) {
                if (l.text.empty() || l.label == Label::title || (l.label == Label::header && !l.used)) continue;
                auto m = re->search(l.text);
                if (!m) continue;
                std::string name = bare_initial.replace_all(std::string(m->group(l.text, 1)), "$1.");
                std::string formatted = format;
                text::replace_all(formatted, "$1", name);
                out.push_back({text::collapse_space(formatted), "the agency profile's pattern", weight::profile_pattern});
                return;
            }
}

void from_page_title(const Context& cx, std::vector<Candidate>& out) {
    const auto& m = cx.doc.meta;
    for (const std::string& hint : cx.src.title_hints) {
        std::vector<std::string> parts = title_parts(hint);
        if (parts.size() < 2) continue;
        std::string best;
        for (const auto& part : parts) {
            if (same_text(part, m.title) || parse_date_line(part) || part.size() < 4 || !match_kind(part).empty()) continue;
            const std::string lower = utf8::to_lower(part), title = utf8::to_lower(m.title);
            if (!title.empty() && (title.find(lower) != std::string::npos || lower.find(title) != std::string::npos)) continue;
            if (std::count(part.begin(), part.end(), ' ') > 9 || !names_organisation(part)) continue;
            if (part.size() > best.size()) best = part;
        }
        if (!best.empty()) out.push_back({clean_name(best), "the page's title", weight::page_title});
        return;
    }
}

// "About the Exploratorium", "About HPRA The Hispanic Public Relations
// Association (HPRA), founded in 1984, ...", "À propos de ...".
std::string about_name(const Line& l) {
    static const Regex about("^(?:About|ABOUT|À propos de|A propos de|Acerca de|Sobre|Über)\\s+(?:(?:the|The)\\s+)?(.+)$");
    auto m = about.search(l.text);
    if (!m) return {};
    std::string rest(m->group(l.text, 1));
    // "About Us", "About this site": a menu entry, not a section on the issuer.
    static const Regex menu("(?i)^(?:us|me|this\\b.*|our\\b.*|the\\s+(?:site|page|author)|pressroom|[a-z]+\\s+us)$");
    if (menu.full_match(rest) || l.link_chars * 2 > static_cast<int>(l.text.size())) return {};
    const bool short_line = std::count(l.text.begin(), l.text.end(), ' ') <= 9;
    const bool heading = l.kind == LineKind::heading || all_emphasis(l) || short_line;
    if (!heading) {
        // The heading run into its paragraph: the name is the run of
        // capitalised words, up to a word that opens a sentence or a name
        // said twice ("About VinhomesVinhomes is").
        std::string name;
        for (std::string_view w : text::split(rest, ' ')) {
            std::size_t i = 0;
            if (w.empty()) continue;
            char32_t c = utf8::next(w, i);
            const bool capital = utf8::is_upper(c) || c == '(' || c == '&';
            std::string lower = utf8::to_lower(w);
            const bool connector = lower == "of" || lower == "for" || lower == "and" || lower == "de" || lower == "du";
            if (!name.empty() && (lower == "the" || lower == "a" || lower == "is" || lower == "le" || lower == "la")) break;
            if (!capital && !connector) break;
            name += (name.empty() ? "" : " ") + std::string(w);
            // "(ASF)": an acronym in brackets closes the name.
            if (w.back() == ',' || w.back() == ':' || w.back() == ')') break;
        }
        // "VinhomesVinhomes": the name, glued to the paragraph that repeats it.
        for (std::size_t half = 2; half * 2 <= name.size(); ++half)
            if (name.compare(0, half, name, half, half) == 0 && (half * 2 == name.size() || name[half * 2] == ' ')) {
                name = name.substr(0, half);
                break;
            }
        rest = name;
    }
    if (std::count(rest.begin(), rest.end(), ' ') > 9) return {};
    return clean_name(rest);
}

// How often the name (or its last word) comes up in the headline and the
// first paragraph: of several "About" sections, the issuer's is about the
// party the release is about.
int mentions(const Context& cx, const std::string& name) {
    std::string hay = utf8::to_lower(cx.doc.meta.title);
    int blocks = 0;
    for (const Line& l : cx.src.lines) {
        if (l.label != Label::body || l.removed) continue;
        hay += " " + utf8::to_lower(l.text);
        if (++blocks == 2) break;
    }
    std::string n = utf8::to_lower(name);
    if (auto p = n.find(" ("); p != std::string::npos) n = n.substr(0, p);
    int count = 0;
    for (std::size_t p = hay.find(n); !n.empty() && p != std::string::npos; p = hay.find(n, p + 1)) ++count;
    return count;
}

void from_lines(const Context& cx, std::vector<Candidate>& out) {
    static const Regex source("^SOURCE:?\\s+(\\p{Lu}.{1,80})$");
    static const Regex provided("(?i)^news provided by$");
    static const Regex copyright("(?:©|\\(c\\)|Copyright)\\s*(?:\\d{4}\\s*(?:[-–]\\s*\\d{4}\\s*)?)?,?\\s*([\\p{Lu}][^|©]{2,80}?)\\s*(?:\\.|\\||All rights|®|$)");
    static const Regex listed("(?:^|\\s|--|—)(\\p{Lu}[\\p{L}\\p{N}.,&'’ -]{1,60}?)\\s*\\((?:NYSE|NASDAQ|Nasdaq|TSX(?:-V|V)?|OTC\\w*|LSE|ASX|CSE|AMEX|NYSE American|NYSE Arca|Euronext|FWB|XETRA)\\s*:");
    const auto& lines = cx.src.lines;
    std::vector<Candidate> abouts;
    std::size_t last_body = 0, seen_body = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].label == Label::body && !lines[i].removed) last_body = i;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.text.empty()) continue;
        if (auto m = source.search(l.text)) out.push_back({clean_name(std::string(m->group(l.text, 1))), "a SOURCE line", weight::source_line});
        if (provided.full_match(l.text))
            for (std::size_t k = i + 1; k < lines.size() && k <= i + 2; ++k)
                if (!lines[k].text.empty()) {
                    out.push_back({clean_name(lines[k].text), "\"News provided by\"", weight::source_line});
                    break;
                }
        if (std::string a = about_name(l); !a.empty() && names_or_capitalised(a)) abouts.push_back({a, "an \"About\" section", weight::about});
        if (auto m = copyright.search(l.text)) {
            std::string name = clean_name(std::string(m->group(l.text, 1)));
            if (!name.empty() && names_organisation(name)) out.push_back({name, "a copyright line", weight::copyright});
        }
        if (l.label == Label::body && !l.removed && seen_body < 3) {
            ++seen_body;
            if (auto m = listed.search(l.text)) out.push_back({clean_name(std::string(m->group(l.text, 1))), "a stock listing in the lead", weight::listed});
        }
        // An issuer's name alone under the text: the signature of a statement.
        if (i > last_body && last_body > 0 && !l.outside && l.text.size() <= 80 && agency_re().full_match(l.text))
            out.push_back({clean_name(l.text), "a signature", weight::signature});
    }
    // Of several "About" sections, the one about the party the release is about.
    if (!abouts.empty()) {
        // An organisation's name before anything else ("About Manga" is the
        // exhibition); then the most mentioned.
        std::stable_sort(abouts.begin(), abouts.end(), [&](const Candidate& a, const Candidate& b) {
            const bool oa = names_organisation(a.name), ob = names_organisation(b.name);
            if (oa != ob) return oa;
            return mentions(cx, a.name) > mentions(cx, b.name);
        });
        out.push_back(abouts.front());
    }
}

// The office holder the lead is about: "Senator Max Baucus", "Sen. Larry
// Craig", "Governor ..."; the issuer of a statement with no letterhead.
void from_office_holder(const Context& cx, std::vector<Candidate>& out) {
    static const Regex holder(
        "\\b((?:U\\.?\\s?S\\.?\\s+)?(?:Senator|Sen\\.|SENATOR|SEN\\.|Representative|Rep\\.|Congressman|"
        "Congresswoman|Governor|Gov\\.|Mayor)"
        "\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.?(?=\\s))?(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})");
    // A name ends before a weekday, a month or a verb in capitals glued after
    // it ("Senator Bob Corker Thursday December 06 2007").
    static const Regex calendar("\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" PRESSROOM_MONTH_NAME
                                "|Today|Washington|WASHINGTON)\\b.*$");
    static const Regex abbrev("^(?:Sen\\.|SEN\\.|SENATOR)");
    // The office holders named in the headline and the lead; the issuer is
    // the one whose surname the text repeats most ("Senators Collins and
    // Lieberman ... Lieberman said").
    std::string text;
    std::vector<std::string> names;
    for (const Line& l : cx.src.lines) {
        if (l.text.empty() || l.outside || l.label == Label::chrome) continue;
        if (text.size() < 3000)
            for (const auto& m : holder.find_all(l.text)) {
                std::string name = calendar.replace_all(std::string(m.group(l.text, 1)), "");
                name = abbrev.replace_all(name, "Senator");
                if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
            }
        text += " " + l.text;
    }
    std::string best;
    std::size_t best_count = 0;
    const std::string lower = utf8::to_lower(text);
    for (const auto& name : names) {
        std::string surname = utf8::to_lower(name.substr(name.rfind(' ') + 1));
        if (surname.size() < 3) continue;
        std::size_t count = 0;
        for (std::size_t p = lower.find(surname); p != std::string::npos; p = lower.find(surname, p + 1)) ++count;
        // "Senator Attacks Climate Change": a surname is said more than once.
        if (count >= 2 && count > best_count) {
            best = name;
            best_count = count;
        }
    }
    if (!best.empty())
        out.push_back({clean_name(best), "the office holder the text names most", weight::office_holder});
}

}  // namespace

void resolve_agency(Context& cx) {
    auto& m = cx.doc.meta;
    std::vector<Candidate> candidates;
    if (!cx.src.given.agency.empty()) candidates.push_back({cx.src.given.agency, "the input's metadata", weight::stated});
    if (!m.agency.empty()) candidates.push_back({m.agency, "the letterhead", weight::letterhead});
    if (!cx.src.agency_hint.empty()) {
        auto [org, office] = site_organisation(cx.src.agency_hint);
        candidates.push_back({clean_name(org), "the site's name", weight::site_name});
    }
    from_lines(cx, candidates);
    from_page_title(cx, candidates);
    for (const Profile* p : cx.profiles)
        if (!p->agency.empty()) candidates.push_back({p->agency, "the agency profile", weight::profile});
    if (!cx.byline_org.empty()) candidates.push_back({cx.byline_org, "the byline", weight::byline});
    for (const auto& c : m.contacts)
        for (const auto& l : c.lines)
            if (std::string org = organisation_in(l); !org.empty()) candidates.push_back({org, "a contact line", weight::contact});
    from_profile_patterns(cx, candidates);
    from_office_holder(cx, candidates);

    candidates.erase(std::remove_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.name.empty(); }),
                     candidates.end());
    if (candidates.empty()) return;
    // The heaviest; of equal weights, the first found.
    const Candidate& best = *std::max_element(candidates.begin(), candidates.end(),
                                              [](const Candidate& a, const Candidate& b) { return a.weight < b.weight; });
    m.agency = best.name;
    cx.diags.note("issuer", "issuer '" + best.name + "' from " + best.signal);
}

}  // namespace pressroom::ingest

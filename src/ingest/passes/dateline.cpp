// The dateline ("WASHINGTON —") moved from the first paragraph into the metadata.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>

namespace pressroom::ingest {

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

}  // namespace pressroom::ingest

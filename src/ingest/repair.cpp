// Repairs of scraping damage in the body. Each repair is counted in a
// diagnostic so a user can see what pressroom changed.
#include "base/regex.hpp"
#include "ingest/steps.hpp"

namespace pressroom::ingest {

namespace {

// The ordinal suffix English uses for n: 1st, 2nd, 3rd, 4th, 11th, 21st.
std::string_view ordinal_suffix(unsigned long n) {
    if (n % 100 >= 11 && n % 100 <= 13) return "th";
    switch (n % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

// "60thanniversary", "21stcentury", "1stBrigade": a superscript suffix lost
// its markup and glued to the next word. Only when the suffix is the right
// one for the number ("2stcentury" is left alone) and a word of at least
// three letters follows.
const Regex& glued_ordinal() {
    static const Regex re("(?<![\\p{L}\\d])(\\d{1,6})(st|nd|rd|th)(?=\\p{Ll}{3}|\\p{Lu}\\p{Ll})");
    return re;
}

int repair_ordinals(std::string& s) {
    int count = 0;
    const Regex& re = glued_ordinal();
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : re.find_all(s)) {
        auto digits = m.group(s, 1);
        auto suffix = m.group(s, 2);
        if (digits.size() > 6 || ordinal_suffix(std::stoul(std::string(digits))) != suffix) continue;
        out.append(s, pos, m.end() - pos);
        out += ' ';
        pos = m.end();
        ++count;
    }
    if (count == 0) return 0;
    out.append(s, pos, std::string::npos);
    s = std::move(out);
    return count;
}

int repair_inlines(model::Inlines& content) {
    int n = 0;
    for (auto& span : content)
        if (span.kind != model::Span::Kind::link) n += repair_ordinals(span.text);
    return n;
}

}  // namespace

void repair_text(Context& cx) {
    int total = 0;
    for (auto& block : cx.doc.body) {
        std::visit(
            [&](auto& b) {
                using T = std::decay_t<decltype(b)>;
                int n = 0;
                if constexpr (std::is_same_v<T, model::List>) {
                    for (auto& item : b.items) n += repair_inlines(item.content);
                } else {
                    n = repair_inlines(b.content);
                }
                if (n) cx.diags.note("repaired-superscript",
                                     "restored the space after " + std::to_string(n) + " lost superscript ordinal" +
                                         (n > 1 ? "s" : ""),
                                     b.line);
                total += n;
            },
            block);
    }
    if (int n = repair_ordinals(cx.doc.meta.title)) {
        cx.diags.note("repaired-superscript", "restored a lost superscript ordinal in the title");
        total += n;
    }
}

}  // namespace pressroom::ingest

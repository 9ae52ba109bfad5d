// Repairs of scraping damage in the body. Each repair is counted in a
// diagnostic so a user can see what pressroom changed.
#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/data/dictionary.hpp"
#include "ingest/data/language.hpp"
#include "ingest/data/text_repair.hpp"
#include "ingest/passes/passes.hpp"

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

// Resolves the soft hyphens build_body left at wrapped line ends.
int resolve_line_hyphens(std::string& s) {
    static const std::string shy = "\u00ad";
    int removed = 0;
    for (std::size_t p; (p = s.find(shy)) != std::string::npos;) {
        std::size_t b = p, e = p + shy.size();
        while (b > 0 && (std::isalpha(static_cast<unsigned char>(s[b - 1])) || (static_cast<unsigned char>(s[b - 1]) & 0x80))) --b;
        while (e < s.size() && (std::isalpha(static_cast<unsigned char>(s[e])) || (static_cast<unsigned char>(s[e]) & 0x80))) ++e;
        std::string left = s.substr(b, p - b), right = s.substr(p + shy.size(), e - p - shy.size());
        bool lower_right = !right.empty() && std::islower(static_cast<unsigned char>(right[0]));
        bool join = lower_right && dictionary::is_word(left + right);
        s.replace(p, shy.size(), join ? "" : "-");
        if (join) ++removed;
    }
    return removed;
}

// "assignedby", "recommencingthe": a word glued to a short function word
// when markup between them was removed. Split only where the whole is not a
// word and both halves are.
int repair_glued_words(std::string& s) {
    static const Regex candidate("\\b(?=\\p{Ll}{9,}\\b)(\\p{Ll}{4,})(by|the|of|and|for|with|from)\\b");
    int n = 0;
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : candidate.find_all(s)) {
        std::string whole(m.group(s, 0)), left(m.group(s, 1));
        if (dictionary::is_word(whole) || !dictionary::is_word(left)) continue;
        out.append(s, pos, m.begin() - pos);
        out += left + " " + std::string(m.group(s, 2));
        pos = m.end();
        ++n;
    }
    if (n) {
        out.append(s, pos, std::string::npos);
        s = std::move(out);
    }
    return n;
}

int repair_inlines(model::Inlines& content) {
    int n = 0;
    for (auto& span : content)
        if (span.kind != model::Span::Kind::link) n += repair_ordinals(span.text);
    return n;
}

}  // namespace

namespace {

// "Medicare.Assistant Attorney": a sentence end glued to the next sentence
// (a paragraph break the scraper dropped, or a space lost with markup).
// Returns the offsets just after each glued sentence end; addresses
// ("Campaign92.Org", "www.Justice.gov") are not sentence ends.
std::vector<std::size_t> glue_points(std::string_view s) {
    static const Regex re("(?<=\\p{L}\\p{Ll}|\\p{Lu}{2}|\\p{Ll}\\)|\\d)[.!?][\"”’]?(?=\\p{Lu}\\p{Ll}|\\p{Lu}{2,}(?=[-\\s\\d])|\\p{Lu}\\.\\p{Lu}\\.|[-–—]{1,2}\\s*30\\s*[-–—]|#\\s*#)"
                          "|(?<=\\p{Ll}):(?=\\p{Lu}\\p{Ll})");
    std::vector<std::size_t> out;
    for (const auto& m : re.find_all(s)) {
        std::size_t b = m.begin();
        while (b > 0 && !text::is_ascii_space(s[b - 1])) --b;
        std::size_t e = m.end();
        while (e < s.size() && !text::is_ascii_space(s[e])) ++e;
        std::string_view token = s.substr(b, e - b);
        if (token.find('@') != std::string_view::npos || token.find('/') != std::string_view::npos ||
            text::starts_with(text::ascii_lower(token), "www."))
            continue;
        out.push_back(m.end());
    }
    return out;
}

std::string insert_spaces(std::string_view s, const std::vector<std::size_t>& points) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t p : points) {
        out.append(s.substr(pos, p - pos));
        out += ' ';
        pos = p;
    }
    out.append(s.substr(pos));
    return out;
}

// Applies `fix` to a line's text and to its rich spans alike.
template <typename Fix>
int fix_line(Line& l, Fix fix) {
    int n = fix(l.text);
    if (n && !l.inlines.empty())
        for (auto& span : l.inlines) fix(span.text);
    return n;
}

}  // namespace

void repair_source(Source& src, Diagnostics& diags) {
    // Mojibake first: every later step reads the repaired characters.
    int moji = 0;
    std::string all;
    for (auto& l : src.lines) {
        moji += fix_line(l, repair_mojibake);
        all += l.text;
        all += '\n';
    }
    for (auto& h : src.title_hints) moji += repair_mojibake(h);
    moji += repair_mojibake(src.given.title);
    // The lossy kind only where the document shows it again and again.
    if (count_lossy_mojibake(all) >= 3 && (src.given.language.empty() || src.given.language.rfind("en", 0) == 0)) {
        for (auto& l : src.lines) moji += fix_line(l, repair_lossy_mojibake);
    }
    if (moji) diags.note("mojibake-repaired", "repaired " + std::to_string(moji) + " mis-decoded character sequence" + (moji > 1 ? "s" : ""));

    int quotes = 0;
    for (auto& l : src.lines) quotes += fix_line(l, repair_quote_direction);
    int units = 0;
    for (auto& l : src.lines) units += fix_line(l, repair_glued_units);
    if (units) diags.note("space-restored", "restored the space in " + std::to_string(units) + " amount" + (units > 1 ? "s" : "") + " like \"$450million\"");
    if (quotes) diags.note("quote-repaired", "turned " + std::to_string(quotes) + " misdirected closing quote" + (quotes > 1 ? "s" : "") + " into opening ones");

    // Glued sentences: in a page dumped as one huge line they are lost
    // paragraph breaks (split there); elsewhere a lost space (insert it).
    std::vector<Line> out;
    int split = 0, spaced = 0;
    for (auto& l : src.lines) {
        deadline::check_every(1024);  // the time budget (hardening, issue 7)
        auto glues = l.inlines.empty() ? glue_points(l.text) : std::vector<std::size_t>{};
        if (glues.empty()) {
            bool changed = false;
            for (auto& span : l.inlines)
                if (span.kind != model::Span::Kind::link) {
                    auto points = glue_points(span.text);
                    if (!points.empty()) {
                        span.text = insert_spaces(span.text, points);
                        spaced += static_cast<int>(points.size());
                        changed = true;
                    }
                }
            if (changed) l.text = model::plain_text(l.inlines);
            out.push_back(std::move(l));
            continue;
        }
        // A page dumped as one line (or a few): its glued sentences are lost paragraph breaks.
        bool dump = glues.size() >= 2 && (l.text.size() >= 800 || (src.lines.size() <= 3 && l.text.size() >= 300));
        if (!dump) {
            l.text = insert_spaces(l.text, glues);
            spaced += static_cast<int>(glues.size());
            out.push_back(std::move(l));
            continue;
        }
        std::size_t pos = 0;
        for (std::size_t g : glues) {
            Line piece = l;
            piece.text = std::string(text::trim(std::string_view(l.text).substr(pos, g - pos)));
            piece.block_start = true;
            if (!piece.text.empty()) out.push_back(std::move(piece));
            pos = g;
            ++split;
        }
        Line rest = l;
        rest.text = std::string(text::trim(std::string_view(l.text).substr(pos)));
        rest.block_start = true;
        if (!rest.text.empty()) out.push_back(std::move(rest));
    }
    src.lines = std::move(out);
    if (split) diags.note("paragraphs-restored", "restored " + std::to_string(split) + " paragraph breaks lost between glued sentences");
    if (spaced) diags.note("space-restored", "restored the space after " + std::to_string(spaced) + " glued sentence end" + (spaced > 1 ? "s" : ""));
}

// The release's language: the one the page states, else the one whose
// function words its text uses most (en, fr, es, de); English when the text
// says too little.
void detect_language(Context& cx) {
    auto& m = cx.doc.meta;
    if (!cx.src.given.language.empty()) return;
    std::string text = m.title;
    for (const auto& block : cx.doc.body) {
        std::visit(
            [&](const auto& b) {
                if constexpr (std::is_same_v<std::decay_t<decltype(b)>, model::List>) {
                    for (const auto& item : b.items) text += " " + model::plain_text(item.content);
                } else {
                    text += " " + model::plain_text(b.content);
                }
            },
            block);
        if (text.size() > 20000) break;
    }
    const language::Guess g = language::detect(text);
    if (g.tag.empty()) return;
    m.language = g.tag;
    if (g.tag != "en")
        cx.diags.note("language", "the text is in '" + g.tag + "' (" + std::to_string(static_cast<int>(g.share * 100)) +
                                      "% of its words are that language's function words)");
}

void repair_text(Context& cx) {
    detect_language(cx);
    // The dictionary (hunspell-en-us) and the ordinal suffixes are English:
    // other languages' words are not split or respaced.
    const bool english = cx.doc.meta.language.empty() || cx.doc.meta.language.rfind("en", 0) == 0;
    if (!english)
        cx.diags.note("language",
                      "the glued-word and lost-superscript repairs use an English dictionary: skipped for '" +
                          cx.doc.meta.language + "'");
    int hyphens = 0, glued = 0;
    auto words = [&](model::Inlines& content) {
        for (auto& span : content) {
            if (span.text.find("\u00ad") != std::string::npos) hyphens += resolve_line_hyphens(span.text);
            if (english && span.kind != model::Span::Kind::link) glued += repair_glued_words(span.text);
        }
    };
    for (auto& block : cx.doc.body)
        std::visit([&](auto& b) {
            if constexpr (std::is_same_v<std::decay_t<decltype(b)>, model::List>) {
                for (auto& item : b.items) words(item.content);
            } else {
                words(b.content);
            }
        }, block);
    if (hyphens) cx.diags.note("dehyphenated", "joined " + std::to_string(hyphens) + " word" + (hyphens > 1 ? "s" : "") + " split by line-end hyphens");
    if (glued) cx.diags.note("glued-words", "split " + std::to_string(glued) + " word" + (glued > 1 ? "s" : "") + " glued together by a scraper");

    if (!english) return;
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

#include "model/format.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/check.hpp"
#include "pressroom/document.hpp"

#include <algorithm>
#include <array>

namespace pressroom::model {

namespace {

// Words that end with a period without ending a sentence: titles and
// short forms that always precede something ("Gen. Smith", "No. 5").
bool is_title_abbreviation(std::string_view word) {
    static const std::array<std::string_view, 44> known = {
        "mr",   "mrs",  "ms",  "dr",  "st",  "jr",  "sr",   "prof", "gen", "lt",  "col", "maj", "capt", "cpt",   "sgt",
        "adm",  "cmdr", "cdr", "rep", "sen", "gov", "hon",  "rev",  "no",  "nos", "vs",  "inc", "corp", "co",    "ltd",
        "dept", "jan",  "feb", "mar", "apr", "aug", "sept", "sep",  "oct", "nov", "dec", "ft",  "mt",   "approx"};
    const std::string w = text::ascii_lower(word);
    return std::find(known.begin(), known.end(), w) != known.end() || w.size() == 1;  // or an initial: "J."
}

// Dotted acronyms ("U.S.", "D.C.", "a.m.") end a sentence only when a word
// that starts sentences follows: "in Washington, D.C. The KIDD..." ends,
// "the U.S. Department" does not.
bool is_dotted_acronym(std::string_view word) { return word.size() <= 5 && word.find('.') != std::string_view::npos; }

bool starts_sentence(std::string_view next_word) {
    static const std::array<std::string_view, 24> starters = {
        "The", "A",    "An", "This", "These", "That", "Those", "In",    "On",  "At", "It",    "He",
        "She", "They", "We", "Our",  "Its",   "His",  "Her",   "Their", "For", "As", "After", "During"};
    return std::find(starters.begin(), starters.end(), next_word) != starters.end();
}

}  // namespace

std::string first_sentence(std::string_view s, std::size_t max_chars) {
    s = text::trim(s);
    std::size_t end = s.size();
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const char c = s[i];
        if ((c != '.' && c != '!' && c != '?') || s[i + 1] != ' ') continue;
        std::size_t k = i + 2;
        const char32_t next = utf8::next(s, k);
        if (!utf8::is_upper(next) && !utf8::is_digit(next) && next != U'"' && next != U'\u201C') continue;
        if (c == '.') {
            const std::size_t space = s.rfind(' ', i);
            const std::size_t from = space == std::string_view::npos ? 0 : space + 1;
            std::string_view word = s.substr(from, i - from);
            while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.remove_prefix(1);
            // "Korea-U.S." is the acronym "U.S." for this purpose.
            if (auto dash = word.find_last_of("-/"); dash != std::string_view::npos) word.remove_prefix(dash + 1);
            if (is_title_abbreviation(word)) continue;
            if (is_dotted_acronym(word)) {
                std::string_view rest = s.substr(i + 2);
                if (!starts_sentence(rest.substr(0, rest.find(' ')))) continue;
            }
        }
        end = i + 1;
        break;
    }
    std::string out(s.substr(0, end));
    if (utf8::length(out) <= max_chars) return out;
    // Too long for a description: cut at the last space that fits.
    std::size_t bytes = 0, count = 0, last_space = 0;
    while (bytes < out.size() && count < max_chars) {
        if (out[bytes] == ' ') last_space = bytes;
        utf8::next(out, bytes);
        ++count;
    }
    out.resize(last_space ? last_space : bytes);
    while (!out.empty() && std::string_view(",;:-").find(out.back()) != std::string_view::npos) out.pop_back();
    return out + "\u2026";
}

std::string long_date(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    return std::string(month_names[static_cast<std::size_t>(m - 1)]) + " " + std::to_string(d) + ", " +
           std::to_string(y);
}

std::string shown_address(const Span& link) {
    if (link.kind != Span::Kind::link || link.href.empty()) return {};
    const std::string& t = link.text;
    if (t.rfind("http://", 0) == 0 || t.rfind("https://", 0) == 0 || t.rfind("www.", 0) == 0 ||
        t.find('@') != std::string::npos)
        return {};
    std::string address = link.href.rfind("mailto:", 0) == 0 ? link.href.substr(7) : link.href;
    return address == t ? std::string() : address;
}

std::string release_line(const Document& doc, const std::string& separator) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += separator;
        out += part;
    };
    add(doc.meta.kind);
    if (!doc.meta.release_number.empty()) add("No. " + doc.meta.release_number);
    add(long_date(doc.meta.date));
    return out;
}

std::string fallback_title(const Document& doc) {
    std::string title = text::collapse_space(doc.meta.title);
    if (!title.empty()) return title;
    for (const auto& block : doc.body)
        if (const auto* h = std::get_if<Heading>(&block)) {
            std::string t = text::collapse_space(plain_text(h->content));
            if (!t.empty()) return t;
        }
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<Paragraph>(&block)) {
            std::string t = first_sentence(text::collapse_space(plain_text(p->content)), 80);
            if (!t.empty()) return t;
        }
    if (!doc.meta.source.name.empty() && doc.meta.source.name != "-") return doc.meta.source.name;
    return "Press release";
}

}  // namespace pressroom::model

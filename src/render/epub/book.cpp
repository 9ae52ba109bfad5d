#include "render/epub/book.hpp"

#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "xml/release_xml.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace pressroom::render::epub {

namespace {

// The namespace of pressroom's EPUB identifiers: the version-5 UUID of the
// name "urn:pressroom:epub" in RFC 4122's URL namespace,
// f61920f5-8857-514d-a02e-c2533604a79e (fixed here: changing it would give
// every release a new identifier).
constexpr std::array<std::uint8_t, 16> identifier_namespace = {
    0xf6, 0x19, 0x20, 0xf5, 0x88, 0x57, 0x51, 0x4d, 0xa0, 0x2e, 0xc2, 0x53, 0x36, 0x04, 0xa7, 0x9e};

// Words that end with a period without ending a sentence: titles and
// short forms that always precede something ("Gen. Smith", "No. 5").
bool is_title_abbreviation(std::string_view word) {
    static const std::array<std::string_view, 44> known = {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
        "adm", "cmdr", "cdr", "rep", "sen", "gov", "hon", "rev", "no", "nos", "vs", "inc", "corp", "co",
        "ltd", "dept", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt",
        "approx"};
    const std::string w = text::ascii_lower(word);
    return std::find(known.begin(), known.end(), w) != known.end() || w.size() == 1;  // or an initial: "J."
}

// Dotted acronyms ("U.S.", "D.C.", "a.m.") end a sentence only when a word
// that starts sentences follows: "in Washington, D.C. The KIDD..." ends,
// "the U.S. Department" does not.
bool is_dotted_acronym(std::string_view word) { return word.size() <= 5 && word.find('.') != std::string_view::npos; }

bool starts_sentence(std::string_view next_word) {
    static const std::array<std::string_view, 24> starters = {
        "The", "A", "An", "This", "These", "That", "Those", "In", "On", "At", "It", "He", "She", "They",
        "We", "Our", "Its", "His", "Her", "Their", "For", "As", "After", "During"};
    return std::find(starters.begin(), starters.end(), next_word) != starters.end();
}

std::string fallback_title(const model::Document& doc) {
    for (const auto& block : doc.body)
        if (const auto* h = std::get_if<model::Heading>(&block)) {
            std::string t = text::collapse_space(model::plain_text(h->content));
            if (!t.empty()) return t;
        }
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            std::string t = first_sentence(text::collapse_space(model::plain_text(p->content)), 80);
            if (!t.empty()) return t;
        }
    if (!doc.meta.source.name.empty() && doc.meta.source.name != "-") return doc.meta.source.name;
    return "Press release";
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

Book describe(const model::Document& doc, const Options& options, Diagnostics& diags) {
    const auto& m = doc.meta;
    Book b;
    b.identifier = "urn:uuid:" + uuid_v5(identifier_namespace, xml::write_release(doc));
    b.title = text::collapse_space(m.title);
    if (b.title.empty()) {
        b.title = fallback_title(doc);
        diags.note("epub-title", "the release has no title; the EPUB is titled '" + b.title + "'");
    }
    b.language = m.language;
    if (!text::is_language_tag(b.language)) {
        diags.warning("epub-language", "'" + m.language + "' is not a BCP 47 language tag; the EPUB says 'en'");
        b.language = "en";
    }
    b.date = m.date;
    b.agency = text::collapse_space(m.agency);
    if (m.source.name != "-") b.source = m.source.name;
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            b.description = first_sentence(text::collapse_space(model::plain_text(p->content)));
            if (!b.description.empty()) break;
        }
    b.time = output_time(doc, options);
    b.modified = text::iso_timestamp(b.time);
    return b;
}

}  // namespace pressroom::render::epub

#include "base/script.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"

#include <array>
#include <utility>

namespace pressroom::script {

namespace {

enum class Script {
    none,
    latin,
    greek,
    cyrillic,
    armenian,
    hebrew,
    arabic,
    devanagari,
    bengali,
    thai,
    georgian,
    hangul,
    kana,
    han,
    japanese,
    other
};

struct Range {
    char32_t first, last;
    Script script;
};

// The blocks of the scripts told apart here (Unicode's Blocks.txt); a letter
// outside them is of some other script, whose language is not guessed.
// clang-format off
constexpr std::array<Range, 38> ranges{{
    {0x0041, 0x005A, Script::latin}, {0x0061, 0x007A, Script::latin}, {0x00AA, 0x00AA, Script::latin},
    {0x00BA, 0x00BA, Script::latin}, {0x00C0, 0x02AF, Script::latin}, {0x1D00, 0x1D7F, Script::latin},
    {0x1E00, 0x1EFF, Script::latin}, {0x2C60, 0x2C7F, Script::latin}, {0xA720, 0xA7FF, Script::latin},
    {0xFF21, 0xFF5A, Script::latin},
    {0x0370, 0x03FF, Script::greek}, {0x1F00, 0x1FFF, Script::greek},
    {0x0400, 0x052F, Script::cyrillic}, {0x1C80, 0x1C8F, Script::cyrillic}, {0x2DE0, 0x2DFF, Script::cyrillic},
    {0xA640, 0xA69F, Script::cyrillic},
    {0x0530, 0x058F, Script::armenian}, {0xFB13, 0xFB17, Script::armenian},
    {0x0590, 0x05FF, Script::hebrew}, {0xFB1D, 0xFB4F, Script::hebrew},
    {0x0600, 0x06FF, Script::arabic}, {0x0750, 0x077F, Script::arabic}, {0x08A0, 0x08FF, Script::arabic},
    {0xFB50, 0xFDFF, Script::arabic}, {0xFE70, 0xFEFF, Script::arabic},
    {0x0900, 0x097F, Script::devanagari}, {0x0980, 0x09FF, Script::bengali}, {0x0E00, 0x0E7F, Script::thai},
    {0x10A0, 0x10FF, Script::georgian}, {0x2D00, 0x2D2F, Script::georgian},
    {0x1100, 0x11FF, Script::hangul}, {0x3130, 0x318F, Script::hangul}, {0xAC00, 0xD7AF, Script::hangul},
    {0x3040, 0x30FF, Script::kana}, {0x31F0, 0x31FF, Script::kana}, {0xFF66, 0xFF9F, Script::kana},
    {0x3400, 0x9FFF, Script::han}, {0x20000, 0x2FFFF, Script::han},
}};
// clang-format on

Script script_of(char32_t c) {
    if (!utf8::is_letter(c)) return Script::none;
    if (c >= 0xF900 && c <= 0xFAFF) return Script::han;  // compatibility ideographs
    for (const Range& r : ranges)
        if (c >= r.first && c <= r.last) return r.script;
    return Script::other;
}

// The script of all the letters of `text` (kana and Han together are
// Japanese); none without letters, other when they mix scripts.
Script script_of_text(std::string_view text) {
    Script found = Script::none;
    for (std::size_t i = 0; i < text.size();) {
        Script s = script_of(utf8::next(text, i));
        if (s == Script::none || s == found) continue;
        if (found == Script::none) found = s;
        else if ((found == Script::kana || found == Script::han || found == Script::japanese) &&
                 (s == Script::kana || s == Script::han))
            found = Script::japanese;
        else return Script::other;
    }
    return found;
}

// The script a language is written in: its script subtag when it has one,
// else its usual script (CLDR's likely subtags, for the languages whose
// script is not Latin).
Script script_of_language(std::string_view tag) {
    const std::string lower = text::ascii_lower(tag);
    std::vector<std::string_view> subtags;
    for (std::string_view s : text::split(lower, '-')) subtags.push_back(s);
    for (std::size_t i = 1; i < subtags.size(); ++i) {
        std::string_view s = subtags[i];
        if (s.size() != 4) continue;
        if (s == "latn") return Script::latin;
        if (s == "cyrl") return Script::cyrillic;
        if (s == "arab") return Script::arabic;
        if (s == "hans" || s == "hant" || s == "hani") return Script::han;
        if (s == "grek") return Script::greek;
        if (s == "hebr") return Script::hebrew;
        if (s == "deva") return Script::devanagari;
    }
    const std::string_view primary = subtags.empty() ? std::string_view() : subtags.front();
    static const std::pair<const char*, Script> usual[] = {
        {"ru", Script::cyrillic},   {"uk", Script::cyrillic},   {"bg", Script::cyrillic}, {"sr", Script::cyrillic},
        {"mk", Script::cyrillic},   {"be", Script::cyrillic},   {"kk", Script::cyrillic}, {"ky", Script::cyrillic},
        {"mn", Script::cyrillic},   {"tg", Script::cyrillic},   {"el", Script::greek},    {"hy", Script::armenian},
        {"he", Script::hebrew},     {"iw", Script::hebrew},     {"yi", Script::hebrew},   {"ar", Script::arabic},
        {"fa", Script::arabic},     {"ur", Script::arabic},     {"ps", Script::arabic},   {"hi", Script::devanagari},
        {"mr", Script::devanagari}, {"ne", Script::devanagari}, {"bn", Script::bengali},  {"th", Script::thai},
        {"ka", Script::georgian},   {"ko", Script::hangul},     {"ja", Script::japanese}, {"zh", Script::han},
        {"yue", Script::han},
    };
    for (const auto& [language, script] : usual)
        if (primary == language) return script;
    return Script::latin;
}

// The language most written in a script: the guess for a passage in it.
const char* language_of(Script s) {
    switch (s) {
    case Script::latin: return "en";
    case Script::greek: return "el";
    case Script::cyrillic: return "ru";
    case Script::armenian: return "hy";
    case Script::hebrew: return "he";
    case Script::arabic: return "ar";
    case Script::devanagari: return "hi";
    case Script::bengali: return "bn";
    case Script::thai: return "th";
    case Script::georgian: return "ka";
    case Script::hangul: return "ko";
    case Script::kana:
    case Script::japanese: return "ja";
    case Script::han: return "zh";
    case Script::none:
    case Script::other: break;
    }
    return "";
}

bool native(Script text, Script language) {
    if (text == language) return true;
    // Japanese is written in kana and Han.
    return language == Script::japanese && (text == Script::kana || text == Script::han);
}

}  // namespace

std::string part_language(std::string_view text, std::string_view language) {
    const Script s = script_of_text(text);
    if (s == Script::none || s == Script::other) return {};
    const Script own = script_of_language(language);
    if (native(s, own)) return {};
    // A Latin passage in a document of another script may be in any of
    // the Latin-script languages: English is the guess only for a
    // non-Latin document, where the document's own voice cannot read it.
    return language_of(s);
}

bool right_to_left(std::string_view tag) {
    const std::string lower = text::ascii_lower(tag);
    const std::string_view primary = std::string_view(lower).substr(0, lower.find('-'));
    for (const char* rtl : {"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
        if (primary == rtl) return true;
    return lower.find("-arab") != std::string::npos || lower.find("-hebr") != std::string::npos;
}

std::vector<Passage> passages(std::string_view text, std::string_view language) {
    std::vector<Passage> out;
    Passage open;
    auto close = [&] {
        if (!open.lang.empty()) out.push_back(open);
        open = {};
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        char32_t c = utf8::next(text, j);
        if (c == ' ' || utf8::is_space(c)) {
            i = j;
            continue;
        }
        // A word: up to the next space.
        std::size_t end = i;
        for (std::size_t k = i; k < text.size();) {
            char32_t w = utf8::next(text, k);
            if (w == ' ' || utf8::is_space(w)) break;
            end = k;
        }
        const std::string_view word = text.substr(i, end - i);
        if (script_of_text(word) == Script::none) {
            i = end;  // numbers and punctuation neither open nor close a passage
            continue;
        }
        const std::string lang = part_language(word, language);
        if (lang.empty()) {
            close();
        } else if (lang == open.lang) {
            open.end = end;
        } else {
            close();
            open = {i, end, lang};
        }
        i = end;
    }
    close();
    return out;
}

}  // namespace pressroom::script

#include "ingest/data/text_repair.hpp"

#include "base/regex.hpp"
#include "base/utf8.hpp"

#include <iconv.h>

#include <cerrno>

namespace pressroom::ingest {

namespace {

// UTF-8 -> Windows-1252, or nothing if a character has no byte there.
bool to_cp1252(std::string_view utf8_text, std::string& out) {
    iconv_t cd = iconv_open("CP1252", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(utf8_text.size(), '\0');
    char* in = const_cast<char*>(utf8_text.data());
    std::size_t in_left = utf8_text.size(), out_left = out.size();
    char* dst = out.data();
    std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) return false;
    out.resize(out.size() - out_left);
    return true;
}

// A lead byte of a UTF-8 sequence as Windows-1252 shows it (Â..ô), followed
// by what continuation bytes 0x80-0xBF look like in Windows-1252.
const Regex& mojibake_run() {
    static const Regex re(
        "(?:[\\x{C2}-\\x{F4}][\\x{80}-\\x{BF}\\x{152}\\x{153}\\x{160}\\x{161}\\x{178}\\x{17D}\\x{17E}\\x{192}\\x{2C6}"
        "\\x{2DC}\\x{2013}\\x{2014}\\x{2018}-\\x{201E}\\x{2020}-\\x{2022}\\x{2026}\\x{2030}\\x{2039}\\x{203A}\\x{20AC}"
        "\\x{2122}]{1,3})+");
    return re;
}

}  // namespace

int repair_mojibake(std::string& text) {
    bool candidate = false;
    for (unsigned char c : text)
        if (c == 0xC3 || c == 0xC2) {  // Â..ô are encoded as C3 xx / C2 xx in UTF-8
            candidate = true;
            break;
        }
    if (!candidate) return 0;
    int count = 0;
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : mojibake_run().find_all(text)) {
        std::string bytes;
        std::string_view run = std::string_view(text).substr(m.begin(), m.end() - m.begin());
        if (!to_cp1252(run, bytes) || !utf8::is_valid(bytes) || bytes.size() == run.size()) continue;
        // "ï»¿" is a byte-order mark read as Windows-1252: it goes, as decode
        // drops a real one. A run that would give any other control or
        // format character is not mojibake (found by fuzz_ingest: a BOM
        // repaired into a title broke the model's invariants).
        std::string repaired;
        bool control = false;
        for (std::size_t i = 0; i < bytes.size();) {
            const char32_t c = utf8::next(bytes, i);
            if (c == 0xFEFF) continue;
            if (utf8::is_control(c)) control = true;
            utf8::append(repaired, c);
        }
        if (control) continue;
        out.append(text, pos, m.begin() - pos);
        out += repaired;
        pos = m.end();
        ++count;
    }
    if (count == 0) return 0;
    out.append(text, pos, std::string::npos);
    text = utf8::nfc(out);
    return count;
}

int count_lossy_mojibake(std::string_view text) {
    static const Regex lossy("(?<=\\p{L})\\x{E2}(?=s\\b|t\\b|d\\b|ll\\b|ve\\b|re\\b|m\\b)|(?<![\\p{L}])\\x{E2}(?=\\p{Lu})|\\x{E2}\\?");
    return static_cast<int>(lossy.find_all(text).size());
}

int repair_lossy_mojibake(std::string& text) {
    struct Fix {
        const char* pattern;
        const char* replacement;
    };
    static const Regex apostrophe("(?<=\\p{L})\\x{E2}(?=s\\b|t\\b|d\\b|ll\\b|ve\\b|re\\b|m\\b)");
    static const Regex close_quote("\\x{E2}\\?");
    static const Regex open_quote("(?<![\\p{L}\\p{N}])\\x{E2}(?=[\\p{L}\\p{N}])");
    static const Regex dash("(?<=\\s)\\x{E2}(?=\\s)");
    int count = 0;
    for (auto [re, rep] : {std::pair<const Regex*, const char*>{&apostrophe, "\u2019"},
                           {&close_quote, "\u201d"},
                           {&open_quote, "\u201c"},
                           {&dash, "\u2014"}}) {
        auto n = re->find_all(text).size();
        if (n) {
            text = re->replace_all(text, rep);
            count += static_cast<int>(n);
        }
    }
    return count;
}

int repair_glued_units(std::string& text) {
    static const Regex glued("(?<=\\d)(?=(?:million|billion|trillion|thousand|percent|hundred)\\b)");
    bool digit = false;
    for (char c : text)
        if (c >= '0' && c <= '9') {
            digit = true;
            break;
        }
    if (!digit) return 0;
    auto n = glued.find_all(text).size();
    if (n) text = glued.replace_all(text, " ");
    return static_cast<int>(n);
}

int repair_quote_direction(std::string& text) {
    static const Regex wrong_open("(?<=^|\\s)\\x{201D}\\s+(?=\\p{L})");
    // "CNBC ?KUDLOW AND COMPANY'": an opening quote the encoding lost to a
    // question mark, recognisable by the closing quote that follows.
    static const Regex lost_single("(?<=\\s)\\?(?=\\p{Lu}[^?'’]{0,80}['’](?:\\s|$))");
    static const Regex lost_double("(?<=\\s)\\?(?=\\p{Lu}[^?\"”]{0,80}[\"”](?:\\s|$))");
    int n = 0;
    for (auto [re, rep] : {std::pair<const Regex*, const char*>{&wrong_open, "\u201c"},
                           {&lost_single, "\u2018"},
                           {&lost_double, "\u201c"}}) {
        auto k = re->find_all(text).size();
        if (k) {
            text = re->replace_all(text, rep);
            n += static_cast<int>(k);
        }
    }
    return n;
}

}  // namespace pressroom::ingest

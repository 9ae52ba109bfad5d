#include "base/utf8.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace pressroom::utf8 {

std::size_t first_invalid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t cp;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return i;
        i += static_cast<std::size_t>(n);
    }
    return std::string_view::npos;
}

bool is_valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }

char32_t next(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

void append(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    if (n == 0) n = utf8proc_encode_char(0xFFFD, buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}

std::string encode(char32_t cp) {
    std::string s;
    append(s, cp);
    return s;
}

std::string nfc(std::string_view s) {
    // Pure ASCII is already NFC; skip the allocation and the library call.
    bool ascii = true;
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return std::string(s);
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return std::string(s);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
    return std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
}

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        int cw = c < 0x80 ? (c >= 0x20 ? 1 : 0) : utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
        if (cw > 0) w += static_cast<std::size_t>(cw);
    }
    return w;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        next(s, i);
        ++n;
    }
    return n;
}

static utf8proc_category_t cat(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    auto k = cat(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}
bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return cat(c) == UTF8PROC_CATEGORY_LU || cat(c) == UTF8PROC_CATEGORY_LT;
}
bool is_lower(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return cat(c) == UTF8PROC_CATEGORY_LL;
}
bool is_digit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return cat(c) == UTF8PROC_CATEGORY_ND;
}
bool is_space(char32_t c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    if (c < 0x80) return false;
    auto k = cat(c);
    return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}
bool is_punctuation(char32_t c) {
    auto k = cat(c);
    return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}
std::string_view prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

bool is_control(char32_t c) {
    if (c == 0x200C || c == 0x200D) return false;  // joiners shape scripts; keep them
    auto k = cat(c);
    if (k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CF || k == UTF8PROC_CATEGORY_CS ||
        k == UTF8PROC_CATEGORY_CO)
        return true;
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool is_default_ignorable(char32_t c) {
    if (c < 0xAD) return false;  // the first one is the soft hyphen
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->ignorable;
}

static std::string map_case(std::string_view s, bool upper) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        auto m = upper ? utf8proc_toupper(static_cast<utf8proc_int32_t>(c))
                       : utf8proc_tolower(static_cast<utf8proc_int32_t>(c));
        append(out, static_cast<char32_t>(m));
    }
    return out;
}

std::string to_lower(std::string_view s) { return map_case(s, false); }
std::string to_upper(std::string_view s) { return map_case(s, true); }

bool is_all_caps(std::string_view s) {
    bool letters = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        if (is_lower(c)) return false;
        if (is_letter(c)) letters = true;
    }
    return letters;
}

std::string library_version() { return utf8proc_version(); }

}  // namespace pressroom::utf8

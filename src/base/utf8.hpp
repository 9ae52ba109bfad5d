// UTF-8 and Unicode helpers, all backed by utf8proc (character properties,
// NFC, case mapping, display width) rather than hand-written tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pressroom::utf8 {

bool is_valid(std::string_view s);
// The longest prefix of `s` of at most `max_bytes` bytes that does not cut a
// character (continuation bytes are never left dangling).
std::string_view prefix(std::string_view s, std::size_t max_bytes);
// Offset of the first invalid byte, or npos.
std::size_t first_invalid(std::string_view s);

// Decode the code point at s[i], advancing i. Returns U+FFFD (and advances
// one byte) on an invalid sequence.
char32_t next(std::string_view s, std::size_t& i);
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// Unicode Normalization Form C. Input must be valid UTF-8.
std::string nfc(std::string_view s);

// Terminal columns the text occupies (East Asian wide = 2, combining = 0).
std::size_t display_width(std::string_view s);
std::size_t length(std::string_view s);  // code points

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);
bool is_space(char32_t c);        // Unicode Zs plus tab/newline
bool is_punctuation(char32_t c);  // P* categories
bool is_control(char32_t c);      // Cc, Cf (except ZWJ/ZWNJ), noncharacters
// Unicode's Default_Ignorable_Code_Point: characters that are not drawn
// unless a font uses them to choose another glyph (variation selectors
// U+FE00–U+FE0F, joiners U+200C/U+200D, the soft hyphen, U+200B...).
bool is_default_ignorable(char32_t c);

std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);

// Letters only counted: true if it has letters and none is lowercase.
bool is_all_caps(std::string_view s);

// utf8proc's version, "2.8.0" (for --version).
std::string library_version();

}  // namespace pressroom::utf8

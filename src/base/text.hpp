// Small string helpers shared by every stage. Byte-level: they treat ASCII
// white space only (decode folds the Unicode spaces to ASCII first).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::text {

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s);
// Runs of ASCII white space become one space; leading and trailing removed.
std::string collapse_space(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
void replace_all(std::string& s, std::string_view from, std::string_view to);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Levenshtein distance (bytes): insertions, deletions and substitutions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate `word` was most likely meant as, for "did you mean" hints: one
// that starts with `word` (an abbreviation), else the nearest within a third
// of its length (at least 2 edits); "" when none is near.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
// True for a well-formed BCP 47 language tag (RFC 5646 syntax, not the
// registry) starting with a 2-3 letter language: "en", "en-US",
// "zh-Hant-TW", "es-419". (EPUB's dc:language; -M language.)
bool is_language_tag(std::string_view tag);
// The instant as CCYY-MM-DDThh:mm:ssZ (dcterms:modified, a bundle's
// manifest); years outside 0001-9999 are clamped into it.
std::string iso_timestamp(std::int64_t unix_seconds);
// Appends `byte` as a URI percent-escape: "%" and two upper-case hex digits.
void append_percent_encoded(std::string& out, unsigned char byte);

}  // namespace pressroom::text

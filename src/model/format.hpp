// Human-readable renderings of model values, shared by every renderer so
// that text, PDF and EPUB say the same thing the same way.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace pressroom::model {

struct Document;
struct Span;

// The address a printed rendering shows after a link's text ("the report
// (https://...)"), or "" when it shows none: a link whose text already is an
// address (its href may be a long tracking redirect of it) or equals it.
std::string shown_address(const Span& link);

inline constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

// "February 22, 2013" for an ISO date (English, whatever the locale); other
// strings are returned unchanged.
std::string long_date(const std::string& iso);

// The line under the agency in a title block: "News Release · No. 105-13 ·
// February 22, 2013", with the parts the document has.
std::string release_line(const Document& doc, const std::string& separator = " \u00b7 ");

// The first sentence of `text`: up to the first '.', '!' or '?' followed by
// a space and a capital letter, skipping abbreviations and initials ("U.S.",
// "Gen.", "J."). Cut at a word boundary with an ellipsis past `max_chars`
// code points.
std::string first_sentence(std::string_view text, std::size_t max_chars = 300);

// What a release is called where a title must be (the EPUB's dc:title, the
// PDF's Title and XMP dc:title, which PDF/UA requires): its title, else its
// first heading, else the first sentence of its first paragraph (at most 80
// characters), else its source's name, else "Press release". Never empty.
std::string fallback_title(const Document& doc);

}  // namespace pressroom::model

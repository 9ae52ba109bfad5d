// Human-readable renderings of model values, shared by every renderer so
// that text, PDF and EPUB say the same thing the same way.
#pragma once

#include <array>
#include <string>

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

}  // namespace pressroom::model

// Dates as press releases write them, to ISO 8601.
//
//   February 22, 2013 | Feb. 22, 2013 | FEBRUARY 22, 2013 | Tuesday, April 15, 1993
//   22 February 2013  | 22Feb2013     | 2013-02-22        | 2/22/13 | 02/22/2013
//
// Two-digit years are read with a fixed pivot (00-49 -> 20xx, 50-99 -> 19xx),
// never relative to today, so the same input always gives the same date.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pressroom::ingest {

// A month's name as releases write it, as a PCRE2 group that captures
// nothing: "January", "Jan.", "Sept.", "SEPTEMBER" (with (?i)).
#define PRESSROOM_MONTH_NAME "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)"

struct DateMatch {
    std::string iso;  // YYYY-MM-DD
    std::size_t begin = 0, end = 0;  // byte range of the date in the searched text
};

// The first valid date anywhere in `s`.
std::optional<DateMatch> find_date(std::string_view s);

// `s` is a date and nothing else (a weekday, "Date:", "For Immediate
// Release", brackets and punctuation around it allowed).
std::optional<std::string> parse_date_line(std::string_view s);

}  // namespace pressroom::ingest

// Character-level repairs of scraping damage, applied to every line a
// reader produced before any rule sees it. Each returns how many repairs
// it made, so ingest can report them.
#pragma once

#include <string>
#include <string_view>

namespace pressroom::ingest {

// UTF-8 text that was decoded as Windows-1252 somewhere upstream
// ("Senateâ€™s", "cafÃ©", "Â·"): every run of such characters that encodes
// back to Windows-1252 bytes forming valid UTF-8 is decoded again. The
// conversion goes through iconv; a run that does not round-trip is left as
// it is.
int repair_mojibake(std::string& text);

// The same damage where the scraper also lost the second and third bytes of
// each three-byte sequence, leaving a bare "â": "Senateâs" (’), "âThis" (“),
// "priority,â?" (”), "Tennessee â another" (—). Only called when a document
// shows the pattern repeatedly (see count_lossy_mojibake), and only for
// text in English, where "â" is not a letter of the language.
int repair_lossy_mojibake(std::string& text);
int count_lossy_mojibake(std::string_view text);

// "$450million", "30percent": a number glued to its unit when a no-break
// space was stripped.
int repair_glued_units(std::string& text);

// A closing quote where an opening one belongs ("the ” Continuing Act”"):
// at the start of a word after a space, ” followed by a space is “.
int repair_quote_direction(std::string& text);

}  // namespace pressroom::ingest

// An English word list for repairs that must know a word when they see one:
// line-end hyphens ("organi-" + "zations" -> "organizations", but "case-by-"
// + "case" keeps its hyphen) and words glued by a scraper ("assignedby").
//
// Backed by Hunspell with Debian's en_US dictionary (hunspell-en-us), which
// knows inflections ("investigations", "recommencing") that a plain list
// would not. It is loaded on first use only (about 50 ms), so releases that
// need no such repair do not pay for it; pressroom's data folder is tried
// first (share/pressroom/hunspell), then /usr/share/hunspell. Without a
// dictionary the repairs are skipped, never guessed.
#pragma once

#include <string_view>

namespace pressroom::ingest::dictionary {

// False if no dictionary could be loaded.
bool available();

// True if `word` is an English word (case as written: "Higher" is, "higher" is).
bool is_word(std::string_view word);

}  // namespace pressroom::ingest::dictionary

// Function words of the languages releases come in, for two uses: the line
// classifier's stop-word density (running text is full of them, page chrome
// has few: jusText's observation), and telling the document's language from
// which language's function words it uses most.
#pragma once

#include <string>
#include <string_view>

namespace pressroom::ingest::language {

// The languages with a stop-word list, as BCP 47 tags.
inline constexpr const char* known[] = {"en", "fr", "es", "de"};

// `word` (lowercase) is a function word of any known language.
bool is_stopword(std::string_view lower_word);

// The function-word shares of `text`'s words per language, and the best.
struct Guess {
    std::string tag;      // "en", "fr", "es", "de", or "" when the text says too little
    double share = 0;     // the best language's share of the words
    double runner_up = 0; // the next language's share
    std::size_t words = 0;
};
Guess detect(std::string_view text);

}  // namespace pressroom::ingest::language

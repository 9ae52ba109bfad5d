// Passages in another script than the document's language writes, and the
// language to announce them in: PDF/UA and WCAG 2.1 (3.1.2, language of
// parts) want every passage in another language marked, so that a screen
// reader switches voice. The model records one language per release; a
// passage in Cyrillic, Hebrew or Han inside an English release is the one
// kind of change of language that can be seen in the text itself.
//
// The language given to such a passage is the one most written in its
// script (Cyrillic: Russian, Arabic: Arabic, Han without kana: Chinese...):
// a guess, documented as such (docs/pdf.md, docs/epub.md), and better for a
// listener than the document's language, whose voice cannot read the
// script at all. Latin passages in a Latin-script document are never
// marked: the script says nothing about their language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::script {

// The BCP 47 tag for text in `text`'s script when that script is not the one
// `language` (the document's BCP 47 tag) is written in, else "". A text's
// script is the script of all its letters; text without letters, or with
// letters of two scripts, has none ("").
std::string part_language(std::string_view text, std::string_view language);

// True for the tags of languages written right to left (Arabic, Hebrew,
// Persian, Urdu, Yiddish...).
bool right_to_left(std::string_view tag);

// Passages of `text` to mark: maximal runs of words whose part_language is
// the same non-empty tag, with only spaces and words without letters
// (numbers, punctuation) between them. Offsets are bytes into `text`; a
// passage starts and ends on a word.
struct Passage {
    std::size_t begin = 0, end = 0;
    std::string lang;
};
std::vector<Passage> passages(std::string_view text, std::string_view language);

}  // namespace pressroom::script

// The EPUB's stylesheet (style.css).
#pragma once

#include <string>
#include <vector>

namespace pressroom::render::epub {

// An embedded font face: family, weight, style, and its file relative to
// the stylesheet.
struct FontFace {
    std::string family;
    std::string weight;  // "normal", "bold"
    std::string style;   // "normal", "italic"
    std::string href;    // "fonts/serif-regular.ttf"
};

// The stylesheet: e-reader friendly (relative units only, no fixed widths,
// hyphenation and widow/orphan hints, colours left to the reader) and, when
// fonts are embedded, their @font-face rules with the family first in the
// body's font list.
std::string stylesheet(const std::vector<FontFace>& faces);

}  // namespace pressroom::render::epub

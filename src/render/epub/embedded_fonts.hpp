// --embed-fonts: the PDF's fonts (src/fonts, fonts/manifest.tsv), subset to
// the characters the EPUB shows, as package resources with @font-face rules.
//
// Every body face (regular, bold, italic, bold italic) gets every character
// of the text, since the stylesheet, not the model, decides which text is
// bold or italic; the fallback and symbol faces get only the characters the
// faces before them in the PDF's fallback chain lack, and are left out when
// there are none. Subsets keep the OpenType layout tables (reading systems
// shape text: kerning, ligatures) and the licence strings of the name
// table; they drop hinting.
#pragma once

#include "render/epub/package.hpp"
#include "render/epub/stylesheet.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::render::epub {

struct EmbeddedFont {
    Resource resource;  // href "fonts/<file>", media type font/ttf
    std::string bytes;
    FontFace face;      // for the stylesheet; href relative to it
};

// `shown`: every text the EPUB's documents show (their serialized bytes
// will do: markup adds only ASCII). `font_dir`: --font-dir, or empty for
// pressroom's installed fonts. Throws Error(data) when the fonts cannot be
// found, read or subset.
std::vector<EmbeddedFont> embed_fonts(const std::vector<std::string_view>& shown,
                                      const std::filesystem::path& font_dir);

}  // namespace pressroom::render::epub

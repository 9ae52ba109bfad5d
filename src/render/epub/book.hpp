// What the EPUB says about the release, derived once from the model and the
// render options and shared by every file of the package (content document,
// navigation, package document, NCX).
#pragma once

#include "model/format.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"
#include "render/renderer.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace pressroom::render::epub {

struct Book {
    // "urn:uuid:" + a version-5 UUID of the release's canonical XML (the
    // model written by the XML renderer, which includes the source's
    // SHA-256): the same release gives the same identifier, any change to
    // its content a new one. The output time is not part of it.
    std::string identifier;
    std::string title;        // never empty: the headline, else a fallback
    std::string language;     // a well-formed BCP 47 tag; "en" when the model's is not
    std::string date;         // ISO YYYY-MM-DD or empty
    std::string agency;       // creator and publisher; may be empty
    std::string source;       // input file name; empty for standard input
    std::string description;  // first sentence of the body; may be empty
    std::int64_t time = 0;    // output_time(): zip entry times
    std::string modified;     // the same instant as CCYY-MM-DDThh:mm:ssZ
};

// Throws nothing for any model content; notes fallbacks in diags.
Book describe(const model::Document& doc, const Options& options, Diagnostics& diags);

// model::first_sentence, by the name the EPUB tests know.
inline std::string first_sentence(std::string_view text, std::size_t max_chars = 300) {
    return model::first_sentence(text, max_chars);
}

}  // namespace pressroom::render::epub

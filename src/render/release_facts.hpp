// What the web and office formats (html, md, docx, a bundle's index and
// feed) say about a release beyond its fields: a title that is never empty,
// a one-sentence description, a language tag a browser takes. Derived from
// the model alone, once, so that every format says the same.
#pragma once

#include "pressroom/document.hpp"

#include <string>

namespace pressroom::render {

struct ReleaseFacts {
    std::string title;         // the headline; else the first heading, first sentence, file name
    bool title_given = false;  // false when `title` is one of those fallbacks
    std::string description;   // the first sentence of the first paragraph (at most 300 characters); may be empty
    std::string language;      // the model's tag when it is BCP 47, else "en"
};

ReleaseFacts release_facts(const model::Document& doc);

}  // namespace pressroom::render

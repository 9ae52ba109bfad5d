#include "render/release_facts.hpp"

#include "base/text.hpp"
#include "model/format.hpp"
#include "render/epub/book.hpp"

namespace pressroom::render {

ReleaseFacts release_facts(const model::Document& doc) {
    ReleaseFacts f;
    f.title = text::collapse_space(doc.meta.title);
    f.title_given = !f.title.empty();
    // The EPUB's and the PDF's fallbacks (model/format.hpp), so that a
    // release without a headline is called the same in every format.
    if (!f.title_given) f.title = model::fallback_title(doc);
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            f.description = epub::first_sentence(text::collapse_space(model::plain_text(p->content)));
            if (!f.description.empty()) break;
        }
    f.language = text::is_language_tag(doc.meta.language) ? doc.meta.language : std::string("en");
    return f;
}

}  // namespace pressroom::render

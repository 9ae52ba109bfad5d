#include "render/release_facts.hpp"

#include "base/text.hpp"
#include "render/epub/book.hpp"

namespace pressroom::render {

namespace {

std::string fallback_title(const model::Document& doc) {
    for (const auto& block : doc.body)
        if (const auto* h = std::get_if<model::Heading>(&block)) {
            std::string t = text::collapse_space(model::plain_text(h->content));
            if (!t.empty()) return t;
        }
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            std::string t = epub::first_sentence(text::collapse_space(model::plain_text(p->content)), 80);
            if (!t.empty()) return t;
        }
    if (!doc.meta.source.name.empty() && doc.meta.source.name != "-") return doc.meta.source.name;
    return "Press release";
}

}  // namespace

ReleaseFacts release_facts(const model::Document& doc) {
    ReleaseFacts f;
    f.title = text::collapse_space(doc.meta.title);
    f.title_given = !f.title.empty();
    // The EPUB's fallbacks, in the same order, so that a release without a
    // headline is called the same in every format.
    if (!f.title_given) f.title = fallback_title(doc);
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            f.description = epub::first_sentence(text::collapse_space(model::plain_text(p->content)));
            if (!f.description.empty()) break;
        }
    f.language = text::is_language_tag(doc.meta.language) ? doc.meta.language : std::string("en");
    return f;
}

}  // namespace pressroom::render

#include "render/epub/book.hpp"

#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/format.hpp"
#include "xml/release_xml.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace pressroom::render::epub {

namespace {

// The namespace of pressroom's EPUB identifiers: the version-5 UUID of the
// name "urn:pressroom:epub" in RFC 4122's URL namespace,
// f61920f5-8857-514d-a02e-c2533604a79e (fixed here: changing it would give
// every release a new identifier).
constexpr std::array<std::uint8_t, 16> identifier_namespace = {
    0xf6, 0x19, 0x20, 0xf5, 0x88, 0x57, 0x51, 0x4d, 0xa0, 0x2e, 0xc2, 0x53, 0x36, 0x04, 0xa7, 0x9e};

}  // namespace

Book describe(const model::Document& doc, const Options& options, Diagnostics& diags) {
    const auto& m = doc.meta;
    Book b;
    b.identifier = "urn:uuid:" + uuid_v5(identifier_namespace, xml::write_release(doc));
    b.title = text::collapse_space(m.title);
    if (b.title.empty()) {
        b.title = model::fallback_title(doc);
        diags.note("epub-title", "the release has no title; the EPUB is titled '" + b.title + "'");
    }
    b.language = m.language;
    if (!text::is_language_tag(b.language)) {
        diags.warning("epub-language", "'" + m.language + "' is not a BCP 47 language tag; the EPUB says 'en'");
        b.language = "en";
    }
    b.date = m.date;
    b.agency = text::collapse_space(m.agency);
    if (m.source.name != "-") b.source = m.source.name;
    for (const auto& block : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            b.description = first_sentence(text::collapse_space(model::plain_text(p->content)));
            if (!b.description.empty()) break;
        }
    b.time = output_time(doc, options);
    b.modified = text::iso_timestamp(b.time);
    return b;
}

}  // namespace pressroom::render::epub

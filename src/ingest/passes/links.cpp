// The check_links step (steps.hpp): every link target a valid xs:anyURI.
//
// Readers take hrefs from pages as written, and pages hold broken ones
// ("https://parks.ex[ample.gov/": fuzzing found that the release XML then
// failed its own schema). One pass over the finished body covers every
// reader.
#include "ingest/passes/passes.hpp"
#include "xml/libxml.hpp"

#include <type_traits>
#include <variant>

namespace pressroom::ingest {

namespace {

void check(model::Inlines& content, int line, Diagnostics& diags) {
    bool demoted = false;
    for (model::Span& span : content) {
        if (span.kind != model::Span::Kind::link) continue;
        std::string uri = xml::any_uri(span.href);
        if (uri.empty()) {
            diags.warning("bad-link", "link target '" + span.href + "' is not a valid address; kept its text without the link",
                          line);
            span.kind = model::Span::Kind::text;
            span.href.clear();
            demoted = true;
        } else {
            span.href = std::move(uri);
        }
    }
    if (demoted) model::normalize_space(content);  // merges the new plain text with its neighbours
}

}  // namespace

void check_links(Context& cx) {
    for (model::Block& block : cx.doc.body) {
        std::visit(
            [&](auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, model::List>) {
                    for (auto& item : b.items) check(item.content, item.line, cx.diags);
                } else {
                    check(b.content, b.line, cx.diags);
                }
            },
            block);
    }
}

}  // namespace pressroom::ingest

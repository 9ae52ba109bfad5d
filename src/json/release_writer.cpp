#include "json/release_json.hpp"

#include <nlohmann/json.hpp>

namespace pressroom::json {

namespace {

using Json = nlohmann::ordered_json;

const char* span_type(model::Span::Kind k) {
    switch (k) {
    case model::Span::Kind::text: return "text";
    case model::Span::Kind::emphasis: return "emphasis";
    case model::Span::Kind::strong: return "strong";
    case model::Span::Kind::link: return "link";
    }
    return "text";
}

Json inlines(const model::Inlines& content) {
    Json out = Json::array();
    for (const auto& s : content) {
        Json span = {{"type", span_type(s.kind)}, {"text", s.text}};
        if (s.kind == model::Span::Kind::link) span["href"] = s.href;
        out.push_back(std::move(span));
    }
    return out;
}

Json block(const model::Block& b) {
    return std::visit(
        [](const auto& blk) -> Json {
            using T = std::decay_t<decltype(blk)>;
            Json j;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
                j["type"] = "paragraph";
            } else if constexpr (std::is_same_v<T, model::Heading>) {
                j["type"] = "heading";
                j["level"] = blk.level;
            } else if constexpr (std::is_same_v<T, model::Quote>) {
                j["type"] = "quote";
            } else {
                j["type"] = "list";
                j["ordered"] = blk.ordered;
            }
            j["line"] = blk.line;
            if constexpr (std::is_same_v<T, model::List>) {
                Json items = Json::array();
                for (const auto& item : blk.items)
                    items.push_back({{"depth", item.depth}, {"line", item.line}, {"content", inlines(item.content)}});
                j["items"] = std::move(items);
            } else {
                j["content"] = inlines(blk.content);
            }
            return j;
        },
        b);
}

}  // namespace

std::string write_release(const model::Document& doc) {
    const auto& m = doc.meta;
    Json j;
    j["format"] = release_format;
    j["version"] = 1;
    // The fields in the order (and with the names) of the batch report's
    // metadata, so that pressroom's JSON says a release one way.
    Json meta;
    meta["title"] = m.title;
    meta["subtitle"] = m.subtitle;
    meta["date"] = m.date;
    meta["agency"] = m.agency;
    meta["office"] = m.office;
    meta["kind"] = m.kind;
    meta["release_number"] = m.release_number;
    meta["dateline"] = m.dateline;
    // The XML writer writes "en" for a model without a language; so does this.
    meta["language"] = m.language.empty() ? std::string("en") : m.language;
    Json contacts = Json::array();
    for (const auto& c : m.contacts) contacts.push_back(c.lines);
    meta["contacts"] = std::move(contacts);
    meta["source"] = {{"name", m.source.name},
                      {"sha256", m.source.sha256},
                      {"format", m.source.format},
                      {"encoding", m.source.encoding}};
    j["meta"] = std::move(meta);
    Json body = Json::array();
    for (const auto& b : doc.body) body.push_back(block(b));
    j["body"] = std::move(body);
    Json removed = Json::array();
    for (const auto& r : doc.removed) removed.push_back({{"rule", r.rule}, {"line", r.line}, {"text", r.text}});
    j["removed"] = std::move(removed);
    // The model's text is valid UTF-8 (model::check); `replace` only keeps a
    // model that is not from throwing here.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace pressroom::json

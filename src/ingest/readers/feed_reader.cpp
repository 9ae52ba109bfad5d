#include "ingest/readers/feed_reader.hpp"

#include "base/text.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/readers/decode.hpp"
#include "ingest/readers/html_reader.hpp"
#include "ingest/readers/markdown_reader.hpp"
#include "ingest/readers/text_reader.hpp"
#include "base/regex.hpp"
#include "xml/libxml.hpp"

#include <nlohmann/json.hpp>

#include <functional>

namespace pressroom::ingest {

namespace {

std::string first_nonspace(std::string_view s, std::size_t n = 256) {
    std::string out;
    for (char c : s) {
        if (out.size() >= n) break;
        if (!text::is_ascii_space(c)) out += c;
    }
    return out;
}

// Merges an item's fields into what its HTML content says.
void apply_item_fields(Source& src, const std::string& title, const std::string& date, const std::string& author,
                       const std::string& link) {
    if (!title.empty()) src.given.title = clean_text(text::collapse_space(title));
    if (!date.empty())
        if (auto d = find_date(date)) src.given.date = d->iso;
    if (!author.empty()) src.given.agency = clean_text(text::collapse_space(author));
    if (!link.empty()) src.detect_hints.push_back(link);
}

}  // namespace

bool looks_like_json(std::string_view bytes) {
    std::string head = first_nonspace(bytes.substr(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0), 2);
    return head.size() == 2 && head[0] == '{' && head[1] == '"';
}

bool looks_like_feed(std::string_view bytes) {
    std::string head = text::ascii_lower(bytes.substr(0, 2048));
    return head.find("<rss") != std::string::npos ||
           (head.find("<feed") != std::string::npos && head.find("http://www.w3.org/2005/atom") != std::string::npos);
}

Source read_json_item(std::string_view s, const std::string& name, Diagnostics& diags) {
    nlohmann::json j = nlohmann::json::parse(s.begin(), s.end(), nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) {
        diags.warning("json-invalid", "not a JSON object; read as text");
        return {};
    }
    auto str = [&](std::initializer_list<const char*> keys) -> std::string {
        for (const char* k : keys)
            if (j.contains(k) && j[k].is_string()) return j[k].get<std::string>();
        return {};
    };
    // content and summary often hold the same HTML: read it once, the longer.
    std::string content = str({"content", "content_html", "body", "html"});
    std::string summary = str({"summary", "description", "content_text"});
    std::string body = content.size() >= summary.size() ? content : summary;
    // The body as the item holds it: HTML, or plain text with its paragraphs
    // separated by blank lines (a wire's "body"), or markdown.
    static const Regex tag("<(?:/?[A-Za-z][A-Za-z0-9]*)(?:\\s[^>]*)?/?>");
    Source src;
    if (tag.found_in(body)) src = read_html(body, name, str({"link", "url"}));
    else if (has_markdown_syntax(body)) src = read_markdown(body);
    else src = read_text(body);
    src.format = "json";
    if (std::string sub = str({"subtitle", "sub_title"}); !sub.empty()) src.given.subtitle = clean_text(text::collapse_space(sub));
    apply_item_fields(src, str({"title", "headline"}), str({"published", "date_published", "pubDate", "date"}),
                      str({"author", "creator", "agency"}), str({"link", "url"}));
    for (const char* k : {"guid", "id", "fetched_at", "link", "url", "modified", "updated"})
        if (j.contains(k) && j[k].is_string()) src.removed.push_back({j[k].get<std::string>(), "json-field", 0});
    return src;
}

Source read_feed(std::string_view bytes, const std::string& name, Diagnostics& diags) {
    std::vector<xml::XmlIssue> issues;
    if (xml::doctype_line(bytes)) {
        diags.warning("feed-doctype", "feed has a DOCTYPE; not read as a feed");
        return {};
    }
    xml::DocPtr doc = xml::parse_untrusted(bytes, name, issues);
    if (!doc) {
        diags.warning("feed-invalid", "not well-formed XML: " + (issues.empty() ? std::string("?") : issues.front().message));
        return {};
    }
    xmlNode* root = xmlDocGetRootElement(doc.get());
    std::vector<xmlNode*> items;
    std::function<void(xmlNode*)> scan = [&](xmlNode* n) {
        for (xmlNode* c = n->children; c; c = c->next) {
            if (xml::is_element(c, "item") || xml::is_element(c, "entry")) items.push_back(c);
            else if (c->type == XML_ELEMENT_NODE) scan(c);
        }
    };
    scan(root);
    if (items.empty()) return {};
    if (items.size() > 1)
        diags.warning("feed-items", "feed holds " + std::to_string(items.size()) + " items; converted the first");

    xmlNode* item = items.front();
    std::string title, date, author, link, content, description;
    for (xmlNode* c = item->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        std::string n = reinterpret_cast<const char*>(c->name);
        std::string v = xml::node_text(c);
        if (n == "title") title = v;
        else if (n == "pubDate" || n == "published" || n == "date" || (n == "updated" && date.empty())) date = v;
        else if (n == "creator" || n == "author") author = text::collapse_space(v);
        else if (n == "link") link = v.empty() ? xml::attribute(c, "href") : v;
        else if (n == "encoded" || n == "content") content = v;
        else if (n == "description" || n == "summary") description = v;
    }
    Source src = read_html(content.size() >= description.size() ? content : description, name, link);
    src.format = "rss";
    apply_item_fields(src, title, date, author, link);
    int line = static_cast<int>(xmlGetLineNo(item));
    for (std::size_t i = 1; i < items.size(); ++i) {
        std::string t;
        for (xmlNode* c = items[i]->children; c; c = c->next)
            if (xml::is_element(c, "title")) t = text::collapse_space(xml::node_text(c));
        if (!t.empty()) src.removed.push_back({clean_text(t), "feed-other-item", static_cast<int>(xmlGetLineNo(items[i]))});
    }
    (void)line;
    return src;
}

}  // namespace pressroom::ingest

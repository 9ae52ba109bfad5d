#include "base/text.hpp"
#include "base/utf8.hpp"
#include "pressroom/error.hpp"
#include "xml/libxml.hpp"
#include "xml/release_xml.hpp"
#include "xml/schema.hpp"

#include <cstring>

namespace pressroom::xml {

namespace {

int int_attr(const xmlNode* n, const char* name, int fallback = 0) {
    std::string v = attribute(n, name);
    if (v.empty()) return fallback;
    try {
        long long x = std::stoll(v);
        return x > 1'000'000'000 ? 1'000'000'000 : static_cast<int>(x);
    } catch (...) {
        return fallback;
    }
}

std::string clean_line(const std::string& s) { return text::collapse_space(utf8::nfc(s)); }

model::Inlines read_inlines(const xmlNode* parent) {
    using K = model::Span::Kind;
    model::Inlines out;
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out.push_back({K::text, reinterpret_cast<const char*>(c->content), {}});
        } else if (is_element(c, "em")) {
            out.push_back({K::emphasis, node_text(c), {}});
        } else if (is_element(c, "strong")) {
            out.push_back({K::strong, node_text(c), {}});
        } else if (is_element(c, "a")) {
            out.push_back({K::link, node_text(c), attribute(c, "href")});
        }
    }
    for (auto& s : out) s.text = utf8::nfc(s.text);
    // Hand-written XML may wrap and indent block text; the model wants single spaces.
    model::normalize_space(out);
    return out;
}

model::Document to_model(const xmlNode* root) {
    model::Document doc;
    auto& m = doc.meta;
    m.language.clear();
    for (const xmlNode* sec = root->children; sec; sec = sec->next) {
        if (is_element(sec, "meta")) {
            for (const xmlNode* f = sec->children; f; f = f->next) {
                if (f->type != XML_ELEMENT_NODE) continue;
                std::string name = reinterpret_cast<const char*>(f->name);
                if (name == "contact") {
                    model::Contact c;
                    for (const xmlNode* l = f->children; l; l = l->next)
                        if (is_element(l, "line")) c.lines.push_back(clean_line(node_text(l)));
                    m.contacts.push_back(std::move(c));
                } else if (name == "source") {
                    m.source.name = attribute(f, "name");
                    m.source.sha256 = attribute(f, "sha256");
                    m.source.format = attribute(f, "format");
                    m.source.encoding = attribute(f, "encoding");
                } else {
                    std::string v = clean_line(node_text(f));
                    if (name == "agency") m.agency = v;
                    else if (name == "office") m.office = v;
                    else if (name == "kind") m.kind = v;
                    else if (name == "release-number") m.release_number = v;
                    else if (name == "date") m.date = v;
                    else if (name == "title") m.title = v;
                    else if (name == "subtitle") m.subtitle = v;
                    else if (name == "dateline") m.dateline = v;
                    else if (name == "language") m.language = v;
                }
            }
        } else if (is_element(sec, "body")) {
            for (const xmlNode* b = sec->children; b; b = b->next) {
                if (is_element(b, "p")) {
                    doc.body.emplace_back(model::Paragraph{read_inlines(b), int_attr(b, "line")});
                } else if (is_element(b, "heading")) {
                    doc.body.emplace_back(model::Heading{int_attr(b, "level", 1), read_inlines(b), int_attr(b, "line")});
                } else if (is_element(b, "quote")) {
                    doc.body.emplace_back(model::Quote{read_inlines(b), int_attr(b, "line")});
                } else if (is_element(b, "list")) {
                    model::List list;
                    list.ordered = attribute(b, "ordered") == "true" || attribute(b, "ordered") == "1";
                    list.line = int_attr(b, "line");
                    for (const xmlNode* it = b->children; it; it = it->next)
                        if (is_element(it, "item"))
                            list.items.push_back({read_inlines(it), int_attr(it, "depth"), int_attr(it, "line")});
                    doc.body.emplace_back(std::move(list));
                }
            }
        } else if (is_element(sec, "removed")) {
            for (const xmlNode* s = sec->children; s; s = s->next)
                if (is_element(s, "span"))
                    doc.removed.push_back({utf8::nfc(node_text(s)), attribute(s, "rule"), int_attr(s, "line")});
        }
    }
    return doc;
}

// Parses and validates; returns the document or fills `issues`.
// Text that is not markup at all, said in words instead of libxml2's
// "Start tag expected, '<' not found": what the file starts with.
bool refuse_non_xml(std::string_view bytes, std::vector<XmlIssue>& issues) {
    std::size_t i = text::starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
    int line = 1;
    for (; i < bytes.size() && text::is_ascii_space(bytes[i]); ++i)
        if (bytes[i] == '\n') ++line;
    if (i < bytes.size() && bytes[i] == '<') return false;
    if (i == bytes.size()) {
        issues.push_back({0, "not XML: the file is empty or holds only white space"});
        return true;
    }
    std::string_view first = bytes.substr(i, bytes.find('\n', i) - i);
    std::string shown(utf8::prefix(first, 40));
    if (!utf8::is_valid(shown)) shown = "binary data";
    else shown = "'" + std::string(text::trim(shown)) + (shown.size() < first.size() ? "...'" : "'");
    issues.push_back({line, "not XML: the file starts with " + shown +
                                ", not with '<' (release XML is what "
                                "'pressroom convert -t xml' writes)"});
    return true;
}

DocPtr load(std::string_view bytes, const std::string& name, std::vector<XmlIssue>& issues) {
    if (refuse_non_xml(bytes, issues)) return nullptr;
    if (int line = doctype_line(bytes)) {
        issues.push_back({line, "document type declarations are not allowed in release XML "
                                "(they are how external entities and entity bombs get in)"});
        return nullptr;
    }
    DocPtr doc = parse_untrusted(bytes, name, issues);
    if (!doc) return nullptr;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root || !is_element(root, "release") || !root->ns ||
        std::strcmp(reinterpret_cast<const char*>(root->ns->href), release_namespace) != 0) {
        issues.push_back({root ? root->line : 0, std::string("root element is not release in namespace ") +
                                                     release_namespace});
        return nullptr;
    }
    issues = Schema::release().validate(doc.get());
    if (!issues.empty()) return nullptr;
    return doc;
}

}  // namespace

model::Document read_release(std::string_view bytes, const std::string& name) {
    std::vector<XmlIssue> issues;
    DocPtr doc = load(bytes, name, issues);
    if (!doc) {
        const XmlIssue& first = issues.front();
        throw Error(ErrorKind::invalid, name, "invalid release XML: " + first.message, first.line);
    }
    return to_model(xmlDocGetRootElement(doc.get()));
}

std::vector<Diagnostic> validate_release(std::string_view bytes, const std::string& name) {
    std::vector<XmlIssue> issues;
    load(bytes, name, issues);
    std::vector<Diagnostic> out;
    for (const auto& i : issues) out.push_back({Severity::error, "invalid-xml", i.message, name, i.line});
    return out;
}

bool looks_like_release_xml(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 4096);
    return head.find("<release") != std::string_view::npos &&
           head.find(release_namespace) != std::string_view::npos;
}

}  // namespace pressroom::xml

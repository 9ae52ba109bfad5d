#include "xml/libxml.hpp"
#include "xml/release_xml.hpp"
#include "xml/schema.hpp"

namespace pressroom::xml {

namespace {

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

class Writer {
public:
    explicit Writer(xmlDoc* doc) : doc_(doc) {}

    xmlNode* root() {
        xmlNode* r = xmlNewDocNode(doc_, nullptr, X("release"), nullptr);
        ns_ = xmlNewNs(r, X(release_namespace), nullptr);
        xmlSetNs(r, ns_);
        xmlDocSetRootElement(doc_, r);
        xmlNewProp(r, X("version"), X("1"));
        return r;
    }

    xmlNode* element(xmlNode* parent, const char* name) { return xmlNewChild(parent, ns_, X(name), nullptr); }

    // A text-only element; xmlNewTextChild escapes the content.
    void field(xmlNode* parent, const char* name, const std::string& value) {
        if (!value.empty()) xmlNewTextChild(parent, ns_, X(name), X(value));
    }

    void line_attr(xmlNode* node, int line) {
        if (line > 0) xmlNewProp(node, X("line"), X(std::to_string(line)));
    }

    void inlines(xmlNode* parent, const model::Inlines& content) {
        using K = model::Span::Kind;
        for (const auto& span : content) {
            switch (span.kind) {
            case K::text: xmlAddChild(parent, xmlNewDocText(doc_, X(span.text))); break;
            case K::emphasis: xmlNewTextChild(parent, ns_, X("em"), X(span.text)); break;
            case K::strong: xmlNewTextChild(parent, ns_, X("strong"), X(span.text)); break;
            case K::link: {
                xmlNode* a = xmlNewTextChild(parent, ns_, X("a"), X(span.text));
                xmlNewProp(a, X("href"), X(span.href));
                break;
            }
            }
        }
    }

    xmlNode* block(xmlNode* body, const model::Block& b) {
        return std::visit(
            [&](const auto& blk) -> xmlNode* {
                using T = std::decay_t<decltype(blk)>;
                xmlNode* n = nullptr;
                if constexpr (std::is_same_v<T, model::Paragraph>) {
                    n = element(body, "p");
                    line_attr(n, blk.line);
                    inlines(n, blk.content);
                } else if constexpr (std::is_same_v<T, model::Heading>) {
                    n = element(body, "heading");
                    xmlNewProp(n, X("level"), X(std::to_string(blk.level)));
                    line_attr(n, blk.line);
                    inlines(n, blk.content);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    n = element(body, "list");
                    xmlNewProp(n, X("ordered"), X(blk.ordered ? "true" : "false"));
                    line_attr(n, blk.line);
                    for (const auto& item : blk.items) {
                        xmlNode* it = element(n, "item");
                        if (item.depth > 0) xmlNewProp(it, X("depth"), X(std::to_string(item.depth)));
                        line_attr(it, item.line);
                        inlines(it, item.content);
                    }
                } else {
                    n = element(body, "quote");
                    line_attr(n, blk.line);
                    inlines(n, blk.content);
                }
                return n;
            },
            b);
    }

private:
    xmlDoc* doc_;
    xmlNs* ns_ = nullptr;
};

}  // namespace

std::string write_release(const model::Document& doc) {
    init();
    DocPtr xdoc(xmlNewDoc(X("1.0")));
    Writer w(xdoc.get());
    xmlNode* root = w.root();

    const auto& m = doc.meta;
    xmlNode* meta = w.element(root, "meta");
    w.field(meta, "agency", m.agency);
    w.field(meta, "office", m.office);
    w.field(meta, "kind", m.kind);
    w.field(meta, "release-number", m.release_number);
    w.field(meta, "date", m.date);
    w.field(meta, "title", m.title);
    w.field(meta, "subtitle", m.subtitle);
    w.field(meta, "dateline", m.dateline);
    for (const auto& c : m.contacts) {
        xmlNode* cn = w.element(meta, "contact");
        for (const auto& l : c.lines) w.field(cn, "line", l);
    }
    w.field(meta, "language", m.language.empty() ? std::string("en") : m.language);
    xmlNode* src = w.element(meta, "source");
    xmlNewProp(src, X("name"), X(m.source.name));
    xmlNewProp(src, X("sha256"), X(m.source.sha256));
    if (!m.source.format.empty()) xmlNewProp(src, X("format"), X(m.source.format));
    if (!m.source.encoding.empty()) xmlNewProp(src, X("encoding"), X(m.source.encoding));

    xmlNode* body = w.element(root, "body");
    for (const auto& b : doc.body) w.block(body, b);

    if (!doc.removed.empty()) {
        xmlNode* removed = w.element(root, "removed");
        for (const auto& r : doc.removed) {
            xmlNode* s = xmlNewTextChild(removed, removed->ns, X("span"), X(r.text));
            xmlNewProp(s, X("rule"), X(r.rule));
            xmlNewProp(s, X("line"), X(std::to_string(r.line)));
        }
    }

    // Pretty-print with two-space indentation. libxml2 leaves mixed content
    // (text with inline markup) unindented, so block text is written exactly.
    xmlChar* buf = nullptr;
    int size = 0;
    int old_indent = xmlIndentTreeOutput;
    xmlIndentTreeOutput = 1;
    xmlDocDumpFormatMemoryEnc(xdoc.get(), &buf, &size, "UTF-8", 1);
    xmlIndentTreeOutput = old_indent;
    std::string out(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(size));
    xmlFree(buf);
    return out;
}

}  // namespace pressroom::xml

#include "render/epub/xml_tree.hpp"

#include "pressroom/error.hpp"

#include <libxml/xmlsave.h>

#include <memory>
#include <vector>

namespace pressroom::render::epub {

namespace {
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

struct BufferFree { void operator()(xmlBuffer* b) const { xmlBufferFree(b); } };

[[noreturn]] void fail(const std::string& what) {
    throw Error(ErrorKind::internal, "", "cannot build the EPUB's XML: " + what);
}
}  // namespace

XmlTree::XmlTree(const char* root, const char* ns) {
    xml::init();
    doc_.reset(xmlNewDoc(X("1.0")));
    if (!doc_) throw std::bad_alloc();
    root_ = xmlNewDocNode(doc_.get(), nullptr, X(root), nullptr);
    if (!root_) throw std::bad_alloc();
    xmlDocSetRootElement(doc_.get(), root_);
    ns_ = xmlNewNs(root_, X(ns), nullptr);
    xmlSetNs(root_, ns_);
}

xmlNs* XmlTree::declare(const char* prefix, const char* uri) {
    xmlNs* ns = xmlNewNs(root_, X(uri), X(prefix));
    if (!ns) fail(std::string("cannot declare namespace prefix ") + prefix);
    return ns;
}

void XmlTree::html_doctype() {
    if (!xmlCreateIntSubset(doc_.get(), X("html"), nullptr, nullptr)) fail("cannot add the doctype");
}

xmlNode* XmlTree::element(xmlNode* parent, const char* name, const std::string& content) {
    return element(parent, ns_, name, content);
}

xmlNode* XmlTree::element(xmlNode* parent, xmlNs* ns, const char* name, const std::string& content) {
    // xmlNewChild would parse entity references in its content argument;
    // the text goes in as a separate text node instead.
    xmlNode* node = xmlNewChild(parent, ns, X(name), nullptr);
    if (!node) throw std::bad_alloc();
    if (!content.empty()) text(node, content);
    return node;
}

void XmlTree::text(xmlNode* parent, const std::string& content) {
    if (content.empty()) return;
    xmlNode* t = xmlNewDocTextLen(doc_.get(), X(content), static_cast<int>(content.size()));
    if (!t || !xmlAddChild(parent, t)) throw std::bad_alloc();
}

void XmlTree::phrasing(xmlNode* node) {
    for (const xmlNode* c = node->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE) return;  // already not indented
    xmlNode* t = xmlNewDocTextLen(doc_.get(), X(""), 0);
    if (!t || !xmlAddChild(node, t)) throw std::bad_alloc();
}

void XmlTree::attr(xmlNode* node, const char* name, const std::string& value) {
    if (!xmlNewProp(node, X(name), X(value))) throw std::bad_alloc();
}

void XmlTree::attr(xmlNode* node, xmlNs* ns, const char* name, const std::string& value) {
    if (!xmlNewNsProp(node, ns, X(name), X(value))) throw std::bad_alloc();
}

void XmlTree::lang(xmlNode* node, const std::string& tag, bool html_attribute) {
    if (html_attribute) attr(node, "lang", tag);
    xmlNodeSetLang(node, X(tag));
}

std::string XmlTree::serialize(bool xml_declaration) const {
    std::vector<xml::XmlIssue> issues;
    xml::ErrorCapture capture(issues);
    std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
    if (!buffer) throw std::bad_alloc();
    const int options = XML_SAVE_FORMAT | (xml_declaration ? 0 : XML_SAVE_NO_DECL);
    xmlSaveCtxt* save = xmlSaveToBuffer(buffer.get(), "UTF-8", options);
    if (!save) fail("cannot create a serializer");
    const long result = xmlSaveDoc(save, doc_.get());
    const int closed = xmlSaveClose(save);
    if (result < 0 || closed < 0 || !issues.empty())
        fail(issues.empty() ? std::string("serialization failed") : issues.front().message);
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace pressroom::render::epub

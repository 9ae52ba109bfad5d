#include "xml/part.hpp"

#include "pressroom/error.hpp"

#include <libxml/xmlsave.h>

#include <memory>
#include <new>
#include <vector>

namespace pressroom::xml {

namespace {
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

struct BufferFree {
    void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};

[[noreturn]] void fail(const std::string& what) {
    throw Error(ErrorKind::internal, "", "cannot build an XML part: " + what);
}
}  // namespace

Part::Part(const char* prefix, const char* uri, const char* root) {
    init();
    doc_.reset(xmlNewDoc(X("1.0")));
    if (!doc_) throw std::bad_alloc();
    doc_->standalone = 1;
    root_ = xmlNewDocNode(doc_.get(), nullptr, X(root), nullptr);
    if (!root_) throw std::bad_alloc();
    xmlDocSetRootElement(doc_.get(), root_);
    if (!uri) return;  // a vocabulary without a namespace (JUnit's)
    ns_ = xmlNewNs(root_, X(uri), prefix ? X(prefix) : nullptr);
    if (!ns_) throw std::bad_alloc();
    xmlSetNs(root_, ns_);
}

xmlNs* Part::declare(const char* prefix, const char* uri) {
    xmlNs* ns = xmlNewNs(root_, X(uri), X(prefix));
    if (!ns) fail(std::string("cannot declare namespace prefix ") + prefix);
    return ns;
}

xmlNode* Part::element(xmlNode* parent, const char* name, const std::string& content, xmlNs* ns) {
    // The text goes in as a text node: xmlNewChild would parse entity
    // references in its content argument.
    xmlNode* node = xmlNewChild(parent, ns ? ns : ns_, X(name), nullptr);
    if (!node) throw std::bad_alloc();
    if (!content.empty()) text(node, content);
    return node;
}

void Part::text(xmlNode* parent, const std::string& content) {
    if (content.empty()) return;
    xmlNode* t = xmlNewDocTextLen(doc_.get(), X(content), static_cast<int>(content.size()));
    if (!t || !xmlAddChild(parent, t)) throw std::bad_alloc();
}

void Part::attr(xmlNode* node, const char* name, const std::string& value, xmlNs* ns) {
    xmlAttr* a = ns ? xmlNewNsProp(node, ns, X(name), X(value)) : xmlNewProp(node, X(name), X(value));
    if (!a) throw std::bad_alloc();
}

std::string Part::serialize(bool indent) const {
    std::vector<XmlIssue> issues;
    ErrorCapture capture(issues);
    std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
    if (!buffer) throw std::bad_alloc();
    xmlSaveCtxt* save = xmlSaveToBuffer(buffer.get(), "UTF-8", indent ? XML_SAVE_FORMAT : 0);
    if (!save) fail("cannot create a serializer");
    const long result = xmlSaveDoc(save, doc_.get());
    const int closed = xmlSaveClose(save);
    if (result < 0 || closed < 0 || !issues.empty())
        fail(issues.empty() ? std::string("serialization failed") : issues.front().message);
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace pressroom::xml

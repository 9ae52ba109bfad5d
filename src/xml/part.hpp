// An XML document (a part of an Office Open XML package, an Atom feed, a
// JUnit report), built with libxml2's tree API
// so that text and attribute values go in as data and are escaped by
// libxml2: no markup is made by joining strings. Namespaces are declared
// on the root with the prefixes Office writes (w:, r:, cp:...), which some
// consumers expect literally.
#pragma once

#include "xml/libxml.hpp"

#include <string>

namespace pressroom::xml {

class Part {
public:
    // A document whose root element `prefix:root` is in namespace `uri`
    // (no prefix when `prefix` is null: the default namespace; no namespace
    // at all when `uri` is null).
    Part(const char* prefix, const char* uri, const char* root);

    xmlNode* root() const { return root_; }
    xmlNs* root_ns() const { return ns_; }
    // Declares prefix -> uri on the root element.
    xmlNs* declare(const char* prefix, const char* uri);

    // A child element of `parent` in namespace `ns` (the root's when null),
    // holding `text` when not empty.
    xmlNode* element(xmlNode* parent, const char* name, const std::string& text = {}, xmlNs* ns = nullptr);
    void text(xmlNode* parent, const std::string& text);
    // An attribute in namespace `ns` (none when null).
    void attr(xmlNode* node, const char* name, const std::string& value, xmlNs* ns = nullptr);

    // UTF-8 with the declaration Office writes (standalone="yes"); not
    // indented unless asked (in WordprocessingML white space between runs
    // would be text; a feed is read by people too). Throws Error(internal)
    // if libxml2 fails.
    std::string serialize(bool indent = false) const;

private:
    DocPtr doc_;
    xmlNode* root_ = nullptr;
    xmlNs* ns_ = nullptr;
};

}  // namespace pressroom::xml

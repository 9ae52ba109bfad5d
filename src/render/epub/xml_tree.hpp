// Building the EPUB's XML files (content document, navigation, package
// document, NCX, container) with libxml2's tree API: text and attribute
// values go in as data and libxml2 escapes them, so no markup is ever made
// by joining strings.
#pragma once

#include "xml/libxml.hpp"

#include <string>

namespace pressroom::render::epub {

class XmlTree {
public:
    // A document whose root element `root` is in the default namespace `ns`.
    XmlTree(const char* root, const char* ns);

    xmlNode* root() const { return root_; }
    // Declares prefix -> uri on the root element.
    xmlNs* declare(const char* prefix, const char* uri);
    // Adds `<!DOCTYPE html>` (HTML5: no public or system identifier).
    void html_doctype();

    // A child element of `parent` in the default namespace (or `ns`),
    // holding `text` when not empty.
    xmlNode* element(xmlNode* parent, const char* name, const std::string& text = {});
    xmlNode* element(xmlNode* parent, xmlNs* ns, const char* name, const std::string& text = {});
    void text(xmlNode* parent, const std::string& text);
    // Marks `node` as holding phrasing content (text and inline elements:
    // a, em, strong, span), so that serialize() writes its children exactly
    // as they are. libxml2 indents the children of any element without a
    // text child; an element whose phrasing content happens to be elements
    // only (`<li><a>Name</a><em>, title</em></li>`) would get indentation
    // between them, white space the model's text does not have ("Name ,
    // title"). The mark is an empty text node, which libxml2 counts as a
    // text child and writes as nothing. Call it before adding the content;
    // a second call adds nothing.
    void phrasing(xmlNode* node);
    void attr(xmlNode* node, const char* name, const std::string& value);
    void attr(xmlNode* node, xmlNs* ns, const char* name, const std::string& value);
    // Sets lang and xml:lang, as polyglot XHTML wants both.
    void lang(xmlNode* node, const std::string& tag, bool html_attribute);

    // UTF-8, indented where an element holds only elements (an element with
    // a text child, or marked with phrasing(), is never re-spaced), with or
    // without the XML declaration. Throws Error(internal) if libxml2 fails.
    std::string serialize(bool xml_declaration) const;

private:
    xml::DocPtr doc_;
    xmlNode* root_ = nullptr;
    xmlNs* ns_ = nullptr;
};

}  // namespace pressroom::render::epub

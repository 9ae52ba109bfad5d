// libxml2, wrapped once: RAII handles, errors recorded (never printed by the
// library, never thrown through its C frames), and the safe parse options
// every pressroom reader uses.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::xml {

// Call before any libxml2 use (idempotent, thread-safe).
void init();

struct DocFree { void operator()(xmlDoc* d) const { xmlFreeDoc(d); } };
struct SchemaFree { void operator()(xmlSchema* s) const { xmlSchemaFree(s); } };
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;
using SchemaPtr = std::unique_ptr<xmlSchema, SchemaFree>;

struct XmlIssue {
    int line = 0;
    std::string message;
};

// While alive, routes this thread's libxml2 errors into `issues` instead of
// standard error; restores the previous handlers on destruction.
class ErrorCapture {
public:
    explicit ErrorCapture(std::vector<XmlIssue>& issues);
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

private:
    xmlStructuredErrorFunc old_structured_;
    void* old_structured_ctx_;
    xmlGenericErrorFunc old_generic_;
    void* old_generic_ctx_;
};

// Parse options for untrusted XML: no network, no DTD loading, no entity
// substitution, no default attributes from DTDs; libxml2's own size and depth
// limits stay on (no XML_PARSE_HUGE).
inline constexpr int safe_parse_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;

// Refuses XML with a document type declaration, before any parser sees it:
// a release has no DTD, and a DTD is how external entities (XXE) and entity
// bombs get in. Returns the 1-based line of "<!DOCTYPE", or 0 if none.
int doctype_line(std::string_view bytes);

// libxml2 (2.9) checks each new attribute against all earlier ones of its
// element: an element with a million attributes takes hours. Markup with
// an element of more attributes than this is refused before any parser
// sees it. A release page's elements have a handful.
inline constexpr std::size_t max_attributes_per_element = 1000;

// The 1-based line of the first start tag with more than
// max_attributes_per_element attributes, or 0. A linear scan that knows
// quoted values, comments and the contents of script and style elements.
int crowded_tag_line(std::string_view bytes);

// Parses untrusted bytes; on failure returns null with issues filled.
DocPtr parse_untrusted(std::string_view bytes, const std::string& name, std::vector<XmlIssue>& issues);

// `uri` as the schema's xs:anyURI takes it (libxml2's check: characters
// it tolerates replaced, then xmlParseURI): the same text when valid; with
// '[' and ']' outside an IP literal, a '%' not starting an escape and a
// second '#' percent-encoded when that makes it valid; otherwise empty.
std::string any_uri(std::string_view uri);

std::string node_text(const xmlNode* node);  // concatenated text content
std::string attribute(const xmlNode* node, const char* name);
bool is_element(const xmlNode* node, const char* local_name);

// libxml2's version, "2.9.14" (for --version).
std::string libxml2_version();

}  // namespace pressroom::xml

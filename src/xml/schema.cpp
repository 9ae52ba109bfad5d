#include "xml/schema.hpp"

#include "base/embedded.hpp"
#include "pressroom/error.hpp"

#include <memory>

namespace pressroom::xml {

namespace {
struct ParserCtxtFree {
    void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct ValidCtxtFree {
    void operator()(xmlSchemaValidCtxt* p) const { xmlSchemaFreeValidCtxt(p); }
};

void collect(void* ctx, xmlError* err) {
    auto* issues = static_cast<std::vector<XmlIssue>*>(ctx);
    if (!err) return;
    std::string msg = err->message ? err->message : "schema violation";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    // libxml2 names elements "{namespace}local"; users read "local". The
    // allowed values of an enumeration are in braces too ("the set {'line',
    // 'inline'}"): those stay (erasing them left "the set ." with no values).
    for (std::size_t p = 0; (p = msg.find('{', p)) != std::string::npos;) {
        auto q = msg.find('}', p);
        if (q == std::string::npos) break;
        if (msg.find('\'', p) < q) {
            p = q;
            continue;
        }
        msg.erase(p, q - p + 1);
    }
    // "[facet 'enumeration'] " is the XSD's vocabulary, not the user's.
    for (std::size_t p; (p = msg.find("[facet '")) != std::string::npos;) {
        auto q = msg.find("'] ", p + 8);
        if (q == std::string::npos) break;
        msg.erase(p, q + 3 - p);
    }
    issues->push_back({err->line, msg});
}
}  // namespace

Schema::Schema(std::string_view embedded_name) {
    auto bytes = embedded::find(embedded_name);
    if (!bytes) throw Error(ErrorKind::data, std::string(embedded_name), "embedded schema missing");
    std::vector<XmlIssue> issues;
    ErrorCapture capture(issues);
    std::unique_ptr<xmlSchemaParserCtxt, ParserCtxtFree> pctxt(
        xmlSchemaNewMemParserCtxt(bytes->data(), static_cast<int>(bytes->size())));
    if (pctxt) schema_.reset(xmlSchemaParse(pctxt.get()));
    if (!schema_)
        throw Error(ErrorKind::data, std::string(embedded_name),
                    "schema does not compile: " + (issues.empty() ? std::string("?") : issues.front().message));
}

const Schema& Schema::release() {
    static const Schema s("schemas/release.xsd");
    return s;
}

const Schema& Schema::rules() {
    static const Schema s("schemas/rules.xsd");
    return s;
}

std::vector<XmlIssue> Schema::validate(xmlDoc* doc) const {
    std::vector<XmlIssue> issues;
    ErrorCapture capture(issues);
    std::unique_ptr<xmlSchemaValidCtxt, ValidCtxtFree> vctxt(xmlSchemaNewValidCtxt(schema_.get()));
    if (!vctxt) {
        issues.push_back({0, "cannot create schema validation context"});
        return issues;
    }
    xmlSchemaSetValidStructuredErrors(vctxt.get(), collect, &issues);
    int rc = xmlSchemaValidateDoc(vctxt.get(), doc);
    if (rc != 0 && issues.empty()) issues.push_back({0, "document is not valid against the schema"});
    return issues;
}

}  // namespace pressroom::xml

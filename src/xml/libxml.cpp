#include "xml/libxml.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"

#include <libxml/uri.h>

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <cstring>
#include <mutex>

namespace pressroom::xml {

void init() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

namespace {
void structured_handler(void* ctx, xmlError* err) {
    auto* issues = static_cast<std::vector<XmlIssue>*>(ctx);
    if (!err || !issues) return;
    std::string msg = err->message ? err->message : "unknown XML error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    issues->push_back({err->line, msg});
}
void generic_handler(void*, const char*, ...) {}  // silence: structured errors carry everything
}  // namespace

ErrorCapture::ErrorCapture(std::vector<XmlIssue>& issues)
    : old_structured_(xmlStructuredError),
      old_structured_ctx_(xmlStructuredErrorContext),
      old_generic_(xmlGenericError),
      old_generic_ctx_(xmlGenericErrorContext) {
    init();
    xmlSetStructuredErrorFunc(&issues, structured_handler);
    xmlSetGenericErrorFunc(nullptr, generic_handler);
}

ErrorCapture::~ErrorCapture() {
    xmlSetStructuredErrorFunc(old_structured_ctx_, old_structured_);
    xmlSetGenericErrorFunc(old_generic_ctx_, old_generic_);
}

int doctype_line(std::string_view bytes) {
    // Scan the prolog only: stop at the first start tag of an element.
    int line = 1;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (c == '\n') ++line;
        if (c != '<' || i + 1 >= bytes.size()) continue;
        char n = bytes[i + 1];
        if (n == '!') {
            if (bytes.substr(i, 9) == "<!DOCTYPE" || bytes.substr(i, 9) == "<!doctype") return line;
            if (bytes.substr(i, 4) == "<!--") {
                auto end = bytes.find("-->", i + 4);
                if (end == std::string_view::npos) return 0;
                for (std::size_t k = i; k < end; ++k)
                    if (bytes[k] == '\n') ++line;
                i = end + 2;
            }
        } else if (n != '?') {
            return 0;  // the root element: the prolog is over
        }
    }
    return 0;
}

namespace {
bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool iequal_prefix(std::string_view s, std::size_t at, std::string_view lower) {
    if (at + lower.size() > s.size()) return false;
    for (std::size_t k = 0; k < lower.size(); ++k) {
        char c = s[at + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[k]) return false;
    }
    return true;
}
}  // namespace

int crowded_tag_line(std::string_view b) {
    int line = 1;
    std::size_t i = 0;
    // Moves i to `end` (exclusive), counting lines.
    auto skip_to = [&](std::size_t end) {
        end = std::min(end, b.size());
        for (; i < end; ++i)
            if (b[i] == '\n') ++line;
    };
    while (i < b.size()) {
        if (b[i] == '\n') ++line;
        if (b[i] != '<') {
            ++i;
            continue;
        }
        if (b.substr(i, 4) == "<!--") {
            std::size_t end = b.find("-->", i + 4);
            skip_to(end == std::string_view::npos ? b.size() : end + 3);
            continue;
        }
        if (i + 1 >= b.size() || !is_ascii_alpha(b[i + 1])) {
            ++i;
            continue;
        }
        // A start tag: count the attribute names (a name starts after white space).
        const int tag_line = line;
        std::size_t name_start = i + 1;
        ++i;
        while (i < b.size() && !is_tag_space(b[i]) && b[i] != '>' && b[i] != '/') ++i;
        std::string_view name = b.substr(name_start, i - name_start);
        std::size_t attributes = 0;
        bool after_space = false;
        while (i < b.size() && b[i] != '>') {
            char c = b[i];
            if (c == '"' || c == '\'') {
                std::size_t end = b.find(c, i + 1);
                skip_to(end == std::string_view::npos ? b.size() : end + 1);
                after_space = false;
                continue;
            }
            if (c == '\n') ++line;
            if (is_tag_space(c)) {
                after_space = true;
            } else if (after_space && c != '=' && c != '/') {
                if (++attributes > max_attributes_per_element) return tag_line;
                after_space = false;
            }
            ++i;
        }
        // Script and style contents are not markup: skip to their end tag.
        for (std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
            if (name.size() == raw.size() && iequal_prefix(name, 0, raw)) {
                std::size_t k = i;
                while (k < b.size() && !(b[k] == '<' && k + 1 < b.size() && b[k + 1] == '/' && iequal_prefix(b, k + 2, raw)))
                    ++k;
                skip_to(k);
            }
        }
    }
    return 0;
}

DocPtr parse_untrusted(std::string_view bytes, const std::string& name, std::vector<XmlIssue>& issues) {
    ErrorCapture capture(issues);
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
        issues.push_back({0, "document too large"});
        return nullptr;
    }
    if (int line = crowded_tag_line(bytes)) {
        issues.push_back({line, "an element has more than " + std::to_string(max_attributes_per_element) +
                                    " attributes (refused: the XML parser would take hours)"});
        return nullptr;
    }
    DocPtr doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                             safe_parse_options));
    if (!doc && issues.empty()) issues.push_back({0, "not well-formed XML"});
    return doc;
}

std::string node_text(const xmlNode* node) {
    std::string out;
    for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            out += node_text(c);
        }
    }
    return out;
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* v = xmlGetNoNsProp(const_cast<xmlNode*>(node), reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

bool is_element(const xmlNode* node, const char* local_name) {
    return node && node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(node->name), local_name) == 0;
}

namespace {

// libxml2's xs:anyURI check (xmlschemastypes.c): control, non-ASCII and a
// few characters are tolerated (replaced before parsing), the rest must
// parse as a URI reference.
bool valid_any_uri(std::string v) {
    for (char& c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 32 || u >= 127 || std::strchr(" <>\"{}|\\^`'", c)) c = '_';
    }
    xmlURIPtr uri = xmlParseURI(v.c_str());
    if (!uri) return false;
    xmlFreeURI(uri);
    return true;
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string any_uri(std::string_view uri) {
    if (uri.find('\0') != std::string::npos || !utf8::is_valid(uri)) return {};
    // Control and format characters, which libxml2 tolerates and the model
    // does not, percent-encoded (fuzz_pipeline found a U+0091 in an href).
    std::string s;
    for (std::size_t i = 0; i < uri.size();) {
        const std::size_t start = i;
        const char32_t c = utf8::next(uri, i);
        if (!utf8::is_control(c)) {
            s.append(uri.substr(start, i - start));
            continue;
        }
        for (std::size_t k = start; k < i; ++k) text::append_percent_encoded(s, static_cast<unsigned char>(uri[k]));
    }
    if (valid_any_uri(s)) return s;
    // Brackets belong only around an IPv6 host ("http://[::1]/").
    const std::size_t scheme_end = s.find("://");
    const bool ip_literal = scheme_end != std::string::npos && s.compare(scheme_end + 3, 1, "[") == 0;
    std::string e;
    bool fragment = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if ((c == '[' || c == ']') && !ip_literal) e += c == '[' ? "%5B" : "%5D";
        else if (c == '%' && !(i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])))
            e += "%25";
        else if (c == '#' && fragment) e += "%23";
        else {
            if (c == '#') fragment = true;
            e += c;
        }
    }
    return valid_any_uri(e) ? e : std::string();
}

std::string libxml2_version() { return LIBXML_DOTTED_VERSION; }

}  // namespace pressroom::xml

#include "pipeline/readers.hpp"

#include "base/text.hpp"
#include "json/release_json.hpp"
#include "pressroom/error.hpp"
#include "xml/libxml.hpp"
#include "xml/release_xml.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

namespace pressroom::pipeline {

namespace {

const std::array table = {
    Reader{"text", "a text dump of a release page: UTF-8 (with or without BOM), UTF-16, Windows-1252 or ISO-8859-1"},
    Reader{"html", "a saved HTML (or XHTML) page, or a fragment of one: its article or main content"},
    Reader{"markdown", "a markdown export, with or without YAML front matter"},
    Reader{"json", "a JSON item, as scrapers save them (title, date, body or content fields)"},
    Reader{"rss", "an RSS or Atom feed: its first item"},
    Reader{"xml", "pressroom's own release XML, validated against schemas/release.xsd"},
    Reader{"release-json", "pressroom's own release JSON (what -t json writes; schemas/release.schema.json)"},
};

// The bytes after a UTF-8 byte-order mark and leading white space.
std::string_view content_start(std::string_view bytes) {
    if (text::starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::size_t i = 0;
    while (i < bytes.size() && text::is_ascii_space(bytes[i])) ++i;
    return bytes.substr(i);
}

// The name of the DOCTYPE ("html", "note"), lowercased.
std::string doctype_name(std::string_view bytes) {
    const std::string head = text::ascii_lower(bytes.substr(0, 64 * 1024));
    const std::size_t at = head.find("<!doctype");
    if (at == std::string::npos) return {};
    std::size_t i = at + 9;
    while (i < head.size() && text::is_ascii_space(head[i])) ++i;
    std::size_t end = i;
    while (end < head.size() && !text::is_ascii_space(head[end]) && head[end] != '>' && head[end] != '[') ++end;
    return head.substr(i, end - i);
}

// classify_input on the content without its leading white space.
InputKind classify_content(std::string_view start, const std::string& name) {
    InputKind kind;
    if (text::starts_with(start, "{\\rtf")) {
        kind.refusal = "an RTF (rich text) document, not a release page: save it as plain text or HTML first";
        return kind;
    }
    // pressroom's own JSON goes to its reader, never through ingest (whose
    // JSON reader reads scrapers' items and would make a "release" of the
    // model's keys); a later version of it is refused rather than guessed at.
    if (text::starts_with(start, "{")) {
        const std::string format = json::release_format_of(start);
        if (format == json::release_format) kind.reader = "release-json";
        else if (!format.empty())
            kind.refusal = "release JSON of another version (\"format\": \"" + format + "\"): this pressroom reads " +
                           json::release_format;
        return kind;
    }
    // Only markup can be XML: a text that merely quotes a DOCTYPE (a
    // release about XML) is left to ingest.
    if (!text::starts_with(start, "<")) return kind;
    if (xml::looks_like_release_xml(start)) {
        kind.reader = "xml";  // validated by the release reader, which refuses any DTD
        return kind;
    }
    // A DTD that declares entities is refused whatever the document: expanding
    // them is how entity bombs and external entities get in, and leaving
    // them is how "]> &x;" became a release's title.
    const int dtd_line = xml::doctype_line(start);
    const std::string doctype = dtd_line ? doctype_name(start) : std::string();
    if (dtd_line && start.substr(0, 64 * 1024).find("<!ENTITY") != std::string_view::npos) {
        kind.refusal = "a document type declaration declaring entities (<!DOCTYPE " + doctype +
                       " [...]>): pressroom reads no DTD and expands no entities";
        kind.line = dtd_line;
        return kind;
    }
    // XML says so in its declaration, in a DOCTYPE that is not HTML's, or in
    // its name (a scraper's "page.xml" without a declaration).
    const std::string ext = text::ascii_lower(std::filesystem::path(name).extension().string());
    const bool declared = text::starts_with(start, "<?xml") ||
                          (text::starts_with(start, "<") && (ext == ".xml" || ext == ".rss" || ext == ".atom"));
    if (!declared && (doctype.empty() || doctype == "html")) return kind;
    if (doctype == "html" || doctype == "rss") {
        // XHTML, or an RSS 0.91 feed with Netscape's DTD: their readers
        // load no DTD.
        kind.reader = doctype;
        return kind;
    }
    if (dtd_line) {
        kind.refusal =
            "XML with a document type declaration (<!DOCTYPE " + doctype + ">), not a release: pressroom reads no DTD";
        kind.line = dtd_line;
        return kind;
    }
    std::vector<xml::XmlIssue> issues;
    xml::DocPtr doc = xml::parse_untrusted(start, name, issues);
    if (!doc) {
        kind.refusal = "XML that is not well-formed: " + (issues.empty() ? std::string("?") : issues.front().message);
        kind.line = issues.empty() ? 0 : issues.front().line;
        return kind;
    }
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    const std::string root_name = root ? reinterpret_cast<const char*>(root->name) : "";
    if (root_name == "rss" || root_name == "feed" || root_name == "RDF") kind.reader = "rss";
    else if (text::ascii_lower(root_name) == "html") kind.reader = "html";
    else kind.refusal = "XML, not a release (root element <" + root_name + ">)";
    return kind;
}

}  // namespace

std::span<const Reader> readers() { return table; }

const Reader* find_reader(std::string_view name) {
    for (const auto& r : table)
        if (r.name == name) return &r;
    return nullptr;
}

std::string reader_names(std::string_view separator) {
    std::string out;
    for (const auto& r : table) out += (out.empty() ? "" : std::string(separator)) + std::string(r.name);
    return out;
}

void check_reader(std::string_view name) {
    if (name.empty() || find_reader(name)) return;
    std::vector<std::string> names;
    for (const auto& r : table) names.emplace_back(r.name);
    const std::string hint = text::closest(name, names);
    throw Error(ErrorKind::usage, "",
                "unknown reader '" + std::string(name) + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                    "; the readers are " + reader_names());
}

InputKind classify_input(std::string_view bytes, const std::string& name) {
    const std::string_view start = content_start(bytes);
    InputKind kind = classify_content(start, name);
    // Lines are counted from the start of the content; the input may have
    // blank lines before it.
    if (kind.line > 0) {
        const std::string_view skipped = bytes.substr(0, bytes.size() - start.size());
        kind.line += static_cast<int>(std::count(skipped.begin(), skipped.end(), '\n'));
    }
    return kind;
}

}  // namespace pressroom::pipeline

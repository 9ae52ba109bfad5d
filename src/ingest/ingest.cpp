#include "ingest/ingest.hpp"

#include "base/error.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "ingest/decode.hpp"
#include "ingest/feed_reader.hpp"
#include "ingest/html_reader.hpp"
#include "ingest/markdown_reader.hpp"
#include "ingest/steps.hpp"
#include "ingest/text_reader.hpp"

#include <algorithm>
#include <filesystem>

namespace pressroom::ingest {

std::string detect_format(std::string_view bytes, const std::string& name) {
    std::string ext = text::ascii_lower(std::filesystem::path(name).extension().string());
    if (looks_like_json(bytes)) return "json";
    if (looks_like_feed(bytes)) return "rss";
    std::string head = text::ascii_lower(bytes.substr(0, 4096));
    std::size_t lead = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    std::string_view start = lead == std::string::npos ? std::string_view() : std::string_view(head).substr(lead);
    if (text::starts_with(start, "<!doctype html") || text::starts_with(start, "<html") ||
        head.find("<body") != std::string::npos)
        return "html";
    if (text::starts_with(start, "---\n") || text::starts_with(start, "---\r\n")) return "markdown";
    if ((ext == ".md" || ext == ".markdown") && has_markdown_syntax(bytes)) return "markdown";
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
    // A fragment of markup with no <html>: many block tags make it HTML.
    std::size_t tags = 0;
    for (const char* t : {"<p>", "<p ", "<div", "<br", "<table", "<li>", "</p>", "<h1", "<h2"})
        for (std::size_t p = head.find(t); p != std::string::npos; p = head.find(t, p + 1)) ++tags;
    return tags >= 3 ? "html" : "text";
}

namespace {

std::string base_name(const std::string& name) {
    if (name == "-" || name.empty()) return "-";
    return std::filesystem::path(name).filename().string();
}

}  // namespace

model::Document ingest(std::string_view bytes, const Options& options, Diagnostics& diags) {
    const std::string shown = options.name.empty() ? std::string("-") : options.name;
    const std::string format = options.from.empty() ? detect_format(bytes, options.name) : options.from;

    Source src;
    std::string encoding;
    if (format == "html") {
        src = read_html(html_to_utf8(bytes, encoding), shown);
        diags.note("encoding", "decoded as " + encoding);
    } else if (format == "rss") {
        src = read_feed(bytes, shown, diags);
        encoding = "UTF-8";
    } else {
        Decoded decoded = decode(bytes, diags);
        encoding = decoded.encoding;
        if (format == "json") src = read_json_item(decoded.text, shown, diags);
        else if (format == "markdown") src = read_markdown(decoded.text);
        else src = read_text(decoded.text);
        if (src.lines.empty() && format != "text" && format != "markdown") src = read_text(decoded.text);
    }
    diags.note("reader", "read as " + src.format);
    repair_source(src, diags);

    model::Document doc;
    doc.meta.source.name = base_name(shown);
    doc.meta.source.sha256 = sha256_hex(bytes);
    doc.meta.source.format = src.format;
    doc.meta.source.encoding = encoding;
    doc.removed = std::move(src.removed);

    const RuleBook& book = options.rules ? *options.rules : RuleBook::builtin();
    std::vector<std::string> hints = src.detect_hints;
    hints.insert(hints.end(), src.title_hints.begin(), src.title_hints.end());
    Context cx{src, doc, diags, book, book.select(src.lines, options.profile, hints)};
    for (const Profile* p : cx.profiles)
        if (!p->always()) diags.note("profile", "using the '" + p->id + "' rules (" + p->name + ")");

    extract_fields(cx);
    remove_boilerplate(cx);
    extract_contacts(cx);
    extract_byline(cx);
    extract_metadata(cx);
    build_body(cx);
    extract_dateline(cx);
    repair_text(cx);

    if (doc.body.empty()) throw Error(ErrorKind::input, shown, "no release text found");
    std::stable_sort(doc.removed.begin(), doc.removed.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    return doc;
}

}  // namespace pressroom::ingest

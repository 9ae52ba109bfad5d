#include "ingest/ingest.hpp"

#include "base/error.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "ingest/decode.hpp"
#include "ingest/steps.hpp"
#include "ingest/text_reader.hpp"

#include <algorithm>
#include <filesystem>

namespace pressroom::ingest {

std::string detect_format(std::string_view bytes, const std::string& name) {
    (void)bytes;
    (void)name;
    return "text";
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

    Decoded decoded = decode(bytes, diags);
    Source src = read_text(decoded.text);

    model::Document doc;
    doc.meta.source.name = base_name(shown);
    doc.meta.source.sha256 = sha256_hex(bytes);
    doc.meta.source.format = src.format;
    doc.meta.source.encoding = decoded.encoding;

    const RuleBook& book = options.rules ? *options.rules : RuleBook::builtin();
    Context cx{src, doc, diags, book, book.select(src.lines, options.profile)};
    for (const Profile* p : cx.profiles)
        if (!p->always()) diags.note("profile", "using the '" + p->id + "' rules (" + p->name + ")");

    remove_boilerplate(cx);
    extract_metadata(cx);
    extract_contacts(cx);
    build_body(cx);
    extract_dateline(cx);
    repair_text(cx);

    if (doc.body.empty()) throw Error(ErrorKind::input, shown, "no release text found");
    std::stable_sort(doc.removed.begin(), doc.removed.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    return doc;
}

}  // namespace pressroom::ingest

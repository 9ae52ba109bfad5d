#include "pipeline/metadata.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/check.hpp"
#include "pressroom/error.hpp"

#include <algorithm>

namespace pressroom::pipeline {

namespace {

// The one-line fields, by key.
std::string* field(model::Metadata& m, std::string_view key) {
    if (key == "title") return &m.title;
    if (key == "subtitle") return &m.subtitle;
    if (key == "date") return &m.date;
    if (key == "agency") return &m.agency;
    if (key == "office") return &m.office;
    if (key == "release-number") return &m.release_number;
    if (key == "dateline") return &m.dateline;
    if (key == "language") return &m.language;
    if (key == "kind") return &m.kind;
    return nullptr;
}

Error bad(const std::string& where, std::string_view key, const std::string& why) {
    return Error(ErrorKind::usage, "", where + " " + std::string(key) + ": " + why);
}

}  // namespace

const std::vector<std::string>& metadata_keys() {
    static const std::vector<std::string> keys = {"title",          "subtitle", "date",     "agency", "office",
                                                  "release-number", "dateline", "language", "kind",   "contact"};
    return keys;
}

MetadataValue check_metadata(std::string_view key, std::string_view value, const std::string& where) {
    const auto& keys = metadata_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        std::string hint = text::closest(key, keys);
        throw bad(where, key,
                  "not a metadata field" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                      "; the fields are " + text::join(keys, ", "));
    }
    if (!utf8::is_valid(value)) throw bad(where, key, "the value is not valid UTF-8");
    for (std::size_t i = 0; i < value.size();) {
        const char32_t c = utf8::next(value, i);
        if (c == '\n' || c == '\r') throw bad(where, key, "the value must be one line");
        if (c != '\t' && utf8::is_control(c)) throw bad(where, key, "the value holds a control character");
    }
    MetadataValue out{std::string(key), text::collapse_space(utf8::nfc(value))};
    if (key == "date" && !out.value.empty() && !model::is_iso_date(out.value))
        throw bad(where, key, "'" + out.value + "' is not a date: write it YYYY-MM-DD (2024-03-01)");
    // The EPUB's check (a 2-3 letter language first), stricter than the
    // schema's xs:language, so the value suits every format.
    if (key == "language" && !text::is_language_tag(out.value))
        throw bad(where, key, "'" + out.value + "' is not a BCP 47 language tag (en, en-US, fr)");
    if (key == "contact") {
        // Lines of one contact, each trimmed; empty lines dropped.
        std::vector<std::string> lines;
        for (std::string_view l : text::split(out.value, ';'))
            if (!text::trim(l).empty()) lines.emplace_back(text::trim(l));
        out.value = text::join(lines, "; ");
    }
    return out;
}

MetadataValue parse_metadata_assignment(std::string_view assignment) {
    const std::size_t eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw Error(ErrorKind::usage, "", "-M " + std::string(assignment) + ": write KEY=VALUE (-M title='A title')");
    return check_metadata(text::trim(assignment.substr(0, eq)), assignment.substr(eq + 1), "-M");
}

void apply_metadata(model::Metadata& meta, const std::vector<MetadataValue>& values) {
    bool contacts_replaced = false;
    for (const auto& v : values) {
        if (v.key == "contact") {
            if (!contacts_replaced) meta.contacts.clear();
            contacts_replaced = true;
            if (v.value.empty()) {
                meta.contacts.clear();
                continue;
            }
            model::Contact c;
            for (std::string_view l : text::split(v.value, ';')) c.lines.emplace_back(text::trim(l));
            meta.contacts.push_back(std::move(c));
        } else if (std::string* f = field(meta, v.key)) {
            *f = v.value;
        }
    }
}

}  // namespace pressroom::pipeline

// Release JSON: the model written out as JSON (what `-t json` prints) and
// read back (what `pressroom convert` does with it), so that scripts in any
// language can edit a release and have pressroom render it.
//
// The contract is schemas/release.schema.json. The shape mirrors release XML
// (schemas/release.xsd) field for field, with a fixed shape: every metadata
// field is present, "" when the release has none.
//
//   {"format": "urn:pressroom:release:1", "version": 1,
//    "meta": {"title": ..., "subtitle", "date", "agency", "office", "kind",
//             "release_number", "dateline", "language",
//             "contacts": [["Media contact", "Jane Roe", ...], ...],
//             "source": {"name", "sha256", "format", "encoding"}},
//    "body": [{"type": "paragraph" | "heading" | "quote", "line": 3, "content": [SPAN...]},
//             {"type": "heading", "level": 1, ...},
//             {"type": "list", "ordered": false, "line": 7,
//              "items": [{"depth": 0, "line": 7, "content": [SPAN...]}]}],
//    "removed": [{"rule": "share-widget", "line": 2, "text": "..."}]}
//   SPAN: {"type": "text" | "emphasis" | "strong", "text": "..."}
//         {"type": "link", "text": "...", "href": "https://..."}
//
// Round trip: read(write(doc)) == doc for every document that passes
// model::check, so `convert r.json -t xml` gives the bytes `convert r.txt
// -t xml` gave, and write(read(write(doc))) == write(doc).
#pragma once

#include "pressroom/document.hpp"

#include <string>
#include <string_view>

namespace pressroom::json {

// The value of "format": the XML namespace, which carries the major version.
inline constexpr const char* release_format = "urn:pressroom:release:1";

// Two-space indented UTF-8 JSON with a final newline; keys in a fixed order.
std::string write_release(const model::Document& doc);

// Reads release JSON into the model. Refuses (Error kind `invalid`, naming
// the file, the line of the JSON text where the problem is when it is a
// syntax error, and the member's JSON Pointer otherwise) what is not JSON,
// not release JSON of this version, not of the schema's shape, or not a
// document every renderer can take (model::check). Text is normalized as
// the XML reader normalizes it (NFC, single spaces), so that what JSON and
// XML say alike gives the same model.
model::Document read_release(std::string_view bytes, const std::string& name);

// What "format" says, when the bytes are a JSON object that has one naming
// pressroom's release JSON ("urn:pressroom:release:N"); "" otherwise.
// Judged cheaply: only text that starts with '{' and holds the marker
// anywhere (a script may have reordered the keys) is parsed.
std::string release_format_of(std::string_view bytes);

}  // namespace pressroom::json

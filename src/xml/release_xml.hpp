// Release XML: the model written out (deterministic, pretty-printed UTF-8)
// and read back (safely, validated against schemas/release.xsd).
//
// Round trip guarantee: write(read(write(doc))) == write(doc), byte for byte.
#pragma once

#include "pressroom/diagnostic.hpp"
#include "pressroom/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::xml {

std::string write_release(const model::Document& doc);

// Reads release XML into the model. Refuses (Error kind `invalid`, naming the
// file and line) input that has a DOCTYPE, is not well-formed, or is not
// valid against the schema. Never touches the network or the file system.
model::Document read_release(std::string_view bytes, const std::string& name);

// Every problem with the bytes as release XML, as error diagnostics (empty
// when valid): what `pressroom validate` prints.
std::vector<Diagnostic> validate_release(std::string_view bytes, const std::string& name);

// True if the bytes look like pressroom release XML (root element `release`
// in pressroom's namespace), judged from the first kilobytes only.
bool looks_like_release_xml(std::string_view bytes);

}  // namespace pressroom::xml

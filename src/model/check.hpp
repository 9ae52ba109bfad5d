// The model's invariants, checked by tests after every normalization and by
// debug builds after ingest (as cmark checks its tree after every parse).
//
// A Document that passes is one every renderer can take without further
// checks: non-empty body of non-empty blocks; text valid UTF-8 in NFC, free of
// control characters, with single spaces between words and no space at block
// edges; one-line metadata fields; an ISO date that exists; a 64-hex SHA-256;
// rule ids in the schema's syntax.
#pragma once

#include "pressroom/document.hpp"

#include <string>
#include <vector>

namespace pressroom::model {

// Every violated invariant, as a human-readable line; empty when valid.
std::vector<std::string> check(const Document& doc);

// True if `date` is an ISO YYYY-MM-DD calendar date that exists.
bool is_iso_date(const std::string& date);

}  // namespace pressroom::model

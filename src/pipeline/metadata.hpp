// Metadata set on the command line (-M KEY=VALUE, --metadata-file), as
// pandoc's -M sets a document's metadata: a field the normalizer got wrong
// or could not find is given by the user, for one input or a whole batch.
//
// Every value is checked when the options are read, before any input is
// converted: a bad value is Error(usage) naming the key, and a value that
// passes keeps the model's invariants (model/check.hpp), so renderers take
// it as they take what the normalizer found.
#pragma once

#include "pressroom/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::pipeline {

// One field to set. An empty value clears the field (not `language`).
struct MetadataValue {
    std::string key;    // "title", "release-number" ... (metadata_keys())
    std::string value;  // checked and normalized (NFC, single spaces)
    friend bool operator==(const MetadataValue&, const MetadataValue&) = default;
};

// The keys, in the order release XML writes the fields: title, subtitle,
// date, agency, office, release-number, dateline, language, kind, contact.
const std::vector<std::string>& metadata_keys();

// Checks one value for `key` (`where` names its origin in messages:
// "-M", or "FILE:LINE"). Throws Error(usage) for an unknown key (with the
// closest known one), a date that is not YYYY-MM-DD, a language that is not
// a BCP 47 tag, text with control characters or invalid UTF-8.
MetadataValue check_metadata(std::string_view key, std::string_view value, const std::string& where);

// "KEY=VALUE" as -M takes it.
MetadataValue parse_metadata_assignment(std::string_view assignment);

// Applies the values in order. `contact` is one contact whose lines are
// separated by ';' ("Jane Roe; 555-0100; jane@example.gov"): the first
// `contact` replaces the contacts the normalizer found, later ones add
// contacts; an empty one removes them all. Other keys: the last value wins.
void apply_metadata(model::Metadata& meta, const std::vector<MetadataValue>& values);

}  // namespace pressroom::pipeline

// The line classifier's view of a document: one row of numbers per line.
//
// Every line the classifier labels (not empty, not removed by a rule, not
// taken by an earlier pass) gets the same features: its own shape (length,
// case, sentence ends, function-word density, dates, phones, links), where
// the reader found it (heading, list item, link density, outside the page's
// main content), where it stands in the document (position, before the
// first sentence of prose, repeated elsewhere, like the page's title), and
// the shape of its neighbours. No feature names a site, a word of a page or
// a rule: what the model learns from some documents must carry over to
// others (ARCHITECTURE.md, "The line classifier").
#pragma once

#include "ingest/source.hpp"

#include <string>
#include <vector>

namespace pressroom::ingest::classify {

// The feature names, in the order of a row.
const std::vector<std::string>& feature_names();

struct Rows {
    std::vector<std::size_t> lines;  // index into Source::lines of each row
    std::vector<float> values;       // lines.size() x feature_names().size(), row-major
    std::size_t width = 0;

    const float* row(std::size_t r) const { return values.data() + r * width; }
};

// The rows of the lines to classify.
Rows features(const Source& src);

}  // namespace pressroom::ingest::classify

// The line classifier's model: learned weights, loaded as data.
//
// Two parts, both trained by scripts/train-classifier from the corpora and
// shipped as rules/line-model.json (compiled into the binary):
//  1. a multinomial logistic regression over the standardized features of
//     classify/features.hpp: P(class | line) for chrome, title, header, body;
//  2. a hidden Markov model over the document's lines (web2text's idea, and
//     jusText's context pass made explicit): states are the classes split by
//     where they stand (chrome before the release, inside it, after it),
//     with learned start and transition probabilities. The regression's
//     probabilities, divided by the class priors, are the emissions; the
//     Viterbi path is the labelling, forward-backward gives each line's
//     confidence.
// PRESSROOM_LINE_MODEL=FILE loads another model (cross-validation, experiments).
#pragma once

#include "ingest/classify/features.hpp"
#include "ingest/source.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressroom::ingest::classify {

struct Model {
    std::string name;                   // where it came from (for messages)
    std::vector<std::string> features;  // must equal feature_names()
    std::vector<Label> classes;         // the regression's classes
    std::vector<float> mean, scale;     // per feature: x' = (x - mean) / scale
    std::vector<float> weights;         // classes x features, row-major
    std::vector<float> bias;            // per class
    std::vector<float> log_prior;       // per class, the training share
    std::vector<std::size_t> state_class;  // per HMM state: its class (index into classes)
    std::vector<float> log_start;       // per state
    std::vector<float> log_trans;       // states x states, row-major (from, to)
};

// Parses a model; throws Error(data) naming `name` when it is malformed or
// was trained on other features than this build computes.
Model parse_model(std::string_view json, const std::string& name);

// The built-in model, or the file PRESSROOM_LINE_MODEL names. Loaded once.
const Model& model();

struct Decision {
    Label label = Label::none;
    float confidence = 0;       // posterior probability of `label`
    std::vector<float> probs;   // the regression's P(class | line), per class
};

// Labels the rows of one document.
std::vector<Decision> decide(const Model& m, const Rows& rows);

// The features that weighed most for `label` on row r: (name, contribution
// to that class's score, relative to the mean of the classes), largest first.
std::vector<std::pair<std::string, float>> reasons(const Model& m, const Rows& rows, std::size_t r, Label label,
                                                   std::size_t count = 3);

}  // namespace pressroom::ingest::classify

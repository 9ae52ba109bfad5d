#include "ingest/classify/line_model.hpp"

#include "base/embedded.hpp"
#include "base/files.hpp"
#include "pressroom/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace pressroom::ingest {

const char* label_name(Label l) {
    switch (l) {
    case Label::none: return "none";
    case Label::chrome: return "chrome";
    case Label::title: return "title";
    case Label::header: return "header";
    case Label::body: return "body";
    }
    return "none";
}

}  // namespace pressroom::ingest

namespace pressroom::ingest::classify {

namespace {

Label label_of(const std::string& s, const std::string& name) {
    for (Label l : {Label::chrome, Label::title, Label::header, Label::body})
        if (s == label_name(l)) return l;
    throw Error(ErrorKind::data, name, "unknown class '" + s + "' in the line model");
}

template <class T>
std::vector<T> numbers(const nlohmann::json& j, const char* key, std::size_t size, const std::string& name) {
    const auto& a = j.at(key);
    if (!a.is_array() || a.size() != size)
        throw Error(ErrorKind::data, name,
                    std::string("line model: '") + key + "' must hold " + std::to_string(size) + " numbers");
    std::vector<T> out;
    for (const auto& v : a) out.push_back(v.get<T>());
    return out;
}

template <class T>
std::vector<T> matrix(const nlohmann::json& j, const char* key, std::size_t rows, std::size_t cols,
                      const std::string& name) {
    const auto& a = j.at(key);
    if (!a.is_array() || a.size() != rows)
        throw Error(ErrorKind::data, name, std::string("line model: '") + key + "' must have " + std::to_string(rows) + " rows");
    std::vector<T> out;
    for (const auto& row : a) {
        if (!row.is_array() || row.size() != cols)
            throw Error(ErrorKind::data, name,
                        std::string("line model: each row of '") + key + "' must hold " + std::to_string(cols) + " numbers");
        for (const auto& v : row) out.push_back(v.get<T>());
    }
    return out;
}

float log_sum_exp(const float* v, std::size_t n) {
    float hi = -std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i < n; ++i) hi = std::max(hi, v[i]);
    if (!std::isfinite(hi)) return hi;
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += std::exp(static_cast<double>(v[i] - hi));
    return hi + static_cast<float>(std::log(s));
}

// The regression's class probabilities for one row.
void probabilities(const Model& m, const float* x, std::vector<float>& p) {
    const std::size_t k = m.classes.size(), w = m.features.size();
    p.assign(k, 0.f);
    for (std::size_t c = 0; c < k; ++c) {
        double z = m.bias[c];
        const float* wc = m.weights.data() + c * w;
        for (std::size_t j = 0; j < w; ++j) z += static_cast<double>(wc[j]) * ((x[j] - m.mean[j]) / m.scale[j]);
        p[c] = static_cast<float>(z);
    }
    const float norm = log_sum_exp(p.data(), k);
    for (auto& v : p) v = std::exp(v - norm);
}

}  // namespace

Model parse_model(std::string_view json, const std::string& name) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::data, name, std::string("the line model is not valid JSON: ") + e.what());
    }
    Model m;
    m.name = name;
    try {
        if (j.value("format", "") != "pressroom-line-model/1")
            throw Error(ErrorKind::data, name, "not a pressroom line model (format pressroom-line-model/1)");
        m.features = j.at("features").get<std::vector<std::string>>();
        if (m.features != feature_names())
            throw Error(ErrorKind::data, name,
                        "the line model was trained on other features than this pressroom computes: retrain it "
                        "(scripts/train-classifier)");
        for (const auto& c : j.at("classes")) m.classes.push_back(label_of(c.get<std::string>(), name));
        const std::size_t k = m.classes.size(), w = m.features.size();
        m.mean = numbers<float>(j, "mean", w, name);
        m.scale = numbers<float>(j, "scale", w, name);
        for (float& s : m.scale)
            if (!(s > 0)) s = 1;
        m.weights = matrix<float>(j, "weights", k, w, name);
        m.bias = numbers<float>(j, "bias", k, name);
        m.log_prior = numbers<float>(j, "log_prior", k, name);
        const std::size_t states = j.at("states").size();
        m.state_class = numbers<std::size_t>(j, "state_class", states, name);
        for (std::size_t c : m.state_class)
            if (c >= k) throw Error(ErrorKind::data, name, "line model: a state names a class that does not exist");
        m.log_start = numbers<float>(j, "log_start", states, name);
        m.log_trans = matrix<float>(j, "log_trans", states, states, name);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::data, name, std::string("the line model is malformed: ") + e.what());
    }
    return m;
}

const Model& model() {
    static const Model m = [] {
        if (const char* path = std::getenv("PRESSROOM_LINE_MODEL"); path && *path)
            return parse_model(read_input(path), path);
        auto bytes = embedded::find("rules/line-model.json");
        if (!bytes) throw Error(ErrorKind::data, "rules/line-model.json", "the built-in line model is missing");
        return parse_model(*bytes, "rules/line-model.json");
    }();
    return m;
}

std::vector<Decision> decide(const Model& m, const Rows& rows) {
    const std::size_t n = rows.lines.size(), k = m.classes.size(), s = m.state_class.size();
    std::vector<Decision> out(n);
    if (n == 0) return out;
    // Emissions: P(class | line) / P(class), in logs, per state.
    std::vector<float> emit(n * s);
    for (std::size_t t = 0; t < n; ++t) {
        probabilities(m, rows.row(t), out[t].probs);
        for (std::size_t q = 0; q < s; ++q) {
            std::size_t c = m.state_class[q];
            emit[t * s + q] = std::log(std::max(out[t].probs[c], 1e-9f)) - m.log_prior[c];
        }
    }
    auto trans = [&](std::size_t from, std::size_t to) { return m.log_trans[from * s + to]; };

    // Viterbi: the most probable labelling of the whole document.
    std::vector<float> v(n * s);
    std::vector<std::size_t> back(n * s, 0);
    for (std::size_t q = 0; q < s; ++q) v[q] = m.log_start[q] + emit[q];
    for (std::size_t t = 1; t < n; ++t)
        for (std::size_t q = 0; q < s; ++q) {
            float best = -std::numeric_limits<float>::infinity();
            std::size_t arg = 0;
            for (std::size_t p = 0; p < s; ++p) {
                float score = v[(t - 1) * s + p] + trans(p, q);
                if (score > best) {
                    best = score;
                    arg = p;
                }
            }
            v[t * s + q] = best + emit[t * s + q];
            back[t * s + q] = arg;
        }
    std::vector<std::size_t> path(n);
    path[n - 1] = static_cast<std::size_t>(std::max_element(v.begin() + static_cast<long>((n - 1) * s), v.end()) -
                                           (v.begin() + static_cast<long>((n - 1) * s)));
    for (std::size_t t = n - 1; t > 0; --t) path[t - 1] = back[t * s + path[t]];

    // Forward-backward: each line's posterior, for its confidence.
    std::vector<float> fw(n * s), bw(n * s, 0.f), tmp(s);
    for (std::size_t q = 0; q < s; ++q) fw[q] = m.log_start[q] + emit[q];
    for (std::size_t t = 1; t < n; ++t)
        for (std::size_t q = 0; q < s; ++q) {
            for (std::size_t p = 0; p < s; ++p) tmp[p] = fw[(t - 1) * s + p] + trans(p, q);
            fw[t * s + q] = log_sum_exp(tmp.data(), s) + emit[t * s + q];
        }
    for (std::size_t t = n - 1; t > 0; --t)
        for (std::size_t p = 0; p < s; ++p) {
            for (std::size_t q = 0; q < s; ++q) tmp[q] = trans(p, q) + emit[t * s + q] + bw[t * s + q];
            bw[(t - 1) * s + p] = log_sum_exp(tmp.data(), s);
        }
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t q = 0; q < s; ++q) tmp[q] = fw[t * s + q] + bw[t * s + q];
        const float z = log_sum_exp(tmp.data(), s);
        const std::size_t c = m.state_class[path[t]];
        double post = 0;
        for (std::size_t q = 0; q < s; ++q)
            if (m.state_class[q] == c) post += std::exp(static_cast<double>(tmp[q] - z));
        out[t].label = m.classes[c];
        out[t].confidence = static_cast<float>(std::min(1.0, post));
    }
    (void)k;
    return out;
}

std::vector<std::pair<std::string, float>> reasons(const Model& m, const Rows& rows, std::size_t r, Label label,
                                                   std::size_t count) {
    std::vector<std::pair<std::string, float>> out;
    const auto it = std::find(m.classes.begin(), m.classes.end(), label);
    if (it == m.classes.end() || r >= rows.lines.size()) return out;
    const std::size_t c = static_cast<std::size_t>(it - m.classes.begin()), k = m.classes.size(), w = m.features.size();
    const float* x = rows.row(r);
    for (std::size_t j = 0; j < w; ++j) {
        const float xs = (x[j] - m.mean[j]) / m.scale[j];
        float mean = 0;
        for (std::size_t q = 0; q < k; ++q) mean += m.weights[q * w + j] * xs;
        mean /= static_cast<float>(k);
        out.emplace_back(m.features[j], m.weights[c * w + j] * xs - mean);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (out.size() > count) out.resize(count);
    return out;
}

}  // namespace pressroom::ingest::classify

#include "layout/hyphenator.hpp"

#include "base/files.hpp"
#include "pressroom/error.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace pressroom::layout {

struct Hyphenator::Dict {
    HyphenDict* dict = nullptr;
    // english(): the patterns are loaded on the first word to hyphenate.
    // Parsing them costs more than setting a release (about 40 million
    // instructions), and most releases set every paragraph without hyphens.
    std::filesystem::path deferred;
    std::once_flag once;
    mutable std::mutex mutex;  // libhyphen keeps no state between calls, but the docs promise nothing
    HyphenDict* get() {
        std::call_once(once, [this] {
            if (!dict && !deferred.empty()) dict = hnj_hyphen_load(deferred.c_str());
        });
        return dict;
    }
    ~Dict() {
        if (dict) hnj_hyphen_free(dict);
    }
};

Hyphenator::Hyphenator(const std::filesystem::path& dic) : dict_(std::make_unique<Dict>()) {
    dict_->dict = hnj_hyphen_load(dic.c_str());
    if (!dict_->dict) throw Error(ErrorKind::data, dic.string(), "cannot load hyphenation patterns");
}

Hyphenator::Hyphenator(Deferred, const std::filesystem::path& dic) : dict_(std::make_unique<Dict>()) {
    dict_->deferred = dic;
}

Hyphenator::~Hyphenator() = default;

std::vector<std::size_t> Hyphenator::points(std::string_view word, std::size_t left_min, std::size_t right_min) const {
    std::vector<std::size_t> out;
    if (word.size() < left_min + right_min || word.size() > 60) return out;
    bool has_lower = false;
    std::string lower;
    for (char c : word) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return out;
        has_lower = has_lower || (c >= 'a' && c <= 'z');
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (!has_lower) return out;  // acronyms: "NATO", "USFK"
    HyphenDict* dict = dict_->get();
    if (!dict) return out;  // deferred patterns that would not load: no points, as without patterns
    std::string hyphens(lower.size() + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int rc;
    {
        std::lock_guard lock(dict_->mutex);
        rc = hnj_hyphen_hyphenate2(dict, lower.c_str(), static_cast<int>(lower.size()), hyphens.data(), nullptr,
                                   &rep, &pos, &cut);
    }
    // Non-standard hyphenation (replacements) never occurs in English
    // patterns; free them if the library allocated any.
    if (rep) {
        for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (rc != 0) return out;
    for (std::size_t i = left_min - 1; i + right_min < lower.size(); ++i)
        if (hyphens[i] & 1) out.push_back(i + 1);
    return out;
}

const Hyphenator* Hyphenator::english() {
    // Never destroyed: freeing the patterns' thousands of small blocks at
    // exit would only cost time.
    static const Hyphenator* const instance = []() -> const Hyphenator* {
        std::filesystem::path data = data_dir();
        if (data.empty()) return nullptr;
        std::filesystem::path dic = data / "hyphen" / "hyph_en_US.dic";
        std::error_code ec;
        if (!std::filesystem::is_regular_file(dic, ec)) return nullptr;
        return new Hyphenator(Deferred{}, dic);
    }();
    return instance;
}

}  // namespace pressroom::layout

// The hyphenator reads libhyphen's pattern files with its own matcher (the
// library's loader was a third of a single conversion's time). libhyphen
// stays the reference: for every word of the Hunspell dictionary the build
// copies (about 49,000 ASCII words), the points must be exactly those
// libhyphen's hnj_hyphen_hyphenate2 gives with the same bounds.
#include "base/error.hpp"
#include "base/files.hpp"
#include "layout/hyphenator.hpp"

#include <doctest/doctest.h>

#include <hyphen.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace pressroom;
using namespace pressroom::layout;

namespace {

std::filesystem::path patterns() { return data_dir() / "hyphen" / "hyph_en_US.dic"; }

// What pressroom did before, through libhyphen.
std::vector<std::size_t> libhyphen_points(HyphenDict* dict, const std::string& word) {
    std::vector<std::size_t> out;
    const std::size_t left_min = 2, right_min = 3;
    if (word.size() < left_min + right_min || word.size() > 60) return out;
    bool has_lower = false;
    std::string lower;
    for (char c : word) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return out;
        has_lower = has_lower || (c >= 'a' && c <= 'z');
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (!has_lower) return out;
    std::string hyphens(lower.size() + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int rc = hnj_hyphen_hyphenate2(dict, lower.c_str(), static_cast<int>(lower.size()), hyphens.data(), nullptr, &rep,
                                   &pos, &cut);
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

std::string shown(const std::string& word, const std::vector<std::size_t>& points) {
    std::string s;
    std::size_t k = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (k < points.size() && points[k] == i) {
            s += '-';
            ++k;
        }
        s += word[i];
    }
    return s;
}

}  // namespace

TEST_CASE("hyphenator: points of common words") {
    Hyphenator h(patterns());
    CHECK(shown("hyphenation", h.points("hyphenation")) == "hy-phen-ation");
    CHECK(shown("department", h.points("department")) == "de-part-ment");
    CHECK(h.points("NATO").empty());            // capitals are left whole
    CHECK(h.points("co-operate").empty());      // only words of letters
    CHECK(h.points("word").empty());            // too short for 2 + 3
}

TEST_CASE("hyphenator: the same points as libhyphen for every dictionary word") {
    HyphenDict* dict = hnj_hyphen_load(patterns().c_str());
    REQUIRE(dict != nullptr);
    Hyphenator mine(patterns());
    std::ifstream in(data_dir() / "hunspell" / "en_US.dic");
    REQUIRE(in);
    std::string line;
    std::getline(in, line);  // the word count
    std::size_t compared = 0, differ = 0;
    while (std::getline(in, line)) {
        std::string word = line.substr(0, line.find('/'));
        bool letters = !word.empty();
        for (char c : word) letters = letters && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        if (!letters) continue;
        for (const std::string& w : {word, word + "s", word + "ing"}) {
            auto expected = libhyphen_points(dict, w);
            auto got = mine.points(w);
            ++compared;
            if (got != expected && ++differ <= 10) CHECK_MESSAGE(false, w << ": " << shown(w, got) << " instead of " << shown(w, expected));
        }
    }
    hnj_hyphen_free(dict);
    MESSAGE(compared << " words compared");
    CHECK(compared > 100000);
    CHECK(differ == 0);
}

TEST_CASE("hyphenator: a file that cannot be read is an error") {
    CHECK_THROWS_AS(Hyphenator("/nonexistent/hyph.dic"), Error);
}

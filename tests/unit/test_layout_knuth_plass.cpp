// Knuth–Plass line breaking over abstract items: optimality against an
// exhaustive search, tolerance, failure and the first-fit fallback.
#include "layout/knuth_plass.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace pressroom::layout;

namespace {

// A paragraph of words of the given widths separated by glue (width 1,
// stretch 0.5, shrink 1/3), ended TeX's way.
std::vector<Item> paragraph(const std::vector<double>& words) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) items.push_back(Item::glue(1, 0.5, 1.0 / 3));
        items.push_back(Item::box(words[i]));
    }
    items.push_back(Item::penalty_item(0, infinite_penalty, false));
    items.push_back(Item::glue(0, 1e6, 0));
    items.push_back(Item::penalty_item(0, -infinite_penalty, true));
    return items;
}

// Demerits of one line by the paper's formula (no penalties or flags inside).
double line_demerits(double r, double line_penalty) {
    double b = 100 * std::pow(std::abs(r), 3);
    return std::pow(line_penalty + b, 2);
}

// Exhaustive search over every subset of the glue breaks: the best total
// demerits of a feasible breaking, or infinity.
double brute_force_best(const std::vector<Item>& items, double width, double tolerance, double line_penalty) {
    std::vector<std::size_t> glues;
    for (std::size_t i = 1; i + 3 < items.size(); ++i)
        if (items[i].type == Item::Type::glue && items[i - 1].type == Item::Type::box) glues.push_back(i);
    double best = std::numeric_limits<double>::infinity();
    for (unsigned mask = 0; mask < (1u << glues.size()); ++mask) {
        std::vector<std::size_t> breaks;
        for (std::size_t k = 0; k < glues.size(); ++k)
            if (mask & (1u << k)) breaks.push_back(glues[k]);
        breaks.push_back(items.size() - 1);
        double total = 0;
        std::size_t from = 0;
        bool ok = true;
        for (std::size_t b : breaks) {
            double r = adjustment_ratio(items, from, b, width);
            if (r < -1 || r > tolerance) {
                ok = false;
                break;
            }
            total += line_demerits(r, line_penalty);
            from = b + 1;  // the glue at a break is discarded; the next item is a box
        }
        if (ok) best = std::min(best, total);
    }
    return best;
}

double total_demerits(const std::vector<Item>& items, const std::vector<Break>& breaks, double width,
                      double line_penalty) {
    double total = 0;
    std::size_t from = 0;
    for (const auto& b : breaks) {
        total += line_demerits(adjustment_ratio(items, from, b.position, width), line_penalty);
        from = b.position + 1;
    }
    return total;
}

}  // namespace

TEST_CASE("Knuth-Plass finds the breaking with the least demerits") {
    BreakParams params;
    params.tolerance = 3;
    params.fitness_demerits = 0;  // the brute force does not model fitness classes
    const double width = 20;
    // Deterministic pseudo-random word lengths (a small LCG), twelve paragraphs.
    unsigned seed = 7;
    for (int trial = 0; trial < 12; ++trial) {
        std::vector<double> words;
        for (int w = 0; w < 13; ++w) {
            seed = seed * 1103515245u + 12345u;
            words.push_back(2 + (seed >> 16) % 7);
        }
        auto items = paragraph(words);
        auto breaks = break_lines(items, [&](std::size_t) { return width; }, params);
        double best = brute_force_best(items, width, params.tolerance, params.line_penalty);
        CAPTURE(trial);
        if (std::isinf(best)) {
            CHECK_FALSE(breaks.has_value());
            continue;
        }
        REQUIRE(breaks.has_value());
        CHECK(total_demerits(items, *breaks, width, params.line_penalty) == doctest::Approx(best));
    }
}

TEST_CASE("Knuth-Plass never does worse than first-fit and sometimes does better") {
    BreakParams params;
    params.tolerance = 100;  // first-fit lines are loose: let both be judged by the same measure
    params.fitness_demerits = 0;
    auto width = [](std::size_t) { return 20.0; };
    unsigned seed = 11;
    int better = 0;
    for (int trial = 0; trial < 30; ++trial) {
        std::vector<double> words;
        for (int w = 0; w < 16; ++w) {
            seed = seed * 1103515245u + 12345u;
            words.push_back(2 + (seed >> 16) % 7);
        }
        auto items = paragraph(words);
        auto optimal = break_lines(items, width, params);
        REQUIRE(optimal.has_value());
        double kp = total_demerits(items, *optimal, 20, params.line_penalty);
        double ff = total_demerits(items, break_greedy(items, width), 20, params.line_penalty);
        CHECK(kp <= ff * (1 + 1e-12));
        better += kp < ff * (1 - 1e-9);
    }
    CHECK(better > 0);
}

TEST_CASE("every line Knuth-Plass returns is within tolerance and none is overfull") {
    auto items = paragraph({5, 3, 8, 2, 6, 4, 4, 7, 3, 5, 2, 9, 4, 3, 6, 5, 2, 4});
    BreakParams params;
    params.tolerance = 4;
    auto breaks = break_lines(items, [](std::size_t) { return 24.0; }, params);
    REQUIRE(breaks.has_value());
    std::size_t from = 0;
    for (std::size_t i = 0; i < breaks->size(); ++i) {
        double r = adjustment_ratio(items, from, (*breaks)[i].position, 24);
        CHECK(r >= -1 - 1e-9);
        CHECK(r <= params.tolerance);
        CHECK((*breaks)[i].ratio == doctest::Approx(r));
        from = (*breaks)[i].position + 1;
    }
    CHECK(breaks->back().position == items.size() - 1);
}

TEST_CASE("a box wider than the line has no feasible breaking but first-fit still sets it") {
    auto items = paragraph({4, 30, 4});
    auto width = [](std::size_t) { return 20.0; };
    CHECK_FALSE(break_lines(items, width, BreakParams{}).has_value());
    auto greedy = break_greedy(items, width);
    REQUIRE(greedy.size() == 3);  // "4" / "30" (overfull, alone) / "4"
    CHECK(greedy.back().position == items.size() - 1);
}

TEST_CASE("a hyphen break costs its penalty and carries its width") {
    // "aaaa-" fits only with the hyphen penalty taken: the line width
    // includes the hyphen's width.
    std::vector<Item> items = {Item::box(6), Item::glue(1, 0.5, 1.0 / 3), Item::box(4), Item::penalty_item(1, 50, true),
                               Item::box(6), Item::penalty_item(0, infinite_penalty, false),
                               Item::glue(0, 1e6, 0), Item::penalty_item(0, -infinite_penalty, true)};
    BreakParams params;
    params.tolerance = 1;
    auto breaks = break_lines(items, [](std::size_t) { return 12.0; }, params);
    REQUIRE(breaks.has_value());
    REQUIRE(breaks->size() == 2);
    CHECK((*breaks)[0].position == 3);
    CHECK((*breaks)[0].ratio == doctest::Approx(0));  // 6 + 1 + 4 + hyphen 1 = 12
    params.allow_flagged = false;
    CHECK_FALSE(break_lines(items, [](std::size_t) { return 12.0; }, params).has_value());
}

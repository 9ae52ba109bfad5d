// Knuth–Plass total-fit line breaking ("Breaking Paragraphs into Lines",
// Software—Practice and Experience 11, 1981): the TeX algorithm, over the
// abstract boxes, glue and penalties of a paragraph. Knows nothing of fonts
// or pages; widths are in any unit as long as all agree.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace pressroom::layout {

inline constexpr double infinite_penalty = 10000;  // >= this: never break here; <= -this: always

struct Item {
    enum class Type { box, glue, penalty };
    Type type = Type::box;
    double width = 0;
    double stretch = 0;  // glue only
    double shrink = 0;   // glue only
    double penalty = 0;  // penalty only
    bool flagged = false;  // penalty only: a hyphen break (two in a row cost flagged_demerits)

    static Item box(double w) { return {Type::box, w, 0, 0, 0, false}; }
    static Item glue(double w, double stretch, double shrink) { return {Type::glue, w, stretch, shrink, 0, false}; }
    static Item penalty_item(double w, double p, bool flagged) { return {Type::penalty, w, 0, 0, p, flagged}; }
};

struct BreakParams {
    // Largest adjustment ratio a line may have (TeX's tolerance 200 is about
    // 1.26; stretch beyond 1 means spaces wider than the glue's stretch).
    double tolerance = 2.0;
    // TeX's plain-format values: \linepenalty=10, \doublehyphendemerits=10000,
    // \adjdemerits=10000.
    double line_penalty = 10;         // added to each line's badness: fewer lines are better
    double flagged_demerits = 10000;  // two hyphenated lines in a row
    double fitness_demerits = 10000;  // a tight line next to a loose one
    bool allow_flagged = true;       // false: flagged (hyphen) penalties are not break points
};

struct Break {
    std::size_t position = 0;  // index of the item broken at (glue or penalty)
    double ratio = 0;          // adjustment ratio of the line ending here
};

// Breaks items[0..n) into lines of width line_width(k) for line k (0-based).
// The items must end with a forced break (penalty <= -infinite_penalty),
// normally preceded by finishing glue with large stretch. Returns the breaks
// of the optimal solution in order (the last is the final item), or nullopt
// when no way of breaking keeps every line within tolerance and no line
// overfull (ratio < -1).
std::optional<std::vector<Break>> break_lines(const std::vector<Item>& items,
                                              const std::function<double(std::size_t)>& line_width,
                                              const BreakParams& params);

// First-fit breaking that always succeeds: each line takes as many items as
// fit at natural width; a box wider than the line stands alone (overfull).
// The last resort after break_lines gives up.
std::vector<Break> break_greedy(const std::vector<Item>& items,
                                const std::function<double(std::size_t)>& line_width);

// Adjustment ratio of the line items[from..to) set at width w (from = first
// item after the previous break, to = the break position).
double adjustment_ratio(const std::vector<Item>& items, std::size_t from, std::size_t to, double width);

}  // namespace pressroom::layout

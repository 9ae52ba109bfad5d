#include "layout/knuth_plass.hpp"

#include "base/deadline.hpp"

#include <cmath>
#include <limits>
#include <memory>

namespace pressroom::layout {

namespace {

struct Totals {
    double width = 0, stretch = 0, shrink = 0;
};

struct Node {
    std::size_t position = 0;
    std::size_t line = 0;  // lines set before this break
    int fitness = 1;
    Totals totals;         // sums up to the first box after this break
    double demerits = 0;
    double ratio = 0;
    std::shared_ptr<Node> previous;
};

// Frees a chain of break nodes front to back. Left to the destructors, the
// last node frees its predecessor, which frees its own, and so on: one
// stack frame per line, and a 5 MB paragraph (80,000 lines) overflows the
// stack under the sanitizers (hardening, issue 7). Stops at a node someone
// else still holds.
void release_chain(std::shared_ptr<Node> n) {
    while (n && n.use_count() == 1) {
        std::shared_ptr<Node> previous = std::move(n->previous);
        n.reset();
        n = std::move(previous);
    }
}

bool is_break(const std::vector<Item>& items, std::size_t i, bool allow_flagged) {
    const Item& it = items[i];
    if (it.type == Item::Type::penalty)
        return it.penalty < infinite_penalty && (allow_flagged || !it.flagged || it.penalty <= -infinite_penalty);
    if (it.type == Item::Type::glue) return i > 0 && items[i - 1].type == Item::Type::box;
    return false;
}

int fitness_class(double r) {
    if (r < -0.5) return 0;  // tight
    if (r <= 0.5) return 1;  // decent
    if (r <= 1) return 2;    // loose
    return 3;                // very loose
}

}  // namespace

double adjustment_ratio(const std::vector<Item>& items, std::size_t from, std::size_t to, double width) {
    double w = 0, y = 0, z = 0;
    for (std::size_t i = from; i < to; ++i) {
        w += items[i].width;
        if (items[i].type == Item::Type::glue) {
            y += items[i].stretch;
            z += items[i].shrink;
        }
    }
    if (to < items.size() && items[to].type == Item::Type::penalty) w += items[to].width;
    if (w < width) return y > 0 ? (width - w) / y : std::numeric_limits<double>::infinity();
    if (w > width) return z > 0 ? (width - w) / z : -std::numeric_limits<double>::infinity();
    return 0;
}

std::optional<std::vector<Break>> break_lines(const std::vector<Item>& items,
                                              const std::function<double(std::size_t)>& line_width,
                                              const BreakParams& params) {
    if (items.empty()) return std::vector<Break>{};
    std::vector<std::shared_ptr<Node>> active;
    active.push_back(std::make_shared<Node>());
    Totals sum;

    // Sums from break position b to the first box after it: what the next
    // line starts with (glue and penalties after a break are discarded).
    auto after_break = [&](std::size_t b) {
        Totals t = sum;
        for (std::size_t i = b; i < items.size(); ++i) {
            const Item& it = items[i];
            if (it.type == Item::Type::box) break;
            if (it.type == Item::Type::glue) {
                t.width += it.width;
                t.stretch += it.stretch;
                t.shrink += it.shrink;
            } else if (it.penalty <= -infinite_penalty && i > b) {
                break;
            }
        }
        return t;
    };

    for (std::size_t b = 0; b < items.size(); ++b) {
        const Item& item = items[b];
        if (is_break(items, b, params.allow_flagged)) {
            // Candidates per fitness class, created after scanning all active nodes.
            struct Candidate {
                std::shared_ptr<Node> from;
                double demerits = std::numeric_limits<double>::infinity();
                double ratio = 0;
            };
            Candidate best[4];
            for (std::size_t a = 0; a < active.size();) {
                std::shared_ptr<Node> node = active[a];  // a copy: erase below must not dangle it
                double width = line_width(node->line);
                double w = sum.width - node->totals.width;
                if (item.type == Item::Type::penalty) w += item.width;
                double r;
                if (w < width) {
                    double y = sum.stretch - node->totals.stretch;
                    r = y > 0 ? (width - w) / y : std::numeric_limits<double>::infinity();
                } else if (w > width) {
                    double z = sum.shrink - node->totals.shrink;
                    r = z > 0 ? (width - w) / z : -std::numeric_limits<double>::infinity();
                } else {
                    r = 0;
                }
                bool forced = item.type == Item::Type::penalty && item.penalty <= -infinite_penalty;
                // Sums of prefix differences carry rounding: a line shrunk
                // exactly to its limit must not come out at r = -1.0000001.
                constexpr double eps = 1e-9;
                if (r < -1 - eps || forced) {
                    active.erase(active.begin() + static_cast<std::ptrdiff_t>(a));
                } else {
                    ++a;
                }
                if (r >= -1 - eps && r <= params.tolerance + eps) {
                    r = std::max(r, -1.0);
                    double badness = 100 * std::pow(std::abs(r), 3);
                    double d = std::pow(params.line_penalty + badness, 2);
                    if (item.type == Item::Type::penalty) {
                        if (item.penalty >= 0) d += item.penalty * item.penalty;
                        else if (item.penalty > -infinite_penalty) d -= item.penalty * item.penalty;
                        if (item.flagged && node->position > 0 && items[node->position].type == Item::Type::penalty &&
                            items[node->position].flagged)
                            d += params.flagged_demerits;
                    }
                    int fit = fitness_class(r);
                    if (node->position > 0 && std::abs(fit - node->fitness) > 1) d += params.fitness_demerits;
                    d += node->demerits;
                    if (d < best[fit].demerits) best[fit] = {node, d, r};
                }
                release_chain(std::move(node));  // a deactivated node's history may be long too
            }
            for (int fit = 0; fit < 4; ++fit) {
                if (!best[fit].from) continue;
                auto n = std::make_shared<Node>();
                n->position = b;
                n->line = best[fit].from->line + 1;
                n->fitness = fit;
                n->totals = after_break(b);
                n->demerits = best[fit].demerits;
                n->ratio = best[fit].ratio;
                n->previous = best[fit].from;
                active.push_back(std::move(n));
            }
            if (active.empty()) return std::nullopt;
            deadline::check_every(1024);
        }
        if (item.type == Item::Type::box) {
            sum.width += item.width;
        } else if (item.type == Item::Type::glue) {
            sum.width += item.width;
            sum.stretch += item.stretch;
            sum.shrink += item.shrink;
        }
    }

    // The final forced break leaves only nodes at the last item.
    std::shared_ptr<Node> best;
    for (const auto& n : active)
        if (n->position == items.size() - 1 && (!best || n->demerits < best->demerits)) best = n;
    std::vector<Break> breaks;
    for (auto n = best; n && n->previous; n = n->previous) breaks.push_back({n->position, n->ratio});
    const bool found = best != nullptr;
    best.reset();
    for (auto& n : active) release_chain(std::move(n));
    if (!found) return std::nullopt;
    return std::vector<Break>(breaks.rbegin(), breaks.rend());
}

std::vector<Break> break_greedy(const std::vector<Item>& items, const std::function<double(std::size_t)>& line_width) {
    std::vector<Break> breaks;
    std::size_t start = 0;
    auto skip_discardable = [&](std::size_t i) {
        while (i < items.size() && items[i].type != Item::Type::box &&
               !(items[i].type == Item::Type::penalty && items[i].penalty <= -infinite_penalty))
            ++i;
        return i;
    };
    start = skip_discardable(0);
    double w = 0;
    std::size_t last_fit = items.size();  // last break point that fits the current line
    for (std::size_t i = start; i < items.size(); ++i) {
        const Item& it = items[i];
        bool forced = it.type == Item::Type::penalty && it.penalty <= -infinite_penalty;
        double width = line_width(breaks.size());
        if (is_break(items, i, true) || forced) {
            double line_w = w + (it.type == Item::Type::penalty ? it.width : 0);
            if (line_w <= width || last_fit == items.size()) {
                if (forced) {
                    breaks.push_back({i, adjustment_ratio(items, start, i, width)});
                    break;
                }
                last_fit = i;
            } else {
                // This break overflows: end the line at the last one that fit.
                std::size_t b = last_fit;
                breaks.push_back({b, adjustment_ratio(items, start, b, width)});
                start = skip_discardable(b + 1);
                last_fit = items.size();
                w = 0;
                i = start - 1;  // rescan from the new line's first item
                continue;
            }
        }
        if (it.type != Item::Type::penalty) w += it.width;
    }
    return breaks;
}

}  // namespace pressroom::layout

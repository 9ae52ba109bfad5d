#include "base/deadline.hpp"

#include "pressroom/error.hpp"

namespace pressroom::deadline {

namespace {
thread_local Scope* current = nullptr;
}  // namespace

Scope::Scope(std::string file, std::chrono::milliseconds budget, Clock clock)
    : file_(std::move(file)), budget_(budget), clock_(std::move(clock)), outer_(current) {
    if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
    end_ = clock_() + budget_;
    current = this;
}

Scope::~Scope() { current = outer_; }

std::string describe(std::chrono::milliseconds budget) {
    const auto ms = budget.count();
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    if (ms < 1000) return std::to_string(ms) + " ms";
    std::string s = std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 + 1000).substr(1);
    while (s.back() == '0') s.pop_back();
    return s + " s";
}

void check() {
    Scope* s = current;
    if (!s || s->budget_.count() <= 0) return;
    if (s->clock_() < s->end_) return;
    throw Error(ErrorKind::input, s->file_.empty() ? std::string("-") : s->file_,
                "not converted: it took longer than the time limit of " + describe(s->budget_) +
                    " (see --time-limit)");
}

void check_every(unsigned n) {
    Scope* s = current;
    if (!s || s->budget_.count() <= 0) return;
    if (++s->calls_ % (n ? n : 1) != 0) return;
    check();
}

}  // namespace pressroom::deadline

// A per-document time budget, checked cooperatively.
//
// The pipeline opens a deadline::Scope around each input's conversion. Long
// loops (the normalizer's passes over lines, line breaking, pagination,
// rendering) call deadline::check(). Once the budget is spent, check() throws
// Error(input, FILE, "took longer than the time limit ...") and the pipeline
// treats it like any other refusal: nothing is written for that input and
// the next one starts with a fresh budget.
//
// Nothing is killed: no thread is cancelled and no C library is interrupted.
// Checks sit only in pressroom's own C++ loops, never inside callbacks from C
// code (libxml2, PCRE2, libharu), so the exception never crosses a C frame.
// What a single library call does (parsing a page, a regex match) is bounded
// by the input size limit and the libraries' own limits instead.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace pressroom::deadline {

using Clock = std::function<std::chrono::steady_clock::time_point()>;

class Scope {
public:
    // `budget` of zero or less: no limit (check() never throws). `clock`
    // replaces std::chrono::steady_clock::now (tests pass one that advances
    // as they please). Scopes nest; the innermost one is checked.
    Scope(std::string file, std::chrono::milliseconds budget, Clock clock = {});
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    friend void check();
    friend void check_every(unsigned);
    std::string file_;
    std::chrono::milliseconds budget_;
    Clock clock_;
    std::chrono::steady_clock::time_point end_;
    unsigned calls_ = 0;
    Scope* outer_;
};

// Throws Error(ErrorKind::input) naming the scope's file when this thread's
// current scope has spent its budget. Outside any scope: does nothing.
void check();

// The same, but looks at the clock only every `n` calls: for tight loops.
void check_every(unsigned n);

// "60 s", "1.5 s", "250 ms": how a budget is shown in messages.
std::string describe(std::chrono::milliseconds budget);

}  // namespace pressroom::deadline

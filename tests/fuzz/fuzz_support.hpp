// Shared by the fuzz targets: what a target does when an oracle fails.
//
// A target returns normally when pressroom behaved as promised (a document,
// or the one kind of refusal its stage may throw) and calls fuzz_fail()
// otherwise: it prints what went wrong and aborts, which libFuzzer records
// as a crash (and the replay driver as a failed test).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace pressroom::fuzz {

[[noreturn]] inline void fuzz_fail(const std::string& what) {
    std::fprintf(stderr, "pressroom fuzz oracle failed: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

}  // namespace pressroom::fuzz

// The normalizer examples (tests/cases/normalizer.md), one test case each:
// the cases are generated from the file by tests/cases/normalizer_cases.py,
// and each calls run_normalizer_example with its input's name.
#pragma once

#include <cstddef>
#include <string>

namespace pressroom::test {

// Runs the example whose input block is `name=NAME`: ingest, then every
// expectation of its expect block (see the top of normalizer.md).
void run_normalizer_example(const std::string& name);

// How many cases were generated: the file and the cases must agree.
extern const std::size_t normalizer_case_count;

}  // namespace pressroom::test

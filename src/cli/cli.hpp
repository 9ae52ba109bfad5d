// The command line: options -> a job -> an exit code. main() is only this.
#pragma once

#include <iosfwd>

namespace pressroom::cli {

// Runs `pressroom ARGS...`; returns the process exit code (see README, "Exit codes").
int run(int argc, const char* const* argv);

}  // namespace pressroom::cli

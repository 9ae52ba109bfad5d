// Ctrl-C and SIGTERM for the long-running commands (batch, bundle).
//
// While an InterruptGuard lives, the first SIGINT or SIGTERM only sets a
// flag: the batch starts no new input, lets the ones in progress finish
// (their outputs are written whole) and returns; the command then writes its
// report and exits 128+signal (130, 143). The handler is installed with
// SA_RESETHAND, so a second signal ends the process at once; whatever it
// leaves behind is temporaries, which the next run sweeps.
#pragma once

#include <atomic>

namespace pressroom::cli {

class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();  // restores the previous handlers
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // The signal received (SIGINT, SIGTERM), 0 until then.
    const std::atomic<int>& signal() const;
};

}  // namespace pressroom::cli

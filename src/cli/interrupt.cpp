#include "cli/interrupt.hpp"

#include <signal.h>

namespace pressroom::cli {

namespace {
// Written by the handler: only a lock-free atomic is safe there.
std::atomic<int> received{0};
static_assert(std::atomic<int>::is_always_lock_free);

struct sigaction old_int, old_term;

void on_signal(int sig) { received.store(sig); }
}  // namespace

InterruptGuard::InterruptGuard() {
    received.store(0);
    struct sigaction sa {};
    sa.sa_handler = &on_signal;
    sigemptyset(&sa.sa_mask);
    // SA_RESTART: reads and writes in progress carry on (an output being
    // written is finished, not cut short); SA_RESETHAND: the second signal
    // takes the default action and ends the process.
    sa.sa_flags = SA_RESTART | SA_RESETHAND;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
}

const std::atomic<int>& InterruptGuard::signal() const { return received; }

}  // namespace pressroom::cli

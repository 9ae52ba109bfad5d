// What `pressroom batch` and `pressroom bundle` print while they work: each
// failure and diagnostic as it happens, a progress display, and the
// one-line summary at the end.
//
// On a terminal the progress is a bar redrawn in place on standard error
// (files done of the total, failures, rate, time left); otherwise a plain
// line every ten seconds, which CI logs keep readable. --quiet prints only
// failures.
#pragma once

#include "pipeline/batch.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace pressroom::cli {

struct ProgressCounts {
    std::size_t found = 0;       // inputs found so far
    std::size_t total = 0;       // inputs in all, once counted (or the walk is over)
    bool total_known = false;    // false: still counting, no time left can be told
    std::size_t done = 0;        // finished, however
    std::size_t failed = 0;
    std::size_t up_to_date = 0;
};

// "[=====>    ]  45/89  2 failed  7.2 files/s  ETA 0:06", fitted to `width`
// columns; while the inputs are being counted, "45/120+ counting" and no
// ETA. Pure, for tests.
std::string progress_bar(const ProgressCounts& c, double seconds, std::size_t width);
// "450/10000 inputs done, 2 failed, 35.1 files/s, about 4:12 left".
std::string progress_line(const ProgressCounts& c, double seconds);

// The one-line summary of a batch: what was done (or that nothing was), what
// was skipped and why, the time taken. `what`: "batch" or "bundle".
std::string summary(const pipeline::BatchResult& r, double seconds, const std::string& what);

class Progress : public pipeline::BatchObserver {
public:
    enum class Display { bar, lines, none };
    struct Verbosity {
        bool quiet = false;    // failures only
        bool verbose = false;  // notes too
    };

    // Display::bar only makes sense on a terminal: choose_display() picks.
    Progress(Display display, Verbosity verbosity, std::ostream& err);
    ~Progress() override;
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // bar on a terminal, lines otherwise, none when quiet.
    static Display choose_display(bool quiet);

    void found(std::size_t files_so_far) override;
    void counted(std::size_t total) override;
    void walk_done(std::size_t total) override;
    void walk_problem(const Diagnostic& d) override;
    void finished(const pipeline::InputRecord& r, const std::filesystem::path& path) override;

    // Stops the display and clears the bar; then prints nothing more.
    void stop();
    // Prints a line between redraws of the bar.
    void message(const std::string& line);
    double seconds() const;

private:
    void tick_loop();
    void draw_locked();
    void clear_locked();
    void print_locked(const std::string& line);

    Display display_;
    Verbosity verbosity_;
    std::ostream& err_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_line_;
    ProgressCounts counts_;
    bool bar_shown_ = false;
    bool stopping_ = false;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::thread ticker_;
};

}  // namespace pressroom::cli

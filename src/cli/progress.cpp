#include "cli/progress.hpp"

#include "base/text.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace pressroom::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Time as "m:ss" or "h:mm:ss".
std::string clock_text(double seconds) {
    long s = std::lround(std::max(0.0, seconds));
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

std::string rate_text(double rate) {
    char buf[32];
    std::snprintf(buf, sizeof buf, rate >= 10 ? "%.0f" : "%.1f", rate);
    return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::size_t terminal_width() {
    winsize ws {};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

// The part of the line after the bar: counts, failures, rate, time left.
std::string progress_facts(const ProgressCounts& c, double seconds, bool words) {
    std::string s = std::to_string(c.done) + "/" + std::to_string(c.total_known ? c.total : c.found) +
                    (c.total_known ? "" : "+");
    if (words) s += " inputs done";
    if (!c.total_known) s += words ? " (still counting)" : " counting";
    if (c.failed) s += (words ? ", " : "  ") + std::to_string(c.failed) + " failed";
    if (c.up_to_date) s += (words ? ", " : "  ") + std::to_string(c.up_to_date) + " up to date";
    if (seconds > 0.5 && c.done > 0) {
        const double rate = static_cast<double>(c.done) / seconds;
        s += (words ? ", " : "  ") + rate_text(rate) + " files/s";
        if (c.total_known && c.total > c.done)
            s += (words ? ", about " + clock_text(static_cast<double>(c.total - c.done) / rate) + " left"
                        : "  ETA " + clock_text(static_cast<double>(c.total - c.done) / rate));
    }
    return s;
}

}  // namespace

std::string progress_bar(const ProgressCounts& c, double seconds, std::size_t width) {
    const std::string facts = progress_facts(c, seconds, false);
    const std::size_t room = width > facts.size() + 4 ? width - facts.size() - 4 : 0;
    const std::size_t bar = std::min<std::size_t>(room, 40);
    if (bar < 10) return facts.substr(0, width > 1 ? width - 1 : 0);
    const std::size_t total = c.total_known ? c.total : c.found;
    const std::size_t filled = total ? bar * std::min(c.done, total) / total : 0;
    std::string s = "[";
    s += std::string(filled, '=');
    if (filled < bar) s += c.done < total ? ">" : " ";
    if (filled + 1 < bar) s += std::string(bar - filled - 1, ' ');
    s += "] " + facts;
    return s;
}

std::string progress_line(const ProgressCounts& c, double seconds) { return progress_facts(c, seconds, true); }

std::string summary(const pipeline::BatchResult& r, double seconds, const std::string& what) {
    const pipeline::Totals t = r.report.totals();
    std::string s = "pressroom " + what + ": ";
    if (r.stopped_by) {
        s += "interrupted (signal " + std::to_string(r.stopped_by) + ") after " +
             plural(t.inputs, "input", "inputs") + " (" + std::to_string(t.converted) + " converted, " +
             std::to_string(t.up_to_date) + " up to date, " + std::to_string(t.failed) +
             " failed); run the same command again to finish";
        return s;
    }
    const std::size_t unchanged_failures = static_cast<std::size_t>(
        std::count_if(r.report.inputs.begin(), r.report.inputs.end(), [](const pipeline::InputRecord& i) {
            return i.status == pipeline::Status::failed && i.unchanged;
        }));
    if (t.inputs == 0) {
        s += "no inputs found";
    } else if (t.converted == 0 && t.failed == unchanged_failures) {
        s += "nothing to do: " + plural(t.inputs, "input", "inputs") + ", " + std::to_string(t.up_to_date) +
             " up to date";
        if (t.failed)
            s += ", " + std::to_string(t.failed) + " failed as before (unchanged" +
                 (t.refused ? ", " + std::to_string(t.refused) + " of them refused" : std::string()) + ")";
        s += "; --force converts them again";
    } else {
        s += plural(t.inputs, "input", "inputs") + ": " + std::to_string(t.converted) + " converted";
        if (t.up_to_date) s += ", " + std::to_string(t.up_to_date) + " up to date";
        s += ", " + std::to_string(t.failed) + " failed";
        if (t.refused) s += " (" + std::to_string(t.refused) + " refused: no release in them)";
        s += "; " + plural(t.outputs, "output", "outputs");
        if (seconds > 0.05 && t.converted + t.failed > 0)
            s += "; " + clock_text(seconds) + ", " +
                 rate_text(static_cast<double>(t.converted + t.failed) / seconds) + " files/s";
    }
    std::vector<std::string> skipped;
    if (r.counts.excluded) skipped.push_back(std::to_string(r.counts.excluded) + " excluded");
    if (r.counts.hidden) skipped.push_back(std::to_string(r.counts.hidden) + " hidden");
    if (r.other_shards) skipped.push_back(std::to_string(r.other_shards) + " in other shards");
    if (!skipped.empty()) s += " (skipped: " + text::join(skipped, ", ") + ")";
    std::size_t problems = 0;
    for (const auto& d : r.report.walk)
        if (d.severity != Severity::note) ++problems;
    if (problems) s += "; " + plural(problems, "folder problem", "folder problems") + " reported";
    if (!r.report.pruned.empty())
        s += "; pruned the outputs of " + plural(r.report.pruned.size(), "deleted input", "deleted inputs");
    if (r.prune_skipped)
        s += "; --prune skipped: the walk reported a problem, and a folder it could not read "
             "would look deleted";
    return s;
}

// ------------------------------------------------------------------ Progress

Progress::Display Progress::choose_display(bool quiet) {
    if (quiet) return Display::none;
    return ::isatty(STDERR_FILENO) ? Display::bar : Display::lines;
}

Progress::Progress(Display display, Verbosity verbosity, std::ostream& err)
    : display_(display), verbosity_(verbosity), err_(err), start_(Clock::now()), last_line_(start_) {
    if (display_ != Display::none) ticker_ = std::thread([this] { tick_loop(); });
}

Progress::~Progress() { stop(); }

double Progress::seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

void Progress::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
        clear_locked();
    }
    wake_.notify_all();
    if (ticker_.joinable()) ticker_.join();
}

void Progress::tick_loop() {
    // The bar is redrawn ten times a second; plain lines every ten seconds.
    const auto period = display_ == Display::bar ? std::chrono::milliseconds(100) : std::chrono::milliseconds(500);
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, period);
        if (stopping_) break;
        if (display_ == Display::bar) {
            draw_locked();
        } else if (Clock::now() - last_line_ >= std::chrono::seconds(10)) {
            last_line_ = Clock::now();
            err_ << "pressroom: " << progress_line(counts_, seconds()) << "\n" << std::flush;
        }
    }
}

void Progress::draw_locked() {
    if (display_ != Display::bar || stopping_) return;
    err_ << "\r" << progress_bar(counts_, seconds(), terminal_width()) << "\x1b[K" << std::flush;
    bar_shown_ = true;
}

void Progress::clear_locked() {
    if (!bar_shown_) return;
    err_ << "\r\x1b[K" << std::flush;
    bar_shown_ = false;
}

void Progress::print_locked(const std::string& line) {
    clear_locked();
    err_ << line << "\n";
    err_.flush();
}

void Progress::message(const std::string& line) {
    std::lock_guard lock(mutex_);
    print_locked(line);
}

void Progress::found(std::size_t files_so_far) {
    std::lock_guard lock(mutex_);
    counts_.found = files_so_far;
}

void Progress::counted(std::size_t total) {
    std::lock_guard lock(mutex_);
    if (counts_.total_known) return;  // the walk ended first: its total stands
    counts_.total = total;
    counts_.total_known = true;
}

void Progress::walk_done(std::size_t total) {
    std::lock_guard lock(mutex_);
    counts_.total = total;
    counts_.total_known = true;
    draw_locked();  // the bar shows at once, not on the first tick: a short batch would end before it
}

void Progress::walk_problem(const Diagnostic& d) {
    if (d.severity == Severity::note && !verbosity_.verbose) return;
    if (d.severity == Severity::warning && verbosity_.quiet) return;
    std::lock_guard lock(mutex_);
    print_locked(format_diagnostic(d));
}

void Progress::finished(const pipeline::InputRecord& r, const std::filesystem::path& path) {
    std::lock_guard lock(mutex_);
    ++counts_.done;
    if (r.status == pipeline::Status::failed) ++counts_.failed;
    if (r.status == pipeline::Status::up_to_date) ++counts_.up_to_date;
    // Name the input as the user can open it, not by its path in the walk.
    const std::string shown = path.string();
    if (r.status != pipeline::Status::up_to_date && !r.unchanged) {
        for (Diagnostic d : r.diagnostics) {
            if (d.severity == Severity::note && !verbosity_.verbose) continue;
            if (d.severity == Severity::warning && verbosity_.quiet) continue;
            if (d.file == r.input) d.file = shown;
            print_locked(format_diagnostic(d));
        }
    }
    if (r.status == pipeline::Status::failed) {
        std::string error = r.error;
        if (text::starts_with(error, r.input + ":")) error = shown + error.substr(r.input.size());
        print_locked("pressroom: " + error + (r.unchanged ? " (unchanged since the last run)" : ""));
    }
}

}  // namespace pressroom::cli

// pressroom batch: the folder walk, sharding, stamps, progress, and the
// command driven as a user drives it over real folders (the corpus once,
// small trees of the samples otherwise): exit codes, what it prints, what
// it leaves on disk, and its report read back as JSON.
#include "base/hash.hpp"
#include "base/text.hpp"
#include "cli/progress.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/shard.hpp"
#include "pipeline/walk.hpp"
#include "pressroom/error.hpp"
#include "render/renderer.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

extern char** environ;

using namespace pressroom;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ../shared/corpus, or nothing (saying the test is skipped) when absent.
std::optional<fs::path> corpus_or_skip() {
    auto corpus = test::corpus_dir();
    if (!corpus) MESSAGE("skipped: ../shared/corpus not found");
    return corpus;
}

fs::path sample(const std::string& name) { return test::source_dir() / "samples" / name; }

// Every path the walk hands over, in order.
std::vector<std::string> walked(const std::vector<std::string>& roots, const pipeline::WalkOptions& options,
                                std::vector<Diagnostic>* problems = nullptr, pipeline::WalkCounts* counts = nullptr) {
    std::vector<std::string> out;
    pipeline::WalkCounts c;
    pipeline::walk(
        roots, options,
        [&](const pipeline::WalkItem& item) {
            out.push_back(item.rel);
            return true;
        },
        [&](Diagnostic d) {
            if (problems) problems->push_back(std::move(d));
        },
        c);
    if (counts) *counts = c;
    return out;
}

bool has_code(const std::vector<Diagnostic>& ds, const std::string& code, const std::string& file) {
    for (const auto& d : ds)
        if (d.code == code && d.file == file) return true;
    return false;
}

// Files under `dir` (relative paths), leaving out pressroom's own folder.
std::map<std::string, std::string> tree(const fs::path& dir, bool with_state = false) {
    std::map<std::string, std::string> out;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        const std::string rel = fs::relative(it->path(), dir).string();
        if (!with_state && rel.rfind(".pressroom", 0) == 0) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) out[rel] = test::read_file(it->path());
    }
    return out;
}

std::vector<std::string> temporaries(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename().string().find(".pressroom-tmp-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

std::size_t stamps(const fs::path& out) {
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(out / ".pressroom/stamps", ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.front() != '.' && it->path().extension() == ".json") ++n;
    }
    return n;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What a corpus run decided, from its report: the inputs converted (now or
// up to date from before), those refused as holding no release, and those
// that failed for any other reason (never right: named by the test).
struct Decisions {
    std::set<std::string> converted, refused, other_failures;
};
Decisions decisions(const json& report) {
    Decisions d;
    for (const auto& i : report.at("inputs")) {
        const std::string input = i.at("input").get<std::string>(), status = i.at("status").get<std::string>();
        if (status != "failed") d.converted.insert(input);
        else if (text::ends_with(i.at("error").get<std::string>(), ": no release text found")) d.refused.insert(input);
        else d.other_failures.insert(input + " (" + i.at("error").get<std::string>() + ")");
    }
    return d;
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// pressroom in the background, its standard error to a file.
pid_t start_pressroom(const std::vector<std::string>& args, const fs::path& err) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> argv{test::binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, raw[0], &fa, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits until `out` holds at least `n` stamps, or the process ended;
// true when it is still running with the stamps there.
bool wait_for_stamps(pid_t pid, const fs::path& out, std::size_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) return false;
        if (stamps(out) >= n) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

json read_json(const fs::path& p) { return json::parse(test::read_file(p)); }

// The report's shape, field by field: what consumers may rely on.
void check_report_schema(const json& r) {
    REQUIRE(r.is_object());
    CHECK(r.at("report") == "pressroom-batch/1");
    CHECK(r.at("pressroom").is_string());
    CHECK(r.at("formats").is_array());
    CHECK(r.at("complete").is_boolean());
    REQUIRE(r.at("inputs").is_array());
    std::string previous;
    for (const auto& i : r.at("inputs")) {
        const std::string input = i.at("input").get<std::string>();
        CHECK(input > previous);  // sorted, no duplicates
        previous = input;
        const std::string status = i.at("status").get<std::string>();
        CHECK((status == "converted" || status == "up-to-date" || status == "failed"));
        if (status == "failed") {
            CHECK(i.at("error").is_string());
            CHECK(i.at("outputs").empty());
        } else {
            const json& m = i.at("metadata");
            for (const char* k : {"title", "subtitle", "date", "agency", "office", "kind", "release_number", "dateline",
                                  "language"})
                CHECK(m.at(k).is_string());
            CHECK(m.at("contacts").is_array());
            CHECK(m.at("source").at("sha256").get<std::string>().size() == 64);
            CHECK_FALSE(i.at("outputs").empty());
        }
        for (const auto& o : i.at("outputs")) {
            CHECK(o.at("format").is_string());
            CHECK(o.at("path").is_string());
            CHECK(o.at("size").is_number_unsigned());
            CHECK(o.at("sha256").get<std::string>().size() == 64);
        }
        for (const auto& d : i.at("diagnostics")) {
            CHECK(d.at("severity").is_string());
            CHECK(d.at("code").is_string());
            CHECK(d.at("message").is_string());
            CHECK(d.at("file") == input);
            CHECK(d.at("line").is_number_unsigned());
        }
    }
    CHECK(r.at("walk").is_array());
    const json& t = r.at("totals");
    CHECK(t.at("inputs") == r.at("inputs").size());
    CHECK(t.at("converted").get<std::size_t>() + t.at("up_to_date").get<std::size_t>() + t.at("failed").get<std::size_t>() ==
          t.at("inputs").get<std::size_t>());
}

// Every output the report lists is on disk with its size and SHA-256.
void check_outputs_match(const json& r, const fs::path& out) {
    for (const auto& i : r.at("inputs"))
        for (const auto& o : i.at("outputs")) {
            const fs::path p = out / o.at("path").get<std::string>();
            REQUIRE(fs::exists(p));
            const std::string bytes = test::read_file(p);
            CHECK(bytes.size() == o.at("size").get<std::size_t>());
            CHECK(sha256_hex(bytes) == o.at("sha256").get<std::string>());
        }
}

}  // namespace

// ------------------------------------------------------------------ walking

TEST_CASE("walk: files in name order with globs and hidden entries and the output folder left out") {
    test::TempDir dir;
    for (const char* f : {"b.txt", "a/z.html", "a/b/c.txt", "a-c.md", ".hidden.txt", ".git/HEAD", "notes/skip.txt",
                          "out/old.xml", "a/readme.pdf"}) {
        fs::create_directories((dir / f).parent_path());
        test::write_file(dir / f, "x");
    }
    pipeline::WalkOptions all;
    std::vector<Diagnostic> problems;
    pipeline::WalkCounts counts;
    all.skip.push_back(dir / "out");
    auto files = walked({dir.path().string()}, all, &problems, &counts);
    // Each folder's names sorted bytewise, depth first: "a" and all in it before "a-c.md".
    CHECK(files == std::vector<std::string>{"a/b/c.txt", "a/readme.pdf", "a/z.html", "a-c.md", "b.txt", "notes/skip.txt"});
    CHECK(counts.hidden == 2);
    CHECK(has_code(problems, "walk-hidden", ".git"));
    CHECK(has_code(problems, "walk-hidden", ".hidden.txt"));
    CHECK(has_code(problems, "walk-output", "out"));

    pipeline::WalkOptions some;
    some.include = {"*.txt", "*.html"};
    some.exclude = {"notes"};
    auto chosen = walked({dir.path().string()}, some, nullptr, &counts);
    CHECK(chosen == std::vector<std::string>{"a/b/c.txt", "a/z.html", "b.txt"});
    CHECK(counts.excluded == 4);  // a/readme.pdf, a-c.md, notes/, out/old.xml
    // A glob with a '/' is matched against the whole relative path.
    pipeline::WalkOptions path_glob;
    path_glob.include = {"a/*"};
    CHECK(walked({dir.path().string()}, path_glob) == std::vector<std::string>{"a/b/c.txt", "a/readme.pdf", "a/z.html"});
    // A file given as a root is taken whatever the globs say, under its own name.
    CHECK(walked({(dir / "a/readme.pdf").string()}, some) == std::vector<std::string>{"readme.pdf"});
}

TEST_CASE("walk: link loops and broken links and missing roots are reported and the walk goes on") {
    test::TempDir dir;
    fs::create_directories(dir / "tree/sub");
    test::write_file(dir / "tree/sub/a.txt", "x");
    test::write_file(dir / "tree/z.txt", "x");
    fs::create_directory_symlink("..", dir / "tree/sub/up");           // a loop
    fs::create_directory_symlink("sub", dir / "tree/tub");            // the same folder twice
    fs::create_symlink("nowhere.txt", dir / "tree/broken.txt");       // a link to nothing
    fs::create_symlink("self", dir / "tree/self");                    // a link to itself
    std::vector<Diagnostic> problems;
    auto files = walked({(dir / "tree").string(), (dir / "missing").string()}, {}, &problems);
    CHECK(files == std::vector<std::string>{"sub/a.txt", "z.txt"});
    CHECK(has_code(problems, "walk-loop", "sub/up"));
    CHECK(has_code(problems, "walk-seen", "tub"));
    CHECK(has_code(problems, "walk-broken-link", "broken.txt"));
    CHECK(has_code(problems, "walk-loop", "self"));
    CHECK(has_code(problems, "walk-missing", (dir / "missing").string()));
    if (geteuid() == 0) {
        // Root reads any folder it makes; a folder of the kernel's that
        // even root may not list stands in, when there is one.
        std::error_code ec;
        fs::directory_iterator probe("/proc/1/map_files", ec);
        if (!ec) {
            for (; !ec && probe != fs::directory_iterator(); probe.increment(ec)) {
            }
        }
        if (!ec) {
            MESSAGE("unreadable folder not checked: running as root, which reads any folder");
            return;
        }
        fs::create_directory_symlink("/proc/1/map_files", dir / "tree/locked");
    } else {
        fs::create_directories(dir / "tree/locked");
        test::write_file(dir / "tree/locked/x.txt", "x");
        fs::permissions(dir / "tree/locked", fs::perms::none);
    }
    problems.clear();
    files = walked({(dir / "tree").string()}, {}, &problems);
    CHECK(files == std::vector<std::string>{"sub/a.txt", "z.txt"});
    CHECK(has_code(problems, "walk-unreadable", "locked"));
}

// ------------------------------------------------------------------ sharding

TEST_CASE("shard: membership depends on the name only and keeps inputs with the same outputs together") {
    CHECK(pipeline::parse_shard("2/4") == pipeline::Shard{2, 4});
    for (const char* bad : {"0/4", "5/4", "4", "a/b", "1/0", "1/4x", "-1/4", "1/100000"})
        CHECK_THROWS_AS(pipeline::parse_shard(bad), Error);
    std::vector<std::string> names;
    for (int i = 0; i < 2000; ++i) names.push_back("dir" + std::to_string(i % 7) + "/release-" + std::to_string(i) + ".txt");
    std::map<std::string, std::uint32_t> before;
    std::vector<int> sizes(4, 0);
    for (const auto& n : names) {
        before[n] = pipeline::shard_of(n, 4);
        REQUIRE(before[n] >= 1);
        REQUIRE(before[n] <= 4);
        ++sizes[before[n] - 1];
    }
    for (int s : sizes) CHECK((s > 400 && s < 600));  // about a quarter each
    // Adding files moves none of the others.
    for (int i = 0; i < 500; ++i) names.push_back("new/" + std::to_string(i) + ".html");
    for (const auto& [n, k] : before) CHECK(pipeline::shard_of(n, 4) == k);
    // Inputs that would write the same files go to the same shard.
    CHECK(pipeline::output_key("sub/a.txt") == "sub/a");
    for (int i = 0; i < 50; ++i) {
        const std::string stem = "f/x" + std::to_string(i);
        CHECK(pipeline::shard_of(stem + ".txt", 7) == pipeline::shard_of(stem + ".html", 7));
    }
}

// ------------------------------------------------------------------ progress

TEST_CASE("progress: the bar and the line say done and total and failures and rate and time left") {
    cli::ProgressCounts c;
    c.found = 40;
    c.done = 10;
    c.failed = 2;
    std::string walking = cli::progress_bar(c, 5.0, 80);
    CHECK(walking.find("10/40+") != std::string::npos);  // the total is not known yet
    CHECK(walking.find("2 failed") != std::string::npos);
    CHECK(walking.find("2.0 files/s") != std::string::npos);
    CHECK(walking.find("ETA") == std::string::npos);
    c.total = 100;
    c.total_known = true;
    std::string bar = cli::progress_bar(c, 5.0, 80);
    CHECK(bar.rfind("[===", 0) == 0);
    CHECK(bar.find("> ") != std::string::npos);
    CHECK(bar.find("10/100") != std::string::npos);
    CHECK(bar.find("ETA 0:45") != std::string::npos);
    CHECK(bar.size() <= 80);
    CHECK(cli::progress_bar(c, 5.0, 30).size() <= 30);
    CHECK(cli::progress_line(c, 5.0) == "10/100 inputs done, 2 failed, 2.0 files/s, about 0:45 left");
}

// ------------------------------------------------------------------ the command

// The corpus tests below rely on this helper to name what disagrees with
// expected/: it must find every kind of disagreement, and only those.
TEST_CASE("corpus_decisions_differ names the files whose decision disagrees with expected/") {
    const std::vector<test::CorpusExpectation> expected{{"a.txt", true}, {"b.html", true}, {"c.md", false}, {"d.txt", false}};
    CHECK(test::corpus_files(expected, true) == std::set<std::string>{"a.txt", "b.html"});
    CHECK(test::corpus_files(expected, false) == std::set<std::string>{"c.md", "d.txt"});
    CHECK(test::corpus_decisions_differ(expected, {"a.txt", "b.html"}, {"c.md", "d.txt"}).empty());
    const std::string all_wrong = test::corpus_decisions_differ(expected, {"c.md", "x.txt"}, {"b.html"});
    CHECK(all_wrong == "1 non-releases converted (is_release false in expected/): c.md\n"
                       "1 releases refused (is_release true in expected/): b.html\n"
                       "2 inputs of expected/ neither converted nor refused: a.txt d.txt\n"
                       "1 inputs converted or refused that expected/ does not list: x.txt\n");
}

// Every count and name comes from the corpus itself (raw/ and expected/),
// which grows. The converted and refused sets must be what expected/ says;
// until the normalizer decides every input right, that one check fails and
// names the files (the rest of the test does not depend on it).
TEST_CASE("batch: the corpus converts every release and names the non-releases and a second run does no work") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    const auto expected = test::corpus_expectations(*corpus);
    const auto raw = test::corpus_raw_names(*corpus);
    CHECK_MESSAGE(expected.size() == raw.size(), "every raw input has an expectation in expected/");
    test::TempDir dir;
    const fs::path out = dir / "out";
    auto r = test::pressroom({"batch", (*corpus / "raw").string(), "-o", out.string(), "-j", "2", "--report",
                              (dir / "r.json").string()});

    const json report = read_json(dir / "r.json");
    check_report_schema(report);
    CHECK(report.at("complete") == true);
    const Decisions d = decisions(report);
    CHECK_MESSAGE(d.other_failures.empty(), "failed other than as non-releases: " << joined(d.other_failures));
    CHECK_MESSAGE(test::corpus_decisions_differ(expected, d.converted, d.refused).empty(),
                  "the batch's decisions differ from expected/:\n"
                      << test::corpus_decisions_differ(expected, d.converted, d.refused));
    // What it did is what it says, on its standard error and in the report.
    const std::size_t converted = d.converted.size(), failed = raw.size() - converted;
    CHECK(r.status == (failed ? 1 : 0));
    CHECK(report.at("totals").at("inputs") == raw.size());
    CHECK(report.at("totals").at("converted") == converted);
    CHECK(report.at("totals").at("failed") == failed);
    CHECK(report.at("totals").at("outputs") == 2 * converted);
    // Every failure is a refusal (d.other_failures is empty), and the
    // summary counts them apart.
    const std::string refused =
        d.refused.empty() ? "" : " (" + std::to_string(d.refused.size()) + " refused: no release in them)";
    CHECK_MESSAGE(
        r.err.find("pressroom batch: " + plural(raw.size(), "input", "inputs") + ": " + std::to_string(converted) +
                   " converted, " + std::to_string(failed) + " failed" + refused + "; " +
                   plural(2 * converted, "output", "outputs")) != std::string::npos,
        r.err.substr(r.err.rfind("pressroom batch:") == std::string::npos ? 0 : r.err.rfind("pressroom batch:")));
    for (const auto& name : d.refused)
        CHECK(r.err.find("pressroom: " + (*corpus / "raw" / name).string() + ": no release text found") != std::string::npos);
    for (const auto& i : report.at("inputs")) {
        CHECK(raw.count(i.at("input").get<std::string>()) == 1);
        if (i.at("status") == "converted") CHECK(i.at("outputs").size() == 2);
    }
    check_outputs_match(report, out);
    CHECK(tree(out).size() == 2 * converted);
    // No path of this machine in the report.
    CHECK(test::read_file(dir / "r.json").find(corpus->string()) == std::string::npos);
    CHECK(temporaries(out).empty());

    // Again: nothing is converted, nothing is written, and it says so.
    std::map<std::string, fs::file_time_type> times;
    for (const auto& e : fs::recursive_directory_iterator(out)) times[e.path().string()] = e.last_write_time();
    auto again = test::pressroom({"batch", (*corpus / "raw").string(), "-o", out.string(), "-j", "2", "--report",
                                  (dir / "r2.json").string()});
    CHECK(again.status == r.status);
    CHECK(
        again.err.find(
            "pressroom batch: nothing to do: " + plural(raw.size(), "input", "inputs") + ", " +
            std::to_string(converted) + " up to date" +
            (failed ? ", " + std::to_string(failed) + " failed as before (unchanged" +
                          (d.refused.empty() ? "" : ", " + std::to_string(d.refused.size()) + " of them refused") + ")"
                    : "")) != std::string::npos);
    for (const auto& name : d.refused)
        CHECK(again.err.find((*corpus / "raw" / name).string() + ": no release text found (unchanged since the last run)") !=
              std::string::npos);
    for (const auto& e : fs::recursive_directory_iterator(out)) CHECK(times.at(e.path().string()) == e.last_write_time());
    const json second = read_json(dir / "r2.json");
    check_report_schema(second);
    CHECK(second.at("totals").at("up_to_date") == converted);
    CHECK(second.at("totals").at("converted") == 0);
    CHECK(second.at("totals").at("failed") == failed);
    // The same entries, but for their status.
    REQUIRE(second.at("inputs").size() == report.at("inputs").size());
    for (std::size_t k = 0; k < report.at("inputs").size(); ++k) {
        json a = report.at("inputs")[k], b = second.at("inputs")[k];
        a.erase("status");
        b.erase("status");
        b.erase("unchanged");
        CHECK(a == b);
    }
}

TEST_CASE("batch: a SIGKILL mid-way leaves no truncated output and the rerun completes the work") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    const auto expected = test::corpus_expectations(*corpus);
    const auto raw = test::corpus_raw_names(*corpus);
    test::TempDir dir;
    const fs::path out = dir / "out";
    // Every format on one thread: slow enough to be caught mid-way.
    pid_t pid = start_pressroom({"batch", "-q", "-t", "all", "-j", "1", (*corpus / "raw").string(), "-o", out.string()},
                                dir / "err.txt");
    const bool caught = wait_for_stamps(pid, out, 5);
    ::kill(pid, SIGKILL);
    const int status = wait_for(pid);
    REQUIRE_MESSAGE(caught, "the batch ended before it could be killed");
    CHECK(status == 128 + SIGKILL);
    const std::size_t done = stamps(out);  // inputs the killed run finished, converted or refused
    CHECK(done < raw.size());
    const auto after_kill = tree(out);
    CHECK_FALSE(after_kill.empty());

    auto rerun = test::pressroom({"batch", "-t", "all", "-j", "2", (*corpus / "raw").string(), "-o", out.string(),
                                  "--report", (dir / "r.json").string()});
    const json report = read_json(dir / "r.json");
    check_report_schema(report);
    CHECK(report.at("complete") == true);
    const auto& totals = report.at("totals");
    const auto up_to_date = totals.at("up_to_date").get<std::size_t>();
    const auto converted = totals.at("converted").get<std::size_t>();
    const auto failed = totals.at("failed").get<std::size_t>();
    CHECK(rerun.status == (failed ? 1 : 0));
    CHECK(totals.at("inputs") == raw.size());
    CHECK(up_to_date >= 3);             // what the killed run finished was kept...
    CHECK(up_to_date <= done);
    CHECK(converted >= raw.size() - done - failed);  // ...the rest done now
    const Decisions d = decisions(report);
    CHECK_MESSAGE(d.other_failures.empty(), "failed other than as non-releases: " << joined(d.other_failures));
    CHECK_MESSAGE(test::corpus_decisions_differ(expected, d.converted, d.refused).empty(),
                  "the rerun's decisions differ from expected/:\n"
                      << test::corpus_decisions_differ(expected, d.converted, d.refused));
    check_outputs_match(report, out);
    // Whatever the kill left in place was whole: the same bytes a complete run gives.
    const auto complete = tree(out);
    for (const auto& [path, bytes] : after_kill) {
        if (path.find(".pressroom-tmp-") != std::string::npos) continue;  // swept by the rerun
        INFO(path);
        REQUIRE(complete.count(path));
        CHECK(complete.at(path) == bytes);
    }
    CHECK(temporaries(out).empty());
    // Every release in every format, nothing else.
    CHECK(complete.size() == (converted + up_to_date) * render::formats().size());
}

TEST_CASE("batch: SIGTERM stops after the files in progress with exit 143 and a report marked incomplete") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    test::TempDir dir;
    const fs::path out = dir / "out";
    pid_t pid = start_pressroom({"batch", "-t", "all", "-j", "2", (*corpus / "raw").string(), "-o", out.string(),
                                 "--report", (dir / "r.json").string()},
                                dir / "err.txt");
    const bool caught = wait_for_stamps(pid, out, 3);
    ::kill(pid, SIGTERM);
    const int status = wait_for(pid);
    REQUIRE_MESSAGE(caught, "the batch ended before it could be stopped");
    CHECK(status == 143);
    CHECK(test::read_file(dir / "err.txt").find("pressroom batch: interrupted (signal 15)") != std::string::npos);
    CHECK(temporaries(out).empty());
    const json report = read_json(dir / "r.json");
    CHECK(report.at("complete") == false);
    CHECK(report.at("inputs").size() < test::corpus_raw_names(*corpus).size());
    CHECK(report.at("inputs").size() == stamps(out));
    check_outputs_match(report, out);
}

TEST_CASE("batch: only changed inputs are converted again and --force and other options redo all") {
    test::TempDir dir;
    fs::create_directories(dir / "in/sub");
    fs::copy_file(sample("dod-105-13.txt"), dir / "in/dod.txt");
    fs::copy_file(sample("northbay-harbor-24-031.txt"), dir / "in/sub/harbor.txt");
    fs::copy_file(sample("springfield-parks-summer-programs.txt"), dir / "in/sub/parks.txt");
    const std::string in = (dir / "in").string(), out = (dir / "out").string();
    auto first = test::pressroom({"batch", in, "-o", out, "--report", (dir / "r.json").string()});
    CHECK(first.status == 0);
    CHECK(first.err.find("3 inputs: 3 converted, 0 failed; 6 outputs") != std::string::npos);
    // The output tree mirrors the input tree, and the report names inputs inside it.
    for (const char* f : {"dod.xml", "dod.txt", "sub/harbor.xml", "sub/harbor.txt", "sub/parks.xml", "sub/parks.txt"})
        CHECK(fs::exists(dir / "out" / f));
    const json report = read_json(dir / "r.json");
    CHECK(report.at("inputs")[1].at("input") == "sub/harbor.txt");
    CHECK(report.at("inputs")[1].at("outputs")[0].at("path") == "sub/harbor.xml");
    CHECK(test::read_file(dir / "r.json").find(dir.path().string()) == std::string::npos);

    // A changed input, and the leftovers of a killed run (a temporary of a
    // process that no longer runs) next to a temporary of a running one.
    test::write_file(dir / "in/sub/parks.txt", test::read_file(dir / "in/sub/parks.txt") + "\nOne more paragraph.\n");
    test::write_file(dir / "out/sub/.parks.xml.pressroom-tmp-2147483646-0", "partial");
    const std::string alive = ".dod.xml.pressroom-tmp-" + std::to_string(::getpid()) + "-0";
    test::write_file(dir / "out" / alive, "in progress elsewhere");
    auto second = test::pressroom({"batch", in, "-o", out});
    CHECK(second.status == 0);
    CHECK(second.err.find("3 inputs: 1 converted, 2 up to date, 0 failed") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out/sub/.parks.xml.pressroom-tmp-2147483646-0"));
    CHECK(fs::exists(dir / "out" / alive));
    fs::remove(dir / "out" / alive);
    // The XML names the source it was made from: the new bytes.
    CHECK(test::read_file(dir / "out/sub/parks.xml").find(sha256_hex(test::read_file(dir / "in/sub/parks.txt"))) !=
          std::string::npos);

    CHECK(test::pressroom({"batch", in, "-o", out}).err.find("nothing to do: 3 inputs, 3 up to date") != std::string::npos);
    CHECK(test::pressroom({"batch", in, "-o", out, "--force"}).err.find("3 inputs: 3 converted") != std::string::npos);
    CHECK(test::pressroom({"batch", in, "-o", out, "-w", "60"}).err.find("3 inputs: 3 converted") != std::string::npos);
    CHECK(test::pressroom({"batch", in, "-o", out, "-w", "60", "-t", "txt"}).err.find("3 converted") != std::string::npos);
    // A deleted output is made again.
    fs::remove(dir / "out/dod.txt");
    CHECK(test::pressroom({"batch", in, "-o", out, "-w", "60", "-t", "txt"}).err.find("1 converted, 2 up to date") !=
          std::string::npos);
    CHECK(fs::exists(dir / "out/dod.txt"));
}

TEST_CASE("batch: an input that fails now loses the outputs an older version of it had") {
    test::TempDir dir;
    fs::create_directories(dir / "in");
    fs::copy_file(sample("dod-105-13.txt"), dir / "in/dod.txt");
    const std::string in = (dir / "in").string(), out = (dir / "out").string();
    CHECK(test::pressroom({"batch", in, "-o", out}).status == 0);
    CHECK(fs::exists(dir / "out/dod.xml"));
    test::write_file(dir / "in/dod.txt", "Bookmark and Share\n");
    auto r = test::pressroom({"batch", in, "-o", out});
    CHECK(r.status == 1);
    CHECK(r.err.find((dir / "in/dod.txt").string() + ": no release text found") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out/dod.xml"));
    CHECK_FALSE(fs::exists(dir / "out/dod.txt"));
}

TEST_CASE("batch: inputs that would write the same outputs fail by name and the first in name order wins") {
    test::TempDir dir;
    fs::create_directories(dir / "in");
    fs::copy_file(sample("dod-105-13.txt"), dir / "in/release.txt");
    fs::copy_file(sample("northbay-harbor-24-031.txt"), dir / "in/release.md");
    auto r = test::pressroom({"batch", (dir / "in").string(), "-o", (dir / "out").string(), "--report",
                              (dir / "r.json").string()});
    CHECK(r.status == 1);
    CHECK(r.err.find((dir / "in/release.txt").string() + ": its outputs would overwrite those of release.md") !=
          std::string::npos);
    const json report = read_json(dir / "r.json");
    CHECK(report.at("inputs")[0].at("input") == "release.md");
    CHECK(report.at("inputs")[0].at("status") == "converted");
    CHECK(report.at("inputs")[1].at("status") == "failed");
    CHECK(test::read_file(dir / "out/release.txt").find("Harbor") != std::string::npos);
}

TEST_CASE("batch: --shard K/N splits the inputs without overlap and without loss") {
    test::TempDir dir;
    fs::create_directories(dir / "in");
    for (int i = 0; i < 12; ++i) fs::copy_file(sample("dod-105-13.txt"), dir / "in" / ("r" + std::to_string(i) + ".txt"));
    std::set<std::string> seen;
    for (int k = 1; k <= 3; ++k) {
        const fs::path report = dir / ("r" + std::to_string(k) + ".json");
        auto r = test::pressroom({"batch", (dir / "in").string(), "-o", (dir / ("out" + std::to_string(k))).string(),
                                  "--shard", std::to_string(k) + "/3", "--report", report.string()});
        CHECK(r.status == 0);
        const json j = read_json(report);
        for (const auto& i : j.at("inputs")) CHECK(seen.insert(i.at("input").get<std::string>()).second);
        CHECK(j.at("inputs").size() < 12);  // a part, not all
    }
    CHECK(seen.size() == 12);
}

TEST_CASE("batch: usage errors exit 2") {
    const std::string in = (test::source_dir() / "samples").string();
    CHECK(test::pressroom({"batch", in}).status == 2);                                   // no -o
    CHECK(test::pressroom({"batch", "-o", "/tmp/never"}).status == 2);                   // no folder
    CHECK(test::pressroom({"batch", in, "-o", "/tmp/never", "--shard", "5/4"}).status == 2);
    CHECK(test::pressroom({"batch", in, "-o", "/tmp/never", "-j", "5000"}).status == 2);
    CHECK(test::pressroom({"batch", in, "-o", "/tmp/never", "-t", "odt"}).status == 2);
    CHECK_FALSE(fs::exists("/tmp/never"));
    auto help = test::pressroom({"batch", "--help"});
    CHECK(help.status == 0);
    for (const char* s : {"--include", "--exclude", "--jobs", "--force", "--report", "--shard", "Examples:"})
        CHECK(help.out.find(s) != std::string::npos);
}

TEST_CASE("batch: a progress bar on a terminal and none with --quiet") {
    if (!test::have_program("script")) {
        MESSAGE("skipped: script(1) not installed to give the batch a terminal");
        return;
    }
    test::TempDir dir;
    const std::string cmd = test::binary().string() + " batch " + (test::source_dir() / "samples").string() + " -o " +
                            (dir / "out").string() + " -t all -j 1";
    auto tty = test::run({"script", "-qec", cmd, "/dev/null"});
    CHECK(tty.status == 0);
    CHECK(tty.out.find("\r[") != std::string::npos);  // the bar, redrawn in place
    CHECK(tty.out.find("/3\x1b[K") != std::string::npos);  // done of the total, then the rest of the line cleared
    CHECK(tty.out.find("pressroom batch: 3 inputs: 3 converted") != std::string::npos);
    auto quiet = test::run({"script", "-qec", cmd + " --force -q", "/dev/null"});
    CHECK(quiet.status == 0);
    CHECK(quiet.out.find("\r[") == std::string::npos);
    CHECK(quiet.out.find("pressroom batch:") == std::string::npos);
}

TEST_CASE("batch: the library runs a batch without a shell and the observer sees every input") {
    test::TempDir dir;
    struct Seen : pipeline::BatchObserver {
        std::vector<std::string> inputs;
        std::size_t total = 0;
        void walk_done(std::size_t n) override { total = n; }
        void finished(const pipeline::InputRecord& r, const fs::path&) override { inputs.push_back(r.input); }
    } seen;
    pipeline::BatchOptions o;
    o.roots = {(test::source_dir() / "samples").string()};
    o.out_dir = dir / "out";
    o.jobs = 3;
    auto result = pipeline::run_batch(o, seen);
    CHECK(result.exit_code() == 0);
    CHECK(seen.total == 3);
    CHECK(seen.inputs.size() == 3);
    CHECK(result.report.totals().converted == 3);
    // A stop flag set before the start converts nothing and says why.
    std::atomic<int> stop{SIGINT};
    o.stop = &stop;
    o.force = true;
    auto stopped = pipeline::run_batch(o, seen);
    CHECK(stopped.stopped_by == SIGINT);
    CHECK(stopped.exit_code() == 130);
    CHECK(stopped.report.inputs.empty());
    CHECK_FALSE(stopped.report.complete);
}

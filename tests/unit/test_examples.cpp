// Every command shown to users is run (issue 14), as cmark runs its spec:
// the examples are tests. The commands are taken from where users read
// them: README.md's sh blocks, `pressroom --help` and each command's
// --help, and the man page. Each runs with bash (set -e, pipefail) in a
// fresh copy of a scratch folder holding the files the examples name
// (tests/examples/, the samples, converted XML, shard bundles), with the
// built pressroom first on PATH. An example that exits non-zero fails.
#include "support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {

struct Example {
    std::string where;    // "README.md:47", "pressroom convert --help"
    std::string command;  // as shown, without its comment
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// "pressroom convert x   # what it does" -> "pressroom convert x". A comment
// starts at a '#' after white space, outside quotes.
std::string without_comment(const std::string& line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
            return trim(line.substr(0, i));
        }
    }
    return trim(line);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// The lines after "Examples:" in --help, to the first blank line.
std::vector<std::string> help_examples(const std::string& help) {
    std::vector<std::string> out;
    bool in = false;
    for (const auto& l : lines_of(help)) {
        if (l == "Examples:") {
            in = true;
            continue;
        }
        if (!in) continue;
        if (trim(l).empty()) break;
        out.push_back(without_comment(l));
    }
    return out;
}

// The scratch folder every example starts from, made once.
const fs::path& scratch_template() {
    static test::TempDir dir;
    static const fs::path t = [] {
        const fs::path root = dir / "template";
        const fs::path src = test::source_dir();
        fs::create_directories(root / "bin");
        fs::create_symlink(test::binary(), root / "bin/pressroom");
        fs::copy_file(src / "samples/dod-105-13.txt", root / "release.txt");
        fs::copy_file(src / "samples/northbay-harbor-24-031.txt", root / "page.txt");
        fs::copy_file(src / "tests/fuzz/seeds/page.html", root / "page.html");
        for (const auto& e : fs::directory_iterator(src / "tests/examples"))
            fs::copy_file(e.path(), root / e.path().filename());
        fs::create_directories(root / "releases/2024");
        for (const auto& e : fs::directory_iterator(src / "samples"))
            fs::copy_file(e.path(), root / "releases" / e.path().filename());
        fs::copy_file(src / "tests/fuzz/seeds/page.html", root / "releases/2024/harbor.html");
        // What examples read that others write: release XML in out/.
        auto r = test::pressroom({"convert", "-o", "out", "release.txt"}, {}, {}, root);
        REQUIRE(r.status == 0);
        return root;
    }();
    return t;
}

// The shard bundles a merge example joins (made for those examples only:
// four bundles take a while).
void add_shard_bundles(const fs::path& folder) {
    for (int k = 1; k <= 4; ++k) {
        const std::string n = std::to_string(k);
        auto r = test::pressroom({"bundle", "-q", "releases/", "--shard", n + "/4", "-o", "shard-" + n + ".zip"}, {},
                                 {}, folder);
        REQUIRE(r.status == 0);
    }
}

// Runs one example in a fresh copy of the template.
void run_example(const Example& e) {
    test::TempDir dir;
    fs::copy(scratch_template(), dir / "w", fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    if (e.command.find("--merge") != std::string::npos) add_shard_bundles(dir / "w");
    const std::string path = (dir / "w/bin").string() + ":/usr/local/bin:/usr/bin:/bin";
    auto r = test::run({"bash", "-c", "set -eo pipefail\n" + e.command}, {}, {"PATH=" + path, "SOURCE_DATE_EPOCH="},
                       dir / "w");
    CHECK_MESSAGE(r.status == 0, e.where << ": `" << e.command << "` exited " << r.status << "\n" << r.err);
}

// Commands the README shows that are not pressroom's, and where each is run.
const std::map<std::string, std::string>& run_elsewhere() {
    static const std::map<std::string, std::string> m = {
        {"scripts/demo", "../shared/tools/fresh-check runs it on a fresh Debian 12"},
        {"scripts/test", "CI (.ci/run) and ../shared/tools/fresh-check run it"},
        {"cmake --preset release && cmake --build --preset release", "scripts/demo runs it"},
        {"cmake --install build-release --prefix /opt/pressroom", "test_install.cpp installs a build the same way"},
        {"cpack --config build-release/CPackConfig.cmake -G DEB", "test_install.cpp makes and checks the .deb"},
    };
    return m;
}

bool is_pressroom_command(const std::string& command) {
    std::istringstream in(command);
    std::string word;
    while (in >> word) {
        if (word.find('=') != std::string::npos && word.front() != '-') continue;  // VAR=value before it
        return word == "pressroom" || word == "cat";                               // "cat page.txt | pressroom ..."
    }
    return false;
}

std::vector<Example> readme_examples() {
    std::vector<Example> out;
    const auto lines = lines_of(test::read_file(test::source_dir() / "README.md"));
    bool in_sh = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        if (l.rfind("```", 0) == 0) {
            in_sh = !in_sh && l == "```sh";
            continue;
        }
        if (!in_sh) continue;
        const std::string c = without_comment(l);
        if (!c.empty()) out.push_back({"README.md:" + std::to_string(i + 1), c});
    }
    return out;
}

}  // namespace

TEST_CASE("examples: every command in README.md runs") {
    const auto examples = readme_examples();
    REQUIRE(examples.size() > 20);
    std::size_t ran = 0;
    for (const auto& e : examples) {
        if (is_pressroom_command(e.command)) {
            run_example(e);
            ++ran;
        } else {
            // Not pressroom's: it must be known, with where it is run.
            CHECK_MESSAGE(run_elsewhere().count(e.command),
                          e.where << ": `" << e.command << "` is neither pressroom's nor in run_elsewhere()");
        }
    }
    CHECK(ran + run_elsewhere().size() == examples.size());
}

TEST_CASE("examples: every command in pressroom --help runs") {
    auto help = test::pressroom({"--help"});
    REQUIRE(help.status == 0);
    const auto examples = help_examples(help.out);
    REQUIRE(examples.size() >= 5);
    for (const auto& c : examples) run_example({"pressroom --help", c});
}

// One test case per command, so ctest runs them side by side; the list is
// checked against the commands --help lists.
const std::vector<std::string> command_names = {"convert", "batch", "bundle", "validate", "inspect", "rules"};

TEST_CASE("examples: the commands checked are the commands there are") {
    auto help = test::pressroom({"--help"});
    std::vector<std::string> listed;
    bool in = false;
    for (const auto& l : lines_of(help.out)) {
        if (l == "Commands:") in = true;
        else if (in && trim(l).empty()) break;
        else if (in) listed.push_back(trim(l).substr(0, trim(l).find(' ')));
    }
    CHECK(listed == command_names);
}

TEST_CASE("examples: every command in convert --help runs") {
    for (const auto& c : help_examples(test::pressroom({"convert", "--help"}).out)) run_example({"convert --help", c});
}
TEST_CASE("examples: every command in batch --help runs") {
    for (const auto& c : help_examples(test::pressroom({"batch", "--help"}).out)) run_example({"batch --help", c});
}
TEST_CASE("examples: every command in bundle --help runs") {
    for (const auto& c : help_examples(test::pressroom({"bundle", "--help"}).out)) run_example({"bundle --help", c});
}
TEST_CASE("examples: every command in validate and inspect and rules --help runs") {
    for (const char* name : {"validate", "inspect", "rules"})
        for (const auto& c : help_examples(test::pressroom({name, "--help"}).out))
            run_example({std::string(name) + " --help", c});
}

TEST_CASE("examples: the man page's examples are --help's (so run above) - any other runs here") {
    auto man = test::pressroom({"--man-page"});
    REQUIRE(man.status == 0);
    std::set<std::string> from_help;
    for (const auto& name : command_names)
        for (const auto& c : help_examples(test::pressroom({name, "--help"}).out)) from_help.insert(c);
    std::set<std::string> from_man;
    bool in = false;
    for (const auto& l : lines_of(man.out)) {
        if (l == ".nf") in = true;
        else if (l == ".fi") in = false;
        else if (in) {
            // roff back to text: "\-" is '-', "\e" a backslash, "\&" nothing.
            std::string text;
            for (std::size_t i = 0; i < l.size(); ++i) {
                if (l[i] == '\\' && i + 1 < l.size()) {
                    const char n = l[++i];
                    if (n == '-') text += '-';
                    else if (n == 'e') text += '\\';
                    else if (n != '&') text += n;
                } else {
                    text += l[i];
                }
            }
            const std::string c = without_comment(text);
            if (c.empty()) continue;
            from_man.insert(c);
            if (!from_help.count(c)) run_example({"pressroom --man-page", c});
        }
    }
    CHECK(from_man == from_help);
}

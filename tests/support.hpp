// Helpers shared by the test files: paths of the source tree, the corpus and
// the built binary, running a command and capturing what it printed.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pressroom::test {

std::filesystem::path source_dir();  // the checkout
std::filesystem::path binary();      // build/pressroom
// ../shared/corpus next to the checkout, when present (tests that need it skip otherwise).
std::optional<std::filesystem::path> corpus_dir();

// The corpus's raw inputs, sorted by name. With PRESSROOM_CORPUS_LIMIT=N
// (the sanitizer preset sets it: a corpus-wide test there takes ten times
// as long), N of them spread evenly over the list, so every agency's pages
// still come up.
std::vector<std::filesystem::path> corpus_inputs(const std::filesystem::path& corpus);

// The names of every file in the corpus's raw/ (all of them, whatever
// PRESSROOM_CORPUS_LIMIT says; hidden files left out, as batch skips them).
std::set<std::string> corpus_raw_names(const std::filesystem::path& corpus);

// What the corpus's expected/NAME.json says of one raw input: whether it is
// a release (to be converted) or not (to be refused). Tests derive every
// count and every name from these, never from figures written in the test:
// the corpus grows.
struct CorpusExpectation {
    std::string file;  // the raw input's name (the json's "file"), in raw/
    bool is_release = true;
};
// Every expectation of `corpus` (expected/*.json), sorted by file name. An
// absent "is_release" means true, as the corpus's score script reads it.
// Throws std::runtime_error for a json without "file" or naming a file that
// raw/ does not have.
std::vector<CorpusExpectation> corpus_expectations(const std::filesystem::path& corpus);
// The files expected/ says are releases (is_release true), or are not.
std::set<std::string> corpus_files(const std::vector<CorpusExpectation>& expected, bool is_release);
// How a run's decisions differ from expected/: empty when `converted` is
// exactly the releases and `refused` exactly the non-releases; otherwise a
// message naming, one group per line, the non-releases converted, the
// releases refused, the files expected/ has that the run neither converted
// nor refused, and the files the run handled that expected/ does not have.
std::string corpus_decisions_differ(const std::vector<CorpusExpectation>& expected,
                                    const std::set<std::string>& converted, const std::set<std::string>& refused);

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& bytes);

// A fresh empty folder under the system temp dir, removed on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct RunResult {
    int status = -1;  // exit status, or 128+signal
    std::string out;
    std::string err;
};

// Runs argv[0] with the arguments (no shell), optional stdin text, extra
// environment entries ("NAME=value"), in `cwd` when given.
RunResult run(const std::vector<std::string>& argv, const std::string& input = {},
              const std::vector<std::string>& env = {}, const std::filesystem::path& cwd = {});

// Runs build/pressroom with the arguments.
RunResult pressroom(const std::vector<std::string>& args, const std::string& input = {},
                    const std::vector<std::string>& env = {}, const std::filesystem::path& cwd = {});

// True if `program` is on PATH.
bool have_program(const std::string& program);

}  // namespace pressroom::test

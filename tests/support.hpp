// Helpers shared by the test files: paths of the source tree, the corpus and
// the built binary, running a command and capturing what it printed.
#pragma once

#include <filesystem>
#include <optional>
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

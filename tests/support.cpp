#include "support.hpp"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace pressroom::test {

namespace fs = std::filesystem;

fs::path source_dir() { return PRESSROOM_SOURCE_DIR; }
fs::path binary() { return PRESSROOM_BINARY; }

std::optional<fs::path> corpus_dir() {
    if (const char* env = std::getenv("PRESSROOM_CORPUS"); env && *env) {
        if (fs::is_directory(fs::path(env) / "raw")) return fs::path(env);
        return std::nullopt;
    }
    fs::path p = source_dir().parent_path() / "shared" / "corpus";
    if (fs::is_directory(p / "raw") && fs::is_directory(p / "expected")) return p;
    return std::nullopt;
}

std::vector<fs::path> corpus_inputs(const fs::path& corpus) {
    std::vector<fs::path> all;
    for (const auto& e : fs::directory_iterator(corpus / "raw"))
        if (e.is_regular_file()) all.push_back(e.path());
    std::sort(all.begin(), all.end());
    const char* env = std::getenv("PRESSROOM_CORPUS_LIMIT");
    std::size_t limit = env && *env ? static_cast<std::size_t>(std::strtoul(env, nullptr, 10)) : 0;
    if (limit == 0 || limit >= all.size()) return all;
    std::vector<fs::path> some;
    for (std::size_t i = 0; i < limit; ++i) some.push_back(all[i * all.size() / limit]);
    return some;
}

std::set<std::string> corpus_raw_names(const fs::path& corpus) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(corpus / "raw")) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.front() != '.') out.insert(name);
    }
    return out;
}

std::vector<CorpusExpectation> corpus_expectations(const fs::path& corpus) {
    std::vector<CorpusExpectation> out;
    for (const auto& e : fs::directory_iterator(corpus / "expected")) {
        if (e.path().extension() != ".json") continue;
        const nlohmann::json j = nlohmann::json::parse(read_file(e.path()));
        if (!j.contains("file") || !j.at("file").is_string())
            throw std::runtime_error(e.path().string() + ": no \"file\"");
        CorpusExpectation x{j.at("file").get<std::string>(), j.value("is_release", true)};
        if (!fs::is_regular_file(corpus / "raw" / x.file))
            throw std::runtime_error(e.path().string() + " names " + x.file + ", which raw/ does not have");
        out.push_back(std::move(x));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    return out;
}

std::set<std::string> corpus_files(const std::vector<CorpusExpectation>& expected, bool is_release) {
    std::set<std::string> out;
    for (const auto& x : expected)
        if (x.is_release == is_release) out.insert(x.file);
    return out;
}

std::string corpus_decisions_differ(const std::vector<CorpusExpectation>& expected,
                                    const std::set<std::string>& converted, const std::set<std::string>& refused) {
    std::vector<std::string> wrongly_converted, wrongly_refused, neither, unknown;
    std::set<std::string> known;
    for (const auto& x : expected) {
        known.insert(x.file);
        const bool c = converted.count(x.file) > 0, r = refused.count(x.file) > 0;
        if (c && !x.is_release) wrongly_converted.push_back(x.file);
        if (r && x.is_release) wrongly_refused.push_back(x.file);
        if (!c && !r) neither.push_back(x.file);
    }
    for (const auto* set : {&converted, &refused})
        for (const auto& f : *set)
            if (!known.count(f)) unknown.push_back(f);
    std::string out;
    auto group = [&](const std::vector<std::string>& files, const std::string& what) {
        if (files.empty()) return;
        out += std::to_string(files.size()) + " " + what + ":";
        for (const auto& f : files) out += " " + f;
        out += "\n";
    };
    group(wrongly_converted, "non-releases converted (is_release false in expected/)");
    group(wrongly_refused, "releases refused (is_release true in expected/)");
    group(neither, "inputs of expected/ neither converted nor refused");
    group(unknown, "inputs converted or refused that expected/ does not list");
    return out;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

TempDir::TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("pressroom-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd() % 100000));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    // Make everything removable again (tests chmod folders read-only).
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_directory(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

RunResult run(const std::vector<std::string>& argv, const std::string& input, const std::vector<std::string>& env,
              const fs::path& cwd) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe2(in_pipe, O_CLOEXEC) || pipe2(out_pipe, O_CLOEXEC) || pipe2(err_pipe, O_CLOEXEC))
        throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());

    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        bool overridden = false;
        for (const auto& x : env)
            if (entry.substr(0, entry.find('=') + 1) == x.substr(0, x.find('=') + 1)) overridden = true;
        if (!overridden) envs.push_back(entry);
    }
    for (const auto& x : env)
        if (x.back() != '=') envs.push_back(x);  // "NAME=" unsets NAME
    std::vector<char*> envp, args;
    for (auto& e : envs) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_copy = argv;
    for (auto& a : argv_copy) args.push_back(a.data());
    args.push_back(nullptr);

    pid_t pid;
    int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (rc != 0) {
        close(in_pipe[1]);
        close(out_pipe[0]);
        close(err_pipe[0]);
        throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));
    }

    RunResult r;
    std::size_t written = 0;
    int in_fd = in_pipe[1];
    if (input.empty()) {
        close(in_fd);
        in_fd = -1;
    }
    bool out_open = true, err_open = true;
    while (out_open || err_open || in_fd >= 0) {
        pollfd fds[3];
        int n = 0;
        if (out_open) fds[n++] = {out_pipe[0], POLLIN, 0};
        if (err_open) fds[n++] = {err_pipe[0], POLLIN, 0};
        if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
        if (poll(fds, static_cast<nfds_t>(n), -1) < 0) break;
        for (int i = 0; i < n; ++i) {
            if (!fds[i].revents) continue;
            if (fds[i].fd == in_fd) {
                ssize_t w = write(in_fd, input.data() + written, input.size() - written);
                if (w > 0) written += static_cast<std::size_t>(w);
                if (w < 0 || written == input.size()) {
                    close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            char buf[65536];
            ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got <= 0) {
                if (fds[i].fd == out_pipe[0]) out_open = false;
                else err_open = false;
                continue;
            }
            (fds[i].fd == out_pipe[0] ? r.out : r.err).append(buf, static_cast<std::size_t>(got));
        }
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

RunResult pressroom(const std::vector<std::string>& args, const std::string& input,
                    const std::vector<std::string>& env, const fs::path& cwd) {
    std::vector<std::string> argv{binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, input, env, cwd);
}

bool have_program(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream ss(path);
    std::string dir;
    while (std::getline(ss, dir, ':'))
        if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    return false;
}

}  // namespace pressroom::test

#include "base/files.hpp"

#include "pressroom/error.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace pressroom {

namespace fs = std::filesystem;

namespace {
std::string errno_text(int e) { return std::strerror(e); }

std::string human_size(std::size_t n) {
    if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
    return std::to_string(n) + " bytes";
}

// Reads fd to the end, refusing more than max_bytes.
std::string read_fd(int fd, const std::string& name, std::size_t max_bytes) {
    std::string data;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(ErrorKind::input, name, "cannot read: " + errno_text(errno));
        }
        if (n == 0) break;
        if (data.size() + static_cast<std::size_t>(n) > max_bytes)
            throw Error(ErrorKind::input, name,
                        "input is larger than the limit of " + human_size(max_bytes) + " (see --max-input-size)");
        data.append(buf, static_cast<std::size_t>(n));
    }
    return data;
}
}  // namespace

bool looks_like_url(std::string_view name) {
    const std::size_t colon = name.find("://");
    if (colon == std::string_view::npos || colon == 0) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!letter && (i == 0 || !other)) return false;
    }
    return true;
}

std::string url_input_message(std::string_view url) {
    // Fetching would make a conversion depend on the network and on when it
    // ran; the saved page is the input, and it can be kept and converted again.
    return "pressroom never fetches from the network: save the page first (curl -o page.html '" + std::string(url) +
           "') and convert the file";
}

std::string read_input(const std::string& path, std::size_t max_bytes) {
    if (path == "-") return read_fd(STDIN_FILENO, "-", max_bytes);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && looks_like_url(path)) throw Error(ErrorKind::input, path, url_input_message(path));
    if (fd < 0) throw Error(ErrorKind::input, path, "cannot open: " + errno_text(errno));
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            ::close(fd);
            throw Error(ErrorKind::input, path, "is a directory (use 'pressroom batch' for folders)");
        }
        if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
            ::close(fd);
            throw Error(ErrorKind::input, path,
                        "input is larger than the limit of " + human_size(max_bytes) + " (see --max-input-size)");
        }
    }
    try {
        std::string data = read_fd(fd, path, max_bytes);
        ::close(fd);
        return data;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

static constexpr std::string_view temp_marker = ".pressroom-tmp-";

bool is_temporary_name(std::string_view filename) {
    return !filename.empty() && filename[0] == '.' && filename.find(temp_marker) != std::string_view::npos;
}

void write_atomic(const fs::path& path, std::string_view bytes) {
    static std::atomic<unsigned> counter{0};
    const std::string shown = path.string();
    fs::path dir = path.parent_path();
    fs::path temp = dir / ("." + path.filename().string() + std::string(temp_marker) +
                           std::to_string(::getpid()) + "-" + std::to_string(counter++));
    // O_EXCL: never follow a planted symlink or clobber another writer's temp.
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(ErrorKind::output, shown, "cannot write: " + errno_text(errno));
    auto fail = [&](int e) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw Error(ErrorKind::output, shown, "cannot write: " + errno_text(e));
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        int e = errno;
        ::unlink(temp.c_str());
        throw Error(ErrorKind::output, shown, "cannot write: " + errno_text(e));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(temp.c_str());
        throw Error(ErrorKind::output, shown, "cannot write: " + errno_text(e));
    }
}

void write_stdout(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(ErrorKind::output, "standard output", "cannot write: " + errno_text(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}

fs::path executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

// The folder of the binary that holds this code: the executable, or
// libpressroom.so when a program uses the library (dladdr tells which).
static fs::path code_dir() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&data_dir), &info) && info.dli_fname && *info.dli_fname) {
        std::error_code ec;
        fs::path p = fs::canonical(info.dli_fname, ec);
        if (!ec) return p.parent_path();
    }
    return executable_dir();
}

fs::path data_dir() {
    if (const char* env = std::getenv("PRESSROOM_DATA_DIR"); env && *env) return fs::path(env);
    fs::path dir = code_dir();
    if (dir.empty()) return {};
    std::error_code ec;
    // Installed: <prefix>/bin or <prefix>/lib beside <prefix>/share. Build
    // tree: build/ (the binary) or build/lib (the library) beside build/share.
    for (fs::path candidate : {dir / ".." / "share" / "pressroom", dir / "share" / "pressroom"})
        if (fs::is_directory(candidate, ec)) return candidate.lexically_normal();
    return {};
}

}  // namespace pressroom

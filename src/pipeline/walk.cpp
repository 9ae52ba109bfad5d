#include "pipeline/walk.hpp"

#include "base/files.hpp"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace pressroom::pipeline {

namespace fs = std::filesystem;

namespace {

bool glob_matches(const std::string& glob, std::string_view rel) {
    std::string subject(rel);
    if (glob.find('/') == std::string::npos) {
        if (auto slash = subject.rfind('/'); slash != std::string::npos) subject.erase(0, slash + 1);
    }
    return ::fnmatch(glob.c_str(), subject.c_str(), 0) == 0;
}

// A folder's identity on disk: what tells a loop from a new folder.
using FolderId = std::pair<dev_t, ino_t>;

class Walker {
public:
    Walker(const WalkOptions& options, const std::function<bool(const WalkItem&)>& visit,
           const std::function<void(Diagnostic)>& problem, WalkCounts& counts)
        : options_(options), visit_(visit), problem_(problem), counts_(counts) {
        for (const auto& p : options.skip) {
            struct stat st {};
            if (::stat(p.c_str(), &st) == 0) skip_.insert({st.st_dev, st.st_ino});
        }
    }

    bool root(const std::string& given) {
        struct stat st {};
        if (::stat(given.c_str(), &st) != 0) {
            int e = errno;
            report(Severity::error, e == ENOENT ? "walk-missing" : "walk-unreadable", given,
                   e == ENOENT ? (looks_like_url(given) ? url_input_message(given) : "no such file or folder")
                               : std::string("cannot read: ") + std::strerror(e));
            return true;
        }
        if (S_ISREG(st.st_mode)) {
            std::string name = fs::path(given).filename().string();
            ++counts_.files;
            return visit_({fs::path(given), name});
        }
        if (!S_ISDIR(st.st_mode)) {
            report(Severity::warning, "walk-special", given, "not a file or folder: skipped");
            return true;
        }
        FolderId id{st.st_dev, st.st_ino};
        if (!seen_.insert(id).second) {
            report(Severity::note, "walk-seen", given, "this folder was already walked: skipped");
            return true;
        }
        return folder(fs::path(given), "", id, given);
    }

private:
    void report(Severity severity, const char* code, const std::string& file, std::string message) {
        problem_(Diagnostic{severity, code, std::move(message), file, 0});
    }

    // `shown`: how diagnostics name this folder (its relative path, or the
    // root as given).
    bool folder(const fs::path& path, const std::string& rel, FolderId id, const std::string& shown) {
        DIR* dir = ::opendir(path.c_str());
        if (!dir) {
            report(Severity::error, "walk-unreadable", shown, std::string("cannot read folder: ") + std::strerror(errno));
            return true;
        }
        std::vector<std::string> names;
        for (;;) {
            errno = 0;
            dirent* entry = ::readdir(dir);
            if (!entry) {
                if (errno != 0)
                    report(Severity::error, "walk-unreadable", shown,
                           std::string("cannot list the whole folder: ") + std::strerror(errno));
                break;
            }
            std::string name = entry->d_name;
            if (name != "." && name != "..") names.push_back(std::move(name));
        }
        ::closedir(dir);
        // Sorted, so that the same tree is always walked in the same order,
        // whatever order the file system returns.
        std::sort(names.begin(), names.end());

        stack_.push_back(id);
        for (const auto& name : names) {
            const std::string child_rel = rel.empty() ? name : rel + "/" + name;
            if (name.front() == '.') {
                ++counts_.hidden;
                report(Severity::note, "walk-hidden", child_rel, "hidden: skipped");
                continue;
            }
            if (!entry(path / name, child_rel)) {
                stack_.pop_back();
                return false;
            }
        }
        stack_.pop_back();
        return true;
    }

    bool entry(const fs::path& path, const std::string& rel) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) {
            report(Severity::error, "walk-unreadable", rel, std::string("cannot read: ") + std::strerror(errno));
            return true;
        }
        if (S_ISLNK(st.st_mode) && ::stat(path.c_str(), &st) != 0) {
            int e = errno;
            if (e == ENOENT) report(Severity::warning, "walk-broken-link", rel, "link to nothing: skipped");
            else if (e == ELOOP) report(Severity::warning, "walk-loop", rel, "links that lead in a circle: skipped");
            else report(Severity::error, "walk-unreadable", rel, std::string("cannot follow link: ") + std::strerror(e));
            return true;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!selected(options_, rel, true)) {
                ++counts_.excluded;
                return true;
            }
            FolderId id{st.st_dev, st.st_ino};
            if (skip_.count(id)) {
                report(Severity::note, "walk-output", rel, "the output folder: skipped");
                return true;
            }
            if (std::find(stack_.begin(), stack_.end(), id) != stack_.end()) {
                report(Severity::warning, "walk-loop", rel, "link to a folder that contains it (a loop): not followed");
                return true;
            }
            if (!seen_.insert(id).second) {
                report(Severity::note, "walk-seen", rel, "folder reached again through a link: skipped");
                return true;
            }
            return folder(path, rel, id, rel);
        }
        if (!S_ISREG(st.st_mode)) {
            report(Severity::warning, "walk-special", rel, "not a regular file (device, socket or pipe): skipped");
            return true;
        }
        if (!selected(options_, rel, false)) {
            ++counts_.excluded;
            return true;
        }
        if (skip_.count({st.st_dev, st.st_ino})) {
            report(Severity::note, "walk-output", rel, "an output of this run: skipped");
            return true;
        }
        ++counts_.files;
        return visit_({path, rel});
    }

    const WalkOptions& options_;
    const std::function<bool(const WalkItem&)>& visit_;
    const std::function<void(Diagnostic)>& problem_;
    WalkCounts& counts_;
    std::set<FolderId> skip_;
    std::set<FolderId> seen_;       // every folder entered: a second link to one is not walked twice
    std::vector<FolderId> stack_;   // the folders the walk is inside: a link to one is a loop
};

}  // namespace

bool selected(const WalkOptions& options, std::string_view rel, bool is_folder) {
    for (const auto& g : options.exclude)
        if (glob_matches(g, rel)) return false;
    if (is_folder || options.include.empty()) return true;
    return std::any_of(options.include.begin(), options.include.end(),
                       [&](const std::string& g) { return glob_matches(g, rel); });
}

bool walk(const std::vector<std::string>& roots, const WalkOptions& options,
          const std::function<bool(const WalkItem&)>& visit, const std::function<void(Diagnostic)>& problem,
          WalkCounts& counts) {
    Walker walker(options, visit, problem, counts);
    for (const auto& r : roots)
        if (!walker.root(r)) return false;
    return true;
}

}  // namespace pressroom::pipeline

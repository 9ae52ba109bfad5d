#include "pipeline/batch.hpp"

#include "base/files.hpp"
#include "pipeline/stamp.hpp"
#include "pressroom/error.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace pressroom::pipeline {

namespace fs = std::filesystem;

namespace {

// A short queue between the walker and the workers: the walker waits when
// it is full, so the list of files is never held in memory.
class WorkQueue {
public:
    explicit WorkQueue(std::size_t capacity) : capacity_(capacity) {}

    // False when the batch is stopping (the item was not queued).
    bool push(WalkItem item, const std::atomic<int>* stop) {
        std::unique_lock lock(mutex_);
        while (items_.size() >= capacity_) {
            if (stop && stop->load()) return false;
            not_full_.wait_for(lock, std::chrono::milliseconds(50));
        }
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    // Nothing when the queue is closed and empty, or the batch is stopping.
    std::optional<WalkItem> pop(const std::atomic<int>* stop) {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (stop && stop->load()) return std::nullopt;
            if (!items_.empty()) break;
            if (closed_) return std::nullopt;
            not_empty_.wait_for(lock, std::chrono::milliseconds(50));
        }
        WalkItem item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
    }

private:
    std::size_t capacity_;
    std::deque<WalkItem> items_;
    bool closed_ = false;
    std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
};

std::string parent_of(const std::string& rel) {
    const auto slash = rel.rfind('/');
    return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

InputRecord failed_record(const std::string& rel, std::string error, int code) {
    InputRecord r;
    r.input = rel;
    r.status = Status::failed;
    r.error = std::move(error);
    r.exit_code = code;
    return r;
}

class Batch {
public:
    Batch(const BatchOptions& options, BatchObserver& observer)
        : options_(options), observer_(observer), version_(stamp_version()),
          fingerprint_(options_fingerprint(options.convert, options.fingerprint_extra)) {}

    BatchResult run() {
        BatchResult result;
        result.report.pressroom = version_;
        for (const render::Format* f : requested_formats(options_.convert))
            result.report.formats.emplace_back(f->name);
        result.swept = sweep_temporaries(options_.out_dir);

        unsigned jobs = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
        WorkQueue queue(std::size_t{4} * jobs);
        std::vector<std::thread> workers;
        for (unsigned i = 0; i < jobs; ++i)
            workers.emplace_back([&] {
                while (auto item = queue.pop(options_.stop)) done(process(*item), item->path);
            });

        WalkOptions walk_options = options_.walk;
        walk_options.skip.push_back(options_.out_dir);
        // The count runs ahead on a thread of its own; its diagnostics are
        // the walk's below, told once.
        std::thread counter([&] {
            std::size_t n = 0;
            WalkCounts ignored;
            const bool finished = walk(
                options_.roots, walk_options,
                [&](const WalkItem& item) {
                    if (stopping()) return false;
                    if (in_shard(item.rel, options_.shard)) ++n;
                    return true;
                },
                [](Diagnostic) {}, ignored);
            if (finished && !stopping()) {
                std::lock_guard lock(observer_mutex_);
                observer_.counted(n);
            }
        });
        // Which input claimed each output name first (walk order): a later
        // input that would write the same files fails instead of overwriting.
        std::unordered_map<std::string, std::string> claimed;
        std::size_t in_shard_count = 0;
        walk(
            options_.roots, walk_options,
            [&](const WalkItem& item) {
                if (stopping()) return false;
                if (!in_shard(item.rel, options_.shard)) {
                    ++result.other_shards;
                    return true;
                }
                ++in_shard_count;
                {
                    std::lock_guard lock(observer_mutex_);
                    observer_.found(in_shard_count);
                }
                auto [it, fresh] = claimed.emplace(output_key(item.rel), item.rel);
                if (!fresh) {
                    done(failed_record(item.rel,
                                       item.rel + ": its outputs would overwrite those of " + it->second +
                                           " (both make " + it->first +
                                           ".*): rename one, or leave one out with --exclude",
                                       exit_code::failed),
                         item.path);
                    return true;
                }
                return queue.push(item, options_.stop);
            },
            [&](Diagnostic d) {
                std::lock_guard lock(observer_mutex_);
                observer_.walk_problem(d);
                // The report describes the inputs: that this run's own
                // outputs were not taken for inputs is told, not recorded
                // (a bundle written into a root would otherwise change the
                // next bundle's report).
                if (d.code != "walk-output") result.report.walk.push_back(std::move(d));
            },
            result.counts);
        if (!stopping()) {
            std::lock_guard lock(observer_mutex_);
            observer_.walk_done(in_shard_count);
        }
        queue.close();
        for (auto& w : workers) w.join();
        counter.join();

        result.stopped_by = options_.stop ? options_.stop->load() : 0;
        result.report.complete = result.stopped_by == 0;
        result.report.inputs = std::move(records_);
        if (options_.prune && result.report.complete) {
            // A folder the walk could not read would look like deleted
            // inputs: pruning then would remove outputs of inputs that exist.
            const bool walk_clean = std::none_of(result.report.walk.begin(), result.report.walk.end(),
                                                 [](const Diagnostic& d) { return d.severity == Severity::error; });
            if (walk_clean) result.report.pruned = prune_outputs(options_.out_dir, options_.roots);
            else result.prune_skipped = true;
        }
        result.report.sort();
        return result;
    }

private:
    bool stopping() const { return options_.stop && options_.stop->load(); }

    void done(InputRecord record, const fs::path& path) {
        std::lock_guard lock(observer_mutex_);
        observer_.finished(record, path);
        records_.push_back(std::move(record));
    }

    InputRecord process(const WalkItem& item) {
        try {
            return convert(item);
        } catch (const Error& e) {
            return failed_record(item.rel, e.located(), exit_code_for(e.kind()));
        } catch (const std::exception& e) {
            // A bug; the other inputs still convert.
            return failed_record(item.rel, item.rel + ": internal error: " + e.what(), exit_code::internal);
        }
    }

    InputRecord convert(const WalkItem& item) {
        const fs::path& out = options_.out_dir;
        const std::optional<InputState> state = input_state(item.path);
        if (state && !options_.force) {
            if (auto stamp = read_stamp(out, item.rel); stamp && up_to_date(*stamp, *state, version_, fingerprint_, out)) {
                InputRecord r = std::move(stamp->record);
                if (r.status == Status::failed) r.unchanged = true;
                else r.status = Status::up_to_date;
                return r;
            }
        }

        const std::string folder = parent_of(item.rel);
        ConvertOptions co = options_.convert;
        co.out_dir = folder.empty() ? out : out / folder;
        co.name = item.rel;
        std::error_code ec;
        fs::create_directories(co.out_dir, ec);
        if (ec) throw Error(ErrorKind::output, co.out_dir.string(), "cannot create folder: " + ec.message());

        FileResult r = convert_file(item.path.string(), co);
        InputRecord rec;
        rec.input = item.rel;
        rec.diagnostics = std::move(r.diagnostics);
        if (r.ok) {
            rec.status = Status::converted;
            rec.meta = std::move(r.meta);
            for (const auto& o : r.outputs) {
                const std::string file = o.path.filename().string();
                rec.outputs.push_back({o.format, folder.empty() ? file : folder + "/" + file, o.size, o.sha256});
            }
        } else {
            rec.status = Status::failed;
            rec.error = r.error;
            rec.exit_code = r.exit_code;
            rec.refused = r.refused;
        }

        // Stamp what a rerun would reproduce: success, or a failure of the
        // input itself. A failure to write may not happen next time.
        if (state && (r.ok || r.exit_code == exit_code::failed)) {
            if (!r.ok) {
                // The outputs an earlier run made from an older version of
                // this input are no longer right: an input that fails has none.
                if (auto old = read_stamp(out, item.rel))
                    for (const auto& o : old->record.outputs) fs::remove(out / o.path, ec);
            }
            try {
                write_stamp(out, Stamp{version_, fingerprint_, *state, rec});
            } catch (const Error& e) {
                rec.diagnostics.push_back({Severity::warning, "stamp-unwritten",
                                           "cannot record the conversion (it will be redone next run): " + e.message(),
                                           item.rel, 0});
            }
        }
        return rec;
    }

    const BatchOptions& options_;
    BatchObserver& observer_;
    const std::string version_;
    const std::string fingerprint_;
    std::mutex observer_mutex_;  // guards observer_ calls and records_
    std::vector<InputRecord> records_;
};

// The process id in ".NAME.pressroom-tmp-PID-N", or 0.
pid_t temporary_owner(const std::string& name) {
    const std::string marker = ".pressroom-tmp-";
    const auto at = name.rfind(marker);
    if (at == std::string::npos) return 0;
    pid_t pid = 0;
    for (std::size_t i = at + marker.size(); i < name.size() && name[i] != '-'; ++i) {
        if (name[i] < '0' || name[i] > '9') return 0;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid;
}

}  // namespace

int BatchResult::exit_code(FailOn fail_on) const {
    if (stopped_by) return exit_code::interrupted(stopped_by);
    return report.exit_status(fail_on);
}

std::vector<Pruned> prune_outputs(const fs::path& out_dir, const std::vector<std::string>& roots) {
    std::vector<Pruned> pruned;
    const fs::path stamps = out_dir / state_dir / "stamps";
    std::error_code ec;
    if (!fs::is_directory(stamps, ec)) return pruned;
    // Whether `rel` is still a file under one of the roots (a file root is
    // its own file name).
    auto exists = [&](const std::string& rel) {
        for (const auto& root : roots) {
            const fs::path r(root);
            std::error_code e;
            if (fs::is_directory(r, e) ? fs::exists(r / rel, e) : r.filename() == rel && fs::exists(r, e)) return true;
        }
        return false;
    };
    std::vector<fs::path> stamp_files;
    for (auto it = fs::recursive_directory_iterator(stamps, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".json") stamp_files.push_back(it->path());
    for (const auto& file : stamp_files) {
        std::string rel = fs::relative(file, stamps, ec).generic_string();
        rel.resize(rel.size() - 5);  // ".json"
        if (ec || exists(rel)) continue;
        Pruned p{rel, {}};
        if (auto stamp = read_stamp(out_dir, rel)) {
            for (const auto& o : stamp->record.outputs) {
                // Stamps are ours, but a path in one never leaves the output folder.
                if (o.path.find("..") != std::string::npos || fs::path(o.path).is_absolute()) continue;
                const fs::path out = out_dir / o.path;
                if (fs::remove(out, ec)) p.outputs.push_back(o.path);
                // The folders the input's outputs were in, once empty.
                for (fs::path d = out.parent_path(); d != out_dir && d.native().size() > out_dir.native().size();
                     d = d.parent_path())
                    if (!fs::remove(d, ec)) break;  // not empty (or gone): stop climbing
            }
        }
        remove_stamp(out_dir, rel);
        for (fs::path d = file.parent_path(); d != stamps && d.native().size() > stamps.native().size();
             d = d.parent_path())
            if (!fs::remove(d, ec)) break;
        pruned.push_back(std::move(p));
    }
    return pruned;
}

BatchResult run_batch(const BatchOptions& options, BatchObserver& observer) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (!fs::is_directory(options.out_dir, ec))
        throw Error(ErrorKind::output, options.out_dir.string(), "cannot create output folder");
    return Batch(options, observer).run();
}

std::size_t sweep_temporaries(const fs::path& dir) {
    std::size_t removed = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!is_temporary_name(name) || !it->is_regular_file(ec)) continue;
        const pid_t owner = temporary_owner(name);
        // A temporary of a process still running is its work in progress.
        if (owner > 0 && (owner == ::getpid() || ::kill(owner, 0) == 0 || errno == EPERM)) continue;
        if (fs::remove(it->path(), ec)) ++removed;
    }
    return removed;
}

}  // namespace pressroom::pipeline

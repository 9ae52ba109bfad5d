#include "pipeline/bundle.hpp"

#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/zip_reader.hpp"
#include "base/zip_writer.hpp"
#include "pipeline/site.hpp"
#include "pipeline/stamp.hpp"
#include "pressroom/error.hpp"
#include "render/anthology.hpp"
#include "xml/release_xml.hpp"

#include <stdlib.h>

#include <algorithm>
#include <optional>

namespace pressroom::pipeline {

namespace fs = std::filesystem;

namespace {

constexpr const char* bundle_format = "pressroom-bundle/1";
constexpr const char* releases_dir = "releases/";
// Shard bundles can be big; they are read whole (the zip is built in memory too).
constexpr std::size_t max_bundle_bytes = std::size_t{8} << 30;

// The report as a bundle publishes it: what the bundle holds, not what work
// this run did (an input converted by an earlier run into the same work
// folder is as converted as one converted now).
Report published(Report r) {
    for (auto& i : r.inputs) {
        if (i.status == Status::up_to_date) i.status = Status::converted;
        i.unchanged = false;
    }
    r.complete = true;
    return r;
}

// The files before releases/: manifest.json and report.json; in a whole
// bundle also the anthologies (2) and the site (index.html, feed.xml,
// summary.md).
std::size_t front_entries(const Shard& shard) { return shard.all() ? 7 : 2; }

bool compressed_format(const std::string& path) {
    return text::ends_with(path, ".pdf") || text::ends_with(path, ".epub") || text::ends_with(path, ".docx");
}

// The bundle's one time: SOURCE_DATE_EPOCH, else the newest release date,
// as its anthologies have it.
std::int64_t bundle_time(const Report& report, const render::Options& options) {
    std::vector<const model::Metadata*> releases;
    for (const auto& i : report.inputs)
        if (i.status != Status::failed) releases.push_back(&i.meta);
    return render::anthology_time(releases, options);
}

Json file_entry(const std::string& path, const std::string& bytes) {
    return {{"path", path}, {"size", bytes.size()}, {"sha256", sha256_hex(bytes)}};
}

BundleResult result_of(const BundleContent& c, const std::string& zip, std::size_t entries, FailOn fail_on) {
    BundleResult r;
    const Totals t = c.report.totals();
    r.inputs = t.inputs;
    r.converted = t.converted + t.up_to_date;
    r.failed = t.failed;
    r.entries = entries;
    r.size = zip.size();
    r.sha256 = sha256_hex(zip);
    r.exit_code = c.report.exit_status(fail_on);
    r.report = c.report;
    return r;
}

// A temporary work folder, removed with everything in it at the end.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "pressroom-bundle-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw Error(ErrorKind::output, pattern, "cannot create a temporary folder");
        path_ = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

}  // namespace

std::string assemble(const BundleContent& c, const BundleOptions& options, Diagnostics& diags) {
    // Every output the report lists, with the bytes it says.
    for (const auto& i : c.report.inputs)
        for (const auto& o : i.outputs) {
            auto it = c.files.find(o.path);
            if (it == c.files.end()) throw Error(ErrorKind::invalid, o.path, "listed in the report but not in the bundle");
            if (it->second.size() != o.size || sha256_hex(it->second) != o.sha256)
                throw Error(ErrorKind::invalid, o.path, "its bytes are not those the report lists");
        }
    if (c.files.size() != static_cast<std::size_t>(c.report.totals().outputs))
        throw Error(ErrorKind::invalid, "", "the bundle holds files the report does not list");

    // The zip writer makes no Zip64 (its extra fields would be machine- and
    // libzip-dependent), and a zip without it counts entries in 16 bits.
    const std::size_t entries = c.files.size() + front_entries(c.shard);
    if (entries > 65535)
        throw Error(ErrorKind::usage, "",
                    "a bundle holds at most 65535 files; this one would hold " + std::to_string(entries) +
                        " (bundle fewer releases at a time)");

    const std::int64_t time = bundle_time(c.report, options.render);
    std::vector<std::pair<std::string, std::string>> front;  // report and anthologies, in zip order
    front.emplace_back("report.json", dump(to_json(c.report)));

    if (c.shard.all()) {
        // The anthologies are made from the release XML in the bundle, never
        // from the documents of the run: a merged bundle, whose releases were
        // converted by other processes, gets the very same bytes.
        std::vector<model::Document> docs;
        std::vector<const InputRecord*> records;
        docs.reserve(c.report.inputs.size());
        for (const auto& i : c.report.inputs) {
            if (i.status == Status::failed) continue;
            auto xml = std::find_if(i.outputs.begin(), i.outputs.end(), [](const OutputRecord& o) { return o.format == "xml"; });
            if (xml == i.outputs.end()) throw Error(ErrorKind::invalid, i.input, "has no release XML in the bundle");
            docs.push_back(xml::read_release(c.files.at(xml->path), i.input));
            records.push_back(&i);
        }
        render::Anthology a;
        a.title = options.title;
        for (const auto& d : docs) a.releases.push_back(&d);
        render::sort_by_date(a.releases);
        a.time = time;
        front.emplace_back("anthology.epub", render::render_epub_anthology(a, options.render, diags));
        front.emplace_back("anthology.pdf", render::render_pdf_anthology(a, options.render, diags));
        // The website: made, like the anthologies, from the bundle's own
        // release XML and report.
        Site site{options.title, time, {}, &c.report};
        for (std::size_t k = 0; k < docs.size(); ++k) site.releases.push_back({records[k], &docs[k]});
        front.emplace_back("index.html", site_index(site));
        front.emplace_back("feed.xml", site_feed(site));
        front.emplace_back("summary.md", site_summary(c.report, options.title));
    }

    Json manifest;
    manifest["bundle"] = bundle_format;
    if (c.shard.all()) {
        manifest["title"] = options.title;
    } else {
        manifest["shard"] = c.shard.name();
        manifest["options"] = c.options;
    }
    manifest["pressroom"] = c.report.pressroom;
    manifest["time"] = text::iso_timestamp(time);
    manifest["formats"] = c.report.formats;
    Json files = Json::array();
    for (const auto& [path, bytes] : front) files.push_back(file_entry(path, bytes));
    manifest["files"] = files;
    Json releases = Json::array(), failed = Json::array();
    for (const auto& i : c.report.inputs) {
        if (i.status == Status::failed) {
            failed.push_back({{"input", i.input}, {"error", i.error}});
            continue;
        }
        Json r;
        r["input"] = i.input;
        r["metadata"] = to_json(i.meta);
        Json outs = Json::array();
        for (const auto& o : i.outputs)
            outs.push_back({{"path", releases_dir + o.path}, {"format", o.format}, {"size", o.size}, {"sha256", o.sha256}});
        r["files"] = outs;
        releases.push_back(std::move(r));
    }
    manifest["releases"] = releases;
    manifest["failed"] = failed;

    pressroom::ZipWriter zip(time);
    using pressroom::Compression;
    zip.add("manifest.json", dump(manifest), Compression::deflate);
    for (auto& [path, bytes] : front)
        zip.add(path, std::move(bytes), compressed_format(path) ? Compression::store : Compression::deflate);
    // std::map: sorted by path, bytewise.
    for (const auto& [path, bytes] : c.files)
        zip.add(releases_dir + path, bytes, compressed_format(path) ? Compression::store : Compression::deflate);
    return zip.finish();
}

BundleRun make_bundle(const BatchOptions& batch, const fs::path& work_dir, const fs::path& output,
                      const BundleOptions& options, BatchObserver& observer, Diagnostics& diags) {
    std::optional<TemporaryFolder> temporary;
    if (work_dir.empty()) temporary.emplace();
    BatchOptions b = batch;
    b.out_dir = work_dir.empty() ? temporary->path() : work_dir;
    b.convert.formats.clear();
    for (const auto& f : render::formats()) b.convert.formats.push_back(&f);
    // Never bundle an earlier bundle, or the work folder, found in a root.
    b.walk.skip.push_back(output);

    BundleRun run;
    run.batch = run_batch(b, observer);
    if (run.batch.stopped_by) return run;

    BundleContent c;
    c.report = published(run.batch.report);
    c.shard = batch.shard;
    c.options = options_fingerprint(b.convert, b.fingerprint_extra);
    for (const auto& i : c.report.inputs)
        for (const auto& o : i.outputs) c.files[o.path] = read_input((b.out_dir / o.path).string(), max_bundle_bytes);
    const std::string zip = assemble(c, options, diags);
    write_atomic(output, zip);
    run.bundle = result_of(c, zip, c.files.size() + front_entries(c.shard), options.fail_on);
    return run;
}

BundleResult merge_bundles(const std::vector<std::string>& shard_files, const fs::path& output,
                           const BundleOptions& options, Diagnostics& diags) {
    if (shard_files.empty()) throw Error(ErrorKind::usage, "", "--merge needs the shard bundles to join");
    BundleContent all;
    std::vector<std::string> given;  // which file each shard came from, by index
    std::string options_used;
    for (const auto& file : shard_files) {
        std::vector<ZipFile> entries = read_zip(read_input(file, max_bundle_bytes), file);
        std::map<std::string, std::string> by_name;
        for (auto& e : entries) by_name[e.name] = std::move(e.bytes);
        auto entry = [&](const std::string& name) -> const std::string& {
            auto it = by_name.find(name);
            if (it == by_name.end()) throw Error(ErrorKind::invalid, file, "not a pressroom bundle: no " + name);
            return it->second;
        };
        const Json manifest = parse_json(entry("manifest.json"), file);
        if (!manifest.is_object() || manifest.value("bundle", std::string()) != bundle_format)
            throw Error(ErrorKind::invalid, file, std::string("not a pressroom bundle: no \"bundle\": \"") + bundle_format + "\"");
        if (!manifest.contains("shard") || !manifest["shard"].is_string())
            throw Error(ErrorKind::usage, file, "a whole bundle, not a shard bundle (made with --shard K/N)");
        const Shard shard = parse_shard(manifest["shard"].get<std::string>());
        const std::string shard_options = manifest.value("options", std::string());
        Report report = report_from_json(parse_json(entry("report.json"), file), file);

        if (given.empty()) {
            given.resize(shard.count);
            all.report.pressroom = report.pressroom;
            all.report.formats = report.formats;
            all.report.walk = report.walk;
            options_used = shard_options;
        } else {
            auto differs = [&](const std::string& what) {
                return Error(ErrorKind::usage, file, "shard bundle of another run than " + shard_files.front() + " (" + what + ")");
            };
            if (shard.count != given.size()) throw differs("it is one of " + std::to_string(shard.count) + " shards");
            if (report.pressroom != all.report.pressroom) throw differs("made by pressroom " + report.pressroom);
            if (report.formats != all.report.formats || shard_options != options_used) throw differs("other options");
            if (report.walk != all.report.walk) throw differs("the folders walked differ");
        }
        std::string& slot = given[shard.index - 1];
        if (!slot.empty()) throw Error(ErrorKind::usage, file, "shard " + shard.name() + " is also " + slot);
        slot = file;

        for (auto& i : report.inputs) {
            for (const auto& o : i.outputs)
                if (!all.files.emplace(o.path, entry(releases_dir + o.path)).second)
                    throw Error(ErrorKind::usage, file, o.path + " is in two shard bundles");
            all.report.inputs.push_back(std::move(i));
        }
    }
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < given.size(); ++k)
        if (given[k].empty()) missing.push_back(std::to_string(k + 1) + "/" + std::to_string(given.size()));
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        throw Error(ErrorKind::usage, "", "shard bundles missing: " + list);
    }
    all.report.sort();
    for (std::size_t k = 1; k < all.report.inputs.size(); ++k)
        if (all.report.inputs[k].input == all.report.inputs[k - 1].input)
            throw Error(ErrorKind::usage, "", all.report.inputs[k].input + " is in two shard bundles");

    const std::string zip = assemble(all, options, diags);
    write_atomic(output, zip);
    return result_of(all, zip, all.files.size() + front_entries(all.shard), options.fail_on);
}

}  // namespace pressroom::pipeline

#include "inputs.hpp"

#include "ingest/ingest.hpp"
#include "pipeline/convert.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace pressroom::bench {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Input make(const fs::path& path) { return Input{path.filename().string(), slurp(path)}; }

}  // namespace

const model::Document& Input::document() const {
    // Per input, normalized on first use and kept: renderer benchmarks time
    // only the renderer.
    static std::mutex mutex;
    static std::map<const Input*, std::unique_ptr<model::Document>> docs;
    std::lock_guard lock(mutex);
    auto& slot = docs[this];
    if (!slot) {
        ingest::Options options;
        options.name = name;
        Diagnostics diags(name);
        slot = std::make_unique<model::Document>(pipeline::load_document(bytes, options, diags));
    }
    return *slot;
}

const Input& seed() {
    static const Input in = make(fs::path(PRESSROOM_SOURCE_DIR) / "samples" / "dod-105-13.txt");
    return in;
}

const Input& long_release() {
    static const Input in = make(fs::path(PRESSROOM_BENCH_LONG));
    return in;
}

const Input& corpus_long() {
    static const Input in = make(fs::path(PRESSROOM_SOURCE_DIR).parent_path() / "shared" / "corpus" / "raw" /
                                 "doj-17-099-scraped-text.txt");
    return in;
}

bool available(benchmark::State& state, const Input& in) {
    if (!in.bytes.empty()) return true;
    state.SkipWithError((in.name + " not found").c_str());
    return false;
}

}  // namespace pressroom::bench

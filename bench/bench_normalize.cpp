// How long normalizing takes: the seed, and every file of the corpus
// (../shared/corpus/raw, all 89 in one iteration) as a batch run would, in
// one process with the rules compiled and the dictionary loaded once.
// Issue 3's budget: well under a second for the whole corpus.
#include "ingest/ingest.hpp"
#include "pressroom/diagnostic.hpp"
#include "pressroom/error.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::vector<std::pair<std::string, std::string>>& corpus() {
    static const auto files = [] {
        std::vector<std::pair<std::string, std::string>> out;
        fs::path raw = fs::path(PRESSROOM_SOURCE_DIR).parent_path() / "shared" / "corpus" / "raw";
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(raw, ec)) out.emplace_back(e.path().filename().string(), slurp(e.path()));
        std::sort(out.begin(), out.end());
        return out;
    }();
    return files;
}

std::size_t normalize(const std::string& name, const std::string& bytes) {
    Diagnostics diags;
    ingest::Options options;
    options.name = name;
    try {
        return ingest::ingest(bytes, options, diags).body.size();
    } catch (const Error&) {
        return 0;  // the two non-releases are refused: that is work done too
    }
}

void BM_normalize_seed(benchmark::State& state) {
    const std::string seed = slurp(fs::path(PRESSROOM_SOURCE_DIR) / "samples" / "dod-105-13.txt");
    for (auto _ : state) benchmark::DoNotOptimize(normalize("dod-105-13.txt", seed));
}
BENCHMARK(BM_normalize_seed)->Unit(benchmark::kMicrosecond);

void BM_normalize_corpus(benchmark::State& state) {
    const auto& files = corpus();
    if (files.empty()) {
        state.SkipWithError("../shared/corpus/raw not found");
        return;
    }
    std::size_t bytes = 0;
    for (const auto& f : files) bytes += f.second.size();
    for (auto _ : state)
        for (const auto& [name, data] : files) benchmark::DoNotOptimize(normalize(name, data));
    state.counters["files"] = static_cast<double>(files.size());
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_normalize_corpus)->Unit(benchmark::kMillisecond);

}  // namespace

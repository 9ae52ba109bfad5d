// The seed's EPUB with --embed-fonts (subsetting four faces). Without fonts
// it is render<render_epub> in bench_stages.cpp (issue 5's budget: 5 ms for
// the seed).
#include "base/files.hpp"
#include "pipeline/convert.hpp"
#include "pressroom/diagnostic.hpp"
#include "render/epub/epub_renderer.hpp"

#include <benchmark/benchmark.h>


namespace {

using namespace pressroom;

const model::Document& seed() {
    static const model::Document doc = [] {
        const std::string path = PRESSROOM_SOURCE_DIR "/samples/dod-105-13.txt";
        ingest::Options options;
        options.name = path;
        Diagnostics diags(path);
        return pipeline::load_document(read_input(path), options, diags);
    }();
    return doc;
}

// With --embed-fonts: subsetting four faces. The font set is loaded once
// per process (cached), as in a batch run; the fonts come from data_dir()
// (the build's share/pressroom, beside bench/).
void epub_seed_embed_fonts(benchmark::State& state) {
    render::Options options;
    options.embed_fonts = true;
    for (auto _ : state) {
        Diagnostics diags;
        std::string bytes = render::render_epub(seed(), options, diags);
        benchmark::DoNotOptimize(bytes.data());
        state.counters["bytes"] = static_cast<double>(bytes.size());
    }
}
BENCHMARK(epub_seed_embed_fonts)->Unit(benchmark::kMillisecond);

}  // namespace

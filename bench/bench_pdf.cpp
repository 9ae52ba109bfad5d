// The PDF's stages apart on the seed (samples/dod-105-13.txt), once the
// fonts are loaded (cached per process, as in a batch run): layout, and
// subsetting a face. The whole renderer is render<render_pdf> in
// bench_stages.cpp (issue 4's budget: under 10 ms for the seed).
#include "fonts/font_set.hpp"
#include "ingest/ingest.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_layout.hpp"
#include "pipeline/convert.hpp"
#include "pressroom/diagnostic.hpp"
#include "render/pdf/pdf_renderer.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

using namespace pressroom;

namespace {

const model::Document& seed() {
    static const model::Document doc = [] {
        std::ifstream in(std::string(PRESSROOM_SOURCE_DIR) + "/samples/dod-105-13.txt", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        Diagnostics diags;
        ingest::Options options;
        options.name = "dod-105-13.txt";
        return pipeline::load_document(ss.str(), options, diags);
    }();
    return doc;
}

void BM_layout_seed(benchmark::State& state) {
    auto fonts = fonts::FontSet::load(fonts::FontSet::default_dir());
    for (auto _ : state) {
        Diagnostics diags;
        auto laid = layout::lay_out(seed(), {"letter"}, *fonts, layout::Hyphenator::english(), diags);
        benchmark::DoNotOptimize(laid);
    }
}
BENCHMARK(BM_layout_seed)->Unit(benchmark::kMillisecond);

void BM_subset_body_font(benchmark::State& state) {
    auto fonts = fonts::FontSet::load(fonts::FontSet::default_dir());
    std::set<char32_t> chars;
    for (char32_t c = 0x20; c < 0x7f; ++c) chars.insert(c);
    const auto& face = fonts->face(fonts->chain(fonts::Style::regular).front());
    for (auto _ : state) benchmark::DoNotOptimize(face.subset(chars));
}
BENCHMARK(BM_subset_body_font)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Every stage of a conversion on the seed, a long generated release and a
// long real page (see inputs.hpp): the normalizer, the XML writer, reader
// and validator, the line breaker (Knuth–Plass alone, and the setter that
// feeds it), each renderer, and a whole conversion to every format in
// memory (what a batch worker does per file, less the file system).
//
// Per-process caches (compiled rules and schemas, fonts, hyphenation
// patterns, the dictionary) are warmed before timing: these are the costs
// per document. What a process pays once is bench/callgrind's business.
#include "inputs.hpp"

#include "fonts/font_set.hpp"
#include "ingest/ingest.hpp"
#include "layout/hyphenator.hpp"
#include "layout/knuth_plass.hpp"
#include "layout/setter.hpp"
#include "pipeline/convert.hpp"
#include "render/docx/docx_renderer.hpp"
#include "render/epub/epub_renderer.hpp"
#include "render/html/html_renderer.hpp"
#include "render/json/json_renderer.hpp"
#include "render/markdown/markdown_renderer.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/text/text_renderer.hpp"
#include "render/xml/xml_renderer.hpp"
#include "xml/release_xml.hpp"

#include <benchmark/benchmark.h>

#include <variant>

namespace {

using namespace pressroom;
using bench::Input;

using InputFn = const Input& (*)();

void processed(benchmark::State& state, const Input& in) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.bytes.size()));
}

// The paragraphs' text, as the PDF sets it (headings and list items too).
std::vector<std::string> paragraphs(const model::Document& doc) {
    std::vector<std::string> out;
    for (const auto& block : doc.body) {
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& item : b.items) out.push_back(model::plain_text(item.content));
                } else {
                    out.push_back(model::plain_text(b.content));
                }
            },
            block);
    }
    return out;
}

void normalize(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    ingest::Options options;
    options.name = in.name;
    {
        Diagnostics warm;
        ingest::ingest(in.bytes, options, warm);
    }
    for (auto _ : state) {
        Diagnostics diags;
        benchmark::DoNotOptimize(ingest::ingest(in.bytes, options, diags));
    }
    processed(state, in);
}

void xml_write(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    const auto& doc = in.document();
    std::size_t size = 0;
    for (auto _ : state) {
        std::string xml = xml::write_release(doc);
        size = xml.size();
        benchmark::DoNotOptimize(xml.data());
    }
    state.counters["bytes"] = static_cast<double>(size);
}

void xml_validate(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    const std::string xml = xml::write_release(in.document());
    xml::validate_release(xml, in.name);  // compiles the schema
    for (auto _ : state) benchmark::DoNotOptimize(xml::validate_release(xml, in.name));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml.size()));
}

void xml_read(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    const std::string xml = xml::write_release(in.document());
    xml::read_release(xml, in.name);
    for (auto _ : state) benchmark::DoNotOptimize(xml::read_release(xml, in.name));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml.size()));
}

// Knuth–Plass alone: every paragraph as boxes (words, at the body face's
// advances, 11 pt), glue (TeX's space) and the finishing items, broken to
// the PDF's 468 pt measure with the first pass's tolerance, then the
// second's for the paragraphs the first cannot set.
void line_breaker(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    auto fonts = fonts::FontSet::load(fonts::FontSet::default_dir());
    const auto& face = fonts->face(fonts->chain(fonts::Style::regular).front());
    std::vector<std::vector<layout::Item>> paras;
    const double size = 11, space = face.advance_1000(char32_t{' '}) * size / 1000.0;
    for (const auto& text : paragraphs(in.document())) {
        std::vector<layout::Item> items;
        double word = 0;
        auto flush = [&] {
            if (word > 0) items.push_back(layout::Item::box(word));
            word = 0;
        };
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == ' ') {
                flush();
                items.push_back(layout::Item::glue(space, space / 2, space / 3));
            } else {
                word += face.advance_1000(static_cast<char32_t>(static_cast<unsigned char>(text[i]))) * size / 1000.0;
            }
        }
        flush();
        items.push_back(layout::Item::penalty_item(0, layout::infinite_penalty, false));
        items.push_back(layout::Item::glue(0, 100000, 0));
        items.push_back(layout::Item::penalty_item(0, -layout::infinite_penalty, true));
        paras.push_back(std::move(items));
    }
    auto width = [](std::size_t) { return 468.0; };
    layout::BreakParams first, second;
    first.tolerance = 1.0;
    second.tolerance = 2.0;
    std::size_t lines = 0;
    for (auto _ : state) {
        lines = 0;
        for (const auto& items : paras) {
            auto breaks = layout::break_lines(items, width, first);
            if (!breaks) breaks = layout::break_lines(items, width, second);
            if (!breaks) breaks = layout::break_greedy(items, width);
            lines += breaks->size();
        }
        benchmark::DoNotOptimize(lines);
    }
    state.counters["paragraphs"] = static_cast<double>(paras.size());
    state.counters["lines"] = static_cast<double>(lines);
}

// The setter: fonts for every character, break opportunities (hyphenation
// when the first pass fails), Knuth–Plass, positioned fragments.
void set_paragraphs(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    auto fonts = fonts::FontSet::load(fonts::FontSet::default_dir());
    const auto* hyphenator = layout::Hyphenator::english();
    if (hyphenator) hyphenator->points("hyphenation");  // loads the patterns
    const auto texts = paragraphs(in.document());
    for (auto _ : state) {
        Diagnostics diags;
        layout::Setter setter(*fonts, hyphenator, diags);
        std::size_t lines = 0;
        for (const auto& t : texts) lines += setter.set({layout::Run{t}}, layout::ParagraphSpec{}, 0).size();
        benchmark::DoNotOptimize(lines);
    }
}

template <std::string (*Render)(const model::Document&, const render::Options&, Diagnostics&)>
void render(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    const auto& doc = in.document();
    render::Options options;
    {
        Diagnostics warm;  // fonts and patterns loaded once per process, as in a batch
        Render(doc, options, warm);
    }
    std::size_t size = 0;
    for (auto _ : state) {
        Diagnostics diags;
        std::string out = Render(doc, options, diags);
        size = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["bytes"] = static_cast<double>(size);
}

void render_txt(benchmark::State& state, InputFn input) { render<render::render_text>(state, input); }
void render_xml(benchmark::State& state, InputFn input) { render<render::render_xml>(state, input); }
void render_pdf(benchmark::State& state, InputFn input) { render<render::render_pdf>(state, input); }
void render_epub(benchmark::State& state, InputFn input) { render<render::render_epub>(state, input); }
void render_html(benchmark::State& state, InputFn input) { render<render::render_html>(state, input); }
void render_md(benchmark::State& state, InputFn input) { render<render::render_markdown>(state, input); }
void render_docx(benchmark::State& state, InputFn input) { render<render::render_docx>(state, input); }
void render_json(benchmark::State& state, InputFn input) { render<render::render_json>(state, input); }

// What a batch worker does per file, in memory: normalize, then every format
// in the table (the four of issue 8 and, since issue 17, html, md, docx, json).
void convert_all(benchmark::State& state, InputFn input) {
    const Input& in = input();
    if (!bench::available(state, in)) return;
    ingest::Options io;
    io.name = in.name;
    render::Options options;
    auto once = [&] {
        Diagnostics diags;
        model::Document doc = pipeline::load_document(in.bytes, io, diags);
        std::size_t size = 0;
        for (const auto& f : render::formats()) size += f.render(doc, options, diags).size();
        return size;
    };
    once();
    for (auto _ : state) benchmark::DoNotOptimize(once());
    processed(state, in);
}

#define PRESSROOM_BENCH_INPUTS(fn)                                              \
    BENCHMARK_CAPTURE(fn, seed, &bench::seed)->Unit(benchmark::kMicrosecond);   \
    BENCHMARK_CAPTURE(fn, long, &bench::long_release)->Unit(benchmark::kMicrosecond); \
    BENCHMARK_CAPTURE(fn, corpus_long, &bench::corpus_long)->Unit(benchmark::kMicrosecond)

PRESSROOM_BENCH_INPUTS(normalize);
PRESSROOM_BENCH_INPUTS(xml_write);
PRESSROOM_BENCH_INPUTS(xml_validate);
PRESSROOM_BENCH_INPUTS(xml_read);
PRESSROOM_BENCH_INPUTS(line_breaker);
PRESSROOM_BENCH_INPUTS(set_paragraphs);
PRESSROOM_BENCH_INPUTS(render_txt);
PRESSROOM_BENCH_INPUTS(render_xml);
PRESSROOM_BENCH_INPUTS(render_pdf);
PRESSROOM_BENCH_INPUTS(render_epub);
PRESSROOM_BENCH_INPUTS(render_html);
PRESSROOM_BENCH_INPUTS(render_md);
PRESSROOM_BENCH_INPUTS(render_docx);
PRESSROOM_BENCH_INPUTS(render_json);
PRESSROOM_BENCH_INPUTS(convert_all);

}  // namespace

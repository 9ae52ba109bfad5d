// Fuzz target: ingest and normalization, from raw bytes.
//
// The first byte picks the reader (0: detect from the content, then text,
// html, markdown, json, rss), the rest is the input. Its bit 0x40 also runs
// the trace `pressroom inspect` prints. Oracles: ingest is total (a Document
// or Error(input), nothing else escapes), and every Document it returns
// passes model::check.
#include "fuzz_support.hpp"
#include "ingest/ingest.hpp"
#include "model/check.hpp"
#include "pressroom/error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

using namespace pressroom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr std::array<const char*, 6> readers = {"", "text", "html", "markdown", "json", "rss"};
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    ingest::Options options;
    options.name = "fuzz-input";
    options.from = readers[data[0] % readers.size()];
    try {
        Diagnostics diags(options.name);
        model::Document doc = ingest::ingest(input, options, diags);
        if (auto problems = model::check(doc); !problems.empty())
            fuzz::fuzz_fail("ingest broke an invariant: " + problems.front());
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::input) fuzz::fuzz_fail(std::string("ingest threw a non-input Error: ") + e.what());
    } catch (const std::exception& e) {
        fuzz::fuzz_fail(std::string("ingest threw ") + e.what());
    }
    if (data[0] & 0x40) {
        try {
            Diagnostics diags(options.name);
            ingest::Trace t = ingest::trace(input, options, diags);
            if (t.refusal.empty() && t.doc.body.empty()) fuzz::fuzz_fail("trace: no refusal and no body");
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::input) fuzz::fuzz_fail(std::string("trace threw a non-input Error: ") + e.what());
        } catch (const std::exception& e) {
            fuzz::fuzz_fail(std::string("trace threw ") + e.what());
        }
    }
    return 0;
}

// Golden EPUB projections: every file in samples/ rendered as EPUB and
// projected to text (the entry list with methods, sizes and times, then the
// package document, navigation, NCX and content document as written),
// compared byte for byte with tests/golden/NAME.epub.txt. The stylesheet and
// the fixed files are left out: they do not depend on the release.
// UPDATE_GOLDEN=1 rewrites the projections, as it does the other goldens;
// then read the diff (git diff tests/golden) before committing it.
#include "base/files.hpp"
#include "epub_reader.hpp"
#include "pipeline/convert.hpp"
#include "render/epub/epub_renderer.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace pressroom {
namespace {

namespace fs = std::filesystem;

std::string projection(const std::string& epub) {
    std::ostringstream out;
    const auto entries = test::read_zip(epub);
    out << "# entries: name, method, size, DOS date and time (UTC)\n";
    for (const auto& e : entries) {
        out << e.name << "  " << (e.method == 0 ? "stored" : e.method == 8 ? "deflated" : "method?") << "  "
            << e.data.size() << " bytes  " << ((e.dos_date >> 9) + 1980) << "-" << ((e.dos_date >> 5) & 15) << "-"
            << (e.dos_date & 31) << " " << (e.dos_time >> 11) << ":" << ((e.dos_time >> 5) & 63) << ":"
            << (e.dos_time & 31) * 2 << "\n";
    }
    for (const char* name : {"EPUB/content.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/content.xhtml"})
        out << "\n# " << name << "\n" << test::entry(entries, name).data;
    return out.str();
}

TEST_CASE("golden: samples convert to the EPUB projections in tests/golden") {
    const bool update = std::getenv("UPDATE_GOLDEN") && std::string(std::getenv("UPDATE_GOLDEN")) == "1";
    const fs::path golden = test::source_dir() / "tests" / "golden";
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(test::source_dir() / "samples")) inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 3);
    for (const auto& in : inputs) {
        INFO(in.filename().string());
        Diagnostics diags(in.string());
        ingest::Options io;
        io.name = in.filename().string();
        const model::Document doc = pipeline::load_document(read_input(in.string()), io, diags);
        const std::string actual = projection(render::render_epub(doc, render::Options{}, diags));
        const fs::path expected_path = golden / (in.stem().string() + ".epub.txt");
        if (update) {
            test::write_file(expected_path, actual);
            MESSAGE("rewrote " << expected_path.string());
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(expected_path),
                        "missing golden file " << expected_path.string() << " (run with UPDATE_GOLDEN=1)");
        CHECK_MESSAGE(test::read_file(expected_path) == actual,
                      "EPUB differs from " << expected_path.string()
                                           << "; if the change is intended, rerun with UPDATE_GOLDEN=1 and review "
                                              "git diff tests/golden");
    }
}

}  // namespace
}  // namespace pressroom

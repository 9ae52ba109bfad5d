// Golden tests: every file in samples/ converted to XML and text, compared
// byte for byte with tests/golden/. UPDATE_GOLDEN=1 rewrites the goldens;
// then read the diff (git diff tests/golden) before committing it.
#include "base/files.hpp"
#include "pipeline/convert.hpp"
#include "render/renderer.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

using namespace pressroom;
namespace fs = std::filesystem;

TEST_CASE("golden: samples convert to the XML and text in tests/golden") {
    const bool update = std::getenv("UPDATE_GOLDEN") && std::string(std::getenv("UPDATE_GOLDEN")) == "1";
    const fs::path samples = test::source_dir() / "samples";
    const fs::path golden = test::source_dir() / "tests" / "golden";
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(samples)) inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 3);

    for (const auto& in : inputs) {
        Diagnostics diags(in.string());
        ingest::Options io;
        io.name = in.filename().string();
        model::Document doc = pipeline::load_document(read_input(in.string()), io, diags);
        for (const char* format : {"xml", "txt"}) {
            const render::Format* f = render::find_format(format);
            std::string actual = f->render(doc, render::Options{}, diags);
            fs::path expected_path = golden / (in.stem().string() + std::string(f->extension));
            {
                INFO(in.filename().string() << " -> " << format);
                if (update) {
                    test::write_file(expected_path, actual);
                    MESSAGE("rewrote " << expected_path.string());
                } else {
                    REQUIRE_MESSAGE(fs::exists(expected_path), "missing golden file " << expected_path.string()
                                                                                     << " (run with UPDATE_GOLDEN=1)");
                    CHECK_MESSAGE(test::read_file(expected_path) == actual,
                                  "output differs from " << expected_path.string()
                                                         << "; if the change is intended, rerun with UPDATE_GOLDEN=1 "
                                                            "and review git diff tests/golden");
                }
            }
        }
    }
}

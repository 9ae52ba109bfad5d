// The font module (manifest, faces, HarfBuzz subsets) and the PDF
// wrapper's pure helpers (ToUnicode CMap, dates, text strings).
#include "fonts/face.hpp"
#include "fonts/font_set.hpp"
#include "fonts/manifest.hpp"
#include "pressroom/error.hpp"
#include "render/pdf/hpdf_document.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pressroom;

TEST_CASE("the built-in manifest names the four body styles and the fallbacks") {
    const auto& m = fonts::builtin_manifest();
    std::vector<std::string> roles;
    for (const auto& e : m) roles.push_back(e.role);
    for (const char* r : {"body-regular", "body-bold", "body-italic", "body-bold-italic", "fallback-regular", "symbols"})
        CHECK(std::find(roles.begin(), roles.end(), r) != roles.end());
    for (const auto& e : m) CHECK_FALSE(e.licence.empty());
}

TEST_CASE("a malformed manifest is a data error with its line") {
    try {
        fonts::parse_manifest("# comment\nbody-regular\tA.ttf\tA\n", "m.tsv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(e.line() == 2);
    }
    CHECK_THROWS_AS(fonts::parse_manifest("body-bold\tB.ttf\tB\tOFL\tpkg\t/x\n", "m.tsv"), Error);  // no body-regular
}

TEST_CASE("a missing font folder or file is a data error naming it") {
    CHECK_THROWS_AS(fonts::FontSet::load("/nonexistent/fonts"), Error);
}

TEST_CASE("a HarfBuzz subset keeps exactly the requested characters with the same widths") {
    auto set = fonts::FontSet::load(fonts::FontSet::default_dir());
    const fonts::Face& full = set->face(set->chain(fonts::Style::regular).front());
    std::set<char32_t> want = {U'H', U'e', U'l', U'o', U'\u00e9', U'\u20ac'};
    std::string bytes = full.subset(want);
    CHECK(bytes.size() < full.bytes().size() / 10);
    auto sub = fonts::Face::from_bytes(bytes, "subset");
    auto cps = sub->code_points();
    CHECK(std::set<char32_t>(cps.begin(), cps.end()) == want);
    for (char32_t c : want) CHECK(sub->advance_1000(c) == full.advance_1000(c));
    CHECK_FALSE(sub->covers(U'x'));
    CHECK(sub->units_per_em() == full.units_per_em());
}

TEST_CASE("the ToUnicode CMap maps each code to its own code point in bfchar sections of at most 100") {
    std::set<char32_t> cps;
    for (char32_t c = 0x20; c < 0x20 + 150; ++c) cps.insert(c);
    cps.insert(0x20AC);
    std::string cmap = render::pdf::to_unicode_cmap(cps);
    CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange") != std::string::npos);
    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("51 beginbfchar") != std::string::npos);
    CHECK(cmap.find("<20AC> <20AC>") != std::string::npos);
    CHECK(cmap.find("<0041> <0041>") != std::string::npos);
    CHECK(cmap.find("cidrange") == std::string::npos);
}

TEST_CASE("PDF dates and text strings") {
    CHECK(render::pdf::pdf_date(1361491200) == "D:20130222000000Z");
    CHECK(render::pdf::pdf_date(0) == "D:19700101000000Z");
    bool utf16 = true;
    CHECK(render::pdf::pdf_text_bytes("Plain (ASCII)", utf16) == "Plain (ASCII)");
    CHECK_FALSE(utf16);
    std::string q = render::pdf::pdf_text_bytes("Qu\u00e9bec \U0001F600", utf16);
    CHECK(utf16);
    CHECK(q == std::string("\xFE\xFF\0Q\0u\0\xE9\0b\0e\0c\0 \xD8\x3D\xDE\x00", 20));
}

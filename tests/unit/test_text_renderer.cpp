// The plain-text renderer: wrapping by display width, no trailing spaces,
// long words kept whole, structure visible.
#include "base/utf8.hpp"
#include "pressroom/document.hpp"
#include "render/text/text_renderer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

using namespace pressroom;

namespace {
model::Document doc_with(std::vector<model::Block> body) {
    model::Document d;
    d.meta.title = "A Title";
    d.meta.agency = "Agency";
    d.meta.date = "2024-03-14";
    d.meta.release_number = "24-1";
    d.meta.dateline = "WASHINGTON";
    d.meta.source = {"x.txt", std::string(64, 'a'), "text", "UTF-8"};
    d.body = std::move(body);
    return d;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}
}  // namespace

TEST_CASE("wrap respects the width and never splits a word") {
    auto lines = render::wrap("aaa bbb ccc dddddddddddddddddddd e", 10);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "aaa bbb");
    CHECK(lines[1] == "ccc");
    CHECK(lines[2] == "dddddddddddddddddddd");
    CHECK(lines[3] == "e");
}

TEST_CASE("wrap measures display width - not bytes") {
    auto lines = render::wrap("café café café", 9);
    CHECK(lines[0] == "café café");
    CHECK(utf8::display_width(lines[0]) == 9);
}

TEST_CASE("rendered text: title block - widths - no trailing spaces - final newline") {
    std::string para;
    for (int i = 0; i < 60; ++i) para += "word" + std::to_string(i) + " ";
    para += "https://example.org/a/very/long/address/that/is/wider/than/the/line/itself/and/more";
    auto d = doc_with({model::Paragraph{model::text_inlines(para.substr(0)), 1}});
    model::normalize_space(std::get<model::Paragraph>(d.body[0]).content);
    Diagnostics diags;
    render::Options o;
    o.width = 40;
    std::string out = render::render_text(d, o, diags);
    CHECK(out.back() == '\n');
    CHECK(out.find("\n\n\n") == std::string::npos);
    auto lines = lines_of(out);
    CHECK(lines[0] == "Agency");
    CHECK(lines[1] == "No. 24-1 \u00b7 WASHINGTON, March 14, 2024");
    CHECK(lines[3] == "A Title");
    CHECK(lines[4] == "=======");
    for (const auto& l : lines) {
        CHECK((l.empty() || l.back() != ' '));
        if (l.find("https://") == std::string::npos) CHECK(utf8::display_width(l) <= 40);
    }
    CHECK(out.find("https://example.org/a/very/long/address/that/is/wider/than/the/line/itself/and/more") != std::string::npos);
}

TEST_CASE("lists get bullets or numbers and hanging indents") {
    model::List ul{false, {{model::text_inlines("first item that is long enough to wrap onto a second line"), 0, 0},
                           {model::text_inlines("nested"), 1, 0}}, 0};
    model::List ol{true, {{model::text_inlines("one"), 0, 0}, {model::text_inlines("two"), 0, 0}}, 0};
    Diagnostics diags;
    render::Options o;
    o.width = 30;
    auto lines = lines_of(render::render_text(doc_with({ul, ol}), o, diags));
    auto at = [&](const std::string& prefix) {
        return std::find_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
    };
    auto first = at("\u2022 first");
    REQUIRE(first != lines.end());
    CHECK((first + 1)->rfind("  ", 0) == 0);  // hanging indent under the text
    CHECK(at("    \u25e6 nested") != lines.end());
    CHECK(at("1. one") != lines.end());
    CHECK(at("2. two") != lines.end());
}

// The EPUB once put white space between a link and an emphasis that
// follows it ("Jane Example , Director"); the text renderer joins spans as
// they are, adding only a link's address after its text.
TEST_CASE("rendered text: adjacent spans with markup get no space between them (link then emphasis starting with punctuation)") {
    using K = model::Span::Kind;
    model::Inlines link_then_emphasis{{K::link, "Jane Example", "https://example.gov/jane"},
                                      {K::emphasis, ", Director of Parks", ""}};
    model::Inlines strong_then_emphasis{{K::strong, "Sam Sample", ""}, {K::emphasis, "; Deputy Director", ""}};
    model::Inlines address_link_then_emphasis{{K::link, "https://example.gov/p", "https://example.gov/p"},
                                              {K::emphasis, ").", ""}};
    model::List list{false, {{link_then_emphasis, 0, 0}, {strong_then_emphasis, 0, 0}}, 0};
    Diagnostics diags;
    const std::string out = render::render_text(
        doc_with({model::Paragraph{link_then_emphasis, 1}, model::Heading{2, strong_then_emphasis, 2}, list,
                  model::Quote{address_link_then_emphasis, 4}}),
        render::Options{}, diags);
    // The paragraph, the list item: the address after the link, then the emphasis at once.
    CHECK(out.find("\nJane Example <https://example.gov/jane>, Director of Parks\n") != std::string::npos);
    CHECK(out.find("\n\u2022 Jane Example <https://example.gov/jane>, Director of Parks\n") != std::string::npos);
    // The heading and the list item without a link: the two texts joined.
    CHECK(out.find("\nSam Sample; Deputy Director\n") != std::string::npos);
    CHECK(out.find("\n\u2022 Sam Sample; Deputy Director\n") != std::string::npos);
    // A link whose text is its address gets no address after it.
    CHECK(out.find("\n    https://example.gov/p).\n") != std::string::npos);
}

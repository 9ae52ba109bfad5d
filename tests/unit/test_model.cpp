// The model's invariant checker: it must catch each kind of damage a stage
// could do, and accept a clean document.
#include "model/check.hpp"
#include "pressroom/document.hpp"

#include <doctest/doctest.h>

using namespace pressroom::model;

namespace {
Document valid_doc() {
    Document d;
    d.meta.title = "A Title";
    d.meta.source.name = "x.txt";
    d.meta.source.sha256 = std::string(64, 'a');
    d.body.emplace_back(Paragraph{text_inlines("Some text."), 3});
    return d;
}

bool has_problem(const Document& d, const std::string& fragment) {
    for (const auto& p : check(d))
        if (p.find(fragment) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("check accepts a clean document") { CHECK(check(valid_doc()).empty()); }

TEST_CASE("check rejects an empty body") {
    Document d = valid_doc();
    d.body.clear();
    CHECK(has_problem(d, "body: has no blocks"));
}

TEST_CASE("check rejects bad spacing - control characters - invalid UTF-8 and non-NFC text") {
    Document d = valid_doc();
    d.body.emplace_back(Paragraph{text_inlines(" leading"), 0});
    CHECK(has_problem(d, "leading or trailing space"));
    d = valid_doc();
    d.body.emplace_back(Paragraph{text_inlines("two  spaces"), 0});
    CHECK(has_problem(d, "double space"));
    d = valid_doc();
    d.meta.title = "bell\x07";
    CHECK(has_problem(d, "control character"));
    d = valid_doc();
    d.meta.agency = "bad \xC3";
    CHECK(has_problem(d, "invalid UTF-8"));
    d = valid_doc();
    d.meta.title = "Cafe\xCC\x81";  // e + combining acute: NFD
    CHECK(has_problem(d, "NFC"));
}

TEST_CASE("check rejects impossible dates - bad digests and bad rule ids") {
    Document d = valid_doc();
    d.meta.date = "2013-02-30";
    CHECK(has_problem(d, "meta.date"));
    d.meta.date = "2012-02-29";
    CHECK_FALSE(has_problem(d, "meta.date"));
    d.meta.source.sha256 = "ABC";
    CHECK(has_problem(d, "sha256"));
    d = valid_doc();
    d.removed.push_back({"x", "Bad Rule", 1});
    CHECK(has_problem(d, "bad rule id"));
}

TEST_CASE("check rejects empty lists - items and links without href") {
    Document d = valid_doc();
    d.body.emplace_back(List{});
    CHECK(has_problem(d, "list has no items"));
    d = valid_doc();
    Paragraph p;
    p.content.push_back({Span::Kind::link, "here", ""});
    d.body.emplace_back(p);
    CHECK(has_problem(d, "link without href"));
}

TEST_CASE("normalize_space collapses across spans and keeps spaces out of links") {
    Inlines in{{Span::Kind::text, "  Read ", {}},
               {Span::Kind::link, "  the report ", "https://example.org/"},
               {Span::Kind::text, "  now.  ", {}}};
    normalize_space(in);
    REQUIRE(in.size() == 3);
    CHECK(in[0].text == "Read ");
    CHECK(in[1].text == "the report");
    CHECK(in[2].text == " now.");
    CHECK(plain_text(in) == "Read the report now.");
}

TEST_CASE("normalize_space drops empty spans and merges adjacent text") {
    Inlines in{{Span::Kind::text, "a", {}}, {Span::Kind::emphasis, "  ", {}}, {Span::Kind::text, " b", {}}};
    normalize_space(in);
    REQUIRE(in.size() == 1);
    CHECK(in[0].text == "a b");
}

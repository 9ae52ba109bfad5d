// Ingest on the seed release and on small constructed inputs: what the
// backbone issue promises of the first normalizer.
#include "ingest/data/rules.hpp"
#include "ingest/ingest.hpp"
#include "ingest/source.hpp"
#include "model/check.hpp"
#include "pressroom/error.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pressroom;

namespace {
model::Document ingest_text(const std::string& bytes, Diagnostics& diags, const ingest::RuleBook* rules = nullptr) {
    ingest::Options o;
    o.name = "test.txt";
    o.rules = rules;
    model::Document d = ingest::ingest(bytes, o, diags);
    auto problems = model::check(d);
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? std::string() : problems.front()));
    return d;
}

std::string body_text(const model::Document& d) {
    std::string s;
    for (const auto& b : d.body)
        if (auto* p = std::get_if<model::Paragraph>(&b)) s += model::plain_text(p->content) + "\n";
    return s;
}

bool removed_by(const model::Document& d, const std::string& text, const std::string& rule, int line) {
    return std::any_of(d.removed.begin(), d.removed.end(),
                       [&](const auto& r) { return r.text == text && r.rule == rule && r.line == line; });
}
}  // namespace

TEST_CASE("the seed release normalizes to its metadata and six paragraphs") {
    Diagnostics diags("seed");
    auto d = ingest_text(test::read_file(test::source_dir() / "samples/dod-105-13.txt"), diags);
    CHECK(d.meta.agency == "United States Department of Defense");
    CHECK(d.meta.kind == "News Release");
    CHECK(d.meta.release_number == "105-13");
    CHECK(d.meta.date == "2013-02-22");
    CHECK(d.meta.title == "Joint Statement of The Korea-U.S. Integrated Defense Dialogue");
    CHECK(d.meta.dateline.empty());
    REQUIRE(d.body.size() == 6);
    for (const auto& b : d.body) CHECK(std::holds_alternative<model::Paragraph>(b));
    std::string text = body_text(d);
    CHECK(text.rfind("The Department of Defense and Republic of Korea (ROK)", 0) == 0);
    CHECK(text.find("60th anniversary") != std::string::npos);
    CHECK(text.find("21st century") != std::string::npos);
    CHECK(text.find("U.S. bridging and enduring capabilities.\n") != std::string::npos);
    CHECK(diags.count("repaired-superscript") == 1);

    // Every piece of web chrome is gone from the text and recorded with its rule and line.
    for (const char* chrome : {"Bookmark and Share", "Press Operations", "Additional Links", "Stay Connected"})
        CHECK(text.find(chrome) == std::string::npos);
    CHECK(removed_by(d, "United States Department of Defense", "doubled-text", 1));
    CHECK(removed_by(d, "Bookmark and Share", "share-widget", 5));
    CHECK(removed_by(d, "Press Operations", "dod.press-operations", 5));
    CHECK(removed_by(d, "News Release", "repeated-line", 7));
    CHECK(removed_by(d, "Additional Links", "additional-links", 27));
    CHECK(removed_by(d, "Stay Connected", "additional-links", 29));
    CHECK(std::is_sorted(d.removed.begin(), d.removed.end(), [](auto& a, auto& b) { return a.line < b.line; }));
}

TEST_CASE("an input with no release text is refused") {
    Diagnostics diags;
    ingest::Options o;
    o.name = "empty.txt";
    const std::pair<std::string, std::string> cases[] = {
        {"", "empty.txt: no release text found: the input is empty"},
        {"   \n\n \t \n", "empty.txt: no release text found: the input holds only white space"},
        {"Bookmark and Share\nStay Connected\n", "empty.txt: no release text found"},
    };
    for (const auto& [input, message] : cases) {
        try {
            ingest::ingest(input, o, diags);
            FAIL("accepted: " << input);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::input);
            CHECK(std::string(e.what()) == message);
        }
    }
}

TEST_CASE("unwrapping: a paragraph's hard-wrapped lines join with single spaces") {
    Diagnostics diags;
    auto d = ingest_text(
        "A Headline For Testing\n\nFirst line of the paragraph\n   continues here and\nends here.\n\nThe second paragraph ends the release.\n",
        diags);
    CHECK(d.meta.title == "A Headline For Testing");
    REQUIRE(d.body.size() == 2);
    CHECK(body_text(d) ==
          "First line of the paragraph continues here and ends here.\nThe second paragraph ends the release.\n");
}

TEST_CASE("a dateline moves from the first paragraph into the metadata") {
    Diagnostics diags;
    auto d = ingest_text("Headline Here\n\nWASHINGTON, D.C. -- The agency said today that it works.\n", diags);
    CHECK(d.meta.dateline == "WASHINGTON, D.C.");
    CHECK(body_text(d) == "The agency said today that it works.\n");
    auto e = ingest_text("Headline Here\n\nREDSTONE ARSENAL, Alabama (May 31, 2022) \u2013 The Army awarded it.\n", diags);
    CHECK(e.meta.dateline == "REDSTONE ARSENAL, Alabama");
    CHECK(e.meta.date == "2022-05-31");
    auto f = ingest_text("Headline Here\n\nA sentence that starts with a capital A - and a dash.\n", diags);
    CHECK(f.meta.dateline.empty());
}

TEST_CASE("bulleted and numbered lists - with wrapped items") {
    Diagnostics diags;
    auto d = ingest_text("Headline Here\n\nIntro:\n\n  \u2022 first item\n    wraps here\n  \u2022 second\n\n1. one\n2. two\n", diags);
    REQUIRE(d.body.size() == 3);
    auto* ul = std::get_if<model::List>(&d.body[1]);
    REQUIRE(ul);
    CHECK_FALSE(ul->ordered);
    REQUIRE(ul->items.size() == 2);
    CHECK(model::plain_text(ul->items[0].content) == "first item wraps here");
    auto* ol = std::get_if<model::List>(&d.body[2]);
    REQUIRE(ol);
    CHECK(ol->ordered);
    CHECK(ol->items.size() == 2);
}

TEST_CASE("lost superscripts: only where the suffix fits the number") {
    Diagnostics diags;
    auto d = ingest_text("Headline Here\n\nThe 60thanniversary of the 1stBrigade, the 2stcentury and the 3rdparty.\n", diags);
    CHECK(body_text(d) == "The 60th anniversary of the 1st Brigade, the 2stcentury and the 3rd party.\n");
}

TEST_CASE("user rules files add rules without recompiling and bad ones are refused") {
    ingest::RuleBook book = ingest::RuleBook::builtin();
    book.load(R"(<rules xmlns="urn:pressroom:rules:1"><profile id="mysite" name="My site">
        <rule id="mysite.banner" scope="line"><why>site banner</why><match>(?i)welcome to my site!?</match></rule>
        </profile></rules>)",
              "mine.xml");
    Diagnostics diags;
    auto d = ingest_text("Welcome to my site!\nHeadline Here\n\nBody text of the release goes here.\n", diags, &book);
    CHECK(d.meta.title == "Headline Here");
    CHECK(removed_by(d, "Welcome to my site!", "mysite.banner", 1));

    CHECK_THROWS_WITH_AS(book.load("<rules xmlns=\"urn:pressroom:rules:1\"><profile id=\"x\" name=\"x\">"
                                   "<rule id=\"x.y\" scope=\"line\"><why>w</why><match>(unclosed</match></rule>"
                                   "</profile></rules>",
                                   "bad.xml"),
                         doctest::Contains("bad.xml:1: bad pattern '(unclosed'"), Error);
    CHECK_THROWS_WITH_AS(book.load("<rules xmlns=\"urn:pressroom:rules:1\">\n<profile id=\"X Y\" name=\"x\"/></rules>", "bad2.xml"),
                         doctest::Contains("bad2.xml:2: invalid rules file"), Error);
}

TEST_CASE("agency profiles are detected from the content and can be forced") {
    const auto& book = ingest::RuleBook::builtin();
    std::vector<ingest::Line> lines(1);
    lines[0].text = "United States Department of Defense";
    auto chosen = book.select(lines, "");
    CHECK(std::any_of(chosen.begin(), chosen.end(), [](auto* p) { return p->id == "dod"; }));
    lines[0].text = "Some Other Agency";
    chosen = book.select(lines, "");
    CHECK(std::none_of(chosen.begin(), chosen.end(), [](auto* p) { return p->id == "dod"; }));
    chosen = book.select(lines, "dod");
    CHECK(std::any_of(chosen.begin(), chosen.end(), [](auto* p) { return p->id == "dod"; }));
    CHECK_THROWS_AS(book.select(lines, "nope"), Error);
}

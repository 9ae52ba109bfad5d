// Release XML: writer determinism, round trip, validation errors with lines,
// and refusal of hostile XML without fetching or expanding anything.
#include "pressroom/document.hpp"
#include "pressroom/error.hpp"
#include "support.hpp"
#include "xml/release_xml.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pressroom;
using model::Span;

namespace {
model::Document rich_doc() {
    model::Document d;
    auto& m = d.meta;
    m.agency = "Agency & Co <Test>";
    m.office = "Office of Public Affairs";
    m.kind = "News Release";
    m.release_number = "24-031";
    m.date = "2024-03-14";
    m.title = "Title with “quotes” and é";
    m.subtitle = "A subtitle";
    m.dateline = "NORTHBAY, Maine";
    m.contacts.push_back({{"Media contact: Tom Bell", "207-555-0142"}});
    m.source = {"in.txt", std::string(64, '0'), "text", "UTF-8"};
    d.body.emplace_back(model::Paragraph{{{Span::Kind::text, "See ", {}},
                                          {Span::Kind::link, "the page", "https://example.org/a?b=1&c=2"},
                                          {Span::Kind::text, " and ", {}},
                                          {Span::Kind::emphasis, "this", {}},
                                          {Span::Kind::text, " or ", {}},
                                          {Span::Kind::strong, "that", {}},
                                          {Span::Kind::text, ".", {}}},
                                         12});
    d.body.emplace_back(model::Heading{2, model::text_inlines("A heading"), 14});
    d.body.emplace_back(model::List{true, {{model::text_inlines("one"), 0, 15}, {model::text_inlines("one a"), 1, 16}}, 15});
    d.body.emplace_back(model::Quote{model::text_inlines("Quoted < text >"), 18});
    d.removed.push_back({"Bookmark and Share", "share-widget", 5});
    return d;
}
}  // namespace

TEST_CASE("release XML round-trips byte for byte") {
    model::Document d = rich_doc();
    std::string x1 = xml::write_release(d);
    model::Document back = xml::read_release(x1, "mem.xml");
    CHECK(back == d);
    CHECK(xml::write_release(back) == x1);
}

TEST_CASE("the writer is deterministic and pretty-prints UTF-8") {
    std::string x = xml::write_release(rich_doc());
    CHECK(x == xml::write_release(rich_doc()));
    CHECK(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
    CHECK(x.find("\n  <meta>\n    <agency>Agency &amp; Co &lt;Test&gt;</agency>") != std::string::npos);
    CHECK(x.find("“quotes”") != std::string::npos);  // not escaped as character references
    CHECK(xml::validate_release(x, "mem.xml").empty());
}

TEST_CASE("the reader folds white space of hand-written XML") {
    std::string x = R"(<?xml version="1.0"?>
<release xmlns="urn:pressroom:release:1" version="1">
  <meta>
    <title>  A   wrapped
       title </title>
    <language>en</language>
    <source name="a.txt" sha256="0000000000000000000000000000000000000000000000000000000000000000"/>
  </meta>
  <body>
    <p>
      Some   <em>text</em>
      here.
    </p>
  </body>
</release>)";
    model::Document d = xml::read_release(x, "hand.xml");
    CHECK(d.meta.title == "A wrapped title");
    REQUIRE(d.body.size() == 1);
    CHECK(model::plain_text(std::get<model::Paragraph>(d.body[0]).content) == "Some text here.");
}

TEST_CASE("validation reports schema errors with their line") {
    std::string x = xml::write_release(rich_doc());
    auto pos = x.find("<date>2024-03-14</date>");
    REQUIRE(pos != std::string::npos);
    x.replace(pos, 23, "<date>14 March 2024</date>");
    int line = 1 + static_cast<int>(std::count(x.begin(), x.begin() + static_cast<long>(pos), '\n'));
    auto errors = xml::validate_release(x, "broken.xml");
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.front().line == line);
    CHECK(errors.front().file == "broken.xml");
    CHECK_THROWS_AS(xml::read_release(x, "broken.xml"), Error);
}

TEST_CASE("malformed XML is refused with a line number") {
    std::string x = "<release xmlns=\"urn:pressroom:release:1\" version=\"1\">\n<meta>\n</release>\n";
    auto errors = xml::validate_release(x, "bad.xml");
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.front().line >= 2);
}

TEST_CASE("hostile XML: external entities are refused without being fetched") {
    test::TempDir dir;
    test::write_file(dir / "secret.txt", "TOP-SECRET-CONTENT");
    std::string x = "<?xml version=\"1.0\"?>\n<!DOCTYPE release [ <!ENTITY xxe SYSTEM \"file://" +
                    (dir / "secret.txt").string() +
                    "\"> <!ENTITY net SYSTEM \"http://127.0.0.1:9/x\"> ]>\n"
                    "<release xmlns=\"urn:pressroom:release:1\" version=\"1\"><meta><title>&xxe;&net;</title>"
                    "<language>en</language><source name=\"a\" sha256=\"" + std::string(64, '0') +
                    "\"/></meta><body><p>x</p></body></release>";
    try {
        xml::read_release(x, "xxe.xml");
        FAIL("XXE document was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid);
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("TOP-SECRET") == std::string::npos);
        CHECK(std::string(e.what()).find("document type declarations are not allowed") != std::string::npos);
    }
}

TEST_CASE("hostile XML: an entity bomb is refused before parsing") {
    std::string x = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i < 10; ++i)
        x += " <!ENTITY lol" + std::to_string(i) + " \"" + [&] {
            std::string r;
            for (int k = 0; k < 10; ++k) r += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
            return r;
        }() + "\">\n";
    x += "]>\n<release xmlns=\"urn:pressroom:release:1\" version=\"1\"><meta><title>&lol9;</title></meta></release>";
    CHECK_THROWS_AS(xml::read_release(x, "bomb.xml"), Error);
    auto errors = xml::validate_release(x, "bomb.xml");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    // Refused before any parser saw it: nothing was expanded.
    CHECK(errors[0].message.find("document type declarations are not allowed") != std::string::npos);
}

TEST_CASE("a document of another vocabulary is refused") {
    auto errors = xml::validate_release("<html><body/></html>", "page.xml");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("root element is not release") != std::string::npos);
}

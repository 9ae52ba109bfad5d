// Decoding: encodings detected from the bytes, line ends and spaces folded,
// NFC, and the encoding reported.
#include "ingest/readers/decode.hpp"

#include <doctest/doctest.h>

using namespace pressroom;

namespace {
ingest::Decoded dec(const std::string& bytes) {
    Diagnostics d("t");
    auto r = ingest::decode(bytes, d);
    REQUIRE(d.count("encoding") == 1);
    return r;
}
}  // namespace

TEST_CASE("UTF-8 with and without BOM - CRLF and CR become LF") {
    CHECK(dec("\xEF\xBB\xBFOne\r\nTwo\rThree\n").text == "One\nTwo\nThree\n");
    CHECK(dec("\xEF\xBB\xBFx").encoding == "UTF-8");
    CHECK(dec("plain").encoding == "UTF-8");
}

TEST_CASE("UTF-16 with a byte-order mark") {
    std::string le("\xFF\xFE" "A\0\xE9\0\n\0", 8);
    auto r = dec(le);
    CHECK(r.encoding == "UTF-16LE");
    CHECK(r.text == "A\xC3\xA9\n");
    std::string be("\xFE\xFF\0A\0\xE9", 6);
    CHECK(dec(be).text == "A\xC3\xA9");
    CHECK(dec(be).encoding == "UTF-16BE");
}

TEST_CASE("invalid UTF-8 is read as Windows-1252 - or ISO-8859-1 where 1252 has holes") {
    auto r = dec("Senate\x92s \x93quoted\x94 caf\xE9");
    CHECK(r.encoding == "windows-1252");
    CHECK(r.text == "Senate\u2019s \u201cquoted\u201d caf\u00e9");
    CHECK(dec("a\x81 b\xE9").encoding == "ISO-8859-1");
}

TEST_CASE("no-break spaces become spaces - controls and soft hyphens go - text is NFC") {
    CHECK(dec("a\xC2\xA0" "b\x01" "c\xC2\xAD" "d").text == "a bcd");
    CHECK(dec("Cafe\xCC\x81").text == "Caf\xC3\xA9");
}

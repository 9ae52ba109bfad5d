// Dates in the forms releases use, to ISO 8601.
#include "ingest/data/dates.hpp"
#include "model/format.hpp"

#include <doctest/doctest.h>

using pressroom::ingest::find_date;
using pressroom::ingest::parse_date_line;

TEST_CASE("date lines in the forms of the corpus") {
    CHECK(parse_date_line("February 22, 2013") == "2013-02-22");
    CHECK(parse_date_line("Feb. 22, 2013") == "2013-02-22");
    CHECK(parse_date_line("FEBRUARY 22, 2013") == "2013-02-22");
    CHECK(parse_date_line("22Feb2013") == "2013-02-22");
    CHECK(parse_date_line("22 February 2013") == "2013-02-22");
    CHECK(parse_date_line("2/22/13") == "2013-02-22");
    CHECK(parse_date_line("02/22/2013") == "2013-02-22");
    CHECK(parse_date_line("2013-02-22") == "2013-02-22");
    CHECK(parse_date_line("For Immediate Release Tuesday, April 15, 1993") == "1993-04-15");
    CHECK(parse_date_line("For Immediate Release: Tuesday, July 8, 2025") == "2025-07-08");
    CHECK(parse_date_line("Sept. 5, 2001") == "2001-09-05");
}

TEST_CASE("a line with more than a date is not a date line") {
    CHECK_FALSE(parse_date_line("The meeting on February 22, 2013 was long"));
    CHECK_FALSE(parse_date_line("Release No: 105-13"));
}

TEST_CASE("impossible dates are not dates") {
    CHECK_FALSE(parse_date_line("February 30, 2013"));
    CHECK_FALSE(parse_date_line("13/45/2013"));
}

TEST_CASE("find_date locates a date inside text") {
    auto m = find_date("REDSTONE ARSENAL, Alabama (May 31, 2022) -");
    REQUIRE(m);
    CHECK(m->iso == "2022-05-31");
    CHECK(m->begin == 27);
}

TEST_CASE("long_date spells the month in English") {
    CHECK(pressroom::model::long_date("2013-02-22") == "February 22, 2013");
    CHECK(pressroom::model::long_date("not a date") == "not a date");
}

// Judgements about a single line, shared by every pass that needs them: is
// it a sentence, a release number with its label, an agency's name, a
// contact detail. Each judgement is made here and nowhere else.
#pragma once

#include "base/regex.hpp"
#include "ingest/source.hpp"

#include <string>

namespace pressroom::ingest {

// "News Release", "Fact Sheet", "Readout" ... as agencies label releases
// (case-insensitive, a trailing ':' or '.' ignored); "" when the line is not one.
std::string match_kind(const std::string& line);
// The kind a label names ("MEDIA ADVISORY" -> "Media Advisory"), or "".
std::string title_case_kind(const std::string& label);

// Running text, not a header line: a sentence of some length, or a line
// too long for any headline.
bool is_prose(const std::string& s);

// A short line that is an issuing organisation's name ("U.S. Department of
// Energy", "U S SENATOR PATRICK LEAHY").
const Regex& agency_re();
// "Office of Public Affairs": an office within the agency.
const Regex& office_re();
// "NASA Headquarters, Washington, D.C.": an issuing office and its city.
const Regex& issuing_office_re();

// "Release No: 105-13": group 1 the label, group 2 the number.
const Regex& labelled_number_re();
// "Press Release Number:" alone on its line (the number on the next).
const Regex& number_label_re();
// A release number alone: "105-13".
const Regex& bare_number_re();
// "Date: ...": group 1 the date.
const Regex& date_label_re();
// "Press Release: Headline": group 1/2 the label, group 3 the headline.
const Regex& labelled_title_re();

// A line set entirely in bold or italics.
bool all_emphasis(const Line& l);
// The same text, ignoring case and spacing (empty texts are never the same).
bool same_text(const std::string& a, const std::string& b);

const Regex& phone_re();
const Regex& email_re();
// A phone number or an e-mail address in the line.
bool contact_detail(const std::string& s);
// An organisation named inside a contact line ("Larry Hart of the U.S.
// Department of Energy"), or "".
std::string organisation_in(const std::string& s);

}  // namespace pressroom::ingest

// Readers for markup inputs: saved HTML pages (and the HTML inside JSON and
// RSS items).
#pragma once

#include "ingest/source.hpp"

#include <string>
#include <string_view>

namespace pressroom::ingest {

// The page's bytes as UTF-8: a BOM, then valid UTF-8 (whatever the page
// declares: saved pages keep stale declarations), then the declared
// charset, then Windows-1252. `encoding` says which was used.
std::string html_to_utf8(std::string_view bytes, std::string& encoding);

// Parses UTF-8 HTML into lines. `base_url` resolves relative links (the
// page's canonical URL is used when it has one and base_url is empty).
Source read_html(std::string_view utf8_html, const std::string& name, std::string base_url = {});

}  // namespace pressroom::ingest

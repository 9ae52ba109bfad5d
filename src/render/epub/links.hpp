// Links in the EPUB: hrefs made safe for EPUBCheck and e-readers, and the
// URLs and e-mail addresses of running text turned into links.
//
// A release scraped from the web carries hrefs of every quality: spaces,
// non-ASCII bytes, stray '%' and '#', relative paths that point nowhere in
// the package, javascript: URLs. EPUBCheck reports a malformed URI as an
// error and a relative link to a missing resource as another, so every href
// goes through safe_href(): what cannot be made a clean absolute URI of a
// scheme a reader can follow is rendered as plain text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::render::epub {

// The href as an RFC 3986 URI, or nullopt when it cannot be made one. Only
// http, https and ftp URLs with a plain host name or IPv4 address, mailto:
// with an address and tel: with a number are kept. Bytes outside the URI
// character set (spaces, non-ASCII, '[', '"', a second '#', a '%' not
// starting an escape) are percent-encoded; the scheme and host are
// lowercased. Never throws.
std::optional<std::string> safe_href(std::string_view href);

// A run of text, linked when href is not empty.
struct TextRun {
    std::string text;
    std::string href;
    friend bool operator==(const TextRun&, const TextRun&) = default;
};

// Splits text into plain runs and links: http(s):// and www. URLs and e-mail
// addresses found in it become links (trailing punctuation and unbalanced
// closing brackets stay text). The runs' texts concatenate to `text`.
std::vector<TextRun> autolink(std::string_view text);

}  // namespace pressroom::render::epub

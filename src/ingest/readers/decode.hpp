// Decoding: input bytes in any common encoding to clean UTF-8 lines.
//
// Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; otherwise
// valid UTF-8 is UTF-8, and so is mostly valid UTF-8 (invalid sequences
// become U+FFFD, with a warning); otherwise Windows-1252, or ISO-8859-1 when
// the bytes use code points Windows-1252 leaves undefined. Conversion goes through
// glibc's iconv. After decoding: CRLF and CR become LF, no-break and other
// Unicode spaces become ASCII spaces, control characters are dropped, and
// the text is put in Unicode NFC (utf8proc).
#pragma once

#include "pressroom/diagnostic.hpp"

#include <string>
#include <string_view>

namespace pressroom::ingest {

struct Decoded {
    std::string text;      // UTF-8, NFC, '\n' line ends
    std::string encoding;  // "UTF-8", "UTF-16LE", "windows-1252" ...
};

// Never throws on content: undecodable bytes become U+FFFD with a warning.
Decoded decode(std::string_view bytes, Diagnostics& diags);

// Bytes that are not valid UTF-8 but mostly are: they have valid multi-byte
// sequences, at least as many as invalid ones. Such input is UTF-8 with
// damage (decoded with U+FFFD for the damage), not a legacy encoding.
bool mostly_utf8(std::string_view bytes);
// UTF-8 with every invalid sequence replaced by U+FFFD; `bad` counts them.
std::string utf8_with_replacements(std::string_view bytes, std::size_t& bad);

// Converts `bytes` from `encoding` (an iconv name) to UTF-8. Returns false if
// the bytes are not valid in that encoding.
bool convert_to_utf8(std::string_view bytes, const char* encoding, std::string& out);

// The clean-up decode() applies after conversion (line ends, spaces,
// controls, NFC): also used by readers that get UTF-8 from a library.
std::string clean_text(std::string_view utf8);

}  // namespace pressroom::ingest

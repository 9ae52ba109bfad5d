// What an input's bytes are, before any reader looks at them: text (UTF-8,
// a legacy 8-bit encoding, or UTF-16 with or without a byte-order mark), or
// not text at all (an image, an archive, binary data). Scrapers save
// whatever the server sent under whatever name; pressroom refuses what is
// not text with one clear message instead of "converting" it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pressroom::ingest {

struct Sniffed {
    // Why the bytes are not text ("it looks like a PNG image", "binary data:
    // a NUL byte at offset 12"); empty for text.
    std::string not_text;
    // "UTF-16LE" or "UTF-16BE" when the bytes are UTF-16, else empty.
    std::string utf16;
    bool bom = false;  // the UTF-16 came with a byte-order mark
};

// Looks at the signature, the NUL bytes and their pattern. UTF-16 without a
// byte-order mark is recognised when most of its characters are Latin (every
// other byte zero); other UTF-16, UTF-32 and anything else with NUL bytes is
// binary.
Sniffed sniff(std::string_view bytes);

// UTF-16 bytes (a byte-order mark, if any, skipped) as UTF-8 into `out`.
// Surrogates without their pair become U+FFFD; returns how many there were
// (and 1 more for an odd last byte, dropped).
std::size_t utf16_to_utf8(std::string_view bytes, const Sniffed& how, std::string& out);

}  // namespace pressroom::ingest

#include "ingest/readers/sniff.hpp"

#include "base/utf8.hpp"

#include <array>

namespace pressroom::ingest {

namespace {

struct Signature {
    std::string_view magic;
    const char* what;
};

// File signatures of what scrapers save by mistake. Most binary formats
// also hold NUL bytes; the signature gives the better message.
using namespace std::string_view_literals;  // "..."sv keeps the zero bytes in a signature

constexpr std::array<Signature, 14> signatures{{
    {"\x89PNG\r\n\x1a\n"sv, "a PNG image"},
    {"\xFF\xD8\xFF"sv, "a JPEG image"},
    {"GIF87a"sv, "a GIF image"},
    {"GIF89a"sv, "a GIF image"},
    {"%PDF-"sv, "a PDF document"},
    {"PK\x03\x04"sv, "a ZIP archive (or a DOCX, EPUB or other zipped document)"},
    {"\x1F\x8B"sv, "gzip-compressed data"},
    {"\x7F" "ELF"sv, "an executable program"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "a Microsoft Office document"},
    {"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
    {"\xFD" "7zXZ"sv, "xz-compressed data"},
    {"II*\0"sv, "a TIFF image"},
    {"MM\0*"sv, "a TIFF image"},
    {"BZh"sv, "bzip2-compressed data"},
}};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// UTF-16 text in a Latin script has a zero in every other byte: in the odd
// bytes (little-endian) or the even ones (big-endian), and almost none in
// the others. Judged on the first 64 KB.
std::string utf16_without_bom(std::string_view b) {
    std::string_view head = b.substr(0, std::min<std::size_t>(b.size(), 1u << 16) & ~std::size_t{1});
    const std::size_t pairs = head.size() / 2;
    if (pairs < 2) return {};
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
        zero_even += head[i] == '\0';
        zero_odd += head[i + 1] == '\0';
    }
    auto mostly = [&](std::size_t n) { return n * 10 >= pairs * 3; };   // >= 30% of the characters
    auto hardly = [&](std::size_t n) { return n * 50 <= pairs; };       // <= 2%
    if (mostly(zero_odd) && hardly(zero_even)) return "UTF-16LE";
    if (mostly(zero_even) && hardly(zero_odd)) return "UTF-16BE";
    return {};
}

}  // namespace

Sniffed sniff(std::string_view bytes) {
    Sniffed s;
    for (const auto& sig : signatures) {
        if (!starts_with(bytes, sig.magic)) continue;
        // "BZh" could begin a text; bzip2 goes on with its block size and
        // the block magic.
        if (sig.magic == "BZh"sv && !(bytes.size() > 3 && bytes[3] >= '1' && bytes[3] <= '9' && bytes.substr(4, 6) == "1AY&SY"))
            continue;
        s.not_text = std::string("it looks like ") + sig.what;
        return s;
    }
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        // UTF-32LE's mark begins like UTF-16LE's: FF FE 00 00.
        if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
            s.not_text = "it is UTF-32 text, which pressroom does not read (convert it to UTF-8)";
            return s;
        }
        s.utf16 = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        s.bom = true;
    } else {
        s.utf16 = utf16_without_bom(bytes);
    }
    if (!s.utf16.empty()) {
        // Decoded, it must be text: no NUL characters, and without a mark
        // hardly any broken surrogates. Else judged as bytes below.
        std::string probe;
        std::size_t bad = utf16_to_utf8(bytes, s, probe);
        if (probe.find('\0') == std::string::npos && (s.bom || bad * 100 <= probe.size())) return s;
        s.utf16.clear();
        s.bom = false;
    }
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
        s.not_text = "binary data (a NUL byte at offset " + std::to_string(nul) + ")";
    return s;
}

std::size_t utf16_to_utf8(std::string_view bytes, const Sniffed& how, std::string& out) {
    if (how.bom) bytes.remove_prefix(2);
    const bool little = how.utf16 == "UTF-16LE";
    auto unit = [&](std::size_t i) -> char32_t {
        auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
        auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
        return static_cast<char32_t>(hi << 8 | lo);
    };
    std::size_t bad = 0;
    out.clear();
    out.reserve(bytes.size());
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            char32_t next = unit(i + 2);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                utf8::append(out, 0x10000 + ((u - 0xD800) << 10) + (next - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {  // a surrogate without its pair
            utf8::append(out, 0xFFFD);
            ++bad;
            continue;
        }
        utf8::append(out, u);
    }
    if (bytes.size() % 2) ++bad;  // a lone last byte
    return bad;
}

}  // namespace pressroom::ingest

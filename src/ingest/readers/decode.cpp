#include "ingest/readers/decode.hpp"

#include "base/utf8.hpp"

#include <iconv.h>

#include <cerrno>

namespace pressroom::ingest {

namespace {

struct Iconv {
    iconv_t cd;
    Iconv(const char* to, const char* from) : cd(iconv_open(to, from)) {}
    ~Iconv() {
        if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

// Windows-1252 leaves these five bytes undefined; text that uses them is
// ISO-8859-1 (where they are C1 controls) or not text at all.
bool uses_cp1252_holes(std::string_view b) {
    for (unsigned char c : b)
        if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return true;
    return false;
}

// Replaces invalid UTF-8 sequences with U+FFFD; counts them.
std::string repair_utf8(std::string_view s, std::size_t& bad) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        char32_t c = utf8::next(s, i);
        if (c == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) ++bad;
        utf8::append(out, c);
    }
    return out;
}

}  // namespace

bool mostly_utf8(std::string_view s) {
    std::size_t valid = 0, invalid = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t c = utf8::next(s, i);
        if (c == 0xFFFD && s.substr(start, i - start) != "\xEF\xBF\xBD") ++invalid;
        else ++valid;
    }
    return valid > 0 && valid >= invalid;
}

std::string utf8_with_replacements(std::string_view s, std::size_t& bad) { return repair_utf8(s, bad); }

bool convert_to_utf8(std::string_view bytes, const char* encoding, std::string& out) {
    Iconv cv("UTF-8", encoding);
    if (!cv.ok()) return false;
    out.assign(bytes.size() * 3 / 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    for (;;) {
        char* dst = out.data() + used;
        std::size_t out_left = out.size() - used;
        std::size_t rc = iconv(cv.cd, &in, &in_left, &dst, &out_left);
        used = out.size() - out_left;
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        return false;  // EILSEQ or EINVAL: not this encoding
    }
    out.resize(used);
    return true;
}

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        if (c == '\r') {
            out += '\n';
            if (i < s.size() && s[i] == '\n') ++i;  // CRLF
            continue;
        }
        if (c == '\n') {
            out += '\n';
            continue;
        }
        if (c == '\t') {
            out += '\t';  // kept: the text reader expands tabs to measure indentation
            continue;
        }
        if (c == 0x2028 || c == 0x2029) {
            out += '\n';
            continue;
        }
        if (c == 0xFEFF) continue;  // a stray BOM or zero-width no-break space
        if (c != ' ' && utf8::is_space(c)) {
            out += ' ';  // NBSP, thin, em and other Unicode spaces
            continue;
        }
        if (c == 0x00AD) continue;  // soft hyphen: an invisible break hint, not text
        if (utf8::is_control(c)) continue;
        utf8::append(out, c);
    }
    return utf8::nfc(out);
}

Decoded decode(std::string_view bytes, Diagnostics& diags) {
    Decoded d;
    std::string utf8_text;
    auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };

    if (starts("\xEF\xBB\xBF")) {
        d.encoding = "UTF-8";
        utf8_text.assign(bytes.substr(3));
    } else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
        d.encoding = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
        std::string_view payload = bytes.substr(2);
        if (payload.size() % 2) payload = payload.substr(0, payload.size() - 1);
        if (!convert_to_utf8(payload, d.encoding.c_str(), utf8_text)) {
            diags.warning("decode-error", "invalid " + d.encoding + " data; undecodable parts dropped");
            // Salvage what iconv can do by decoding unit by unit is not worth
            // it: fall back to treating the bytes as Latin-1 noise.
            convert_to_utf8(payload, "ISO-8859-1", utf8_text);
        }
    } else if (utf8::is_valid(bytes)) {
        d.encoding = "UTF-8";
        utf8_text.assign(bytes);
    } else if (mostly_utf8(bytes)) {
        // UTF-8 with a few broken sequences (a truncated download, a stray
        // byte): decoding it all as Windows-1252 would mangle every correct
        // character to save the broken ones (hardening, issue 7).
        std::size_t bad = 0;
        d.encoding = "UTF-8";
        utf8_text = repair_utf8(bytes, bad);
        diags.warning("decode-error", std::to_string(bad) + " invalid UTF-8 sequence" + (bad == 1 ? "" : "s") +
                                          " replaced with U+FFFD");
    } else {
        d.encoding = uses_cp1252_holes(bytes) ? "ISO-8859-1" : "windows-1252";
        if (!convert_to_utf8(bytes, d.encoding == "windows-1252" ? "CP1252" : "ISO-8859-1", utf8_text)) {
            std::size_t bad = 0;
            d.encoding = "UTF-8";
            utf8_text = repair_utf8(bytes, bad);
            diags.warning("decode-error", std::to_string(bad) + " invalid UTF-8 sequences replaced with U+FFFD");
        }
    }
    diags.note("encoding", "decoded as " + d.encoding);
    d.text = clean_text(utf8_text);
    return d;
}

}  // namespace pressroom::ingest

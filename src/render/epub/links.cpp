#include "render/epub/links.hpp"

#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"

#include <algorithm>

namespace pressroom::render::epub {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 3986 unreserved and sub-delims, plus the ':', '@', '/' and '?' that a
// path, query or fragment may hold literally.
bool is_uri_char(char c) {
    if (is_alpha(c) || is_digit(c)) return true;
    switch (c) {
    case '-': case '.': case '_': case '~':
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
    case ':': case '@': case '/': case '?':
        return true;
    default:
        return false;
    }
}

// Path, query and fragment: kept where already valid, encoded elsewhere.
// Only the first '#' starts the fragment.
std::string encode_tail(std::string_view s) {
    std::string out;
    bool in_fragment = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
            out += c;
        } else if (c == '#' && !in_fragment) {
            in_fragment = true;
            out += c;
        } else if (is_uri_char(c)) {
            out += c;
        } else {
            text::append_percent_encoded(out, static_cast<unsigned char>(c));
        }
    }
    return out;
}

// A DNS name (labels of letters, digits and inner hyphens) or an IPv4
// address. IDN hosts, IPv6 literals and user info are refused: none is
// worth the risk of a link EPUBCheck or a reader rejects.
bool is_host(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    if (host.back() == '.') host.remove_suffix(1);
    for (std::string_view label : text::split(host, '.')) {
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
    }
    return true;
}

std::optional<std::string> web_url(const std::string& scheme, std::string_view rest) {
    if (!text::starts_with(rest, "//")) return std::nullopt;
    rest.remove_prefix(2);
    const std::size_t end = std::min(rest.find_first_of("/?#"), rest.size());
    std::string_view authority = rest.substr(0, end), tail = rest.substr(end);
    std::string_view host = authority, port;
    if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
        if (port.empty() || port.size() > 5) return std::nullopt;
        for (char c : port)
            if (!is_digit(c)) return std::nullopt;
        if (std::stoul(std::string(port)) > 65535) return std::nullopt;
    }
    if (!is_host(host)) return std::nullopt;
    std::string out = scheme + "://" + text::ascii_lower(host);
    if (!port.empty()) out += ":" + std::string(port);
    out += encode_tail(tail);
    return out;
}

std::optional<std::string> mailto(std::string_view address) {
    std::string_view addr = address.substr(0, address.find('?'));  // headers (?subject=) are kept encoded below
    const auto at = addr.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= addr.size()) return std::nullopt;
    if (addr.find_first_of(" \t<>\"") != std::string_view::npos) return std::nullopt;
    return "mailto:" + encode_tail(address);
}

std::optional<std::string> tel(std::string_view number) {
    std::string out = "tel:";
    int digits = 0;
    for (char c : number) {
        if (is_digit(c)) ++digits;
        else if (c == ' ') continue;
        else if (c != '+' && c != '-' && c != '.' && c != '(' && c != ')') return std::nullopt;
        out += c;
    }
    if (digits < 3) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::string> safe_href(std::string_view href) {
    href = text::trim(href);
    const auto colon = href.find(':');
    if (colon == std::string_view::npos || colon == 0 || !is_alpha(href[0])) return std::nullopt;
    for (char c : href.substr(0, colon))
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
    const std::string scheme = text::ascii_lower(href.substr(0, colon));
    const std::string_view rest = href.substr(colon + 1);
    if (scheme == "http" || scheme == "https" || scheme == "ftp") return web_url(scheme, rest);
    if (scheme == "mailto") return mailto(rest);
    if (scheme == "tel") return tel(rest);
    return std::nullopt;
}

std::vector<TextRun> autolink(std::string_view s) {
    // Group 1: a URL; group 2: an e-mail address. The URL runs to the next
    // white space or character that cannot end a URL in prose; trailing
    // punctuation is trimmed below.
    static const Regex pattern(
        R"((?i)(\b(?:https?://|www\.)[^\s<>"\x{201C}\x{201D}\x{2018}\x{2019}]+))"
        R"(|(\b[A-Z0-9._%+-]+@[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?(?:\.[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?)*\.[A-Z]{2,}\b))");
    std::vector<TextRun> runs;
    std::size_t done = 0;
    auto plain = [&](std::size_t end) {
        if (end <= done) return;
        if (!runs.empty() && runs.back().href.empty()) runs.back().text.append(s.substr(done, end - done));
        else runs.push_back({std::string(s.substr(done, end - done)), {}});
        done = end;
    };
    // UTF-8 checked once, not by every search (quadratic on a long paragraph full of addresses).
    const bool valid_utf8 = utf8::is_valid(s);
    for (std::size_t start = 0; start < s.size();) {
        auto m = pattern.search(s, start, valid_utf8);
        if (!m) break;
        std::size_t begin = m->begin(), end = m->end();
        std::string href;
        if (m->has(1)) {
            // Trim what prose puts after a URL: punctuation, and closing
            // brackets that do not close one opened inside the URL.
            while (end > begin) {
                const char c = s[end - 1];
                std::string_view url = s.substr(begin, end - begin);
                if (std::string_view(".,;:!?'*").find(c) != std::string_view::npos) {
                    --end;
                } else if (c == ')' || c == ']' || c == '}') {
                    const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (std::count(url.begin(), url.end(), open) < std::count(url.begin(), url.end(), c)) --end;
                    else break;
                } else {
                    break;
                }
            }
            std::string_view url = s.substr(begin, end - begin);
            href = text::starts_with(text::ascii_lower(url.substr(0, 4)), "www.") ? "http://" + std::string(url)
                                                                                    : std::string(url);
        } else {
            href = "mailto:" + std::string(s.substr(begin, end - begin));
        }
        auto safe = safe_href(href);
        if (safe && end > begin && (m->has(2) || s.substr(begin, end - begin).find('.') != std::string_view::npos)) {
            plain(begin);
            runs.push_back({std::string(s.substr(begin, end - begin)), *safe});
            done = end;
        }
        start = std::max(end, begin + 1);
    }
    plain(s.size());
    return runs;
}

}  // namespace pressroom::render::epub

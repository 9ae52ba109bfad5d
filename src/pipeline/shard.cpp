#include "pipeline/shard.hpp"

#include "base/hash.hpp"
#include "pipeline/convert.hpp"
#include "pressroom/error.hpp"

#include <charconv>

namespace pressroom::pipeline {

namespace {
bool parse_number(std::string_view s, std::uint32_t& out) {
    if (s.empty() || s.size() > 5) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}
}  // namespace

Shard parse_shard(std::string_view text) {
    Shard s;
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || !parse_number(text.substr(0, slash), s.index) ||
        !parse_number(text.substr(slash + 1), s.count) || s.count < 1 || s.count > 10000 || s.index < 1 ||
        s.index > s.count)
        throw Error(ErrorKind::usage, "",
                    "--shard takes K/N with 1 <= K <= N <= 10000 (shard K of N), not '" + std::string(text) + "'");
    return s;
}

std::string output_key(std::string_view rel) {
    const auto slash = rel.rfind('/');
    const std::string folder = slash == std::string_view::npos ? std::string() : std::string(rel.substr(0, slash + 1));
    return folder + output_stem(std::string(rel.substr(slash == std::string_view::npos ? 0 : slash + 1)));
}

std::uint32_t shard_of(std::string_view rel, std::uint32_t count) {
    if (count <= 1) return 1;
    const std::string digest = sha256_hex(output_key(rel));
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        const char c = digest[i];
        v = v << 4 | static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return static_cast<std::uint32_t>(v % count) + 1;
}

}  // namespace pressroom::pipeline

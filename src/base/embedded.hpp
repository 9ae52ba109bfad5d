// Small data files compiled into the binary at build time (cmake/embed.cmake):
// the release schema, the rules schema and the built-in boilerplate rules.
// Embedding them means the binary works from any directory, installed or not.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace pressroom::embedded {

struct Resource {
    std::string_view name;   // path relative to the source tree: "schemas/release.xsd"
    std::string_view bytes;
};

std::span<const Resource> all();

inline std::optional<std::string_view> find(std::string_view name) {
    for (const auto& r : all())
        if (r.name == name) return r.bytes;
    return std::nullopt;
}

}  // namespace pressroom::embedded

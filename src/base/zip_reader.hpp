// Reading zip archives (libzip), for `pressroom bundle --merge`, which reads
// the shard bundles back. Wrapped once: RAII handles, libzip's errors become
// Error(invalid) naming the archive, nothing is thrown through libzip.
// (Writing is zip_writer.hpp.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

struct ZipFile {
    std::string name;  // as stored: "releases/sub/a.xml"
    std::string bytes;
};

// Every entry of the archive in `bytes`, in archive order, uncompressed.
// Throws Error(invalid, name) for a damaged archive, an encrypted entry, a
// CRC mismatch, or when the entries would hold more than max_total bytes
// uncompressed (a zip bomb).
std::vector<ZipFile> read_zip(std::string_view bytes, const std::string& name,
                              std::uint64_t max_total = std::uint64_t{4} << 30);

}  // namespace pressroom

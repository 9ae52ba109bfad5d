// Sharding a batch across CI jobs: --shard K/N converts the inputs whose
// key hashes to K-1 modulo N.
//
// The key is the input's output name without extension ("sub/release" for
// "sub/release.txt"): a file's shard depends on nothing but its own path, so
// adding or removing files never moves the others, and the inputs that would
// write the same outputs ("release.txt" and "release.html") always land in
// the same shard, where the batch settles which one wins.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pressroom::pipeline {

struct Shard {
    std::uint32_t index = 1;  // K, 1-based
    std::uint32_t count = 1;  // N; 1 = no sharding
    bool all() const { return count == 1; }
    std::string name() const { return std::to_string(index) + "/" + std::to_string(count); }
    friend bool operator==(const Shard&, const Shard&) = default;
};

// "K/N" with 1 <= K <= N <= 10000. Throws Error(usage) otherwise.
Shard parse_shard(std::string_view text);

// "sub/release" for "sub/release.txt": the folder of the input's relative
// path and its output stem (pipeline::output_stem), which is where its
// outputs go without their extensions.
std::string output_key(std::string_view rel);

// The shard (1-based) an input belongs to among `count`: the first eight
// bytes of SHA-256(output_key(rel)), big-endian, modulo count.
std::uint32_t shard_of(std::string_view rel, std::uint32_t count);

inline bool in_shard(std::string_view rel, const Shard& shard) {
    return shard.all() || shard_of(rel, shard.count) == shard.index;
}

}  // namespace pressroom::pipeline

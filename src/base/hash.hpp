// Digests from OpenSSL's libcrypto: SHA-256 for source and output checksums,
// SHA-1 for RFC 4122 name-based (version 5) UUIDs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pressroom {

std::string sha256_hex(std::string_view bytes);
std::array<std::uint8_t, 20> sha1(std::string_view bytes);
// RFC 4122 version-5 UUID of `name` in namespace `ns` (16 bytes), formatted
// lowercase 8-4-4-4-12.
std::string uuid_v5(const std::array<std::uint8_t, 16>& ns, std::string_view name);

// OpenSSL's version, "OpenSSL 3.0.15 3 Sep 2024" (for --version).
std::string openssl_version();

}  // namespace pressroom

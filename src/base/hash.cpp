#include "base/hash.hpp"

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <stdexcept>

namespace pressroom {

namespace {
template <std::size_t N>
std::array<std::uint8_t, N> digest(const EVP_MD* md, std::string_view bytes) {
    std::array<std::uint8_t, N> out{};
    unsigned int len = 0;
    if (!EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, md, nullptr) || len != N)
        throw std::runtime_error("digest failed");
    return out;
}

std::string hex(const std::uint8_t* p, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        s += digits[p[i] >> 4];
        s += digits[p[i] & 15];
    }
    return s;
}

// OpenSSL 3 looks an algorithm up in its provider tables on every
// EVP_Digest call given EVP_sha256(): about 0.7 million instructions a call,
// more than hashing a release. Fetched once here and kept for the process
// (thread-safe to share; never freed). EVP_sha256() remains the fallback.
const EVP_MD* fetched(const char* name, const EVP_MD* fallback) {
    const EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
    return md ? md : fallback;
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
    static const EVP_MD* const md = fetched("SHA256", EVP_sha256());
    auto d = digest<32>(md, bytes);
    return hex(d.data(), d.size());
}

std::array<std::uint8_t, 20> sha1(std::string_view bytes) {
    static const EVP_MD* const md = fetched("SHA1", EVP_sha1());
    return digest<20>(md, bytes);
}

std::string uuid_v5(const std::array<std::uint8_t, 16>& ns, std::string_view name) {
    std::string input(reinterpret_cast<const char*>(ns.data()), ns.size());
    input.append(name);
    auto d = sha1(input);
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x50);
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);
    std::string h = hex(d.data(), 16);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
           h.substr(20, 12);
}

std::string openssl_version() { return OPENSSL_VERSION_TEXT; }

}  // namespace pressroom

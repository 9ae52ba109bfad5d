// Hyphenation points from libhyphen (the hyphenator of LibreOffice, using
// TeX's patterns in Debian's hyphen-en-us). One RAII wrapper; the C library
// is used nowhere else.
//
// The patterns are run-time data: the build copies hyph_en_US.dic into
// <build>/share/pressroom/hyphen/ and install() into share/pressroom/hyphen/,
// where data_dir() finds them (see cmake/pdf.cmake).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace pressroom::layout {

class Hyphenator {
public:
    // Loads a libhyphen .dic file. Throws Error(data) when it cannot.
    explicit Hyphenator(const std::filesystem::path& dic);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets inside `word` after which a hyphen may go: at least
    // left_min letters before and right_min after. Only words of ASCII
    // letters are hyphenated (English patterns; names and acronyms in capitals
    // are left whole); anything else gives no points.
    std::vector<std::size_t> points(std::string_view word, std::size_t left_min = 2, std::size_t right_min = 3) const;

    // The en-US patterns from pressroom's data folder, loaded once, when
    // the first word is hyphenated; nullptr when they are not installed
    // (text is then set without hyphenation). Patterns that are there but
    // will not load give no hyphenation points.
    static const Hyphenator* english();

private:
    struct Deferred {};
    Hyphenator(Deferred, const std::filesystem::path& dic);
    struct Dict;
    std::unique_ptr<Dict> dict_;
};

}  // namespace pressroom::layout

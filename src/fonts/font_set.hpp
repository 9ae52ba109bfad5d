// The fonts a document is set in: the faces of a manifest, loaded from a
// font folder, and the fallback chain for each style.
//
// Loading reads and parses a few megabytes, so sets are cached per folder
// for the life of the process; a cached set is immutable and shared.
#pragma once

#include "fonts/face.hpp"
#include "fonts/manifest.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace pressroom::fonts {

enum class Style { regular, bold, italic, bold_italic };

const char* style_name(Style s);  // "regular", "bold", "italic", "bold-italic"

class FontSet {
public:
    // The faces of the manifest in `dir` (its manifest.tsv, else the built-in
    // manifest). Throws Error(data) naming the missing or broken file.
    static std::shared_ptr<const FontSet> load(const std::filesystem::path& dir);
    // The folder to use when --font-dir is not given: <data_dir>/fonts.
    // Throws Error(data) when pressroom's data folder cannot be found.
    static std::filesystem::path default_dir();

    struct Entry {
        ManifestEntry manifest;
        std::shared_ptr<const Face> face;
    };
    const std::vector<Entry>& entries() const { return entries_; }
    const Face& face(std::size_t index) const { return *entries_[index].face; }
    const std::filesystem::path& dir() const { return dir_; }

    // Indices into entries(), most preferred first, for text in `style`:
    // body, then fallback, then symbols. Roles the manifest lacks are
    // skipped; a missing styled body role falls back to body-regular.
    const std::vector<std::size_t>& chain(Style style) const { return chains_[static_cast<int>(style)]; }

    // Index of the face that has `cp` in the chain of `style`, or -1.
    int find(char32_t cp, Style style) const;

private:
    std::filesystem::path dir_;
    std::vector<Entry> entries_;
    std::vector<std::size_t> chains_[4];
};

}  // namespace pressroom::fonts

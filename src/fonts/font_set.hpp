// The fonts a document is set in: the faces of a manifest, loaded from a
// font folder, and the fallback chain for each style.
//
// Sets are cached per folder for the life of the process; a cached set is
// shared between threads. Its faces are read and parsed on first use: the
// nine files weigh 3.6 MB and a typical release is set in two of them.
#pragma once

#include "fonts/face.hpp"
#include "fonts/manifest.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace pressroom::fonts {

enum class Style { regular, bold, italic, bold_italic };

// A font file, loaded by the first dereference (thread-safe; later ones
// cost an atomic load). Dereferencing throws Error(data) naming the file
// when it cannot be read or is not a TrueType font, and again on every
// later try.
class LazyFace {
public:
    explicit LazyFace(std::filesystem::path path);
    const Face& operator*() const;
    const Face* operator->() const { return &**this; }
    const std::filesystem::path& path() const;

private:
    struct State;
    std::shared_ptr<State> state_;
};

const char* style_name(Style s);  // "regular", "bold", "italic", "bold-italic"

class FontSet {
public:
    // The faces of the manifest in `dir` (its manifest.tsv, else the built-in
    // manifest). Throws Error(data) naming a missing file; a broken one is
    // found when its face is first used (see LazyFace).
    static std::shared_ptr<const FontSet> load(const std::filesystem::path& dir);
    // The folder to use when --font-dir is not given: <data_dir>/fonts.
    // Throws Error(data) when pressroom's data folder cannot be found.
    static std::filesystem::path default_dir();

    struct Entry {
        ManifestEntry manifest;
        LazyFace face;
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

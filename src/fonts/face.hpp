// One TrueType font held in memory, read through HarfBuzz: glyph coverage
// (cmap), advance widths (hmtx), vertical metrics, and subsetting with
// hb-subset. Free of any PDF library so the EPUB writer can embed the same
// subsets.
//
// A Face is immutable after load and safe to share between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pressroom::fonts {

class Face {
public:
    // Reads and parses the file. Throws Error(data) naming the path when it
    // cannot be read or is not a TrueType font with a Unicode cmap.
    static std::shared_ptr<const Face> load(const std::filesystem::path& path);
    // The same from bytes already in memory (`name` is used in errors).
    static std::shared_ptr<const Face> from_bytes(std::string bytes, const std::string& name);

    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    // Glyph id for a code point, or nullopt when the font has none.
    std::optional<std::uint16_t> glyph(char32_t cp) const;
    bool covers(char32_t cp) const { return glyph(cp).has_value(); }
    // Advance width of a glyph in thousandths of an em, rounded the way PDF
    // /W arrays store it: what a viewer advances by is exactly what layout
    // measured.
    int advance_1000(std::uint16_t gid) const;
    // Advance of a code point (its glyph, or .notdef's).
    int advance_1000(char32_t cp) const;

    // Vertical metrics, in thousandths of an em (descender negative).
    int ascender() const { return ascender_; }
    int descender() const { return descender_; }
    int cap_height() const { return cap_height_; }
    int units_per_em() const { return upem_; }
    const std::string& postscript_name() const { return ps_name_; }
    // From the name table (English names): the typographic family and
    // subfamily (name IDs 16 and 17, else 1 and 2: "Source Serif 4",
    // "Semibold Italic"), and the style-linking subfamily (ID 2), which well-made
    // fonts keep to Regular, Bold, Italic or Bold Italic.
    const std::string& family() const { return family_; }
    const std::string& subfamily() const { return subfamily_; }
    const std::string& style_link() const { return style_link_; }
    // From OS/2 and post (HarfBuzz's hb_style): usWeightClass (400 regular,
    // 700 bold) and whether the face is italic or oblique.
    int weight() const { return weight_; }
    bool italic() const { return italic_; }
    const std::string& name() const { return name_; }
    const std::string& bytes() const { return bytes_; }

    // Every code point the cmap maps, ascending.
    std::vector<char32_t> code_points() const;

    struct SubsetOptions {
        bool drop_hinting = true;        // no fpgm/prep/cvt, no glyph programs: print does not need them
        bool drop_layout_tables = true;  // no GSUB/GPOS/GDEF/kern: for consumers that do not shape
        bool keep_licence_names = false; // also keep name IDs 13-14 (licence text and URL): for subsets
                                         // shipped as files (EPUB), which the OFL wants to carry them
    };
    // A TrueType font holding only .notdef and the glyphs of `code_points`
    // (those the font has; others are ignored), with their cmap entries.
    // Throws Error(data) when HarfBuzz cannot subset the font.
    std::string subset(const std::set<char32_t>& code_points, const SubsetOptions& options) const;
    std::string subset(const std::set<char32_t>& code_points) const { return subset(code_points, SubsetOptions{}); }

private:
    Face() = default;
    struct Hb;
    std::unique_ptr<Hb> hb_;
    std::string name_;
    std::string bytes_;
    std::string ps_name_;
    std::string family_, subfamily_, style_link_;
    int weight_ = 400;
    bool italic_ = false;
    std::vector<std::uint16_t> bmp_gid_;   // glyph of each BMP code point, 0 = none
    std::vector<std::int32_t> width_1000_; // per glyph
    int upem_ = 1000, ascender_ = 800, descender_ = -200, cap_height_ = 700;
};

// HarfBuzz's version, "6.0.0" (for --version).
std::string harfbuzz_version();

}  // namespace pressroom::fonts

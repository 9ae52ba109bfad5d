// The font manifest (fonts/manifest.tsv): which TrueType file plays which
// role, with its family and licence. Shared by every renderer that sets or
// embeds type (PDF now, EPUB's --embed-fonts later).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::fonts {

struct ManifestEntry {
    std::string role;     // "body-regular", "fallback-bold", "symbols"
    std::string file;     // file name inside the font folder
    std::string family;   // "Liberation Serif"
    std::string licence;  // SPDX-like: "OFL-1.1"
    std::string package;  // Debian package the build copies it from
    std::string source;   // where that package puts it
};

// Parses manifest text: '#' comments, one entry per line of six
// tab-separated fields. Throws Error(data) naming `name` and the line on a
// malformed line or a manifest without a body-regular role.
std::vector<ManifestEntry> parse_manifest(std::string_view text, const std::string& name);

// The manifest compiled into pressroom (fonts/manifest.tsv of the build).
const std::vector<ManifestEntry>& builtin_manifest();

}  // namespace pressroom::fonts

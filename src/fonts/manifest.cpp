#include "fonts/manifest.hpp"

#include "base/embedded.hpp"
#include "base/text.hpp"
#include "pressroom/error.hpp"

namespace pressroom::fonts {

std::vector<ManifestEntry> parse_manifest(std::string_view text, const std::string& name) {
    std::vector<ManifestEntry> out;
    int line_no = 0;
    for (std::string_view line : text::split(text, '\n')) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (text::trim(line).empty() || line.front() == '#') continue;
        auto fields = text::split(line, '\t');
        if (fields.size() != 6)
            throw Error(ErrorKind::data, name, "expected 6 tab-separated fields, found " + std::to_string(fields.size()),
                        line_no);
        ManifestEntry e{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]),
                        std::string(fields[3]), std::string(fields[4]), std::string(fields[5])};
        if (e.role.empty() || e.file.empty() || e.file.find('/') != std::string::npos)
            throw Error(ErrorKind::data, name, "a role needs a plain file name", line_no);
        out.push_back(std::move(e));
    }
    bool has_body = false;
    for (const auto& e : out) has_body = has_body || e.role == "body-regular";
    if (!has_body) throw Error(ErrorKind::data, name, "no body-regular font");
    return out;
}

const std::vector<ManifestEntry>& builtin_manifest() {
    static const std::vector<ManifestEntry> manifest = [] {
        auto bytes = embedded::find("fonts/manifest.tsv");
        if (!bytes) throw Error(ErrorKind::internal, "fonts/manifest.tsv", "not embedded in the binary");
        return parse_manifest(*bytes, "fonts/manifest.tsv");
    }();
    return manifest;
}

}  // namespace pressroom::fonts

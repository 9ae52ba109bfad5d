#include "render/epub/embedded_fonts.hpp"

#include "base/utf8.hpp"
#include "fonts/font_set.hpp"

#include <set>

namespace pressroom::render::epub {

namespace {

// Characters a reading system draws that no document holds: the stylesheet's
// "Contact" label and list markers (numbers, bullets).
constexpr std::string_view drawn_by_reader = "Contact0123456789.)\u2022\u25e6\u25aa";

struct StyleInfo {
    fonts::Style style;
    const char* weight;
    const char* font_style;
};
constexpr StyleInfo styles[] = {{fonts::Style::regular, "normal", "normal"},
                                {fonts::Style::bold, "bold", "normal"},
                                {fonts::Style::italic, "normal", "italic"},
                                {fonts::Style::bold_italic, "bold", "italic"}};

// The file name of a role's subset, "body-regular.ttf": from the role rather
// than the manifest's file name, which a --font-dir manifest may fill with
// characters that are no good in a URL.
std::string file_name(const std::string& role) {
    std::string name;
    for (char c : role) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        name += ok ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '-';
    }
    return (name.empty() ? "font" : name) + ".ttf";
}

}  // namespace

std::vector<EmbeddedFont> embed_fonts(const std::vector<std::string_view>& shown,
                                      const std::filesystem::path& font_dir) {
    std::set<char32_t> used;
    auto add = [&](std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const char32_t c = utf8::next(s, i);
            if (c >= 0x20 && !utf8::is_control(c)) used.insert(c);
        }
    };
    for (auto s : shown) add(s);
    add(drawn_by_reader);

    const auto set = fonts::FontSet::load(font_dir.empty() ? fonts::FontSet::default_dir() : font_dir);
    // Characters per face (an index into the set's entries), and the style
    // each face serves; a face serving several styles (a shared fallback)
    // is embedded once, under its first style.
    std::vector<std::set<char32_t>> chars(set->entries().size());
    std::vector<const StyleInfo*> style_of(set->entries().size(), nullptr);
    for (const auto& s : styles) {
        const auto& chain = set->chain(s.style);
        for (char32_t c : used) {
            // The body face gets every character it has; later faces only
            // what the ones before them lack.
            for (std::size_t i : chain) {
                if (!set->face(i).covers(c)) continue;
                chars[i].insert(c);
                if (!style_of[i]) style_of[i] = &s;
                break;
            }
        }
    }

    std::vector<EmbeddedFont> out;
    // Manifest order: body faces first, so the body family leads the
    // stylesheet's font list, then fallbacks, then symbols.
    for (std::size_t i = 0; i < set->entries().size(); ++i) {
        if (chars[i].empty() || !style_of[i]) continue;
        const auto& entry = set->entries()[i];
        fonts::Face::SubsetOptions options;
        options.drop_hinting = true;
        options.drop_layout_tables = false;
        options.keep_licence_names = true;
        EmbeddedFont f;
        f.resource = {"fonts/" + file_name(entry.manifest.role), "font/ttf"};
        f.bytes = entry.face->subset(chars[i], options);
        f.face = {entry.manifest.family, style_of[i]->weight, style_of[i]->font_style, f.resource.href};
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace pressroom::render::epub

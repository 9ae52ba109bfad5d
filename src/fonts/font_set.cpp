#include "fonts/font_set.hpp"

#include "base/files.hpp"
#include "pressroom/error.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace pressroom::fonts {

namespace fs = std::filesystem;

const char* style_name(Style s) {
    switch (s) {
        case Style::regular: return "regular";
        case Style::bold: return "bold";
        case Style::italic: return "italic";
        case Style::bold_italic: return "bold-italic";
    }
    return "regular";
}

struct LazyFace::State {
    fs::path path;
    std::atomic<const Face*> ready{nullptr};
    std::mutex mutex;
    std::shared_ptr<const Face> face;
};

LazyFace::LazyFace(fs::path path) : state_(std::make_shared<State>()) { state_->path = std::move(path); }

const fs::path& LazyFace::path() const { return state_->path; }

const Face& LazyFace::operator*() const {
    if (const Face* f = state_->ready.load(std::memory_order_acquire)) return *f;
    std::lock_guard lock(state_->mutex);
    if (!state_->face) {
        state_->face = Face::load(state_->path);
        state_->ready.store(state_->face.get(), std::memory_order_release);
    }
    return *state_->face;
}

fs::path FontSet::default_dir() {
    fs::path data = data_dir();
    if (data.empty())
        throw Error(ErrorKind::data, "fonts",
                    "pressroom's data folder (share/pressroom) was not found next to the binary; "
                    "set PRESSROOM_DATA_DIR or pass --font-dir");
    return data / "fonts";
}

namespace {

// A role's manifest entry and the file that plays it.
struct Cast {
    ManifestEntry manifest;
    fs::path file;
};

bool has_builtin_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& m : builtin_manifest())
        if (!fs::is_regular_file(dir / m.file, ec)) return false;
    return true;
}

// The style a file's name says, when its name table says none: the part
// after the last '-' ("LiberationSerif-BoldItalic.ttf"), or the whole stem.
Style style_from_file_name(const fs::path& file) {
    std::string stem = file.stem().string();
    if (auto dash = stem.rfind('-'); dash != std::string::npos) stem = stem.substr(dash + 1);
    std::string lower;
    for (char c : stem) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool bold = lower.find("bold") != std::string::npos;
    const bool italic = lower.find("italic") != std::string::npos || lower.find("oblique") != std::string::npos;
    return bold ? (italic ? Style::bold_italic : Style::bold) : (italic ? Style::italic : Style::regular);
}

// A plain folder of TrueType files (--font-dir without a manifest.tsv): one
// family, each file's style read from its name table (the style-linking
// subfamily, Regular, Bold, Italic or Bold Italic, with OS/2's weight to
// choose among a family's many weights), else from its file name. The four
// become the body roles; the fallbacks and the symbols font stay
// pressroom's own, when its data folder is there, so text the family lacks
// is still set.
std::vector<Cast> plain_folder(const fs::path& dir) {
    struct Candidate {
        fs::path file;
        std::shared_ptr<const Face> face;
        Style style;
    };
    std::vector<Candidate> found;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string ext = e.path().extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".ttf" && e.is_regular_file(ec)) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());  // a fixed choice whatever the directory order
    if (files.empty())
        throw Error(ErrorKind::data, dir.string(),
                    "no TrueType fonts (*.ttf) in the folder, and no manifest.tsv (fonts/manifest.tsv's format)");
    for (const auto& file : files) {
        std::shared_ptr<const Face> face = Face::load(file);
        std::string link;
        for (char c : face->style_link()) link += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        Style style = link == "regular"       ? Style::regular
                      : link == "bold"        ? Style::bold
                      : link == "italic"      ? Style::italic
                      : link == "bold italic" ? Style::bold_italic
                                              : style_from_file_name(file);
        found.push_back({file, std::move(face), style});
    }
    std::vector<std::string> families;
    for (const auto& c : found)
        if (std::find(families.begin(), families.end(), c.face->family()) == families.end())
            families.push_back(c.face->family());
    if (families.size() > 1) {
        std::string list;
        for (const auto& f : families) list += (list.empty() ? "" : ", ") + f;
        throw Error(ErrorKind::data, dir.string(),
                    "the folder holds fonts of several families (" + list +
                        "): keep one family in it, or write a manifest.tsv saying which file plays which role");
    }
    std::vector<Cast> cast;
    for (Style style : {Style::regular, Style::bold, Style::italic, Style::bold_italic}) {
        // Among the files of this style, the weight nearest the style's own.
        const int want = style == Style::bold || style == Style::bold_italic ? 700 : 400;
        const Candidate* best = nullptr;
        for (const auto& c : found)
            if (c.style == style &&
                (!best || std::abs(c.face->weight() - want) < std::abs(best->face->weight() - want)))
                best = &c;
        if (!best) continue;
        ManifestEntry m;
        m.role = std::string("body-") + style_name(style);
        m.file = best->file.filename().string();
        m.family = best->face->family();
        m.licence = "see the font";
        m.package = "--font-dir";
        m.source = best->file.string();
        cast.push_back({m, best->file});
    }
    if (cast.empty() || cast.front().manifest.role != "body-regular")
        throw Error(ErrorKind::data, dir.string(),
                    "no regular face among the fonts of the folder (a file whose subfamily is Regular, or named "
                    "*-Regular.ttf)");
    fs::path own;
    try {
        own = FontSet::default_dir();
    } catch (const Error&) {
        return cast;  // no data folder (the library alone): the family only
    }
    for (const auto& m : builtin_manifest())
        if (m.role.rfind("body-", 0) != 0 && fs::is_regular_file(own / m.file, ec)) cast.push_back({m, own / m.file});
    return cast;
}

}  // namespace

std::shared_ptr<const FontSet> FontSet::load(const fs::path& dir) {
    static std::mutex mutex;
    static std::map<fs::path, std::shared_ptr<const FontSet>> cache;
    std::error_code ec;
    fs::path key = fs::weakly_canonical(dir, ec);
    if (ec) key = dir;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;

    if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::data, dir.string(), "font folder not found");
    // Which file plays which role: the folder's manifest.tsv; else, for a
    // copy of pressroom's own fonts, the built-in manifest; else the folder
    // is a plain folder of one family's TrueType files.
    std::vector<Cast> cast;
    auto from_manifest = [&](const std::vector<ManifestEntry>& manifest) {
        for (const auto& m : manifest) {
            fs::path file = dir / m.file;
            if (!fs::is_regular_file(file, ec))
                throw Error(ErrorKind::data, file.string(),
                            "font file missing (role " + m.role + "; Debian package " + m.package + ")");
            cast.push_back({m, file});
        }
    };
    if (fs::path own = dir / "manifest.tsv"; fs::is_regular_file(own, ec)) {
        std::ifstream in(own, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        from_manifest(parse_manifest(ss.str(), own.string()));
    } else if (has_builtin_files(dir)) {
        from_manifest(builtin_manifest());
    } else {
        cast = plain_folder(dir);
    }

    auto set = std::make_shared<FontSet>();
    set->dir_ = dir;
    for (auto& c : cast) set->entries_.push_back({std::move(c.manifest), LazyFace(c.file)});
    auto index_of = [&](const std::string& role) -> int {
        for (std::size_t i = 0; i < set->entries_.size(); ++i)
            if (set->entries_[i].manifest.role == role) return static_cast<int>(i);
        return -1;
    };
    for (int s = 0; s < 4; ++s) {
        std::string suffix = style_name(static_cast<Style>(s));
        auto& chain = set->chains_[s];
        int body = index_of("body-" + suffix);
        if (body < 0) body = index_of("body-regular");
        chain.push_back(static_cast<std::size_t>(body));
        int fallback = index_of("fallback-" + suffix);
        if (fallback < 0) fallback = index_of("fallback-regular");
        if (fallback >= 0) chain.push_back(static_cast<std::size_t>(fallback));
        if (int symbols = index_of("symbols"); symbols >= 0) chain.push_back(static_cast<std::size_t>(symbols));
    }
    cache.emplace(key, set);
    return set;
}

int FontSet::find(char32_t cp, Style style) const {
    for (std::size_t i : chain(style))
        if (entries_[i].face->covers(cp)) return static_cast<int>(i);
    return -1;
}

}  // namespace pressroom::fonts

#include "fonts/font_set.hpp"

#include "base/error.hpp"
#include "base/files.hpp"

#include <atomic>
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

std::shared_ptr<const FontSet> FontSet::load(const fs::path& dir) {
    static std::mutex mutex;
    static std::map<fs::path, std::shared_ptr<const FontSet>> cache;
    std::error_code ec;
    fs::path key = fs::weakly_canonical(dir, ec);
    if (ec) key = dir;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;

    if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::data, dir.string(), "font folder not found");
    std::vector<ManifestEntry> manifest;
    if (fs::path own = dir / "manifest.tsv"; fs::is_regular_file(own, ec)) {
        std::ifstream in(own, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        manifest = parse_manifest(ss.str(), own.string());
    } else {
        manifest = builtin_manifest();
    }

    auto set = std::make_shared<FontSet>();
    set->dir_ = dir;
    for (auto& m : manifest) {
        fs::path file = dir / m.file;
        if (!fs::is_regular_file(file, ec))
            throw Error(ErrorKind::data, file.string(),
                        "font file missing (role " + m.role + "; Debian package " + m.package + ")");
        set->entries_.push_back({m, LazyFace(file)});
    }
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

#include "ingest/data/dictionary.hpp"

#include "base/files.hpp"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace pressroom::ingest::dictionary {

namespace {

struct Dictionary {
    std::unique_ptr<Hunspell> speller;
    std::mutex lock;  // Hunspell's lookups are not documented as thread-safe
};

Dictionary& instance() {
    static Dictionary d;
    static std::once_flag once;
    std::call_once(once, [] {
        namespace fs = std::filesystem;
        std::vector<fs::path> dirs;
        if (fs::path data = data_dir(); !data.empty()) dirs.push_back(data / "hunspell");
        dirs.emplace_back("/usr/share/hunspell");
        for (const auto& dir : dirs) {
            std::error_code ec;
            if (fs::exists(dir / "en_US.aff", ec) && fs::exists(dir / "en_US.dic", ec)) {
                d.speller = std::make_unique<Hunspell>((dir / "en_US.aff").c_str(), (dir / "en_US.dic").c_str());
                return;
            }
        }
    });
    return d;
}

}  // namespace

bool available() { return instance().speller != nullptr; }

bool is_word(std::string_view word) {
    Dictionary& d = instance();
    if (!d.speller || word.empty() || word.size() > 64) return false;
    std::lock_guard<std::mutex> guard(d.lock);
    return d.speller->spell(std::string(word));
}

}  // namespace pressroom::ingest::dictionary

#include "pipeline/stamp.hpp"

#include "base/files.hpp"
#include "base/hash.hpp"
#include "pressroom/error.hpp"
#include "version.hpp"

#include <sys/stat.h>

namespace pressroom::pipeline {

namespace fs = std::filesystem;

std::string stamp_version() {
    std::string v = PRESSROOM_VERSION;
    if (*PRESSROOM_GIT_COMMIT) v += " (commit " PRESSROOM_GIT_COMMIT ")";
    return v;
}

std::string options_fingerprint(const ConvertOptions& options, std::string_view extra) {
    // One "name=value" line per option; a new option that changes outputs
    // belongs here too, or stale outputs would be kept.
    std::string s = "fingerprint 1\n";
    s += "formats=";
    for (const render::Format* f : requested_formats(options)) s += std::string(f->name) + ",";
    s += "\nfrom=" + options.ingest.from;
    s += "\nprofile=" + options.ingest.profile;
    s += "\nmax_input_bytes=" + std::to_string(options.max_input_bytes);
    s += "\nwidth=" + std::to_string(options.render.width);
    s += "\npaper=" + options.render.paper;
    s += "\nfont_dir=" + options.render.font_dir.string();
    s += "\nembed_fonts=" + std::to_string(options.render.embed_fonts);
    s += "\ncss=" + options.render.css_href;  // --css, and what --embed-css embeds
    s += "\ncss_text=" + sha256_hex(options.render.css_text);
    s += "\nsource_date_epoch=" +
         (options.render.source_date_epoch ? std::to_string(*options.render.source_date_epoch) : std::string("-"));
    s += "\nmetadata=";
    for (const auto& m : options.metadata) s += m.key + "=" + m.value + "\x1f";  // -M, --metadata-file
    s += "\nextra=";
    s += extra;
    return sha256_hex(s);
}

fs::path stamp_path(const fs::path& out_dir, std::string_view rel) {
    return out_dir / state_dir / "stamps" / (std::string(rel) + ".json");
}

std::optional<InputState> input_state(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    InputState s;
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return s;
}

std::optional<Stamp> read_stamp(const fs::path& out_dir, std::string_view rel) {
    const fs::path path = stamp_path(out_dir, rel);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    try {
        // A stamp is a few KB; one past this is not one of ours.
        constexpr std::size_t max_stamp_bytes = 16u << 20;
        const Json j = parse_json(read_input(path.string(), max_stamp_bytes), path.string());
        if (!j.is_object() || j.value("stamp", 0) != 1) return std::nullopt;
        Stamp s;
        s.pressroom = j.at("pressroom").get<std::string>();
        s.options = j.at("options").get<std::string>();
        s.input.size = j.at("input").at("size").get<std::uint64_t>();
        s.input.mtime_ns = j.at("input").at("mtime_ns").get<std::int64_t>();
        s.record = input_record_from_json(j.at("record"), path.string());
        if (s.record.input != rel) return std::nullopt;
        return s;
    } catch (const Error&) {
        return std::nullopt;
    } catch (const Json::exception&) {
        return std::nullopt;
    }
}

void write_stamp(const fs::path& out_dir, const Stamp& stamp) {
    const fs::path path = stamp_path(out_dir, stamp.record.input);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    Json j;
    j["stamp"] = 1;
    j["pressroom"] = stamp.pressroom;
    j["options"] = stamp.options;
    j["input"] = {{"size", stamp.input.size}, {"mtime_ns", stamp.input.mtime_ns}};
    j["record"] = to_json(stamp.record);
    write_atomic(path, dump(j));
}

void remove_stamp(const fs::path& out_dir, std::string_view rel) {
    std::error_code ec;
    fs::remove(stamp_path(out_dir, rel), ec);
}

bool up_to_date(const Stamp& stamp, const InputState& now, std::string_view version, std::string_view options,
                const fs::path& out_dir) {
    if (stamp.pressroom != version || stamp.options != options) return false;
    if (stamp.input.size != now.size || stamp.input.mtime_ns != now.mtime_ns) return false;
    for (const auto& o : stamp.record.outputs) {
        auto out = input_state(out_dir / o.path);
        if (!out || out->size != o.size || out->mtime_ns < now.mtime_ns) return false;
    }
    return true;
}

}  // namespace pressroom::pipeline

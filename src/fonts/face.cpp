#include "fonts/face.hpp"

#include "pressroom/error.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <utility>
#include <fstream>

namespace pressroom::fonts {

namespace {

// RAII for the HarfBuzz objects: each owns one reference.
template <class T, void (*Destroy)(T*)>
struct HbPtr {
    T* p = nullptr;
    HbPtr() = default;
    explicit HbPtr(T* raw) : p(raw) {}
    ~HbPtr() {
        if (p) Destroy(p);
    }
    HbPtr(const HbPtr&) = delete;
    HbPtr& operator=(const HbPtr&) = delete;
    HbPtr(HbPtr&& o) noexcept : p(o.p) { o.p = nullptr; }
    HbPtr& operator=(HbPtr&& o) noexcept {
        std::swap(p, o.p);
        return *this;
    }
    T* get() const { return p; }
};
using Blob = HbPtr<hb_blob_t, hb_blob_destroy>;
using FaceP = HbPtr<hb_face_t, hb_face_destroy>;
using FontP = HbPtr<hb_font_t, hb_font_destroy>;
using SetP = HbPtr<hb_set_t, hb_set_destroy>;
using SubsetInput = HbPtr<hb_subset_input_t, hb_subset_input_destroy>;

int to_1000(hb_position_t v, int upem) {
    return static_cast<int>(std::lround(static_cast<double>(v) * 1000.0 / upem));
}

}  // namespace

struct Face::Hb {
    Blob blob;
    FaceP face;
    FontP font;
};

Face::~Face() = default;

std::shared_ptr<const Face> Face::load(const std::filesystem::path& path) {
    // One read into a buffer of the file's size: fonts are large, and
    // every extra copy is hundreds of page faults.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw Error(ErrorKind::data, path.string(), "cannot read font file");
    const std::streamoff size = in.tellg();
    if (size < 0) throw Error(ErrorKind::data, path.string(), "cannot read font file");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) throw Error(ErrorKind::data, path.string(), "cannot read font file");
    return from_bytes(std::move(bytes), path.string());
}

std::shared_ptr<const Face> Face::from_bytes(std::string bytes, const std::string& name) {
    std::shared_ptr<Face> f(new Face());
    f->name_ = name;
    f->bytes_ = std::move(bytes);
    f->hb_ = std::make_unique<Hb>();
    // READONLY: HarfBuzz reads the bytes in place; the Face outlives the blob.
    f->hb_->blob = Blob(hb_blob_create(f->bytes_.data(), static_cast<unsigned>(f->bytes_.size()),
                                       HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    f->hb_->face = FaceP(hb_face_create(f->hb_->blob.get(), 0));
    hb_face_t* face = f->hb_->face.get();
    const unsigned glyph_count = hb_face_get_glyph_count(face);
    Blob glyf(hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f')));
    if (glyph_count == 0 || hb_blob_get_length(glyf.get()) == 0)
        throw Error(ErrorKind::data, name, "not a TrueType (glyf) font");
    f->hb_->font = FontP(hb_font_create(face));
    hb_font_t* font = f->hb_->font.get();
    f->upem_ = static_cast<int>(hb_face_get_upem(face));
    hb_font_set_scale(font, f->upem_, f->upem_);

    f->bmp_gid_.assign(0x10000, 0);
    SetP unicodes(hb_set_create());
    hb_face_collect_unicodes(face, unicodes.get());
    if (hb_set_get_population(unicodes.get()) == 0) throw Error(ErrorKind::data, name, "font has no Unicode cmap");
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp) && cp < 0x10000;) {
        hb_codepoint_t gid = 0;
        if (hb_font_get_nominal_glyph(font, cp, &gid) && gid < 0x10000) f->bmp_gid_[cp] = static_cast<std::uint16_t>(gid);
    }
    f->width_1000_.resize(glyph_count);
    for (unsigned g = 0; g < glyph_count; ++g)
        f->width_1000_[g] = to_1000(hb_font_get_glyph_h_advance(font, g), f->upem_);

    hb_font_extents_t ext{};
    if (hb_font_get_h_extents(font, &ext)) {
        f->ascender_ = to_1000(ext.ascender, f->upem_);
        f->descender_ = to_1000(ext.descender, f->upem_);
    }
    hb_position_t cap = 0;
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0)
        f->cap_height_ = to_1000(cap, f->upem_);

    char ps[128];
    unsigned ps_len = sizeof ps;
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, hb_language_get_default(), &ps_len, ps) > 0)
        f->ps_name_.assign(ps, ps_len);
    auto english_name = [&](hb_ot_name_id_t id) {
        char buf[256];
        unsigned len = sizeof buf;
        if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &len, buf) > 0)
            return std::string(buf, len);
        len = sizeof buf;
        if (hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, buf) > 0) return std::string(buf, len);
        return std::string();
    };
    f->style_link_ = english_name(HB_OT_NAME_ID_FONT_SUBFAMILY);
    f->family_ = english_name(HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
    if (f->family_.empty()) f->family_ = english_name(HB_OT_NAME_ID_FONT_FAMILY);
    f->subfamily_ = english_name(HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY);
    if (f->subfamily_.empty()) f->subfamily_ = f->style_link_;
    f->weight_ = static_cast<int>(hb_style_get_value(font, HB_STYLE_TAG_WEIGHT));
    f->italic_ = hb_style_get_value(font, HB_STYLE_TAG_ITALIC) > 0.5f ||
                 hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE) != 0.0f;
    return f;
}

std::optional<std::uint16_t> Face::glyph(char32_t cp) const {
    if (cp < 0x10000) {
        std::uint16_t g = bmp_gid_[cp];
        if (g == 0) return std::nullopt;
        return g;
    }
    hb_codepoint_t gid = 0;
    if (cp <= 0x10FFFF && hb_font_get_nominal_glyph(hb_->font.get(), cp, &gid) && gid != 0 && gid < 0x10000)
        return static_cast<std::uint16_t>(gid);
    return std::nullopt;
}

int Face::advance_1000(std::uint16_t gid) const {
    return gid < width_1000_.size() ? width_1000_[gid] : width_1000_.empty() ? 0 : width_1000_[0];
}

int Face::advance_1000(char32_t cp) const { return advance_1000(glyph(cp).value_or(0)); }

std::vector<char32_t> Face::code_points() const {
    std::vector<char32_t> out;
    SetP unicodes(hb_set_create());
    hb_face_collect_unicodes(hb_->face.get(), unicodes.get());
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp);) out.push_back(cp);
    return out;
}

std::string Face::subset(const std::set<char32_t>& code_points, const SubsetOptions& options) const {
    SubsetInput input(hb_subset_input_create_or_fail());
    if (!input.get()) throw Error(ErrorKind::internal, name_, "out of memory creating a font subset");
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : code_points) hb_set_add(unicodes, cp);
    unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
    if (options.drop_hinting) flags |= HB_SUBSET_FLAGS_NO_HINTING;
    hb_subset_input_set_flags(input.get(), flags);
    if (options.keep_licence_names) {
        hb_set_t* names = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
        hb_set_add(names, 13);
        hb_set_add(names, 14);
    }
    if (options.drop_layout_tables) {
        hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "feat", "hdmx",
                                "VDMX", "LTSH", "PCLT", "gasp", "DSIG", "vhea", "vmtx", "FFTM"})
            hb_set_add(drop, hb_tag_from_string(tag, 4));
    }
    FaceP result(hb_subset_or_fail(hb_->face.get(), input.get()));
    if (!result.get()) throw Error(ErrorKind::data, name_, "HarfBuzz could not subset the font");
    Blob blob(hb_face_reference_blob(result.get()));
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob.get(), &len);
    if (!data || len == 0) throw Error(ErrorKind::data, name_, "HarfBuzz produced an empty font subset");
    return std::string(data, len);
}

std::string harfbuzz_version() { return hb_version_string(); }

}  // namespace pressroom::fonts

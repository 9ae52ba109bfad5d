#include "render/pdf/hpdf_document.hpp"

#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "pressroom/error.hpp"

#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace pressroom::render::pdf {

namespace {

// What libharu's error callback saw. The callback only records: an
// exception must never unwind through libharu's C frames.
struct ErrorState {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
};

extern "C" void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    auto* state = static_cast<ErrorState*>(user_data);
    if (state->error == HPDF_OK) {
        state->error = error_no;
        state->detail = detail_no;
    }
}

// A placeholder for the trailer /ID, replaced after saving by a digest of
// the file (which contains the placeholder, so the digest is well defined).
constexpr char id_placeholder[] = "pressroom-id-tbd";  // 16 bytes

std::string hex_upper(std::string_view bytes) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// libharu 2.3.0 builds a CID font's /W array and CIDToGIDMap by walking all
// 65,536 codes of the UTF-8 encoder, with a linear search of the font's
// cmap for each code and byte-by-byte copies of a 128 KB map: about 12
// million instructions per font, the largest cost of a typical release's
// PDF (and add_font rewrites both from the subset afterwards anyway). For a
// CMap encoder libharu walks only the codes its cid_map maps. So while
// HPDF_GetFont builds the font, the UTF-8 encoder poses as a CMap encoder
// that maps exactly the subset's code points (code = CID = Unicode, as the
// UTF-8 encoder has it); the destructor puts every changed entry and the
// function back. The PDF's bytes are the same either way.
class SubsetCodesOnly {
public:
    SubsetCodesOnly(HPDF_Encoder encoder, const std::set<char32_t>& code_points) {
        if (!encoder || encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !encoder->attr ||
            encoder->to_unicode_fn == HPDF_CMapEncoder_ToUnicode)
            return;  // not libharu's UTF-8 encoder as 2.3.0 makes it: leave it alone
        encoder_ = encoder;
        attr_ = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
        saved_fn_ = encoder->to_unicode_fn;
        for (char32_t c : code_points) {
            if (c == 0 || c > 0xFFFF) continue;
            auto low = static_cast<HPDF_BYTE>(c & 0xFF), high = static_cast<HPDF_BYTE>(c >> 8);
            saved_.push_back({low, high, attr_->cid_map[low][high], attr_->unicode_map[low][high]});
            attr_->cid_map[low][high] = static_cast<HPDF_UINT16>(c);
            attr_->unicode_map[low][high] = static_cast<HPDF_UNICODE>(c);
        }
        encoder->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    }
    ~SubsetCodesOnly() {
        if (!encoder_) return;
        encoder_->to_unicode_fn = saved_fn_;
        for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
            attr_->cid_map[it->low][it->high] = it->cid;
            attr_->unicode_map[it->low][it->high] = it->unicode;
        }
    }
    SubsetCodesOnly(const SubsetCodesOnly&) = delete;
    SubsetCodesOnly& operator=(const SubsetCodesOnly&) = delete;

private:
    struct Entry {
        HPDF_BYTE low, high;
        HPDF_UINT16 cid;
        HPDF_UNICODE unicode;
    };
    HPDF_Encoder encoder_ = nullptr;
    HPDF_CMapEncoderAttr attr_ = nullptr;
    HPDF_Encoder_ToUnicode_Func saved_fn_ = nullptr;
    std::vector<Entry> saved_;
};

// Memory libharu allocates while saving, tracked so that what it forgets
// can be taken back. libharu 2.3 leaks a dictionary it creates during
// HPDF_SaveToStream when the save fails (the font-table bug in
// hpdf_document.hpp; LeakSanitizer found it). Every block libharu gets
// carries a header naming the arena that was current on this thread when it
// was allocated (none outside save()); freeing unlinks it; the document frees
// what is left in its arena after HPDF_Free. (libharu's own memory pool
// would release everything too, but Debian's build does not align its
// blocks: UBSan reports misaligned objects.)
struct SaveArena {
    struct Block {
        SaveArena* arena;
        Block* prev;
        Block* next;
    };
    Block* head = nullptr;

    ~SaveArena() {
        while (head) {
            Block* b = head;
            head = b->next;
            std::free(b);
        }
    }
};

thread_local SaveArena* current_arena = nullptr;

// Keeps the payload as aligned as malloc's.
constexpr std::size_t header_size = (sizeof(SaveArena::Block) + alignof(std::max_align_t) - 1) /
                                    alignof(std::max_align_t) * alignof(std::max_align_t);

extern "C" void* arena_alloc(HPDF_UINT size) {
    auto* b = static_cast<SaveArena::Block*>(std::malloc(header_size + size));
    if (!b) return nullptr;
    b->arena = current_arena;
    b->prev = nullptr;
    b->next = nullptr;
    if (SaveArena* a = b->arena) {
        b->next = a->head;
        if (a->head) a->head->prev = b;
        a->head = b;
    }
    return reinterpret_cast<char*>(b) + header_size;
}

extern "C" void arena_free(void* p) {
    if (!p) return;
    auto* b = reinterpret_cast<SaveArena::Block*>(static_cast<char*>(p) - header_size);
    if (SaveArena* a = b->arena) {
        if (b->prev) b->prev->next = b->next;
        else a->head = b->next;
        if (b->next) b->next->prev = b->prev;
    }
    std::free(b);
}

// The arena current on this thread for a scope (save()).
class ArenaScope {
public:
    explicit ArenaScope(SaveArena& a) : saved_(current_arena) { current_arena = &a; }
    ~ArenaScope() { current_arena = saved_; }
    ArenaScope(const ArenaScope&) = delete;
    ArenaScope& operator=(const ArenaScope&) = delete;

private:
    SaveArena* saved_;
};

}  // namespace

std::string libharu_version() { return HPDF_GetVersion(); }

std::string utc_date(std::int64_t epoch_seconds, const char* format) {
    using namespace std::chrono;
    sys_seconds t{seconds{epoch_seconds}};
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{t - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, format, static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()),
                  static_cast<long>(hms.minutes().count()), static_cast<long>(hms.seconds().count()));
    return buf;
}

std::string pdf_date(std::int64_t epoch_seconds) { return utc_date(epoch_seconds, "D:%04d%02u%02u%02ld%02ld%02ldZ"); }

std::string pdf_text_bytes(const std::string& s, bool& is_utf16) {
    is_utf16 = false;
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7e) is_utf16 = true;
    if (!is_utf16) return s;
    std::string out = "\xFE\xFF";
    auto put = [&](unsigned v) {
        out += static_cast<char>(v >> 8);
        out += static_cast<char>(v & 0xFF);
    };
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = utf8::next(s, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(0xD800 + (cp >> 10));
            put(0xDC00 + (cp & 0x3FF));
        } else {
            put(cp);
        }
    }
    return out;
}

std::string to_unicode_cmap(const std::set<char32_t>& code_points) {
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<char32_t> cps;
    for (char32_t c : code_points)
        if (c < 0x10000) cps.push_back(c);
    // At most 100 entries per bfchar section (PDF 32000-1, 9.10.3).
    for (std::size_t i = 0; i < cps.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, cps.size() - i);
        out += std::to_string(n) + " beginbfchar\n";
        char buf[32];
        for (std::size_t k = i; k < i + n; ++k) {
            std::snprintf(buf, sizeof buf, "<%04X> <%04X>\n", static_cast<unsigned>(cps[k]), static_cast<unsigned>(cps[k]));
            out += buf;
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

struct HpdfDocument::Impl {
    SaveArena arena;  // declared first: destroyed after doc's HPDF_Free
    ErrorState errors;
    HPDF_Doc doc = nullptr;
    std::vector<HPDF_Font> fonts;
    std::vector<HPDF_Page> pages;
    std::vector<HPDF_Outline> outline_levels;  // last bookmark at each level
    HPDF_Font cur_font = nullptr;
    double cur_size = -1, cur_gray = -1;

    // Tagging: what was drawn into which structure element, in drawing
    // order (a marked-content sequence, or a link annotation), and the next
    // MCID of each page.
    struct Content {
        int element = 0;
        std::size_t page = 0;
        int mcid = -1;                    // a marked-content sequence...
        HPDF_Annotation annot = nullptr;  // ...or an annotation (an object reference)
    };
    std::vector<Content> contents;
    std::vector<int> next_mcid;

    [[noreturn]] void fail(const std::string& what) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " (libharu error 0x%04X, detail %u)", static_cast<unsigned>(errors.error),
                      static_cast<unsigned>(errors.detail));
        std::string msg = "cannot write the PDF: " + what + (errors.error ? buf : "");
        errors = {};
        if (doc) HPDF_ResetError(doc);
        throw Error(ErrorKind::internal, "", msg);
    }
    void check(HPDF_STATUS status, const char* what) {
        if (status != HPDF_OK || errors.error != HPDF_OK) fail(what);
    }
    template <class T>
    T check_ptr(T p, const char* what) {
        if (!p || errors.error != HPDF_OK) fail(what);
        return p;
    }
    HPDF_Page page() {
        if (pages.empty()) fail("no page");
        return pages.back();
    }
    // A PDF text string object for UTF-8 text.
    void* text_object(const std::string& s) {
        bool utf16 = false;
        std::string bytes = pdf_text_bytes(s, utf16);
        if (!utf16) return check_ptr(HPDF_String_New(doc->mmgr, bytes.c_str(), nullptr), "string");
        return check_ptr(HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                         static_cast<HPDF_UINT>(bytes.size())),
                         "string");
    }
    // Writes content-stream operators libharu has no function for into the
    // current page's content stream, where its own calls write theirs.
    void operators(const std::string& ops) {
        auto* attr = static_cast<HPDF_PageAttr>(page()->attr);
        check(HPDF_Stream_WriteStr(attr->stream, ops.c_str()), "marked content");
    }
    // A dictionary that is an indirect object (the file's objects are
    // numbered in the order they are made: the same document, the same
    // numbers).
    HPDF_Dict indirect_dict(const char* what) {
        HPDF_Dict d = check_ptr(HPDF_Dict_New(doc->mmgr), what);
        check(HPDF_Xref_Add(doc->xref, d), what);
        return d;
    }
    void rewrite_stream(HPDF_Dict dict, const std::string& data, const char* what) {
        if (!dict || !dict->stream) fail(what);
        HPDF_MemStream_FreeData(dict->stream);
        check(HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                                static_cast<HPDF_UINT>(data.size())),
              what);
    }
};

HpdfDocument::HpdfDocument() : impl_(std::make_unique<Impl>()) {
    impl_->doc = HPDF_NewEx(&record_error, &arena_alloc, &arena_free, 0, &impl_->errors);
    if (!impl_->doc) throw Error(ErrorKind::internal, "", "libharu cannot create a PDF document (out of memory?)");
    impl_->check(HPDF_SetCompressionMode(impl_->doc, HPDF_COMP_ALL), "compression");
    impl_->check(HPDF_UseUTFEncodings(impl_->doc), "UTF-8 encodings");
    impl_->check(HPDF_SetPageMode(impl_->doc, HPDF_PAGE_MODE_USE_OUTLINE), "page mode");
}

HpdfDocument::~HpdfDocument() {
    if (impl_->doc) HPDF_Free(impl_->doc);
}

int HpdfDocument::add_font(const std::string& subset_bytes, const std::string& name) {
    Impl& m = *impl_;
    // The subset as HarfBuzz sees it: its cmap and advances define codes and widths.
    auto face = fonts::Face::from_bytes(subset_bytes, name);

    // Load from memory through the object layer: a memory stream the font
    // definition owns from here on.
    HPDF_Stream stream = m.check_ptr(HPDF_MemStream_New(m.doc->mmgr, 4096), "font stream");
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(subset_bytes.data()),
                          static_cast<HPDF_UINT>(subset_bytes.size())) != HPDF_OK) {
        HPDF_Stream_Free(stream);
        m.fail("font " + name);
    }
    HPDF_FontDef def = HPDF_TTFontDef_Load(m.doc->mmgr, stream, HPDF_TRUE);
    if (!def) {
        m.errors = {};
        HPDF_ResetError(m.doc);
        throw Error(ErrorKind::data, name, "libharu cannot read the font subset");
    }
    // The subset tag (six capitals before '+') comes from the subset's
    // bytes: deterministic, and different subsets get different names.
    std::string digest = sha256_hex(subset_bytes);
    char tag[7];
    for (int i = 0; i < 6; ++i)
        tag[i] = static_cast<char>('A' + std::stoi(digest.substr(static_cast<std::size_t>(i) * 2, 2), nullptr, 16) % 26);
    tag[6] = '\0';
    HPDF_TTFontDef_SetTagName(def, tag);
    m.check(HPDF_Doc_RegisterFontDef(m.doc, def), "registering a font");
    std::set<char32_t> cps;
    for (char32_t c : face->code_points())
        if (c < 0x10000) cps.insert(c);
    if (cps.empty()) m.fail("font " + name + " has no characters");
    HPDF_Font font = nullptr;
    {
        SubsetCodesOnly only(m.check_ptr(HPDF_GetEncoder(m.doc, "UTF-8"), "UTF-8 encoder"), cps);
        font = HPDF_GetFont(m.doc, def->base_font, "UTF-8");
    }
    m.check_ptr(font, "font");
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);

    // ToUnicode: a bfchar CMap, code = CID = Unicode.
    m.rewrite_stream(attr->cmap_stream, to_unicode_cmap(cps), "ToUnicode CMap");
    // A ToUnicode stream is not a CMap resource dictionary: drop libharu's keys
    // (RemoveElement reports a missing key by its return value only).
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) HPDF_Dict_RemoveElement(attr->cmap_stream, key);

    // CIDToGIDMap and /W over every code the font maps, the last included.
    char32_t max_cp = *cps.rbegin();
    std::string map((max_cp + 1) * 2, '\0');
    for (char32_t c : cps) {
        std::uint16_t gid = face->glyph(c).value_or(0);
        map[c * 2] = static_cast<char>(gid >> 8);
        map[c * 2 + 1] = static_cast<char>(gid & 0xFF);
    }
    m.rewrite_stream(attr->map_stream, map, "CIDToGIDMap");
    HPDF_Dict cid_font = attr->descendant_font;
    HPDF_Array widths = m.check_ptr(HPDF_Array_New(m.doc->mmgr), "widths");
    HPDF_Array run = nullptr;
    char32_t prev = 0;
    for (char32_t c : cps) {
        if (!run || c != prev + 1) {
            m.check(HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(c)), "widths");
            run = m.check_ptr(HPDF_Array_New(m.doc->mmgr), "widths");
            m.check(HPDF_Array_Add(widths, run), "widths");
        }
        m.check(HPDF_Array_AddNumber(run, face->advance_1000(face->glyph(c).value_or(0))), "widths");
        prev = c;
    }
    m.check(HPDF_Dict_Add(cid_font, "W", widths), "widths");
    // A CIDFont's Ordering is "Identity" (libharu writes the CMap's name).
    HPDF_Dict info = m.check_ptr(HPDF_Dict_New(m.doc->mmgr), "CIDSystemInfo");
    m.check(HPDF_Dict_Add(info, "Registry", HPDF_String_New(m.doc->mmgr, "Adobe", nullptr)), "CIDSystemInfo");
    m.check(HPDF_Dict_Add(info, "Ordering", HPDF_String_New(m.doc->mmgr, "Identity", nullptr)), "CIDSystemInfo");
    m.check(HPDF_Dict_AddNumber(info, "Supplement", 0), "CIDSystemInfo");
    m.check(HPDF_Dict_Add(cid_font, "CIDSystemInfo", info), "CIDSystemInfo");

    m.fonts.push_back(font);
    return static_cast<int>(m.fonts.size() - 1);
}

void HpdfDocument::add_page(double width, double height) {
    Impl& m = *impl_;
    HPDF_Page page = m.check_ptr(HPDF_AddPage(m.doc), "new page");
    m.check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width)), "page size");
    m.check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height)), "page size");
    m.pages.push_back(page);
    m.next_mcid.push_back(0);
    m.cur_font = nullptr;
    m.cur_size = m.cur_gray = -1;
}

void HpdfDocument::draw_rule(double x1, double y1, double x2, double y2, double width, double gray) {
    Impl& m = *impl_;
    HPDF_Page p = m.page();
    m.check(HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(width)), "rule");
    m.check(HPDF_Page_SetGrayStroke(p, static_cast<HPDF_REAL>(gray)), "rule");
    m.check(HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1)), "rule");
    m.check(HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2)), "rule");
    m.check(HPDF_Page_Stroke(p), "rule");
}

void HpdfDocument::begin_text() { impl_->check(HPDF_Page_BeginText(impl_->page()), "text"); }
void HpdfDocument::end_text() { impl_->check(HPDF_Page_EndText(impl_->page()), "text"); }

void HpdfDocument::text(int font, double size, double gray, double x, double y, const std::string& s) {
    Impl& m = *impl_;
    HPDF_Page p = m.page();
    HPDF_Font f = m.fonts.at(static_cast<std::size_t>(font));
    if (f != m.cur_font || size != m.cur_size) {
        m.check(HPDF_Page_SetFontAndSize(p, f, static_cast<HPDF_REAL>(size)), "font");
        m.cur_font = f;
        m.cur_size = size;
    }
    if (gray != m.cur_gray) {
        m.check(HPDF_Page_SetGrayFill(p, static_cast<HPDF_REAL>(gray)), "colour");
        m.cur_gray = gray;
    }
    const HPDF_STATUS st = HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), s.c_str());
    if (st != HPDF_OK && m.errors.error == HPDF_INVALID_OBJECT) {
        // The same libharu font bug as in save(), met while measuring the
        // text (fuzz_pipeline: tests/fuzz/crashes/pipeline/pdf-font-invalid-object-in-text).
        m.errors = {};
        HPDF_ResetError(m.doc);
        throw FontTableBoundary();
    }
    m.check(st, "text");
}

namespace {

// A PDF text string as a hex string literal for a content stream.
std::string hex_text(const std::string& utf8) {
    bool utf16 = false;
    return "<" + hex_upper(pdf_text_bytes(utf8, utf16)) + ">";
}

}  // namespace

void HpdfDocument::begin_content(int element, const char* tag, const std::optional<std::string>& actual) {
    Impl& m = *impl_;
    if (element < 0) m.fail("content without a structure element");
    const std::size_t page = m.pages.size() - 1;
    const int mcid = m.next_mcid.at(page)++;
    m.contents.push_back({element, page, mcid, nullptr});
    std::string ops = "/";
    ops += tag;
    ops += " <</MCID " + std::to_string(mcid);
    if (actual) ops += " /ActualText " + hex_text(*actual);
    ops += ">> BDC\n";
    m.operators(ops);
}

void HpdfDocument::begin_artifact(bool pagination) {
    impl_->operators(pagination ? "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
                                : "/Artifact <</Type /Layout>> BDC\n");
}

void HpdfDocument::begin_added_hyphen() {
    // poppler's text extraction honours /ActualText on a /Span only, and
    // its tagged-text reader (pdfinfo -struct-text) takes nothing from an
    // artifact: the one marks it for both.
    impl_->operators("/Span <</ActualText <>>> BDC /Artifact <</Type /Layout>> BDC\n");
}

void HpdfDocument::end_marked(int levels) {
    std::string ops;
    for (int i = 0; i < levels; ++i) ops += "EMC\n";
    impl_->operators(ops);
}

void HpdfDocument::text_after(int font, double size, const std::string& s) {
    Impl& m = *impl_;
    HPDF_Page p = m.page();
    HPDF_Font f = m.fonts.at(static_cast<std::size_t>(font));
    if (f != m.cur_font || size != m.cur_size) {
        m.check(HPDF_Page_SetFontAndSize(p, f, static_cast<HPDF_REAL>(size)), "font");
        m.cur_font = f;
        m.cur_size = size;
    }
    m.check(HPDF_Page_ShowText(p, s.c_str()), "text");
}

void HpdfDocument::link(double left, double bottom, double right, double top, const std::string& uri, int element,
                        const std::string& description) {
    Impl& m = *impl_;
    // URIs are 7-bit ASCII (RFC 3986): percent-encode anything else.
    std::string ascii;
    for (unsigned char c : uri) {
        if (c <= 0x20 || c >= 0x7f) text::append_percent_encoded(ascii, c);
        else ascii += static_cast<char>(c);
    }
    HPDF_Rect rect{static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(bottom), static_cast<HPDF_REAL>(right),
                   static_cast<HPDF_REAL>(top)};
    HPDF_Annotation a = m.check_ptr(HPDF_Page_CreateURILinkAnnot(m.page(), rect, ascii.c_str()), "link");
    m.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "link border");
    if (element >= 0) {
        m.check(HPDF_Dict_Add(a, "Contents", m.text_object(description.empty() ? uri : description)), "link");
        m.contents.push_back({element, m.pages.size() - 1, -1, a});
    }
}

void HpdfDocument::page_link(std::size_t on_page, double left, double bottom, double right, double top,
                             std::size_t to_page, double to_top, int element, const std::string& description) {
    Impl& m = *impl_;
    if (on_page >= m.pages.size() || to_page >= m.pages.size()) m.fail("link to or from a missing page");
    HPDF_Destination d = m.check_ptr(HPDF_Page_CreateDestination(m.pages[to_page]), "link destination");
    m.check(HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(to_top)), "link destination");
    HPDF_Rect rect{static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(bottom), static_cast<HPDF_REAL>(right),
                   static_cast<HPDF_REAL>(top)};
    HPDF_Annotation a = m.check_ptr(HPDF_Page_CreateLinkAnnot(m.pages[on_page], rect, d), "link");
    m.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "link border");
    if (element >= 0) {
        m.check(HPDF_Dict_Add(a, "Contents", m.text_object(description.empty() ? "Link" : description)), "link");
        m.contents.push_back({element, on_page, -1, a});
    }
}

void HpdfDocument::tag(const std::vector<Element>& elements, const std::string& lang, const std::string& xmp) {
    Impl& m = *impl_;
    HPDF_MMgr mmgr = m.doc->mmgr;
    if (elements.empty()) m.fail("tagging without a structure");
    for (const auto& c : m.contents)
        if (c.element < 0 || static_cast<std::size_t>(c.element) >= elements.size()) m.fail("content of no element");

    // Each element's children in reading order: an element joins its
    // parent's children where its first content was drawn.
    struct Kid {
        int child = -1;           // a child element...
        std::size_t content = 0;  // ...or m.contents[content]
    };
    std::vector<std::vector<Kid>> kids(elements.size());
    std::vector<char> attached(elements.size(), 0);
    auto attach = [&](int e) {
        std::vector<int> chain;
        for (int a = e; a >= 0 && !attached[static_cast<std::size_t>(a)];
             a = elements[static_cast<std::size_t>(a)].parent)
            chain.push_back(a);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            attached[static_cast<std::size_t>(*it)] = 1;
            if (int p = elements[static_cast<std::size_t>(*it)].parent; p >= 0)
                kids[static_cast<std::size_t>(p)].push_back({*it, 0});
        }
    };
    attach(0);
    for (std::size_t c = 0; c < m.contents.size(); ++c) {
        attach(m.contents[c].element);
        kids[static_cast<std::size_t>(m.contents[c].element)].push_back({-1, c});
    }

    HPDF_Dict root = m.indirect_dict("structure tree");
    m.check(HPDF_Dict_AddName(root, "Type", "StructTreeRoot"), "structure tree");
    std::vector<HPDF_Dict> dicts(elements.size(), nullptr);
    for (std::size_t e = 0; e < elements.size(); ++e)
        if (attached[e]) dicts[e] = m.indirect_dict("structure element");
    for (std::size_t e = 0; e < elements.size(); ++e) {
        if (!attached[e]) continue;
        const Element& el = elements[e];
        HPDF_Dict d = dicts[e];
        m.check(HPDF_Dict_AddName(d, "Type", "StructElem"), "structure element");
        m.check(HPDF_Dict_AddName(d, "S", el.type.c_str()), "structure element");
        m.check(HPDF_Dict_Add(d, "P", el.parent < 0 ? root : dicts[static_cast<std::size_t>(el.parent)]),
                "structure element");
        if (!el.lang.empty()) m.check(HPDF_Dict_Add(d, "Lang", m.text_object(el.lang)), "structure element");
        if (!el.numbering.empty()) {
            HPDF_Dict a = m.check_ptr(HPDF_Dict_New(mmgr), "list attributes");
            m.check(HPDF_Dict_AddName(a, "O", "List"), "list attributes");
            m.check(HPDF_Dict_AddName(a, "ListNumbering", el.numbering.c_str()), "list attributes");
            m.check(HPDF_Dict_Add(d, "A", a), "list attributes");
        }
        // /Pg: the page of the element's first content; content on other
        // pages is referred to with its page.
        std::optional<std::size_t> pg;
        for (const Kid& k : kids[e])
            if (k.child < 0) {
                pg = m.contents[k.content].page;
                break;
            }
        if (pg) m.check(HPDF_Dict_Add(d, "Pg", m.pages[*pg]), "structure element");
        HPDF_Array arr = m.check_ptr(HPDF_Array_New(mmgr), "structure element");
        for (const Kid& k : kids[e]) {
            if (k.child >= 0) {
                m.check(HPDF_Array_Add(arr, dicts[static_cast<std::size_t>(k.child)]), "structure element");
                continue;
            }
            const Impl::Content& c = m.contents[k.content];
            if (c.annot) {
                HPDF_Dict objr = m.check_ptr(HPDF_Dict_New(mmgr), "object reference");
                m.check(HPDF_Dict_AddName(objr, "Type", "OBJR"), "object reference");
                m.check(HPDF_Dict_Add(objr, "Obj", c.annot), "object reference");
                m.check(HPDF_Dict_Add(objr, "Pg", m.pages[c.page]), "object reference");
                m.check(HPDF_Array_Add(arr, objr), "structure element");
            } else if (pg && c.page == *pg) {
                m.check(HPDF_Array_AddNumber(arr, c.mcid), "structure element");
            } else {
                HPDF_Dict mcr = m.check_ptr(HPDF_Dict_New(mmgr), "marked-content reference");
                m.check(HPDF_Dict_AddName(mcr, "Type", "MCR"), "marked-content reference");
                m.check(HPDF_Dict_Add(mcr, "Pg", m.pages[c.page]), "marked-content reference");
                m.check(HPDF_Dict_AddNumber(mcr, "MCID", c.mcid), "marked-content reference");
                m.check(HPDF_Array_Add(arr, mcr), "structure element");
            }
        }
        m.check(HPDF_Dict_Add(d, "K", arr), "structure element");
    }
    m.check(HPDF_Dict_Add(root, "K", dicts[0]), "structure tree");

    // The parent tree: keys 0..pages-1 are the pages (an array of each
    // MCID's element), then one key per tagged annotation.
    std::vector<std::vector<int>> page_elements(m.pages.size());
    for (std::size_t p = 0; p < m.pages.size(); ++p)
        page_elements[p].assign(static_cast<std::size_t>(m.next_mcid[p]), 0);
    for (const auto& c : m.contents)
        if (!c.annot) page_elements[c.page][static_cast<std::size_t>(c.mcid)] = c.element;
    HPDF_Array nums = m.check_ptr(HPDF_Array_New(mmgr), "parent tree");
    for (std::size_t p = 0; p < m.pages.size(); ++p) {
        m.check(HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p)), "parent tree");
        HPDF_Array arr = m.check_ptr(HPDF_Array_New(mmgr), "parent tree");
        for (int e : page_elements[p]) m.check(HPDF_Array_Add(arr, dicts[static_cast<std::size_t>(e)]), "parent tree");
        m.check(HPDF_Array_Add(nums, arr), "parent tree");
        m.check(HPDF_Dict_AddNumber(m.pages[p], "StructParents", static_cast<HPDF_INT32>(p)), "page");
        // Tab order follows the structure (PDF/UA-1 7.18.3).
        m.check(HPDF_Dict_AddName(m.pages[p], "Tabs", "S"), "page");
    }
    auto key = static_cast<HPDF_INT32>(m.pages.size());
    for (const auto& c : m.contents) {
        if (!c.annot) continue;
        m.check(HPDF_Dict_AddNumber(c.annot, "StructParent", key), "annotation");
        m.check(HPDF_Array_AddNumber(nums, key++), "parent tree");
        m.check(HPDF_Array_Add(nums, dicts[static_cast<std::size_t>(c.element)]), "parent tree");
    }
    HPDF_Dict parent_tree = m.indirect_dict("parent tree");
    m.check(HPDF_Dict_Add(parent_tree, "Nums", nums), "parent tree");
    m.check(HPDF_Dict_Add(root, "ParentTree", parent_tree), "structure tree");
    m.check(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key), "structure tree");

    HPDF_Dict catalog = m.doc->catalog;
    m.check(HPDF_Dict_Add(catalog, "StructTreeRoot", root), "catalog");
    HPDF_Dict mark_info = m.check_ptr(HPDF_Dict_New(mmgr), "catalog");
    m.check(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE), "catalog");
    m.check(HPDF_Dict_Add(catalog, "MarkInfo", mark_info), "catalog");
    if (!lang.empty()) m.check(HPDF_Dict_Add(catalog, "Lang", m.text_object(lang)), "catalog");
    HPDF_Dict viewer = m.check_ptr(HPDF_Dict_New(mmgr), "catalog");
    m.check(HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE), "catalog");
    m.check(HPDF_Dict_Add(catalog, "ViewerPreferences", viewer), "catalog");
    // XMP is read as it is (PDF/A forbids filters on it; PDF/UA checkers read it too).
    HPDF_Dict metadata = m.check_ptr(HPDF_DictStream_New(mmgr, m.doc->xref), "metadata");
    m.check(HPDF_Dict_AddName(metadata, "Type", "Metadata"), "metadata");
    m.check(HPDF_Dict_AddName(metadata, "Subtype", "XML"), "metadata");
    m.check(HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                              static_cast<HPDF_UINT>(xmp.size())),
            "metadata");
    m.check(HPDF_Dict_Add(catalog, "Metadata", metadata), "catalog");
    m.doc->pdf_version = HPDF_VER_17;
}

void HpdfDocument::bookmark(const std::string& title, int level, std::size_t page, double top) {
    Impl& m = *impl_;
    if (page >= m.pages.size()) m.fail("bookmark to a missing page");
    level = std::max(level, 0);
    m.outline_levels.resize(static_cast<std::size_t>(level));
    HPDF_Outline parent = nullptr;
    for (auto it = m.outline_levels.rbegin(); it != m.outline_levels.rend() && !parent; ++it) parent = *it;
    // A null parent puts the bookmark at the outline's root.
    HPDF_Outline o = m.check_ptr(HPDF_CreateOutline(m.doc, parent, "-", nullptr), "bookmark");
    m.check(HPDF_Dict_Add(o, "Title", m.text_object(title)), "bookmark title");
    HPDF_Destination d = m.check_ptr(HPDF_Page_CreateDestination(m.pages[page]), "bookmark destination");
    m.check(HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(top)), "bookmark destination");
    m.check(HPDF_Outline_SetDestination(o, d), "bookmark destination");
    m.check(HPDF_Outline_SetOpened(o, HPDF_TRUE), "bookmark");
    m.outline_levels.push_back(o);
}

void HpdfDocument::info(const char* key, const std::string& value) {
    Impl& m = *impl_;
    if (!m.doc->info) m.check(HPDF_SetInfoAttr(m.doc, HPDF_INFO_PRODUCER, "pressroom"), "info");
    m.check(HPDF_Dict_Add(m.doc->info, key, m.text_object(value)), "info");
}

void HpdfDocument::dates(std::int64_t epoch_seconds) {
    Impl& m = *impl_;
    std::string d = pdf_date(epoch_seconds);
    if (!m.doc->info) m.check(HPDF_SetInfoAttr(m.doc, HPDF_INFO_PRODUCER, "pressroom"), "info");
    m.check(HPDF_Dict_Add(m.doc->info, "CreationDate", HPDF_String_New(m.doc->mmgr, d.c_str(), nullptr)), "dates");
    m.check(HPDF_Dict_Add(m.doc->info, "ModDate", HPDF_String_New(m.doc->mmgr, d.c_str(), nullptr)), "dates");
}

std::string HpdfDocument::save() {
    Impl& m = *impl_;
    HPDF_Array id = m.check_ptr(HPDF_Array_New(m.doc->mmgr), "trailer ID");
    for (int i = 0; i < 2; ++i)
        m.check(HPDF_Array_Add(id, HPDF_Binary_New(m.doc->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(id_placeholder)), 16)),
                "trailer ID");
    m.check(HPDF_Dict_Add(m.doc->trailer, "ID", id), "trailer ID");
    HPDF_STATUS saved;
    {
        ArenaScope scope(m.arena);
        saved = HPDF_SaveToStream(m.doc);
    }
    if (saved != HPDF_OK && m.errors.error == HPDF_INVALID_OBJECT) {
        m.errors = {};
        HPDF_ResetError(m.doc);
        throw FontTableBoundary();
    }
    m.check(HPDF_OK, "saving");
    std::string out(HPDF_GetStreamSize(m.doc), '\0');
    HPDF_UINT32 got = 0;
    while (got < out.size()) {
        HPDF_UINT32 n = static_cast<HPDF_UINT32>(out.size() - got);
        HPDF_STATUS st = HPDF_ReadFromStream(m.doc, reinterpret_cast<HPDF_BYTE*>(out.data() + got), &n);
        got += n;
        if (st == HPDF_STREAM_EOF || n == 0) break;
        m.check(st, "reading the saved PDF");
    }
    out.resize(got);
    // The /ID: the first 16 bytes of the SHA-256 of the file as written
    // with the placeholder. Same content, same ID; different content,
    // different ID.
    const std::string placeholder = "<" + hex_upper(std::string_view(id_placeholder, 16)) + ">";
    std::string digest = sha256_hex(out).substr(0, 32);
    for (char& c : digest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::size_t replaced = 0;
    for (std::size_t at = out.rfind(placeholder); at != std::string::npos && replaced < 2;
         at = at == 0 ? std::string::npos : out.rfind(placeholder, at - 1)) {
        out.replace(at + 1, 32, digest);
        ++replaced;
    }
    if (replaced != 2) throw Error(ErrorKind::internal, "", "cannot write the PDF: trailer /ID not found");
    return out;
}

}  // namespace pressroom::render::pdf

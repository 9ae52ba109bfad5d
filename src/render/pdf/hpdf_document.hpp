// libharu (2.3.0), wrapped once: an RAII document whose error callback
// records instead of throwing through C frames; every call is checked and a
// failure becomes pressroom::Error. Nothing else in pressroom includes
// <hpdf.h>.
//
// Beyond the public API this wrapper repairs what 2.3.0 gets wrong for
// embedded Unicode TrueType fonts, using the object layer its installed
// headers expose (hpdf_objects.h, hpdf_font.h):
//  - fonts are loaded from memory (2.3.0 has no HPDF_LoadTTFontFromMemory),
//    already subset by HarfBuzz, under a subset tag derived from their bytes;
//  - the ToUnicode stream is replaced by a real bfchar CMap (2.3.0 writes a
//    CID CMap there, which poppler rejects with "syntax error" warnings);
//  - the /W widths and the CIDToGIDMap are rewritten from the font itself
//    (2.3.0 stops one code point short, losing the highest character);
//  - text strings (Info, outline titles) are written as UTF-16BE;
//  - tagged PDF (2.3.0 has none of it): marked-content sequences written
//    into the page's content stream (BDC/EMC, MCIDs, artifacts, /ActualText),
//    and the objects that go with them (structure tree, parent tree,
//    /StructParents, /MarkInfo, /Lang, XMP metadata) built with the object
//    layer, in the same pass and the same file as everything else;
//  - dates are written in the PDF's own format without libharu's Z00'00';
//  - the trailer gets an /ID derived from the file's own bytes, so the same
//    input gives the same file.
#pragma once

#include "fonts/face.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::render::pdf {

class HpdfDocument {
public:
    // Throws Error(internal) when libharu cannot start a document.
    HpdfDocument();
    ~HpdfDocument();
    HpdfDocument(const HpdfDocument&) = delete;
    HpdfDocument& operator=(const HpdfDocument&) = delete;

    // Embeds `subset` (a TrueType font holding only the glyphs the document
    // draws, as Face::subset makes it) for UTF-8 text. Returns a font handle
    // for set_font. Throws Error(data) when libharu rejects the font.
    int add_font(const std::string& subset_bytes, const std::string& name);

    void add_page(double width, double height);
    void draw_rule(double x1, double y1, double x2, double y2, double width, double gray);
    void begin_text();
    // Draws UTF-8 text (BMP only) at (x, y) with a font from add_font.
    void text(int font, double size, double gray, double x, double y, const std::string& utf8);
    // Draws UTF-8 text where the last text() ended, with a font from
    // add_font, as if it were the end of that text: the glyphs land where
    // one string would put them (a new position would be computed by
    // libharu in single precision, and move them by a fraction of a pixel).
    void text_after(int font, double size, const std::string& utf8);
    void end_text();

    // ---- Tagged PDF (PDF 32000-1 14.6-14.8; PDF/UA-1). Structure elements
    // are numbers into the list given to tag(); content and annotations
    // name theirs as they are drawn, and tag() builds the tree from that.
    //
    // Opens a marked-content sequence on the current page, tagged `tag`,
    // as content of `element`, with the page's next MCID; `actual`, when
    // given, is the sequence's /ActualText (what text extraction, search,
    // copy and assistive technology use instead of the glyphs).
    void begin_content(int element, const char* tag, const std::optional<std::string>& actual = std::nullopt);
    // Opens an artifact: a pagination artifact (running footer) or a layout one.
    void begin_artifact(bool pagination);
    // Opens an artifact that also stands for no text at all (a hyphen added
    // at a line break): /Span <</ActualText ()>> around an /Artifact, so that
    // readers of untagged text (pdftotext) drop it as well. Two levels.
    void begin_added_hyphen();
    // Closes `levels` marked-content sequences.
    void end_marked(int levels = 1);

    // A link annotation on the current page. With `element` >= 0 the
    // annotation is tagged: an object reference in that (Link) element,
    // /StructParent, and `description` as its /Contents.
    void link(double left, double bottom, double right, double top, const std::string& uri, int element = -1,
              const std::string& description = {});
    // A link on page `on_page` (0-based, already added) to the top `to_top`
    // of page `to_page`: pages link forward once all of them exist.
    void page_link(std::size_t on_page, double left, double bottom, double right, double top, std::size_t to_page,
                   double to_top, int element = -1, const std::string& description = {});

    // The structure elements content was drawn into, parents before
    // children; element 0 is the root (Document).
    struct Element {
        std::string type;  // a standard structure type
        int parent = -1;
        std::string lang;       // /Lang, when not the parent's
        std::string numbering;  // an L's /ListNumbering
    };
    // Makes the document a tagged PDF: the structure tree of the elements
    // that have content, each one's children in the order their content
    // was drawn (the reading order); the parent tree; /StructParents and
    // /Tabs /S on every page; /MarkInfo, /Lang `lang`, /ViewerPreferences
    // /DisplayDocTitle; `xmp` as the catalog's /Metadata; PDF 1.7. Call once,
    // after the last page and link, before save().
    void tag(const std::vector<Element>& elements, const std::string& lang, const std::string& xmp);
    // A bookmark to the current position: level 0 at the root, level n under
    // the last bookmark of level n-1 (or the nearest shallower one).
    void bookmark(const std::string& title, int level, std::size_t page, double top);

    // Info dictionary entries; value is UTF-8. key: Title, Author, Subject,
    // Keywords, Creator, Producer.
    void info(const char* key, const std::string& value);
    // CreationDate and ModDate, from seconds since the epoch (UTC).
    void dates(std::int64_t epoch_seconds);

    // The finished file. Throws Error(internal) when libharu fails, and
    // FontTableBoundary for the libharu bug below.
    std::string save();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// libharu 2.3 fails to save a TrueType font whose rewritten tables end
// exactly on a multiple of its 4096-byte stream blocks just before a table
// the font does not have (our subsets drop the hinting table 'prep', the
// last one libharu writes): it seeks to the end of its scratch stream, where
// no block exists (HPDF_INVALID_OBJECT). About one subset in a thousand;
// the renderer then retries with slightly different subsets. Found by
// fuzzing: tests/fuzz/crashes/pipeline/pdf-font-tables-end-on-4096. The
// same error can surface earlier, when libharu measures a text it is asked
// to draw (crashes/pipeline/pdf-font-invalid-object-in-text): text() throws
// this too, and the retry is the same.
struct FontTableBoundary : std::runtime_error {
    FontTableBoundary() : std::runtime_error("libharu: font tables end on a stream block boundary") {}
};

// libharu's version: "2.3.0".
std::string libharu_version();

// "D:20130222000000Z" for seconds since the epoch (UTC).
// A UTC time's fields (year, month, day, hours, minutes, seconds: int,
// unsigned, unsigned, long, long, long) printed by a printf format.
std::string utc_date(std::int64_t epoch_seconds, const char* format);
std::string pdf_date(std::int64_t epoch_seconds);
// A PDF text string value: PDFDocEncoding-safe ASCII as is, anything else
// as UTF-16BE with a byte-order mark (returned as raw bytes).
std::string pdf_text_bytes(const std::string& utf8, bool& is_utf16);
// The ToUnicode CMap for a font whose codes are BMP code points (Identity-H
// with CID = Unicode, as libharu's UTF-8 encoder writes them).
std::string to_unicode_cmap(const std::set<char32_t>& code_points);

}  // namespace pressroom::render::pdf

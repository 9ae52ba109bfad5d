// Fuzz target: the whole pipeline in memory, from bytes to every output
// format of the renderer table (xml, txt, pdf, epub, and any format added to
// src/render/renderer.cpp later: the loop below takes them all, so a new
// renderer is fuzzed without touching this file).
//
// html, md, docx and json are checked cheaply too; json by reading it back.
//
// The first byte picks render options (paper, text width, EPUB font
// embedding); the rest is the input, loaded as `pressroom convert` loads it
// (release XML through the validating reader, anything else through ingest).
// Oracles: loading throws only Error(input) or Error(invalid); every
// renderer returns a complete, well-formed output and throws nothing.
#include "base/utf8.hpp"
#include "fuzz_support.hpp"
#include "json/release_json.hpp"
#include "model/check.hpp"
#include "pipeline/convert.hpp"
#include "pressroom/error.hpp"
#include "render/renderer.hpp"
#include "xml/release_xml.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

using namespace pressroom;

namespace {

// What each format's output must look like, cheaply (the unit tests run the
// real validators on real documents).
void check_output(std::string_view format, const std::string& out, bool model_checked) {
    if (out.empty()) fuzz::fuzz_fail(std::string(format) + ": empty output");
    if (format == "xml") {
        if (auto problems = xml::validate_release(out, "out.xml"); !problems.empty())
            fuzz::fuzz_fail("xml: output does not validate: " + problems.front().message);
    } else if (format == "txt") {
        if (!utf8::is_valid(out)) fuzz::fuzz_fail("txt: output is not UTF-8");
    } else if (format == "pdf") {
        if (out.rfind("%PDF-", 0) != 0 || out.find("%%EOF", out.size() > 64 ? out.size() - 64 : 0) == std::string::npos)
            fuzz::fuzz_fail("pdf: output is not a complete PDF");
    } else if (format == "epub") {
        if (out.rfind("PK\x03\x04", 0) != 0 || out.find("mimetypeapplication/epub+zip") != 30)
            fuzz::fuzz_fail("epub: output does not start with the stored mimetype entry");
    } else if (format == "html") {
        if (!utf8::is_valid(out) || out.rfind("<!DOCTYPE html>\n", 0) != 0 || out.find("</html>\n") != out.size() - 8)
            fuzz::fuzz_fail("html: output is not one complete UTF-8 page");
        // The JSON-LD block is the only script, and nothing in it ends it.
        const std::size_t script = out.find("<script");
        if (out.find("</script", out.find("</script") + 1) != std::string::npos || script == std::string::npos ||
            out.find("<script", script + 1) != std::string::npos)
            fuzz::fuzz_fail("html: a <script> other than the JSON-LD block, or one ended early");
    } else if (format == "md") {
        if (!utf8::is_valid(out) || out.rfind("---\ntitle: \"", 0) != 0)
            fuzz::fuzz_fail("md: output is not UTF-8 starting with its front matter");
    } else if (format == "docx") {
        if (out.rfind("PK\x03\x04", 0) != 0 || out.find("word/document.xml") == std::string::npos)
            fuzz::fuzz_fail("docx: output is not a zip holding word/document.xml");
    } else if (format == "json" && model_checked) {
        // Release JSON of a model that keeps model::check's invariants (what
        // ingest gives; release XML may be odder) reads back to a model whose XML is the XML of the
        // model it was written from (the round trip `convert` promises).
        try {
            const model::Document back = json::read_release(out, "out.json");
            if (json::write_release(back) != out) fuzz::fuzz_fail("json: writing what was read back differs");
        } catch (const std::exception& e) {
            fuzz::fuzz_fail(std::string("json: the output does not read back: ") + e.what());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    render::Options ro;
    ro.paper = (data[0] & 1) ? "a4" : "letter";
    ro.width = (data[0] & 2) ? 20 : 72;
    ro.embed_fonts = (data[0] & 4) != 0;
    ro.source_date_epoch = 1700000000;

    Diagnostics diags("fuzz-input");
    ingest::Options io;
    io.name = "fuzz-input";
    model::Document doc;
    try {
        doc = pipeline::load_document(input, io, diags);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::input && e.kind() != ErrorKind::invalid)
            fuzz::fuzz_fail(std::string("loading threw ") + e.what());
        return 0;
    } catch (const std::exception& e) {
        fuzz::fuzz_fail(std::string("loading threw ") + e.what());
    }
    const bool model_checked = model::check(doc).empty();
    for (const render::Format& f : render::formats()) {
        try {
            check_output(f.name, f.render(doc, ro, diags), model_checked);
        } catch (const std::exception& e) {
            fuzz::fuzz_fail(std::string(f.name) + " renderer threw " + e.what());
        }
    }
    return 0;
}

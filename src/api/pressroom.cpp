// The public API (include/pressroom/pressroom.hpp), as a thin layer over the
// pipeline: it converts the public option structs and adds nothing else, so
// the library and the command line cannot diverge.
#include "pressroom/pressroom.hpp"

#include "base/files.hpp"
#include "ingest/ingest.hpp"
#include "ingest/data/rules.hpp"
#include "pipeline/convert.hpp"
#include "render/renderer.hpp"
#include "version.hpp"
#include "xml/release_xml.hpp"

#include <memory>

namespace pressroom {

const char* version() { return PRESSROOM_VERSION; }

Normalized normalize(std::string_view bytes, const NormalizeOptions& options) {
    std::unique_ptr<ingest::RuleBook> book;
    if (!options.rules.empty()) {
        book = std::make_unique<ingest::RuleBook>(ingest::RuleBook::builtin());
        for (std::size_t i = 0; i < options.rules.size(); ++i)
            book->load(options.rules[i], "rules #" + std::to_string(i + 1));
    }
    ingest::Options io;
    io.name = options.name.empty() ? "-" : options.name;
    io.from = options.from;
    io.profile = options.profile;
    io.rules = book.get();
    pipeline::check_ingest_options(io);  // as the command line checks them: a bad name is Error(usage)
    if (bytes.size() > options.max_input_bytes)
        throw Error(ErrorKind::input, options.name, "input is larger than the limit");
    Diagnostics diags(io.name);
    Normalized out;
    out.document = pipeline::load_document(bytes, io, diags);
    out.diagnostics = diags.items();
    return out;
}

Normalized normalize_file(const std::filesystem::path& path, NormalizeOptions options) {
    if (options.name.empty() || options.name == "-") options.name = path.string();
    return normalize(read_input(path.string(), options.max_input_bytes), options);
}

std::vector<std::string> output_formats() {
    std::vector<std::string> out;
    for (const auto& f : render::formats()) out.emplace_back(f.name);
    return out;
}

std::string render_document(const model::Document& document, std::string_view format, const RenderOptions& options,
                            std::vector<Diagnostic>* diagnostics) {
    const render::Format* f = render::find_format(format);
    if (!f) throw Error(ErrorKind::usage, "", "unknown format '" + std::string(format) + "'");
    render::Options ro;
    ro.width = options.width;
    ro.paper = options.paper;
    ro.font_dir = options.font_dir;
    ro.embed_fonts = options.embed_fonts;
    ro.source_date_epoch = options.source_date_epoch;
    Diagnostics diags(document.meta.source.name);
    std::string bytes = f->render(document, ro, diags);
    if (diagnostics) diagnostics->insert(diagnostics->end(), diags.items().begin(), diags.items().end());
    return bytes;
}

std::vector<Diagnostic> validate_release_xml(std::string_view bytes, const std::string& name) {
    return xml::validate_release(bytes, name);
}

}  // namespace pressroom

#include "render/epub/epub_renderer.hpp"

#include "base/zip_writer.hpp"
#include "render/epub/book.hpp"
#include "render/epub/content.hpp"
#include "render/epub/embedded_fonts.hpp"
#include "render/epub/package.hpp"
#include "render/epub/stylesheet.hpp"

namespace pressroom::render {

std::string render_epub(const model::Document& doc, const Options& options, Diagnostics& diags) {
    using namespace epub;
    const Book book = describe(doc, options, diags);
    const ContentDocument content = build_content(doc, book);
    const std::string nav = navigation_document(book, content);
    std::vector<EmbeddedFont> fonts;
    if (options.embed_fonts) fonts = embed_fonts({content.xhtml, nav}, options.font_dir);
    std::vector<Resource> resources;
    std::vector<FontFace> faces;
    for (const auto& f : fonts) {
        resources.push_back(f.resource);
        faces.push_back(f.face);
    }

    const std::string dir = package_dir;
    ZipWriter zip(book.time);
    // The OCF rules: "mimetype" first, stored, so that the file starts with
    // the bytes "PK...mimetypeapplication/epub+zip" readers sniff for.
    zip.add("mimetype", "application/epub+zip", Compression::store);
    zip.add("META-INF/container.xml", container_xml(), Compression::deflate);
    zip.add(dir + package_file, package_document(book, resources, content.features), Compression::deflate);
    zip.add(dir + nav_file, nav, Compression::deflate);
    zip.add(dir + ncx_file, ncx_document(book, content), Compression::deflate);
    zip.add(dir + content_file, content.xhtml, Compression::deflate);
    zip.add(dir + stylesheet_file, stylesheet(faces), Compression::deflate);
    for (auto& f : fonts) zip.add(dir + f.resource.href, std::move(f.bytes), Compression::deflate);
    return zip.finish();
}

}  // namespace pressroom::render

// The anthology EPUB: every release a chapter, built from the same pieces
// as a single release's EPUB (epub_renderer.cpp). The container holds:
//
//   mimetype, META-INF/container.xml, EPUB/content.opf, EPUB/nav.xhtml,
//   EPUB/toc.ncx
//   EPUB/title.xhtml          the anthology's title page
//   EPUB/release-0001.xhtml   one content document per release, in order
//   ...
//   EPUB/style.css
//
// The title page is itself a content document: a release-shaped model
// holding only a title and a subtitle, so it is written (and styled) exactly
// as a release's title block. The table of contents lists every release's
// title with its sections under it.
#include "render/anthology.hpp"
#include "base/hash.hpp"
#include "base/zip_writer.hpp"
#include "render/epub/book.hpp"
#include "render/epub/content.hpp"
#include "render/epub/package.hpp"
#include "render/epub/stylesheet.hpp"

#include <array>

namespace pressroom::render {

namespace {

// The namespace of anthology identifiers: the version-5 UUID of the name
// "urn:pressroom:anthology" in RFC 4122's URL namespace,
// 00b27d3f-728c-5427-872c-210d7cbfa707.
constexpr std::array<std::uint8_t, 16> anthology_namespace = {
    0x00, 0xb2, 0x7d, 0x3f, 0x72, 0x8c, 0x54, 0x27, 0x87, 0x2c, 0x21, 0x0d, 0x7c, 0xbf, 0xa7, 0x07};

constexpr const char* title_file = "title.xhtml";

std::string chapter_file(std::size_t index) {
    std::string number = std::to_string(index + 1);
    if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
    return "release-" + number + ".xhtml";
}

}  // namespace

std::string render_epub_anthology(const Anthology& a, const Options& options, Diagnostics& diags) {
    using namespace epub;
    Options at = options;
    at.source_date_epoch = a.time;  // every time in the file is the anthology's

    // The releases, each a content document of its own.
    std::vector<std::string> spine{title_file};
    std::vector<std::string> chapters;
    ContentDocument nav_content;  // the table of contents and landmarks of the whole book
    std::string identity = a.title + "\n";
    std::string language;
    bool one_language = true, one_agency = true;
    std::string agency;
    for (std::size_t i = 0; i < a.releases.size(); ++i) {
        const model::Document& doc = *a.releases[i];
        const Book book = describe(doc, at, diags);
        const std::string file = chapter_file(i);
        ContentDocument content = build_content(doc, book, file);
        nav_content.toc.insert(nav_content.toc.end(), content.toc.begin(), content.toc.end());
        nav_content.features += content.features;
        spine.push_back(file);
        chapters.push_back(std::move(content.xhtml));
        identity += book.identifier + "\n";
        if (i == 0) language = book.language, agency = book.agency;
        one_language = one_language && book.language == language;
        one_agency = one_agency && book.agency == agency;
    }

    // The title page: a model with the anthology's title block only.
    model::Document cover;
    cover.meta.title = a.title;
    cover.meta.subtitle = release_count(a);
    if (std::string span = date_span(a); !span.empty()) cover.meta.subtitle += ", " + span;
    cover.meta.language = one_language && !language.empty() ? language : "en";
    if (one_agency) cover.meta.agency = agency;
    Book book = describe(cover, at, diags);
    // The anthology is named by what it holds: its title and its releases'
    // identifiers, in order.
    book.identifier = "urn:uuid:" + uuid_v5(anthology_namespace, identity);
    book.description = cover.meta.subtitle;
    if (!a.releases.empty()) {
        std::string newest;
        for (const model::Document* doc : a.releases) newest = std::max(newest, doc->meta.date);
        book.date = newest;
    }
    const ContentDocument title_page = build_content(cover, book, title_file);
    nav_content.landmarks = title_page.landmarks;
    if (!a.releases.empty()) nav_content.landmarks.push_back({"bodymatter", "Releases", chapter_file(0)});
    // A book without releases still needs a table of contents entry.
    if (nav_content.toc.empty()) nav_content.toc = title_page.toc;

    const std::string dir = package_dir;
    ZipWriter zip(a.time);
    zip.add("mimetype", "application/epub+zip", Compression::store);
    zip.add("META-INF/container.xml", container_xml(), Compression::deflate);
    zip.add(dir + package_file, package_document(book, {}, nav_content.features, spine, a.releases.size()),
            Compression::deflate);
    zip.add(dir + nav_file, navigation_document(book, nav_content), Compression::deflate);
    zip.add(dir + ncx_file, ncx_document(book, nav_content), Compression::deflate);
    zip.add(dir + title_file, title_page.xhtml, Compression::deflate);
    for (std::size_t i = 0; i < chapters.size(); ++i)
        zip.add(dir + chapter_file(i), std::move(chapters[i]), Compression::deflate);
    zip.add(dir + stylesheet_file, stylesheet({}), Compression::deflate);
    return zip.finish();
}

}  // namespace pressroom::render

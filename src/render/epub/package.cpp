#include "render/epub/package.hpp"

#include "render/epub/xml_tree.hpp"

#include <algorithm>

namespace pressroom::render::epub {

namespace {

constexpr const char* opf_namespace = "http://www.idpf.org/2007/opf";
constexpr const char* dc_namespace = "http://purl.org/dc/elements/1.1/";
constexpr const char* ncx_namespace = "http://www.daisy.org/z3986/2005/ncx/";
constexpr const char* container_namespace = "urn:oasis:names:tc:opendocument:xmlns:container";

// Builds nested lists from entries whose depth grows by one step at most:
// `open_list(item)` makes the container of an item's children, `add(list,
// entry)` adds an item to a container and returns it.
template <class OpenList, class Add>
void nest(const std::vector<TocEntry>& toc, xmlNode* top, OpenList open_list, Add add) {
    std::vector<xmlNode*> lists{top}, items;
    for (const auto& e : toc) {
        const int current = static_cast<int>(lists.size()) - 1;
        const int depth = std::clamp(e.depth, 0, current + (items.size() == lists.size() ? 1 : 0));
        if (depth > current) lists.push_back(open_list(items.back()));
        while (static_cast<int>(lists.size()) - 1 > depth) lists.pop_back();
        items.resize(lists.size() - 1);
        items.push_back(add(lists.back(), e));
    }
}

// Navigation labels are English; in a release of another language they say so.
void label_language(XmlTree& tree, xmlNode* node, const Book& book) {
    if (book.language != "en" && book.language.rfind("en-", 0) != 0) tree.lang(node, "en", true);
}

}  // namespace

std::string accessibility_summary(const Features& f, std::size_t releases) {
    const std::string parts = f.contacts ? ", the text and the contacts. " : " and the text. ";
    std::string s;
    if (releases > 0)
        s = std::to_string(releases) + (releases == 1 ? " press release" : " press releases") +
            " in text only, with no images, audio or video, in a single reading order: a title page, then each "
            "release's title block" +
            parts;
    else
        s = "A press release in text only, with no images, audio or video, in a single reading order: the title "
            "block" +
            parts;
    const std::string title = releases > 0 ? "Each release's title" : "The title";
    if (f.headings > 0)
        s += (f.title ? title + " and " : std::string()) + std::to_string(f.headings) +
             (f.headings == 1 ? " section heading are" : " section headings are") +
             " marked up as headings, and the table of contents links to each of them. ";
    else if (f.title)
        s += title + " is marked up as a heading, and the table of contents links to " +
             (releases > 0 ? "each of them" : "it") + "; there are no section headings. ";
    else s += "There are no headings; the table of contents links to the beginning of the text. ";
    std::vector<std::string> marked;
    if (f.lists) marked.push_back("lists");
    if (f.quotes) marked.push_back("quotations");
    if (f.contacts) marked.push_back("contact addresses");
    if (f.links) marked.push_back("links");
    if (!marked.empty()) {
        std::string list;
        for (std::size_t i = 0; i < marked.size(); ++i)
            list += (i == 0 ? "" : i + 1 == marked.size() ? " and " : ", ") + marked[i];
        list[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(list[0])));
        s += list + " are marked up as such. ";
    }
    if (f.passages)
        s += "Passages in another script carry the language most written in that script, and right-to-left "
             "passages their direction. ";
    s += "pressroom's tests check the EPUBs it writes against EPUB Accessibility 1.1 (WCAG 2.1 Level AA) with "
         "EPUBCheck and DAISY Ace.";
    return s;
}

std::string container_xml() {
    XmlTree tree("container", container_namespace);
    tree.attr(tree.root(), "version", "1.0");
    xmlNode* rootfile = tree.element(tree.element(tree.root(), "rootfiles"), "rootfile");
    tree.attr(rootfile, "full-path", std::string(package_dir) + package_file);
    tree.attr(rootfile, "media-type", "application/oebps-package+xml");
    return tree.serialize(true);
}

std::string package_document(const Book& book, const std::vector<Resource>& extra, const Features& features,
                             const std::vector<std::string>& spine_files, std::size_t releases) {
    XmlTree tree("package", opf_namespace);
    xmlNode* package = tree.root();
    tree.attr(package, "version", "3.0");  // EPUB 3.2 keeps the 3.0 version number
    tree.attr(package, "unique-identifier", "pub-id");
    tree.lang(package, book.language, false);

    xmlNode* meta = tree.element(package, "metadata");
    xmlNs* dc = tree.declare("dc", dc_namespace);
    tree.attr(tree.element(meta, dc, "identifier", book.identifier), "id", "pub-id");
    tree.element(meta, dc, "title", book.title);
    tree.element(meta, dc, "language", book.language);
    if (!book.date.empty()) tree.element(meta, dc, "date", book.date);
    if (!book.agency.empty()) {
        tree.element(meta, dc, "creator", book.agency);
        tree.element(meta, dc, "publisher", book.agency);
    }
    if (!book.source.empty()) tree.element(meta, dc, "source", book.source);
    if (!book.description.empty()) tree.element(meta, dc, "description", book.description);
    auto property = [&](const char* name, const std::string& value) {
        tree.attr(tree.element(meta, "meta", value), "property", name);
    };
    property("dcterms:modified", book.modified);
    // schema: is a reserved prefix in EPUB 3.2: declaring it is an error.
    property("schema:accessMode", "textual");
    property("schema:accessModeSufficient", "textual");
    // Headings to move by: only when there are some.
    if (features.title || features.headings > 0) property("schema:accessibilityFeature", "structuralNavigation");
    property("schema:accessibilityFeature", "tableOfContents");
    property("schema:accessibilityFeature", "readingOrder");
    property("schema:accessibilityHazard", "none");
    property("schema:accessibilitySummary", accessibility_summary(features, releases));
    // The claim (EPUB Accessibility 1.1, 2.1: the conformance string and who
    // says so); a11y: is also reserved, as schema: is.
    property("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    property("a11y:certifiedBy", "pressroom's accessibility tests (EPUBCheck and DAISY Ace)");

    xmlNode* manifest = tree.element(package, "manifest");
    auto item = [&](const std::string& id, const std::string& href, const char* type) {
        xmlNode* i = tree.element(manifest, "item");
        tree.attr(i, "id", id);
        tree.attr(i, "href", href);
        tree.attr(i, "media-type", type);
        return i;
    };
    tree.attr(item("nav", nav_file, "application/xhtml+xml"), "properties", "nav");
    auto id_of = [](const std::string& file) { return file.substr(0, file.rfind('.')); };
    for (const auto& file : spine_files) item(id_of(file), file, "application/xhtml+xml");
    item("css", stylesheet_file, "text/css");
    item("ncx", ncx_file, "application/x-dtbncx+xml");
    for (std::size_t i = 0; i < extra.size(); ++i)
        item("res-" + std::to_string(i + 1), extra[i].href, extra[i].media_type.c_str());

    xmlNode* spine = tree.element(package, "spine");
    tree.attr(spine, "toc", "ncx");
    for (const auto& file : spine_files) tree.attr(tree.element(spine, "itemref"), "idref", id_of(file));
    // The navigation document is in the spine, after the text and out of
    // the reading order, because a landmark links to its table of contents
    // and EPUBCheck (RSC-011) wants every linked document in the spine.
    xmlNode* nav = tree.element(spine, "itemref");
    tree.attr(nav, "idref", "nav");
    tree.attr(nav, "linear", "no");
    return tree.serialize(true);
}

std::string navigation_document(const Book& book, const ContentDocument& content) {
    XmlTree tree("html", xhtml_namespace);
    xmlNs* epub = tree.declare("epub", ops_namespace);
    tree.html_doctype();
    tree.lang(tree.root(), book.language, true);
    xmlNode* head = tree.element(tree.root(), "head");
    tree.attr(tree.element(head, "meta"), "charset", "utf-8");
    tree.element(head, "title", book.title);
    xmlNode* link = tree.element(head, "link");
    tree.attr(link, "rel", "stylesheet");
    tree.attr(link, "type", "text/css");
    tree.attr(link, "href", stylesheet_file);
    xmlNode* body = tree.element(tree.root(), "body");

    xmlNode* toc = tree.element(body, "nav");
    tree.attr(toc, epub, "type", "toc");
    tree.attr(toc, "id", "toc");
    tree.attr(toc, "role", "doc-toc");
    tree.attr(toc, "aria-labelledby", "toc-title");
    xmlNode* h1 = tree.element(toc, "h1", "Contents");
    tree.attr(h1, "id", "toc-title");
    label_language(tree, h1, book);
    nest(
        content.toc, tree.element(toc, "ol"), [&](xmlNode* li) { return tree.element(li, "ol"); },
        [&](xmlNode* ol, const TocEntry& e) {
            xmlNode* li = tree.element(ol, "li");
            tree.attr(tree.element(li, "a", e.label), "href", e.target);
            return li;
        });

    xmlNode* landmarks = tree.element(body, "nav");
    tree.attr(landmarks, epub, "type", "landmarks");
    tree.attr(landmarks, "id", "landmarks");
    tree.attr(landmarks, "hidden", "hidden");
    tree.attr(landmarks, "aria-labelledby", "landmarks-title");
    xmlNode* h2 = tree.element(landmarks, "h2", "Landmarks");
    tree.attr(h2, "id", "landmarks-title");
    label_language(tree, h2, book);
    xmlNode* ol = tree.element(landmarks, "ol");
    auto landmark = [&](const std::string& type, const std::string& label, const std::string& target) {
        xmlNode* a = tree.element(tree.element(ol, "li"), "a", label);
        tree.attr(a, epub, "type", type);
        tree.attr(a, "href", target);
        label_language(tree, a, book);
    };
    landmark("toc", "Contents", "#toc");
    for (const auto& l : content.landmarks) landmark(l.type, l.label, l.target);
    return tree.serialize(false);
}

std::string ncx_document(const Book& book, const ContentDocument& content) {
    XmlTree tree("ncx", ncx_namespace);
    tree.attr(tree.root(), "version", "2005-1");
    tree.lang(tree.root(), book.language, false);
    xmlNode* head = tree.element(tree.root(), "head");
    int depth = 0;
    for (const auto& e : content.toc) depth = std::max(depth, e.depth + 1);
    auto meta = [&](const char* name, const std::string& value) {
        xmlNode* m = tree.element(head, "meta");
        tree.attr(m, "name", name);
        tree.attr(m, "content", value);
    };
    meta("dtb:uid", book.identifier);  // must equal the package's dc:identifier
    meta("dtb:depth", std::to_string(depth));
    meta("dtb:totalPageCount", "0");
    meta("dtb:maxPageNumber", "0");
    tree.element(tree.element(tree.root(), "docTitle"), "text", book.title);

    int order = 0;
    nest(
        content.toc, tree.element(tree.root(), "navMap"), [](xmlNode* point) { return point; },
        [&](xmlNode* parent, const TocEntry& e) {
            xmlNode* point = tree.element(parent, "navPoint");
            ++order;
            tree.attr(point, "id", "navpoint-" + std::to_string(order));
            tree.attr(point, "playOrder", std::to_string(order));
            tree.element(tree.element(point, "navLabel"), "text", e.label);
            tree.attr(tree.element(point, "content"), "src", e.target);
            return point;
        });
    return tree.serialize(true);
}

}  // namespace pressroom::render::epub

#include "epub_reader.hpp"

#include "base/text.hpp"
#include "support.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace pressroom::test {

namespace fs = std::filesystem;

namespace {

std::uint16_t u16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b.at(at)) |
                                      static_cast<unsigned char>(b.at(at + 1)) << 8);
}
std::uint32_t u32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}

struct ArchiveClose { void operator()(zip_t* z) const { zip_discard(z); } };
struct FileClose { void operator()(zip_file_t* f) const { zip_fclose(f); } };

bool is_block(const xmlNode* n) {
    static const char* blocks[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
                                   "address", "br", "header", "footer", "section", "nav", "div", "body", "title"};
    for (const char* b : blocks)
        if (xml::is_element(n, b)) return true;
    return false;
}

void gather_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (is_block(c)) out += ' ';
            gather_text(c, out);
            if (is_block(c)) out += ' ';
        }
    }
}

void collect(xmlNode* node, const char* name, std::vector<xmlNode*>& out) {
    for (xmlNode* c = node->children; c; c = c->next) {
        if (xml::is_element(c, name)) out.push_back(c);
        if (c->type == XML_ELEMENT_NODE) collect(c, name, out);
    }
}

}  // namespace

std::vector<ZipEntry> read_zip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) throw std::runtime_error("zip source");
    std::unique_ptr<zip_t, ArchiveClose> z(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!z) {
        zip_source_free(src);
        std::string what = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw std::runtime_error("not a zip archive: " + what);
    }
    zip_error_fini(&error);
    std::vector<ZipEntry> entries;
    const zip_int64_t n = zip_get_num_entries(z.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        if (zip_stat_index(z.get(), index, 0, &st) != 0) throw std::runtime_error("zip stat");
        ZipEntry e;
        e.name = st.name;
        e.method = st.comp_method;
        e.crc = st.crc;
        std::unique_ptr<zip_file_t, FileClose> f(zip_fopen_index(z.get(), index, 0));
        if (!f) throw std::runtime_error("cannot open entry " + e.name);
        e.data.resize(static_cast<std::size_t>(st.size));
        if (zip_fread(f.get(), e.data.data(), st.size) != static_cast<zip_int64_t>(st.size))
            throw std::runtime_error("cannot read entry " + e.name);
        entries.push_back(std::move(e));
    }
    // Header fields libzip does not report: parsed from the bytes.
    const std::size_t eocd = bytes.size() - 22;
    if (u32(bytes, eocd) != 0x06054b50) throw std::runtime_error("no end of central directory at the end");
    std::size_t at = u32(bytes, eocd + 16);
    for (auto& e : entries) {
        if (u32(bytes, at) != 0x02014b50) throw std::runtime_error("bad central directory");
        e.flags = u16(bytes, at + 8);
        e.dos_time = u16(bytes, at + 12);
        e.dos_date = u16(bytes, at + 14);
        const std::size_t name_len = u16(bytes, at + 28);
        e.central_extra = u16(bytes, at + 30);
        const std::size_t local = u32(bytes, at + 42);
        if (u32(bytes, local) != 0x04034b50) throw std::runtime_error("bad local header");
        e.local_time = u16(bytes, local + 10);
        e.local_date = u16(bytes, local + 12);
        e.local_extra = u16(bytes, local + 28);
        at += 46 + name_len + e.central_extra + u16(bytes, at + 32);
    }
    return entries;
}

const ZipEntry& entry(const std::vector<ZipEntry>& entries, const std::string& name) {
    for (const auto& e : entries)
        if (e.name == name) return e;
    throw std::runtime_error("no entry " + name);
}

xml::DocPtr parse_xml(const std::string& bytes) {
    std::vector<xml::XmlIssue> issues;
    auto doc = xml::parse_untrusted(bytes, "epub-entry", issues);
    if (!doc || !issues.empty())
        throw std::runtime_error("not well-formed XML: " + (issues.empty() ? std::string() : issues.front().message));
    return doc;
}

std::vector<xmlNode*> elements(xmlNode* node, const char* local_name) {
    std::vector<xmlNode*> out;
    if (xml::is_element(node, local_name)) out.push_back(node);
    collect(node, local_name, out);
    return out;
}

std::string element_text(xmlNode* node) {
    std::string s;
    gather_text(node, s);
    return text::collapse_space(s);
}

std::string attr(xmlNode* node, const char* name) { return xml::attribute(node, name); }

std::string ns_attr(xmlNode* node, const char* name, const char* ns) {
    xmlChar* v = xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(ns));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

namespace {
fs::path epubcheck_jar() {
    if (const char* env = std::getenv("PRESSROOM_EPUBCHECK_JAR"); env && *env) return env;
    for (const char* p : {"/usr/share/java/epubcheck.jar", "/usr/bin/epubcheck"})
        if (fs::exists(p)) return p;
    return {};
}
}  // namespace

bool have_epubcheck() { return have_program("java") && !epubcheck_jar().empty(); }

bool EpubCheck::clean() const {
    return status == 0 && summary == "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos";
}

namespace {
void summarize(EpubCheck& c) {
    for (std::string_view line : text::split(c.output, '\n'))
        if (text::starts_with(line, "Messages:")) c.summary = std::string(text::trim(line));
}
}  // namespace

EpubCheck epubcheck(const fs::path& epub) {
    // Client VM settings: EPUBCheck spends most of its time starting up,
    // and these halve it. They change nothing in what it checks.
    RunResult r = run({"java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar",
                       epubcheck_jar().string(), epub.string()});
    EpubCheck c;
    c.status = r.status;
    c.output = r.out + r.err;
    summarize(c);
    return c;
}

std::vector<EpubCheck> epubcheck(const std::vector<fs::path>& epubs) {
    std::vector<EpubCheck> results(epubs.size());
    std::vector<bool> reported(epubs.size(), false);
    if (!epubs.empty()) {
        std::vector<std::string> argv{"java", "-XX:+UseSerialGC", "-cp", epubcheck_jar().string(),
                                      (source_dir() / "tests" / "epubcheck" / "EpubCheckBatch.java").string()};
        for (const auto& e : epubs) argv.push_back(e.string());
        const RunResult r = run(argv);
        // "== FILE", its output, "== exit N"; files in argument order.
        std::size_t current = epubs.size();
        for (std::string_view line : text::split(r.out, '\n')) {
            if (current < epubs.size() && text::starts_with(line, "== exit ")) {
                results[current].status = std::stoi(std::string(line.substr(8)));
                summarize(results[current]);
                reported[current] = true;
                current = epubs.size();
            } else if (text::starts_with(line, "== ")) {
                current = epubs.size();
                for (std::size_t i = 0; i < epubs.size(); ++i)
                    if (!reported[i] && line.substr(3) == epubs[i].string()) current = i;
            } else if (current < epubs.size()) {
                results[current].output.append(line).append("\n");
            }
        }
    }
    for (std::size_t i = 0; i < epubs.size(); ++i)
        if (!reported[i]) results[i] = epubcheck(epubs[i]);
    return results;
}

}  // namespace pressroom::test

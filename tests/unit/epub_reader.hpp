// Reading EPUBs back in tests, independently of the code that wrote them:
// entries through libzip's reader, header fields straight from the bytes,
// XML through libxml2, and EPUBCheck as an external program.
#pragma once

#include "xml/libxml.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pressroom::test {

struct ZipEntry {
    std::string name;
    int method = -1;              // 0 stored, 8 deflated
    std::uint32_t crc = 0;
    std::string data;             // uncompressed
    std::uint16_t dos_time = 0;   // from the central directory
    std::uint16_t dos_date = 0;
    std::uint16_t local_time = 0; // from the local header
    std::uint16_t local_date = 0;
    std::size_t central_extra = 0, local_extra = 0;
    std::uint16_t flags = 0;
};

// Every entry in archive order; throws std::runtime_error on a bad archive.
std::vector<ZipEntry> read_zip(const std::string& bytes);
const ZipEntry& entry(const std::vector<ZipEntry>& entries, const std::string& name);

// Parses XML (failing the test's expectations with a throw when it is not
// well-formed).
xml::DocPtr parse_xml(const std::string& bytes);
// Descendant elements of `node` with the given local name, in document order.
std::vector<xmlNode*> elements(xmlNode* node, const char* local_name);
// The text of an element, with white space collapsed; block-level elements
// and <br> separate words.
std::string element_text(xmlNode* node);
std::string attr(xmlNode* node, const char* name);  // no namespace
std::string ns_attr(xmlNode* node, const char* name, const char* ns);

// EPUBCheck, when Java and the EPUBCheck jar are installed.
bool have_epubcheck();
struct EpubCheck {
    int status = -1;
    std::string output;   // everything it printed
    std::string summary;  // its "Messages: ..." line, or empty
    // Zero fatals, errors, warnings and infos, and exit status 0.
    bool clean() const;
};
// One file, one Java start (about 2 s).
EpubCheck epubcheck(const std::filesystem::path& epub);
// Many files in one Java start, through tests/epubcheck/EpubCheckBatch.java
// (EPUBCheck's own command-line tool, run once per file; needs the JDK's
// source launcher). Files the batch did not report on, as when only a Java
// runtime is installed, are checked one by one. Results in input order.
std::vector<EpubCheck> epubcheck(const std::vector<std::filesystem::path>& epubs);

}  // namespace pressroom::test

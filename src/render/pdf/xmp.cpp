#include "render/pdf/xmp.hpp"

#include "render/pdf/hpdf_document.hpp"

namespace pressroom::render::pdf {

namespace {

// Character data and attribute values: the five XML escapes, so any title
// (with "<" or "&" in it) stays well-formed.
std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string xmp_date(std::int64_t epoch_seconds) {
    return utc_date(epoch_seconds, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ");
}

std::string xmp_packet(const XmpFields& f) {
    const std::string lang = escaped(f.lang.empty() ? std::string("x-default") : f.lang);
    // A language alternative: x-default first (what readers show), then the
    // same text under the document's language.
    auto alt = [&](const char* name, const std::string& value) {
        if (value.empty()) return std::string();
        std::string v = escaped(value);
        std::string out =
            std::string("   <") + name + "><rdf:Alt>\n    <rdf:li xml:lang=\"x-default\">" + v + "</rdf:li>\n";
        if (lang != "x-default") out += "    <rdf:li xml:lang=\"" + lang + "\">" + v + "</rdf:li>\n";
        return out + "   </rdf:Alt></" + name + ">\n";
    };
    auto simple = [](const char* name, const std::string& value) {
        if (value.empty()) return std::string();
        return std::string("   <") + name + ">" + escaped(value) + "</" + name + ">\n";
    };
    const std::string date = xmp_date(f.time);
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
        "   <dc:format>application/pdf</dc:format>\n";
    x += alt("dc:title", f.title);
    if (!f.author.empty())
        x += "   <dc:creator><rdf:Seq>\n    <rdf:li>" + escaped(f.author) + "</rdf:li>\n   </rdf:Seq></dc:creator>\n";
    x += alt("dc:description", f.subject);
    if (!f.lang.empty())
        x += "   <dc:language><rdf:Bag>\n    <rdf:li>" + escaped(f.lang) + "</rdf:li>\n   </rdf:Bag></dc:language>\n";
    x += simple("xmp:CreateDate", date) + simple("xmp:ModifyDate", date) + simple("xmp:MetadataDate", date);
    x += simple("xmp:CreatorTool", f.creator_tool);
    x += simple("pdf:Producer", f.producer) + simple("pdf:Keywords", f.keywords);
    x += "   <pdfuaid:part>1</pdfuaid:part>\n";
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace pressroom::render::pdf

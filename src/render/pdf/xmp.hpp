// The XMP metadata packet of a tagged PDF (ISO 16684-1): what the Info
// dictionary says, in the form PDF/UA-1 requires (dc:title) and claims
// (pdfuaid:part 1), so that checkers and catalogues read it from one place.
#pragma once

#include <cstdint>
#include <string>

namespace pressroom::render::pdf {

struct XmpFields {
    std::string title, author, subject, keywords, creator_tool, producer;
    std::string lang;       // the document's language: dc:title's and dc:description's xml:lang
    std::int64_t time = 0;  // xmp:CreateDate, xmp:ModifyDate, xmp:MetadataDate (seconds since the epoch, UTC)
};

// The packet, UTF-8, with its xpacket wrapper and no padding: the same
// fields give the same bytes. Empty fields are left out.
std::string xmp_packet(const XmpFields& fields);

// "2013-02-22T00:00:00Z" for seconds since the epoch (UTC).
std::string xmp_date(std::int64_t epoch_seconds);

}  // namespace pressroom::render::pdf

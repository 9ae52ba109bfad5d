#include "base/zip_writer.hpp"

#include "pressroom/error.hpp"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>

namespace pressroom {

namespace {

[[noreturn]] void fail(const std::string& what) {
    throw Error(ErrorKind::internal, "", "cannot build the EPUB container: " + what);
}

std::string archive_error(zip_t* z) { return zip_error_strerror(zip_get_error(z)); }

// Raw deflate (no zlib header: zip stores the bare stream) at level 9. One
// stream per thread, made once and reset between entries: its buffers are
// reused, so writing an EPUB allocates no compression state at all.
class Deflater {
public:
    Deflater() {
        if (deflateInit2(&stream_, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            fail("zlib cannot create a deflate stream");
    }
    ~Deflater() { deflateEnd(&stream_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    std::string deflate(const std::string& in) {
        if (deflateReset(&stream_) != Z_OK) fail("zlib cannot reset its deflate stream");
        std::string out(deflateBound(&stream_, static_cast<uLong>(in.size())), '\0');
        // zlib's API is not const-correct; it only reads next_in.
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        stream_.avail_in = static_cast<uInt>(in.size());
        stream_.next_out = reinterpret_cast<Bytef*>(out.data());
        stream_.avail_out = static_cast<uInt>(out.size());
        // deflateBound guarantees one call with Z_FINISH completes.
        if (::deflate(&stream_, Z_FINISH) != Z_STREAM_END) fail("zlib could not deflate an entry");
        out.resize(stream_.total_out);
        return out;
    }

private:
    z_stream stream_{};
};

Deflater& thread_deflater() {
    thread_local Deflater deflater;
    return deflater;
}

// A libzip source over an entry compressed here: its stat says "deflated,
// this CRC, this size", so libzip copies the bytes instead of compressing
// them again. Called by libzip only, from zip_close(); reports errors
// through its return value, never by throwing.
zip_int64_t deflated_source(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* e = static_cast<detail::ZipEntryData*>(user);
    switch (cmd) {
    case ZIP_SOURCE_OPEN: e->read = 0; return 0;
    case ZIP_SOURCE_READ: {
        const std::uint64_t n = std::min<std::uint64_t>(len, e->bytes.size() - e->read);
        std::memcpy(data, e->bytes.data() + e->read, n);
        e->read += n;
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE: return 0;
    case ZIP_SOURCE_STAT: {
        auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, nullptr);
        if (!st) return -1;
        zip_stat_init(st);
        st->size = e->size;
        st->comp_size = e->bytes.size();
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = e->crc;
        st->encryption_method = ZIP_EM_NONE;
        st->valid =
            ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
        auto* a = ZIP_SOURCE_GET_ARGS(zip_file_attributes_t, data, len, nullptr);
        if (!a) return -1;
        // General purpose bits 1-2 tell the deflate level: 01 = maximum.
        a->valid |= ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
        a->general_purpose_bit_flags = 0x0002;
        a->general_purpose_bit_mask = 0x0006;
        return sizeof(zip_file_attributes_t);
    }
    case ZIP_SOURCE_ERROR: return 0;
    case ZIP_SOURCE_FREE: return 0;  // the entry belongs to the ZipWriter
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_GET_FILE_ATTRIBUTES, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default: return -1;
    }
}

// Little-endian field access on the finished archive.
std::uint32_t get16(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
std::uint32_t get32(const std::string& b, std::size_t at) { return get16(b, at) | get16(b, at + 2) << 16; }
void put16(std::string& b, std::size_t at, std::uint16_t v) {
    b[at] = static_cast<char>(v & 0xff);
    b[at + 1] = static_cast<char>(v >> 8);
}

constexpr std::uint32_t local_header_sig = 0x04034b50;
constexpr std::uint32_t central_header_sig = 0x02014b50;
constexpr std::uint32_t end_of_central_sig = 0x06054b50;
constexpr std::size_t end_of_central_size = 22;

// Walks the central directory of the archive libzip wrote, writes `t` into
// the DOS time fields of every central and local header, and checks the
// promises of zip_writer.hpp. Any surprise is a bug: it throws.
void pin_times_and_check(std::string& b, DosTime t, std::size_t expected_entries) {
    if (b.size() < end_of_central_size) fail("archive too short");
    const std::size_t eocd = b.size() - end_of_central_size;  // no archive comment
    if (get32(b, eocd) != end_of_central_sig || get16(b, eocd + 20) != 0) fail("no end of central directory");
    const std::size_t entries = get16(b, eocd + 10);
    std::size_t at = get32(b, eocd + 16);
    if (entries != expected_entries) fail("unexpected entry count");
    for (std::size_t i = 0; i < entries; ++i) {
        if (at + 46 > eocd || get32(b, at) != central_header_sig) fail("bad central directory");
        const std::uint32_t flags = get16(b, at + 8);
        const std::size_t name_len = get16(b, at + 28);
        const std::size_t extra_len = get16(b, at + 30), comment_len = get16(b, at + 32);
        const std::size_t local = get32(b, at + 42);
        if (flags & 0x0008) fail("an entry has a data descriptor");
        if (extra_len || comment_len) fail("an entry has an extra field or a comment");
        if (local + 30 > eocd || get32(b, local) != local_header_sig) fail("bad local header");
        if (get16(b, local + 28) != 0) fail("a local header has an extra field");
        if (get16(b, local + 26) != name_len || b.compare(local + 30, name_len, b, at + 46, name_len) != 0)
            fail("local and central names differ");
        put16(b, at + 12, t.time);
        put16(b, at + 14, t.date);
        put16(b, local + 10, t.time);
        put16(b, local + 12, t.date);
        at += 46 + name_len;
    }
}

}  // namespace

DosTime dos_time_utc(std::int64_t unix_seconds) {
    using namespace std::chrono;
    // 1980-01-01T00:00:00Z and 2107-12-31T23:59:58Z, the ends of DOS time.
    constexpr std::int64_t first = earliest_zip_time, last = 4354819198;
    const sys_seconds tp{seconds{std::clamp(unix_seconds, first, last)}};
    const auto day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{tp - day};
    DosTime t;
    t.date = static_cast<std::uint16_t>((static_cast<int>(ymd.year()) - 1980) << 9 |
                                        static_cast<int>(static_cast<unsigned>(ymd.month())) << 5 |
                                        static_cast<int>(static_cast<unsigned>(ymd.day())));
    t.time =
        static_cast<std::uint16_t>(hms.hours().count() << 11 | hms.minutes().count() << 5 | hms.seconds().count() / 2);
    return t;
}

void ZipWriter::ArchiveDiscard::operator()(zip* z) const { zip_discard(z); }
void ZipWriter::SourceFree::operator()(zip_source* s) const { zip_source_free(s); }

ZipWriter::ZipWriter(std::int64_t mtime) : time_(dos_time_utc(mtime)) {
    zip_error_t error;
    zip_error_init(&error);
    buffer_.reset(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer_) {
        std::string what = zip_error_strerror(&error);
        zip_error_fini(&error);
        fail(what);
    }
    // The archive takes a reference; keep ours so the bytes outlive zip_close.
    zip_source_keep(buffer_.get());
    archive_.reset(zip_open_from_source(buffer_.get(), ZIP_CREATE | ZIP_TRUNCATE, &error));
    if (!archive_) {
        std::string what = zip_error_strerror(&error);
        zip_error_fini(&error);
        zip_source_free(buffer_.get());  // the reference zip_open_from_source did not take
        fail(what);
    }
    zip_error_fini(&error);
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::add(std::string_view name, std::string bytes, Compression compression) {
    if (!archive_) fail("archive already finished");
    const bool store = compression == Compression::store;
    // Zip without Zip64 (which would add an extra field) holds 4 GiB a file.
    if (bytes.size() >= std::numeric_limits<std::uint32_t>::max()) fail(std::string(name) + ": entry too large");
    detail::ZipEntryData& e = data_.emplace_back();
    e.size = bytes.size();
    if (store) {
        e.bytes = std::move(bytes);
    } else {
        e.crc = static_cast<std::uint32_t>(
            crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
        e.bytes = thread_deflater().deflate(bytes);
    }
    zip_source_t* source = store ? zip_source_buffer(archive_.get(), e.bytes.data(), e.bytes.size(), 0)
                                 : zip_source_function(archive_.get(), &deflated_source, &e);
    if (!source) fail(archive_error(archive_.get()));
    const std::string entry(name);
    const zip_int64_t index = zip_file_add(archive_.get(), entry.c_str(), source, 0);
    if (index < 0) {
        zip_source_free(source);  // not taken by the archive on failure
        fail(entry + ": " + archive_error(archive_.get()));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    // A deflated entry keeps libzip's default method, which takes the
    // source's: deflate, copied as it is.
    if ((store && zip_set_file_compression(archive_.get(), i, ZIP_CM_STORE, 0) != 0) ||
        zip_file_set_dostime(archive_.get(), i, time_.time, time_.date, 0) != 0 ||
        zip_file_set_external_attributes(archive_.get(), i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0)
        fail(entry + ": " + archive_error(archive_.get()));
}

std::string ZipWriter::finish() {
    if (!archive_) fail("archive already finished");
    if (zip_close(archive_.get()) != 0) fail(archive_error(archive_.get()));
    (void)archive_.release();  // zip_close freed it

    zip_source_t* src = buffer_.get();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) != 0)
        fail("cannot read the archive back");
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t got = zip_source_read(src, bytes.data(), st.size);
    zip_source_close(src);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) fail("cannot read the archive back");
    buffer_.reset();

    pin_times_and_check(bytes, time_, data_.size());
    data_.clear();
    return bytes;
}

std::string libzip_version() { return zip_libzip_version(); }

}  // namespace pressroom

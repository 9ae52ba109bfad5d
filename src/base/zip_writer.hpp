// libzip, wrapped once: a zip archive built in memory, with the properties
// an EPUB container and reproducible output need. Used by the EPUB renderer
// and by the bundle; the reading side is zip_reader.hpp.
//
// - Entries are written in the order they are added.
// - Each entry is stored or deflated (raw deflate, level 9), as asked.
//   Deflating happens here, with one zlib stream per thread that is reset
//   rather than rebuilt, and libzip copies the compressed bytes as they are
//   (a source that says it holds deflated data). libzip would set up a new
//   zlib stream, about 400 KB, for every entry: on the seed that allocation
//   and the page faults behind it were nine tenths of the time.
// - Every entry carries the same modification time, given as seconds since
//   the epoch and written as a DOS date and time computed in UTC. libzip
//   1.7.3 keeps entry times as time_t and converts them with mktime() and
//   localtime(), so its output would depend on the machine's time zone (and
//   on DST gaps); finish() therefore writes the DOS fields itself.
// - No entry has an extra field (no UT/ux timestamps, no Zip64), no comment,
//   no data descriptor; file attributes are fixed (Unix, -rw-r--r--).
//
// finish() checks those properties on the bytes libzip produced and throws
// Error(internal) when one does not hold, so a broken container is never
// returned. libzip's errors are recorded and rethrown as Error; nothing is
// thrown through libzip's C frames.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

struct zip;
struct zip_source;

namespace pressroom {

enum class Compression { store, deflate };

// 1980-01-01T00:00:00Z, the earliest time a zip entry can carry: the time
// outputs carry when nothing gives one (render::output_time).
inline constexpr std::int64_t earliest_zip_time = 315532800;

struct DosTime {
    std::uint16_t time = 0;  // hour << 11 | minute << 5 | second / 2
    std::uint16_t date = 0;  // (year - 1980) << 9 | month << 5 | day
    friend bool operator==(const DosTime&, const DosTime&) = default;
};

// The DOS date and time of a UTC instant. Zip can store 1980-01-01 00:00:00
// to 2107-12-31 23:59:58 only: earlier and later instants are clamped.
DosTime dos_time_utc(std::int64_t unix_seconds);

namespace detail {
// One entry's data as libzip reads it: the bytes (compressed for a deflated
// entry), with the uncompressed size and CRC-32 libzip cannot compute from
// compressed bytes.
struct ZipEntryData {
    std::string bytes;
    std::uint64_t size = 0;
    std::uint32_t crc = 0;
    std::uint64_t read = 0;  // libzip's read position
};
}  // namespace detail

class ZipWriter {
public:
    // `mtime`: seconds since the epoch (UTC) that every entry carries.
    // Throws Error(internal) when libzip cannot create the archive.
    explicit ZipWriter(std::int64_t mtime);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Adds an entry named `name` (ASCII, '/'-separated) holding `bytes`.
    // Throws Error(internal) on a libzip failure or a duplicate name.
    void add(std::string_view name, std::string bytes, Compression compression);

    // Writes the archive and returns its bytes. The writer is spent after.
    std::string finish();

private:
    struct ArchiveDiscard {
        void operator()(zip* z) const;
    };
    struct SourceFree {
        void operator()(zip_source* s) const;
    };

    DosTime time_;
    // Entry data, as libzip will read it (the compressed bytes of a deflated
    // entry, with its CRC and size): libzip reads it only when the archive is
    // closed, so it lives here until then (a deque never moves its
    // elements). Declared first so that it is destroyed last.
    std::deque<detail::ZipEntryData> data_;
    std::unique_ptr<zip_source, SourceFree> buffer_;  // the archive's bytes
    std::unique_ptr<zip, ArchiveDiscard> archive_;
};

// libzip's version, "1.7.3" (for --version).
std::string libzip_version();

}  // namespace pressroom

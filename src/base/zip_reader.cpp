#include "base/zip_reader.hpp"

#include "pressroom/error.hpp"

#include <zip.h>

#include <memory>

namespace pressroom {

namespace {

struct ArchiveClose {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileClose {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

std::vector<ZipFile> read_zip(std::string_view bytes, const std::string& name, std::uint64_t max_total) {
    auto fail = [&](const std::string& what) -> Error {
        return Error(ErrorKind::invalid, name, "not a readable zip archive: " + what);
    };
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        std::string what = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw fail(what);
    }
    std::unique_ptr<zip_t, ArchiveClose> archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) {
        std::string what = zip_error_strerror(&error);
        zip_error_fini(&error);
        zip_source_free(source);  // not taken by a failed open
        throw fail(what);
    }
    zip_error_fini(&error);

    std::vector<ZipFile> files;
    std::uint64_t total = 0;
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE))
            throw fail(zip_strerror(archive.get()));
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            throw fail(std::string(st.name) + " is encrypted");
        total += st.size;
        if (total > max_total) throw fail("its entries hold more than " + std::to_string(max_total) + " bytes");
        std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(archive.get(), index, 0));
        if (!file) throw fail(std::string(st.name) + ": " + zip_strerror(archive.get()));
        ZipFile out{st.name, std::string(static_cast<std::size_t>(st.size), '\0')};
        zip_uint64_t done = 0;
        while (done < st.size) {
            const zip_int64_t n = zip_fread(file.get(), out.bytes.data() + done, st.size - done);
            if (n <= 0) throw fail(std::string(st.name) + ": " + zip_file_strerror(file.get()));
            done += static_cast<zip_uint64_t>(n);
        }
        // libzip checks the CRC when the whole entry has been read; one more
        // read reports a mismatch.
        char extra;
        if (zip_fread(file.get(), &extra, 1) != 0) throw fail(std::string(st.name) + ": " + zip_file_strerror(file.get()));
        files.push_back(std::move(out));
    }
    return files;
}

}  // namespace pressroom

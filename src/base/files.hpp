// File input and output with the guarantees pressroom promises its users:
// inputs are size-bounded, outputs are complete or absent.
#pragma once

#include "pressroom/limits.hpp"  // default_max_input_bytes

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace pressroom {

// Reads a whole file (or standard input for "-"). Throws Error(input) naming
// the file when it cannot be read, is a directory, or exceeds max_bytes; a
// missing file named like a URL is told that pressroom never fetches.
std::string read_input(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

// True for "https://...", "http://..." and other "scheme://" names.
bool looks_like_url(std::string_view name);
// What to say when a name that looks like a URL is not a file: pressroom
// never fetches, and how to save the page.
std::string url_input_message(std::string_view url);

// Writes bytes to a temporary file beside `path`, then renames it over
// `path`: readers never see a partial file, and on any failure (disk full,
// permission) the temporary is removed and Error(output) is thrown.
void write_atomic(const std::filesystem::path& path, std::string_view bytes);

// Writes bytes to standard output; throws Error(output) on failure (EPIPE, full disk).
void write_stdout(std::string_view bytes);

// The temporary-file prefix write_atomic uses, so batch runs can sweep
// leftovers of a killed run: ".NAME.pressroom-tmp-..."
bool is_temporary_name(std::string_view filename);

// Directory of the running executable (from /proc/self/exe).
std::filesystem::path executable_dir();

// pressroom's installed data folder (fonts and other large data): the first
// that exists of $PRESSROOM_DATA_DIR, <dir>/../share/pressroom and
// <dir>/share/pressroom, <dir> being the folder of the executable or of
// libpressroom.so, whichever holds this code. Empty if none does.
std::filesystem::path data_dir();

}  // namespace pressroom

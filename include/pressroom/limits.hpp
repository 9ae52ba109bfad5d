// The limits the command line and the library share, written once.
#pragma once

#include <cstddef>

namespace pressroom {

// The largest input read by default (--max-input-size,
// NormalizeOptions::max_input_bytes): 16 MiB. The largest page in the corpus
// is 240 KB; past this a "release" is a mistake or an attack (a 50 MB text
// takes a minute to normalize).
inline constexpr std::size_t default_max_input_bytes = 16u << 20;

}  // namespace pressroom

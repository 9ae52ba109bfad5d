// The shared library libpressroom is the core library (linked whole into it)
// and nothing else: this file exists because a library target needs a
// source of its own. The public API is include/pressroom/pressroom.hpp.
#include "pressroom/pressroom.hpp"

#include "cli/cli.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // zlib's deflate state and libharu's encoder and font tables are blocks
    // of 128-300 KB, allocated and freed several times per converted file.
    // Above glibc's mmap threshold each was an mmap, page faults and a
    // munmap, and trimming gave heap back only to fault it in again: a
    // quarter of a batch's CPU time (bench/README.md). Keep them in the heap.
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    return pressroom::cli::run(argc, argv);
}

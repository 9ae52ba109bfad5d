#include "cli/cli.hpp"

int main(int argc, char** argv) { return pressroom::cli::run(argc, argv); }

#include "pressroom/error.hpp"

namespace pressroom {

int exit_code_for(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage: return exit_code::usage;
    case ErrorKind::input:
    case ErrorKind::invalid: return exit_code::failed;
    case ErrorKind::output:
    case ErrorKind::data: return exit_code::output;
    case ErrorKind::internal: return exit_code::internal;
    }
    return exit_code::internal;
}

static std::string locate(const std::string& file, int line, const std::string& message) {
    if (file.empty()) return message;
    return file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message;
}

Error::Error(ErrorKind kind, std::string file, std::string message, int line)
    : std::runtime_error(locate(file, line, message)),
      kind_(kind),
      file_(std::move(file)),
      message_(std::move(message)),
      line_(line) {}

std::string Error::located() const { return what(); }

}  // namespace pressroom

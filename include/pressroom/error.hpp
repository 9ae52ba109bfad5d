// The one error type of pressroom, and the one place exit codes are decided.
//
// Library code throws pressroom::Error for conditions that stop the work on
// one input (unreadable file, no release text, invalid XML) or on the whole
// run (bad usage, unwritable output folder). The CLI catches it, prints it
// once as "pressroom: FILE: message" and maps its kind to an exit code here.
// Content problems that do not stop the work are Diagnostics, not Errors.
#pragma once

#include <stdexcept>
#include <string>

namespace pressroom {

enum class ErrorKind {
    usage,     // the command line is wrong                    -> exit 2
    input,     // an input cannot be read or holds no release -> exit 1
    invalid,   // release XML is malformed or fails the schema -> exit 1
    output,    // an output cannot be written                  -> exit 3
    data,      // pressroom's own data (schema, rules, fonts) is missing or broken -> exit 3
    internal,  // a bug                                         -> exit 4
};

namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int failed = 1;    // at least one input failed; the others were converted
inline constexpr int usage = 2;
inline constexpr int output = 3;    // output or data files could not be written/read
inline constexpr int internal = 4;
// A batch or bundle stopped by SIGINT or SIGTERM exits as the shell reports
// a process killed by that signal (130, 143), after finishing the files in
// progress and writing its report: nothing partial is left behind.
inline constexpr int interrupted(int signal) { return 128 + signal; }
}  // namespace exit_code

int exit_code_for(ErrorKind kind);

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string file, std::string message, int line = 0);

    ErrorKind kind() const { return kind_; }
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const std::string& message() const { return message_; }
    // "FILE:LINE: message" or "FILE: message" or "message"
    std::string located() const;

private:
    ErrorKind kind_;
    std::string file_;
    std::string message_;
    int line_;
};

}  // namespace pressroom

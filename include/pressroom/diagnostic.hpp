// Structured diagnostics: what a stage noticed, collected rather than thrown.
//
// Printed as "file:line: severity: message [code]" (line omitted when 0), the
// format compilers use, so editors and CI annotate them; batch reports carry
// them as JSON. Codes are stable identifiers: tests and users match on them.
#pragma once

#include <string>
#include <vector>

namespace pressroom {

enum class Severity { note, warning, error };

const char* severity_name(Severity s);

struct Diagnostic {
    Severity severity = Severity::note;
    std::string code;     // stable, kebab-case: "encoding", "mojibake-repaired"
    std::string message;  // one line, no trailing period
    std::string file;     // as the user named it
    int line = 0;         // 1-based; 0 = the file as a whole

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "file:line: warning: message [code]"
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
public:
    explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

    void note(std::string code, std::string message, int line = 0);
    void warning(std::string code, std::string message, int line = 0);
    void error(std::string code, std::string message, int line = 0);
    void add(Diagnostic d);

    const std::vector<Diagnostic>& items() const { return items_; }
    bool has_errors() const;
    std::size_t count(const std::string& code) const;
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<Diagnostic> items_;
};

}  // namespace pressroom

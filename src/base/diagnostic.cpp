#include "pressroom/diagnostic.hpp"

#include <algorithm>

namespace pressroom {

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    }
    return "note";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("pressroom") : d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += ": ";
    out += severity_name(d.severity);
    out += ": ";
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    return out;
}

void Diagnostics::note(std::string code, std::string message, int line) {
    add({Severity::note, std::move(code), std::move(message), file_, line});
}
void Diagnostics::warning(std::string code, std::string message, int line) {
    add({Severity::warning, std::move(code), std::move(message), file_, line});
}
void Diagnostics::error(std::string code, std::string message, int line) {
    add({Severity::error, std::move(code), std::move(message), file_, line});
}
void Diagnostics::add(Diagnostic d) {
    if (d.file.empty()) d.file = file_;
    items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::count(const std::string& code) const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

}  // namespace pressroom

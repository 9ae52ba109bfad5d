#include "pipeline/report.hpp"

#include "pressroom/error.hpp"

#include <algorithm>

namespace pressroom::pipeline {

const char* status_name(Status s) {
    switch (s) {
    case Status::converted: return "converted";
    case Status::up_to_date: return "up-to-date";
    case Status::failed: return "failed";
    }
    return "failed";
}

FailOn parse_fail_on(const std::string& word) {
    if (word == "refused") return FailOn::refused;
    if (word == "failed") return FailOn::failed;
    if (word == "none") return FailOn::none;
    throw Error(ErrorKind::usage, "", "--fail-on takes refused, failed or none, not '" + word + "'");
}

int Report::exit_status(FailOn fail_on) const {
    int code = exit_code::ok;
    for (const auto& r : inputs) {
        if (r.status != Status::failed) continue;
        const int c = r.exit_code ? r.exit_code : exit_code::failed;
        // 1 is the input's own failure; 3 and 4 are the run's, whatever --fail-on says.
        if (c == exit_code::failed && (fail_on == FailOn::none || (fail_on == FailOn::failed && r.refused))) continue;
        code = std::max(code, c);
    }
    if (fail_on != FailOn::none)
        for (const auto& d : walk)
            if (d.severity == Severity::error) code = std::max(code, exit_code::failed);
    return code;
}

Totals Report::totals() const {
    Totals t;
    t.inputs = inputs.size();
    for (const auto& r : inputs) {
        switch (r.status) {
        case Status::converted: ++t.converted; break;
        case Status::up_to_date: ++t.up_to_date; break;
        case Status::failed: ++t.failed; break;
        }
        if (r.status == Status::failed && r.refused) ++t.refused;
        t.outputs += r.outputs.size();
        for (const auto& o : r.outputs) t.output_bytes += o.size;
    }
    return t;
}

void Report::sort() {
    std::sort(inputs.begin(), inputs.end(), [](const InputRecord& a, const InputRecord& b) { return a.input < b.input; });
    std::sort(pruned.begin(), pruned.end(), [](const Pruned& a, const Pruned& b) { return a.input < b.input; });
}

// ------------------------------------------------------------------ writing

Json to_json(const Diagnostic& d) {
    Json j;
    j["severity"] = severity_name(d.severity);
    j["code"] = d.code;
    j["message"] = d.message;
    j["file"] = d.file;
    j["line"] = d.line;
    return j;
}

Json to_json(const model::Metadata& m) {
    // Every field, empty ones included: consumers get a fixed shape.
    Json j;
    j["title"] = m.title;
    j["subtitle"] = m.subtitle;
    j["date"] = m.date;
    j["agency"] = m.agency;
    j["office"] = m.office;
    j["kind"] = m.kind;
    j["release_number"] = m.release_number;
    j["dateline"] = m.dateline;
    j["language"] = m.language;
    Json contacts = Json::array();
    for (const auto& c : m.contacts) contacts.push_back(c.lines);
    j["contacts"] = contacts;
    j["source"] = {{"name", m.source.name},
                   {"sha256", m.source.sha256},
                   {"format", m.source.format},
                   {"encoding", m.source.encoding}};
    return j;
}

Json to_json(const InputRecord& r) {
    Json j;
    j["input"] = r.input;
    j["status"] = status_name(r.status);
    if (r.status == Status::failed) {
        j["error"] = r.error;
        if (r.refused) j["refused"] = true;
        if (r.unchanged) j["unchanged"] = true;
    } else {
        j["metadata"] = to_json(r.meta);
    }
    Json outputs = Json::array();
    for (const auto& o : r.outputs)
        outputs.push_back({{"format", o.format}, {"path", o.path}, {"size", o.size}, {"sha256", o.sha256}});
    j["outputs"] = outputs;
    Json diags = Json::array();
    for (const auto& d : r.diagnostics) diags.push_back(to_json(d));
    j["diagnostics"] = diags;
    return j;
}

Json to_json(const Report& r) {
    Json j;
    j["report"] = "pressroom-batch/1";
    j["pressroom"] = r.pressroom;
    j["formats"] = r.formats;
    j["complete"] = r.complete;
    Json inputs = Json::array();
    for (const auto& i : r.inputs) inputs.push_back(to_json(i));
    j["inputs"] = inputs;
    Json walk = Json::array();
    for (const auto& d : r.walk) walk.push_back(to_json(d));
    j["walk"] = walk;
    if (!r.pruned.empty()) {
        Json pruned = Json::array();
        for (const auto& p : r.pruned) pruned.push_back({{"input", p.input}, {"outputs", p.outputs}});
        j["pruned"] = pruned;
    }
    const Totals t = r.totals();
    j["totals"] = {
        {"inputs", t.inputs},   {"converted", t.converted}, {"up_to_date", t.up_to_date},    {"failed", t.failed},
        {"refused", t.refused}, {"outputs", t.outputs},     {"output_bytes", t.output_bytes}};
    return j;
}

std::string dump(const Json& j) {
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ------------------------------------------------------------------ reading

namespace {

[[noreturn]] void bad(const std::string& name, const std::string& what) {
    throw Error(ErrorKind::invalid, name, "not a pressroom report: " + what);
}

const Json& member(const Json& j, const char* key, const std::string& name) {
    if (!j.is_object()) bad(name, std::string("expected an object holding \"") + key + "\"");
    auto it = j.find(key);
    if (it == j.end()) bad(name, std::string("\"") + key + "\" missing");
    return *it;
}

std::string string_at(const Json& j, const char* key, const std::string& name) {
    const Json& v = member(j, key, name);
    if (!v.is_string()) bad(name, std::string("\"") + key + "\" is not a string");
    return v.get<std::string>();
}

std::uint64_t number_at(const Json& j, const char* key, const std::string& name) {
    const Json& v = member(j, key, name);
    if (!v.is_number_unsigned()) bad(name, std::string("\"") + key + "\" is not a count");
    return v.get<std::uint64_t>();
}

const Json& array_at(const Json& j, const char* key, const std::string& name) {
    const Json& v = member(j, key, name);
    if (!v.is_array()) bad(name, std::string("\"") + key + "\" is not an array");
    return v;
}

}  // namespace

Diagnostic diagnostic_from_json(const Json& j, const std::string& name) {
    Diagnostic d;
    const std::string severity = string_at(j, "severity", name);
    if (severity == "note") d.severity = Severity::note;
    else if (severity == "warning") d.severity = Severity::warning;
    else if (severity == "error") d.severity = Severity::error;
    else bad(name, "unknown severity '" + severity + "'");
    d.code = string_at(j, "code", name);
    d.message = string_at(j, "message", name);
    d.file = string_at(j, "file", name);
    d.line = static_cast<int>(number_at(j, "line", name));
    return d;
}

model::Metadata metadata_from_json(const Json& j, const std::string& name) {
    model::Metadata m;
    m.title = string_at(j, "title", name);
    m.subtitle = string_at(j, "subtitle", name);
    m.date = string_at(j, "date", name);
    m.agency = string_at(j, "agency", name);
    m.office = string_at(j, "office", name);
    m.kind = string_at(j, "kind", name);
    m.release_number = string_at(j, "release_number", name);
    m.dateline = string_at(j, "dateline", name);
    m.language = string_at(j, "language", name);
    for (const auto& c : array_at(j, "contacts", name)) {
        model::Contact contact;
        if (!c.is_array()) bad(name, "a contact is not an array of lines");
        for (const auto& line : c) {
            if (!line.is_string()) bad(name, "a contact line is not a string");
            contact.lines.push_back(line.get<std::string>());
        }
        m.contacts.push_back(std::move(contact));
    }
    const Json& s = member(j, "source", name);
    m.source.name = string_at(s, "name", name);
    m.source.sha256 = string_at(s, "sha256", name);
    m.source.format = string_at(s, "format", name);
    m.source.encoding = string_at(s, "encoding", name);
    return m;
}

InputRecord input_record_from_json(const Json& j, const std::string& name) {
    InputRecord r;
    r.input = string_at(j, "input", name);
    const std::string status = string_at(j, "status", name);
    if (status == "converted") r.status = Status::converted;
    else if (status == "up-to-date") r.status = Status::up_to_date;
    else if (status == "failed") r.status = Status::failed;
    else bad(name, "unknown status '" + status + "'");
    if (r.status == Status::failed) {
        r.error = string_at(j, "error", name);
        r.exit_code = exit_code::failed;
        if (auto it = j.find("unchanged"); it != j.end() && it->is_boolean()) r.unchanged = it->get<bool>();
        if (auto it = j.find("refused"); it != j.end() && it->is_boolean()) r.refused = it->get<bool>();
    } else {
        r.meta = metadata_from_json(member(j, "metadata", name), name);
    }
    for (const auto& o : array_at(j, "outputs", name))
        r.outputs.push_back(
            {string_at(o, "format", name), string_at(o, "path", name), number_at(o, "size", name), string_at(o, "sha256", name)});
    for (const auto& d : array_at(j, "diagnostics", name)) r.diagnostics.push_back(diagnostic_from_json(d, name));
    return r;
}

Report report_from_json(const Json& j, const std::string& name) {
    if (!j.is_object() || j.value("report", std::string()) != "pressroom-batch/1") bad(name, "no \"report\": \"pressroom-batch/1\"");
    Report r;
    r.pressroom = string_at(j, "pressroom", name);
    for (const auto& f : array_at(j, "formats", name)) {
        if (!f.is_string()) bad(name, "a format is not a string");
        r.formats.push_back(f.get<std::string>());
    }
    const Json& complete = member(j, "complete", name);
    if (!complete.is_boolean()) bad(name, "\"complete\" is not true or false");
    r.complete = complete.get<bool>();
    for (const auto& i : array_at(j, "inputs", name)) r.inputs.push_back(input_record_from_json(i, name));
    for (const auto& d : array_at(j, "walk", name)) r.walk.push_back(diagnostic_from_json(d, name));
    if (auto it = j.find("pruned"); it != j.end()) {
        if (!it->is_array()) bad(name, "\"pruned\" is not an array");
        for (const auto& p : *it) {
            Pruned pruned{string_at(p, "input", name), {}};
            for (const auto& o : array_at(p, "outputs", name)) {
                if (!o.is_string()) bad(name, "a pruned output is not a string");
                pruned.outputs.push_back(o.get<std::string>());
            }
            r.pruned.push_back(std::move(pruned));
        }
    }
    return r;
}

Json parse_json(std::string_view text, const std::string& name) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) throw Error(ErrorKind::invalid, name, "not valid JSON");
    return j;
}

std::string json_library_version() {
    return std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." + std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
           std::to_string(NLOHMANN_JSON_VERSION_PATCH);
}

}  // namespace pressroom::pipeline

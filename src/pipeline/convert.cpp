#include "pipeline/convert.hpp"

#include "base/deadline.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "json/release_json.hpp"
#include "model/check.hpp"
#include "pipeline/readers.hpp"
#include "pressroom/error.hpp"
#include "xml/release_xml.hpp"

#include <algorithm>

#include <system_error>

namespace pressroom::pipeline {

namespace fs = std::filesystem;

void check_ingest_options(const ingest::Options& options) {
    check_reader(options.from);
    if (options.profile.empty()) return;
    const ingest::RuleBook& book = options.rules ? *options.rules : ingest::RuleBook::builtin();
    if (book.profile(options.profile)) return;
    std::vector<std::string> ids;
    for (const auto& p : book.profiles()) ids.push_back(p.id);
    const std::string hint = text::closest(options.profile, ids);
    throw Error(ErrorKind::usage, "",
                "unknown profile '" + options.profile + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                    " (known: " + text::join(ids, ", ") + ")");
}

model::Document load_document(std::string_view bytes, const ingest::Options& options, Diagnostics& diags) {
    const std::string shown = options.name.empty() ? std::string("-") : options.name;
    check_reader(options.from);
    ingest::Options io = options;
    if (io.from.empty()) {
        const InputKind kind = classify_input(bytes, shown);
        if (!kind.refusal.empty()) {
            diags.note("refused", kind.refusal);  // as ingest marks its refusals
            throw Error(ErrorKind::input, shown, kind.refusal, kind.line);
        }
        io.from = kind.reader;
    }
    if (io.from == "xml") return xml::read_release(bytes, shown);
    if (io.from == "release-json") return json::read_release(bytes, shown);
    model::Document doc = ingest::ingest(bytes, io, diags);
    // Ingest promises a document every renderer can take; hold it to that.
    auto problems = model::check(doc);
    if (!problems.empty())
        throw Error(ErrorKind::internal, shown, "normalization broke an invariant: " + problems.front());
    return doc;
}

std::string safe_file_stem(std::string_view text) {
    constexpr std::size_t max_bytes = 200;
    std::string safe;
    for (std::size_t i = 0; i < text.size() && safe.size() < max_bytes;) {
        const std::size_t start = i;
        const char32_t c = utf8::next(text, i);
        const bool invalid = c == 0xFFFD && text.substr(start, i - start) != "\xEF\xBF\xBD";
        std::string piece = invalid || c == '/' || c == '\\' || c < 0x20 || c == 0x7F || utf8::is_control(c)
                                ? std::string("_")
                                : std::string(text.substr(start, i - start));
        if (safe.size() + piece.size() > max_bytes) break;  // never cut a character in two
        safe += piece;
    }
    // No "." or "..", no hidden files; and no name of only dots and spaces.
    while (!safe.empty() && safe.front() == '.') safe.erase(safe.begin());
    if (safe.find_first_not_of(". ") == std::string::npos) safe.clear();
    return safe.empty() ? "release" : safe;
}

std::string output_stem(const std::string& input) {
    if (input == "-" || input.empty()) return "stdin";
    std::string stem = fs::path(input).stem().string();
    if (stem.empty()) stem = fs::path(input).filename().string();
    return safe_file_stem(stem);
}

std::vector<const render::Format*> requested_formats(const ConvertOptions& options) {
    if (!options.formats.empty()) return options.formats;
    return {render::find_format("xml"), render::find_format("txt")};
}

FileResult convert_file(const std::string& input, const ConvertOptions& options) {
    FileResult result;
    result.input = input;
    const std::string& shown = options.name.empty() ? input : options.name;
    Diagnostics diags(shown);
    try {
        std::string bytes = read_input(input, options.max_input_bytes);
        {
            // The time budget covers the work on the content; past it,
            // deadline::check() throws and nothing is written.
            deadline::Scope budget(shown, options.time_limit);
            ingest::Options io = options.ingest;
            io.name = shown;
            model::Document doc = load_document(bytes, io, diags);
            if (!options.metadata.empty()) {
                apply_metadata(doc.meta, options.metadata);
                // The values were checked when the options were read (a bad
                // one is a usage error then); one that breaks an invariant
                // here is a bug of that check.
                if (auto problems = model::check(doc); !problems.empty())
                    throw Error(ErrorKind::internal, shown, "--metadata broke an invariant: " + problems.front());
            }
            result.meta = doc.meta;

            // Render everything first: an input gets all its outputs or none.
            const std::string stem = output_stem(input);
            for (const render::Format* f : requested_formats(options)) {
                deadline::check();
                Output out;
                out.format = std::string(f->name);
                out.bytes = f->render(doc, options.render, diags);
                out.size = out.bytes.size();
                out.sha256 = sha256_hex(out.bytes);
                if (!options.out_file.empty()) out.path = options.out_file;
                else if (!options.to_stdout) out.path = options.out_dir / (stem + std::string(f->extension));
                result.outputs.push_back(std::move(out));
            }
        }

        if (options.to_stdout) {
            for (auto& out : result.outputs) write_stdout(out.bytes);
        } else {
            std::error_code ec;
            for (auto& out : result.outputs) {
                if (input != "-" && fs::equivalent(fs::path(input), out.path, ec))
                    throw Error(ErrorKind::output, out.path.string(),
                                "refusing to overwrite the input with its own output (choose another -o folder)");
            }
            std::size_t written = 0;
            try {
                for (; written < result.outputs.size(); ++written)
                    write_atomic(result.outputs[written].path, result.outputs[written].bytes);
            } catch (const Error&) {
                // All outputs or none: take back the ones this call wrote.
                for (std::size_t k = 0; k < written; ++k) fs::remove(result.outputs[k].path, ec);
                throw;
            }
        }
        for (auto& out : result.outputs) out.bytes.clear();
        result.ok = true;
    } catch (const Error& e) {
        result.ok = false;
        // Errors about the input carry its path; name it as the caller asked.
        result.error = e.file() == input ? Error(e.kind(), shown, e.message(), e.line()).located() : e.located();
        result.exit_code = exit_code_for(e.kind());
        result.refused = std::any_of(diags.items().begin(), diags.items().end(),
                                     [](const Diagnostic& d) { return d.code == "refused"; });
        result.outputs.clear();
    } catch (const std::bad_alloc&) {
        result.ok = false;
        result.error = shown + ": out of memory";
        result.exit_code = exit_code::failed;
        result.outputs.clear();
    }
    result.diagnostics = diags.items();
    return result;
}

}  // namespace pressroom::pipeline

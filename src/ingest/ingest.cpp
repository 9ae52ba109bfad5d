#include "ingest/ingest.hpp"

#include "base/deadline.hpp"
#include "base/hash.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/classify/features.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/passes/passes.hpp"
#include "ingest/readers/decode.hpp"
#include "ingest/readers/feed_reader.hpp"
#include "ingest/readers/html_reader.hpp"
#include "ingest/readers/markdown_reader.hpp"
#include "ingest/readers/sniff.hpp"
#include "ingest/readers/text_reader.hpp"
#include "pressroom/error.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace pressroom::ingest {

std::string detect_format(std::string_view bytes, const std::string& name) {
    std::string ext = text::ascii_lower(std::filesystem::path(name).extension().string());
    if (looks_like_json(bytes)) return "json";
    if (looks_like_feed(bytes)) return "rss";
    std::string head = text::ascii_lower(bytes.substr(0, 4096));
    std::size_t lead = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    std::string_view start = lead == std::string::npos ? std::string_view() : std::string_view(head).substr(lead);
    if (text::starts_with(start, "<!doctype html") || text::starts_with(start, "<html") ||
        head.find("<body") != std::string::npos)
        return "html";
    if (text::starts_with(start, "---\n") || text::starts_with(start, "---\r\n")) return "markdown";
    if ((ext == ".md" || ext == ".markdown") && has_markdown_syntax(bytes)) return "markdown";
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
    // A fragment of markup with no <html>: many block tags make it HTML.
    std::size_t tags = 0;
    for (const char* t : {"<p>", "<p ", "<div", "<br", "<table", "<li>", "</p>", "<h1", "<h2"})
        for (std::size_t p = head.find(t); p != std::string::npos; p = head.find(t, p + 1)) ++tags;
    return tags >= 3 ? "html" : "text";
}

namespace {

// The input's file name, as the document's source names it. A file name may
// hold any bytes but '/' and NUL; the model takes valid UTF-8 in NFC without
// control characters, so the others become U+FFFD (a file named "line\nbreak"
// made the conversion fail its own invariant check: hardening, issue 7).
std::string base_name(const std::string& name) {
    if (name == "-" || name.empty()) return "-";
    const std::string file = std::filesystem::path(name).filename().string();
    std::string clean;
    for (std::size_t i = 0; i < file.size();) {
        char32_t c = utf8::next(file, i);
        utf8::append(clean, utf8::is_control(c) ? char32_t{0xFFFD} : c);
    }
    return utf8::nfc(clean);
}

// The model's one-line fields are trimmed with single spaces, and the audit
// holds no empty pieces (model/check.hpp). The steps keep this on real
// input; fuzz_ingest found odd inputs where a step left a double space in
// a front-matter title or recorded an empty removal, so it is made true
// once, here, for every field.
void finish_fields(model::Document& doc) {
    auto& m = doc.meta;
    for (std::string* f : {&m.agency, &m.office, &m.kind, &m.release_number, &m.title, &m.subtitle, &m.dateline})
        *f = text::collapse_space(*f);
    for (auto& c : m.contacts) {
        for (auto& l : c.lines) l = text::collapse_space(l);
        c.lines.erase(std::remove(c.lines.begin(), c.lines.end(), std::string()), c.lines.end());
    }
    m.contacts.erase(std::remove_if(m.contacts.begin(), m.contacts.end(), [](const auto& c) { return c.lines.empty(); }),
                     m.contacts.end());
    doc.removed.erase(std::remove_if(doc.removed.begin(), doc.removed.end(),
                                     [](const auto& r) { return text::trim(r.text).empty(); }),
                      doc.removed.end());
}

}  // namespace

namespace {

// Everything ingest does, without refusing: the refusal (if any) is
// reported in `refusal`, so `pressroom inspect` can still show the lines.
struct Run {
    Source src;
    classify::Rows rows;
    std::vector<classify::Decision> decisions;
    model::Document doc;
    std::vector<std::string> profiles;
    std::string refusal;  // why there is no release, or empty
    std::vector<std::string> signs;  // the signs of a release it shows
    std::string message;  // the refusal's one-line message, when not "no release text found"
};

// Hardening (issue 7): inputs that are not a release's text at all are
// refused before any reader runs, each with its own message.
bool refuse_early(std::string_view bytes, const Sniffed& sniffed, Run& run) {
    if (bytes.empty()) {
        run.refusal = "the input is empty";
        run.message = "no release text found: the input is empty";
    } else if (!sniffed.not_text.empty()) {
        run.refusal = sniffed.not_text;
        run.message = "not a text document: " + sniffed.not_text;
    } else if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return text::is_ascii_space(c) || c == '\v'; })) {
        run.refusal = "the input holds only white space";
        run.message = "no release text found: the input holds only white space";
    }
    return !run.refusal.empty();
}

Run run_ingest(std::string_view bytes, const Options& options, Diagnostics& diags, bool features_only = false) {
    Run run;
    const std::string shown = options.name.empty() ? std::string("-") : options.name;
    const std::string_view original = bytes;  // what the source's SHA-256 is of
    const Sniffed sniffed = sniff(bytes);
    // UTF-16 (with or without a byte-order mark) becomes UTF-8 before the
    // readers see it, so HTML, markdown and JSON in UTF-16 are recognised too.
    std::string from_utf16;
    if (!sniffed.utf16.empty()) {
        if (std::size_t bad = utf16_to_utf8(bytes, sniffed, from_utf16))
            diags.warning("decode-error", std::to_string(bad) + " invalid " + sniffed.utf16 +
                                              " code units replaced with U+FFFD");
        diags.note("encoding", "the input is " + sniffed.utf16 +
                                   (sniffed.bom ? "" : " without a byte-order mark") + ": read as UTF-8");
        bytes = from_utf16;
    }
    if (refuse_early(bytes, sniffed, run)) return run;
    const std::string format = options.from.empty() ? detect_format(bytes, options.name) : options.from;

    Source& src = run.src;
    std::string encoding;
    if (format == "html") {
        src = read_html(html_to_utf8(bytes, encoding), shown);
        diags.note("encoding", "decoded as " + encoding);
        if (encoding == "UTF-8" && !utf8::is_valid(bytes))
            diags.warning("decode-error", "invalid UTF-8 sequences replaced with U+FFFD");
    } else if (format == "rss") {
        src = read_feed(bytes, shown, diags);
        encoding = "UTF-8";
    } else {
        Decoded decoded = decode(bytes, diags);
        encoding = decoded.encoding;
        if (format == "json") src = read_json_item(decoded.text, shown, diags);
        else if (format == "markdown") src = read_markdown(decoded.text);
        else src = read_text(decoded.text);
        if (src.lines.empty() && format != "text" && format != "markdown") src = read_text(decoded.text);
    }
    if (!sniffed.utf16.empty()) encoding = sniffed.utf16;
    diags.note("reader", "read as " + src.format);
    // What a format states went through its own escapes (YAML's "\u2060",
    // JSON's "\u00ad") after decoding: the same cleaning as the text.
    for (std::string* f :
         {&src.given.agency, &src.given.office, &src.given.kind, &src.given.release_number, &src.given.date,
          &src.given.title, &src.given.subtitle, &src.given.dateline, &src.given.language})
        *f = clean_text(*f);
    for (std::string& hint : src.title_hints) hint = clean_text(hint);
    src.agency_hint = clean_text(src.agency_hint);
    repair_source(src, diags);

    model::Document& doc = run.doc;
    doc.meta.source.name = base_name(shown);
    doc.meta.source.sha256 = sha256_hex(original);
    doc.meta.source.format = src.format;
    doc.meta.source.encoding = encoding;
    const bool reader_dropped_markup = !src.removed.empty();
    doc.removed = src.removed;

    const RuleBook& book = options.rules ? *options.rules : RuleBook::builtin();
    std::vector<std::string> hints = src.detect_hints;
    hints.insert(hints.end(), src.title_hints.begin(), src.title_hints.end());
    Context cx{src, doc, diags, book, book.select(src.lines, options.profile, hints), {}, {}, {}};
    for (const Profile* p : cx.profiles) {
        run.profiles.push_back(p->id);
        if (!p->always()) diags.note("profile", "using the '" + p->id + "' rules (" + p->name + ")");
    }

    // The time budget (deadline.hpp) is checked between the steps, and in
    // the long loops inside them.
    // The passes, in the order they run: what each takes from the lines is
    // not there for the next.
    using Pass = void (*)(Context&);
    static constexpr Pass before_classifier[] = {extract_fields, remove_boilerplate, transcript_location,
                                                extract_contacts, extract_byline};
    static constexpr Pass after_classifier[] = {extract_metadata, resolve_agency, remove_chrome, build_body, extract_dateline, repair_text, check_links};
    for (Pass pass : before_classifier) {
        deadline::check();
        pass(cx);
    }
    if (features_only) {
        run.rows = classify::features(src);
        return run;
    }
    deadline::check();
    classify_lines(cx);
    run.rows = std::move(cx.rows);
    run.decisions = std::move(cx.decisions);
    for (Pass pass : after_classifier) {
        deadline::check();
        pass(cx);
    }

    finish_fields(doc);
    std::stable_sort(doc.removed.begin(), doc.removed.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    Verdict verdict = decide_release(cx, reader_dropped_markup);
    run.refusal = verdict.refusal;
    run.signs = verdict.signs;
    if (run.refusal.empty())
        diags.note("release", verdict.signs.empty() ? std::string("a release, with no sign of one but its text")
                                                     : "a release: " + text::join(verdict.signs, ", "));
    return run;
}

// What became of a line, in a few words, from what the steps left on it.
std::string fate_of(const Line& l, const model::Document& doc) {
    if (l.removed) {
        std::string rules;
        for (const auto& r : doc.removed)
            if (r.line == l.number && rules.find(r.rule) == std::string::npos) rules += (rules.empty() ? "" : ", ") + r.rule;
        return "removed: " + (rules.empty() ? std::string("?") : rules);
    }
    if (l.used) {
        const auto& m = doc.meta;
        auto has = [&](const std::string& field) {
            return !field.empty() && text::ascii_lower(field).find(text::ascii_lower(l.text)) != std::string::npos;
        };
        if (has(m.title)) return "title";
        if (has(m.subtitle)) return "subtitle";
        if (has(m.agency)) return "agency";
        if (has(m.office)) return "office";
        if (has(m.kind)) return "kind";
        for (const auto& c : m.contacts)
            for (const auto& cl : c.lines)
                if (cl == l.text) return "contact";
        if (!m.release_number.empty() && l.text.find(m.release_number) != std::string::npos) return "release number";
        if (!m.date.empty() && find_date(l.text)) return "date";
        return "metadata (repeated)";
    }
    if (l.text.empty()) return {};
    if (l.block >= 0) {
        if (static_cast<std::size_t>(l.block) >= doc.body.size()) return "body";
        const char* kind = std::visit(
            [](const auto& b) -> const char* {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, model::Heading>) return "heading";
                else if constexpr (std::is_same_v<T, model::List>) return "list";
                else if constexpr (std::is_same_v<T, model::Quote>) return "quote";
                else return "paragraph";
            },
            doc.body[static_cast<std::size_t>(l.block)]);
        return std::string(kind) + " " + std::to_string(l.block + 1);
    }
    return "body";
}

}  // namespace

model::Document ingest(std::string_view bytes, const Options& options, Diagnostics& diags) {
    Run run = run_ingest(bytes, options, diags);
    if (!run.refusal.empty()) {
        diags.note("refused", run.refusal);
        throw Error(ErrorKind::input, options.name.empty() ? std::string("-") : options.name,
                    run.message.empty() ? std::string("no release text found") : run.message);
    }
    return std::move(run.doc);
}

Trace trace(std::string_view bytes, const Options& options, Diagnostics& diags) {
    Run run = run_ingest(bytes, options, diags);
    Trace t;
    t.format = run.src.format;
    t.encoding = run.doc.meta.source.encoding;
    t.profiles = run.profiles;
    t.refusal = run.refusal;
    t.signs = run.signs;
    std::vector<std::size_t> row_of(run.src.lines.size(), run.rows.lines.size());
    for (std::size_t r = 0; r < run.rows.lines.size(); ++r) row_of[run.rows.lines[r]] = r;
    const classify::Model* m = run.decisions.empty() ? nullptr : &classify::model();
    for (std::size_t i = 0; i < run.src.lines.size(); ++i) {
        const Line& l = run.src.lines[i];
        if (l.text.empty()) continue;
        TraceLine tl{l.number, l.text, fate_of(l, run.doc), {}, 0, {}};
        if (const std::size_t r = row_of[i]; m && r < run.decisions.size()) {
            tl.label = label_name(run.decisions[r].label);
            tl.confidence = run.decisions[r].confidence;
            tl.reasons = classify::reasons(*m, run.rows, r, run.decisions[r].label);
        }
        t.lines.push_back(std::move(tl));
    }
    // Pieces removed by the reader itself (navigation, hidden elements) have no line of their own.
    for (const auto& r : run.doc.removed)
        if (std::none_of(run.src.lines.begin(), run.src.lines.end(), [&](const Line& l) { return l.number == r.line && l.removed; }) &&
            (r.rule.rfind("html-", 0) == 0 || r.rule.rfind("markdown-", 0) == 0 || r.rule.rfind("json-", 0) == 0 ||
             r.rule.rfind("feed-", 0) == 0))
            t.lines.push_back({r.line, r.text, "removed: " + r.rule, {}, 0, {}});
    std::stable_sort(t.lines.begin(), t.lines.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    t.doc = std::move(run.doc);
    return t;
}

}  // namespace pressroom::ingest

namespace pressroom::ingest {

std::string feature_table(std::string_view bytes, const Options& options, Diagnostics& diags) {
    Run run = run_ingest(bytes, options, diags, true);
    std::string out = "line";
    for (const auto& name : classify::feature_names()) out += "\t" + name;
    out += "\ttext\n";
    char buf[32];
    for (std::size_t r = 0; r < run.rows.lines.size(); ++r) {
        const Line& l = run.src.lines[run.rows.lines[r]];
        out += std::to_string(l.number);
        const float* x = run.rows.row(r);
        for (std::size_t j = 0; j < run.rows.width; ++j) {
            std::snprintf(buf, sizeof buf, "\t%.6g", static_cast<double>(x[j]));
            out += buf;
        }
        out += "\t" + l.text + "\n";
    }
    return out;
}

}  // namespace pressroom::ingest

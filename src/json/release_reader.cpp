#include "base/text.hpp"
#include "base/utf8.hpp"
#include "json/release_json.hpp"
#include "model/check.hpp"
#include "pressroom/error.hpp"
#include "xml/libxml.hpp"
#include "xml/release_xml.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace pressroom::json {

namespace {

using Json = nlohmann::json;

// A member that is not what the schema says: refused with its JSON Pointer
// ("/body/3/content/0/href"), so a script's author finds it.
[[noreturn]] void bad(const std::string& name, const std::string& pointer, const std::string& what) {
    throw Error(ErrorKind::invalid, name,
                "invalid release JSON: " + (pointer.empty() ? std::string("/") : pointer) + ": " + what);
}

std::string escape_pointer(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

class Reader {
public:
    explicit Reader(const std::string& name) : name_(name) {}

    model::Document document(const Json& j) {
        object(j, "", {"format", "version", "meta", "body", "removed"});
        const std::string format = string(member(j, "", "format"), "/format");
        if (format != release_format) bad(name_, "/format", "\"" + format + "\", not \"" + release_format + "\"");
        const Json& version = member(j, "", "version");
        if (!version.is_number_unsigned() || version.get<unsigned long long>() < 1)
            bad(name_, "/version", "not a positive whole number");

        model::Document doc;
        meta(member(j, "", "meta"), doc.meta);
        const Json& body = array(member(j, "", "body"), "/body");
        if (body.empty()) bad(name_, "/body", "no blocks (a release has at least one)");
        for (std::size_t i = 0; i < body.size(); ++i) doc.body.push_back(block(body[i], "/body/" + std::to_string(i)));
        const Json& removed = array(member(j, "", "removed"), "/removed");
        for (std::size_t i = 0; i < removed.size(); ++i) {
            const std::string at = "/removed/" + std::to_string(i);
            object(removed[i], at, {"rule", "line", "text"});
            model::RemovedSpan r;
            r.rule = string(member(removed[i], at, "rule"), at + "/rule");
            r.line = line(member(removed[i], at, "line"), at + "/line");
            r.text = utf8::nfc(string(member(removed[i], at, "text"), at + "/text"));
            if (!rule_id(r.rule))
                bad(name_, at + "/rule", "not a rule id (lowercase letters and digits, '.' and '-' between)");
            if (r.text.empty()) bad(name_, at + "/text", "empty");
            doc.removed.push_back(std::move(r));
        }
        return doc;
    }

private:
    const Json& member(const Json& j, const std::string& at, const char* key) {
        auto it = j.find(key);
        if (it == j.end()) bad(name_, at, std::string("\"") + key + "\" missing");
        return *it;
    }

    // An object with exactly these members: an unknown one is refused (a
    // misspelt "releaseNumber" must not be dropped without a word).
    void object(const Json& j, const std::string& at, std::initializer_list<const char*> keys) {
        if (!j.is_object()) bad(name_, at, "not an object");
        for (const auto& [key, value] : j.items()) {
            (void)value;
            if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
                bad(name_, at + "/" + escape_pointer(key), "unknown member");
        }
        for (const char* k : keys)
            if (!j.contains(k)) bad(name_, at, std::string("\"") + k + "\" missing");
    }

    const Json& array(const Json& j, const std::string& at) {
        if (!j.is_array()) bad(name_, at, "not an array");
        return j;
    }

    std::string string(const Json& j, const std::string& at) {
        if (!j.is_string()) bad(name_, at, "not a string");
        return j.get<std::string>();
    }

    // What the XML reader makes of a one-line field: NFC, single spaces.
    std::string line_field(const Json& j, const std::string& at) {
        const std::string v = text::collapse_space(utf8::nfc(string(j, at)));
        clean(v, at);
        return v;
    }

    void clean(const std::string& v, const std::string& at) {
        for (std::size_t i = 0; i < v.size();) {
            const char32_t c = utf8::next(v, i);
            if (c == '\n' || c == '\r' || c == '\t' || utf8::is_control(c))
                bad(name_, at, "holds a control character (U+" + hex(c) + ")");
        }
    }

    static std::string hex(char32_t c) {
        static const char digits[] = "0123456789ABCDEF";
        std::string out;
        for (int shift = 12; shift >= 0; shift -= 4) out += digits[(c >> shift) & 0xF];
        return out;
    }

    int line(const Json& j, const std::string& at) {
        // nlohmann reads a non-negative whole number as unsigned; anything
        // else (negative, fractional, a string) is no line number.
        if (!j.is_number_unsigned()) bad(name_, at, "not a line number (a whole number, 0 when unknown)");
        // As the XML reader reads a line attribute: huge numbers are clamped.
        return static_cast<int>(std::min<unsigned long long>(j.get<unsigned long long>(), 1'000'000'000ULL));
    }

    int small_number(const Json& j, const std::string& at, int low, int high, const char* what) {
        if (!j.is_number_unsigned() || j.get<unsigned long long>() < static_cast<unsigned long long>(low) ||
            j.get<unsigned long long>() > static_cast<unsigned long long>(high))
            bad(name_, at, std::string("not ") + what);
        return static_cast<int>(j.get<unsigned long long>());
    }

    static bool rule_id(const std::string& id) {
        // [a-z0-9]+([.\-][a-z0-9]+)*, the schema's ruleId
        if (id.empty() || id.front() == '.' || id.front() == '-' || id.back() == '.' || id.back() == '-') return false;
        for (std::size_t i = 0; i < id.size(); ++i) {
            const char c = id[i];
            const bool sep = c == '.' || c == '-';
            if (!sep && !(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c))))
                return false;
            if (sep && (id[i + 1] == '.' || id[i + 1] == '-')) return false;
        }
        return true;
    }

    // xs:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*
    static bool xs_language(const std::string& tag) {
        std::size_t i = 0, n = 0;
        bool first = true;
        for (; i <= tag.size(); ++i) {
            if (i == tag.size() || tag[i] == '-') {
                if (n < 1 || n > 8) return false;
                n = 0;
                first = false;
                continue;
            }
            const auto c = static_cast<unsigned char>(tag[i]);
            if (!(std::isalpha(c) || (!first && std::isdigit(c)))) return false;
            ++n;
        }
        return !tag.empty();
    }

    void meta(const Json& j, model::Metadata& m) {
        const std::string at = "/meta";
        object(j, at,
               {"title", "subtitle", "date", "agency", "office", "kind", "release_number", "dateline", "language",
                "contacts", "source"});
        m.title = line_field(member(j, at, "title"), at + "/title");
        m.subtitle = line_field(member(j, at, "subtitle"), at + "/subtitle");
        m.date = string(member(j, at, "date"), at + "/date");
        if (!m.date.empty() && !model::is_iso_date(m.date))
            bad(name_, at + "/date", "\"" + m.date + "\" is not a date YYYY-MM-DD (or \"\" for none)");
        m.agency = line_field(member(j, at, "agency"), at + "/agency");
        m.office = line_field(member(j, at, "office"), at + "/office");
        m.kind = line_field(member(j, at, "kind"), at + "/kind");
        m.release_number = line_field(member(j, at, "release_number"), at + "/release_number");
        m.dateline = line_field(member(j, at, "dateline"), at + "/dateline");
        m.language = string(member(j, at, "language"), at + "/language");
        if (!xs_language(m.language)) bad(name_, at + "/language", "\"" + m.language + "\" is not a language tag");
        const Json& contacts = array(member(j, at, "contacts"), at + "/contacts");
        for (std::size_t i = 0; i < contacts.size(); ++i) {
            const std::string c_at = at + "/contacts/" + std::to_string(i);
            const Json& lines = array(contacts[i], c_at);
            if (lines.empty()) bad(name_, c_at, "a contact without lines");
            model::Contact c;
            for (std::size_t k = 0; k < lines.size(); ++k) {
                const std::string l_at = c_at + "/" + std::to_string(k);
                c.lines.push_back(line_field(lines[k], l_at));
                if (c.lines.back().empty()) bad(name_, l_at, "an empty contact line");
            }
            m.contacts.push_back(std::move(c));
        }
        const std::string s_at = at + "/source";
        const Json& s = member(j, at, "source");
        object(s, s_at, {"name", "sha256", "format", "encoding"});
        m.source.name = line_field(member(s, s_at, "name"), s_at + "/name");
        if (m.source.name.empty()) bad(name_, s_at + "/name", "empty (the input's file name, or \"-\")");
        m.source.sha256 = string(member(s, s_at, "sha256"), s_at + "/sha256");
        if (m.source.sha256.size() != 64 || m.source.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
            bad(name_, s_at + "/sha256", "not 64 lowercase hexadecimal digits");
        m.source.format = string(member(s, s_at, "format"), s_at + "/format");
        static const std::array<const char*, 7> formats = {"", "text", "html", "markdown", "json", "rss", "xml"};
        if (std::none_of(formats.begin(), formats.end(), [&](const char* f) { return m.source.format == f; }))
            bad(name_, s_at + "/format", "\"" + m.source.format + "\" is not a reader's name");
        m.source.encoding = string(member(s, s_at, "encoding"), s_at + "/encoding");
        if (m.source.encoding.find_first_of(" \t\r\n") != std::string::npos)
            bad(name_, s_at + "/encoding", "holds white space");
        clean(m.source.encoding, s_at + "/encoding");
    }

    model::Inlines inlines(const Json& j, const std::string& at) {
        using K = model::Span::Kind;
        const Json& spans = array(j, at);
        model::Inlines out;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const std::string s_at = at + "/" + std::to_string(i);
            if (!spans[i].is_object()) bad(name_, s_at, "not an object");
            const std::string type = string(member(spans[i], s_at, "type"), s_at + "/type");
            model::Span span;
            if (type == "link") {
                object(spans[i], s_at, {"type", "text", "href"});
                span.kind = K::link;
                span.href = string(member(spans[i], s_at, "href"), s_at + "/href");
                clean(span.href, s_at + "/href");
                // What the XML's xs:anyURI takes, as the normalizer leaves it.
                if (span.href.empty() || xml::any_uri(span.href) != span.href)
                    bad(name_, s_at + "/href", "\"" + span.href + "\" is not a URI");
            } else {
                object(spans[i], s_at, {"type", "text"});
                if (type == "text") span.kind = K::text;
                else if (type == "emphasis") span.kind = K::emphasis;
                else if (type == "strong") span.kind = K::strong;
                else bad(name_, s_at + "/type", "\"" + type + "\" is not text, emphasis, strong or link");
            }
            span.text = utf8::nfc(string(member(spans[i], s_at, "text"), s_at + "/text"));
            clean(span.text, s_at + "/text");
            out.push_back(std::move(span));
        }
        // As the XML reader does: single spaces, none at the edges, no empty span.
        model::normalize_space(out);
        if (out.empty()) bad(name_, at, "no text");
        return out;
    }

    model::Block block(const Json& j, const std::string& at) {
        if (!j.is_object()) bad(name_, at, "not an object");
        const std::string type = string(member(j, at, "type"), at + "/type");
        if (type == "paragraph" || type == "quote") {
            object(j, at, {"type", "line", "content"});
            model::Inlines content = inlines(member(j, at, "content"), at + "/content");
            const int l = line(member(j, at, "line"), at + "/line");
            if (type == "quote") return model::Quote{std::move(content), l};
            return model::Paragraph{std::move(content), l};
        }
        if (type == "heading") {
            object(j, at, {"type", "level", "line", "content"});
            const int level = small_number(member(j, at, "level"), at + "/level", 1, 3, "a heading level (1 to 3)");
            return model::Heading{level, inlines(member(j, at, "content"), at + "/content"),
                                  line(member(j, at, "line"), at + "/line")};
        }
        if (type == "list") {
            object(j, at, {"type", "ordered", "line", "items"});
            model::List list;
            const Json& ordered = member(j, at, "ordered");
            if (!ordered.is_boolean()) bad(name_, at + "/ordered", "not true or false");
            list.ordered = ordered.get<bool>();
            list.line = line(member(j, at, "line"), at + "/line");
            const Json& items = array(member(j, at, "items"), at + "/items");
            if (items.empty()) bad(name_, at + "/items", "a list without items");
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string i_at = at + "/items/" + std::to_string(i);
                object(items[i], i_at, {"depth", "line", "content"});
                model::ListItem item;
                item.depth = small_number(member(items[i], i_at, "depth"), i_at + "/depth", 0, 8, "a depth (0 to 8)");
                item.line = line(member(items[i], i_at, "line"), i_at + "/line");
                item.content = inlines(member(items[i], i_at, "content"), i_at + "/content");
                list.items.push_back(std::move(item));
            }
            return list;
        }
        bad(name_, at + "/type", "\"" + type + "\" is not paragraph, heading, list or quote");
    }

    const std::string& name_;
};

int line_of(std::string_view bytes, std::size_t byte) {
    byte = std::min(byte, bytes.size());
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

}  // namespace

model::Document read_release(std::string_view bytes, const std::string& name) {
    Json j;
    try {
        j = Json::parse(bytes.begin(), bytes.end());
    } catch (const Json::parse_error& e) {
        // nlohmann's message names the byte; the line is what an editor shows.
        std::string what = e.what();
        if (auto colon = what.find("syntax error"); colon != std::string::npos) what = what.substr(colon);
        throw Error(ErrorKind::invalid, name, "invalid release JSON: not JSON: " + what,
                    line_of(bytes, e.byte > 0 ? e.byte - 1 : 0));
    }
    model::Document doc = Reader(name).document(j);
    // Whatever the checks above let through must still be a document every
    // renderer takes, and one that release XML can carry: the JSON is
    // accepted only if both hold, so that -t xml of it is valid.
    if (auto problems = model::check(doc); !problems.empty())
        throw Error(ErrorKind::invalid, name, "invalid release JSON: " + problems.front());
    if (auto problems = xml::validate_release(xml::write_release(doc), name); !problems.empty())
        throw Error(ErrorKind::invalid, name, "invalid release JSON: as release XML: " + problems.front().message);
    return doc;
}

std::string release_format_of(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::size_t i = 0;
    while (i < bytes.size() && text::is_ascii_space(bytes[i])) ++i;
    if (i == bytes.size() || bytes[i] != '{') return {};
    if (bytes.find("\"urn:pressroom:release:") == std::string_view::npos) return {};
    const Json j = Json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return {};
    auto it = j.find("format");
    if (it == j.end() || !it->is_string()) return {};
    const std::string format = it->get<std::string>();
    return text::starts_with(format, "urn:pressroom:release:") ? format : std::string();
}

}  // namespace pressroom::json

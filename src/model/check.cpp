#include "model/check.hpp"

#include "base/utf8.hpp"

#include <cctype>
#include <cstdio>

namespace pressroom::model {

namespace {

struct Checker {
    std::vector<std::string> problems;

    void fail(const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); }

    // Shared by every text field: encoding, normalization, controls.
    bool clean(const std::string& where, const std::string& s) {
        if (!utf8::is_valid(s)) {
            fail(where, "invalid UTF-8");
            return false;
        }
        if (utf8::nfc(s) != s) fail(where, "not in Unicode NFC");
        for (std::size_t i = 0; i < s.size();) {
            char32_t c = utf8::next(s, i);
            if (c == '\n' || c == '\r' || c == '\t' || utf8::is_control(c)) {
                char code[16];
                std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
                fail(where, std::string("contains control character ") + code);
                return false;
            }
        }
        return true;
    }

    void spacing(const std::string& where, const std::string& s) {
        if (s.empty()) return;
        if (s.front() == ' ' || s.back() == ' ') fail(where, "leading or trailing space");
        if (s.find("  ") != std::string::npos) fail(where, "double space");
    }

    void line_field(const std::string& where, const std::string& s, bool required = false) {
        if (s.empty()) {
            if (required) fail(where, "is empty");
            return;
        }
        if (clean(where, s)) spacing(where, s);
    }

    void inlines(const std::string& where, const Inlines& content) {
        std::string text = plain_text(content);
        if (text.empty()) {
            fail(where, "is empty");
            return;
        }
        for (const auto& span : content) {
            if (span.text.empty()) fail(where, "has an empty inline span");
            if (span.kind == Span::Kind::link && span.href.empty()) fail(where, "has a link without href");
            if (span.kind != Span::Kind::link && !span.href.empty()) fail(where, "has an href on a non-link");
            if (!span.href.empty()) clean(where + " href", span.href);
        }
        if (clean(where, text)) spacing(where, text);
    }
};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

bool is_iso_date(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(d[static_cast<std::size_t>(i)]))) return false;
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || day < 1) return false;
    int max = days[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
    return day <= max;
}

std::vector<std::string> check(const Document& doc) {
    Checker c;
    const Metadata& m = doc.meta;
    c.line_field("meta.agency", m.agency);
    c.line_field("meta.office", m.office);
    c.line_field("meta.kind", m.kind);
    c.line_field("meta.release-number", m.release_number);
    c.line_field("meta.title", m.title);
    c.line_field("meta.subtitle", m.subtitle);
    c.line_field("meta.dateline", m.dateline);
    c.line_field("meta.language", m.language, true);
    if (!m.date.empty() && !is_iso_date(m.date)) c.fail("meta.date", "not an ISO YYYY-MM-DD date: " + m.date);
    for (std::size_t i = 0; i < m.contacts.size(); ++i) {
        if (m.contacts[i].lines.empty()) c.fail("meta.contact[" + std::to_string(i) + "]", "has no lines");
        for (const auto& l : m.contacts[i].lines) c.line_field("meta.contact[" + std::to_string(i) + "]", l, true);
    }
    c.line_field("meta.source.name", m.source.name, true);
    if (m.source.sha256.size() != 64 || m.source.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        c.fail("meta.source.sha256", "not 64 lowercase hex digits");

    if (doc.body.empty()) c.fail("body", "has no blocks");
    for (std::size_t i = 0; i < doc.body.size(); ++i) {
        std::string where = "body[" + std::to_string(i) + "]";
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, List>) {
                    if (b.items.empty()) c.fail(where, "list has no items");
                    for (std::size_t k = 0; k < b.items.size(); ++k) {
                        c.inlines(where + ".item[" + std::to_string(k) + "]", b.items[k].content);
                        if (b.items[k].depth < 0 || b.items[k].depth > 8) c.fail(where, "item depth out of range");
                    }
                } else {
                    c.inlines(where, b.content);
                    if constexpr (std::is_same_v<T, Heading>)
                        if (b.level < 1 || b.level > 3) c.fail(where, "heading level out of range");
                }
                if (b.line < 0) c.fail(where, "negative line");
            },
            doc.body[i]);
    }
    for (std::size_t i = 0; i < doc.removed.size(); ++i) {
        const auto& r = doc.removed[i];
        std::string where = "removed[" + std::to_string(i) + "]";
        if (r.text.empty()) c.fail(where, "is empty");
        else c.clean(where, r.text);
        bool id_ok = !r.rule.empty() && r.rule.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos &&
                     r.rule.front() != '-' && r.rule.front() != '.' && r.rule.back() != '-' && r.rule.back() != '.';
        if (!id_ok) c.fail(where, "bad rule id '" + r.rule + "'");
        if (r.line < 0) c.fail(where, "negative line");
    }
    return c.problems;
}

}  // namespace pressroom::model

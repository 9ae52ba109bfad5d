#include "base/deadline.hpp"
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>
#include <unordered_set>

namespace pressroom::ingest {

void record_removal(Context& cx, std::string text, std::string rule, int line) {
    text = text::collapse_space(text);
    if (text.empty()) return;
    cx.doc.removed.push_back({std::move(text), std::move(rule), line});
}

namespace {

// Removes bytes [b, e) of the line's text, keeping rich inline content in step.
void erase_range(Line& l, std::size_t b, std::size_t e) {
    if (!l.inlines.empty()) {
        std::size_t pos = 0;
        for (auto& span : l.inlines) {
            std::size_t s0 = pos, s1 = pos + span.text.size();
            std::size_t cb = std::max(b, s0), ce = std::min(e, s1);
            if (cb < ce) span.text.erase(cb - s0, ce - cb);
            pos = s1;
        }
        model::normalize_space(l.inlines);
    }
    l.text.erase(b, e - b);
    l.text = text::collapse_space(l.text);
}

bool starts_with_match(const Rule& r, const std::string& s) {
    return std::any_of(r.patterns.begin(), r.patterns.end(), [&](const auto& re) {
        auto m = re->search(s);
        return m && m->begin() == 0;
    });
}

bool any_full_match(const Rule& r, const std::string& s) {
    return std::any_of(r.patterns.begin(), r.patterns.end(), [&](const auto& re) { return re->full_match(s); });
}

// Text "X X" (the same phrase twice, as when a page's logo text and its alt
// text are both scraped) -> the length of X, else 0.
std::size_t doubled_length(const std::string& s) {
    if (s.size() < 7 || s.size() % 2 == 0) return 0;
    std::size_t half = s.size() / 2;
    if (s[half] != ' ') return 0;
    if (s.compare(0, half, s, half + 1, half) != 0) return 0;
    return half;
}

// Short, not a sentence: the kind of line a page header is made of.
bool header_like(const std::string& s) {
    return !s.empty() && s.size() <= 100 && s.back() != '.' && std::count(s.begin(), s.end(), ' ') < 15;
}

}  // namespace

namespace {

// Usenet and e-mail headers at the top of a forwarded release: "From:",
// "Subject:", "Organization:" ... up to the first blank line. The subject
// is kept as a weak title hint.
void remove_mail_headers(Context& cx) {
    static const Regex header("^([A-Za-z][A-Za-z0-9-]{1,30}):(?:\\s|$)");
    static const Regex known("(?i)^(?:from|subject|newsgroups|path|message-id|date|organization|lines|nntp-posting-host|"
                             "reply-to|distribution|sender|references|keywords|summary|xref|approved|expires|"
                             "followup-to|mime-version|content-type|content-transfer-encoding|to|cc|x-[a-z-]+)$");
    static const Regex separator("(?i)^-{3,}\\s*(?:(?:begin|start|end)(?:\\s+of)?\\s+)?(?:blind-carbon-copy|forwarded message|original message)\\s*-*$");
    auto& lines = cx.src.lines;
    std::size_t i = 0;
    for (;;) {  // a forwarded message nests header blocks behind separator lines
    while (i < lines.size() && lines[i].text.empty()) ++i;
    if (i < lines.size() && separator.full_match(lines[i].text)) {
        record_removal(cx, lines[i].text, "mail-header", lines[i].number);
        lines[i].removed = true;
        ++i;
        continue;
    }
    std::size_t start = i;
    int known_count = 0;
    for (; i < lines.size() && !lines[i].text.empty(); ++i) {
        auto m = header.search(lines[i].text);
        if (m) {
            if (known.full_match(m->group(lines[i].text, 1))) ++known_count;
            continue;
        }
        if (lines[i].indent > 0 && i > start) continue;  // a folded header line
        break;
    }
    // A block of headers ends at a blank line; require two known names so a
    // release that opens with "Contact: ..." is not taken for a mail header.
    if (known_count < 2 || (i < lines.size() && !lines[i].text.empty())) return;
    for (std::size_t k = start; k < i; ++k) {
        Line& l = lines[k];
        if (text::starts_with(text::ascii_lower(l.text), "subject:")) {
            std::string subject(text::trim(std::string_view(l.text).substr(8)));
            if (!subject.empty()) cx.src.title_hints.push_back(subject);
        }
        record_removal(cx, l.text, "mail-header", l.number);
        l.removed = true;
    }
    }
}

}  // namespace

void remove_boilerplate(Context& cx) {
    remove_mail_headers(cx);

    const auto& rules = cx.book.rules();
    std::vector<const Rule*> active;
    for (const Profile* p : cx.profiles)
        for (std::size_t i : p->rules) active.push_back(&rules[i]);

    auto& lines = cx.src.lines;
    // Hardening (issue 7): weighing an end mark sums every line, so an input
    // of 100,000 "###" lines, each kept, was quadratic. A release has a
    // handful of end marks; past this many kept ones the rest are not tried.
    constexpr int max_end_marks_weighed = 64;
    int end_marks_weighed = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.removed || l.text.empty()) continue;
        deadline::check_every(256);  // the time budget (hardening, issue 7)

        for (const Rule* r : active) {
            if (l.text.empty()) break;
            if (r->scope == Scope::inline_ || r->scope == Scope::prefix) {
                for (const auto& re : r->patterns) {
                    // Collect first, then erase back to front so offsets stay valid.
                    auto matches = re->find_all(l.text);
                    if (r->scope == Scope::prefix) {
                        if (matches.empty() || matches.front().begin() != 0) continue;
                        matches.resize(1);
                    }
                    for (auto m = matches.rbegin(); m != matches.rend(); ++m) {
                        if (m->end() == m->begin()) continue;
                        record_removal(cx, l.text.substr(m->begin(), m->end() - m->begin()), r->id, l.number);
                        erase_range(l, m->begin(), m->end());
                    }
                }
                if (l.text.empty()) l.removed = true;
            } else if (r->scope == Scope::line && any_full_match(*r, l.text)) {
                record_removal(cx, l.text, r->id, l.number);
                l.removed = true;
            } else if (r->scope == Scope::block && starts_with_match(*r, l.text)) {
                // The note runs on until a line ends its sentence or a blank line.
                for (std::size_t k = i; k < lines.size() && !lines[k].text.empty(); ++k) {
                    if (lines[k].removed) continue;
                    record_removal(cx, lines[k].text, r->id, lines[k].number);
                    lines[k].removed = true;
                    const std::string& t = lines[k].text;
                    if (text::ends_with(t, ".") || text::ends_with(t, ":") || text::ends_with(t, "!")) break;
                }
            } else if (r->scope == Scope::end && end_marks_weighed < max_end_marks_weighed && any_full_match(*r, l.text)) {
                if (++end_marks_weighed == max_end_marks_weighed)
                    cx.diags.warning("end-marks-ignored", "more than " + std::to_string(max_end_marks_weighed) +
                                     " end marks kept; later ones are left in the text", l.number);
                // Never remove release text on a guess: an end mark followed by
                // more text than precedes it is more likely a section break.
                std::size_t before = 0, after = 0;
                for (std::size_t k = 0; k < lines.size(); ++k)
                    if (!lines[k].removed) (k < i ? before : after) += lines[k].text.size();
                if (after > 2 * before + 200) {
                    cx.diags.warning("end-mark-kept",
                                     "'" + l.text + "' looks like an end mark but more text follows; kept (rule " +
                                         r->id + ")",
                                     l.number);
                    continue;
                }
                for (std::size_t k = i; k < lines.size(); ++k) {
                    if (lines[k].removed) continue;
                    record_removal(cx, lines[k].text, r->id, lines[k].number);
                    lines[k].removed = true;
                }
            }
            if (l.removed) break;
        }
        if (l.removed) continue;

        if (std::size_t half = doubled_length(l.text)) {
            record_removal(cx, l.text.substr(half + 1), "doubled-text", l.number);
            erase_range(l, half, l.text.size());
        }
    }

    // Links alone on the last lines of a page ("2001 Monetary policy", a
    // "related" list): navigation, not the release's last paragraph.
    for (std::size_t k = lines.size(); k-- > 0;) {
        Line& l = lines[k];
        if (l.removed || l.text.empty()) continue;
        bool link_only = (l.link_only || (l.inlines.size() == 1 && l.inlines[0].kind == model::Span::Kind::link)) &&
                         l.text.size() <= 60;
        if (!link_only) break;
        record_removal(cx, l.text, "trailing-links", l.number);
        l.removed = true;
    }

    // A header line repeated verbatim before the text starts (a page that
    // prints its section label twice, a title shown twice) is said once.
    // A hash set, not a vector searched per line: 100,000 short lines (all
    // "header-like") made this quadratic (hardening, issue 7).
    std::unordered_set<std::string> seen;
    for (Line& l : lines) {
        if (l.removed || l.text.empty()) continue;
        if (!header_like(l.text)) break;  // the running text has started
        if (!seen.insert(text::ascii_lower(l.text)).second) {
            record_removal(cx, l.text, "repeated-line", l.number);
            l.removed = true;
        }
    }
}

}  // namespace pressroom::ingest

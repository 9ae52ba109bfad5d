#include "ingest/classify/features.hpp"

#include "base/regex.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "ingest/classify/line_class.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/data/language.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace pressroom::ingest::classify {

namespace {

// A line's own features, before its neighbours are added.
enum Own : std::size_t {
    len, words, end_sentence, end_colon, end_open, start_upper, start_lower, start_digit, start_punct, caps_ratio,
    all_caps, titlecase, stop, digits, punct, sentences, word_len, date_in, date_line, phone, email, url, separators,
    copyright, number_label, kind_label, agency_name, prose, contact_label, heading, heading_level, item, quote,
    block_start, centered, link_only, link_density, indent, emphasis_only, outside, chrome_context, content_context,
    gap_before, gap_after, wrapped, fmt_html, fmt_markdown, fmt_text, fmt_feed, pos, char_pos, from_start, from_end,
    title_sim, title_same, repeats, before_prose, after_prose, dist_prose, para_len, para_lines, para_prose,
    para_stop, para_end_sentence, para_first, next_start_lower, first_row, last_row, end_comma, short_colon,
    name_like, has_link, own_count
};

const char* const own_names[own_count] = {
    "len", "words", "end_sentence", "end_colon", "end_open", "start_upper", "start_lower", "start_digit",
    "start_punct", "caps_ratio", "all_caps", "titlecase", "stop", "digits", "punct", "sentences", "word_len",
    "date_in", "date_line", "phone", "email", "url", "separators", "copyright", "number_label", "kind_label",
    "agency_name", "prose", "contact_label", "heading", "heading_level", "item", "quote", "block_start", "centered",
    "link_only", "link_density", "indent", "emphasis_only", "outside", "chrome_context", "content_context",
    "gap_before", "gap_after", "wrapped", "fmt_html", "fmt_markdown", "fmt_text", "fmt_feed", "pos", "char_pos",
    "from_start", "from_end", "title_sim", "title_same", "repeats", "before_prose", "after_prose", "dist_prose",
    "para_len", "para_lines", "para_prose", "para_stop", "para_end_sentence", "para_first", "next_start_lower",
    "first_row", "last_row", "end_comma", "short_colon", "name_like", "has_link"};

// The features a line's neighbours contribute (theirs, under "prev_" and
// "next_"), and the window means around it ("win_").
constexpr Own neighbour_features[] = {len, end_sentence, stop, link_density, prose, item, heading, date_line, outside,
                                     para_prose, para_len};
constexpr Own window_features[] = {len, prose, link_density, stop, outside, para_prose};
constexpr int window = 3;

float log1(double x) { return static_cast<float>(std::log1p(x)); }

std::vector<std::string> words_of(std::string_view lower) {
    std::vector<std::string> out;
    std::string w;
    for (std::size_t i = 0; i < lower.size();) {
        char32_t c = utf8::next(lower, i);
        if (utf8::is_letter(c) || utf8::is_digit(c)) {
            utf8::append(w, c);
        } else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

// The text, its last character that is not a closing quote or bracket.
char32_t last_significant(std::string_view t) {
    char32_t last = 0;
    for (std::size_t i = 0; i < t.size();) {
        char32_t c = utf8::next(t, i);
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == U'\u201d' || c == U'\u2019' || c == '*') continue;
        last = c;
    }
    return last;
}

const Regex& url_re() {
    static const Regex re("(?i)\\bhttps?://|\\bwww\\.|\\b[\\w-]+\\.(?:gov|com|org|net|edu|mil|int)(?:/|\\b)");
    return re;
}

const Regex& contact_label_re() {
    static const Regex re("(?i)^(?:(?:media|press|news|public affairs)\\s+)?(?:contacts?|inquiries|enquiries)\\b");
    return re;
}

const Regex& copyright_re() {
    static const Regex re("(?i)©|\\(c\\)\\s*\\d{4}|\\bcopyright\\b|\\ball rights reserved\\b");
    return re;
}

// Lines of a hard-wrapped paragraph of three lines or more (or two of 200
// characters): running text, however short each line is.
std::vector<bool> in_wrapped_paragraph(const std::vector<Line>& lines, const std::vector<std::size_t>& rows) {
    std::vector<bool> out(rows.size(), false);
    std::vector<std::size_t> widths;
    for (std::size_t r : rows)
        if (lines[r].kind == LineKind::text && !lines[r].block_start) widths.push_back(utf8::length(lines[r].text) + static_cast<std::size_t>(lines[r].indent));
    if (widths.size() < 4) return out;
    std::sort(widths.begin(), widths.end());
    const std::size_t width = widths[widths.size() * 9 / 10];
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i + 1, chars = lines[rows[i]].text.size();
        while (j < rows.size() && lines[rows[j]].kind == LineKind::text && !lines[rows[j]].block_start &&
               lines[rows[j]].number == lines[rows[j - 1]].number + 1 && lines[rows[i]].kind == LineKind::text) {
            chars += lines[rows[j]].text.size();
            ++j;
        }
        if (j - i >= 3 || (j - i >= 2 && chars >= 200))
            for (std::size_t k = i; k < j; ++k) out[k] = k > i || utf8::length(lines[rows[k]].text) * 100 >= width * 60;
        i = j;
    }
    return out;
}

void own_features(const Line& l, float* f) {
    const std::string& t = l.text;
    const std::string lower = utf8::to_lower(t);
    const std::vector<std::string> ws = words_of(lower);
    std::size_t letters = 0, uppers = 0, digit_count = 0, puncts = 0, chars = 0;
    for (std::size_t i = 0; i < t.size();) {
        char32_t c = utf8::next(t, i);
        ++chars;
        if (utf8::is_letter(c)) {
            ++letters;
            if (utf8::is_upper(c)) ++uppers;
        } else if (utf8::is_digit(c)) {
            ++digit_count;
        } else if (utf8::is_punctuation(c) || (c > ' ' && c < 0x80)) {
            ++puncts;
        }
    }
    std::size_t caps_words = 0, stops = 0, word_chars = 0;
    for (std::string_view w : text::split(t, ' ')) {
        std::size_t i = 0;
        if (!w.empty() && utf8::is_upper(utf8::next(w, i))) ++caps_words;
    }
    for (const auto& w : ws) {
        if (language::is_stopword(w)) ++stops;
        word_chars += utf8::length(w);
    }
    const std::size_t nwords = std::max<std::size_t>(1, static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ')) + 1);
    std::size_t first_i = 0;
    const char32_t first = t.empty() ? 0 : utf8::next(t, first_i);
    const char32_t last = last_significant(t);
    std::size_t sentence_breaks = 0;
    for (std::size_t p = 0; p + 2 < t.size(); ++p)
        if ((t[p] == '.' || t[p] == '!' || t[p] == '?') && t[p + 1] == ' ' && std::isupper(static_cast<unsigned char>(t[p + 2])))
            ++sentence_breaks;

    // Lengths saturate: past a long paragraph more length says nothing, and
    // a page dumped as one line must not look stranger than a paragraph.
    f[len] = log1(static_cast<double>(std::min<std::size_t>(chars, 2000)));
    f[words] = log1(static_cast<double>(std::min<std::size_t>(nwords, 300)));
    f[end_sentence] = (last == '.' || last == '!' || last == '?') ? 1.f : 0.f;
    f[end_colon] = last == ':' ? 1.f : 0.f;
    f[end_open] = (last == ',' || last == ';' || utf8::is_lower(last)) ? 1.f : 0.f;
    f[start_upper] = utf8::is_upper(first) ? 1.f : 0.f;
    f[start_lower] = utf8::is_lower(first) ? 1.f : 0.f;
    f[start_digit] = utf8::is_digit(first) ? 1.f : 0.f;
    f[start_punct] = (!utf8::is_letter(first) && !utf8::is_digit(first)) ? 1.f : 0.f;
    f[caps_ratio] = letters ? static_cast<float>(uppers) / static_cast<float>(letters) : 0.f;
    f[all_caps] = utf8::is_all_caps(t) ? 1.f : 0.f;
    f[titlecase] = static_cast<float>(caps_words) / static_cast<float>(nwords);
    f[stop] = ws.empty() ? 0.f : static_cast<float>(stops) / static_cast<float>(ws.size());
    f[digits] = chars ? static_cast<float>(digit_count) / static_cast<float>(chars) : 0.f;
    f[punct] = chars ? static_cast<float>(puncts) / static_cast<float>(chars) : 0.f;
    f[sentences] = log1(static_cast<double>(sentence_breaks));
    f[word_len] = ws.empty() ? 0.f : static_cast<float>(word_chars) / static_cast<float>(ws.size()) / 10.f;
    // Dates are looked for in short lines only: in prose a date says nothing
    // about the line, and the search is the costliest feature.
    f[date_in] = (t.size() <= 200 && find_date(t)) ? 1.f : 0.f;
    f[date_line] = (f[date_in] > 0 && parse_date_line(t)) ? 1.f : 0.f;
    // A phone number or an address in a short line is a contact or a link;
    // in a paragraph it says nothing about it.
    const bool short_line = t.size() <= 300;
    f[phone] = short_line && phone_re().found_in(t) ? 1.f : 0.f;
    f[email] = short_line && email_re().found_in(t) ? 1.f : 0.f;
    f[url] = short_line && url_re().found_in(t) ? 1.f : 0.f;
    std::size_t seps = 0;
    for (const char* sep : {" | ", " \u00b7 ", " \u2022 ", " / "})
        for (std::size_t p = t.find(sep); p != std::string::npos; p = t.find(sep, p + 1)) ++seps;
    f[separators] = log1(static_cast<double>(seps));
    f[copyright] = copyright_re().found_in(t) ? 1.f : 0.f;
    f[number_label] = (t.size() <= 80 && labelled_number_re().found_in(t)) ? 1.f : 0.f;
    f[kind_label] = match_kind(t).empty() ? 0.f : 1.f;
    f[agency_name] = (t.size() <= 120 && agency_re().full_match(t)) ? 1.f : 0.f;
    f[prose] = is_prose(t) ? 1.f : 0.f;
    f[contact_label] = contact_label_re().found_in(t) ? 1.f : 0.f;
    f[heading] = l.kind == LineKind::heading ? 1.f : 0.f;
    f[heading_level] = l.kind == LineKind::heading ? static_cast<float>(l.level) / 3.f : 0.f;
    f[item] = l.kind == LineKind::item ? 1.f : 0.f;
    f[quote] = l.kind == LineKind::quote ? 1.f : 0.f;
    f[block_start] = l.block_start ? 1.f : 0.f;
    f[centered] = l.centered ? 1.f : 0.f;
    std::size_t link_text = static_cast<std::size_t>(l.link_chars);
    std::size_t span_links = 0;
    for (const auto& s : l.inlines)
        if (s.kind == model::Span::Kind::link) span_links += s.text.size();
    link_text = std::max(link_text, span_links);
    f[link_density] = t.empty() ? 0.f : std::min(1.f, static_cast<float>(link_text) / static_cast<float>(t.size()));
    f[link_only] = (l.link_only || (f[link_density] >= 0.95f)) ? 1.f : 0.f;
    f[has_link] = link_text > 0 ? 1.f : 0.f;
    f[end_comma] = last == ',' ? 1.f : 0.f;
    // "Dear Members of the Community:", "Who:", "If You Receive a Text:":
    // a short line that introduces what follows.
    f[short_colon] = (last == ':' && nwords <= 10) ? 1.f : 0.f;
    // "Christopher Bedford", "Jeanne Cunicelli, CMU Trustee": two to six
    // capitalised words, no function words, no sentence end (a name, a
    // signature, a menu entry: the context tells which).
    f[name_like] = (nwords >= 2 && nwords <= 6 && caps_words * 10 >= nwords * 8 && stops == 0 && last != '.' &&
                    last != '!' && last != '?' && last != ':')
                       ? 1.f
                       : 0.f;
    f[indent] = log1(static_cast<double>(std::max(0, l.indent)));
    f[emphasis_only] = all_emphasis(l) ? 1.f : 0.f;
    f[outside] = l.outside ? 1.f : 0.f;
    f[chrome_context] = l.chrome_context ? 1.f : 0.f;
    f[content_context] = l.content_context ? 1.f : 0.f;
}

std::set<std::string> word_set(const std::string& s) {
    std::vector<std::string> ws = words_of(utf8::to_lower(s));
    return {ws.begin(), ws.end()};
}

float jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0.f;
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    return static_cast<float>(common) / static_cast<float>(a.size() + b.size() - common);
}

}  // namespace

const std::vector<std::string>& feature_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n(own_names, own_names + own_count);
        for (const char* side : {"prev_", "next_"})
            for (Own f : neighbour_features) n.push_back(std::string(side) + own_names[f]);
        for (Own f : window_features) n.push_back(std::string("win_") + own_names[f]);
        return n;
    }();
    return names;
}

Rows features(const Source& src) {
    Rows out;
    const auto& lines = src.lines;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].text.empty() && !lines[i].removed && !lines[i].used && lines[i].kind != LineKind::blank)
            out.lines.push_back(i);
    const std::size_t n = out.lines.size();
    out.width = feature_names().size();
    out.values.assign(n * out.width, 0.f);
    if (n == 0) return out;

    std::vector<float> own(n * own_count, 0.f);
    auto O = [&](std::size_t r) { return own.data() + r * own_count; };
    for (std::size_t r = 0; r < n; ++r) own_features(lines[out.lines[r]], O(r));

    // Paragraphs of plain text: runs of lines with no gap between them, the
    // unit a reader sees (a rich reader's block is one line already). A
    // wrapped paragraph's short lines are judged with the whole of it.
    std::vector<std::size_t> para_start(n, 0);
    const WrapStyle ws = analyze_wrap(lines);
    for (std::size_t r = 1; r < n; ++r) {
        const Line& a = lines[out.lines[r - 1]];
        const Line& b = lines[out.lines[r]];
        const bool joined = a.kind == LineKind::text && b.kind == LineKind::text && !b.block_start &&
                            b.number == a.number + 1 && out.lines[r] == out.lines[r - 1] + 1 &&
                            continues_paragraph(a, b, ws);
        para_start[r] = joined ? para_start[r - 1] : r;
    }
    for (std::size_t r = 0; r < n;) {
        std::size_t e = r + 1;
        while (e < n && para_start[e] == r) ++e;
        std::string joined;
        for (std::size_t q = r; q < e; ++q) joined += (q > r ? " " : "") + lines[out.lines[q]].text;
        float para[6];
        Line whole;
        whole.text = joined;
        float tmp[own_count] = {};
        own_features(whole, tmp);
        para[0] = log1(static_cast<double>(std::min<std::size_t>(joined.size(), 2000)));
        para[1] = log1(static_cast<double>(std::min<std::size_t>(e - r, 40)));
        para[2] = is_prose(joined) ? 1.f : 0.f;
        para[3] = tmp[stop];
        para[4] = tmp[end_sentence];
        for (std::size_t q = r; q < e; ++q) {
            float* f = O(q);
            f[para_len] = para[0];
            f[para_lines] = para[1];
            f[para_prose] = para[2];
            f[para_stop] = para[3];
            f[para_end_sentence] = para[4];
            f[para_first] = q == r ? 1.f : 0.f;
        }
        r = e;
    }
    for (std::size_t r = 0; r + 1 < n; ++r) O(r)[next_start_lower] = O(r + 1)[start_lower];


    // Where each row stands in the document.
    const std::vector<bool> wrapped_rows = in_wrapped_paragraph(lines, out.lines);
    std::vector<std::size_t> char_offset(n + 1, 0);
    for (std::size_t r = 0; r < n; ++r) char_offset[r + 1] = char_offset[r] + lines[out.lines[r]].text.size();
    std::string title_hint = src.given.title;
    if (title_hint.empty() && !src.title_hints.empty()) title_hint = src.title_hints.front();
    const std::set<std::string> title_words = word_set(title_hint);
    std::unordered_map<std::string, int> seen;
    for (std::size_t r = 0; r < n; ++r) ++seen[utf8::to_lower(lines[out.lines[r]].text)];
    std::size_t first_prose = n, last_prose = n;
    for (std::size_t r = 0; r < n; ++r)
        if (O(r)[prose] > 0 || O(r)[para_prose] > 0 || wrapped_rows[r]) {
            if (first_prose == n) first_prose = r;
            last_prose = r;
        }
    const float fmt[4] = {src.format == "html" ? 1.f : 0.f, src.format == "markdown" ? 1.f : 0.f,
                          src.format == "text" ? 1.f : 0.f,
                          (src.format == "json" || src.format == "rss") ? 1.f : 0.f};
    for (std::size_t r = 0; r < n; ++r) {
        float* f = O(r);
        const std::size_t li = out.lines[r];
        const Line& l = lines[li];
        auto kept_neighbour = [&](std::size_t other) {
            return other < lines.size() && !lines[other].text.empty() && !lines[other].removed && !lines[other].used;
        };
        f[gap_before] = (li == 0 || !kept_neighbour(li - 1) || lines[li - 1].number + 1 < l.number) ? 1.f : 0.f;
        f[gap_after] = (!kept_neighbour(li + 1) || l.number + 1 < lines[li + 1].number) ? 1.f : 0.f;
        f[wrapped] = wrapped_rows[r] ? 1.f : 0.f;
        f[fmt_html] = fmt[0];
        f[fmt_markdown] = fmt[1];
        f[fmt_text] = fmt[2];
        f[fmt_feed] = fmt[3];
        f[pos] = n > 1 ? static_cast<float>(r) / static_cast<float>(n - 1) : 0.f;
        f[char_pos] = char_offset[n] ? static_cast<float>(char_offset[r]) / static_cast<float>(char_offset[n]) : 0.f;
        f[from_start] = log1(static_cast<double>(r));
        f[first_row] = r == 0 ? 1.f : 0.f;
        f[last_row] = r + 1 == n ? 1.f : 0.f;
        f[from_end] = log1(static_cast<double>(n - 1 - r));
        f[title_sim] = jaccard(word_set(l.text), title_words);
        f[title_same] = same_text(l.text, title_hint) ? 1.f : 0.f;
        f[repeats] = log1(static_cast<double>(seen[utf8::to_lower(l.text)] - 1));
        f[before_prose] = r < first_prose ? 1.f : 0.f;
        f[after_prose] = (last_prose < n && r > last_prose) ? 1.f : 0.f;
        std::size_t d = n;
        if (first_prose < n) {
            if (r < first_prose) d = first_prose - r;
            else if (r > last_prose) d = r - last_prose;
            else d = 0;
        }
        f[dist_prose] = log1(static_cast<double>(std::min<std::size_t>(d, 1000)));
    }

    for (std::size_t r = 0; r < n; ++r) {
        float* row = out.values.data() + r * out.width;
        std::copy(O(r), O(r) + own_count, row);
        std::size_t k = own_count;
        for (int side : {-1, 1}) {
            const bool exists = side < 0 ? r > 0 : r + 1 < n;
            for (Own f : neighbour_features) row[k++] = exists ? O(side < 0 ? r - 1 : r + 1)[f] : 0.f;
        }
        const std::size_t lo = r >= static_cast<std::size_t>(window) ? r - window : 0;
        const std::size_t hi = std::min(n - 1, r + static_cast<std::size_t>(window));
        for (Own f : window_features) {
            float sum = 0;
            for (std::size_t q = lo; q <= hi; ++q) sum += O(q)[f];
            row[k++] = sum / static_cast<float>(hi - lo + 1);
        }
    }
    return out;
}

}  // namespace pressroom::ingest::classify

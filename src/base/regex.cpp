#define PCRE2_CODE_UNIT_WIDTH 8
#include "base/regex.hpp"

#include <pcre2.h>

#include <stdexcept>

namespace pressroom {

namespace {
// Enough for any sane rule on a 64 MB input; a pathological pattern fails
// the match instead of running for minutes.
constexpr uint32_t match_limit = 10'000'000;
constexpr uint32_t depth_limit = 100'000;

struct MatchData {
    pcre2_match_data* p;
    explicit MatchData(const pcre2_code* code) : p(pcre2_match_data_create_from_pattern(code, nullptr)) {
        if (!p) throw std::bad_alloc();
    }
    ~MatchData() { pcre2_match_data_free(p); }
    MatchData(const MatchData&) = delete;
    MatchData& operator=(const MatchData&) = delete;
};
}  // namespace

struct Regex::Impl {
    pcre2_code* code = nullptr;
    pcre2_match_context* context = nullptr;
    ~Impl() {
        pcre2_match_context_free(context);
        pcre2_code_free(code);
    }
};

Regex::Regex(std::string_view pattern) : pattern_(pattern), impl_(std::make_unique<Impl>()) {
    int err = 0;
    PCRE2_SIZE offset = 0;
    impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                PCRE2_UTF | PCRE2_UCP, &err, &offset, nullptr);
    if (!impl_->code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        throw std::invalid_argument(std::string(reinterpret_cast<char*>(buf)) + " at offset " +
                                    std::to_string(offset));
    }
    pcre2_jit_compile(impl_->code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is unavailable
    impl_->context = pcre2_match_context_create(nullptr);
    if (!impl_->context) throw std::bad_alloc();
    pcre2_set_match_limit(impl_->context, match_limit);
    pcre2_set_depth_limit(impl_->context, depth_limit);
}

std::string Regex::library_version() { return std::to_string(PCRE2_MAJOR) + "." + std::to_string(PCRE2_MINOR); }

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

std::string_view Regex::Match::group(std::string_view subject, std::size_t n) const {
    if (!has(n)) return {};
    return subject.substr(groups[n].first, groups[n].second - groups[n].first);
}

std::optional<Regex::Match> Regex::search(std::string_view subject, std::size_t start, bool valid_utf8) const {
    return run(subject, start, valid_utf8 ? PCRE2_NO_UTF_CHECK : 0u);
}

std::optional<Regex::Match> Regex::match_at(std::string_view subject, std::size_t start, bool valid_utf8) const {
    return run(subject, start, PCRE2_ANCHORED | (valid_utf8 ? PCRE2_NO_UTF_CHECK : 0u));
}

std::optional<Regex::Match> Regex::run(std::string_view subject, std::size_t start, uint32_t options) const {
    if (start > subject.size()) return std::nullopt;
    MatchData md(impl_->code);
    int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                         start, options, md.p, impl_->context);
    if (rc <= 0) return std::nullopt;  // no match, a limit hit, or bad UTF-8: all "no match"
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.p);
    Match m;
    uint32_t pairs = pcre2_get_ovector_count(md.p);
    m.groups.reserve(pairs);
    for (uint32_t i = 0; i < pairs; ++i) {
        if (i < static_cast<uint32_t>(rc) && ov[2 * i] != PCRE2_UNSET)
            m.groups.emplace_back(ov[2 * i], ov[2 * i + 1]);
        else
            m.groups.emplace_back(std::string_view::npos, std::string_view::npos);
    }
    return m;
}

bool Regex::full_match(std::string_view subject) const {
    // Anchored at both ends: a failing line costs one attempt, not one per
    // starting position (which is what made long lines slow).
    MatchData md(impl_->code);
    int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0,
                         PCRE2_ANCHORED | PCRE2_ENDANCHORED, md.p, impl_->context);
    return rc > 0;
}

std::vector<Regex::Match> Regex::find_all(std::string_view subject) const {
    std::vector<Match> out;
    std::size_t pos = 0;
    // PCRE2 checks the subject's UTF-8 from the start offset to the end on
    // every call: once is enough (per match, a 5 MB line with many matches
    // was quadratic). Invalid UTF-8 fails the first search: no matches.
    uint32_t options = 0;
    while (pos <= subject.size()) {
        auto m = run(subject, pos, options);
        if (!m) break;
        options = PCRE2_NO_UTF_CHECK;
        std::size_t next = m->end();
        if (m->end() == m->begin()) {
            // Empty match: step one UTF-8 character forward.
            next = m->end() + 1;
            while (next < subject.size() && (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80) ++next;
        }
        out.push_back(std::move(*m));
        pos = next;
    }
    return out;
}

std::string Regex::replace_all(std::string_view subject, std::string_view replacement) const {
    std::string out(subject.size() + 64, '\0');
    for (int attempt = 0; attempt < 2; ++attempt) {
        PCRE2_SIZE len = out.size();
        int rc = pcre2_substitute(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0,
                                  PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH, nullptr,
                                  impl_->context, reinterpret_cast<PCRE2_SPTR>(replacement.data()),
                                  replacement.size(), reinterpret_cast<PCRE2_UCHAR*>(out.data()), &len);
        if (rc >= 0) {
            out.resize(len);
            return out;
        }
        if (rc == PCRE2_ERROR_NOMEMORY) {
            out.resize(len);  // len now holds the size needed
            continue;
        }
        return std::string(subject);  // a limit hit or bad replacement: leave the text alone
    }
    return std::string(subject);
}

}  // namespace pressroom

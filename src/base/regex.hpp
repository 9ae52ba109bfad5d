// Regular expressions: a thin RAII wrapper over PCRE2, compiled once, shared
// read-only between threads.
//
// Why PCRE2 and not std::regex: std::regex recurses per character (a 5 MB
// line overflows the stack), is slow, and cannot bound the work a pattern
// does. PCRE2 is JIT-compiled, Unicode-aware (UTF + UCP: \w, \b and (?i) know
// letters beyond ASCII) and every match runs under match and depth limits,
// so a user's rule cannot hang pressroom: a match that hits a limit counts
// as no match.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

class Regex {
public:
    // Throws std::invalid_argument("message at offset N") when the pattern is bad.
    explicit Regex(std::string_view pattern);
    ~Regex();
    Regex(Regex&&) noexcept;
    Regex& operator=(Regex&&) noexcept;
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    struct Match {
        // Byte offsets into the subject; groups[0] is the whole match, an
        // unset group is {npos, npos}.
        std::vector<std::pair<std::size_t, std::size_t>> groups;
        std::size_t begin() const { return groups[0].first; }
        std::size_t end() const { return groups[0].second; }
        bool has(std::size_t n) const {
            return n < groups.size() && groups[n].first != std::string_view::npos;
        }
        std::string_view group(std::string_view subject, std::size_t n) const;
    };

    // First match at or after byte offset `start`. `valid_utf8`: see match_at.
    std::optional<Match> search(std::string_view subject, std::size_t start = 0, bool valid_utf8 = false) const;
    bool found_in(std::string_view subject) const { return search(subject).has_value(); }
    // A match that begins exactly at byte offset `start` (anchored there).
    // PCRE2 checks that the subject is valid UTF-8 from `start` to its end
    // on every call; a caller that matches at many offsets of one long
    // subject checks it once itself and passes `valid_utf8` = true, else
    // the loop is quadratic. (A false claim is undefined behaviour in PCRE2.)
    std::optional<Match> match_at(std::string_view subject, std::size_t start, bool valid_utf8 = false) const;
    // Whole subject matches.
    bool full_match(std::string_view subject) const;
    // Every non-overlapping match, in order. The subject's UTF-8 is checked
    // once, not once per match.
    std::vector<Match> find_all(std::string_view subject) const;
    // Replace every match; `replacement` may use $1, ${name}.
    std::string replace_all(std::string_view subject, std::string_view replacement) const;

    const std::string& pattern() const { return pattern_; }
    static std::string library_version();  // "10.42"

private:
    std::optional<Match> run(std::string_view subject, std::size_t start, uint32_t options) const;
    struct Impl;
    std::string pattern_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pressroom

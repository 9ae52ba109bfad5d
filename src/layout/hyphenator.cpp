#include "layout/hyphenator.hpp"

#include "base/error.hpp"
#include "base/files.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>

namespace pressroom::layout {

// The patterns of a libhyphen .dic file, matched the way libhyphen 2.8
// matches them (hnj_hyphen_hyphenate2 on a word of ASCII letters):
//
// - the word is framed in dots: ".word.";
// - libhyphen's automaton has a state for every prefix of every pattern;
//   after each character it is in the state of the longest suffix of the
//   text read so far that is such a prefix (its fallback links give exactly
//   that), and it applies only that state's own pattern, if the state is a
//   whole pattern: Debian's .dic files are preprocessed (substrings.pl) so
//   that each pattern already carries the digits of the patterns inside it;
// - at each boundary the highest digit wins; odd digits are break points;
// - LEFTHYPHENMIN and RIGHTHYPHENMIN (2 and 3 when absent) bound them.
//
// libhyphen itself is not used: building its automaton (a hash table and
// thousands of small blocks) cost about 37 million instructions, a third of
// converting a release to every format in a fresh process. Here loading is
// one pass over the file into a trie. test_layout_hyphenator.cpp checks
// that the points are libhyphen's, word for word, over the dictionary.
struct Hyphenator::Dict {
    struct Node {
        std::int32_t first_child = -1;
        std::int32_t next_sibling = -1;
        std::int32_t pattern = -1;  // index into digits, or -1: not a whole pattern
        std::int32_t dense = -1;    // index into tables, for nodes with many children
        char ch = 0;
    };
    // Nodes near the root have up to 30 children; every character of a word
    // starts a walk there. They get a table indexed by the (ASCII) character.
    static constexpr std::size_t dense_min = 6;
    std::vector<std::array<std::int32_t, 128>> tables;
    std::vector<Node> nodes{Node{}};         // nodes[0]: the empty string
    std::vector<std::string> digits;         // per pattern: '0'..'9', one per boundary (length + 1)
    std::size_t longest = 0;                 // longest pattern, in characters
    int left_min = 2, right_min = 2;
    bool loaded = false;

    // english(): the patterns are read on the first word to hyphenate; most
    // releases set every paragraph without hyphens.
    std::filesystem::path deferred;
    std::once_flag once;

    int child(int node, char c) const {
        const Node& n = nodes[static_cast<std::size_t>(node)];
        if (n.dense >= 0 && static_cast<unsigned char>(c) < 128)
            return tables[static_cast<std::size_t>(n.dense)][static_cast<unsigned char>(c)];
        for (int k = nodes[static_cast<std::size_t>(node)].first_child; k >= 0;
             k = nodes[static_cast<std::size_t>(k)].next_sibling)
            if (nodes[static_cast<std::size_t>(k)].ch == c) return k;
        return -1;
    }
    int add_child(int node, char c) {
        if (int k = child(node, c); k >= 0) return k;
        Node n;
        n.ch = c;
        n.next_sibling = nodes[static_cast<std::size_t>(node)].first_child;
        nodes.push_back(n);
        int k = static_cast<int>(nodes.size() - 1);
        nodes[static_cast<std::size_t>(node)].first_child = k;
        return k;
    }

    // Reads the file; false when it cannot be read. Lines as libhyphen reads
    // them: the first names the character set, '%' starts a comment,
    // LEFTHYPHENMIN/RIGHTHYPHENMIN set the bounds, other keywords are
    // ignored, a pattern ends at the first space. Patterns with characters
    // beyond ASCII can never match an ASCII word and are left out.
    bool load(const std::filesystem::path& path) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        if (!in) return false;
        const std::streamoff size = in.tellg();
        if (size < 0) return false;
        std::string file(static_cast<std::size_t>(size), '\0');
        in.seekg(0);
        if (!in.read(file.data(), size)) return false;
        nodes.reserve(file.size() / 2);
        digits.reserve(file.size() / 8);
        int file_left = 0, file_right = 0;
        std::string letters, pattern_digits;
        std::size_t at = file.find('\n');  // the first line names the character set
        while (at != std::string::npos && at < file.size()) {
            const std::size_t begin = at + 1;
            std::size_t end = file.find('\n', begin);
            if (end == std::string::npos) end = file.size();
            at = end;
            std::string_view line(file.data() + begin, end - begin);
            if (line.empty() || line[0] == '%') continue;
            if (line.substr(0, 13) == "LEFTHYPHENMIN") {
                file_left = std::atoi(std::string(line.substr(13)).c_str());
                continue;
            }
            if (line.substr(0, 14) == "RIGHTHYPHENMIN") {
                file_right = std::atoi(std::string(line.substr(14)).c_str());
                continue;
            }
            if (line[0] >= 'A' && line[0] <= 'Z') continue;  // COMPOUND*, NOHYPHEN, NEXTLEVEL: not for plain words
            letters.clear();
            pattern_digits.assign(1, '0');
            bool ascii = true;
            for (char c : line) {
                if (static_cast<unsigned char>(c) <= ' ') break;
                if (c >= '0' && c <= '9') {
                    pattern_digits.back() = c;
                } else {
                    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
                    letters += c;
                    pattern_digits += '0';
                }
            }
            if (letters.empty() || !ascii || line.find('/') != std::string_view::npos) continue;
            int node = 0;
            for (char c : letters) node = add_child(node, c);
            Node& n = nodes[static_cast<std::size_t>(node)];
            if (n.pattern < 0) {
                n.pattern = static_cast<std::int32_t>(digits.size());
                digits.push_back(pattern_digits);
            } else {
                digits[static_cast<std::size_t>(n.pattern)] = pattern_digits;  // the last one wins
            }
            longest = std::max(longest, letters.size());
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            std::size_t count = 0;
            for (int k = nodes[i].first_child; k >= 0 && count < dense_min; k = nodes[static_cast<std::size_t>(k)].next_sibling)
                ++count;
            if (count < dense_min) continue;
            std::array<std::int32_t, 128> table;
            table.fill(-1);
            for (int k = nodes[i].first_child; k >= 0; k = nodes[static_cast<std::size_t>(k)].next_sibling)
                if (static_cast<unsigned char>(nodes[static_cast<std::size_t>(k)].ch) < 128)
                    table[static_cast<unsigned char>(nodes[static_cast<std::size_t>(k)].ch)] = k;
            nodes[i].dense = static_cast<std::int32_t>(tables.size());
            tables.push_back(table);
        }
        left_min = file_left > 0 ? file_left : 2;
        right_min = file_right > 0 ? file_right : 2;
        loaded = true;
        return true;
    }

    bool ready() {
        std::call_once(once, [this] {
            if (!loaded && !deferred.empty()) load(deferred);
        });
        return loaded;
    }

    // Digits at the boundaries of `lower` (a lowercase ASCII word):
    // result[i] is the digit after the word's character i.
    std::string boundaries(const std::string& lower) const {
        const std::string text = "." + lower + ".";
        const std::size_t n = text.size();
        // state_start[e]: where the longest suffix of text[0..e] that is a
        // trie node begins, and that node.
        std::vector<std::size_t> start(n, n);
        std::vector<int> state(n, -1);
        for (std::size_t s = 0; s < n; ++s) {
            int node = 0;
            for (std::size_t e = s; e < n && e - s < longest; ++e) {
                node = child(node, text[e]);
                if (node < 0) break;
                if (start[e] == n) {  // s ascending: the first start found is the longest suffix
                    start[e] = s;
                    state[e] = node;
                }
            }
        }
        std::string hyphens(n, '0');  // hyphens[t]: boundary after text[t]
        for (std::size_t e = 0; e < n; ++e) {
            if (state[e] < 0) continue;
            int p = nodes[static_cast<std::size_t>(state[e])].pattern;
            if (p < 0) continue;
            const std::string& d = digits[static_cast<std::size_t>(p)];
            // d[m] is the digit before the pattern's character m, i.e. after text[start + m - 1].
            for (std::size_t m = 0; m < d.size(); ++m) {
                if (start[e] + m == 0) continue;  // before the leading dot
                std::size_t t = start[e] + m - 1;
                if (t < n && hyphens[t] < d[m]) hyphens[t] = d[m];
            }
        }
        // Boundary after word character i is after text[i + 1]; none after the last.
        std::string out(lower.size(), '0');
        for (std::size_t i = 0; i + 1 < lower.size(); ++i) out[i] = hyphens[i + 1];
        return out;
    }
};

Hyphenator::Hyphenator(const std::filesystem::path& dic) : dict_(std::make_unique<Dict>()) {
    if (!dict_->load(dic)) throw Error(ErrorKind::data, dic.string(), "cannot load hyphenation patterns");
}

Hyphenator::Hyphenator(Deferred, const std::filesystem::path& dic) : dict_(std::make_unique<Dict>()) {
    dict_->deferred = dic;
}

Hyphenator::~Hyphenator() = default;

std::vector<std::size_t> Hyphenator::points(std::string_view word, std::size_t left_min, std::size_t right_min) const {
    std::vector<std::size_t> out;
    if (word.size() < left_min + right_min || word.size() > 60) return out;
    bool has_lower = false;
    std::string lower;
    for (char c : word) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return out;
        has_lower = has_lower || (c >= 'a' && c <= 'z');
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (!has_lower) return out;  // acronyms: "NATO", "USFK"
    if (!dict_->ready()) return out;  // deferred patterns that would not load: no points, as without patterns
    std::string hyphens = dict_->boundaries(lower);
    left_min = std::max(left_min, static_cast<std::size_t>(dict_->left_min));
    right_min = std::max(right_min, static_cast<std::size_t>(dict_->right_min));
    for (std::size_t i = left_min - 1; i + right_min < lower.size(); ++i)
        if (hyphens[i] & 1) out.push_back(i + 1);
    return out;
}

const Hyphenator* Hyphenator::english() {
    // Never destroyed: nothing to gain from freeing it at exit.
    static const Hyphenator* const instance = []() -> const Hyphenator* {
        std::filesystem::path data = data_dir();
        if (data.empty()) return nullptr;
        std::filesystem::path dic = data / "hyphen" / "hyph_en_US.dic";
        std::error_code ec;
        if (!std::filesystem::is_regular_file(dic, ec)) return nullptr;
        return new Hyphenator(Deferred{}, dic);
    }();
    return instance;
}

}  // namespace pressroom::layout

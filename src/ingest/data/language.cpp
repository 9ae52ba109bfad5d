#include "ingest/data/language.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

namespace pressroom::ingest::language {

namespace {

// The commonest function words of each language (articles, prepositions,
// pronouns, auxiliaries): the words a paragraph of prose cannot avoid.
// French elided articles ("l'", "d'", "qu'") are split off at the
// apostrophe by the tokenizer, so they are listed without it.
const std::array<std::vector<std::string_view>, 4>& lists() {
    static const std::array<std::vector<std::string_view>, 4> words = {{
        {"the", "of", "and", "to", "a", "in", "for", "is", "on", "that", "by", "with", "as", "at", "from", "it",
         "this", "be", "are", "was", "will", "has", "have", "an", "or", "which", "its", "their", "said", "not",
         "were", "been", "who", "after", "also", "more", "than", "we", "our", "he", "she", "his", "her", "they",
         "would", "can", "all", "into", "about", "these", "those", "had", "but", "such", "other", "under"},
        {"le", "la", "les", "de", "des", "du", "et", "un", "une", "à", "au", "aux", "pour", "par", "sur", "dans",
         "est", "sont", "que", "qui", "ce", "cette", "ces", "il", "elle", "ils", "nous", "vous", "avec", "pas",
         "plus", "ont", "été", "son", "sa", "ses", "leur", "leurs", "l", "d", "qu", "ne", "se", "en", "mais", "ou",
         "être", "aussi", "entre", "comme"},
        {"el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "por", "para", "con", "es", "son",
         "se", "al", "lo", "su", "sus", "como", "más", "fue", "ha", "han", "este", "esta", "estos", "estas", "sobre",
         "entre", "también", "pero", "o", "ser", "sin", "muy", "hasta", "desde", "nuestro", "nuestra", "cuando"},
        {"der", "die", "das", "den", "dem", "des", "und", "in", "im", "ist", "sind", "ein", "eine", "einen", "einer",
         "zu", "zum", "zur", "von", "vom", "mit", "für", "auf", "auch", "sich", "nicht", "es", "wir", "sie", "er",
         "dass", "bei", "nach", "wird", "werden", "hat", "haben", "über", "aus", "als", "wie", "oder", "noch",
         "nur", "durch", "bis", "unter", "wurde", "kann"},
    }};
    return words;
}

const std::unordered_set<std::string_view>& all_words() {
    static const std::unordered_set<std::string_view> set = [] {
        std::unordered_set<std::string_view> s;
        for (const auto& l : lists()) s.insert(l.begin(), l.end());
        return s;
    }();
    return set;
}

const std::array<std::unordered_set<std::string_view>, 4>& sets() {
    static const std::array<std::unordered_set<std::string_view>, 4> s = [] {
        std::array<std::unordered_set<std::string_view>, 4> out;
        for (std::size_t i = 0; i < 4; ++i) out[i].insert(lists()[i].begin(), lists()[i].end());
        return out;
    }();
    return s;
}

}  // namespace

bool is_stopword(std::string_view lower_word) { return all_words().count(lower_word) > 0; }

Guess detect(std::string_view text) {
    std::array<std::size_t, 4> hits{};
    Guess g;
    std::string word;
    auto end_word = [&] {
        if (word.empty()) return;
        ++g.words;
        for (std::size_t i = 0; i < 4; ++i)
            if (sets()[i].count(word)) ++hits[i];
        word.clear();
    };
    std::string lower = utf8::to_lower(text);
    for (std::size_t i = 0; i < lower.size();) {
        char32_t c = utf8::next(lower, i);
        if (utf8::is_letter(c)) utf8::append(word, c);
        else end_word();
    }
    end_word();
    if (g.words < 20) return g;
    std::array<std::size_t, 4> order{0, 1, 2, 3};
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return hits[a] > hits[b] || (hits[a] == hits[b] && a < b); });
    g.share = static_cast<double>(hits[order[0]]) / static_cast<double>(g.words);
    g.runner_up = static_cast<double>(hits[order[1]]) / static_cast<double>(g.words);
    // Prose in any of these languages is a third or more function words; a
    // language must also clearly beat the next one (French and Spanish
    // share "de", "la", "en").
    if (g.share >= 0.15 && g.share >= g.runner_up * 1.3) g.tag = known[order[0]];
    return g;
}

}  // namespace pressroom::ingest::language

// Is it a release? One decision, taken once the document is built, with
// its reasons: `pressroom -v` prints them as notes, `pressroom inspect`
// under the lines.
//
// The line classifier already leaves nothing of most pages that hold no
// release (an index of releases, an error page, an events calendar is all
// chrome to it). What is left is decided here from the document as a whole:
// its body, and the signs that a press office wrote it (a date, a dateline,
// a release number or kind, a media contact, an end mark, an attributed
// quotation). Prose with none of those signs and the shape of standing
// information (sections under headings) or of software documentation (code)
// is not a release, however long it is.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>

namespace pressroom::ingest {

namespace {

std::string block_text(const model::Block& b) {
    return std::visit(
        [](const auto& blk) -> std::string {
            using T = std::decay_t<decltype(blk)>;
            if constexpr (std::is_same_v<T, model::List>) {
                std::string s;
                for (const auto& i : blk.items) s += model::plain_text(i.content) + " ";
                return s;
            } else {
                return model::plain_text(blk.content);
            }
        },
        b);
}

// A scrape that kept only a piece of a release: a headline and a quotation
// from its middle ("“We want ...,” said Halem"), with no lead, no date, no
// dateline. Converting it would publish a fragment as a release.
bool fragment(const model::Document& doc) {
    if (doc.body.size() > 2 || !doc.meta.dateline.empty() || !doc.meta.date.empty() || !doc.meta.release_number.empty())
        return false;
    std::string all;
    for (const auto& b : doc.body)
        if (const auto* p = std::get_if<model::Paragraph>(&b)) all += model::plain_text(p->content) + " ";
        else return false;
    std::size_t words = static_cast<std::size_t>(std::count(all.begin(), all.end(), ' '));
    bool quoted = text::starts_with(all, "\u201c") || text::starts_with(all, "\"");
    // Or the scrape glued the headline before the quotation: words in
    // title case up to the first quotation mark.
    static const Regex headline_then_quote(
        "^(?:(?:[\u201c\"]?[\\p{Lu}\\d][\\p{L}\\d\u2019'\u201c\u201d\"-]*|and|or|for|of|the|to|in|on|with|a|an|at|by)\\s+){4,30}"
        "[\u201c\"]\\p{Lu}");
    quoted = quoted || headline_then_quote.found_in(all);
    static const Regex attribution("(?:[\"\u201d,]\\s+(?:said|says|added|noted)\\s+\\p{Lu}\\p{L}+|\\p{Lu}\\p{L}+\\s+(?:said|says|added))[,.]");
    return quoted && words < 150 && attribution.found_in(all);
}

// "...,” said Halem", "a déclaré", "dijo", "sagte": a quotation attributed
// to someone, as releases quote their officials.
bool attributed_quotation(const std::string& body) {
    // The quotation's end, then who said it: "...,” said Halem", "» a déclaré", "“...”, sagte".
    static const Regex after(
        "(?:[,!?][”\"»]|[”\"»]\\s*,)\\s*(?:\\p{Lu}[\\p{L}.'’ -]{1,60}\\s+)?(?:said|says|added|noted|stated|explained|continued|"
        "a déclaré|a ajouté|a expliqué|a souligné|déclare|dijo|declaró|afirmó|señaló|añadió|explicó|sagte|erklärte|"
        "betonte|so)\\b");
    // Who said it, then the quotation: "Halem said: “...", "a déclaré : « ...".
    static const Regex before("(?:said|says|added|stated|a déclaré|dijo|declaró|sagte|erklärte)\\s*[:,]?\\s*[“\"«„]");
    return after.found_in(body) || before.found_in(body);
}

}  // namespace

Verdict decide_release(const Context& cx, bool reader_dropped_markup) {
    const model::Document& doc = cx.doc;
    Verdict v;
    if (doc.body.empty()) {
        v.refusal = cx.src.format == "markdown" && reader_dropped_markup
                        ? "the input's body holds only markup (images, figures), no text"
                        : "nothing but boilerplate and metadata is left";
        return v;
    }
    const bool end_mark = std::any_of(doc.removed.begin(), doc.removed.end(), [](const auto& r) {
        return r.rule == "end-mark" || r.rule == "end-mark-trailing" || r.rule == "release-label";
    });
    // A statement that is all quotation ends with its end mark; a fragment
    // cut from a release has none.
    if (!end_mark && doc.meta.contacts.empty() && fragment(doc)) {
        v.refusal = "the text is a quotation cut from the middle of a release (a broken scrape), not a release";
        return v;
    }
    bool quotation = false;
    std::size_t headings = 0, link_blocks = 0, blocks = 0;
    for (const auto& b : doc.body) {
        std::string t = block_text(b);
        quotation = quotation || attributed_quotation(t);
        ++blocks;
        if (std::holds_alternative<model::Heading>(b)) ++headings;
        // A block that is nothing but a link ("Read more", a release's title
        // in an index).
        const model::Inlines* in = nullptr;
        if (const auto* p = std::get_if<model::Paragraph>(&b)) in = &p->content;
        if (in && in->size() == 1 && in->front().kind == model::Span::Kind::link) ++link_blocks;
    }
    const auto& m = doc.meta;
    // The signs that a press office wrote it.
    if (!m.date.empty()) v.signs.push_back("a date");
    if (!m.dateline.empty()) v.signs.push_back("a dateline");
    if (!m.release_number.empty()) v.signs.push_back("a release number");
    if (!m.kind.empty()) v.signs.push_back("a kind of release (" + m.kind + ")");
    if (!m.contacts.empty()) v.signs.push_back("a media contact");
    if (end_mark) v.signs.push_back("an end mark or release label");
    if (quotation) v.signs.push_back("an attributed quotation");

    if (blocks >= 5 && link_blocks * 2 >= blocks) {
        v.refusal = "an index or listing page: " + std::to_string(link_blocks) + " of its " + std::to_string(blocks) +
                    " blocks are links, not a release";
        return v;
    }
    // Code is the mark of software documentation: a release about software
    // may quote a line of it, but then it has a date and a dateline too.
    const std::size_t strong_signs = v.signs.size() - (quotation ? 1 : 0);
    if (cx.src.code_blocks >= 2 && strong_signs < 2) {
        v.refusal = "software documentation (" + std::to_string(cx.src.code_blocks) +
                    " code blocks), not a release";
        return v;
    }
    if (v.signs.empty()) {
        if (cx.src.code_blocks > 0) {
            v.refusal = "software documentation (" + std::to_string(cx.src.code_blocks) +
                        " code blocks), with no sign of a release (no date, dateline, release number, contact, end "
                        "mark or attributed quotation)";
            return v;
        }
        // A web server's error page: its headline names the error.
        static const Regex error_page(
            "(?i)^(?:error\\s*)?(?:404|403|410|500)\\b|\\b(?:page|file|document|seite|página|pagina)\\s+"
            "(?:was\\s+)?(?:not found|cannot be found|could not be found|nicht gefunden|no encontrada|introuvable|"
            "non trovata)\\b|^(?:not found|access denied|forbidden)$");
        if (error_page.found_in(m.title)) {
            v.refusal = "an error page (\"" + m.title + "\"), not a release";
            return v;
        }
        if (headings >= 2) {
            v.refusal = "standing information in " + std::to_string(headings) +
                        " sections, with no sign of a release (no date, dateline, release number, contact, end mark "
                        "or attributed quotation)";
            return v;
        }
    }
    return v;
}

}  // namespace pressroom::ingest

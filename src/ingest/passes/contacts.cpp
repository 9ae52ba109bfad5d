// Contact blocks into the metadata.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/classify/line_class.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>

namespace pressroom::ingest {

void extract_contacts(Context& cx) {
    static const Regex label("(?i)^(?:(?:media|press|news|public affairs|for further information,?)\\s+)?contacts?\\s*(?::|$)"
                             "|^CONTACTS?\\s+(?=\\p{Lu})"
                             "|(?i)^for (?:further|more) information,? (?:the )?media (?:should|may|can) contact\\b");
    auto& lines = cx.src.lines;
    // Hardening (issue 7): a release names a few contacts. Each labelled one
    // may insert a line (below), so 50,000 "Contact: ..." lines were
    // quadratic; past this many, the rest stay in the text.
    constexpr std::size_t max_contacts = 32;
    for (std::size_t i = 0; i < lines.size() && cx.doc.meta.contacts.size() < max_contacts; ++i) {
        Line& l = lines[i];
        if (l.removed || l.used || l.kind != LineKind::text || !label.search(l.text)) continue;
        if (l.text.size() > 160) {
            // "CONTACT Amy Brundage 202 228 5511 In Burma thousands ...": a
            // contact run into the text by a scraper; split after the phone.
            auto ph = phone_re().search(l.text);
            if (!ph || ph->end() > 120) continue;
            Line rest = l;
            rest.text = std::string(text::trim(std::string_view(l.text).substr(ph->end())));
            rest.block_start = true;
            rest.inlines.clear();
            l.text = l.text.substr(0, ph->end());
            l.inlines.clear();
            // The insert may move the lines: `l` is not used after it
            // (fuzz_ingest found the use after free).
            lines.insert(lines.begin() + static_cast<long>(i) + 1, std::move(rest));
        }
        model::Contact c;
        c.lines.push_back(lines[i].text);
        lines[i].used = true;
        // The block goes on while lines look like names, phones and addresses.
        for (std::size_t k = i + 1; k < lines.size(); ++k) {
            Line& n = lines[k];
            if (n.removed || n.kind != LineKind::text || n.text.size() > 80 || n.block_start) break;
            if (!contact_detail(n.text) && std::count(n.text.begin(), n.text.end(), ' ') > 4 && n.indent == 0) break;
            if (parse_date_line(n.text)) break;  // the release's date under the contact, not part of it
            c.lines.push_back(n.text);
            n.used = true;
        }
        cx.doc.meta.contacts.push_back(std::move(c));
    }

    // Unlabelled contact blocks at the head of a release (NASA's "Ed Campion /
    // Headquarters, Washington, D.C. / (Phone: 202/358-1780)"): short blocks
    // with a phone number or e-mail address, before the running text.
    std::size_t i = 0;
    while (i < lines.size()) {
        while (i < lines.size() && (lines[i].text.empty() || lines[i].removed)) ++i;
        std::size_t start = i;
        while (i < lines.size() && !lines[i].text.empty() && !lines[i].removed) ++i;
        if (start >= lines.size()) break;
        bool prose = false, detail = false, short_lines = true;
        for (std::size_t k = start; k < i; ++k) {
            if (lines[k].text.size() > 80) short_lines = false;
            if (is_prose(lines[k].text)) prose = true;
            if (contact_detail(lines[k].text)) detail = true;
        }
        if (prose) break;  // the running text has started
        if (!detail || !short_lines || i - start > 6 || i - start < 2) continue;
        model::Contact c;
        for (std::size_t k = start; k < i; ++k) {
            Line& n = lines[k];
            if (n.used || parse_date_line(n.text) || labelled_number_re().found_in(n.text)) continue;
            c.lines.push_back(n.text);
            n.used = true;
        }
        if (!c.lines.empty()) cx.doc.meta.contacts.push_back(std::move(c));
    }
}

}  // namespace pressroom::ingest

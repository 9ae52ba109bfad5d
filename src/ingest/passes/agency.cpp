// The agency from weaker signals, when the header named none.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/classify/line_class.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>

namespace pressroom::ingest {

// A profile's agency patterns over the text ("Sen. Larry Craig" -> "Senator
// Larry Craig"). Single initials get back the period scrapers drop.
void agency_from_text(Context& cx) {
    if (!cx.doc.meta.agency.empty()) return;
    static const Regex bare_initial("(?<=\\s)(\\p{Lu})(?=\\s)");
    for (const Profile* p : cx.profiles)
        for (const auto& [re, format] : p->agency_patterns)
            for (const Line& l : cx.src.lines) {
                if (l.removed || l.used || l.text.empty()) continue;
                auto m = re->search(l.text);
                if (!m) continue;
                std::string name = bare_initial.replace_all(std::string(m->group(l.text, 1)), "$1.");
                std::string out = format;
                text::replace_all(out, "$1", name);
                cx.doc.meta.agency = text::collapse_space(out);
                return;
            }
}

void agency_from_contacts(Context& cx) {
    if (!cx.doc.meta.agency.empty()) return;
    for (const auto& c : cx.doc.meta.contacts)
        for (const auto& l : c.lines)
            if (std::string org = organisation_in(l); !org.empty()) {
                cx.doc.meta.agency = org;
                return;
            }
}


}  // namespace pressroom::ingest

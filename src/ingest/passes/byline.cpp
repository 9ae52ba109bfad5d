// Bylines: not body text; their organisation can name the agency.
#include "base/regex.hpp"
#include "base/text.hpp"
#include "ingest/passes/passes.hpp"

#include <algorithm>

namespace pressroom::ingest {

void extract_byline(Context& cx) {
    // "Story by Army Sgt. 1st Class Tyrone C. Marshall Jr., American Forces
    // Press Service" (after the text) or "By Jim Garamone, American Forces
    // Press Service" / "From USS Ronald Reagan (CVN 76) Public Affairs" (before it).
    static const Regex by("^(?:(?i:story|article|written|release|photos?|video)\\s+(?i:by)\\s+(.{3,120})"
                          "|By\\s+(\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,5},\\s+.{3,80}))$");
    static const Regex from("^From\\s+(\\p{Lu}.{2,100}?)\\s+Public Affairs(?:\\s+Office)?$");
    static const Regex org_word("(?i)\\b(?:service|activity|agency|news|press|affairs|office|command|center|division|"
                                "department|bureau|administration|fleet|wing|brigade|district)\\b");
    auto& lines = cx.src.lines;
    std::vector<Line*> kept;
    for (Line& l : lines)
        if (!l.removed && !l.used && !l.text.empty()) kept.push_back(&l);
    if (kept.size() < 2) return;
    auto take = [&](Line* l, std::string org) {
        l->used = true;
        if (cx.doc.meta.agency.empty() && !org.empty()) cx.doc.meta.agency = org;
    };
    for (Line* l : {kept.front(), kept[1], kept.back()}) {
        if (l->used) continue;
        if (auto m = from.search(l->text)) {
            take(l, std::string(m->group(l->text, 1)));
        } else if (auto b = by.search(l->text)) {
            std::string who(b->group(l->text, b->has(1) ? 1 : 2));
            auto comma = who.rfind(", ");
            std::string org = comma == std::string::npos ? who : who.substr(comma + 2);
            if (!org_word.found_in(org)) org.clear();
            // A byline names people; a sentence that starts with "By" does not end without a period.
            if (text::ends_with(l->text, ".") && org.empty()) continue;
            take(l, org);
        }
    }
}

}  // namespace pressroom::ingest

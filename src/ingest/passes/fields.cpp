// Labelled fields anywhere in the input: "Press Release Number: 09-434",
// "Release Date: ...".
#include "ingest/classify/line_class.hpp"
#include "ingest/data/dates.hpp"
#include "ingest/passes/passes.hpp"

namespace pressroom::ingest {

void extract_fields(Context& cx) {
    auto& m = cx.doc.meta;
    auto& lines = cx.src.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.removed || l.used || l.text.empty() || l.text.size() > 80) continue;
        if (m.release_number.empty()) {
            if (auto rn = labelled_number_re().search(l.text)) {
                m.release_number = std::string(rn->group(l.text, 2));
                std::string kind = title_case_kind(std::string(rn->group(l.text, 1)));
                if (!kind.empty() && m.kind.empty() && kind != "News Release" && kind != "Press Release") m.kind = kind;
                l.used = true;
                continue;
            }
            // "Press Release Number:" on one line, the number on the next.
            if (number_label_re().full_match(l.text)) {
                std::size_t k = i + 1;
                while (k < lines.size() && lines[k].text.empty()) ++k;
                if (k < lines.size() && bare_number_re().full_match(lines[k].text)) {
                    m.release_number = lines[k].text;
                    l.used = lines[k].used = true;
                    continue;
                }
            }
        }
        if (m.date.empty()) {
            if (auto dl = date_label_re().search(l.text)) {
                if (auto d = parse_date_line(std::string(dl->group(l.text, 1)))) {
                    m.date = *d;
                    l.used = true;
                }
            }
        }
    }
}

}  // namespace pressroom::ingest

#include "render/anthology.hpp"

#include "base/zip_writer.hpp"
#include "model/format.hpp"

#include <algorithm>

namespace pressroom::render {

void sort_by_date(std::vector<const model::Document*>& releases) {
    std::stable_sort(releases.begin(), releases.end(), [](const model::Document* a, const model::Document* b) {
        const auto& x = a->meta;
        const auto& y = b->meta;
        if (x.date.empty() != y.date.empty()) return !x.date.empty();
        if (x.date != y.date) return x.date < y.date;
        if (x.title != y.title) return x.title < y.title;
        return x.source.name < y.source.name;
    });
}

std::int64_t anthology_time(const std::vector<const model::Metadata*>& releases, const Options& options) {
    if (options.source_date_epoch) return *options.source_date_epoch;
    std::int64_t newest = earliest_zip_time;  // as output_time
    for (const model::Metadata* meta : releases) newest = std::max(newest, output_time(*meta, options));
    return newest;
}

std::int64_t anthology_time(const std::vector<const model::Document*>& releases, const Options& options) {
    std::vector<const model::Metadata*> metas;
    for (const model::Document* doc : releases) metas.push_back(&doc->meta);
    return anthology_time(metas, options);
}

std::string release_count(const Anthology& a) {
    const std::size_t n = a.releases.size();
    return std::to_string(n) + (n == 1 ? " press release" : " press releases");
}

std::string date_span(const Anthology& a) {
    std::string first, last;
    for (const model::Document* doc : a.releases) {
        const std::string& d = doc->meta.date;
        if (d.empty()) continue;
        if (first.empty() || d < first) first = d;
        if (last.empty() || d > last) last = d;
    }
    if (first.empty()) return {};
    if (first == last) return model::long_date(first);
    return model::long_date(first) + " \u2013 " + model::long_date(last);
}

}  // namespace pressroom::render

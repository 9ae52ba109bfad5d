#include "pipeline/site.hpp"

#include "base/hash.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "model/check.hpp"
#include "model/format.hpp"
#include "render/html/html_writer.hpp"
#include "render/html/stylesheet.hpp"
#include "render/release_facts.hpp"
#include "xml/part.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace pressroom::pipeline {

namespace {

using render::html::escape;
using render::html::escape_attr;

// The namespace of feed entry ids: the version-5 UUID of the name
// "urn:pressroom:atom" in RFC 4122's URL namespace,
// c2b86430-dc02-57ba-812c-8b7a07799b40 (fixed: changing it would give every
// entry a new id, and feed readers would show every release again).
constexpr std::array<std::uint8_t, 16> atom_namespace = {0xc2, 0xb8, 0x64, 0x30, 0xdc, 0x02, 0x57, 0xba,
                                                         0x81, 0x2c, 0x8b, 0x7a, 0x07, 0x79, 0x9b, 0x40};

std::string output_path(const InputRecord& r, std::string_view format) {
    for (const auto& o : r.outputs)
        if (o.format == format) return "releases/" + o.path;
    return {};
}

bool dated(const model::Metadata& m) { return model::is_iso_date(m.date); }

// Newest first, undated last; then by title and input, so the order never
// depends on the walk or the threads.
std::vector<const SiteRelease*> newest_first(const Site& site) {
    std::vector<const SiteRelease*> out;
    for (const auto& r : site.releases) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const SiteRelease* a, const SiteRelease* b) {
        const auto& ma = a->doc->meta;
        const auto& mb = b->doc->meta;
        if (dated(ma) != dated(mb)) return dated(ma);
        if (ma.date != mb.date) return ma.date > mb.date;
        if (ma.title != mb.title) return ma.title < mb.title;
        return a->record->input < b->record->input;
    });
    return out;
}

// Each release's agency as the index names it: the names that differ only
// in case ("THE WHITE HOUSE", "The White House") are one agency, spelled as
// most of its releases spell it (ties: the first bytewise). Two groups
// whose headings a reader cannot tell apart would be one list split in two
// (and two landmarks of the same name, which axe-core reports).
std::map<const SiteRelease*, std::string> agency_names(const std::vector<const SiteRelease*>& releases) {
    std::map<std::string, std::map<std::string, std::size_t>> spellings;  // folded -> spelling -> releases
    for (const SiteRelease* r : releases) {
        const std::string name = text::collapse_space(r->doc->meta.agency);
        ++spellings[utf8::to_lower(name)][name];
    }
    std::map<std::string, std::string> chosen;  // folded -> spelling
    for (const auto& [folded, counts] : spellings) {
        auto best = counts.begin();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (it->second > best->second) best = it;
        chosen[folded] = best->first;
    }
    std::map<const SiteRelease*, std::string> out;
    for (const SiteRelease* r : releases) out[r] = chosen[utf8::to_lower(text::collapse_space(r->doc->meta.agency))];
    return out;
}

// The links of one release: its page by its title, then every format.
std::string format_links(const InputRecord& r) {
    std::string out;
    for (const auto& [format, label] :
         {std::pair{"html", "HTML"}, {"pdf", "PDF"}, {"epub", "EPUB"}, {"docx", "DOCX"}}) {
        const std::string path = output_path(r, format);
        if (path.empty()) continue;
        out += "<a href=\"" + escape_attr(path) + "\">" + label + "</a> ";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

std::string title_link(const SiteRelease& r) {
    const std::string title = render::release_facts(*r.doc).title;
    const std::string page = output_path(*r.record, "html");
    if (page.empty()) return escape(title);
    return "<a href=\"" + escape_attr(page) + "\">" + escape(title) + "</a>";
}

std::string date_cell(const model::Metadata& m) {
    if (!dated(m)) return "undated";
    return "<time datetime=\"" + escape_attr(m.date) + "\">" + escape(m.date) + "</time>";
}

// The filter: hidden until this script shows it, so a reader without script
// sees the complete lists and no control that does nothing. It reads the
// JSON index embedded in the page (a file:// page cannot fetch one) and
// hides the rows and items whose release does not match.
constexpr std::string_view filter_script = R"js((function () {
  'use strict';
  var index = JSON.parse(document.getElementById('release-index').textContent);
  var form = document.getElementById('filter');
  var text = document.getElementById('filter-text');
  var agency = document.getElementById('filter-agency');
  var count = document.getElementById('filter-count');
  index.releases.forEach(function (r) {
    r.search = [r.title, r.agency, r.number, r.date].join(' ').toLowerCase();
  });
  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = agency.value, shown = 0, match = {};
    index.releases.forEach(function (r) {
      var ok = (wanted === '' || r.agency === wanted) && words.every(function (w) {
        return r.search.indexOf(w) >= 0;
      });
      match[r.id] = ok;
      if (ok) shown += 1;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-release]'), function (el) {
      el.hidden = !match[el.getAttribute('data-release')];
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-agency-group]'), function (g) {
      g.hidden = !g.querySelector('[data-release]:not([hidden])');
    });
    count.textContent = shown === index.releases.length
      ? 'All ' + shown + ' releases shown.'
      : shown + ' of ' + index.releases.length + ' releases shown.';
  }
  text.addEventListener('input', apply);
  agency.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
}());
)js";

}  // namespace

std::string entry_id(const model::Metadata& meta, const std::string& input) {
    const std::string number = text::collapse_space(meta.release_number);
    const std::string key =
        number.empty() ? "input\n" + input : "release\n" + text::collapse_space(meta.agency) + "\n" + number;
    return "urn:uuid:" + uuid_v5(atom_namespace, key);
}

std::string site_index(const Site& site) {
    const std::vector<const SiteRelease*> order = newest_first(site);
    // Agencies by name (case folded, then bytes), releases without one last.
    std::map<const SiteRelease*, std::string> agency_of = agency_names(order);
    std::map<std::string, std::vector<const SiteRelease*>> by_agency;
    for (const SiteRelease* r : order) by_agency[agency_of[r]].push_back(r);
    std::vector<std::string> agencies;
    for (const auto& [name, releases] : by_agency)
        if (!name.empty()) agencies.push_back(name);
    std::stable_sort(agencies.begin(), agencies.end(), [](const std::string& a, const std::string& b) {
        return text::ascii_lower(a) != text::ascii_lower(b) ? text::ascii_lower(a) < text::ascii_lower(b) : a < b;
    });
    const bool any_without = by_agency.count("") > 0;
    std::map<const SiteRelease*, std::string> ids;
    for (std::size_t i = 0; i < order.size(); ++i) ids[order[i]] = "r" + std::to_string(i + 1);

    std::string dates;
    for (const SiteRelease* r : order)
        if (dated(r->doc->meta)) dates = dates.empty() ? r->doc->meta.date : dates;
    std::string oldest;
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (dated((*it)->doc->meta)) {
            oldest = (*it)->doc->meta.date;
            break;
        }

    std::string out;
    out.reserve(4096 + order.size() * 900);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escape(site.title) + "</title>\n";
    out += "<meta name=\"generator\" content=\"pressroom\">\n";
    out += "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"" +
           escape_attr(site.title) + "\">\n";
    out += "<style>\n";
    out += render::html::page_stylesheet();
    out += render::html::index_stylesheet();
    out += "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>" + escape(site.title) + "</h1>\n<p>";
    out += std::to_string(order.size()) + (order.size() == 1 ? " release" : " releases");
    if (!agencies.empty())
        out += " from " + std::to_string(agencies.size()) + (agencies.size() == 1 ? " agency" : " agencies");
    if (!oldest.empty())
        out += oldest == dates ? ", of " + escape(oldest) : ", " + escape(oldest) + " to " + escape(dates);
    out += ". <a href=\"feed.xml\">Atom feed</a> \u00b7 <a href=\"summary.md\">Summary of the run</a>";
    const Totals totals = site.report->totals();
    if (totals.failed)
        out += " (" + std::to_string(totals.failed) + (totals.failed == 1 ? " input" : " inputs") + " not converted)";
    out += ".</p>\n</header>\n";
    out +=
        "<nav aria-label=\"Lists\"><ul><li><a href=\"#by-date\">By date</a></li>"
        "<li><a href=\"#by-agency\">By agency</a></li></ul></nav>\n";

    // The filter's controls, and the index it reads.
    out += "<form id=\"filter\" class=\"filter\" hidden>\n";
    out +=
        "<label for=\"filter-text\">Filter</label><input type=\"search\" id=\"filter-text\" "
        "placeholder=\"words of the title, agency, number or date\" size=\"36\">\n";
    out +=
        "<label for=\"filter-agency\">Agency</label><select id=\"filter-agency\">"
        "<option value=\"\">All agencies</option>";
    for (const auto& a : agencies) out += "<option>" + escape(a) + "</option>";
    out += "</select>\n<p id=\"filter-count\" role=\"status\"></p>\n</form>\n";

    nlohmann::ordered_json index;
    index["title"] = site.title;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const SiteRelease* r : order) {
        const auto& m = r->doc->meta;
        list.push_back({{"id", ids[r]},
                        {"title", render::release_facts(*r->doc).title},
                        {"date", dated(m) ? m.date : std::string()},
                        {"agency", agency_of[r]},
                        {"number", text::collapse_space(m.release_number)},
                        {"input", r->record->input},
                        {"html", output_path(*r->record, "html")}});
    }
    index["releases"] = std::move(list);

    out += "<section id=\"by-date\" aria-labelledby=\"by-date-title\">\n<h2 id=\"by-date-title\">By date</h2>\n";
    out +=
        "<table>\n<caption>Every release, newest first</caption>\n<thead><tr><th scope=\"col\">Date</th>"
        "<th scope=\"col\">Title</th><th scope=\"col\">Agency</th><th scope=\"col\">No.</th>"
        "<th scope=\"col\">Formats</th></tr></thead>\n<tbody>\n";
    for (const SiteRelease* r : order) {
        const auto& m = r->doc->meta;
        out += "<tr data-release=\"" + ids[r] + "\"><td class=\"date\">" + date_cell(m) + "</td><td>" + title_link(*r) +
               "</td><td>" + escape(agency_of[r]) + "</td><td class=\"number\">" +
               escape(text::collapse_space(m.release_number)) + "</td><td class=\"formats\">" +
               format_links(*r->record) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";

    out +=
        "<section id=\"by-agency\" aria-labelledby=\"by-agency-title\">\n<h2 id=\"by-agency-title\">By agency</h2>\n";
    std::vector<std::string> groups = agencies;
    if (any_without) groups.push_back("");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string heading = groups[g].empty() ? std::string("No agency named") : groups[g];
        const std::string gid = "agency-" + std::to_string(g + 1);
        out += "<section data-agency-group=\"\" aria-labelledby=\"" + gid + "\">\n<h3 id=\"" + gid + "\">" +
               escape(heading) + "</h3>\n<ul class=\"agencies\">\n";
        for (const SiteRelease* r : by_agency[groups[g]]) {
            const auto& m = r->doc->meta;
            out += "<li data-release=\"" + ids[r] + "\">" + date_cell(m) + " \u2014 " + title_link(*r);
            if (!text::collapse_space(m.release_number).empty())
                out += " (No. " + escape(text::collapse_space(m.release_number)) + ")";
            const std::string links = format_links(*r->record);
            if (!links.empty()) out += " <span class=\"formats\">" + links + "</span>";
            out += "</li>\n";
        }
        out += "</ul>\n</section>\n";
    }
    out += "</section>\n</main>\n";
    out += "<script type=\"application/json\" id=\"release-index\">" + render::html::script_json(index) + "</script>\n";
    out += "<script>\n";
    out += filter_script;
    out += "</script>\n</body>\n</html>\n";
    return out;
}

std::string site_feed(const Site& site) {
    xml::Part p(nullptr, "http://www.w3.org/2005/Atom", "feed");
    xmlNode* feed = p.root();
    const std::string updated = text::iso_timestamp(site.time);
    p.element(feed, "id", "urn:uuid:" + uuid_v5(atom_namespace, "feed\n" + site.title));
    p.element(feed, "title", site.title);
    p.element(feed, "updated", updated);
    // A feed whose entries lack an author needs one of its own (RFC 4287
    // 4.1.1); the bundle's title is the best name it has.
    p.element(p.element(feed, "author"), "name", site.title);
    xmlNode* alt = p.element(feed, "link");
    p.attr(alt, "rel", "alternate");
    p.attr(alt, "type", "text/html");
    p.attr(alt, "href", "index.html");
    p.element(feed, "generator", "pressroom");
    for (const SiteRelease* r : newest_first(site)) {
        const auto& m = r->doc->meta;
        const render::ReleaseFacts facts = render::release_facts(*r->doc);
        xmlNode* e = p.element(feed, "entry");
        p.element(e, "id", entry_id(m, r->record->input));
        p.element(e, "title", facts.title);
        const std::string page = output_path(*r->record, "html");
        if (!page.empty()) {
            xmlNode* link = p.element(e, "link");
            p.attr(link, "rel", "alternate");
            p.attr(link, "type", "text/html");
            p.attr(link, "href", page);
        }
        // The release's date as the instant it was published; an undated
        // release is as new as the bundle.
        const std::string when = dated(m) ? m.date + "T00:00:00Z" : updated;
        if (dated(m)) p.element(e, "published", when);
        p.element(e, "updated", when);
        if (!text::collapse_space(m.agency).empty())
            p.element(p.element(e, "author"), "name", text::collapse_space(m.agency));
        if (!facts.description.empty()) p.element(e, "summary", facts.description);
        // No <content>: the alternate link is the release (RFC 4287 4.1.2
        // requires one of them).
        if (page.empty()) {
            xmlNode* c = p.element(e, "content", facts.title);
            p.attr(c, "type", "text");
        }
    }
    return p.serialize(true);
}

namespace {

// Text in a Markdown table cell: what CommonMark or GFM could read as
// markup escaped, and '|' too, which would end the cell.
std::string md_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\`*_[]<>|#~&!").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return text::collapse_space(out);
}

std::string reason(const InputRecord& r) {
    // "sub/a.txt: no release text found" -> "no release text found";
    // "a.xml:3: invalid..." -> "line 3: invalid...".
    if (!text::starts_with(r.error, r.input + ":")) return r.error;
    std::string rest = r.error.substr(r.input.size() + 1);
    const std::size_t digits = rest.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && text::starts_with(rest.substr(digits), ": "))
        return "line " + rest.substr(0, digits) + rest.substr(digits);
    return std::string(text::trim(rest));
}

}  // namespace

std::string site_summary(const Report& report, const std::string& title) {
    const Totals t = report.totals();
    const std::size_t converted = t.converted + t.up_to_date;
    const std::size_t refused = t.refused, failed = t.failed - t.refused;
    std::string out = "# " + md_cell(title) + "\n\n";
    out += "pressroom " + md_cell(report.pressroom) + " converted **" + std::to_string(converted) + "** of " +
           std::to_string(t.inputs) + (t.inputs == 1 ? " input" : " inputs") + " into " +
           std::to_string(report.formats.size()) + " formats (" + md_cell(text::join(report.formats, ", ")) + ")";
    if (refused)
        out += "; " + std::to_string(refused) + " refused (no release in " + (refused == 1 ? "it" : "them") + ")";
    if (failed) out += "; " + std::to_string(failed) + " failed";
    out += ".\n\n| status | inputs |\n|---|---:|\n";
    out += "| converted | " + std::to_string(converted) + " |\n";
    out += "| refused | " + std::to_string(refused) + " |\n";
    out += "| failed | " + std::to_string(failed) + " |\n";
    out += "| **total** | **" + std::to_string(t.inputs) + "** |\n";
    if (t.failed) {
        out += "\n## Not converted\n\n| input | status | reason |\n|---|---|---|\n";
        for (const auto& i : report.inputs)
            if (i.status == Status::failed)
                out += "| " + md_cell(i.input) + " | " + (i.refused ? "refused" : "failed") + " | " +
                       md_cell(reason(i)) + " |\n";
    }
    std::size_t warned = 0;
    for (const auto& i : report.inputs)
        if (i.status != Status::failed)
            warned += std::any_of(i.diagnostics.begin(), i.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity != Severity::note; });
    if (converted) {
        // Long runs are cut: a CI job's summary page holds about a megabyte.
        constexpr std::size_t max_rows = 1000;
        out += "\n## Converted\n\n";
        if (warned) out += std::to_string(warned) + " with warnings (report.json lists them).\n\n";
        out += "| input | date | title | agency |\n|---|---|---|---|\n";
        std::size_t rows = 0;
        for (const auto& i : report.inputs) {
            if (i.status == Status::failed) continue;
            if (++rows > max_rows) continue;
            out += "| " + md_cell(i.input) + " | " + md_cell(i.meta.date) + " | " + md_cell(i.meta.title) + " | " +
                   md_cell(i.meta.agency) + " |\n";
        }
        if (rows > max_rows) out += "\n" + std::to_string(rows - max_rows) + " more in report.json.\n";
    }
    if (!report.walk.empty()) {
        std::size_t problems = 0;
        for (const auto& d : report.walk) problems += d.severity != Severity::note;
        if (problems)
            out += "\n" + std::to_string(problems) + " problems walking the folders (report.json's \"walk\").\n";
    }
    return out;
}

}  // namespace pressroom::pipeline

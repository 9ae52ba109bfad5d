#include "ingest/data/rules.hpp"

#include "base/embedded.hpp"
#include "base/text.hpp"
#include "ingest/source.hpp"
#include "pressroom/error.hpp"
#include "xml/libxml.hpp"
#include "xml/schema.hpp"

#include <algorithm>

namespace pressroom::ingest {

const char* scope_name(Scope s) {
    switch (s) {
    case Scope::line: return "line";
    case Scope::inline_: return "inline";
    case Scope::prefix: return "prefix";
    case Scope::end: return "end";
    case Scope::block: return "block";
    }
    return "line";
}

namespace {

Scope parse_scope(const std::string& s) {
    if (s == "inline") return Scope::inline_;
    if (s == "prefix") return Scope::prefix;
    if (s == "end") return Scope::end;
    if (s == "block") return Scope::block;
    return Scope::line;
}

std::shared_ptr<const Regex> compile(const std::string& pattern, const std::string& file, int line) {
    try {
        return std::make_shared<const Regex>(pattern);
    } catch (const std::invalid_argument& e) {
        throw Error(ErrorKind::usage, file, "bad pattern '" + pattern + "': " + e.what(), line);
    }
}

}  // namespace

void RuleBook::load(std::string_view bytes, const std::string& name) {
    std::vector<xml::XmlIssue> issues;
    if (int line = xml::doctype_line(bytes))
        throw Error(ErrorKind::usage, name, "document type declarations are not allowed in rules files", line);
    xml::DocPtr doc = xml::parse_untrusted(bytes, name, issues);
    if (doc) issues = xml::Schema::rules().validate(doc.get());
    if (!doc || !issues.empty())
        throw Error(ErrorKind::usage, name, "invalid rules file: " + issues.front().message, issues.front().line);

    const std::string origin = name;
    for (const xmlNode* p = xmlDocGetRootElement(doc.get())->children; p; p = p->next) {
        if (!xml::is_element(p, "profile")) continue;
        std::string pid = xml::attribute(p, "id");
        auto it = std::find_if(profiles_.begin(), profiles_.end(), [&](const Profile& x) { return x.id == pid; });
        if (it == profiles_.end()) {
            profiles_.push_back(Profile{pid, xml::attribute(p, "name"), xml::attribute(p, "agency"), {}, {}, {}});
            it = profiles_.end() - 1;
        }
        Profile& profile = *it;
        for (const xmlNode* c = p->children; c; c = c->next) {
            if (xml::is_element(c, "detect")) {
                profile.detect.push_back(compile(xml::node_text(c), name, c->line));
            } else if (xml::is_element(c, "agency-pattern")) {
                profile.agency_patterns.emplace_back(compile(xml::node_text(c), name, c->line), xml::attribute(c, "format"));
            } else if (xml::is_element(c, "rule")) {
                Rule rule;
                rule.id = xml::attribute(c, "id");
                rule.scope = parse_scope(xml::attribute(c, "scope"));
                rule.profile = pid;
                rule.origin = origin;
                for (const xmlNode* f = c->children; f; f = f->next) {
                    if (xml::is_element(f, "why")) rule.why = text::collapse_space(xml::node_text(f));
                    if (xml::is_element(f, "match")) rule.patterns.push_back(compile(xml::node_text(f), name, f->line));
                }
                auto existing = std::find_if(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == rule.id; });
                if (existing != rules_.end()) {
                    // Replace in place; move it to this profile if it changed.
                    std::size_t index = static_cast<std::size_t>(existing - rules_.begin());
                    for (auto& prof : profiles_) std::erase(prof.rules, index);
                    *existing = std::move(rule);
                    profile.rules.push_back(index);
                } else {
                    rules_.push_back(std::move(rule));
                    profile.rules.push_back(rules_.size() - 1);
                }
            }
        }
    }
}

const RuleBook& RuleBook::builtin() {
    static const RuleBook book = [] {
        RuleBook b;
        // generic first: its rules run before agency rules on each line.
        std::vector<embedded::Resource> files;
        for (const auto& r : embedded::all())
            if (text::starts_with(r.name, "rules/") && text::ends_with(r.name, ".xml")) files.push_back(r);
        std::stable_sort(files.begin(), files.end(), [](const auto& x, const auto& y) {
            bool gx = x.name == "rules/generic.xml", gy = y.name == "rules/generic.xml";
            if (gx != gy) return gx;
            return x.name < y.name;
        });
        for (const auto& f : files) b.load(f.bytes, std::string(f.name));
        return b;
    }();
    return book;
}

const Profile* RuleBook::profile(std::string_view id) const {
    for (const auto& p : profiles_)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<const Profile*> RuleBook::select(const std::vector<Line>& lines, const std::string& forced,
                                             const std::vector<std::string>& hints) const {
    std::vector<const Profile*> out;
    for (const auto& p : profiles_)
        if (p.always()) out.push_back(&p);
    if (!forced.empty()) {
        const Profile* p = profile(forced);
        if (!p) {
            std::string known;
            for (const auto& q : profiles_) known += (known.empty() ? "" : ", ") + q.id;
            throw Error(ErrorKind::usage, "", "unknown profile '" + forced + "' (known: " + known + ")");
        }
        if (!p->always()) out.push_back(p);
        return out;
    }
    // Detection looks at the head of the input, where pages name their site.
    constexpr std::size_t head_lines = 40;
    const Profile* best = nullptr;
    int best_hits = 0;
    for (const auto& p : profiles_) {
        if (p.always()) continue;
        int hits = 0;
        std::size_t seen = 0;
        for (const auto& l : lines) {
            if (l.text.empty()) continue;
            if (++seen > head_lines) break;
            for (const auto& re : p.detect)
                if (re->found_in(l.text)) {
                    ++hits;
                    break;
                }
        }
        for (const auto& h : hints)
            for (const auto& re : p.detect)
                if (re->found_in(h)) {
                    hits += 10;  // a URL or site name says who published it
                    break;
                }
        if (hits > best_hits) {
            best = &p;
            best_hits = hits;
        }
    }
    if (best) out.push_back(best);
    return out;
}

}  // namespace pressroom::ingest

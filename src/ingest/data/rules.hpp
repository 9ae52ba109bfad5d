// Boilerplate rules as data: loading rule files (schemas/rules.xsd), and
// choosing the profiles that apply to an input.
//
// The built-in rules are rules/*.xml, embedded at build time; users add
// files with --rules. A RuleBook is immutable once loaded and shared by all
// threads.
#pragma once

#include "base/regex.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::ingest {

struct Line;

enum class Scope { line, inline_, prefix, end, block };
const char* scope_name(Scope s);

struct Rule {
    std::string id;
    std::string why;
    Scope scope = Scope::line;
    std::vector<std::shared_ptr<const Regex>> patterns;
    std::string profile;  // id of the profile that holds it
    std::string origin;   // file it came from ("built-in" or a path)
};

struct Profile {
    std::string id;
    std::string name;
    std::string agency;  // the publisher's name, for pages that never print it
    std::vector<std::shared_ptr<const Regex>> detect;  // empty: always applies
    // Patterns that find the issuer in the text, with the format that names it.
    std::vector<std::pair<std::shared_ptr<const Regex>, std::string>> agency_patterns;
    std::vector<std::size_t> rules;                     // indexes into RuleBook::rules()
    bool always() const { return detect.empty(); }
};

class RuleBook {
public:
    // The embedded rules/*.xml, loaded once per process.
    static const RuleBook& builtin();

    // Loads one rules file (validated against schemas/rules.xsd). A profile
    // id seen before extends that profile; a rule id seen before replaces
    // that rule. Throws Error(usage) naming the file, line and problem.
    void load(std::string_view xml, const std::string& name);

    const std::vector<Rule>& rules() const { return rules_; }
    const std::vector<Profile>& profiles() const { return profiles_; }
    const Profile* profile(std::string_view id) const;

    // The profiles that apply to an input whose first lines are `head`:
    // every always-on profile, plus the detected agency profile that matches
    // most lines (or `forced`, when not empty; Error(usage) if unknown).
    // `hints` is more text to look at: the page's URL, its site name.
    std::vector<const Profile*> select(const std::vector<Line>& lines, const std::string& forced,
                                       const std::vector<std::string>& hints = {}) const;

private:
    std::vector<Rule> rules_;
    std::vector<Profile> profiles_;
};

}  // namespace pressroom::ingest

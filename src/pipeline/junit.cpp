#include "pipeline/junit.hpp"

#include "pressroom/error.hpp"
#include "xml/part.hpp"

namespace pressroom::pipeline {

std::string junit_xml(const Report& report, FailOn fail_on, const std::string& suite_name) {
    xml::Part p(nullptr, nullptr, "testsuites");
    xmlNode* root = p.root();
    std::size_t failures = 0, skipped = 0;
    for (const auto& i : report.inputs) {
        if (i.status != Status::failed) continue;
        // What Report::exit_status counts as the input's failure.
        const bool counts = (i.exit_code && i.exit_code != exit_code::failed) || (fail_on == FailOn::refused) ||
                            (fail_on == FailOn::failed && !i.refused);
        ++(counts ? failures : skipped);
    }
    const std::string tests = std::to_string(report.inputs.size());
    p.attr(root, "name", suite_name);
    p.attr(root, "tests", tests);
    p.attr(root, "failures", std::to_string(failures));
    p.attr(root, "errors", "0");
    p.attr(root, "skipped", std::to_string(skipped));
    xmlNode* suite = p.element(root, "testsuite");
    p.attr(suite, "name", suite_name);
    p.attr(suite, "tests", tests);
    p.attr(suite, "failures", std::to_string(failures));
    p.attr(suite, "errors", "0");
    p.attr(suite, "skipped", std::to_string(skipped));
    auto child = [&](xmlNode* parent, const char* name) { return p.element(parent, name); };
    for (const auto& i : report.inputs) {
        xmlNode* tc = child(suite, "testcase");
        // CI systems group by classname: the input's folder ("." at the top).
        const std::size_t slash = i.input.rfind('/');
        p.attr(tc, "classname", slash == std::string::npos ? std::string(".") : i.input.substr(0, slash));
        p.attr(tc, "name", i.input);
        if (i.status != Status::failed) continue;
        const bool counts = (i.exit_code && i.exit_code != exit_code::failed) || (fail_on == FailOn::refused) ||
                            (fail_on == FailOn::failed && !i.refused);
        xmlNode* what = child(tc, counts ? "failure" : "skipped");
        p.attr(what, "message", i.error);
        if (counts) {
            p.attr(what, "type", i.refused ? "refused" : "failed");
            p.text(what,
                   i.error + (i.refused ? "\n(the input holds no release; --fail-on failed accepts refusals)" : ""));
        }
    }
    return p.serialize(true);
}

}  // namespace pressroom::pipeline

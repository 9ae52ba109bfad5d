// The batch report as JUnit XML (`--junit FILE` on batch and bundle): the
// format CI systems show as test results. One <testcase> per input, named
// by its path; an input that failed is a <failure> when it makes the exit
// status 1 under --fail-on, otherwise a <skipped> (a refusal under
// --fail-on failed, anything under --fail-on none), both with the reason.
// Deterministic: no times, no host name, inputs in the report's order.
#pragma once

#include "pipeline/report.hpp"

#include <string>

namespace pressroom::pipeline {

std::string junit_xml(const Report& report, FailOn fail_on, const std::string& suite_name);

}  // namespace pressroom::pipeline

// Runs the normalizer examples in tests/cases/normalizer.md: each input
// through ingest, each expectation checked (see that file for the format).
// One test case per example, generated (normalizer_examples.hpp).
#include "base/text.hpp"
#include "ingest/ingest.hpp"
#include "model/check.hpp"
#include "pressroom/error.hpp"
#include "support.hpp"
#include "unit/normalizer_examples.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

using namespace pressroom;

namespace {

struct Example {
    std::string heading;
    std::string name;
    std::string input;
    std::vector<std::string> expect;
    int line = 0;  // of the input block in normalizer.md
};

std::vector<Example> load_examples() {
    std::istringstream in(test::read_file(test::source_dir() / "tests/cases/normalizer.md"));
    std::vector<Example> out;
    std::string heading, line;
    int number = 0;
    enum { none, input, expect } mode = none;
    Example current;
    while (std::getline(in, line)) {
        ++number;
        if (mode == none && text::starts_with(line, "## ")) heading = line.substr(3);
        else if (mode == none && text::starts_with(line, "~~~ input")) {
            current = Example{heading, "input.txt", "", {}, number};
            auto p = line.find("name=");
            if (p != std::string::npos) current.name = line.substr(p + 5);
            mode = input;
        } else if (mode == none && text::starts_with(line, "~~~ expect")) {
            mode = expect;
        } else if (line == "~~~") {
            if (mode == expect) out.push_back(current);
            mode = none;
        } else if (mode == input) {
            current.input += line + "\n";
        } else if (mode == expect && !text::trim(line).empty()) {
            current.expect.push_back(line);
        }
    }
    return out;
}

std::string block_text(const model::Block& b) {
    return std::visit(
        [](const auto& blk) -> std::string {
            using T = std::decay_t<decltype(blk)>;
            if constexpr (std::is_same_v<T, model::List>) {
                std::string s;
                for (const auto& i : blk.items) s += (s.empty() ? "" : "\n") + model::plain_text(i.content);
                return s;
            } else {
                return model::plain_text(blk.content);
            }
        },
        b);
}

// Blocks as the scorer counts them: a list counts its items.
std::vector<std::pair<std::string, std::string>> flat_blocks(const model::Document& d) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& b : d.body) {
        if (const auto* l = std::get_if<model::List>(&b)) {
            for (const auto& i : l->items) out.emplace_back("list", model::plain_text(i.content));
            continue;
        }
        const char* kind = std::holds_alternative<model::Heading>(b) ? "heading"
                           : std::holds_alternative<model::Quote>(b) ? "quote"
                                                                      : "paragraph";
        out.emplace_back(kind, block_text(b));
    }
    return out;
}

std::string field(const model::Metadata& m, const std::string& name) {
    if (name == "title") return m.title;
    if (name == "subtitle") return m.subtitle;
    if (name == "agency") return m.agency;
    if (name == "office") return m.office;
    if (name == "kind") return m.kind;
    if (name == "release-number") return m.release_number;
    if (name == "date") return m.date;
    if (name == "dateline") return m.dateline;
    FAIL("unknown field in expectation: " << name);
    return {};
}

}  // namespace

void test::run_normalizer_example(const std::string& name) {
    const auto examples = load_examples();
    const auto it = std::find_if(examples.begin(), examples.end(), [&](const Example& e) { return e.name == name; });
    REQUIRE_MESSAGE(it != examples.end(), "no example named " << name << " in tests/cases/normalizer.md");
    const Example& ex = *it;
    INFO("example '" << ex.heading << "' (" << ex.name << ", tests/cases/normalizer.md:" << ex.line << ")");
    Diagnostics diags(ex.name);
    ingest::Options o;
    o.name = ex.name;
    bool refused_expected = ex.expect.size() == 1 && ex.expect[0] == "refused";
    model::Document doc;
    try {
        doc = ingest::ingest(ex.input, o, diags);
    } catch (const Error& e) {
        CHECK_MESSAGE(refused_expected, "refused unexpectedly: " << e.what());
        if (refused_expected) CHECK(std::string(e.what()) == ex.name + ": no release text found");
        return;
    }
    CHECK_MESSAGE(!refused_expected, "expected a refusal");
    if (refused_expected) return;
    auto problems = model::check(doc);
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? std::string() : problems.front()));

    auto blocks = flat_blocks(doc);
    std::string visible = doc.meta.title;
    for (const auto& b : blocks) visible += "\n" + b.second;
    for (const std::string& e : ex.expect) {
        INFO("expectation: " << e);
        auto colon = e.find(':');
        std::string key = e.substr(0, colon);
        std::string value = colon == std::string::npos ? std::string() : std::string(text::trim(e.substr(colon + 1)));
        if (key == "blocks") {
            CHECK(blocks.size() == std::stoul(value));
        } else if (text::starts_with(key, "block ") || text::starts_with(key, "last block") ||
                   text::starts_with(key, "kind ")) {
            bool last = text::starts_with(key, "last block");
            std::string rest = last ? key.substr(10) : key.substr(key.find(' ') + 1);
            std::size_t index = last ? blocks.size() : std::stoul(rest);
            REQUIRE_MESSAGE((index >= 1 && index <= blocks.size()),
                            "no block " << index << " (" << blocks.size() << " blocks)");
            const auto& [kind, t] = blocks[index - 1];
            if (text::starts_with(key, "kind ")) CHECK(kind == value);
            else if (text::ends_with(key, " starts")) CHECK(t.substr(0, value.size()) == value);
            else if (text::ends_with(key, " ends"))
                CHECK((t.size() >= value.size() && t.substr(t.size() - value.size()) == value));
            else CHECK(t == value);
        } else if (key == "removed") {
            std::istringstream parts(value);
            std::string rule;
            int line = 0;
            parts >> rule >> line;
            std::string what;
            std::getline(parts, what);
            what = std::string(text::trim(what));
            bool found = std::any_of(doc.removed.begin(), doc.removed.end(), [&](const model::RemovedSpan& r) {
                return r.rule == rule && r.line == line && r.text == what;
            });
            CHECK_MESSAGE(found, "no removed span " << rule << " at line " << line << ": " << what);
        } else if (key == "absent") {
            CHECK(visible.find(value) == std::string::npos);
        } else if (key == "contact") {
            bool found = false;
            for (const auto& c : doc.meta.contacts)
                for (const auto& l : c.lines) found = found || l == value;
            CHECK_MESSAGE(found, "no contact line: " << value);
        } else {
            CHECK(field(doc.meta, key) == value);
        }
    }
}

TEST_CASE("normalizer examples: one test case each - the file and the generated cases agree") {
    const auto examples = load_examples();
    CHECK(examples.size() >= 20);
    CHECK(examples.size() == test::normalizer_case_count);
}

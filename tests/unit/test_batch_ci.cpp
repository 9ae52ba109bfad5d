// Batch for CI jobs (issue 14, section 4): a time left on big folders,
// --prune for outputs of deleted inputs, and --fail-on for corpora that
// hold pages with no release.
#include "support.hpp"

#include "cli/progress.hpp"
#include "pipeline/batch.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace pressroom;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string seed() { return (test::source_dir() / "samples/dod-105-13.txt").string(); }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// An index page: links and chrome, no release (refused, not failed).
const char* const index_page =
    "<html><body><nav><a href=\"/a\">Home</a></nav><ul><li><a href=\"/r/1\">Release one</a></li>"
    "<li><a href=\"/r/2\">Release two</a></li></ul></body></html>\n";

}  // namespace

TEST_CASE("batch ci: the inputs are counted ahead of the work - the bar says counting and then the time left") {
    test::TempDir dir;
    for (int i = 0; i < 12; ++i) {
        fs::create_directories(dir / "in" / std::to_string(i % 3));
        fs::copy_file(seed(), dir / "in" / std::to_string(i % 3) / ("r" + std::to_string(i) + ".txt"));
    }
    struct Seen : pipeline::BatchObserver {
        std::size_t counted_total = 0, counted_calls = 0, walked_total = 0;
        void counted(std::size_t n) override {
            counted_total = n;
            ++counted_calls;
        }
        void walk_done(std::size_t n) override { walked_total = n; }
    } seen;
    pipeline::BatchOptions o;
    o.roots = {(dir / "in").string()};
    o.out_dir = dir / "out";
    o.jobs = 1;
    o.convert.formats = {render::find_format("xml")};
    auto result = pipeline::run_batch(o, seen);
    CHECK(result.exit_code() == 0);
    CHECK(seen.counted_calls == 1);
    CHECK(seen.counted_total == 12);
    CHECK(seen.walked_total == 12);
    // Sharded: the count is the shard's.
    Seen shard;
    o.shard = pipeline::parse_shard("1/2");
    o.force = true;
    auto half = pipeline::run_batch(o, shard);
    CHECK(shard.counted_total == half.report.inputs.size());
    CHECK(shard.counted_total < 12);

    // What the display makes of it: no ETA while counting, one once counted.
    cli::ProgressCounts c;
    c.found = 40;
    c.done = 10;
    const std::string counting = cli::progress_bar(c, 5.0, 100);
    CHECK(contains(counting, "10/40+ counting"));
    CHECK_FALSE(contains(counting, "ETA"));
    CHECK(contains(cli::progress_line(c, 5.0), "10/40+ inputs done (still counting)"));
    c.total = 1000;
    c.total_known = true;
    const std::string known = cli::progress_bar(c, 5.0, 100);
    CHECK(contains(known, "10/1000"));
    CHECK(contains(known, "ETA 8:15"));  // 990 left at 2 files/s
    CHECK(contains(cli::progress_line(c, 5.0), "about 8:15 left"));
}

TEST_CASE("batch ci: --prune removes the outputs and stamps of deleted inputs and the report lists them") {
    test::TempDir dir;
    fs::create_directories(dir / "in/old");
    fs::copy_file(seed(), dir / "in/keep.txt");
    fs::copy_file(seed(), dir / "in/old/gone.txt");
    fs::copy_file(seed(), dir / "in/excluded.txt");
    const std::string in = (dir / "in").string(), out = (dir / "out").string();
    REQUIRE(test::pressroom({"batch", in, "-o", out, "-q"}).status == 0);
    REQUIRE(fs::exists(dir / "out/old/gone.xml"));
    REQUIRE(fs::exists(dir / "out/.pressroom/stamps/old/gone.txt.json"));

    fs::remove(dir / "in/old/gone.txt");
    // Without --prune, nothing goes.
    REQUIRE(test::pressroom({"batch", in, "-o", out, "-q"}).status == 0);
    CHECK(fs::exists(dir / "out/old/gone.xml"));
    // With it, the deleted input's outputs, stamp and emptied folder go; an
    // input that exists but is excluded now keeps its outputs.
    auto r = test::pressroom({"batch", in, "-o", out, "--prune", "-v", "--exclude", "excluded.txt", "--report",
                              (dir / "report.json").string()});
    CHECK(r.status == 0);
    CHECK_FALSE(fs::exists(dir / "out/old/gone.xml"));
    CHECK_FALSE(fs::exists(dir / "out/old/gone.txt"));
    CHECK_FALSE(fs::exists(dir / "out/old"));
    CHECK_FALSE(fs::exists(dir / "out/.pressroom/stamps/old/gone.txt.json"));
    CHECK(fs::exists(dir / "out/keep.xml"));
    CHECK(fs::exists(dir / "out/excluded.xml"));
    CHECK(contains(r.err, "pruned the outputs of 1 deleted input"));
    CHECK(contains(r.err, "pruned old/gone.txt: removed old/gone.xml, old/gone.txt"));
    const json report = json::parse(test::read_file(dir / "report.json"));
    REQUIRE(report.contains("pruned"));
    CHECK(report["pruned"] ==
          json::parse(R"([{"input": "old/gone.txt", "outputs": ["old/gone.xml", "old/gone.txt"]}])"));
    // Nothing left to prune: no "pruned" in the report.
    REQUIRE(
        test::pressroom({"batch", in, "-o", out, "--prune", "-q", "--report", (dir / "again.json").string()}).status ==
        0);
    CHECK_FALSE(json::parse(test::read_file(dir / "again.json")).contains("pruned"));

    // A walk with a problem (a root that is not there) prunes nothing.
    fs::remove(dir / "in/keep.txt");
    auto skipped = test::pressroom({"batch", in, (dir / "missing").string(), "-o", out, "--prune"});
    CHECK(skipped.status == 1);
    CHECK(contains(skipped.err, "--prune skipped: the walk reported a problem"));
    CHECK(fs::exists(dir / "out/keep.xml"));
}

TEST_CASE("batch ci: --fail-on tells refusals from failures - the default and the rerun") {
    test::TempDir dir;
    fs::create_directories(dir / "in");
    fs::copy_file(seed(), dir / "in/release.txt");
    test::write_file(dir / "in/index.html", index_page);
    const std::string in = (dir / "in").string(), out = (dir / "out").string();

    // The default: a refusal fails the run, and a rerun with nothing to do still does.
    auto first = test::pressroom({"batch", in, "-o", out, "--report", (dir / "r.json").string()});
    CHECK(first.status == 1);
    CHECK(contains(first.err, "1 failed (1 refused: no release in them)"));
    const json report = json::parse(test::read_file(dir / "r.json"));
    CHECK(report["totals"]["refused"] == 1);
    CHECK(report["totals"]["failed"] == 1);
    for (const auto& i : report["inputs"])
        if (i["input"] == "index.html") CHECK(i["refused"] == true);
    auto rerun = test::pressroom({"batch", in, "-o", out});
    CHECK(rerun.status == 1);
    CHECK(contains(rerun.err, "nothing to do"));
    CHECK(contains(rerun.err, "1 of them refused"));
    // --fail-on failed: refusals are reported, and do not fail the run.
    auto failed = test::pressroom({"batch", in, "-o", out, "--fail-on", "failed"});
    CHECK(failed.status == 0);
    CHECK(contains(failed.err, "index.html: no release text found"));

    // A real failure (invalid release XML) fails it with --fail-on failed, not with none.
    std::string xml = test::pressroom({"convert", seed()}).out;
    xml.replace(xml.find("<date>2013-02-22</date>"), 23, "<date>22 Feb 2013</date>");
    test::write_file(dir / "in/broken.xml", xml);
    CHECK(test::pressroom({"batch", in, "-o", out, "--fail-on", "failed", "-q"}).status == 1);
    CHECK(test::pressroom({"batch", in, "-o", out, "--fail-on", "none", "-q"}).status == 0);
    CHECK(test::pressroom({"batch", in, "-o", out, "-q"}).status == 1);

    // bundle takes it too.
    fs::remove(dir / "in/broken.xml");
    auto bundle = test::pressroom({"bundle", in, "-o", (dir / "b.zip").string(), "--fail-on", "failed", "-q"});
    CHECK(bundle.status == 0);
    CHECK(fs::exists(dir / "b.zip"));
    CHECK(test::pressroom({"bundle", in, "-o", (dir / "b.zip").string(), "-q"}).status == 1);

    auto bad = test::pressroom({"batch", in, "-o", out, "--fail-on", "refusals"});
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, "--fail-on takes refused, failed or none, not 'refusals'"));
}

TEST_CASE("batch ci: -M is part of what a batch remembers - changing it converts again") {
    test::TempDir dir;
    fs::create_directories(dir / "in");
    fs::copy_file(seed(), dir / "in/r.txt");
    const std::string in = (dir / "in").string(), out = (dir / "out").string();
    REQUIRE(test::pressroom({"batch", in, "-o", out, "-M", "agency=First Agency"}).status == 0);
    CHECK(contains(test::read_file(dir / "out/r.xml"), "<agency>First Agency</agency>"));
    CHECK(contains(test::pressroom({"batch", in, "-o", out, "-M", "agency=First Agency"}).err, "nothing to do"));
    auto changed = test::pressroom({"batch", in, "-o", out, "-M", "agency=Second Agency"});
    CHECK(contains(changed.err, "1 converted"));
    CHECK(contains(test::read_file(dir / "out/r.xml"), "<agency>Second Agency</agency>"));
}

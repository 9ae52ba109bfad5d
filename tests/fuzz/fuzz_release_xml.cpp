// Fuzz target: the release XML reader, with validation.
//
// Oracles: read_release and validate_release agree (a document is read
// exactly when it validates); the reader throws only Error(invalid); and a
// document read back round-trips: write(read(write(doc))) == write(doc),
// the writer's XML being valid itself.
#include "fuzz_support.hpp"
#include "pressroom/error.hpp"
#include "xml/release_xml.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

using namespace pressroom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
        const auto problems = xml::validate_release(input, "fuzz.xml");
        model::Document doc;
        try {
            doc = xml::read_release(input, "fuzz.xml");
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::invalid) fuzz::fuzz_fail(std::string("read_release threw ") + e.what());
            if (problems.empty()) fuzz::fuzz_fail(std::string("read_release refused what validates: ") + e.what());
            return 0;
        }
        if (!problems.empty()) fuzz::fuzz_fail("read_release accepted what does not validate: " + problems.front().message);
        const std::string once = xml::write_release(doc);
        if (auto again = xml::validate_release(once, "written.xml"); !again.empty())
            fuzz::fuzz_fail("the writer wrote invalid XML: " + again.front().message);
        if (xml::write_release(xml::read_release(once, "written.xml")) != once)
            fuzz::fuzz_fail("release XML does not round-trip");
    } catch (const Error& e) {
        fuzz::fuzz_fail(std::string("unexpected Error: ") + e.what());
    } catch (const std::exception& e) {
        fuzz::fuzz_fail(std::string("threw ") + e.what());
    }
    return 0;
}

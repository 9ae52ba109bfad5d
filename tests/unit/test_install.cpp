// Installing pressroom the ways users do: a prefix that is then moved, the
// C++ library through its CMake package, the man page and the completion,
// and the .deb (checked by lintian and run from its unpacked files).
#include "support.hpp"

#include <doctest/doctest.h>

using namespace pressroom;
namespace fs = std::filesystem;

namespace {

fs::path build_dir() { return test::binary().parent_path(); }

std::string seed() { return (test::source_dir() / "samples/dod-105-13.txt").string(); }

// Installs the build into a fresh prefix under `dir`, moves that prefix
// elsewhere and returns where it ended up.
fs::path install_and_move(const test::TempDir& dir) {
    auto r = test::run({PRESSROOM_CMAKE, "--install", build_dir().string(), "--prefix", (dir / "first").string()});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    fs::rename(dir / "first", dir / "moved");
    return dir / "moved";
}

}  // namespace

TEST_CASE("install: a moved prefix converts the seed to every format from an unrelated directory") {
    test::TempDir dir;
    fs::path prefix = install_and_move(dir);
    REQUIRE(fs::exists(prefix / "bin/pressroom"));
    auto r = test::run({(prefix / "bin/pressroom").string(), "convert", "-t", "all", "-o", (dir / "out").string(), seed()},
                       {}, {"PRESSROOM_DATA_DIR="}, "/");
    CHECK_MESSAGE(r.status == 0, r.err);
    for (const char* ext : {".xml", ".txt", ".pdf", ".epub"}) CHECK(fs::exists(dir / "out" / (std::string("dod-105-13") + ext)));
    // The fonts it embedded came from the moved prefix, not from the build tree.
    CHECK(fs::file_size(dir / "out/dod-105-13.pdf") > 10000);
    auto v = test::run({(prefix / "bin/pressroom").string(), "--version"});
    CHECK(v.out.find("libharu") != std::string::npos);
}

TEST_CASE("install: a consumer project builds against the installed package and converts") {
    test::TempDir dir;
    fs::path prefix = install_and_move(dir);
    fs::create_directories(dir / "app");
    test::write_file(dir / "app/CMakeLists.txt",
                     "cmake_minimum_required(VERSION 3.20)\nproject(app CXX)\n"
                     "find_package(pressroom 0.1 REQUIRED)\n"
                     "add_executable(app main.cpp)\ntarget_link_libraries(app PRIVATE pressroom::pressroom)\n");
    test::write_file(dir / "app/main.cpp", R"(#include <pressroom/pressroom.hpp>
#include <iostream>
int main(int argc, char** argv) {
    try {
        auto r = pressroom::normalize_file(argv[1]);
        std::string txt = pressroom::render_document(r.document, "txt");
        std::string pdf = pressroom::render_document(r.document, "pdf");
        std::cout << pressroom::version() << "|" << r.document.meta.title << "|" << r.document.body.size()
                  << "|" << (pdf.rfind("%PDF-", 0) == 0) << "|" << txt.size() << "\n";
        pressroom::normalize("");  // refused: throws
    } catch (const pressroom::Error& e) {
        std::cout << "refused:" << (e.kind() == pressroom::ErrorKind::input) << "\n";
        return argc > 2 ? 1 : 0;
    }
    return 3;
}
)");
    auto conf = test::run({PRESSROOM_CMAKE, "-S", (dir / "app").string(), "-B", (dir / "app/build").string(),
                           "-DCMAKE_PREFIX_PATH=" + prefix.string(), "-DCMAKE_BUILD_TYPE=Release",
                           std::string("-DCMAKE_CXX_FLAGS=") + PRESSROOM_CONSUMER_CXX_FLAGS,
                           std::string("-DCMAKE_EXE_LINKER_FLAGS=") + PRESSROOM_CONSUMER_LINKER_FLAGS});
    REQUIRE_MESSAGE(conf.status == 0, (conf.out + conf.err));
    auto build = test::run({PRESSROOM_CMAKE, "--build", (dir / "app/build").string()});
    REQUIRE_MESSAGE(build.status == 0, (build.out + build.err));
    auto run = test::run({(dir / "app/build/app").string(), seed()}, {}, {}, "/");
    CHECK_MESSAGE(run.status == 0, run.err);
    CHECK(run.out == "0.1.0|Joint Statement of The Korea-U.S. Integrated Defense Dialogue|6|1|3616\nrefused:1\n");
}

TEST_CASE("install: the man page renders with man -l and documents every command") {
    if (!test::have_program("man")) {
        MESSAGE("man not installed: skipped");
        return;
    }
    auto r = test::run({"man", "-l", (build_dir() / "man/pressroom.1.gz").string()}, {}, {"MANPAGER=cat", "MANWIDTH=100"});
    REQUIRE(r.status == 0);
    for (const char* s : {"SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "SOURCE_DATE_EPOCH", "convert", "validate",
                          "inspect", "--output", "--max-input-size", "--paper", "Examples:"})
        CHECK_MESSAGE(r.out.find(s) != std::string::npos, "man page lacks " << s);
    CHECK(r.err.empty());
}

TEST_CASE("install: bash completion offers commands and formats") {
    fs::path script = build_dir() / "completion/pressroom";
    REQUIRE(fs::exists(script));
    auto words = [&](const std::string& line, int cword) {
        auto r = test::run({"bash", "-c",
                            "source \"$0\"; COMP_WORDS=($1); COMP_CWORD=$2; _pressroom; echo \"${COMPREPLY[*]}\"",
                            script.string(), line, std::to_string(cword)});
        return r.out;
    };
    CHECK(words("pressroom con", 1) == "convert\n");
    CHECK(words("pressroom convert -t p", 3).find("pdf") != std::string::npos);
    CHECK(words("pressroom convert --pro", 2).find("--profile") != std::string::npos);
}

TEST_CASE("install: zsh completion is valid zsh and knows every command") {
    fs::path script = build_dir() / "completion/_pressroom";
    REQUIRE(fs::exists(script));
    std::string text = test::read_file(script);
    for (const char* s : {"#compdef pressroom", "convert:", "validate:", "inspect:", "--output", "pdf epub"})
        CHECK_MESSAGE(text.find(s) != std::string::npos, "zsh completion lacks " << s);
    if (!test::have_program("zsh")) {
        MESSAGE("zsh not installed: syntax not checked");
        return;
    }
    CHECK(test::run({"zsh", "-n", script.string()}).status == 0);
}

TEST_CASE("install: the .deb passes lintian without errors and runs from its files") {
    for (const char* tool : {"cpack", "lintian", "dpkg-deb", "dpkg-shlibdeps"})
        if (!test::have_program(tool)) {
            MESSAGE(tool << " not installed: skipped");
            return;
        }
    auto pack = test::run({"cpack", "-G", "DEB", "--config", (build_dir() / "CPackConfig.cmake").string(), "-B",
                           (build_dir() / "package").string()});
    REQUIRE_MESSAGE(pack.status == 0, (pack.out + pack.err));
    fs::path deb = build_dir() / "package/pressroom_0.1.0_amd64.deb";
    REQUIRE(fs::exists(deb));
    auto lint = test::run({"lintian", "--tag-display-limit", "0", deb.string()});
    CHECK_MESSAGE(lint.out.find("E: ") == std::string::npos, lint.out);
    auto info = test::run({"dpkg-deb", "-f", deb.string(), "Depends"});
    for (const char* dep : {"libxml2", "libhpdf", "libzip", "libboost-program-options"})
        CHECK_MESSAGE(info.out.find(dep) != std::string::npos, "Depends lacks " << dep << ": " << info.out);
    test::TempDir dir;
    REQUIRE(test::run({"dpkg-deb", "-x", deb.string(), (dir / "root").string()}).status == 0);
    auto r = test::run({(dir / "root/usr/bin/pressroom").string(), "convert", "-t", "pdf,epub", "-o",
                        (dir / "out").string(), seed()}, {}, {"PRESSROOM_DATA_DIR="}, "/");
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(fs::exists(dir / "out/dod-105-13.pdf"));
}

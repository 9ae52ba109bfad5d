#include "cli/cli.hpp"

#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/docs.hpp"
#include "pressroom/error.hpp"
#include "version.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace pressroom::cli {

namespace po = boost::program_options;

namespace {

void print_overview(std::ostream& os) {
    os << "pressroom " PRESSROOM_VERSION
          " - press releases, as scraped from the web, to publication-ready documents\n"
          "\n"
          "Usage: pressroom [-v|-q] COMMAND [OPTIONS] [ARGS...]\n"
          "       pressroom COMMAND --help\n"
          "\n"
          "Commands:\n";
    for (const Command& c : commands()) {
        std::string name = c.name;
        os << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c.summary << "\n";
    }
    os << "\n"
          "Options:\n"
          "  -h, --help     show this help, or a command's help after the command\n"
          "  --version      show the version and the libraries it was built with\n"
          "  -v, --verbose  -q, --quiet: may come before the command too (pressroom -v convert ...)\n"
          "\n"
          "Examples:\n"
          "  pressroom convert release.txt                  # release XML to standard output\n"
          "  pressroom convert release.txt -o release.pdf   # one file, in the format its name says\n"
          "  pressroom convert -t pdf,epub -o out/ *.html   # other formats, another folder\n"
          "  pressroom validate out/*.xml                   # check XML against the schema\n"
          "  pressroom batch releases/ -o out/ -t all       # whole folders, incrementally\n"
          "  pressroom bundle releases/ -o bundle.zip       # a reproducible publication bundle\n"
          "\n"
          "Exit status: 0 success, 1 an input failed (the others were still converted),\n"
          "2 usage error, 3 an output or pressroom's data could not be written or read,\n"
          "4 internal error, 130/143 batch or bundle stopped by SIGINT/SIGTERM.\n";
}

}  // namespace

int run(int argc, const char* const* argv) {
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    try {
        if (args.empty()) {
            print_overview(std::cerr);
            return exit_code::usage;
        }
        // -v and -q may come before the command, as with git and cargo:
        // they go to the command, which takes them.
        std::vector<std::string> global;
        while (!args.empty() && (args.front() == "-v" || args.front() == "--verbose" || args.front() == "-q" ||
                                 args.front() == "--quiet")) {
            global.push_back(args.front());
            args.erase(args.begin());
        }
        if (args.empty())
            throw Error(ErrorKind::usage, "",
                        global.front() + " applies to a command: pressroom " + global.front() +
                            " COMMAND ... (see 'pressroom --help')");
        const std::string first = args.front();
        if (first == "-h" || first == "--help" || first == "help") {
            if (args.size() > 1 && first == "help") {
                if (const Command* c = find_command(args[1])) {
                    print_command_help(*c, std::cout);
                    return exit_code::ok;
                }
            }
            print_overview(std::cout);
            return exit_code::ok;
        }
        if (first == "--version" || first == "-V") {
            print_version(std::cout);
            return exit_code::ok;
        }
        // For the build and packagers: documentation generated from the command table.
        if (first == "--man-page") {
            write_man_page(std::cout);
            return exit_code::ok;
        }
        if (first == "--bash-completion") {
            write_bash_completion(std::cout);
            return exit_code::ok;
        }
        if (first == "--zsh-completion") {
            write_zsh_completion(std::cout);
            return exit_code::ok;
        }
        const Command* command = find_command(first);
        if (!command) {
            std::vector<std::string> names;
            for (const Command& c : commands()) names.emplace_back(c.name);
            if (text::starts_with(first, "-")) {
                // Only the options above come before a command; the others
                // are a command's, and go after it.
                const std::string hint =
                    first.size() > 2 ? text::closest(first, {"--help", "--version", "--verbose", "--quiet"}) : "";
                throw Error(ErrorKind::usage, "",
                            hint.empty() ? "'" + first +
                                               "' is an option of a command: put it after the command "
                                               "(pressroom convert " +
                                               first + " ...; see 'pressroom --help')"
                                         : "unknown option '" + first + "' (did you mean '" + hint +
                                               "'?; see 'pressroom --help')");
            }
            const std::string hint = text::closest(first, names);
            throw Error(ErrorKind::usage, "",
                        "unknown command '" + first + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                            "; the commands are " + text::join(names, ", ") + " (see 'pressroom --help')");
        }
        std::vector<std::string> rest(args.begin() + 1, args.end());
        rest.insert(rest.begin(), global.begin(), global.end());
        return run_command(*command, rest);
    } catch (const Error& e) {
        std::cerr << "pressroom: " << e.located() << "\n";
        return exit_code_for(e.kind());
    } catch (const po::error& e) {
        std::cerr << "pressroom: " << e.what() << " (see 'pressroom "
                  << (find_command(args.empty() ? std::string() : args.front()) ? args.front() + " " : std::string())
                  << "--help')\n";
        return exit_code::usage;
    } catch (const std::bad_alloc&) {
        std::cerr << "pressroom: out of memory\n";
        return exit_code::internal;
    } catch (const std::exception& e) {
        std::cerr << "pressroom: internal error: " << e.what() << "\n";
        return exit_code::internal;
    }
}

}  // namespace pressroom::cli

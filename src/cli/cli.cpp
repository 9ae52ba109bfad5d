#include "cli/cli.hpp"

#include "base/error.hpp"
#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/docs.hpp"
#include "version.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace pressroom::cli {

namespace po = boost::program_options;

namespace {

void print_overview(std::ostream& os) {
    os << "pressroom " PRESSROOM_VERSION " - press releases, as scraped from the web, to publication-ready documents\n"
          "\n"
          "Usage: pressroom COMMAND [OPTIONS] [ARGS...]\n"
          "       pressroom COMMAND --help\n"
          "\n"
          "Commands:\n";
    for (const Command& c : commands()) {
        std::string name = c.name;
        os << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c.summary << "\n";
    }
    os << "\n"
          "Options:\n"
          "  -h, --help    show this help, or a command's help after the command\n"
          "  --version     show the version and the libraries it was built with\n"
          "\n"
          "Examples:\n"
          "  pressroom convert release.txt                  # writes release.xml and release.txt here\n"
          "  pressroom convert -t pdf,epub -o out/ *.html   # other formats, another folder\n"
          "  pressroom convert -t xml --stdout page.html    # release XML to standard output\n"
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
        const std::string& first = args.front();
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
            std::string hint = text::starts_with(first, "-") ? "options go after the command" : "unknown command";
            throw Error(ErrorKind::usage, "", hint + " '" + first + "' (see 'pressroom --help')");
        }
        return run_command(*command, std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const Error& e) {
        std::cerr << "pressroom: " << e.located() << "\n";
        return exit_code_for(e.kind());
    } catch (const po::error& e) {
        std::cerr << "pressroom: " << e.what() << " (see 'pressroom "
                  << (args.empty() ? std::string() : args.front() + " ") << "--help')\n";
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

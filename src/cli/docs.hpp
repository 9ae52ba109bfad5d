// Documentation generated from the command table: the man page pressroom(1)
// and the bash completion script.
#pragma once

#include <iosfwd>

namespace pressroom::cli {

void write_man_page(std::ostream& os);
void write_bash_completion(std::ostream& os);
void write_zsh_completion(std::ostream& os);

}  // namespace pressroom::cli

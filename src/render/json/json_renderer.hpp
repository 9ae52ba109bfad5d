// The "json" format: the release JSON writer (json/release_json.hpp), as a
// renderer. `pressroom convert` reads its output back.
#pragma once

#include "render/renderer.hpp"

namespace pressroom::render {

std::string render_json(const model::Document& doc, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

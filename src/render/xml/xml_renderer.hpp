// The "xml" format: the release XML writer, as a renderer.
#pragma once

#include "render/renderer.hpp"

namespace pressroom::render {

std::string render_xml(const model::Document& doc, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

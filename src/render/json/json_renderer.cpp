#include "render/json/json_renderer.hpp"

#include "json/release_json.hpp"

namespace pressroom::render {

// The model carries no time, so the JSON has none: SOURCE_DATE_EPOCH
// changes nothing here.
std::string render_json(const model::Document& doc, const Options&, Diagnostics&) { return json::write_release(doc); }

}  // namespace pressroom::render

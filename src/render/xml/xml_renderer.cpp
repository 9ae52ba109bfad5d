#include "render/xml/xml_renderer.hpp"

#include "xml/release_xml.hpp"

namespace pressroom::render {

std::string render_xml(const model::Document& doc, const Options&, Diagnostics&) {
    return xml::write_release(doc);
}

}  // namespace pressroom::render

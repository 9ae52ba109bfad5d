// The "html" format: one standalone, accessible HTML5 page per release.
//
//   <article> with a <header> (agency, office, the release line with the
//   dateline and a <time datetime>, <h1> title, subtitle), the body (h2-h4,
//   p, ul/ol nested from the model's depths, blockquote), and the contacts
//   as <address> elements; lang from the model; schema.org NewsArticle
//   JSON-LD and Open Graph meta in the head; the built-in stylesheet
//   (stylesheet.hpp, print styles included) embedded, then the user's
//   (--css: linked, or embedded with --embed-css).
//
// No script runs and nothing is fetched: the only <script> is the JSON-LD
// data block, and the only reference to another resource is a --css link
// the user asked for. Valid for the Nu HTML Checker, clean for axe-core
// (tests/unit/test_web_check.cpp). Deterministic: no time, no path.
#pragma once

#include "render/renderer.hpp"

namespace pressroom::render {

std::string render_html(const model::Document& doc, const Options& options, Diagnostics& diags);

}  // namespace pressroom::render

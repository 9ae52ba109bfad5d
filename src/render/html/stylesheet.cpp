#include "render/html/stylesheet.hpp"

namespace pressroom::render::html {

namespace {

// Colours are chosen for contrast, not taste: body text 16:1, muted text
// 9:1, links 6:1 and visited links 8:1 on white (WCAG AA asks 4.5:1), and
// rules #767676, the lightest grey that still has 4.5:1. Lengths are in em
// so that the reader's font size scales everything.
constexpr std::string_view page_css = R"css(html {
  background: #ffffff;
  color: #1a1a1a;
}
body {
  margin: 0;
  font-family: Georgia, "Liberation Serif", "DejaVu Serif", serif;
  line-height: 1.55;
  word-wrap: break-word;
}
main {
  display: block;
  max-width: 42em;
  margin: 0 auto;
  padding: 2em 1.25em 3em 1.25em;
}
a { color: #0b57d0; }
a:visited { color: #6a1b9a; }
a:focus { outline: 2px solid #1a1a1a; outline-offset: 2px; }
h1, h2, h3, h4 { line-height: 1.25; }
h1 { font-size: 1.9em; margin: 0.4em 0 0.3em 0; }
h2 { font-size: 1.35em; margin: 1.6em 0 0.5em 0; }
h3 { font-size: 1.15em; margin: 1.3em 0 0.4em 0; }
h4 { font-size: 1em; font-style: italic; margin: 1.1em 0 0.3em 0; }
p { margin: 0 0 0.9em 0; }
ul, ol { margin: 0 0 0.9em 0; padding-left: 1.6em; }
li { margin: 0.25em 0; }
li > ul, li > ol { margin: 0.25em 0 0 0; }
blockquote {
  margin: 0 0 0.9em 0;
  padding-left: 1em;
  border-left: 3px solid #767676;
}
.release-header {
  border-bottom: 1px solid #767676;
  margin: 0 0 1.5em 0;
  padding: 0 0 1em 0;
}
.release-header p { margin: 0; }
.agency {
  font-weight: bold;
  font-variant: small-caps;
  letter-spacing: 0.03em;
}
.release-line { color: #444444; font-size: 0.92em; margin-top: 0.4em; }
.release-header .subtitle { font-size: 1.15em; font-style: italic; }
.contacts {
  border-top: 1px solid #767676;
  margin-top: 2em;
  padding-top: 1em;
  font-size: 0.95em;
}
address { font-style: normal; margin: 0 0 1em 0; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0, 0, 0, 0);
  border: 0;
  white-space: nowrap;
}
@media print {
  html { background: #ffffff; color: #000000; }
  body { font-size: 11pt; line-height: 1.4; }
  main { max-width: none; padding: 0; }
  a, a:visited { color: #000000; }
  a.cite:after { content: " <" attr(href) ">"; font-size: 0.9em; }
  h1, h2, h3, h4 { page-break-after: avoid; page-break-inside: avoid; }
  p, li, blockquote { orphans: 3; widows: 3; }
  .contacts, address, blockquote { page-break-inside: avoid; }
  nav, form { display: none; }
}
)css";

constexpr std::string_view index_css = R"css(main { max-width: 60em; }
.filter {
  margin: 1em 0 1.5em 0;
  padding: 0.75em 1em;
  border: 1px solid #767676;
}
.filter label { font-weight: bold; margin-right: 0.4em; }
.filter input, .filter select {
  font: inherit;
  padding: 0.2em 0.4em;
  margin: 0.2em 1em 0.2em 0;
  border: 1px solid #595959;
  color: #1a1a1a;
  background: #ffffff;
}
.filter p { margin: 0.5em 0 0 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5em 0; }
caption { text-align: left; font-weight: bold; padding: 0.4em 0; }
th, td {
  text-align: left;
  vertical-align: top;
  padding: 0.35em 0.6em 0.35em 0;
  border-bottom: 1px solid #767676;
}
td.date, td.number, td.formats { white-space: nowrap; }
nav ul { list-style: none; padding: 0; margin: 0 0 1em 0; }
nav li { display: inline; margin-right: 1.2em; }
.formats a { margin-right: 0.5em; }
.agencies li { margin: 0.15em 0; }
.failed { color: #8a1c1c; }
[hidden] { display: none; }
)css";

}  // namespace

std::string_view page_stylesheet() { return page_css; }
std::string_view index_stylesheet() { return index_css; }

}  // namespace pressroom::render::html

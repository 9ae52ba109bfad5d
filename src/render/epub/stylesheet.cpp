#include "render/epub/stylesheet.hpp"

#include "base/text.hpp"

#include <algorithm>

namespace pressroom::render::epub {

namespace {

// Reading systems let the reader choose font, size, margins and colours,
// and many override a book's choices anyway. So: every length is in em or
// %, nothing has a width, no colour is set (night modes invert cleanly),
// paragraphs are spaced blocks as in the release itself (not indented
// fiction paragraphs), and hyphenation, widows and orphans are hints in the
// property names the main engines know (-epub- for Adobe RMSDK and Readium,
// -webkit- for Apple Books and Kobo).
constexpr const char* rules = R"css(body {
  margin: 0 2%;
  line-height: 1.45;
  text-align: left;
  -epub-hyphens: auto;
  -webkit-hyphens: auto;
  hyphens: auto;
  widows: 2;
  orphans: 2;
  /* Long URLs must wrap rather than run off a narrow screen. */
  overflow-wrap: break-word;
  word-wrap: break-word;
}

p {
  margin: 0 0 0.75em 0;
  text-indent: 0;
}

h1, h2, h3, h4 {
  line-height: 1.2;
  text-align: left;
  font-weight: bold;
  -epub-hyphens: none;
  -webkit-hyphens: none;
  hyphens: none;
  page-break-after: avoid;
  break-after: avoid;
  page-break-inside: avoid;
  break-inside: avoid;
}

h1 { font-size: 1.6em; margin: 0.6em 0 0.4em 0; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.5em 0; }
h3 { font-size: 1.12em; margin: 1.2em 0 0.4em 0; }
h4 { font-size: 1em; font-style: italic; margin: 1em 0 0.3em 0; }

/* The title block: agency, office, release line, title, subtitle. */
.titlepage {
  margin: 0 0 1.5em 0;
  padding: 0 0 0.8em 0;
  border-bottom: thin solid;
  page-break-inside: avoid;
  break-inside: avoid;
}
.titlepage p { margin: 0; }
.agency {
  font-weight: bold;
  font-variant: small-caps;
  letter-spacing: 0.04em;
  font-size: 1.1em;
}
.office { font-size: 0.95em; }
.titlepage .release-line {
  font-size: 0.85em;
  margin-top: 0.5em;
}
.subtitle {
  font-style: italic;
  font-size: 1.1em;
  line-height: 1.3;
}

ul, ol {
  margin: 0 0 0.75em 0;
  padding-left: 1.6em;
}
li { margin: 0 0 0.3em 0; }
li > ul, li > ol { margin: 0.3em 0 0 0; }

blockquote {
  margin: 0 0 0.75em 1em;
  padding-left: 0.8em;
  border-left: thin solid;
}
blockquote p { margin: 0; }

/* Contacts close the release, set apart and smaller. */
.contacts {
  margin-top: 1.5em;
  padding-top: 0.6em;
  border-top: thin solid;
  font-size: 0.92em;
  page-break-inside: avoid;
  break-inside: avoid;
}
address {
  font-style: normal;
  margin: 0 0 0.75em 0;
}
/* Decoration only: the label is not part of the release's text. */
.contacts:lang(en) address.unlabelled:before {
  content: "Contact";
  display: block;
  font-weight: bold;
}

/* The navigation document. */
nav ol { list-style-type: none; padding-left: 1.2em; margin: 0; }
nav > ol { padding-left: 0; }
nav li { margin: 0.3em 0; }
nav[hidden] { display: none; }
)css";

// A family name as a CSS string: the manifest of a --font-dir is the
// user's, so quotes, backslashes and control characters are dropped.
std::string css_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s)
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) out += c;
    return out + "\"";
}

}  // namespace

std::string stylesheet(const std::vector<FontFace>& faces) {
    std::string css;
    // @font-face rules first; their families, in order, lead the body's
    // font list, with the generic serif last. File names are pressroom's.
    std::vector<std::string> families;
    for (const auto& f : faces) {
        css += "@font-face {\n  font-family: " + css_string(f.family) + ";\n  font-weight: " + f.weight +
               ";\n  font-style: " + f.style + ";\n  src: url(\"" + f.href + "\");\n}\n\n";
        if (std::find(families.begin(), families.end(), css_string(f.family)) == families.end())
            families.push_back(css_string(f.family));
    }
    css += rules;
    families.push_back("serif");
    css += "\nbody { font-family: " + text::join(families, ", ") + "; }\n";
    return css;
}

}  // namespace pressroom::render::epub

// The page design: margins, sizes and greys, in points. One place for the
// typographic decisions, shared by the release layout (page_layout) and the
// anthology's front matter (anthology_layout), so both look like one book.
#pragma once

namespace pressroom::layout {

struct Design {
    double margin_left = 72, margin_right = 72, margin_top = 54, margin_bottom = 66;
    double footer_baseline = 36;   // from the page's bottom edge
    double footer_size = 8.5;
    double footer_gray = 0.35;

    double body_size = 11, body_leading = 13.6, paragraph_space = 6.5;
    double agency_size = 10.5, office_size = 10, masthead_leading = 13;
    double release_size = 9.5, release_gray = 0.25;
    double title_size = 18, title_leading = 21.5;
    double subtitle_size = 12.5, subtitle_leading = 15.5;
    double h1_size = 12.5, h1_leading = 15.5, h1_space = 13;
    double h2_size = 11, h2_leading = 13.6, h2_space = 10;
    double list_indent = 22, list_nest = 18, item_space = 2.5;
    double quote_indent = 28, quote_size = 10.5, quote_leading = 13.2, quote_space = 8;
    double contact_size = 9.5, contact_leading = 12;
};

// Where the baseline of a line of text in `size` sits below the top of its
// `leading`: centred, with the descenders (a fifth of the size) below.
inline double baseline_in(double leading, double size) { return (leading - size) / 2 + 0.8 * size; }

}  // namespace pressroom::layout

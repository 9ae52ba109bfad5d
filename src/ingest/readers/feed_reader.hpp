// Syndication inputs: a release saved as a JSON item (guid, title, author,
// published, content) and RSS 2.0 / Atom feeds. The release text is the
// item's HTML content, read with the HTML reader; the item's fields are
// metadata. A feed with several items yields its first, with a warning.
#pragma once

#include "ingest/source.hpp"
#include "pressroom/diagnostic.hpp"

#include <string>
#include <string_view>

namespace pressroom::ingest {

// True if the bytes are a JSON object.
bool looks_like_json(std::string_view bytes);
// True if the bytes are an RSS or Atom feed.
bool looks_like_feed(std::string_view bytes);

Source read_json_item(std::string_view utf8, const std::string& name, Diagnostics& diags);
Source read_feed(std::string_view bytes, const std::string& name, Diagnostics& diags);

}  // namespace pressroom::ingest

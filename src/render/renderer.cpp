#include "render/renderer.hpp"

#include "base/zip_writer.hpp"
#include "model/check.hpp"
#include "render/docx/docx_renderer.hpp"
#include "render/epub/epub_renderer.hpp"
#include "render/html/html_renderer.hpp"
#include "render/json/json_renderer.hpp"
#include "render/markdown/markdown_renderer.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/text/text_renderer.hpp"
#include "render/xml/xml_renderer.hpp"

#include <array>
#include <chrono>

namespace pressroom::render {

namespace {
const std::array table = {
    Format{"xml", ".xml", "release XML (schemas/release.xsd): the normalized document", &render_xml},
    Format{"txt", ".txt", "plain text, UTF-8, wrapped (--width)", &render_text},
    Format{"pdf", ".pdf", "PDF, typeset with embedded fonts (--paper, --font-dir)", &render_pdf, true},
    Format{"epub", ".epub", "EPUB 3 e-book (EPUBCheck-clean; --embed-fonts)", &render_epub, true},
    Format{"html", ".html", "a standalone, accessible HTML5 page (NewsArticle JSON-LD, Open Graph; --css)",
           &render_html},
    Format{"md", ".md", "Markdown (CommonMark) with YAML front matter, for Hugo and Jekyll", &render_markdown},
    Format{"docx", ".docx", "a Word document (heading styles, Word lists, links, core properties)", &render_docx, true},
    Format{"json", ".json", "the document model as JSON (schemas/release.schema.json); convert reads it back",
           &render_json},
};
}  // namespace

std::span<const Format> formats() { return table; }

const Format* find_format(std::string_view name) {
    for (const auto& f : table)
        if (f.name == name) return &f;
    if (name == "text") return find_format("txt");
    if (name == "markdown") return find_format("md");
    return nullptr;
}

std::int64_t output_time(const model::Metadata& meta, const Options& options) {
    if (options.source_date_epoch) return *options.source_date_epoch;
    if (model::is_iso_date(meta.date)) {
        using namespace std::chrono;
        const auto& d = meta.date;
        year_month_day ymd{year{std::stoi(d.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(d.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(d.substr(8, 2)))}};
        auto secs = sys_days{ymd}.time_since_epoch();
        return duration_cast<seconds>(secs).count();
    }
    return earliest_zip_time;
}

}  // namespace pressroom::render

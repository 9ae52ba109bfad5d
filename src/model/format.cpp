#include "model/format.hpp"

#include "model/check.hpp"
#include "model/document.hpp"

namespace pressroom::model {

std::string long_date(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    return std::string(month_names[static_cast<std::size_t>(m - 1)]) + " " + std::to_string(d) + ", " +
           std::to_string(y);
}

std::string shown_address(const Span& link) {
    if (link.kind != Span::Kind::link || link.href.empty()) return {};
    const std::string& t = link.text;
    if (t.rfind("http://", 0) == 0 || t.rfind("https://", 0) == 0 || t.rfind("www.", 0) == 0 ||
        t.find('@') != std::string::npos)
        return {};
    std::string address = link.href.rfind("mailto:", 0) == 0 ? link.href.substr(7) : link.href;
    return address == t ? std::string() : address;
}

std::string release_line(const Document& doc, const std::string& separator) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += separator;
        out += part;
    };
    add(doc.meta.kind);
    if (!doc.meta.release_number.empty()) add("No. " + doc.meta.release_number);
    add(long_date(doc.meta.date));
    return out;
}

}  // namespace pressroom::model

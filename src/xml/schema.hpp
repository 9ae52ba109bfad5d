// XSD validation against pressroom's embedded schemas.
#pragma once

#include "xml/libxml.hpp"

#include <string_view>
#include <vector>

namespace pressroom::xml {

inline constexpr const char* release_namespace = "urn:pressroom:release:1";
inline constexpr const char* rules_namespace = "urn:pressroom:rules:1";

// A compiled schema, shared read-only between threads.
class Schema {
public:
    // The embedded schemas/release.xsd and schemas/rules.xsd, compiled on first use.
    static const Schema& release();
    static const Schema& rules();

    // Every violation, with its line. Empty when the document is valid.
    std::vector<XmlIssue> validate(xmlDoc* doc) const;

private:
    explicit Schema(std::string_view embedded_name);
    SchemaPtr schema_;
};

}  // namespace pressroom::xml

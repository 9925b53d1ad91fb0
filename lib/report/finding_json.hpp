// One finding as a JSON object, as CONTRACT.md fixes it; shared by the JSON and JSON Lines
// reports so that both always carry the same fields in the same order.
#pragma once

#include "report/finding.hpp"

#include <nlohmann/json.hpp>

namespace waudit::report {

using Json = nlohmann::ordered_json;  // keeps CONTRACT.md's key order

Json finding_json(const Finding& finding);

// Serialises without failing on invalid UTF-8 in names (shown as U+FFFD).
std::string dump_json(const Json& json, int indent);

}  // namespace waudit::report

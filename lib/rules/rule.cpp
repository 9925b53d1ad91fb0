#include "rules/rule.hpp"

#include <array>
#include <utility>

namespace waudit::rules {
namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 5> kSeverityNames{{
    {Severity::info, "info"},
    {Severity::low, "low"},
    {Severity::medium, "medium"},
    {Severity::high, "high"},
    {Severity::critical, "critical"},
}};

}  // namespace

std::string_view to_string(Severity severity) {
  for (const auto& [value, name] : kSeverityNames) {
    if (value == severity) {
      return name;
    }
  }
  return "unknown";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (const auto& [value, name] : kSeverityNames) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

Severity lowered(Severity severity) {
  return severity == Severity::info ? severity
                                    : static_cast<Severity>(static_cast<int>(severity) - 1);
}

std::optional<ContextScope> parse_context_scope(std::string_view text) {
  if (text == "message-or-previous") {
    return ContextScope::message_or_previous;
  }
  if (text == "message") {
    return ContextScope::message;
  }
  if (text == "previous") {
    return ContextScope::previous;
  }
  return std::nullopt;
}

}  // namespace waudit::rules

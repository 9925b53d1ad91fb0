#include "report/finding.hpp"

#include <algorithm>
#include <tuple>

namespace waudit::report {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::existing:
      return "existing";
    case Status::fixed:
      return "fixed";
    case Status::new_:
      break;
  }
  return "new";
}

namespace {

// Database rows are entries like "message/9" and "message/10": their ids compare as numbers
// (shorter digit strings first), so rows come out in id order; other entries as strings.
struct EntryKey {
  std::string_view prefix;
  std::size_t digits = 0;  // length of a trailing run of digits
  std::string_view text;

  // The view must point into the finding, not into a temporary string.
  explicit EntryKey(const std::optional<std::string>& entry)
      : text(entry ? std::string_view(*entry) : std::string_view()) {
    const std::size_t last = text.find_last_not_of("0123456789");
    digits = last == std::string_view::npos ? text.size() : text.size() - last - 1;
    prefix = text.substr(0, text.size() - digits);
  }

  friend bool operator<(const EntryKey& a, const EntryKey& b) {
    return std::tie(a.prefix, a.digits, a.text) < std::tie(b.prefix, b.digits, b.text);
  }
};

}  // namespace

bool comes_before(const Finding& a, const Finding& b) {
  // A missing entry, line or column sorts first (std::optional's order).
  const bool has_a = a.location.entry.has_value();
  const bool has_b = b.location.entry.has_value();
  const EntryKey entry_a(a.location.entry);
  const EntryKey entry_b(b.location.entry);
  return std::tie(a.location.path, has_a, entry_a, a.location.line, a.location.column, a.rule) <
         std::tie(b.location.path, has_b, entry_b, b.location.line, b.location.column, b.rule);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), comes_before);
}

}  // namespace waudit::report

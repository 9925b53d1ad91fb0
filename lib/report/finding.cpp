#include "report/finding.hpp"

#include <algorithm>
#include <tuple>

namespace waudit::report {

void sort_findings(std::vector<Finding>& findings) {
  // A missing entry, line or column sorts first (std::optional's order).
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.path, a.location.entry, a.location.line, a.location.column, a.rule) <
           std::tie(b.location.path, b.location.entry, b.location.line, b.location.column, b.rule);
  });
}

}  // namespace waudit::report

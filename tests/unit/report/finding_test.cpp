#include "report/finding.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("report");

namespace {

waudit::report::Finding at(std::optional<std::string> entry, std::uint64_t column) {
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.location = {"msgstore.db", std::move(entry), std::nullopt, column};
  return finding;
}

}  // namespace

TEST_CASE("report::sort_findings orders database rows by their id as a number") {
  std::vector<waudit::report::Finding> findings{at("message/10", 1), at("message/9", 5),
                                                at("message/9", 2), at(std::nullopt, 1),
                                                at("_chat.txt", 1)};
  waudit::report::sort_findings(findings);
  std::vector<std::string> order;
  for (const auto& finding : findings) {
    order.push_back(finding.location.entry.value_or("-") + ":" +
                    std::to_string(*finding.location.column));
  }
  CHECK(order == std::vector<std::string>{"-:1", "_chat.txt:1", "message/9:2", "message/9:5",
                                          "message/10:1"});
}

TEST_SUITE_END();

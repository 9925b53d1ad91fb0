// The JSON document of CONTRACT.md (schema waudit-findings/1), written at finish because its
// inputs and summary, which stand before and after the findings, are complete only then. Each
// finding is rendered as it comes into a spill file (report/spooled_json.hpp); only the inputs'
// reports stay in memory. Message text is never kept.
#pragma once

#include "report/sink.hpp"
#include "report/spooled_json.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace waudit::report {

class JsonSink final : public Sink {
 public:
  JsonSink(std::ostream& out, std::string tool_version);
  void input(const InputReport& input) override;
  void findings(std::span<const Finding> batch) override;
  // Written as the top-level `fixed` list, which only a report with a baseline has.
  void fixed(std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  std::ostream& out_;
  std::string tool_version_;
  std::vector<InputReport> inputs_;
  SpooledJsonArray findings_{2};
  std::optional<SpooledJsonArray> fixed_;  // nullopt: no baseline
};

}  // namespace waudit::report

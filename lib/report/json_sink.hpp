// The JSON document of CONTRACT.md (schema waudit-findings/1), written at finish because its
// summary is known only then. Findings are buffered; message text never is.
#pragma once

#include "report/sink.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace waudit::report {

class JsonSink final : public Sink {
 public:
  JsonSink(std::ostream& out, std::string tool_version);
  void input(const InputReport& input, std::span<const Finding> findings) override;
  // Written as the top-level `fixed` list, which only a report with a baseline has.
  void fixed(std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  std::ostream& out_;
  std::string tool_version_;
  std::vector<InputReport> inputs_;
  std::vector<Finding> findings_;
  std::optional<std::vector<Finding>> fixed_;  // nullopt: no baseline
};

}  // namespace waudit::report

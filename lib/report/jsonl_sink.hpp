// JSON Lines: one finding object per line, written as findings arrive, for tools that stream
// (jq, log shippers). Same fields and order as the JSON report's findings.
#pragma once

#include "report/sink.hpp"

#include <ostream>

namespace waudit::report {

class JsonlSink final : public Sink {
 public:
  explicit JsonlSink(std::ostream& out) : out_(out) {}

  void input(const InputReport& input) override;
  void findings(std::span<const Finding> batch) override;
  void fixed(std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  std::ostream& out_;
};

}  // namespace waudit::report

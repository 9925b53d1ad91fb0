// Human-readable report for a terminal: grouped by input and chat, one finding per line.
#pragma once

#include "report/sink.hpp"

#include <ostream>

namespace waudit::report {

class TextSink final : public Sink {
 public:
  explicit TextSink(std::ostream& out) : out_(out) {}

  void input(const InputReport& input, std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  std::ostream& out_;
  bool first_input_ = true;
};

}  // namespace waudit::report

// Where a report goes. The scan pushes the rules once, then each input with its findings
// (already sorted), then the summary; a sink writes as it goes (text) or at finish (JSON,
// which needs the summary).
#pragma once

#include "report/finding.hpp"

#include <span>

namespace waudit::report {

class Sink {
 public:
  virtual ~Sink() = default;
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  Sink(Sink&&) = delete;
  Sink& operator=(Sink&&) = delete;

  // The rules of this scan, once, before the first input; for formats that describe every
  // rule (SARIF). The default ignores them.
  virtual void rules(std::span<const rules::Rule> /*all*/) {}

  virtual void input(const InputReport& input, std::span<const Finding> findings) = 0;

  // Compared with a baseline (--baseline): the baseline's findings that this run no longer
  // has, status fixed, once after the last input and before finish. Not called without a
  // baseline. The default ignores them.
  virtual void fixed(std::span<const Finding> /*findings*/) {}

  virtual void finish(const Summary& summary) = 0;
};

}  // namespace waudit::report

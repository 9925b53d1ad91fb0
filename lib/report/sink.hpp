// Where a report goes. The scan pushes the rules once, then each input followed by its findings
// (sorted, in batches), then the summary. A sink writes as it goes; one whose format puts the
// summary or the inputs first (JSON, SARIF, XLSX) spools what it has rendered and assembles the
// document at finish, so that no sink holds a run's findings in memory.
#pragma once

#include "report/finding.hpp"

#include <span>

namespace waudit::report {

// yes: a last column `status` (new, existing, fixed), for a scan compared with a baseline.
enum class StatusColumn { no, yes };

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

  // Each input once, in input order, before its findings.
  virtual void input(const InputReport& input) = 0;

  // The findings of the input last given to input(), sorted, in one or more batches.
  virtual void findings(std::span<const Finding> batch) = 0;

  // Compared with a baseline (--baseline): the baseline's findings that this run no longer
  // has, status fixed, once after the last input and before finish. Not called without a
  // baseline. The default ignores them.
  virtual void fixed(std::span<const Finding> /*findings*/) {}

  virtual void finish(const Summary& summary) = 0;
};

}  // namespace waudit::report

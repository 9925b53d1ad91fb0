// Several reports from one scan (`--output json=report.json --output csv=findings.csv`):
// the rules, every input and its findings, the fixed findings and the summary go to each sink in
// turn.
#pragma once

#include "report/sink.hpp"

#include <memory>
#include <vector>

namespace waudit::report {

class TeeSink final : public Sink {
 public:
  explicit TeeSink(std::vector<std::unique_ptr<Sink>> sinks) : sinks_(std::move(sinks)) {}

  void rules(std::span<const rules::Rule> all) override {
    for (const auto& sink : sinks_) {
      sink->rules(all);
    }
  }

  void input(const InputReport& input) override {
    for (const auto& sink : sinks_) {
      sink->input(input);
    }
  }

  void findings(std::span<const Finding> batch) override {
    for (const auto& sink : sinks_) {
      sink->findings(batch);
    }
  }

  void fixed(std::span<const Finding> findings) override {
    for (const auto& sink : sinks_) {
      sink->fixed(findings);
    }
  }

  void finish(const Summary& summary) override {
    for (const auto& sink : sinks_) {
      sink->finish(summary);
    }
  }

 private:
  std::vector<std::unique_ptr<Sink>> sinks_;
};

}  // namespace waudit::report

// Human-readable report for a terminal: grouped by input and chat, one finding per line.
#pragma once

#include "report/sink.hpp"

#include <optional>
#include <ostream>
#include <string>

namespace waudit::report {

// on: severities in ANSI colours, for a terminal (the caller decides: audit/terminal.hpp).
enum class Color { off, on };

class TextSink final : public Sink {
 public:
  explicit TextSink(std::ostream& out, Color color = Color::off) : out_(out), color_(color) {}

  void input(const InputReport& input) override;
  void findings(std::span<const Finding> batch) override;
  // A "Fixed since the baseline: PATH" block per path, after the inputs' blocks.
  void fixed(std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  // The chat (and archive entry) whose heading was written last in the current block.
  struct Group {
    std::optional<std::string> entry;
    std::string chat;
  };

  // One line per finding, under a heading per chat (and archive entry); a batch goes on with
  // the group of the one before it.
  void write_findings(std::span<const Finding> findings);

  std::ostream& out_;
  Color color_;
  bool first_input_ = true;
  std::optional<Group> group_;  // nullopt: a block begins, the next finding gets a heading
};

}  // namespace waudit::report

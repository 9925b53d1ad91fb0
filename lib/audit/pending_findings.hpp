// A chat's findings before the end of the chat: their timestamps and fingerprints wait for the
// date order, which only the whole file decides (chat/date_order.hpp). A few thousand are kept
// in memory; the rest wait in a SpillFile, so a chat of any size holds a bounded number.
#pragma once

#include "chat/header.hpp"
#include "report/finding.hpp"
#include "report/spill_file.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace waudit::audit {

// A finding whose time is known only as written, until the file's date order is decided.
struct PendingFinding {
  report::Finding finding;
  std::string normalized;  // the value as fingerprinted
  std::optional<std::pair<chat::DateFields, chat::TimeOfDay>> written_time;
};

class PendingFindings {
 public:
  static constexpr std::size_t kDefaultInMemory = 4096;

  explicit PendingFindings(std::size_t in_memory = kDefaultInMemory) : in_memory_(in_memory) {}

  void add(PendingFinding pending);

  // Hands every pending finding to `take`, in the order they were added, and forgets them.
  void drain(const std::function<void(PendingFinding&)>& take);

 private:
  void spill();

  std::size_t in_memory_;
  std::vector<PendingFinding> memory_;  // added after those in spill_
  std::optional<report::SpillFile> spill_;
};

}  // namespace waudit::audit

// The built-in detectors run over every message of an export. A finding in text WhatsApp
// wrote (a header pasted into a message, a notice, a media file name) is a false positive by
// construction; so is any finding of the financial rules, since no fixture holds an IBAN or a
// card number. Each becomes a difference of field `finding` at waudit's message index.
#pragma once

#include "comparison.hpp"
#include "detect/detector.hpp"
#include "exported_chat.hpp"

#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace waudit::conformance {

class FindingCheck {
 public:
  [[nodiscard]] static tl::expected<FindingCheck, std::string> create();

  std::vector<Difference> check(const ExportedChat& chat) const;

 private:
  explicit FindingCheck(detect::Detector detector) : detector_(std::move(detector)) {}

  detect::Detector detector_;
};

}  // namespace waudit::conformance

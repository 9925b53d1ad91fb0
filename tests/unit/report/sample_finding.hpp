// The finding the report sink tests write: CONTRACT.md's example, masked.
#pragma once

#include "report/finding.hpp"

inline waudit::report::Finding sample_finding() {
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.category = "financial";
  finding.severity = waudit::rules::Severity::high;
  finding.location = {"exports/chat.zip", "WhatsApp Chat mit Max.txt", 42, 17};
  finding.chat = "Max";
  finding.sender = "Max Mustermann";
  finding.timestamp = "2023-04-15T14:03:00";
  finding.match = "DE89 **** **** **** **30 00";
  finding.fingerprint = "9f2c";
  finding.confidence = 0.95;
  return finding;
}

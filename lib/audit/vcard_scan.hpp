// Contact cards (.vcf) attached to a chat: read as text, line by line, and scanned by the same
// detectors as messages. A card is personal data by itself; what matters here is what the
// detectors find in it (an IBAN or card number in a NOTE field, say). Folded lines (RFC 6350
// 3.2) and QUOTED-PRINTABLE values are scanned as written, not unfolded or decoded.
#pragma once

#include "audit/chat_scan.hpp"
#include "diagnostics.hpp"
#include "input/byte_source.hpp"
#include "report/finding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waudit::audit {

// What the findings of one card carry besides their location.
struct CardContext {
  std::string chat;
  std::string attachment;                // the card's file name
  std::optional<std::string> sender;     // of the first message naming the card, if any
  std::optional<std::string> timestamp;  // of that message
};

struct CardResult {
  std::vector<report::Finding> findings;
  std::uint64_t allowlisted = 0;    // findings left out: their value is allowed
  std::vector<std::string> errors;  // already reported to the diagnostics
};

// Scans the UTF-8 text of one card; `origin` names the card's entry. Findings get the card's
// line numbers and code-point columns.
CardResult scan_vcard(input::ByteSource& source, const Origin& origin, const CardContext& context,
                      const ScanSettings& settings);

}  // namespace waudit::audit

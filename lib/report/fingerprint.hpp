// Finding fingerprints: stable across runs and edits elsewhere in the file (no line numbers),
// and keyed, so that nobody without the key can find a tax id by hashing all of them.
#pragma once

#include <string>
#include <string_view>

namespace waudit::report {

// The documented default key; a real audit sets its own (WAUDIT_FINGERPRINT_KEY).
inline constexpr std::string_view kDefaultFingerprintKey = "waudit-fingerprint-v1";

struct FingerprintInput {
  std::string_view rule;
  std::string_view normalized_value;
  std::string_view chat;
  std::string_view timestamp;  // ISO local time, empty when unknown
};

// HMAC-SHA-256 over the fields (length-prefixed, so no two inputs collide by concatenation),
// as 32 lower-case hex digits (the first 128 bits).
std::string fingerprint(std::string_view key, const FingerprintInput& input);

}  // namespace waudit::report

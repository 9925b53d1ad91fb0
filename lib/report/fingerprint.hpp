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
  std::string_view timestamp;  // ISO local time, empty when unknown; only its minute counts
};

// HMAC-SHA-256 over the fields (length-prefixed, so no two inputs collide by concatenation),
// as 32 lower-case hex digits (the first 128 bits).
//
// The timestamp goes in cut to the minute ("2023-04-15T14:03"), for every source: Android
// exports write minutes only, iOS exports and phone databases the second, and the same message
// must fingerprint the same in all of them. The price: one value sent twice in one chat within
// the same minute gives one fingerprint, which baselines and ignore files then treat as one.
std::string fingerprint(std::string_view key, const FingerprintInput& input);

}  // namespace waudit::report

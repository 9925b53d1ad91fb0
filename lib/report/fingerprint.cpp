#include "report/fingerprint.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cstdint>

namespace waudit::report {
namespace {

// Each field goes in as 8-byte length, then bytes, so ("ab","c") and ("a","bc") differ.
void append_field(std::string& message, std::string_view field) {
  std::uint64_t length = field.size();
  for (int i = 0; i < 8; ++i) {
    message += static_cast<char>(length & 0xFFU);
    length >>= 8U;
  }
  message.append(field);
}

// "YYYY-MM-DDTHH:MM:SS" -> "YYYY-MM-DDTHH:MM"; anything shorter stays as it is.
std::string_view to_minute(std::string_view timestamp) {
  constexpr std::size_t kMinuteLength = 16;
  return timestamp.substr(0, kMinuteLength);
}

}  // namespace

std::string fingerprint(std::string_view key, const FingerprintInput& input) {
  std::string message;
  for (const std::string_view field :
       {input.rule, input.normalized_value, input.chat, to_minute(input.timestamp)}) {
    append_field(message, field);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(),
       &digest_length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (std::size_t i = 0; i < 16 && i < digest_length; ++i) {
    hex += kHex[digest[i] >> 4U];
    hex += kHex[digest[i] & 0x0FU];
  }
  return hex;
}

}  // namespace waudit::report

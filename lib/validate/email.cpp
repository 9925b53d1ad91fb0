#include "validate/email.hpp"

#include <algorithm>
#include <array>

namespace waudit::validate {

namespace {

// The domain of a valid address keeps at least "X" + "YZ" of "x.yz"; a shorter one is what
// remains when the detector cuts a rejected address before its last dot ("...@g.us" ->
// "...@g").
constexpr std::size_t kMinDomain = 3;

// s.whatsapp.net (users), c.us (the same, older clients), g.us (groups), broadcast lists;
// also as the detector retries them cut before the last dot ("...@s.whatsapp").
constexpr std::array<std::string_view, 7> kWhatsAppDomains = {
    "SWHATSAPPNET", "SWHATSAPP", "CWHATSAPPNET", "CWHATSAPP", "GUS", "CUS", "BROADCAST"};

bool is_whatsapp_domain(std::string_view domain) {
  return std::ranges::find(kWhatsAppDomains, domain) != kWhatsAppDomains.end();
}

// "logo@2x.png", "foto@home.jpg": file names of retina images and the like. None of these
// extensions is a top-level domain.
constexpr std::array<std::string_view, 8> kFileExtensions = {"PNG",  "JPG",  "JPEG", "GIF",
                                                             "WEBP", "HEIC", "PDF",  "OPUS"};

bool is_file_name(std::string_view domain) {
  return std::ranges::any_of(
      kFileExtensions, [&](std::string_view extension) { return domain.ends_with(extension); });
}

}  // namespace

bool email(std::string_view normalized) {
  const std::size_t at = normalized.find('@');
  if (at == std::string_view::npos || at == 0 ||
      normalized.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = normalized.substr(at + 1);
  return domain.size() >= kMinDomain && !is_whatsapp_domain(domain) && !is_file_name(domain);
}

}  // namespace waudit::validate

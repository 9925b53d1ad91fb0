// The German alphabet for document numbers leaves out A B D E I O Q S U, which are easily
// confused with digits or each other, so a typed number is checked against it. Nine
// characters alone have no checksum: the rule that uses this validator requires context.
// Presidio reads the 9th printed character as a check digit; it is not one (the specimen
// L01X00T47 fails that test), the check digit appears only as the 10th character of the MRZ.
#include "validate/id_document.hpp"

#include "validate/icao_mrz.hpp"

#include <algorithm>
#include <cstddef>

namespace waudit::validate {

namespace {

constexpr std::string_view kAlphabet = "0123456789CFGHJKLMNPRTVWXYZ";
constexpr std::string_view kFirstCharacters = "CFGHJKLMNPRTVWXY";  // passport, then ID card
constexpr std::size_t kNumberLength = 9;

bool in_alphabet(char c) {
  return kAlphabet.find(c) != std::string_view::npos;
}

}  // namespace

bool de_document_number(std::string_view normalized) {
  if (normalized.size() != kNumberLength && normalized.size() != kNumberLength + 1) {
    return false;
  }
  const std::string_view number = normalized.substr(0, kNumberLength);
  if (kFirstCharacters.find(number.front()) == std::string_view::npos ||
      !std::ranges::all_of(number, in_alphabet)) {
    return false;
  }
  return normalized.size() == kNumberLength || icao_check_digit(number) == normalized.back();
}

bool id_document(std::string_view normalized) {
  return normalized.size() <= kNumberLength + 1 ? de_document_number(normalized)
                                                : icao_mrz(normalized);
}

}  // namespace waudit::validate

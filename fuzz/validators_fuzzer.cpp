// Runs the checksum validators on arbitrary strings and compares them with the definitions
// they implement. Checked: iban(x) implies the registry length of x's country and a
// rearranged number that is 1 mod 97 (ISO 13616); payment_card(x) implies luhn(x) and a card
// scheme; luhn agrees with a plain reference implementation; no validator crashes.
#include "property.hpp"
#include "text/value_normalize.hpp"
#include "validate/iban.hpp"
#include "validate/payment_card.hpp"
#include "validate/registry.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace waudit::fuzz {
namespace {

// Luhn as ISO/IEC 7812-1 annex B states it, written independently of lib/validate/luhn.cpp.
bool reference_luhn(std::string_view digits) {
  if (digits.size() < 2) {
    return false;
  }
  int sum = 0;
  bool doubled = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    if (digits[i] < '0' || digits[i] > '9') {
      return false;
    }
    const int digit = digits[i] - '0';
    sum += doubled ? (digit * 2) / 10 + (digit * 2) % 10 : digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

// ISO 13616: country and check digits moved behind the BBAN, letters as 10..35, mod 97.
int reference_iban_remainder(std::string_view iban) {
  const std::string moved = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  int remainder = 0;
  for (const char c : moved) {
    const int value = c >= 'A' ? c - 'A' + 10 : c - '0';
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

bool is_iban_alphabet(std::string_view text) {
  return std::ranges::all_of(
      text, [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

void check_iban(std::string_view text) {
  if (!validate::iban(text)) {
    return;
  }
  const auto country = validate::find_iban_country(text.substr(0, 2));
  require(country.has_value(), "a valid IBAN's country is in the registry");
  require(text.size() == static_cast<std::size_t>(country->length),
          "a valid IBAN has its country's registry length");
  require(validate::matches_bban_structure(text.substr(4), country->structure),
          "a valid IBAN's BBAN has the registry structure");
  require(is_iban_alphabet(text), "a valid IBAN holds only 0-9 and A-Z");
  require(reference_iban_remainder(text) == 1, "a valid IBAN is 1 mod 97");
  require(text.substr(2, 2) != "00" && text.substr(2, 2) != "01" && text.substr(2, 2) != "99",
          "check digits 00, 01 and 99 are never valid");
}

void check_card(std::string_view text) {
  const bool luhn = validate::luhn(text);
  require(luhn == reference_luhn(text), "luhn agrees with the reference implementation");
  if (validate::payment_card(text)) {
    require(luhn, "payment_card(x) implies luhn(x)");
    require(!validate::card_scheme(text).empty(), "a valid card number has a scheme");
  }
}

void check_all_validators(std::string_view text) {
  for (const std::string_view name : validate::validator_names()) {
    const validate::Validator validator = validate::find_validator(name);
    require(validator != nullptr, "every listed validator name resolves");
    static_cast<void>(validator(text));
  }
}

}  // namespace
}  // namespace waudit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waudit;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands out bytes
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string normalized = text::normalize_value(input);
  for (const std::string_view text : {input, std::string_view(normalized)}) {
    fuzz::check_iban(text);
    fuzz::check_card(text);
    fuzz::check_all_validators(text);
  }
  // A BBAN structure from the input too: the part after the first NUL byte.
  if (const std::size_t split = input.find('\0'); split != std::string_view::npos) {
    static_cast<void>(
        validate::matches_bban_structure(input.substr(0, split), input.substr(split + 1)));
    const std::string digits =
        validate::iban_check_digits(input.substr(0, 2), input.substr(split + 1));
    fuzz::require(digits.empty() || (digits.size() == 2 && digits >= "02" && digits <= "98"),
                  "check digits are empty or 02..98");
  }
  return 0;
}

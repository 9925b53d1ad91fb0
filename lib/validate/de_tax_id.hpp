// German tax identification number (steuerliche Identifikationsnummer, § 139b AO) as the
// BZSt specifies it for ELSTER; see shared/design/research/detectors.md section 3.3.
#pragma once

#include <optional>
#include <string_view>

namespace waudit::validate {

// The ISO 7064 MOD 11,10 check digit ('0'-'9') of a string of ASCII digits; nullopt for an
// empty string or any other character.
std::optional<char> mod_11_10_check_digit(std::string_view digits);

// The repetition rule on digits 1-10: exactly one digit occurs twice or three times, every
// other digit at most once, and a digit that occurs three times never does so on three
// consecutive positions. IDs issued before 2016 have a doubled digit, later ones may have a
// tripled one; both are accepted. False for anything but 10 ASCII digits.
bool de_tax_id_digit_rule(std::string_view first_ten);

// `normalized`: digits only. 11 digits, the first not 0 (a leading 0 marks a test ID), the
// repetition rule, and the MOD 11,10 check digit.
bool de_tax_id(std::string_view normalized);

}  // namespace waudit::validate

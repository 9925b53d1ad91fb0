// German pension insurance number (Rentenversicherungsnummer, also called
// Sozialversicherungsnummer; § 147 SGB VI and the VKVV), see
// shared/design/research/detectors.md section 3.4. 12 characters: area number (2 digits),
// birth date DDMMYY (day + 50 as a marker when needed), first letter of the birth surname,
// serial number (2 digits, 00-49 male, 50-99 female) and a check digit.
#pragma once

#include <optional>
#include <string_view>

namespace waudit::validate {

// The check digit ('0'-'9') for the first 11 characters (8 digits, a letter A-Z, 2 digits);
// nullopt when they do not have that shape.
std::optional<char> de_social_security_number_check_digit(std::string_view first_eleven);

// `normalized`: upper-case, no separators. The shape above, day 01-31 or 51-81, month 01-12,
// and the check digit.
bool de_social_security_number(std::string_view normalized);

}  // namespace waudit::validate

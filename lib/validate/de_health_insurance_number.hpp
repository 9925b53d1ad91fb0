// German health insurance number (Krankenversichertennummer, KVNR, § 290 SGB V), the
// unchangeable part printed on the health card (eGK); see shared/design/research/detectors.md
// section 3.5. 10 characters: a letter, 8 digits and a check digit.
#pragma once

#include <optional>
#include <string_view>

namespace waudit::validate {

// The check digit ('0'-'9') for the first 9 characters (a letter A-Z and 8 digits); nullopt
// when they do not have that shape.
std::optional<char> de_health_insurance_number_check_digit(std::string_view first_nine);

// `normalized`: upper-case, no separators. A letter, 8 digits and the right check digit.
bool de_health_insurance_number(std::string_view normalized);

}  // namespace waudit::validate

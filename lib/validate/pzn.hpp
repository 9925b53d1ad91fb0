// Pharmazentralnummer (PZN), the German article number of a medicine or pharmacy product,
// printed on every package and on prescriptions; see shared/design/research/detectors.md
// section 3.12. A PZN in a chat says which medicine someone takes: health data.
#pragma once

#include <optional>
#include <string_view>

namespace waudit::validate {

// The check digit ('0'-'9') of the first 7 digits: the sum of digit i times i (i = 1..7)
// mod 11. nullopt when the remainder is 10 (such numbers are never issued) or `first_seven`
// is not 7 ASCII digits.
std::optional<char> pzn_check_digit(std::string_view first_seven);

// `normalized`: digits only. 8 digits ending in the right check digit. The 7-digit PZN used
// before 2013 is not accepted: it reads as an 8-digit one with a leading 0.
bool pzn(std::string_view normalized);

}  // namespace waudit::validate

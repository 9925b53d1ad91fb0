// Machine readable zones of travel documents per ICAO Doc 9303 (parts 3-6): TD1 (3 lines of
// 30, ID cards such as the German Personalausweis), TD2 (2 x 36) and TD3 (2 x 44, passports);
// see shared/design/research/detectors.md section 3.6. Visas (MRV-A/B) have no composite
// check digit and are not accepted.
#pragma once

#include <optional>
#include <string_view>

namespace waudit::validate {

// The ICAO 9303 check digit ('0'-'9') of an MRZ field: digits count their value, A-Z 10-35,
// the filler '<' 0, weighted 7, 3, 1 repeating, sum mod 10. nullopt for other characters.
std::optional<char> icao_check_digit(std::string_view field);

// `normalized`: the MRZ lines one after the other, with or without the line breaks ('\n',
// '\r') between them; characters A-Z, 0-9 and '<'. True when the layout's document code fits
// (TD1 and TD2: A, C or I; TD3: P) and every check digit is right: document number, birth
// date, expiry date, the personal number (TD3) and the composite one.
bool icao_mrz(std::string_view normalized);

}  // namespace waudit::validate

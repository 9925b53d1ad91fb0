// BIC (SWIFT code) per ISO 9362: 4 letters for the institution, the ISO 3166-1 country, 2
// letters or digits for the location, and optionally 3 for the branch ("XXX" = head office).
// A BIC has no check digit, so the country is the only thing to validate; an upper-case word
// such as "DRINGEND" (DRIN + GE + ND) passes, which is why the rule requires context.
#pragma once

#include <string_view>

namespace waudit::validate {

// Whether `code` is an ISO 3166-1 alpha-2 country code (upper case), or XK, which SWIFT and
// the IBAN registry use for Kosovo.
bool is_country_code(std::string_view code);

// `normalized`: upper-case, no separators. 8 or 11 characters of the ISO 9362 layout with a
// known country code.
bool bic(std::string_view normalized);

}  // namespace waudit::validate

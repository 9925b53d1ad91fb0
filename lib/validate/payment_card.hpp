// Payment card numbers (PAN): Luhn check plus an issuer prefix (IIN) and a length that the
// issuer uses. Luhn alone passes one random number in ten, so the scheme check matters.
#pragma once

#include <string_view>

namespace waudit::validate {

// Luhn (ISO/IEC 7812-1 annex B) over a string of ASCII digits; false for anything else or
// for fewer than two digits.
bool luhn(std::string_view digits);

// The card scheme whose prefix and length the number has: "visa", "mastercard", "amex",
// "maestro", "girocard", "discover", "jcb", "diners", "unionpay"; empty when none.
// Specific schemes are tried before Maestro's broad 5x/6x range.
std::string_view card_scheme(std::string_view digits);

// `normalized`: digits only. Luhn-valid and a known scheme with one of its lengths.
// 13-digit Visa numbers are not accepted: they collide with EAN-13 barcodes and
// phone numbers written without '+'.
bool payment_card(std::string_view normalized);

}  // namespace waudit::validate

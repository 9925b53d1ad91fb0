// Phone numbers, checked against libphonenumber's numbering plans. German first: a number
// without a country code is read as German (also Austrian, Swiss or British when it is not a
// German one), and a ten-digit number without a trunk 0 as North American.
#pragma once

#include <string>
#include <string_view>

namespace waudit::validate {

// `number`: a normalized value ("+4915123456789", "(030)12345678") or a number as a contact
// name shows it ("+49 151 23456789"). True when
//   - it carries a country code (+ or 00) and has a length that country's plan allows
//     (IsPossibleNumber: also the reserved drama and test ranges, which are phone numbers to
//     a reader even though IsValidNumber rejects them), or
//   - it starts with the trunk prefix 0, has 9 to 13 digits and is a valid number in DE, AT,
//     CH or GB, or
//   - it is a valid North American number of 10 digits (11 with the leading 1).
// Values that read as a date (DDMMYYYY, MMDDYYYY) are rejected: German numbering is open enough
// that libphonenumber accepts them (libphonenumber issue #708).
bool phone(std::string_view number);

// The number in E.164 ("+4915123456789") when phone(number) accepts it, else empty: the same
// number typed as "+49 151 2345 6789" and "0151 23456789" gives the same text, for
// fingerprints and allow-lists.
std::string phone_in_e164(std::string_view number);

}  // namespace waudit::validate

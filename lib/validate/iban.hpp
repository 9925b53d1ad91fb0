// IBAN per ISO 13616: the country must be in the SWIFT IBAN registry, the length and BBAN
// structure must be the registry's, and the check digits are recomputed (ISO 7064 MOD 97-10).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace waudit::validate {

// One line of the SWIFT IBAN registry.
struct IbanCountry {
  std::string_view code;       // "DE"
  int length = 0;              // total IBAN length, 22 for DE
  std::string_view structure;  // BBAN structure in registry notation, "8!n10!n"
};

// The registry release the table follows (e.g. 101).
int iban_registry_release();

// The registry line for a country code, or nullopt when the country has no IBAN.
std::optional<IbanCountry> find_iban_country(std::string_view code);

// Whether `bban` matches a registry structure such as "4!a6!n8!n" (n digits, a upper-case
// letters, c letters or digits; every field has a fixed length).
bool matches_bban_structure(std::string_view bban, std::string_view structure);

// `normalized`: upper-case, no separators. True when country, length, BBAN structure and
// check digits are all right. Check digits 00, 01 and 99 are never valid.
bool iban(std::string_view normalized);

// The two check digits an IBAN of this country and BBAN must carry ("89" for the example
// DE..370400440532013000); empty when the BBAN holds characters outside 0-9 A-Z.
std::string iban_check_digits(std::string_view country, std::string_view bban);

}  // namespace waudit::validate

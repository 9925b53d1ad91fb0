// The country list is ISO 3166-1 alpha-2 as Debian's iso-codes 4.15 ships it (249 codes),
// plus XK. Territories with their own code (GG, JE, IM, ...) appear in BICs under that code.
#include "validate/bic.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace waudit::validate {

namespace {

constexpr std::array<std::string_view, 250> kCountryCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
};

static_assert(std::ranges::is_sorted(kCountryCodes), "is_country_code searches a sorted list");

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_upper_or_digit(char c) {
  return is_upper(c) || (c >= '0' && c <= '9');
}

}  // namespace

bool is_country_code(std::string_view code) {
  return std::ranges::binary_search(kCountryCodes, code);
}

bool bic(std::string_view normalized) {
  if (normalized.size() != 8 && normalized.size() != 11) {
    return false;
  }
  const std::string_view institution = normalized.substr(0, 4);
  const std::string_view rest = normalized.substr(6);  // location and branch
  return std::ranges::all_of(institution, is_upper) && is_country_code(normalized.substr(4, 2)) &&
         std::ranges::all_of(rest, is_upper_or_digit);
}

}  // namespace waudit::validate

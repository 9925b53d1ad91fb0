// The SWIFT IBAN registry (ISO 13616-1), release 101, as one table: country code, total IBAN
// length and BBAN structure per country. Transcribed from python-stdnum's iban.dat, which is
// generated from the registry file (shared/design/research/detectors.md section 3.1). An update is
// a data change: edit the lines and kRelease; iban_test.cpp generates IBANs for every line.
// Dependent territories use their parent's code (Aland -> FI, Jersey -> GB) and need no line.
#include "validate/iban.hpp"

#include <algorithm>
#include <array>

namespace waudit::validate {

namespace {

constexpr int kRelease = 101;

// Sorted by country code, so a lookup is a binary search.
constexpr std::array kCountries = {
    IbanCountry{"AD", 24, "4!n4!n12!c"},           // Andorra
    IbanCountry{"AE", 23, "3!n16!n"},              // United Arab Emirates
    IbanCountry{"AL", 28, "8!n16!c"},              // Albania
    IbanCountry{"AT", 20, "5!n11!n"},              // Austria
    IbanCountry{"AZ", 28, "4!a20!c"},              // Azerbaijan
    IbanCountry{"BA", 20, "3!n3!n8!n2!n"},         // Bosnia and Herzegovina
    IbanCountry{"BE", 16, "3!n7!n2!n"},            // Belgium
    IbanCountry{"BG", 22, "4!a4!n2!n8!c"},         // Bulgaria
    IbanCountry{"BH", 22, "4!a14!c"},              // Bahrain
    IbanCountry{"BI", 27, "5!n5!n11!n2!n"},        // Burundi
    IbanCountry{"BR", 29, "8!n5!n10!n1!a1!c"},     // Brazil
    IbanCountry{"BY", 28, "4!c4!n16!c"},           // Belarus
    IbanCountry{"CH", 21, "5!n12!c"},              // Switzerland
    IbanCountry{"CR", 22, "4!n14!n"},              // Costa Rica
    IbanCountry{"CY", 28, "3!n5!n16!c"},           // Cyprus
    IbanCountry{"CZ", 24, "4!n16!n"},              // Czechia
    IbanCountry{"DE", 22, "8!n10!n"},              // Germany
    IbanCountry{"DJ", 27, "5!n5!n11!n2!n"},        // Djibouti
    IbanCountry{"DK", 18, "4!n9!n1!n"},            // Denmark
    IbanCountry{"DO", 28, "4!c20!n"},              // Dominican Republic
    IbanCountry{"EE", 20, "2!n14!n"},              // Estonia
    IbanCountry{"EG", 29, "4!n4!n17!n"},           // Egypt
    IbanCountry{"ES", 24, "4!n4!n1!n1!n10!n"},     // Spain
    IbanCountry{"FI", 18, "3!n11!n"},              // Finland
    IbanCountry{"FK", 18, "2!a12!n"},              // Falkland Islands (Malvinas)
    IbanCountry{"FO", 18, "4!n9!n1!n"},            // Faroe Islands
    IbanCountry{"FR", 27, "5!n5!n11!c2!n"},        // France
    IbanCountry{"GB", 22, "4!a6!n8!n"},            // United Kingdom
    IbanCountry{"GE", 22, "2!a16!n"},              // Georgia
    IbanCountry{"GI", 23, "4!a15!c"},              // Gibraltar
    IbanCountry{"GL", 18, "4!n9!n1!n"},            // Greenland
    IbanCountry{"GR", 27, "3!n4!n16!c"},           // Greece
    IbanCountry{"GT", 28, "4!c20!c"},              // Guatemala
    IbanCountry{"HN", 28, "4!a20!n"},              // Honduras
    IbanCountry{"HR", 21, "7!n10!n"},              // Croatia
    IbanCountry{"HU", 28, "3!n4!n1!n15!n1!n"},     // Hungary
    IbanCountry{"IE", 22, "4!a6!n8!n"},            // Ireland
    IbanCountry{"IL", 23, "3!n3!n13!n"},           // Israel
    IbanCountry{"IQ", 23, "4!a3!n12!n"},           // Iraq
    IbanCountry{"IS", 26, "4!n2!n6!n10!n"},        // Iceland
    IbanCountry{"IT", 27, "1!a5!n5!n12!c"},        // Italy
    IbanCountry{"JO", 30, "4!a4!n18!c"},           // Jordan
    IbanCountry{"KW", 30, "4!a22!c"},              // Kuwait
    IbanCountry{"KZ", 20, "3!n13!c"},              // Kazakhstan
    IbanCountry{"LB", 28, "4!n20!c"},              // Lebanon
    IbanCountry{"LC", 32, "4!a24!c"},              // Saint Lucia
    IbanCountry{"LI", 21, "5!n12!c"},              // Liechtenstein
    IbanCountry{"LT", 20, "5!n11!n"},              // Lithuania
    IbanCountry{"LU", 20, "3!n13!c"},              // Luxembourg
    IbanCountry{"LV", 21, "4!a13!c"},              // Latvia
    IbanCountry{"LY", 25, "3!n3!n15!n"},           // Libya
    IbanCountry{"MC", 27, "5!n5!n11!c2!n"},        // Monaco
    IbanCountry{"MD", 24, "2!c18!c"},              // Moldova
    IbanCountry{"ME", 22, "3!n13!n2!n"},           // Montenegro
    IbanCountry{"MK", 19, "3!n10!c2!n"},           // North Macedonia
    IbanCountry{"MN", 20, "4!n12!n"},              // Mongolia
    IbanCountry{"MR", 27, "5!n5!n11!n2!n"},        // Mauritania
    IbanCountry{"MT", 31, "4!a5!n18!c"},           // Malta
    IbanCountry{"MU", 30, "4!a2!n2!n12!n3!n3!a"},  // Mauritius
    IbanCountry{"NI", 28, "4!a20!n"},              // Nicaragua
    IbanCountry{"NL", 18, "4!a10!n"},              // Netherlands
    IbanCountry{"NO", 15, "4!n6!n1!n"},            // Norway
    IbanCountry{"OM", 23, "3!n16!c"},              // Oman
    IbanCountry{"PK", 24, "4!a16!c"},              // Pakistan
    IbanCountry{"PL", 28, "8!n16!n"},              // Poland
    IbanCountry{"PS", 29, "4!a21!c"},              // Palestine
    IbanCountry{"PT", 25, "4!n4!n11!n2!n"},        // Portugal
    IbanCountry{"QA", 29, "4!a21!c"},              // Qatar
    IbanCountry{"RO", 24, "4!a16!c"},              // Romania
    IbanCountry{"RS", 22, "3!n13!n2!n"},           // Serbia
    IbanCountry{"RU", 33, "9!n5!n15!c"},           // Russian Federation
    IbanCountry{"SA", 24, "2!n18!c"},              // Saudi Arabia
    IbanCountry{"SC", 31, "4!a2!n2!n16!n3!a"},     // Seychelles
    IbanCountry{"SD", 18, "2!n12!n"},              // Sudan
    IbanCountry{"SE", 24, "3!n16!n1!n"},           // Sweden
    IbanCountry{"SI", 19, "5!n8!n2!n"},            // Slovenia
    IbanCountry{"SK", 24, "4!n6!n10!n"},           // Slovakia
    IbanCountry{"SM", 27, "1!a5!n5!n12!c"},        // San Marino
    IbanCountry{"SO", 23, "4!n3!n12!n"},           // Somalia
    IbanCountry{"ST", 25, "4!n4!n11!n2!n"},        // Sao Tome and Principe
    IbanCountry{"SV", 28, "4!a20!n"},              // El Salvador
    IbanCountry{"TL", 23, "3!n14!n2!n"},           // Timor-Leste
    IbanCountry{"TN", 24, "2!n3!n13!n2!n"},        // Tunisia
    IbanCountry{"TR", 26, "5!n1!n16!c"},           // Turkiye
    IbanCountry{"UA", 29, "6!n19!c"},              // Ukraine
    IbanCountry{"VA", 22, "3!n15!n"},              // Holy See
    IbanCountry{"VG", 24, "4!a16!n"},              // Virgin Islands (British)
    IbanCountry{"XK", 20, "4!n10!n2!n"},           // Kosovo
    IbanCountry{"YE", 30, "4!a4!n18!c"},           // Yemen
};

static_assert(kCountries.size() == 89, "release 101 lists 89 countries");
static_assert(std::ranges::is_sorted(kCountries, {}, &IbanCountry::code),
              "find_iban_country needs the table sorted by code");

}  // namespace

int iban_registry_release() {
  return kRelease;
}

std::optional<IbanCountry> find_iban_country(std::string_view code) {
  const auto found = std::ranges::lower_bound(kCountries, code, {}, &IbanCountry::code);
  if (found == kCountries.end() || found->code != code) {
    return std::nullopt;
  }
  return *found;
}

}  // namespace waudit::validate

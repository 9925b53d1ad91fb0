#include "validate/iban.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::find_iban_country;
using waudit::validate::iban;
using waudit::validate::iban_check_digits;
using waudit::validate::iban_registry_release;
using waudit::validate::IbanCountry;
using waudit::validate::matches_bban_structure;

// One example IBAN per registry country: the examples the SWIFT registry publishes, as
// IBAN libraries carry them in their tests.
constexpr std::array kRegistryExamples = {
    "AD1200012030200359100100",
    "AE070331234567890123456",
    "AL47212110090000000235698741",
    "AT611904300234573201",
    "AZ21NABZ00000000137010001944",
    "BA391290079401028494",
    "BE68539007547034",
    "BG80BNBG96611020345678",
    "BH67BMAG00001299123456",
    "BI4210000100010000332045181",
    "BR1800360305000010009795493C1",
    "BY13NBRB3600900000002Z00AB00",
    "CH9300762011623852957",
    "CR05015202001026284066",
    "CY17002001280000001200527600",
    "CZ6508000000192000145399",
    "DE89370400440532013000",
    "DJ2100010000000154000100186",
    "DK5000400440116243",
    "DO28BAGR00000001212453611324",
    "EE382200221020145685",
    "EG380019000500000000263180002",
    "ES9121000418450200051332",
    "FI2112345600000785",
    "FK88SC123456789012",
    "FO6264600001631634",
    "FR1420041010050500013M02606",
    "GB82WEST12345698765432",
    "GE29NB0000000101904917",
    "GI75NWBK000000007099453",
    "GL8964710001000206",
    "GR1601101250000000012300695",
    "GT82TRAJ01020000001210029690",
    "HN88CABF00000000000250005469",
    "HR1210010051863000160",
    "HU42117730161111101800000000",
    "IE29AIBK93115212345678",
    "IL620108000000099999999",
    "IQ98NBIQ850123456789012",
    "IS140159260076545510730339",
    "IT60X0542811101000000123456",
    "JO94CBJO0010000000000131000302",
    "KW81CBKU0000000000001234560101",
    "KZ86125KZT5004100100",
    "LB62099900000001001901229114",
    "LC55HEMM000100010012001200023015",
    "LI21088100002324013AA",
    "LT121000011101001000",
    "LU280019400644750000",
    "LV80BANK0000435195001",
    "LY83002048000020100120361",
    "MC5811222000010123456789030",
    "MD24AG000225100013104168",
    "ME25505000012345678951",
    "MK07250120000058984",
    "MN121234123456789123",
    "MR1300020001010000123456753",
    "MT84MALT011000012345MTLCAST001S",
    "MU17BOMM0101101030300200000MUR",
    "NI45BAPR00000013000003558124",
    "NL91ABNA0417164300",
    "NO9386011117947",
    "OM810180000001299123456",
    "PK36SCBL0000001123456702",
    "PL61109010140000071219812874",
    "PS92PALS000000000400123456702",
    "PT50000201231234567890154",
    "QA58DOHB00001234567890ABCDEFG",
    "RO49AAAA1B31007593840000",
    "RS35260005601001611379",
    "RU0304452522540817810538091310419",
    "SA0380000000608010167519",
    "SC18SSCB11010000000000001497USD",
    "SD2129010501234001",
    "SE4550000000058398257466",
    "SI56263300012039086",
    "SK3112000000198742637541",
    "SM86U0322509800000000270100",
    "SO211000001001000100141",
    "ST68000100010051845310112",
    "SV62CENR00000000000000700025",
    "TL380080012345678910157",
    "TN5910006035183598478831",
    "TR330006100519786457841326",
    "UA213223130000026007233566001",
    "VA59001123000012345678",
    "VG96VPVG0000012345678901",
    "XK051212012345678906",
    "YE15CBYE0001018861234567891234",
};

// Every registry line, found by asking for each of the 676 two-letter codes.
std::vector<IbanCountry> registry_countries() {
  std::vector<IbanCountry> countries;
  for (char first = 'A'; first <= 'Z'; ++first) {
    for (char second = 'A'; second <= 'Z'; ++second) {
      const std::array code = {first, second};
      if (const auto country = find_iban_country(std::string_view(code.data(), code.size()))) {
        countries.push_back(*country);
      }
    }
  }
  return countries;
}

// A BBAN that follows a registry `structure` such as "4!a6!n8!n", drawn from `rng`.
std::string random_bban(std::string_view structure, std::minstd_rand& rng) {
  constexpr std::string_view kDigits = "0123456789";
  constexpr std::string_view kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  constexpr std::string_view kAlphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string bban;
  std::size_t length = 0;
  for (const char c : structure) {
    if (c >= '0' && c <= '9') {
      length = length * 10 + static_cast<std::size_t>(c - '0');
    } else if (c != '!') {
      const std::string_view alphabet = c == 'n' ? kDigits : c == 'a' ? kLetters : kAlphanumerics;
      for (; length > 0; --length) {
        bban += alphabet[rng() % alphabet.size()];
      }
    }
  }
  return bban;
}

// MOD 97-10 reads B, M and X as 11, 22 and 33, so "B1" and "1B" are the same number "111";
// see the test on the B and 1 swap below.
bool expands_alike(char a, char b) {
  constexpr std::array<std::pair<char, char>, 3> kAlike = {{{'B', '1'}, {'M', '2'}, {'X', '3'}}};
  for (const auto& [letter, digit] : kAlike) {
    if ((a == letter && b == digit) || (a == digit && b == letter)) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("validate::iban accepts published examples of several countries") {
  CHECK(iban("DE89370400440532013000"));
  CHECK(iban("GB82WEST12345698765432"));
  CHECK(iban("GB29NWBK60161331926819"));
  CHECK(iban("AT611904300234573201"));
  CHECK(iban("FR1420041010050500013M02606"));
  CHECK(iban("NL91ABNA0417164300"));
  CHECK(iban("CH9300762011623852957"));
  CHECK(iban("BE68539007547034"));
  CHECK(iban("NO9386011117947"));
  CHECK(iban("IT60X0542811101000000123456"));
  CHECK(iban("ES9121000418450200051332"));
  CHECK(iban("PL61109010140000071219812874"));
  CHECK(iban("MT84MALT011000012345MTLCAST001S"));
  CHECK(iban("BR1800360305000010009795493C1"));
  CHECK(iban("RU0304452522540817810538091310419"));
}

TEST_CASE("validate::iban accepts the registry example of every country") {
  CHECK(kRegistryExamples.size() == 89);
  for (const std::string_view example : kRegistryExamples) {
    INFO(example);
    CHECK(iban(example));
  }
}

TEST_CASE("validate::iban rejects a wrong length") {
  CHECK_FALSE(iban(""));
  CHECK_FALSE(iban("D"));
  CHECK_FALSE(iban("DE"));
  CHECK_FALSE(iban("DE89"));
  CHECK_FALSE(iban("DE8937040044053201300"));
  CHECK_FALSE(iban("DE893704004405320130000"));
  // Right check digits for the 16-digit BBAN, but Germany's IBAN has 22 characters.
  CHECK_FALSE(iban("DE863704004405320130"));
  CHECK_FALSE(iban("NO938601111794"));
  CHECK_FALSE(iban("NO93860111179470"));
}

TEST_CASE("validate::iban rejects a country without IBAN") {
  // Check digits computed for these codes, so only the registry lookup can reject them.
  CHECK_FALSE(iban("XX46370400440532013000"));
  CHECK_FALSE(iban("US88370400440532013000"));
  CHECK_FALSE(iban("1289370400440532013000"));
}

TEST_CASE("validate::iban takes only normalized input") {
  CHECK_FALSE(iban("de89370400440532013000"));
  CHECK_FALSE(iban("DE89 3704 0044 0532 0130 00"));
  CHECK_FALSE(iban("gb82west12345698765432"));
  CHECK_FALSE(iban("GB82west12345698765432"));
}

TEST_CASE("validate::iban rejects a BBAN that breaks the registry structure") {
  // Check digits are right in all three; only the structure is wrong.
  CHECK_FALSE(iban("GB25123412345698765432"));  // digits where the bank code needs 4!a
  CHECK_FALSE(iban("DE0537040044053201300A"));  // letter in the 10!n account number
  CHECK_FALSE(iban("NL470417ABNA164300"));      // bank code and account number swapped
}

TEST_CASE("validate::iban rejects wrong check digits") {
  CHECK_FALSE(iban("DE88370400440532013000"));
  CHECK_FALSE(iban("DE98370400440532013000"));
  CHECK_FALSE(iban("GB28WEST12345698765432"));
  CHECK_FALSE(iban("DEAB370400440532013000"));
}

TEST_CASE("validate::iban rejects check digits 00 01 and 99 even where MOD 97 gives 1") {
  // The right digits are 97, 98 and 02; 00, 01 and 99 leave the same remainder 1 but are
  // never issued (ISO 13616), so recomputing the digits must reject them.
  CHECK(iban("DE97370400440532013050"));
  CHECK_FALSE(iban("DE00370400440532013050"));
  CHECK(iban("DE98370400440532013032"));
  CHECK_FALSE(iban("DE01370400440532013032"));
  CHECK(iban("DE02370400440532013014"));
  CHECK_FALSE(iban("DE99370400440532013014"));
}

TEST_CASE("validate::iban_check_digits recomputes published check digits") {
  CHECK(iban_check_digits("DE", "370400440532013000") == "89");
  CHECK(iban_check_digits("GB", "WEST12345698765432") == "82");
  CHECK(iban_check_digits("NL", "ABNA0417164300") == "91");
  CHECK(iban_check_digits("FR", "20041010050500013M02606") == "14");
  CHECK(iban_check_digits("CH", "00762011623852957") == "93");
  CHECK(iban_check_digits("NO", "86011117947") == "93");
  CHECK(iban_check_digits("BE", "539007547034") == "68");
  CHECK(iban_check_digits("DE", "370400440532013032") == "98");
  CHECK(iban_check_digits("DE", "370400440532013014") == "02");
}

TEST_CASE("validate::iban_check_digits is empty for characters outside 0-9 A-Z") {
  CHECK(iban_check_digits("DE", "3704-0044-0532-0130-00").empty());
  CHECK(iban_check_digits("GB", "west12345698765432").empty());
  CHECK(iban_check_digits("DE", "37040044 0532013000").empty());
  CHECK(iban_check_digits("de", "370400440532013000").empty());
}

TEST_CASE("validate::find_iban_country returns the registry line") {
  CHECK(iban_registry_release() == 101);
  REQUIRE(find_iban_country("DE").has_value());
  CHECK(find_iban_country("DE")->code == "DE");
  CHECK(find_iban_country("DE")->length == 22);
  CHECK(find_iban_country("DE")->structure == "8!n10!n");
  CHECK(find_iban_country("NO")->length == 15);
  CHECK(find_iban_country("RU")->length == 33);
  CHECK(find_iban_country("GB")->structure == "4!a6!n8!n");
  CHECK(find_iban_country("AD")->structure == "4!n4!n12!c");
  CHECK(find_iban_country("YE")->structure == "4!a4!n18!c");
  CHECK_FALSE(find_iban_country("XX").has_value());
  CHECK_FALSE(find_iban_country("US").has_value());
  CHECK_FALSE(find_iban_country("de").has_value());
  CHECK_FALSE(find_iban_country("D").has_value());
  CHECK_FALSE(find_iban_country("DEU").has_value());
  CHECK_FALSE(find_iban_country("").has_value());
}

TEST_CASE("validate::matches_bban_structure reads registry notation") {
  CHECK(matches_bban_structure("WEST12345698765432", "4!a6!n8!n"));
  CHECK(matches_bban_structure("370400440532013000", "8!n10!n"));
  CHECK(matches_bban_structure("00012030200359100100", "4!n4!n12!c"));
  CHECK(matches_bban_structure("0001203020035910010A", "4!n4!n12!c"));
  CHECK(matches_bban_structure("", ""));
  CHECK_FALSE(matches_bban_structure("WES112345698765432", "4!a6!n8!n"));
  CHECK_FALSE(matches_bban_structure("west12345698765432", "4!a6!n8!n"));
  CHECK_FALSE(matches_bban_structure("WEST1234569876543", "4!a6!n8!n"));
  CHECK_FALSE(matches_bban_structure("WEST123456987654321", "4!a6!n8!n"));
  CHECK_FALSE(matches_bban_structure("0001203020035910010a", "4!n4!n12!c"));
  CHECK_FALSE(matches_bban_structure("0001203020035910010-", "4!n4!n12!c"));
  CHECK_FALSE(matches_bban_structure("", "4!a"));
  CHECK_FALSE(matches_bban_structure("WEST", ""));
}

TEST_CASE("validate::matches_bban_structure rejects malformed structures") {
  CHECK_FALSE(matches_bban_structure("WEST", "4a"));
  CHECK_FALSE(matches_bban_structure("WEST", "4!x"));
  CHECK_FALSE(matches_bban_structure("WEST", "!a"));
  CHECK_FALSE(matches_bban_structure("WEST", "4!"));
  CHECK_FALSE(matches_bban_structure("WEST", "a"));
}

TEST_CASE("validate::iban accepts generated IBANs of every registry country") {
  const auto countries = registry_countries();
  CHECK(countries.size() == 89);
  std::minstd_rand rng(13616);  // fixed seed: the same IBANs on every run
  for (const auto& country : countries) {
    for (int i = 0; i < 20; ++i) {
      const std::string bban = random_bban(country.structure, rng);
      const std::string generated =
          std::string(country.code) + iban_check_digits(country.code, bban) + bban;
      INFO(generated, " structure ", country.structure);
      // Fails for a registry line whose structure doesn't add up to its length.
      CHECK(generated.size() == static_cast<std::size_t>(country.length));
      CHECK(iban(generated));
    }
  }
}

TEST_CASE("validate::iban rejects every single digit substitution") {
  // A digit changed by d at decimal place k shifts the number by d * 10^k, which the prime
  // 97 never divides, so MOD 97-10 catches every such error.
  for (const std::string_view example : kRegistryExamples) {
    for (std::size_t i = 0; i < example.size(); ++i) {
      if (example[i] < '0' || example[i] > '9') {
        continue;
      }
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == example[i]) {
          continue;
        }
        std::string mutated(example);
        mutated[i] = digit;
        INFO(mutated);
        CHECK_FALSE(iban(mutated));
      }
    }
  }
}

TEST_CASE("validate::iban rejects every swap of two adjacent different characters") {
  for (const std::string_view example : kRegistryExamples) {
    for (std::size_t i = 0; i + 1 < example.size(); ++i) {
      if (example[i] == example[i + 1] || expands_alike(example[i], example[i + 1])) {
        continue;
      }
      std::string mutated(example);
      std::swap(mutated[i], mutated[i + 1]);
      INFO(mutated);
      CHECK_FALSE(iban(mutated));
    }
  }
}

TEST_CASE("validate::iban cannot see a swap of B and 1 since both read as 11") {
  // The registry's own Romanian example has "1B" in a 16!c field; "B1" is the same decimal
  // number, so MOD 97-10 passes both. The same holds for M and 2 and for X and 3.
  CHECK(iban("RO49AAAA1B31007593840000"));
  CHECK(iban("RO49AAAAB131007593840000"));
  CHECK(iban("CH13007620116238M2957"));
  CHECK(iban("CH130076201162382M957"));
}

TEST_SUITE_END();

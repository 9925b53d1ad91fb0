#include "validate/icao_mrz.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::icao_check_digit;
using waudit::validate::icao_mrz;

// The specimens of ICAO Doc 9303 (parts 4, 5 and 6), and German ones made from the BMI's
// specimen document numbers with their check digits computed.
constexpr std::array<std::string_view, 3> kTd1Specimen = {
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
};
constexpr std::array<std::string_view, 2> kTd2Specimen = {
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
};
constexpr std::array<std::string_view, 2> kTd3Specimen = {
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
};
constexpr std::array<std::string_view, 3> kGermanIdCard = {
    "IDD<<L01X00T471<<<<<<<<<<<<<<<",
    "6408125<2702283D<<<<<<<<<<<<<8",
    "MUSTERMANN<<ERIKA<<<<<<<<<<<<<",
};
constexpr std::array<std::string_view, 2> kGermanPassport = {
    "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
    "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
};

template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& lines, std::string_view separator) {
  std::string out;
  for (const std::string_view line : lines) {
    out += out.empty() ? "" : separator;
    out += line;
  }
  return out;
}

const std::array<std::string, 5> kAllSpecimens = {
    joined(kTd1Specimen, "\n"),  joined(kTd2Specimen, "\n"),    joined(kTd3Specimen, "\n"),
    joined(kGermanIdCard, "\n"), joined(kGermanPassport, "\n"),
};

}  // namespace

TEST_CASE("validate::icao_check_digit weighs 7 3 1 with A=10 and the filler 0") {
  CHECK(icao_check_digit("D23145890") == '7');
  CHECK(icao_check_digit("740812") == '2');
  CHECK(icao_check_digit("120415") == '9');
  CHECK(icao_check_digit("L898902C3") == '6');
  CHECK(icao_check_digit("ZE184226B<<<<<") == '1');
  CHECK(icao_check_digit("L01X00T47") == '1');  // BMI specimen ID card
  CHECK(icao_check_digit("C01X00T47") == '8');  // BMI specimen passport
  CHECK(icao_check_digit("T22000129") == '3');  // ID card specimen of 2021
  CHECK(icao_check_digit("<<<<") == '0');
  CHECK(icao_check_digit("") == '0');
  CHECK_FALSE(icao_check_digit("l01x00t47").has_value());
  CHECK_FALSE(icao_check_digit("L01X 00T47").has_value());
  CHECK_FALSE(icao_check_digit("L01X00T4\xC2\xAB").has_value());
}

TEST_CASE("validate::icao_mrz accepts the ICAO specimens of TD1 TD2 and TD3") {
  CHECK(icao_mrz(joined(kTd1Specimen, "\n")));
  CHECK(icao_mrz(joined(kTd2Specimen, "\n")));
  CHECK(icao_mrz(joined(kTd3Specimen, "\n")));
}

TEST_CASE("validate::icao_mrz accepts German ID card and passport zones") {
  CHECK(icao_mrz(joined(kGermanIdCard, "\n")));
  CHECK(icao_mrz(joined(kGermanPassport, "\n")));
}

TEST_CASE("validate::icao_mrz accepts lines joined by CR LF or by nothing") {
  CHECK(icao_mrz(joined(kTd1Specimen, "\r\n")));
  CHECK(icao_mrz(joined(kTd3Specimen, "\r\n")));
  CHECK(icao_mrz(joined(kTd1Specimen, "")));
  CHECK(icao_mrz(joined(kTd2Specimen, "")));
  CHECK(icao_mrz(joined(kTd3Specimen, "")));
}

TEST_CASE(
    "validate::icao_mrz accepts 0 or the filler as check digit of an unused personal number") {
  std::string passport = joined(kGermanPassport, "\n");
  const std::size_t check = passport.size() - 2;
  REQUIRE(passport[check] == '<');
  passport[check] = '0';
  CHECK(icao_mrz(passport));
  passport[check] = '1';
  CHECK_FALSE(icao_mrz(passport));
}

TEST_CASE("validate::icao_mrz rejects a wrong composite check digit") {
  CHECK_FALSE(icao_mrz(std::string(kTd1Specimen[0]) + "\n7408122F1204159UTO<<<<<<<<<<<7\n" +
                       std::string(kTd1Specimen[2])));
  CHECK_FALSE(
      icao_mrz(std::string(kTd3Specimen[0]) + "\nL898902C36UTO7408122F1204159ZE184226B<<<<<11"));
  CHECK_FALSE(icao_mrz(std::string(kTd2Specimen[0]) + "\nD231458907UTO7408122F1204159<<<<<<<5"));
}

TEST_CASE("validate::icao_mrz rejects a document code the layout does not use") {
  std::string td1 = joined(kTd1Specimen, "\n");
  td1[0] = 'P';
  CHECK_FALSE(icao_mrz(td1));
  std::string td3 = joined(kTd3Specimen, "\n");
  td3[0] = 'I';
  CHECK_FALSE(icao_mrz(td3));
  // A visa (MRV-A) has 2 x 44 characters but optional data where a passport's composite
  // check digit is.
  CHECK_FALSE(
      icao_mrz("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
               "\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"));
}

TEST_CASE("validate::icao_mrz rejects other lengths and characters") {
  const std::string td1 = joined(kTd1Specimen, "\n");
  CHECK_FALSE(icao_mrz(""));
  CHECK_FALSE(icao_mrz(kTd3Specimen[1]));
  CHECK_FALSE(icao_mrz(joined(std::array{kTd1Specimen[0], kTd1Specimen[1]}, "\n")));
  CHECK_FALSE(icao_mrz(td1 + "<"));
  CHECK_FALSE(icao_mrz(td1.substr(1)));
  CHECK_FALSE(icao_mrz(td1 + "\n" + td1));
  CHECK_FALSE(icao_mrz(joined(std::array{kTd1Specimen[0], kTd3Specimen[1]}, "\n")));
  CHECK_FALSE(icao_mrz(joined(kTd1Specimen, " ")));
  CHECK_FALSE(
      icao_mrz("i<utod231458907<<<<<<<<<<<<<<<\n7408122f1204159uto<<<<<<<<<<<6\n"
               "eriksson<<anna<maria<<<<<<<<<<"));
}

TEST_CASE("validate::icao_mrz rejects every single digit change") {
  // Each digit lies in a field with a check digit, or is one, and 7, 3 and 1 are coprime
  // to 10. A letter can replace a digit unnoticed (A=10 counts as 0), so only digits here.
  for (const std::string& mrz : kAllSpecimens) {
    INFO(mrz);
    REQUIRE(icao_mrz(mrz));
    for (std::size_t i = 0; i < mrz.size(); ++i) {
      if (mrz[i] < '0' || mrz[i] > '9') {
        continue;
      }
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == mrz[i]) {
          continue;
        }
        std::string mutated = mrz;
        mutated[i] = digit;
        INFO(mutated);
        CHECK_FALSE(icao_mrz(mutated));
      }
    }
  }
}

TEST_SUITE_END();

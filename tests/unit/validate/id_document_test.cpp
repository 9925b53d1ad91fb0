#include "validate/id_document.hpp"

#include "digit_changes.hpp"
#include "validate/icao_mrz.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::de_document_number;
using waudit::validate::icao_check_digit;
using waudit::validate::id_document;

// Valid 10-character numbers: a first letter, 8 characters of the document alphabet, and
// the check digit.
std::vector<std::string> generated_numbers(std::size_t count) {
  constexpr std::string_view kFirst = "CFGHJKLMNPRTVWXY";
  constexpr std::string_view kAlphabet = "0123456789CFGHJKLMNPRTVWXYZ";
  std::minstd_rand rng(9303);  // fixed seed: the same numbers on every run
  std::vector<std::string> numbers;
  while (numbers.size() < count) {
    std::string number(1, kFirst[rng() % kFirst.size()]);
    for (int i = 0; i < 8; ++i) {
      number += kAlphabet[rng() % kAlphabet.size()];
    }
    numbers.push_back(number + *icao_check_digit(number));
  }
  return numbers;
}

}  // namespace

TEST_CASE("validate::de_document_number accepts the specimen numbers as printed") {
  CHECK(de_document_number("L01X00T47"));  // BMI specimen ID card
  CHECK(de_document_number("C01X00T47"));  // BMI specimen passport
  CHECK(de_document_number("T22000129"));  // ID card specimen of 2021
}

TEST_CASE("validate::de_document_number checks a 10th character as the MRZ check digit") {
  CHECK(de_document_number("L01X00T471"));
  CHECK(de_document_number("C01X00T478"));
  CHECK(de_document_number("T220001293"));
  CHECK_FALSE(de_document_number("L01X00T472"));
  CHECK_FALSE(de_document_number("C01X00T471"));
  CHECK_FALSE(de_document_number("L01X00T47X"));
  CHECK_FALSE(de_document_number("L01X00T47<"));
}

TEST_CASE("validate::de_document_number wants a letter first and only the document alphabet") {
  CHECK(de_document_number("Y9Z9Z9Z9Z"));
  CHECK_FALSE(de_document_number("101X00T47"));  // a digit first (pre-2010 numbers)
  CHECK_FALSE(de_document_number("Z01X00T47"));  // Z is in the alphabet, but never first
  CHECK_FALSE(de_document_number("A01X00T47"));
  CHECK_FALSE(de_document_number("L01B00T47"));
  CHECK_FALSE(de_document_number("L01D00T47"));
  CHECK_FALSE(de_document_number("L01E00T47"));
  CHECK_FALSE(de_document_number("L01I00T47"));
  CHECK_FALSE(de_document_number("L01O00T47"));
  CHECK_FALSE(de_document_number("L01Q00T47"));
  CHECK_FALSE(de_document_number("L01S00T47"));
  CHECK_FALSE(de_document_number("L01U00T47"));
  CHECK_FALSE(de_document_number("L01X00T4<"));
}

TEST_CASE("validate::de_document_number rejects other lengths and takes only normalized input") {
  CHECK_FALSE(de_document_number(""));
  CHECK_FALSE(de_document_number("L01X00T4"));
  CHECK_FALSE(de_document_number("L01X00T471D"));
  CHECK_FALSE(de_document_number("l01x00t47"));
  CHECK_FALSE(de_document_number("L01X 00T47"));
  CHECK_FALSE(de_document_number("L01X-00T47"));
}

TEST_CASE("validate::de_document_number rejects every digit changed into another") {
  for (const std::string& number : generated_numbers(300)) {
    INFO(number);
    REQUIRE(de_document_number(number));
    for (const std::string& mutated : single_digit_changes(number)) {
      INFO(mutated);
      CHECK_FALSE(de_document_number(mutated));
    }
  }
}

TEST_CASE("validate::de_document_number cannot tell letters 10 apart such as X and N") {
  // X = 33 and N = 23 differ by 10, so the weighted sum stays the same mod 10.
  CHECK(de_document_number("L01X00T471"));
  CHECK(de_document_number("L01N00T471"));
}

TEST_CASE("validate::id_document takes document numbers and MRZ blocks by length") {
  CHECK(id_document("L01X00T47"));
  CHECK(id_document("L01X00T471"));
  CHECK(
      id_document("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\n"
                  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"));
  CHECK(
      id_document("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                  "L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
  CHECK_FALSE(id_document(""));
  CHECK_FALSE(id_document("L01X00T472"));
  CHECK_FALSE(id_document("L01X00T471D"));
  CHECK_FALSE(id_document("I<UTOD231458907<<<<<<<<<<<<<<<"));
}

TEST_SUITE_END();

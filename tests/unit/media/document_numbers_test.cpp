#include "media/document_numbers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("media");

using waudit::media::DocumentNumber;
using waudit::media::find_document_numbers;
using waudit::media::NumberKind;
using waudit::media::shown_value;

namespace {

std::vector<std::string> values_of(std::string_view text, NumberKind kind) {
  std::vector<std::string> values;
  for (const DocumentNumber& number : find_document_numbers(text)) {
    if (number.kind == kind) {
      values.push_back(number.value);
    }
  }
  return values;
}

using Values = std::vector<std::string>;

}  // namespace

// Published test card numbers (Visa 4111..., Mastercard 5555...4444, Amex 3782...0005).
TEST_CASE("media::find_document_numbers finds card numbers as OCR reads them") {
  const NumberKind card = NumberKind::payment_card;
  CHECK(values_of("Musterbank VISA\n4111 1111 1111 1111\nVALID THRU 12/29", card) ==
        Values{"4111111111111111"});
  CHECK(values_of("4l11 1111 ]111 1I11", card) == Values{"4111111111111111"});
  CHECK(values_of("4111 1111 1111 IIII", card).empty());  // a group of letters is a word
  CHECK(values_of("5555 S555 5555 4444", card) == Values{"5555555555554444"});
  CHECK(values_of("3782 822463 10005", card) == Values{"378282246310005"});
  CHECK(values_of("4111111111111111", card) == Values{"4111111111111111"});
  CHECK(values_of("4111-1111-1111-1111", card) == Values{"4111111111111111"});
}

TEST_CASE("media::find_document_numbers rejects what is no card number") {
  const NumberKind card = NumberKind::payment_card;
  CHECK(values_of("4111 1111 1111 1112", card).empty());  // Luhn fails
  CHECK(values_of("Karte ************1111", card).empty());
  // A card number inside a longer run of digits does not start at a group boundary.
  CHECK(values_of("Beleg 94111111111111111 Terminal", card).empty());
  CHECK(values_of("4111 1111\n1111 1111", card).empty());  // groups on two lines
  CHECK(values_of("SOLL IBAN BOSS", card).empty());
}

TEST_CASE("media::find_document_numbers finds IBANs with OCR confusions in digits") {
  const NumberKind iban = NumberKind::iban;
  CHECK(values_of("IBAN DE89 3704 0044 0532 0130 00", iban) == Values{"DE89370400440532013000"});
  CHECK(values_of("IBAN: DE89 37O4 OO44 O532 Ol3O OO", iban) == Values{"DE89370400440532013000"});
  CHECK(values_of("GB82 WEST 1234 5698 7654 32", iban) == Values{"GB82WEST12345698765432"});
  CHECK(values_of("DE89 3704 0044 0532 0130 01", iban).empty());
}

// The ICAO Doc 9303 specimens.
TEST_CASE("media::find_document_numbers finds MRZs with check digits") {
  const std::string td1 =
      "IDENTITY CARD\nI<UT0D231458907<<<<<<<<<<<<<<<\n7408122F12O4159UT0<<<<<<<<<<<6\n"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n";
  CHECK(values_of(td1, NumberKind::mrz_td1).size() == 1);
  // OCR dropped two fillers at the end of a line, and read '«' for "<<".
  const std::string td3 =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<«<10\n";
  CHECK(values_of(td3, NumberKind::mrz_td3).size() == 1);
  const std::string broken =
      "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204158UTO<<<<<<<<<<<6\n"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n";
  CHECK(values_of(broken, NumberKind::mrz_td1).empty());
}

TEST_CASE("media::shown_value") {
  CHECK(shown_value({NumberKind::payment_card, "4111111111111111"}) == "4111 1111 1111 1111");
  CHECK(shown_value({NumberKind::mrz_td1,
                     "I<UTOD231458907<<<<<<<<<<<<<<<7408122F1204159UTO<<<<<<"
                     "<<<<<6ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}) == "D23145890");
}

TEST_SUITE_END();

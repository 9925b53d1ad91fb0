#include "validate/payment_card.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::card_scheme;
using waudit::validate::luhn;
using waudit::validate::payment_card;

// Published test card numbers of the schemes (issuers' and payment providers' test lists).
constexpr std::array kTestCards = {
    "4111111111111111", "5555555555554444", "378282246310005",  "4242424242424242",
    "6011111111111117", "3530111333300000", "30569309025904",   "5105105105105100",
    "2223003122003222", "371449635398431",  "6011000990139424", "3566002020360505",
    "36227206271667",   "6200000000000005", "6759649826438453",
};

}  // namespace

TEST_CASE("validate::luhn accepts published test card numbers") {
  CHECK(luhn("4111111111111111"));
  CHECK(luhn("5555555555554444"));
  CHECK(luhn("378282246310005"));
  CHECK(luhn("4242424242424242"));
  CHECK(luhn("6011111111111117"));
  CHECK(luhn("3530111333300000"));
  CHECK(luhn("30569309025904"));
  CHECK(luhn("4222222222222"));
  CHECK(luhn("79927398713"));  // the worked example of the Luhn algorithm
}

TEST_CASE("validate::luhn rejects non-digits and too short input") {
  CHECK_FALSE(luhn(""));
  CHECK_FALSE(luhn("0"));
  CHECK_FALSE(luhn("4111 1111 1111 1111"));
  CHECK_FALSE(luhn("4111-1111-1111-1111"));
  CHECK_FALSE(luhn("411111111111111a"));
  CHECK_FALSE(luhn("+4111111111111111"));
  CHECK_FALSE(luhn("４１１１１１１１１１１１１１１１"));  // full-width digits
}

TEST_CASE("validate::luhn rejects a wrong check digit") {
  CHECK_FALSE(luhn("4111111111111112"));
  CHECK_FALSE(luhn("5555555555554445"));
  CHECK_FALSE(luhn("378282246310006"));
  CHECK_FALSE(luhn("79927398710"));
}

TEST_CASE("validate::luhn rejects every single digit change") {
  // Doubling with 9 subtracted maps 0-9 onto 0-9 one to one, so every changed digit
  // changes the sum by 1 to 9 mod 10.
  for (const std::string_view card : kTestCards) {
    for (std::size_t i = 0; i < card.size(); ++i) {
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == card[i]) {
          continue;
        }
        std::string mutated(card);
        mutated[i] = digit;
        INFO(mutated);
        CHECK_FALSE(luhn(mutated));
      }
    }
  }
}

TEST_CASE("validate::luhn rejects adjacent transpositions other than 09 and 90") {
  for (const std::string_view card : kTestCards) {
    for (std::size_t i = 0; i + 1 < card.size(); ++i) {
      const std::string_view pair = card.substr(i, 2);
      if (pair[0] == pair[1] || pair == "09" || pair == "90") {
        continue;
      }
      std::string mutated(card);
      std::swap(mutated[i], mutated[i + 1]);
      INFO(mutated);
      CHECK_FALSE(luhn(mutated));
    }
  }
}

TEST_CASE("validate::luhn cannot see 09 swapped with 90") {
  // 0 counts 0 and 9 counts 9 whether doubled or not (18 - 9), so the sum stays the same.
  CHECK(luhn("30569309025904"));
  CHECK(luhn("30569390025904"));
  CHECK(luhn("30569309025094"));
}

TEST_CASE("validate::card_scheme names the scheme of each test number") {
  CHECK(card_scheme("4111111111111111") == "visa");
  CHECK(card_scheme("4242424242424242") == "visa");
  CHECK(card_scheme("4111111111111111110") == "visa");
  CHECK(card_scheme("5555555555554444") == "mastercard");
  CHECK(card_scheme("5105105105105100") == "mastercard");
  CHECK(card_scheme("2223003122003222") == "mastercard");
  CHECK(card_scheme("2221000000000009") == "mastercard");
  CHECK(card_scheme("2720000000000005") == "mastercard");
  CHECK(card_scheme("378282246310005") == "amex");
  CHECK(card_scheme("371449635398431") == "amex");
  CHECK(card_scheme("6011111111111117") == "discover");
  CHECK(card_scheme("6011000990139424") == "discover");
  CHECK(card_scheme("6221260000000000") == "discover");
  CHECK(card_scheme("6229250000000003") == "discover");
  CHECK(card_scheme("6440000000000005") == "discover");
  CHECK(card_scheme("6500000000000002") == "discover");
  CHECK(card_scheme("3530111333300000") == "jcb");
  CHECK(card_scheme("3566002020360505") == "jcb");
  CHECK(card_scheme("3528000000000007") == "jcb");
  CHECK(card_scheme("3589000000000003") == "jcb");
  CHECK(card_scheme("30569309025904") == "diners");
  CHECK(card_scheme("36227206271667") == "diners");
  CHECK(card_scheme("3056930009020004") == "diners");
  CHECK(card_scheme("38000000000006") == "diners");
  CHECK(card_scheme("6200000000000005") == "unionpay");
  CHECK(card_scheme("6229260000000002") == "unionpay");
  CHECK(card_scheme("6221250000000001") == "unionpay");
  CHECK(card_scheme("6720000012345678900") == "girocard");
  CHECK(card_scheme("5900000012345678909") == "girocard");
  CHECK(card_scheme("6759649826438453") == "maestro");
  CHECK(card_scheme("6304000000000000") == "maestro");
  CHECK(card_scheme("500000000009") == "maestro");
  CHECK(card_scheme("5600000000000003") == "maestro");
  CHECK(card_scheme("6900000000000008") == "maestro");
}

TEST_CASE("validate::card_scheme falls back to Maestro when a specific length does not fit") {
  CHECK(card_scheme("601100000004") == "maestro");      // Discover prefix, 12 digits
  CHECK(card_scheme("6720000000000006") == "maestro");  // girocard prefix, 16 digits
  CHECK(card_scheme("5900000000000000") == "maestro");  // Sparkassen prefix, 16 digits
}

TEST_CASE("validate::card_scheme is empty without a known prefix and length") {
  CHECK(card_scheme("4222222222222").empty());       // 13-digit Visa
  CHECK(card_scheme("41111111111114").empty());      // 14-digit Visa
  CHECK(card_scheme("411111111111116").empty());     // 15-digit Visa
  CHECK(card_scheme("411111111111111118").empty());  // 18-digit Visa
  CHECK(card_scheme("555555555555442").empty());     // 15-digit Mastercard
  CHECK(card_scheme("2220999999999991").empty());    // just below the 2221-2720 range
  CHECK(card_scheme("2721000000000004").empty());    // just above it
  CHECK(card_scheme("3700000000000007").empty());    // 16-digit Amex
  CHECK(card_scheme("3527000000000008").empty());    // just below JCB
  CHECK(card_scheme("3590000000000000").empty());    // just above JCB
  CHECK(card_scheme("3060000000000001").empty());    // 306 is not Diners
  CHECK(card_scheme("1234567890128").empty());
  CHECK(card_scheme("9999999999999995").empty());
  CHECK(card_scheme("").empty());
  CHECK(card_scheme("4111 1111 1111 1111").empty());
}

TEST_CASE("validate::payment_card accepts Luhn-valid numbers of a known scheme") {
  for (const std::string_view card : kTestCards) {
    INFO(card);
    CHECK(payment_card(card));
  }
  CHECK(payment_card("4111111111111111110"));
  CHECK(payment_card("6720000012345678900"));
}

TEST_CASE("validate::payment_card rejects 13-digit Visa and unknown prefixes") {
  // 13-digit Visa collides with EAN-13 barcodes and phone numbers (see the header).
  CHECK(luhn("4222222222222"));
  CHECK_FALSE(payment_card("4222222222222"));
  // Luhn-valid, but no scheme issues this prefix at this length.
  CHECK_FALSE(payment_card("1234567890128"));
  CHECK_FALSE(payment_card("9999999999999995"));
  CHECK_FALSE(payment_card("2721000000000004"));
  CHECK_FALSE(payment_card("3700000000000007"));
  CHECK_FALSE(payment_card("79927398713"));
}

TEST_CASE("validate::payment_card rejects a failing Luhn check") {
  CHECK_FALSE(payment_card("4111111111111112"));
  CHECK_FALSE(payment_card("5555555555554445"));
  CHECK_FALSE(payment_card("6229260000000003"));
}

TEST_CASE("validate::payment_card takes only normalized input") {
  CHECK_FALSE(payment_card(""));
  CHECK_FALSE(payment_card("4111 1111 1111 1111"));
  CHECK_FALSE(payment_card("4111-1111-1111-1111"));
}

TEST_SUITE_END();

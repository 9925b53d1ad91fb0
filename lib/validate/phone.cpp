#include "validate/phone.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <optional>
#include <string>

namespace waudit::validate {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// E.164 allows 15 digits; "00" as international prefix adds two. A German number with its
// trunk 0 has 9 to 13 digits today ("0621 12345", "06221 1234-5678"); shorter ones are the
// tails of other numbers ("02 160569" of a pension insurance number).
constexpr std::size_t kMinDigits = 7;
constexpr std::size_t kMaxDigits = 17;
constexpr std::size_t kMinNationalDigits = 9;
constexpr std::size_t kMaxNationalDigits = 13;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Characters a number may carry: digits, the leading '+', the parentheses of "(030)" and
// "(0)", and the separators of a contact name's spelling. A '.' or ':' makes it a date or a
// time, whatever libphonenumber says.
bool is_phone_character(char c) {
  return is_digit(c) || c == '+' || c == '(' || c == ')' || c == ' ' || c == '-' || c == '/';
}

std::string digits_of(std::string_view number) {
  std::string digits;
  std::ranges::copy_if(number, std::back_inserter(digits), is_digit);
  return digits;
}

int two_digits(std::string_view digits, std::size_t at) {
  return (digits[at] - '0') * 10 + (digits[at + 1] - '0');
}

bool is_day_and_month(int day, int month) {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// "03.07.2023" or "07/03/2023" without its separators: a day and a month (either order) and
// a year of this or the last century. The day can start with 0 as a German area code does.
bool reads_as_date(std::string_view digits) {
  if (digits.size() != 8) {
    return false;
  }
  const int first = two_digits(digits, 0);
  const int second = two_digits(digits, 2);
  const int century = two_digits(digits, 4);
  return (is_day_and_month(first, second) || is_day_and_month(second, first)) &&
         (century == 19 || century == 20);
}

std::optional<PhoneNumber> parse(std::string_view number, const char* region) {
  PhoneNumber parsed;
  const auto* util = PhoneNumberUtil::GetInstance();
  if (util->Parse(std::string(number), region, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  return parsed;
}

std::optional<PhoneNumber> international_number(std::string_view number) {
  auto parsed = parse(number, "DE");
  const auto* util = PhoneNumberUtil::GetInstance();
  if (parsed && util->IsPossibleNumberWithReason(*parsed) == PhoneNumberUtil::IS_POSSIBLE) {
    return parsed;
  }
  return std::nullopt;
}

std::optional<PhoneNumber> valid_in(std::string_view number, const char* region) {
  auto parsed = parse(number, region);
  if (parsed && PhoneNumberUtil::GetInstance()->IsValidNumber(*parsed)) {
    return parsed;
  }
  return std::nullopt;
}

std::optional<PhoneNumber> national_number(std::string_view number) {
  for (const char* region : {"DE", "AT", "CH", "GB"}) {
    if (auto parsed = valid_in(number, region)) {
      return parsed;
    }
  }
  return std::nullopt;
}

std::optional<PhoneNumber> north_american_number(std::string_view digits) {
  const bool ten = digits.size() == 10 && digits[0] >= '2';
  const bool eleven = digits.size() == 11 && digits[0] == '1' && digits[1] >= '2';
  return ten || eleven ? valid_in(digits, "US") : std::nullopt;
}

std::optional<PhoneNumber> accepted_number(std::string_view number) {
  if (number.empty() || !std::ranges::all_of(number, is_phone_character)) {
    return std::nullopt;
  }
  const std::string digits = digits_of(number);
  if (digits.size() < kMinDigits || digits.size() > kMaxDigits) {
    return std::nullopt;
  }
  if (number.front() == '+' || digits.starts_with("00")) {
    return international_number(number);
  }
  if (digits.front() == '0') {
    const bool national_length =
        digits.size() >= kMinNationalDigits && digits.size() <= kMaxNationalDigits;
    return national_length && !reads_as_date(digits) ? national_number(number) : std::nullopt;
  }
  return north_american_number(digits);
}

}  // namespace

bool phone(std::string_view number) {
  return accepted_number(number).has_value();
}

std::string phone_in_e164(std::string_view number) {
  const auto parsed = accepted_number(number);
  std::string formatted;
  if (parsed) {
    PhoneNumberUtil::GetInstance()->Format(*parsed, PhoneNumberUtil::E164, &formatted);
  }
  return formatted;
}

}  // namespace waudit::validate

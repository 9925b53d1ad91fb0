// Check digit positions per ICAO Doc 9303 part 4 (TD3), 5 (TD1) and 6 (TD2), 0-based here.
// A random block passes the four or five check digits with a probability of about 1e-4, so a
// valid MRZ in a chat is as good as proof that an ID document was shared. Not handled: a TD1
// document number longer than 9 characters, which continues in the optional data.
#include "validate/icao_mrz.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>

namespace waudit::validate {

namespace {

constexpr std::size_t kTd1Line = 30;
constexpr std::size_t kTd2Line = 36;
constexpr std::size_t kTd3Line = 44;
constexpr std::array kWeights = {7, 3, 1};

bool is_mrz_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}

// Whether `check` is the check digit of `field`; a check digit is never '<' here.
bool checks(std::string_view field, char check) {
  return icao_check_digit(field) == check;
}

// A range [begin, begin + length) of a line.
struct Field {
  std::size_t begin = 0;
  std::size_t length = 0;
};

std::string concatenate(std::string_view line, std::initializer_list<Field> fields) {
  std::string out;
  for (const Field& field : fields) {
    out += line.substr(field.begin, field.length);
  }
  return out;
}

// TD1: line 1 holds the document number (5-13) and its check digit (14); line 2 the birth
// date (0-5, check 6), the expiry date (8-13, check 14) and the composite check digit (29)
// over line 1 5-29 and line 2 0-6, 8-14, 18-28.
bool td1(std::string_view mrz) {
  const std::string_view one = mrz.substr(0, kTd1Line);
  const std::string_view two = mrz.substr(kTd1Line, kTd1Line);
  const std::string composite =
      std::string(one.substr(5, 25)) + concatenate(two, {{0, 7}, {8, 7}, {18, 11}});
  return (one[0] == 'A' || one[0] == 'C' || one[0] == 'I') && checks(one.substr(5, 9), one[14]) &&
         checks(two.substr(0, 6), two[6]) && checks(two.substr(8, 6), two[14]) &&
         checks(composite, two[29]);
}

// TD2 and TD3 share line 2: document number (0-8, check 9), birth date (13-18, check 19),
// expiry date (21-26, check 27), then optional data and the composite check digit (last) over
// 0-9, 13-19 and 21 up to the composite.
bool td2_or_td3_line_two(std::string_view two) {
  const std::size_t last = two.size() - 1;
  const std::string composite = concatenate(two, {{0, 10}, {13, 7}, {21, last - 21}});
  return checks(two.substr(0, 9), two[9]) && checks(two.substr(13, 6), two[19]) &&
         checks(two.substr(21, 6), two[27]) && checks(composite, two[last]);
}

bool td2(std::string_view mrz) {
  const char code = mrz[0];
  return (code == 'A' || code == 'C' || code == 'I') && td2_or_td3_line_two(mrz.substr(kTd2Line));
}

// TD3 adds the personal number (28-41, check 42); when it is unused (all '<'), the check digit
// may be '<' as well as '0'.
bool td3(std::string_view mrz) {
  const std::string_view two = mrz.substr(kTd3Line);
  const std::string_view personal = two.substr(28, 14);
  const bool unused = std::ranges::all_of(personal, [](char c) { return c == '<'; });
  const bool personal_ok = (unused && two[42] == '<') || checks(personal, two[42]);
  return mrz[0] == 'P' && personal_ok && td2_or_td3_line_two(two);
}

}  // namespace

std::optional<char> icao_check_digit(std::string_view field) {
  int sum = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    int value = 0;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    } else if (c != '<') {
      return std::nullopt;
    }
    sum += value * kWeights[i % kWeights.size()];
  }
  return static_cast<char>('0' + sum % 10);
}

bool icao_mrz(std::string_view normalized) {
  std::array<char, 3 * kTd1Line> buffer{};  // the longest layout, TD1 (90 characters)
  std::size_t length = 0;
  for (const char c : normalized) {
    if (c == '\n' || c == '\r') {
      continue;
    }
    if (!is_mrz_character(c) || length == buffer.size()) {
      return false;
    }
    buffer[length++] = c;
  }
  const std::string_view mrz(buffer.data(), length);
  switch (length) {
    case 3 * kTd1Line:
      return td1(mrz);
    case 2 * kTd2Line:
      return td2(mrz);
    case 2 * kTd3Line:
      return td3(mrz);
    default:
      return false;
  }
}

}  // namespace waudit::validate

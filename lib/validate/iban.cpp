// IBAN check per ISO 13616-1: registry country, registry length, BBAN structure, and check
// digits per ISO 7064 MOD 97-10. The check digits are recomputed rather than testing
// "remainder == 1", because that test also passes 00, 01 and 99 for some BBANs, which no
// bank issues. The remainder is built one character at a time, so no bignum is needed.
#include "validate/iban.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace waudit::validate {

namespace {

constexpr int kModulus = 97;
constexpr int kCheckBase = 98;  // ISO 7064 MOD 97-10: check = 98 - (n mod 97) over "...00"

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// ISO 13616 reads letters as two-digit numbers, A=10 ... Z=35, then takes the decimal number
// mod 97: r = r * 10 + digit, or r * 100 + letter value, reduced at every step.
// nullopt on a character outside 0-9 A-Z.
std::optional<int> mod97(std::string_view text) {
  int remainder = 0;
  for (const char c : text) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % kModulus;
    } else if (is_upper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % kModulus;
    } else {
      return std::nullopt;
    }
  }
  return remainder;
}

// One field of a registry structure: "4!a" is exactly four upper-case letters.
struct BbanField {
  std::size_t length = 0;
  char kind = 0;  // 'n', 'a' or 'c'
};

// Takes one field off the front of `structure`; nullopt when it is malformed, including a
// field without '!' (variable length), which the registry does not use for BBANs.
std::optional<BbanField> take_field(std::string_view& structure) {
  BbanField field;
  std::size_t pos = 0;
  for (; pos < structure.size() && is_digit(structure[pos]); ++pos) {
    field.length = field.length * 10 + static_cast<std::size_t>(structure[pos] - '0');
  }
  if (pos == 0 || pos + 1 >= structure.size() || structure[pos] != '!') {
    return std::nullopt;
  }
  field.kind = structure[pos + 1];
  if (field.kind != 'n' && field.kind != 'a' && field.kind != 'c') {
    return std::nullopt;
  }
  structure.remove_prefix(pos + 2);
  return field;
}

bool matches_kind(char c, char kind) {
  switch (kind) {
    case 'n':
      return is_digit(c);
    case 'a':
      return is_upper(c);
    default:
      return is_digit(c) || is_upper(c);
  }
}

}  // namespace

bool matches_bban_structure(std::string_view bban, std::string_view structure) {
  while (!structure.empty()) {
    const auto field = take_field(structure);
    if (!field || bban.size() < field->length) {
      return false;
    }
    for (const char c : bban.substr(0, field->length)) {
      if (!matches_kind(c, field->kind)) {
        return false;
      }
    }
    bban.remove_prefix(field->length);
  }
  return bban.empty();
}

bool iban(std::string_view normalized) {
  if (normalized.size() < 4) {
    return false;
  }
  const auto country = find_iban_country(normalized.substr(0, 2));
  if (!country || normalized.size() != static_cast<std::size_t>(country->length)) {
    return false;
  }
  const std::string_view bban = normalized.substr(4);
  if (!matches_bban_structure(bban, country->structure)) {
    return false;
  }
  return normalized.substr(2, 2) == iban_check_digits(country->code, bban);
}

// ISO 13616 moves country code and check digits behind the BBAN; with the check digits set
// to "00", 98 - remainder makes the whole number 1 mod 97. The result is always 02..98.
std::string iban_check_digits(std::string_view country, std::string_view bban) {
  std::string moved(bban);
  moved += country;
  moved += "00";
  const auto remainder = mod97(moved);
  if (!remainder) {
    return {};
  }
  const int check = kCheckBase - *remainder;
  return {static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)};
}

}  // namespace waudit::validate

// Card schemes by issuer prefix (IIN, ISO/IEC 7812-1) and the PAN lengths each scheme issues,
// after shared/design/research/detectors.md section 3.2. The ranges overlap: Maestro's
// 50 and 56-69 contain the Discover, UnionPay and girocard prefixes, so the table is read top
// down and Maestro comes last. The scheme only labels a finding; Luhn and length decide it.
#include "validate/payment_card.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace waudit::validate {

namespace {

// One prefix range of a scheme: the number's first low.size() digits lie in [low, high]
// (equal-length digit strings compare like numbers), and its length in [min_length,
// max_length].
struct SchemeRange {
  std::string_view scheme;
  std::string_view low;
  std::string_view high;
  std::size_t min_length = 0;
  std::size_t max_length = 0;
};

constexpr std::array kSchemeRanges = {
    // Visa: 16, and 19 for some debit cards. 13-digit Visa is left out (see the header).
    SchemeRange{"visa", "4", "4", 16, 16},
    SchemeRange{"visa", "4", "4", 19, 19},
    SchemeRange{"mastercard", "51", "55", 16, 16},
    SchemeRange{"mastercard", "2221", "2720", 16, 16},
    SchemeRange{"amex", "34", "34", 15, 15},
    SchemeRange{"amex", "37", "37", 15, 15},
    // girocard PAN: 672 (banks) or 59 (Sparkassen) + Institutsnummer + account + check digit.
    SchemeRange{"girocard", "672", "672", 19, 19},
    SchemeRange{"girocard", "59", "59", 19, 19},
    // Discover's 622126-622925 lies inside UnionPay's 62, so Discover comes first.
    SchemeRange{"discover", "6011", "6011", 16, 19},
    SchemeRange{"discover", "622126", "622925", 16, 19},
    SchemeRange{"discover", "644", "649", 16, 19},
    SchemeRange{"discover", "65", "65", 16, 19},
    SchemeRange{"jcb", "3528", "3589", 16, 19},
    SchemeRange{"diners", "300", "305", 14, 19},
    SchemeRange{"diners", "36", "36", 14, 19},
    SchemeRange{"diners", "38", "39", 14, 19},
    SchemeRange{"unionpay", "62", "62", 16, 19},
    // Maestro last: its broad range holds the more specific prefixes above.
    SchemeRange{"maestro", "50", "50", 12, 19},
    SchemeRange{"maestro", "56", "69", 12, 19},
};

bool all_digits(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

bool in_range(std::string_view digits, const SchemeRange& range) {
  if (digits.size() < range.min_length || digits.size() > range.max_length) {
    return false;
  }
  const std::string_view prefix = digits.substr(0, range.low.size());
  return range.low <= prefix && prefix <= range.high;
}

}  // namespace

std::string_view card_scheme(std::string_view digits) {
  if (!all_digits(digits)) {
    return {};
  }
  const auto found = std::ranges::find_if(
      kSchemeRanges, [digits](const SchemeRange& range) { return in_range(digits, range); });
  return found == kSchemeRanges.end() ? std::string_view() : found->scheme;
}

bool payment_card(std::string_view normalized) {
  return luhn(normalized) && !card_scheme(normalized).empty();
}

}  // namespace waudit::validate

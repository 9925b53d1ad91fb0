#include "media/document_numbers.hpp"

#include "media/ocr_confusion.hpp"
#include "validate/iban.hpp"
#include "validate/icao_mrz.hpp"
#include "validate/payment_card.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace waudit::media {
namespace {

constexpr std::size_t kMinCardDigits = 13;
constexpr std::size_t kMaxCardDigits = 19;

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = text.find_first_not_of(separators, pos);
    if (begin == std::string_view::npos) {
      break;
    }
    const std::size_t end = std::min(text.find_first_of(separators, begin), text.size());
    parts.push_back(text.substr(begin, end - begin));
    pos = end;
  }
  return parts;
}

void add(std::vector<DocumentNumber>& found, NumberKind kind, std::string value) {
  const bool known = std::any_of(found.begin(), found.end(), [&](const DocumentNumber& number) {
    return number.kind == kind && number.value == value;
  });
  if (!known) {
    found.push_back({kind, std::move(value)});
  }
}

// Card numbers: runs of numeric-looking groups on one line ("4111 1111 1111 1111", "3782
// 822463 10005", "4111111111111111"), joined from a group start to a group end.
void find_cards(std::string_view line, std::vector<DocumentNumber>& found) {
  const std::vector<std::string_view> tokens = split(line, " \t-.");
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    std::string digits;
    for (std::size_t last = first; last < tokens.size() && looks_numeric(tokens[last]); ++last) {
      digits += *as_digits(tokens[last]);
      if (digits.size() > kMaxCardDigits) {
        break;
      }
      if (digits.size() >= kMinCardDigits && validate::payment_card(digits)) {
        add(found, NumberKind::payment_card, digits);
      }
    }
  }
}

// The character class of each BBAN position from a registry structure like "8!n10!n":
// 'n' digits, 'a' letters, 'c' either.
std::string bban_classes(std::string_view structure) {
  std::string classes;
  std::size_t count = 0;
  for (const char c : structure) {
    if (c >= '0' && c <= '9') {
      count = count * 10 + static_cast<std::size_t>(c - '0');
    } else if (c == 'n' || c == 'a' || c == 'c') {
      classes.append(count, c);
      count = 0;
    }
  }
  return classes;
}

// IBANs: the line without blanks, from each two letters on, digits read back where the
// country's structure wants digits.
void find_ibans(std::string_view line, std::vector<DocumentNumber>& found) {
  std::string packed;
  for (const char c : line) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      packed.push_back(c);  // case kept: OCR's 'l' is a digit, its 'L' is not
    }
  }
  const auto upper = [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  };
  for (std::size_t start = 0; start + 4 <= packed.size(); ++start) {
    const std::string code{upper(packed[start]), upper(packed[start + 1])};
    const auto country = validate::find_iban_country(code);
    const auto length = country ? static_cast<std::size_t>(country->length) : 0;
    if (!country || start + length > packed.size()) {
      continue;
    }
    std::string candidate = packed.substr(start, length);
    const std::string classes = "aann" + bban_classes(country->structure);
    for (std::size_t i = 0; i < candidate.size(); ++i) {
      const bool digit = i < classes.size() && classes[i] == 'n';
      candidate[i] =
          digit ? as_digit(candidate[i]).value_or(upper(candidate[i])) : upper(candidate[i]);
    }
    if (validate::iban(candidate)) {
      add(found, NumberKind::iban, candidate);
    }
  }
}

// An MRZ-looking line: upper-case letters, digits and '<' with blanks removed; OCR's '«' is
// read as "<<". nullopt when it is too short or has no filler.
std::optional<std::string> mrz_line(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xAB') {
      out += "<<";
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '<') {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  if (out.size() < 28 || std::count(out.begin(), out.end(), '<') < 2) {
    return std::nullopt;
  }
  return out;
}

// OCR drops or adds a filler in a long run of '<': a line is fitted to `length` at its end
// when that end is filler.
std::optional<std::string> fit(std::string line, std::size_t length) {
  while (line.size() > length && line.back() == '<') {
    line.pop_back();
  }
  if (line.size() < length && line.size() + 3 >= length && line.back() == '<') {
    line.append(length - line.size(), '<');
  }
  return line.size() == length ? std::optional(line) : std::nullopt;
}

// Positions (in the joined lines) that hold digits: dates and check digits.
struct MrzLayout {
  NumberKind kind;
  std::size_t lines;
  std::size_t length;
  std::vector<std::size_t> digits;
};

const std::array<MrzLayout, 3>& mrz_layouts() {
  static const std::array<MrzLayout, 3> layouts = {
      MrzLayout{NumberKind::mrz_td1,
                3,
                30,
                {14, 30, 31, 32, 33, 34, 35, 36, 38, 39, 40, 41, 42, 43, 44, 59}},
      MrzLayout{NumberKind::mrz_td2,
                2,
                36,
                {45, 49, 50, 51, 52, 53, 54, 55, 57, 58, 59, 60, 61, 62, 63, 71}},
      MrzLayout{NumberKind::mrz_td3,
                2,
                44,
                {53, 57, 58, 59, 60, 61, 62, 63, 65, 66, 67, 68, 69, 70, 71, 87}},
  };
  return layouts;
}

void try_mrz(const std::vector<std::string>& lines, std::size_t first, const MrzLayout& layout,
             std::vector<DocumentNumber>& found) {
  std::string joined;
  for (std::size_t i = first; i < first + layout.lines; ++i) {
    const auto fitted = fit(lines[i], layout.length);
    if (!fitted) {
      return;
    }
    joined += *fitted;
  }
  for (const std::size_t pos : layout.digits) {
    joined[pos] = as_digit(joined[pos]).value_or(joined[pos]);
  }
  if (validate::icao_mrz(joined)) {
    add(found, layout.kind, joined);
  }
}

void find_mrz(const std::vector<std::string_view>& text_lines, std::vector<DocumentNumber>& found) {
  std::vector<std::string> lines;
  for (const std::string_view line : text_lines) {
    if (auto cleaned = mrz_line(line)) {
      lines.push_back(std::move(*cleaned));
    }
  }
  for (std::size_t first = 0; first < lines.size(); ++first) {
    for (const MrzLayout& layout : mrz_layouts()) {
      if (first + layout.lines <= lines.size()) {
        try_mrz(lines, first, layout, found);
      }
    }
  }
}

}  // namespace

std::vector<DocumentNumber> find_document_numbers(std::string_view ocr_text) {
  std::vector<DocumentNumber> found;
  const std::vector<std::string_view> lines = split(ocr_text, "\n\r");
  for (const std::string_view line : lines) {
    find_cards(line, found);
    find_ibans(line, found);
  }
  find_mrz(lines, found);
  return found;
}

std::string shown_value(const DocumentNumber& number) {
  std::string_view value = number.value;
  if (number.kind == NumberKind::mrz_td1) {
    value = value.substr(5, 9);
  } else if (number.kind != NumberKind::payment_card && number.kind != NumberKind::iban) {
    value = value.substr(value.size() / 2, 9);  // line 2 starts with the document number
  } else {
    std::string grouped;
    for (std::size_t i = 0; i < value.size(); ++i) {
      grouped += (i > 0 && i % 4 == 0) ? " " : "";
      grouped.push_back(value[i]);
    }
    return grouped;
  }
  return std::string(value.substr(0, value.find('<')));
}

std::string_view describe(NumberKind kind) {
  switch (kind) {
    case NumberKind::iban:
      return "IBAN";
    case NumberKind::mrz_td1:
      return "MRZ (TD1)";
    case NumberKind::mrz_td2:
      return "MRZ (TD2)";
    case NumberKind::mrz_td3:
      return "MRZ (TD3)";
    case NumberKind::payment_card:
      break;
  }
  return "payment card number";
}

}  // namespace waudit::media

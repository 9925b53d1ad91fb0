// Characters OCR mistakes for digits. Card numbers, IBANs and MRZ check digits are read from
// photos, where Tesseract often reads 0 as O, 1 as I, l, ] or |, 5 as S and 8 as B. A value is
// mapped back to digits only where a digit must stand, so a name is never turned into a number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace waudit::media {

// The digit `c` stands for: itself when it is one, the digit OCR confuses it with (O -> 0,
// I/l/]/|/[/! -> 1, Z -> 2, S -> 5, G -> 6, B -> 8, ...), else nullopt.
std::optional<char> as_digit(char c);

// `text` with every character mapped by as_digit; nullopt when one has no digit reading.
std::optional<std::string> as_digits(std::string_view text);

// Whether a token is meant as a group of digits: all its characters have a digit reading and
// at least half of them are real digits ("4l11" yes, "Sl" no).
bool looks_numeric(std::string_view token);

}  // namespace waudit::media

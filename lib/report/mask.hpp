// Masking of values in every output: reports must not become a new leak.
#pragma once

#include <string>
#include <string_view>

namespace waudit::report {

// How much of a value stays visible: bank and card numbers may show both ends (PCI DSS allows
// more), identity and health numbers only their last two characters, since their first ones
// carry a birth date, a document type or a region.
enum class Reveal { ends, tail };

// Keeps the value's layout (spaces, dashes; line breaks become spaces) and replaces letters and
// digits with '*', except: with 12 or more of them and Reveal::ends, the first 4 and last 4
// stay (DE89 **** **** **** **30 00); with 8 or more otherwise, the last 2 stay; with fewer,
// none does.
std::string mask_value(std::string_view value, Reveal reveal = Reveal::ends);

// The reveal for a rule's findings: Reveal::ends for the financial category, else tail.
Reveal reveal_for_category(std::string_view category);

// Whether `value` could be what mask_value made of some value with `reveal`: every character
// that the masking would hide is '*'. A baseline written with --show-values (or by a version
// that revealed more) fails this and is masked again before it is reported.
bool looks_masked(std::string_view value, Reveal reveal = Reveal::ends);

}  // namespace waudit::report

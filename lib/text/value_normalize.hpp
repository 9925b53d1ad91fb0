// Normalisation of an extracted value for validation and fingerprinting only; the scanned
// text itself is never rewritten, so spans still point into the original bytes.
#pragma once

#include <string>
#include <string_view>

namespace waudit::text {

// `value` without separators typed inside numbers (space, '-', '.', '/', U+00A0, U+202F,
// U+2009, U+2010-U+2015, U+2212) and invisible marks (U+200B-U+200F, U+2060, U+FEFF,
// U+202A-U+202E, U+2066-U+2069), with ASCII letters upper-cased.
std::string normalize_value(std::string_view value);

}  // namespace waudit::text

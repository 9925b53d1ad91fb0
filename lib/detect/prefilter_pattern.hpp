// The copy of a rule pattern that the scanner's RE2::Set holds (detect/scanner.cpp): it matches
// wherever the pattern matches (and sometimes elsewhere), and compiles far smaller, because
// Unicode classes such as \p{L} are exact only below U+0100.
#pragma once

#include <string>
#include <string_view>

namespace waudit::detect {

[[nodiscard]] std::string prefilter_pattern(std::string_view pattern);

}  // namespace waudit::detect

// Property tests of check-digit algorithms: every string that differs from a valid one in a
// single digit (another digit at a position that holds a digit) must be rejected.
#pragma once

#include <string>
#include <string_view>
#include <vector>

inline std::vector<std::string> single_digit_changes(std::string_view valid) {
  std::vector<std::string> changed;
  for (std::size_t i = 0; i < valid.size(); ++i) {
    if (valid[i] < '0' || valid[i] > '9') {
      continue;
    }
    for (char digit = '0'; digit <= '9'; ++digit) {
      if (digit != valid[i]) {
        std::string mutated(valid);
        mutated[i] = digit;
        changed.push_back(std::move(mutated));
      }
    }
  }
  return changed;
}

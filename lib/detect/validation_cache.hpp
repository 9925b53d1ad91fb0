// Validators are pure functions of the normalised value, and some are slow (phone: libphonenumber
// parses with ICU regular expressions, 10 us a call), while chats repeat their values: the same
// customer number, the same IBAN, the same date in many messages. Each thread keeps its last
// results in a small direct-mapped table, so a repeated value costs a hash and a compare.
#pragma once

#include "validate/registry.hpp"

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace waudit::detect {

// `check(value)`, from this thread's table when it was asked lately.
inline bool validated(validate::Validator check, std::string_view value) {
  struct Entry {
    validate::Validator check = nullptr;
    std::string value;
    bool valid = false;
  };

  constexpr std::size_t kEntries = 4096;  // 4096 short strings: about 200 KB per thread
  thread_local std::array<Entry, kEntries> table;
  Entry& entry = table[std::hash<std::string_view>{}(value) % kEntries];
  if (entry.check != check || entry.value != value) {
    entry.check = check;
    entry.value.assign(value);
    entry.valid = check(value);
  }
  return entry.valid;
}

}  // namespace waudit::detect

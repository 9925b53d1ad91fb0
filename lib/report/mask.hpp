// Masking of values in every output: reports must not become a new leak.
#pragma once

#include <string>
#include <string_view>

namespace waudit::report {

// Keeps the value's layout (spaces, dashes) and replaces letters and digits with '*', except:
// with 12 or more of them, the first 4 and last 4 stay (DE89 **** **** **** **30 00);
// with 8 to 11, the last 2 stay; with fewer, none does.
std::string mask_value(std::string_view value);

}  // namespace waudit::report

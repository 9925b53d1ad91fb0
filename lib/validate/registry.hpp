// Validators by the name a rule pack uses for them: one table, so an unknown name is an
// error when the pack is loaded rather than a silent no-op.
#pragma once

#include <string_view>
#include <vector>

namespace waudit::validate {

// Takes the normalized value (see text/value_normalize.hpp).
using Validator = bool (*)(std::string_view normalized);

// nullptr when no validator has this name.
Validator find_validator(std::string_view name);

// Every registered name, sorted.
std::vector<std::string_view> validator_names();

}  // namespace waudit::validate

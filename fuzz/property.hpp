// What the fuzz targets check beyond "no crash": a property that does not hold prints which
// one and aborts, so libFuzzer reports it like a crash and keeps the input that broke it.
#pragma once

#include <fmt/format.h>

#include <cstdlib>
#include <string_view>

namespace waudit::fuzz {

// Aborts with `property` on stderr when `holds` is false.
inline void require(bool holds, std::string_view property) {
  if (!holds) {
    fmt::print(stderr, "property violated: {}\n", property);
    std::abort();
  }
}

}  // namespace waudit::fuzz

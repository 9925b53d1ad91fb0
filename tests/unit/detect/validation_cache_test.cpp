#include "detect/validation_cache.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

int calls = 0;

bool even_length(std::string_view value) {
  ++calls;
  return value.size() % 2 == 0;
}

bool starts_with_plus(std::string_view value) {
  ++calls;
  return value.starts_with('+');
}

}  // namespace

TEST_CASE("detect::validated gives each validator's own answer and asks it once per value") {
  using waudit::detect::validated;
  calls = 0;
  CHECK_FALSE(validated(even_length, "+4917"));
  CHECK(validated(even_length, "+49170"));
  CHECK(calls == 2);
  CHECK_FALSE(validated(even_length, "+4917"));  // from the table
  CHECK(calls == 2);
  // The same value for another validator is that validator's answer, not the cached one.
  CHECK(validated(starts_with_plus, "+49170"));
  CHECK(calls == 3);
  // Many values sharing the table's slots: every answer is still right.
  for (int i = 0; i < 20000; ++i) {
    const std::string value = std::to_string(i);
    CHECK(validated(even_length, value) == (value.size() % 2 == 0));
  }
}

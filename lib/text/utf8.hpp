// UTF-8 as it comes: exports may hold invalid bytes, which are kept byte-exact for
// locations and replaced (U+FFFD) only when text is shown.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace waudit::text {

// Number of code points in `bytes`; an invalid byte counts as one code point.
std::size_t count_code_points(std::string_view bytes);

// Length in bytes of the well-formed UTF-8 sequence starting at bytes[0], or 0 when
// bytes[0] does not start one (or `bytes` is empty).
std::size_t sequence_length(std::string_view bytes);

// Code point of the well-formed sequence at the start of `bytes`; requires
// sequence_length(bytes) > 0.
char32_t decode(std::string_view bytes);

bool is_valid(std::string_view bytes);

// `bytes` with every invalid byte replaced by U+FFFD, for display and JSON.
std::string to_valid(std::string_view bytes);

// Appends the UTF-8 encoding of `code_point` to `out`.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace waudit::text

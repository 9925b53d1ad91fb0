// A small UTF-8 decoder that never throws and never skips bytes: exports can hold invalid
// sequences, and locations must still count them (each invalid byte is one code point).
#include "text/utf8.hpp"

namespace waudit::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Length announced by a lead byte, 0 for bytes that cannot start a sequence.
std::size_t announced_length(unsigned char lead) {
  if (lead < 0x80U) {
    return 1;
  }
  if (lead >= 0xC2U && lead <= 0xDFU) {
    return 2;
  }
  if (lead >= 0xE0U && lead <= 0xEFU) {
    return 3;
  }
  if (lead >= 0xF0U && lead <= 0xF4U) {
    return 4;
  }
  return 0;
}

}  // namespace

std::size_t sequence_length(std::string_view bytes) {
  if (bytes.empty()) {
    return 0;
  }
  const auto lead = static_cast<unsigned char>(bytes[0]);
  const std::size_t length = announced_length(lead);
  if (length <= 1 || bytes.size() < length) {
    return length <= 1 ? length : 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (!is_continuation(static_cast<unsigned char>(bytes[i]))) {
      return 0;
    }
  }
  // Overlong forms, surrogates and values above U+10FFFF are not UTF-8 (RFC 3629).
  const auto second = static_cast<unsigned char>(bytes[1]);
  if ((lead == 0xE0U && second < 0xA0U) || (lead == 0xEDU && second > 0x9FU) ||
      (lead == 0xF0U && second < 0x90U) || (lead == 0xF4U && second > 0x8FU)) {
    return 0;
  }
  return length;
}

char32_t decode(std::string_view bytes) {
  const std::size_t length = sequence_length(bytes);
  const auto lead = static_cast<unsigned char>(bytes[0]);
  if (length <= 1) {
    return length == 1 ? lead : kReplacement;
  }
  static constexpr unsigned char kLeadMask[] = {0, 0, 0x1F, 0x0F, 0x07};
  char32_t code_point = lead & kLeadMask[length];
  for (std::size_t i = 1; i < length; ++i) {
    code_point = (code_point << 6U) | (static_cast<unsigned char>(bytes[i]) & 0x3FU);
  }
  return code_point;
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    // ASCII fast path: most chat text is ASCII.
    const std::size_t length = byte < 0x80U ? 1 : sequence_length(bytes.substr(i));
    i += length == 0 ? 1 : length;
    ++count;
  }
  return count;
}

bool is_valid(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t length = sequence_length(bytes.substr(i));
    if (length == 0) {
      return false;
    }
    i += length;
  }
  return true;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80U) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800U) {
    out += static_cast<char>(0xC0U | (code_point >> 6U));
    out += static_cast<char>(0x80U | (code_point & 0x3FU));
  } else if (code_point < 0x10000U) {
    out += static_cast<char>(0xE0U | (code_point >> 12U));
    out += static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (code_point & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (code_point >> 18U));
    out += static_cast<char>(0x80U | ((code_point >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (code_point & 0x3FU));
  }
}

std::string to_valid(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t length = sequence_length(bytes.substr(i));
    if (length == 0) {
      append_utf8(out, kReplacement);
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace waudit::text

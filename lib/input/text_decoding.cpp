#include "input/text_decoding.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace waudit::input {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
// UTF-16 bytes read from the underlying stream at a time.
constexpr std::size_t kInputChunk = std::size_t{16} << 10;

// Hands out `prefix` (the bytes read for sniffing, BOM removed) and then the rest of `inner`.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}

  tl::expected<std::size_t, Problem> read(std::span<char> buffer) override {
    if (position_ < prefix_.size()) {
      const std::size_t count = std::min(buffer.size(), prefix_.size() - position_);
      prefix_.copy(buffer.data(), count, position_);
      position_ += count;
      return count;
    }
    return inner_->read(buffer);
  }

 private:
  std::string prefix_;
  std::size_t position_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

// Transcodes UTF-16 to UTF-8 as it is read. Memory: one input chunk and the up to 4 bytes of
// a code point that did not fit into the caller's buffer.
class Utf16Source final : public ByteSource {
 public:
  Utf16Source(std::unique_ptr<ByteSource> inner, TextEncoding encoding)
      : inner_(std::move(inner)), big_endian_(encoding == TextEncoding::utf16be) {
    input_.resize(kInputChunk);
  }

  tl::expected<std::size_t, Problem> read(std::span<char> buffer) override;

 private:
  // Makes at least two bytes available unless the end is reached.
  [[nodiscard]] tl::expected<void, Problem> fill();
  std::uint16_t take_unit();
  // Writes the UTF-8 of `code_point` into `buffer` from `written`, keeping what does not fit.
  void emit(char32_t code_point, std::span<char> buffer, std::size_t& written);

  std::unique_ptr<ByteSource> inner_;
  bool big_endian_;
  std::vector<char> input_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool at_eof_ = false;
  std::uint16_t high_surrogate_ = 0;  // a high surrogate waiting for its low half
  std::array<char, 4> pending_{};
  std::size_t pending_begin_ = 0;
  std::size_t pending_end_ = 0;
};

tl::expected<void, Problem> Utf16Source::fill() {
  while (end_ - begin_ < 2 && !at_eof_) {
    std::memmove(input_.data(), input_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
    auto count = inner_->read(std::span<char>(input_.data() + end_, input_.size() - end_));
    if (!count) {
      return tl::unexpected(count.error());
    }
    end_ += *count;
    at_eof_ = *count == 0;
  }
  return {};
}

std::uint16_t Utf16Source::take_unit() {
  const auto first = static_cast<unsigned char>(input_[begin_]);
  const auto second = static_cast<unsigned char>(input_[begin_ + 1]);
  begin_ += 2;
  return static_cast<std::uint16_t>(big_endian_ ? (first << 8) | second : (second << 8) | first);
}

void Utf16Source::emit(char32_t code_point, std::span<char> buffer, std::size_t& written) {
  std::string bytes;  // at most 4 bytes: no allocation
  text::append_utf8(bytes, code_point);
  const std::size_t fits = std::min(bytes.size(), buffer.size() - written);
  std::memcpy(buffer.data() + written, bytes.data(), fits);
  written += fits;
  std::memcpy(pending_.data(), bytes.data() + fits, bytes.size() - fits);
  pending_begin_ = 0;
  pending_end_ = bytes.size() - fits;
}

tl::expected<std::size_t, Problem> Utf16Source::read(std::span<char> buffer) {
  std::size_t written = 0;
  const std::size_t from_pending = std::min(buffer.size(), pending_end_ - pending_begin_);
  std::memcpy(buffer.data(), pending_.data() + pending_begin_, from_pending);
  pending_begin_ += from_pending;
  written += from_pending;
  while (written < buffer.size()) {
    if (auto filled = fill(); !filled) {
      return tl::unexpected(filled.error());
    }
    if (end_ - begin_ < 2) {
      // The end: a waiting high surrogate or a lone final byte is one broken character each.
      if (high_surrogate_ != 0) {
        high_surrogate_ = 0;
        emit(kReplacement, buffer, written);
        continue;
      }
      if (end_ > begin_) {
        begin_ = end_;
        emit(kReplacement, buffer, written);
        continue;
      }
      break;
    }
    const std::uint16_t unit = take_unit();
    const bool is_high = unit >= 0xD800 && unit <= 0xDBFF;
    const bool is_low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high_surrogate_ != 0) {
      const char32_t high = high_surrogate_;
      high_surrogate_ = 0;
      if (is_low) {
        emit(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), buffer, written);
      } else {
        emit(kReplacement, buffer, written);
        begin_ -= 2;  // the unit after the broken surrogate starts afresh
      }
    } else if (is_high) {
      high_surrogate_ = unit;
    } else {
      emit(is_low ? kReplacement : char32_t{unit}, buffer, written);
    }
  }
  return written;
}

}  // namespace

std::string_view to_string(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf16le:
      return "utf-16le";
    case TextEncoding::utf16be:
      return "utf-16be";
    case TextEncoding::utf8:
      break;
  }
  return "utf-8";
}

SniffedEncoding sniff_encoding(std::string_view first_bytes) {
  if (first_bytes.starts_with("\xEF\xBB\xBF")) {
    return {TextEncoding::utf8, 3};
  }
  if (first_bytes.starts_with("\xFF\xFE")) {
    return {TextEncoding::utf16le, 2};
  }
  if (first_bytes.starts_with("\xFE\xFF")) {
    return {TextEncoding::utf16be, 2};
  }
  const std::string_view sample = first_bytes.substr(0, kSniffBytes);
  const std::size_t pairs = sample.size() / 2;
  std::size_t even_zeros = 0;
  std::size_t odd_zeros = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    even_zeros += sample[2 * i] == '\0' ? 1 : 0;
    odd_zeros += sample[2 * i + 1] == '\0' ? 1 : 0;
  }
  // A chat text starts with a date in ASCII digits, so its high bytes are NUL; a UTF-8 text
  // has no NUL at all. A few NULs on the other side allow for characters like U+0100.
  if (pairs >= 2 && odd_zeros * 2 >= pairs && even_zeros * 8 < odd_zeros) {
    return {TextEncoding::utf16le, 0};
  }
  if (pairs >= 2 && even_zeros * 2 >= pairs && odd_zeros * 8 < even_zeros) {
    return {TextEncoding::utf16be, 0};
  }
  return {TextEncoding::utf8, 0};
}

tl::expected<DecodedText, Problem> decode_text(std::unique_ptr<ByteSource> raw) {
  std::string prefix(kSniffBytes, '\0');
  std::size_t filled = 0;
  while (filled < prefix.size()) {
    auto count = raw->read(std::span<char>(prefix.data() + filled, prefix.size() - filled));
    if (!count) {
      return tl::unexpected(count.error());
    }
    if (*count == 0) {
      break;
    }
    filled += *count;
  }
  prefix.resize(filled);
  const SniffedEncoding sniffed = sniff_encoding(prefix);
  prefix.erase(0, sniffed.bom_length);
  DecodedText decoded;
  decoded.encoding = sniffed.encoding;
  decoded.source = std::make_unique<PrefixedSource>(std::move(prefix), std::move(raw));
  if (sniffed.encoding != TextEncoding::utf8) {
    decoded.source = std::make_unique<Utf16Source>(std::move(decoded.source), sniffed.encoding);
  }
  return decoded;
}

}  // namespace waudit::input

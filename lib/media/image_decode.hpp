// Images decoded from memory with Leptonica (JPEG, PNG, WebP), never from a path: media entries
// come straight out of the ZIP. The header is read first, so an image over the pixel limit is
// refused before a byte of it is decoded; large JPEGs are decoded at a reduced scale, which
// costs a fraction of the memory and is all OCR needs.
#pragma once

#include "diagnostics.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <memory>
#include <string_view>

struct Pix;  // Leptonica's image

namespace waudit::media {

struct PixDeleter {
  void operator()(Pix* pix) const;
};

using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct ImageSize {
  int width = 0;
  int height = 0;
};

struct DecodeLimits {
  std::uint64_t max_pixels = std::uint64_t{50} << 20;  // of the image as stored
  int target_side = 2400;  // a JPEG's longer side is reduced (by 2, 4 or 8) towards this
};

// Width and height from the header; a Problem when the bytes are no image Leptonica reads.
tl::expected<ImageSize, Problem> read_image_size(std::string_view bytes);

// The decoded image, 8-bit grey, at most limits.target_side * 2 on its longer side for a JPEG.
tl::expected<PixPtr, Problem> decode_image(std::string_view bytes, const DecodeLimits& limits);

// Leptonica writes its own messages to standard error; waudit reports problems itself.
void silence_leptonica();

}  // namespace waudit::media

#include "media/image_decode.hpp"

#include <fmt/format.h>

#include <leptonica/allheaders.h>

#include <mutex>

namespace waudit::media {
namespace {

const l_uint8* data_of(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

// The JPEG reduction (1, 2, 4 or 8) that brings the longer side nearest above `target`.
l_int32 jpeg_reduction(const ImageSize& size, int target) {
  const int longer = std::max(size.width, size.height);
  l_int32 reduction = 1;
  while (reduction < 8 && longer / (reduction * 2) >= target) {
    reduction *= 2;
  }
  return reduction;
}

}  // namespace

void PixDeleter::operator()(Pix* pix) const {
  pixDestroy(&pix);
}

void silence_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

tl::expected<ImageSize, Problem> read_image_size(std::string_view bytes) {
  silence_leptonica();
  l_int32 format = 0;
  ImageSize size;
  if (bytes.empty() || pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &size.width,
                                        &size.height, nullptr, nullptr, nullptr) != 0) {
    return tl::unexpected(Problem{"not a readable image (JPEG, PNG or WebP); skipped", {}});
  }
  return size;
}

tl::expected<PixPtr, Problem> decode_image(std::string_view bytes, const DecodeLimits& limits) {
  auto size = read_image_size(bytes);
  if (!size) {
    return tl::unexpected(size.error());
  }
  const auto pixels = static_cast<std::uint64_t>(size->width) * size->height;
  if (pixels > limits.max_pixels) {
    return tl::unexpected(
        Problem{fmt::format("image of {}x{} pixels exceeds the limit of {} pixels; not read",
                            size->width, size->height, limits.max_pixels),
                {}});
  }
  l_int32 format = 0;
  findFileFormatBuffer(data_of(bytes), &format);
  PixPtr decoded;
  if (format == IFF_JFIF_JPEG) {
    l_int32 warnings = 0;
    decoded.reset(pixReadMemJpeg(data_of(bytes), bytes.size(), 0,
                                 jpeg_reduction(*size, limits.target_side), &warnings, 0));
  } else {
    decoded.reset(pixReadMem(data_of(bytes), bytes.size()));
  }
  if (!decoded) {
    return tl::unexpected(Problem{"image data is damaged; not read", {}});
  }
  PixPtr grey(pixConvertTo8(decoded.get(), 0));
  if (!grey) {
    return tl::unexpected(Problem{"image has an unsupported pixel format; not read", {}});
  }
  return grey;
}

}  // namespace waudit::media

#include "media/image_decode.hpp"

#include "grey_png.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE_BEGIN("media");

using waudit::media::decode_image;
using waudit::media::DecodeLimits;
using waudit::media::read_image_size;

using waudit::media::testing::grey_png;

TEST_CASE("media::read_image_size and decode_image") {
  const std::string image = grey_png(300, 200);
  const auto size = read_image_size(image);
  REQUIRE(size.has_value());
  CHECK(size->width == 300);
  CHECK(size->height == 200);
  const auto decoded = decode_image(image, DecodeLimits{});
  REQUIRE(decoded.has_value());
  CHECK(pixGetDepth(decoded->get()) == 8);
}

TEST_CASE("media::decode_image refuses an image over the pixel limit before decoding it") {
  const auto refused = decode_image(grey_png(300, 200), DecodeLimits{50000, 2400});
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message ==
        "image of 300x200 pixels exceeds the limit of 50000 pixels; not read");
}

TEST_CASE("media::decode_image reports bytes that are no image") {
  CHECK_FALSE(read_image_size("").has_value());
  CHECK_FALSE(read_image_size("not an image at all").has_value());
  std::string cut = grey_png(300, 200);
  cut.resize(cut.size() / 2);
  CHECK_FALSE(decode_image(cut, DecodeLimits{}).has_value());
}

TEST_SUITE_END();

#include "media/card_geometry.hpp"

#include "media/image_decode.hpp"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace waudit::media {
namespace {

// Phone photos are 4:3 (1.33) or 16:9 (1.78); 4 % either side of 1.586 keeps both out.
constexpr double kRatioTolerance = 0.04;
// A card held in the photo covers at least this share of it.
constexpr double kMinCardShare = 0.12;
// Components are found on a copy this wide at most: enough for a card's outline.
constexpr int kMeasureSide = 640;

struct BoxaDeleter {
  void operator()(Boxa* boxa) const { boxaDestroy(&boxa); }
};

// The largest connected region's bounding box fits ID-1 and is not the whole image.
bool largest_region_is_card(Pix* binary, l_int32 width, l_int32 height) {
  std::unique_ptr<Boxa, BoxaDeleter> boxes(pixConnCompBB(binary, 8));
  if (!boxes) {
    return false;
  }
  l_int32 best_w = 0;
  l_int32 best_h = 0;
  for (l_int32 i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0;
    l_int32 y = 0;
    l_int32 w = 0;
    l_int32 h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    if (std::int64_t{w} * h > std::int64_t{best_w} * best_h) {
      best_w = w;
      best_h = h;
    }
  }
  const double share = static_cast<double>(best_w) * best_h / (static_cast<double>(width) * height);
  const bool whole = best_w >= width - 2 && best_h >= height - 2;
  return !whole && share >= kMinCardShare && has_id1_ratio(best_w, best_h);
}

}  // namespace

bool has_id1_ratio(std::int64_t width, std::int64_t height) {
  if (width <= 0 || height <= 0) {
    return false;
  }
  const double ratio =
      static_cast<double>(std::max(width, height)) / static_cast<double>(std::min(width, height));
  return std::abs(ratio - kId1Ratio) <= kId1Ratio * kRatioTolerance;
}

bool shows_id1_card(Pix* grey) {
  const l_int32 width = pixGetWidth(grey);
  const l_int32 height = pixGetHeight(grey);
  if (has_id1_ratio(width, height)) {
    return true;
  }
  const float scale = std::min(
      1.0F, static_cast<float>(kMeasureSide) / static_cast<float>(std::max(width, height)));
  PixPtr small(pixScale(grey, scale, scale));
  if (!small) {
    return false;
  }
  Pix* binary_raw = nullptr;
  if (pixOtsuAdaptiveThreshold(small.get(), pixGetWidth(small.get()), pixGetHeight(small.get()), 0,
                               0, 0.0F, nullptr, &binary_raw) != 0) {
    return false;
  }
  PixPtr binary(binary_raw);
  PixPtr inverted(pixInvert(nullptr, binary.get()));
  const l_int32 w = pixGetWidth(binary.get());
  const l_int32 h = pixGetHeight(binary.get());
  return largest_region_is_card(binary.get(), w, h) ||
         (inverted && largest_region_is_card(inverted.get(), w, h));
}

}  // namespace waudit::media

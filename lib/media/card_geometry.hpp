// Whether a photo shows an ID-1 card (ISO/IEC 7810: payment cards, German ID cards, driving
// licences, health insurance cards; 85.60 x 53.98 mm, sides 1.586 : 1). The card is either the
// whole image (cropped) or its dominant object: the largest region after Otsu thresholding,
// in either polarity, covering enough of the image. The caller deskews first, so a card turned
// by a few degrees or by 90 degrees is measured upright. Geometry alone proves nothing
// (a photo may be card-shaped); it weighs words found with it.
#pragma once

#include <cstdint>

struct Pix;

namespace waudit::media {

inline constexpr double kId1Ratio = 85.60 / 53.98;

// Whether a width and height have the ID-1 side ratio, either way up, within a few percent.
bool has_id1_ratio(std::int64_t width, std::int64_t height);

// Whether the grey image `grey` is, or mainly shows, an ID-1 card.
bool shows_id1_card(Pix* grey);

}  // namespace waudit::media

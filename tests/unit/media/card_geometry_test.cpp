#include "media/card_geometry.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("media");

using waudit::media::has_id1_ratio;

TEST_CASE("media::has_id1_ratio") {
  CHECK(has_id1_ratio(856, 540));
  CHECK(has_id1_ratio(540, 856));  // turned by a quarter
  CHECK(has_id1_ratio(1000, 620));
  CHECK_FALSE(has_id1_ratio(1600, 1200));  // 4:3 photo
  CHECK_FALSE(has_id1_ratio(1920, 1080));  // 16:9 photo
  CHECK_FALSE(has_id1_ratio(1250, 880));   // ID-3 passport page
  CHECK_FALSE(has_id1_ratio(0, 540));
}

TEST_SUITE_END();

#include "audit/media_name_count.hpp"

#include <doctest/doctest.h>

#include <string>

using waudit::audit::MediaNameCount;

TEST_CASE("audit::MediaNameCount counts distinct names across its deduplications") {
  MediaNameCount count;
  // 5,000 names, each mentioned three times in a scattered order: several deduplications.
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 5000; ++i) {
      CHECK(count.add("IMG-2023" + std::to_string((i * 7 + round) % 5000) + "-WA0001.jpg"));
    }
  }
  CHECK(count.count() == 5000);
  CHECK(count.add("PTT-20230101-WA0002.opus"));
  CHECK(count.count() == 5001);
}

TEST_CASE("audit::MediaNameCount stops growing at its maximum") {
  MediaNameCount count(2000);
  int refused = 0;
  for (int i = 0; i < 10000; ++i) {
    refused += count.add("VID-" + std::to_string(i) + ".mp4") ? 0 : 1;
  }
  CHECK(refused > 0);
  CHECK(count.count() >= 2000);
  CHECK(count.count() < 4000);  // a deduplication's worth past the maximum at most
}

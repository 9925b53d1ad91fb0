#include "media/photo_batch.hpp"

#include "grey_png.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("media");

using waudit::Problem;
using waudit::media::BatchOptions;
using waudit::media::ImageEvidence;
using waudit::media::read_photos;

TEST_CASE("media::read_photos hands every photo's result back once, on any number of threads") {
  for (const unsigned threads : {1U, 3U}) {
    BatchOptions options;
    options.threads = threads;
    // Too small to hold a card: read_photo stops at its header, no OCR runs.
    const std::string small = waudit::media::testing::grey_png(120, 80);
    std::vector<int> loaded(7, 0);
    std::vector<int> done(7, 0);
    std::vector<std::string> outcomes(7);
    read_photos(
        7, options,
        [&](std::size_t index) -> tl::expected<std::string, Problem> {
          ++loaded[index];
          if (index % 3 == 0) {
            return tl::unexpected(Problem{"entry is encrypted; skipped", {}});
          }
          return index % 3 == 1 ? small : std::string("no image");
        },
        [&](std::size_t index, tl::expected<ImageEvidence, Problem> result) {
          ++done[index];
          outcomes[index] =
              result ? (result->outcome == ImageEvidence::Outcome::too_small ? "too small" : "read")
                     : result.error().message;
        });
    CHECK(loaded == std::vector<int>(7, 1));
    CHECK(done == std::vector<int>(7, 1));
    CHECK(outcomes[0] == "entry is encrypted; skipped");
    CHECK(outcomes[1] == "too small");
    CHECK(outcomes[2] == "not a readable image (JPEG, PNG or WebP); skipped");
    CHECK(outcomes[4] == "too small");
  }
}

TEST_CASE("media::read_photos with nothing to read calls nothing") {
  bool called = false;
  read_photos(
      0, BatchOptions{},
      [&](std::size_t) -> tl::expected<std::string, Problem> {
        called = true;
        return std::string();
      },
      [&](std::size_t, tl::expected<ImageEvidence, Problem>) { called = true; });
  CHECK_FALSE(called);
}

TEST_SUITE_END();

// The photos of one archive read on several threads. Reading an entry's bytes goes through
// one lock (a ZIP handle serves one reader at a time); decoding and OCR run in parallel, each
// thread holding one image at a time, so memory stays bounded by the number of threads. The
// cache is asked before any OCR and filled after it.
#pragma once

#include "diagnostics.hpp"
#include "media/ocr_cache.hpp"
#include "media/photo_reader.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace waudit::media {

struct BatchOptions {
  PhotoReadOptions read;
  unsigned threads = 1;
  std::optional<OcrCache> cache;  // nullopt: no cache
  // Whether cached evidence may be used: not when the report must show unmasked numbers,
  // which the cache never holds.
  bool use_cached = true;
};

using LoadPhoto = std::function<tl::expected<std::string, Problem>(std::size_t index)>;
using PhotoDone =
    std::function<void(std::size_t index, tl::expected<ImageEvidence, Problem> result)>;

// Reads photos 0 .. count-1: `load` gives the bytes, `done` gets each result (both are called
// under the batch's lock, in no fixed order).
void read_photos(std::size_t count, const BatchOptions& options, const LoadPhoto& load,
                 const PhotoDone& done);

}  // namespace waudit::media

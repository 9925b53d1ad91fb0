// A plain grey PNG of a given size, encoded by Leptonica in memory: test input for the image
// decoder and the photo batch.
#pragma once

#include <leptonica/allheaders.h>

#include <cstdlib>
#include <string>

namespace waudit::media::testing {

inline std::string grey_png(int width, int height) {
  Pix* pix = pixCreate(width, height, 8);
  l_uint8* data = nullptr;
  size_t size = 0;
  pixWriteMem(&data, &size, pix, IFF_PNG);
  pixDestroy(&pix);
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::free(data);
  return bytes;
}

}  // namespace waudit::media::testing

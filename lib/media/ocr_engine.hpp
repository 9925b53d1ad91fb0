// Tesseract behind one small interface, so that only this file includes its headers. One
// engine reads one image at a time; engines are costly to load (the deu and eng models), so
// media/ocr_engine_pool.hpp keeps them for the whole run.
#pragma once

#include <tl/expected.hpp>

#include <chrono>
#include <memory>
#include <string>

struct Pix;

namespace tesseract {
class TessBaseAPI;
}

namespace waudit::media {

struct OcrText {
  std::string text;  // UTF-8, lines separated by '\n'
  bool timed_out = false;
};

class OcrEngine {
 public:
  // Loads German and English from Tesseract's data folder ($TESSDATA_PREFIX or the packaged
  // one); the error says what is missing.
  static tl::expected<std::unique_ptr<OcrEngine>, std::string> create();

  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;
  OcrEngine(OcrEngine&&) = delete;
  OcrEngine& operator=(OcrEngine&&) = delete;

  // The text on `grey`; recognition stops after `limit`, keeping what was read by then.
  OcrText read(Pix* grey, std::chrono::milliseconds limit);

 private:
  OcrEngine();
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace waudit::media

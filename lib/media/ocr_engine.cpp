#include "media/ocr_engine.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

namespace waudit::media {
namespace {

constexpr const char* kLanguages = "deu+eng";
// Photos carry no usable resolution; cards photographed at phone distance read best as if
// scanned at about this.
constexpr int kAssumedDpi = 300;

}  // namespace

OcrEngine::OcrEngine() : api_(std::make_unique<tesseract::TessBaseAPI>()) {}

OcrEngine::~OcrEngine() {
  api_->End();
}

tl::expected<std::unique_ptr<OcrEngine>, std::string> OcrEngine::create() {
  std::unique_ptr<OcrEngine> engine(new OcrEngine());
  // Tesseract's own progress and warnings would mix with the report on standard error.
  engine->api_->SetVariable("debug_file", "/dev/null");
  if (engine->api_->Init(nullptr, kLanguages, tesseract::OEM_LSTM_ONLY) != 0) {
    return tl::unexpected(std::string(
        "Tesseract cannot load its German and English data (deu.traineddata, eng.traineddata; "
        "packages tesseract-ocr-deu and tesseract-ocr-eng, or $TESSDATA_PREFIX)"));
  }
  engine->api_->SetPageSegMode(tesseract::PSM_AUTO);
  return engine;
}

OcrText OcrEngine::read(Pix* grey, std::chrono::milliseconds limit) {
  api_->SetImage(grey);
  api_->SetSourceResolution(kAssumedDpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(static_cast<std::int32_t>(limit.count()));
  OcrText result;
  if (api_->Recognize(&monitor) != 0) {
    result.timed_out = monitor.deadline_exceeded();
  }
  result.timed_out = result.timed_out || monitor.deadline_exceeded();
  const std::unique_ptr<char[]> text(api_->GetUTF8Text());
  if (text) {
    result.text = text.get();
  }
  api_->Clear();
  return result;
}

}  // namespace waudit::media

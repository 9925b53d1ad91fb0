#include "media/photo_reader.hpp"

#include "media/card_geometry.hpp"
#include "media/ocr_engine_pool.hpp"
#include "report/mask.hpp"

#include <fmt/format.h>

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace waudit::media {
namespace {

using Clock = std::chrono::steady_clock;

// Card text is small; Tesseract reads glyphs about 20-40 px high best, so small images are
// enlarged before OCR and large ones reduced.
constexpr int kSmallSide = 1000;
constexpr int kLargeSide = 2000;
// Skew is measured on the dark text of a binarised copy, and applied from about half a degree.
constexpr l_int32 kSkewThreshold = 130;
constexpr l_float32 kMinSkewConfidence = 1.5F;
constexpr l_float32 kMinSkewDegrees = 0.5F;

PixPtr scaled_for_ocr(Pix* grey) {
  const l_int32 longer = std::max(pixGetWidth(grey), pixGetHeight(grey));
  float scale = 1.0F;
  if (longer < kSmallSide) {
    scale = 2.0F;
  } else if (longer > kLargeSide) {
    scale = static_cast<float>(kLargeSide) / static_cast<float>(longer);
  }
  return PixPtr(scale == 1.0F ? pixClone(grey) : pixScaleGrayLI(grey, scale, scale));
}

// The image turned upright for its text lines (a few degrees); the input when no skew is
// found. Leptonica's own deskew wants a confidence that the few lines of a card rarely reach,
// so the angle is applied here from a lower one.
PixPtr deskewed(Pix* grey) {
  PixPtr binary(pixConvertTo1(grey, kSkewThreshold));
  l_float32 angle = 0;
  l_float32 confidence = 0;
  if (!binary || pixFindSkew(binary.get(), &angle, &confidence) != 0 ||
      confidence < kMinSkewConfidence || std::abs(angle) < kMinSkewDegrees) {
    return PixPtr(pixClone(grey));
  }
  constexpr float kRadiansPerDegree = 3.14159265F / 180.0F;
  PixPtr straight(
      pixRotate(grey, angle * kRadiansPerDegree, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  return straight ? std::move(straight) : PixPtr(pixClone(grey));
}

report::Reveal reveal_of(NumberKind kind) {
  return kind == NumberKind::payment_card || kind == NumberKind::iban ? report::Reveal::ends
                                                                      : report::Reveal::tail;
}

void add_findings(const std::string& text, ImageEvidence& evidence) {
  for (DocumentNumber& number : find_document_numbers(text)) {
    const bool known =
        std::any_of(evidence.numbers.begin(), evidence.numbers.end(),
                    [&](const NumberEvidence& seen) { return seen.value == shown_value(number); });
    if (!known) {
      const std::string shown = shown_value(number);
      evidence.numbers.push_back(
          {number.kind, report::mask_value(shown, reveal_of(number.kind)), shown});
    }
  }
  for (WordHit& hit : EvidenceWords::builtin().find(text, WordSource::image)) {
    const bool known = std::any_of(
        evidence.words.begin(), evidence.words.end(),
        [&](const WordHit& seen) { return seen.kind == hit.kind && seen.written == hit.written; });
    if (!known) {
      evidence.words.push_back(std::move(hit));
    }
  }
}

// OCR passes: upright first; a card-shaped image that gave no number is read turned by a
// quarter either way too (a card photographed in portrait), while time is left.
void run_ocr(Pix* upright, const PhotoReadOptions& options, OcrEngine& engine,
             ImageEvidence& evidence) {
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline = start + options.time_limit;
  for (const l_int32 quarters : {0, 1, 3}) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      evidence.timed_out = true;
      break;
    }
    if (quarters != 0 && (!evidence.numbers.empty() || !evidence.card_shape)) {
      break;
    }
    PixPtr turned(quarters == 0 ? pixClone(upright) : pixRotateOrth(upright, quarters));
    const OcrText read = engine.read(turned.get(), left);
    evidence.timed_out = evidence.timed_out || read.timed_out;
    add_findings(read.text, evidence);
  }
  evidence.ocr_time = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

}  // namespace

tl::expected<ImageEvidence, Problem> read_photo(std::string_view bytes,
                                                const PhotoReadOptions& options) {
  auto size = read_image_size(bytes);
  if (!size) {
    return tl::unexpected(size.error());
  }
  ImageEvidence evidence;
  if (std::min(size->width, size->height) < options.min_side) {
    evidence.outcome = ImageEvidence::Outcome::too_small;
    return evidence;
  }
  auto grey = decode_image(bytes, options.decode);
  if (!grey) {
    return tl::unexpected(grey.error());
  }
  const PixPtr upright = deskewed(grey->get());
  evidence.card_shape = shows_id1_card(upright.get());
  const PixPtr for_ocr = scaled_for_ocr(upright.get());
  auto lease = OcrEnginePool::shared().acquire(options.engines);
  if (!lease) {
    evidence.outcome = ImageEvidence::Outcome::no_ocr;
    evidence.no_ocr_reason = lease.error();
    return evidence;
  }
  run_ocr(for_ocr.get(), options, lease->engine(), evidence);
  return evidence;
}

}  // namespace waudit::media

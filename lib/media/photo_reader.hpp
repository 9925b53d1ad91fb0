// One photo from bytes to image evidence: size check, decoding, deskewing, card geometry, OCR,
// then the validated numbers and the card words in what OCR read. Nothing of the OCR text is
// kept beyond this: only validated numbers (masked) and the words that matched.
#pragma once

#include "diagnostics.hpp"
#include "media/document_numbers.hpp"
#include "media/evidence_words.hpp"
#include "media/image_decode.hpp"

#include <tl/expected.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::media {

// A validated number as the report may show it.
struct NumberEvidence {
  NumberKind kind = NumberKind::payment_card;
  std::string masked;  // always filled
  std::string value;   // unmasked; empty when the evidence came from the cache
};

struct ImageEvidence {
  // read: decoded and read by OCR; too_small: a thumbnail, not decoded; no_ocr: decoded and
  // measured, but Tesseract cannot be loaded (`no_ocr_reason` says why).
  enum class Outcome { read, too_small, no_ocr };
  Outcome outcome = Outcome::read;
  std::string no_ocr_reason;
  bool card_shape = false;
  std::vector<NumberEvidence> numbers;
  std::vector<WordHit> words;  // image words of patterns/evidence/card_photo.toml
  std::chrono::milliseconds ocr_time{0};
  bool timed_out = false;
  bool cached = false;  // taken from the OCR cache; no OCR ran
};

struct PhotoReadOptions {
  DecodeLimits decode;
  // Thumbnails and icons carry no readable card: an image whose shorter side is below this
  // is not read.
  int min_side = 200;
  std::chrono::milliseconds time_limit{20000};  // of all OCR passes of one image
  unsigned engines = 1;                         // OCR engines reading at once in the run
};

// Reads one photo. A Problem for bytes that are no image or break a limit.
tl::expected<ImageEvidence, Problem> read_photo(std::string_view bytes,
                                                const PhotoReadOptions& options);

}  // namespace waudit::media

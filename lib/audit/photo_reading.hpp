// What reading photos for the card-photo rule needs from a scan's request, shared by exports
// (audit/archive_scan.cpp) and backups (audit/backup_scan.cpp): the batch options, how
// numbers are shown, the OCR counts of the input report, and the one notice when OCR is off.
#pragma once

#include "audit/scan.hpp"
#include "media/card_photo.hpp"
#include "media/photo_batch.hpp"
#include "report/finding.hpp"

#include <cstdint>
#include <string>

namespace waudit::audit {

// A photo WhatsApp sends is well under this; a larger "image" is not read into memory.
inline constexpr std::uint64_t kMaxPhotoBytes = std::uint64_t{64} << 20;

media::BatchOptions photo_batch_options(const ScanRequest& request);

media::ShowNumbers shown_numbers(const ScanRequest& request);

void count_photo(const media::ImageEvidence& evidence, report::InputReport::OcrCounts& counts);

// Automatic OCR without Tesseract says so once per run, on standard error, and goes on with
// the words around the photos; `--ocr on` makes it an error of the input (the caller's part).
void notice_no_ocr(const std::string& reason, const ScanRequest& request);

}  // namespace waudit::audit

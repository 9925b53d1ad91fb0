#include "audit/photo_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <thread>

namespace waudit::audit {

media::BatchOptions photo_batch_options(const ScanRequest& request) {
  media::BatchOptions options;
  options.threads =
      request.jobs > 0 ? request.jobs : std::max(1U, std::thread::hardware_concurrency());
  options.read.engines = options.threads;
  options.read.time_limit = std::chrono::seconds(request.ocr_seconds);
  const auto folder = request.ocr_cache ? request.ocr_cache : media::default_cache_folder();
  if (folder && !folder->empty()) {
    options.cache.emplace(*folder);
  }
  options.use_cached = request.show_values == ShowValues::no;
  return options;
}

media::ShowNumbers shown_numbers(const ScanRequest& request) {
  return request.show_values == ShowValues::yes ? media::ShowNumbers::unmasked
                                                : media::ShowNumbers::masked;
}

void count_photo(const media::ImageEvidence& evidence, report::InputReport::OcrCounts& counts) {
  const bool read = evidence.outcome == media::ImageEvidence::Outcome::read;
  counts.cached += evidence.cached ? 1 : 0;
  counts.read += read && !evidence.cached ? 1 : 0;
  counts.skipped += evidence.outcome == media::ImageEvidence::Outcome::too_small ? 1 : 0;
  counts.milliseconds += static_cast<std::uint64_t>(evidence.ocr_time.count());
}

void notice_no_ocr(const std::string& reason, const ScanRequest& request) {
  if (request.verbosity == Verbosity::quiet) {
    return;
  }
  static std::once_flag notice;
  std::call_once(notice, [&] {
    fmt::print(stderr,
               "waudit: notice: OCR is off: {}; card photos are judged by the words around them "
               "only\n",
               reason);
  });
}

}  // namespace waudit::audit

// Image evidence remembered by the SHA-256 of the image's bytes, so that scanning the same
// export again runs no OCR. One small JSON file per image in the cache folder (default
// $XDG_CACHE_HOME/waudit/ocr, else ~/.cache/waudit/ocr). The cache holds no OCR text and no
// unmasked number: only the card shape, the masked numbers and the matched words. Results of
// an OCR pass cut short by the time limit are not stored.
#pragma once

#include "media/photo_reader.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace waudit::media {

// The cache key of an image: hex SHA-256 of a version tag and the bytes.
std::string content_hash(std::string_view bytes);

// The default folder; nullopt when neither $XDG_CACHE_HOME nor $HOME is set.
std::optional<std::filesystem::path> default_cache_folder();

class OcrCache {
 public:
  explicit OcrCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

  // The evidence stored for `hash`, marked cached; nullopt when there is none or it is unreadable.
  std::optional<ImageEvidence> find(const std::string& hash) const;

  // Stores `evidence` (its masked numbers) under `hash`; written to a temporary file and renamed,
  // so parallel runs never see half an entry. Failing to store is not an error: the next scan
  // reads the image again.
  void store(const std::string& hash, const ImageEvidence& evidence) const;

 private:
  std::filesystem::path folder_;
};

}  // namespace waudit::media

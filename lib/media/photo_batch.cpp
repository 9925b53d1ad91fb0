#include "media/photo_batch.hpp"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace waudit::media {
namespace {

tl::expected<ImageEvidence, Problem> read_one(const std::string& bytes,
                                              const BatchOptions& options) {
  const std::string hash = options.cache ? content_hash(bytes) : std::string();
  if (options.cache && options.use_cached) {
    if (auto cached = options.cache->find(hash)) {
      return *cached;
    }
  }
  auto evidence = read_photo(bytes, options.read);
  if (evidence && options.cache && evidence->outcome == ImageEvidence::Outcome::read) {
    options.cache->store(hash, *evidence);
  }
  return evidence;
}

}  // namespace

void read_photos(std::size_t count, const BatchOptions& options, const LoadPhoto& load,
                 const PhotoDone& done) {
  std::mutex mutex;
  std::size_t next = 0;
  const auto work = [&] {
    while (true) {
      std::size_t index = 0;
      tl::expected<std::string, Problem> bytes;
      {
        const std::lock_guard lock(mutex);
        if (next == count) {
          return;
        }
        index = next++;
        bytes = load(index);
      }
      auto result = bytes ? read_one(*bytes, options)
                          : tl::expected<ImageEvidence, Problem>(tl::unexpected(bytes.error()));
      bytes = std::string();  // the image's bytes go before the next are read
      const std::lock_guard lock(mutex);
      done(index, std::move(result));
    }
  };
  const auto threads = static_cast<std::size_t>(std::max(1U, options.threads));
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < std::min(threads, count); ++i) {
    workers.emplace_back(work);
  }
  work();
  for (std::thread& worker : workers) {
    worker.join();
  }
}

}  // namespace waudit::media

// How many distinct media file names a chat without its media references (a plain .txt): only
// the number is reported (media_referenced), so only a 64-bit hash of each name is kept, and
// the list is deduplicated whenever it grows by half. A chat with 200,000 photos costs 1.6 MB, not
// the 50 MB of the names themselves.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace waudit::audit {

class MediaNameCount {
 public:
  // Distinct names counted at most; a hostile file cannot make the list grow past this.
  static constexpr std::size_t kMaxNames = 1000000;

  explicit MediaNameCount(std::size_t max_names = kMaxNames) : max_names_(max_names) {}

  // Adds `name`; false once the count is full (it then stays at the maximum or a little more).
  bool add(std::string_view name) {
    if (full_) {
      return false;
    }
    hashes_.push_back(std::hash<std::string_view>{}(name));
    if (hashes_.size() >= distinct_ + std::max<std::size_t>(distinct_ / 2, 1024)) {
      deduplicate();
      full_ = distinct_ >= max_names_;
    }
    return true;
  }

  std::uint64_t count() {
    deduplicate();
    return distinct_;
  }

 private:
  void deduplicate() {
    std::sort(hashes_.begin(), hashes_.end());
    hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
    distinct_ = hashes_.size();
  }

  std::vector<std::uint64_t> hashes_;  // sorted and distinct up to distinct_, then as added
  std::size_t max_names_;
  std::size_t distinct_ = 0;
  bool full_ = false;
};

}  // namespace waudit::audit

#include "media/ocr_engine_pool.hpp"

namespace waudit::media {

OcrEnginePool::Lease::~Lease() {
  if (engine_) {
    pool_->give_back(std::move(engine_));
  }
}

OcrEnginePool& OcrEnginePool::shared() {
  static OcrEnginePool pool;
  return pool;
}

void OcrEnginePool::give_back(std::unique_ptr<OcrEngine> engine) {
  {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(engine));
    --lent_;
  }
  returned_.notify_one();
}

tl::expected<OcrEnginePool::Lease, std::string> OcrEnginePool::acquire(unsigned capacity) {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return lent_ < std::max(1U, capacity) || load_error_; });
  if (load_error_) {
    return tl::unexpected(*load_error_);
  }
  ++lent_;
  if (!idle_.empty()) {
    std::unique_ptr<OcrEngine> engine = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(engine));
  }
  lock.unlock();  // loading takes long; others may return or take idle engines meanwhile
  auto created = OcrEngine::create();
  if (!created) {
    const std::lock_guard relock(mutex_);
    --lent_;
    load_error_ = created.error();
    returned_.notify_all();
    return tl::unexpected(created.error());
  }
  return Lease(*this, std::move(*created));
}

}  // namespace waudit::media

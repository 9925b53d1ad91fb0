// The OCR engines of the run, shared by every archive and every thread: loading an engine
// takes a good part of a second, and at most `capacity` of them read at once whichever input
// asks, so parallel inputs and parallel images together stay within --jobs. Engines are
// loaded on first use: a scan without images never touches Tesseract.
#pragma once

#include "media/ocr_engine.hpp"

#include <tl/expected.hpp>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace waudit::media {

class OcrEnginePool {
 public:
  // An engine lent to one thread; it goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(OcrEnginePool& pool, std::unique_ptr<OcrEngine> engine)
        : pool_(&pool), engine_(std::move(engine)) {}

    ~Lease();
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    OcrEngine& engine() { return *engine_; }

   private:
    OcrEnginePool* pool_;
    std::unique_ptr<OcrEngine> engine_;
  };

  // The pool of the process.
  static OcrEnginePool& shared();

  // Waits until fewer than `capacity` engines are lent, then lends one; the error of the
  // first failed load is returned to every later caller too.
  tl::expected<Lease, std::string> acquire(unsigned capacity);

 private:
  void give_back(std::unique_ptr<OcrEngine> engine);

  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<OcrEngine>> idle_;
  unsigned lent_ = 0;
  std::optional<std::string> load_error_;
};

}  // namespace waudit::media

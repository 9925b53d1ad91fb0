#include "audit/detection_pipeline.hpp"

#include <chrono>
#include <exception>
#include <utility>

namespace waudit::audit {
namespace {

bool is_ready(const std::future<MessageBatch>& detected) {
  return detected.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

DetectionPipeline::~DetectionPipeline() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  queued_.notify_all();
  for (std::thread& worker : workers_) {
    worker.join();
  }
}

// Threads live as long as the pipeline, one chat: their buffers and the validators' caches
// (detect/validation_cache.hpp) stay warm from batch to batch.
std::future<MessageBatch> DetectionPipeline::detect_elsewhere(MessageBatch batch) {
  Job job{std::move(batch), {}};
  std::future<MessageBatch> detected = job.detected.get_future();
  {
    const std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
    if (workers_.size() < threads_) {
      workers_.emplace_back([this] { work(); });
    }
  }
  queued_.notify_one();
  return detected;
}

void DetectionPipeline::work() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) {
        return;
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      job.batch.detect(detector_);
      job.detected.set_value(std::move(job.batch));
    } catch (...) {  // rethrown on the chat's thread by handle_oldest
      job.detected.set_exception(std::current_exception());
    }
  }
}

void DetectionPipeline::send(MessageBatch batch) {
  handle_ready();
  Slot slot;
  // Two batches per thread in flight keep each fed while the next one is read; the chat's
  // thread detects itself only what they cannot take.
  if (busy_ < 2 * threads_) {
    slot.on_other_thread = true;
    ++busy_;
    slot.detected = detect_elsewhere(std::move(batch));
  } else {
    batch.detect(detector_);
    std::promise<MessageBatch> done;
    done.set_value(std::move(batch));
    slot.detected = done.get_future();
  }
  slots_.push_back(std::move(slot));
  handle_ready();
  while (slots_.size() > 2 * threads_ + 2) {
    handle_oldest();
  }
}

void DetectionPipeline::finish() {
  while (!slots_.empty()) {
    handle_oldest();
  }
}

// Handles the batches at the front that are detected, stopping at the first still in work.
void DetectionPipeline::handle_ready() {
  while (!slots_.empty() && is_ready(slots_.front().detected)) {
    handle_oldest();
  }
}

void DetectionPipeline::handle_oldest() {
  Slot slot = std::move(slots_.front());
  slots_.pop_front();
  const MessageBatch batch = slot.detected.get();  // rethrows what the detection threw
  if (slot.on_other_thread) {
    --busy_;
  }
  handle_(batch);
}

}  // namespace waudit::audit

#include "audit/detection_pipeline.hpp"

#include <chrono>
#include <utility>

namespace waudit::audit {
namespace {

bool is_ready(const std::future<MessageBatch>& detected) {
  return detected.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

void DetectionPipeline::send(MessageBatch batch) {
  handle_ready();
  Slot slot;
  if (busy_ < threads_) {
    slot.on_other_thread = true;
    ++busy_;
    slot.detected = std::async(
        std::launch::async,
        [&detector = detector_](MessageBatch sent) {
          sent.detect(detector);
          return sent;
        },
        std::move(batch));
  } else {
    batch.detect(detector_);
    std::promise<MessageBatch> done;
    done.set_value(std::move(batch));
    slot.detected = done.get_future();
  }
  slots_.push_back(std::move(slot));
  handle_ready();
  while (slots_.size() > threads_ + 2) {
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

// Batches of a chat's messages detected on up to N threads besides the chat's own, handed
// back in the order they were sent. The chat's thread detects a batch itself whenever all N
// are busy, so it is never idle while there is detection to do, and never more than N + 3
// batches (a few MB) are held.
#pragma once

#include "audit/message_batch.hpp"
#include "detect/detector.hpp"

#include <deque>
#include <functional>
#include <future>

namespace waudit::audit {

class DetectionPipeline {
 public:
  // `handle` gets every batch, detected, in the order of send(), on the calling thread.
  DetectionPipeline(const detect::Detector& detector, unsigned threads,
                    std::function<void(const MessageBatch&)> handle)
      : detector_(detector), threads_(threads), handle_(std::move(handle)) {}

  void send(MessageBatch batch);

  // Handles every batch still in flight.
  void finish();

 private:
  struct Slot {
    std::future<MessageBatch> detected;
    bool on_other_thread = false;
  };

  void handle_ready();
  void handle_oldest();

  const detect::Detector& detector_;
  unsigned threads_;
  std::function<void(const MessageBatch&)> handle_;
  std::deque<Slot> slots_;  // oldest first
  unsigned busy_ = 0;       // slots detected on other threads, not yet handled
};

}  // namespace waudit::audit

// Batches of a chat's messages detected on up to N threads besides the chat's own, handed
// back in the order they were sent. The chat's thread detects a batch itself whenever all N
// have two waiting, so it is never idle while there is detection to do, and never more than
// 2N + 3 batches (a few MB) are held.
#pragma once

#include "audit/message_batch.hpp"
#include "detect/detector.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace waudit::audit {

class DetectionPipeline {
 public:
  // `handle` gets every batch, detected, in the order of send(), on the calling thread.
  DetectionPipeline(const detect::Detector& detector, unsigned threads,
                    std::function<void(const MessageBatch&)> handle)
      : detector_(detector), threads_(threads), handle_(std::move(handle)) {}

  DetectionPipeline(const DetectionPipeline&) = delete;
  DetectionPipeline& operator=(const DetectionPipeline&) = delete;
  DetectionPipeline(DetectionPipeline&&) = delete;
  DetectionPipeline& operator=(DetectionPipeline&&) = delete;
  ~DetectionPipeline();  // batches not yet handled are dropped

  void send(MessageBatch batch);

  // Handles every batch still in flight.
  void finish();

 private:
  struct Slot {
    std::future<MessageBatch> detected;
    bool on_other_thread = false;
  };

  // A batch waiting for a detection thread, and where its result goes.
  struct Job {
    MessageBatch batch;
    std::promise<MessageBatch> detected;
  };

  std::future<MessageBatch> detect_elsewhere(MessageBatch batch);
  void work();
  void handle_ready();
  void handle_oldest();

  const detect::Detector& detector_;
  unsigned threads_;
  std::function<void(const MessageBatch&)> handle_;
  std::deque<Slot> slots_;  // oldest first
  unsigned busy_ = 0;       // slots detected on other threads, not yet handled
  // The detection threads, started with the first batch they get, and their queue.
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace waudit::audit

// Messages copied out of the parser, in order, with the context their detection needs, so that
// the detector can run on another thread while the parser reads on (--jobs on one large chat).
// The messages are then handled in order on the chat's own thread: what the report shows does
// not depend on the number of threads.
#pragma once

#include "chat/message.hpp"
#include "detect/detector.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::audit {

class MessageBatch {
 public:
  // A batch is full at this many messages or bytes of text: large enough that handing it to
  // a thread costs little, small enough that a few in flight stay within a few MB.
  static constexpr std::size_t kMaxMessages = 1024;
  static constexpr std::size_t kMaxBytes = std::size_t{1} << 20;

  // Copies `message` and the text of the one or two messages before it (`previous`, and
  // `latest_previous`, the one just before: detect::ScanText).
  void add(const chat::Message& message, std::string_view previous,
           std::string_view latest_previous);

  bool empty() const { return held_.empty(); }

  bool full() const { return held_.size() >= kMaxMessages || text_.size() >= kMaxBytes; }

  // Runs the detector over every message; safe on any thread, one thread per batch.
  void detect(const detect::Detector& detector);

  // Detections left out because their value is allowed.
  std::uint64_t allowlisted() const { return allowlisted_; }

  // Each message, in order, with its detections (ordered as Detector::scan orders them).
  void for_each(const std::function<void(const chat::Message&, std::span<const detect::Detection>)>&
                    handle) const;

 private:
  // A view of the message's strings as ranges of text_, which may move while the batch fills.
  struct Range {
    std::size_t begin = 0;
    std::size_t size = 0;
  };

  struct Held {
    chat::Message message;  // its views are set from the ranges when the batch is read
    Range sender, text, attachment, previous, latest_previous;
    std::size_t first_detection = 0;
    std::size_t end_detection = 0;
  };

  Range keep(std::string_view text);

  std::string_view view(Range range) const {
    return std::string_view(text_).substr(range.begin, range.size);
  }

  chat::Message message_of(const Held& held) const;

  std::string text_;
  std::vector<Held> held_;
  std::vector<detect::Detection> detections_;
  std::uint64_t allowlisted_ = 0;
};

}  // namespace waudit::audit

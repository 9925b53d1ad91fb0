#include "audit/message_batch.hpp"

namespace waudit::audit {

MessageBatch::Range MessageBatch::keep(std::string_view text) {
  const Range range{text_.size(), text.size()};
  text_.append(text);
  return range;
}

void MessageBatch::add(const chat::Message& message, std::string_view previous,
                       std::string_view latest_previous) {
  Held held;
  held.message = message;
  held.sender = keep(message.sender);
  held.text = keep(message.text);
  held.attachment = keep(message.attachment);
  held.previous = keep(previous);
  held.latest_previous = keep(latest_previous);
  held_.push_back(held);
}

chat::Message MessageBatch::message_of(const Held& held) const {
  chat::Message message = held.message;
  message.sender = view(held.sender);
  message.text = view(held.text);
  message.attachment = view(held.attachment);
  return message;
}

void MessageBatch::detect(const detect::Detector& detector) {
  for (Held& held : held_) {
    held.first_detection = detections_.size();
    const chat::Message message = message_of(held);
    allowlisted_ += detector.scan(
        detect::ScanText{message.text, message.attachment_begin, message.attachment_end,
                         view(held.previous), view(held.latest_previous)},
        detections_);
    held.end_detection = detections_.size();
  }
}

void MessageBatch::for_each(
    const std::function<void(const chat::Message&, std::span<const detect::Detection>)>& handle)
    const {
  for (const Held& held : held_) {
    handle(message_of(held),
           std::span<const detect::Detection>(detections_)
               .subspan(held.first_detection, held.end_detection - held.first_detection));
  }
}

}  // namespace waudit::audit

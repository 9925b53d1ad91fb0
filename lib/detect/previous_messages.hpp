// The context a rule looks at before a message: the last two messages of the chat. A label
// is often two messages before its value ("Brauchen Sie den BIC?" / "Ja bitte" /
// "GMBWDEA3XXX"); detectors.md §8 recommends the previous one or two.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace waudit::detect {

class PreviousMessages {
 public:
  void add(std::string_view message) {
    text_.erase(0, text_.size() - latest_length_);  // the latest message becomes the older one
    text_ += '\n';
    text_.append(message);
    latest_length_ = message.size() + 1;
  }

  // The older message and the latest one, each after a '\n'; empty at a chat's start.
  std::string_view text() const { return text_; }

  // The latest message alone.
  std::string_view latest() const {
    return std::string_view(text_).substr(text_.size() - latest_length_ + (latest_length_ > 0));
  }

 private:
  std::string text_;
  std::size_t latest_length_ = 0;  // of the latest message, with its '\n'
};

}  // namespace waudit::detect

// Text evidence for photos: the words of patterns/evidence/card_photo.toml in a photo's
// caption and in the messages its sender wrote just before and after it ("hier meine
// EC-Karte", photo, "Vorder- und Rückseite"). Works on exports with and without media: an
// omitted photo ("<Media omitted>", "Bild weggelassen") is a photo whose name is unknown.
// Messages stream through once; only a few recent ones are kept, cut to a bounded length.
#pragma once

#include "chat/message.hpp"
#include "media/evidence_words.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waudit::media {

// Where chat words stood relative to the photo.
enum class Place { caption, before, after };

struct ChatWord {
  WordHit hit;
  Place place = Place::caption;
};

// A photo message whose surroundings hold card or document words.
struct PhotoMention {
  std::string name;  // the media file name; empty for omitted media
  std::string sender;
  chat::DateFields date;  // as written, like chat::Message
  chat::TimeOfDay time;
  bool has_time = false;
  std::uint64_t line = 0;
  std::uint64_t column = 1;
  std::vector<ChatWord> words;
};

class CaptionWindow {
 public:
  // Messages within this many minutes of the photo, by its sender, count.
  static constexpr int kWindowMinutes = 5;
  // At most this many of them on each side.
  static constexpr std::size_t kMessagesPerSide = 3;
  // Photos with evidence kept per chat; no real chat comes near it.
  static constexpr std::size_t kMaxMentions = 100000;

  explicit CaptionWindow(const EvidenceWords& words) : words_(words) {}

  // The next message of the chat, in file order.
  void add(const chat::Message& message);

  // Every photo with evidence, in chat order; call once, after the last message.
  std::vector<PhotoMention> finish();

 private:
  struct Recent {
    std::string sender;
    chat::DateFields date;
    int minute = 0;
    bool has_time = false;
    std::string text;
  };

  struct Open {
    PhotoMention mention;
    int minute = 0;
    std::size_t after = 0;  // messages after the photo looked at
  };

  bool is_photo(const chat::Message& message) const;
  void look_after(const chat::Message& message, const Recent& current);
  void open_photo(const chat::Message& message, const Recent& current);
  void keep(PhotoMention mention);

  const EvidenceWords& words_;
  // The last 16 messages, newest at recent_next_ - 1, in a ring whose strings are reused from
  // message to message: adding one copies into buffers that exist, without allocating.
  std::array<Recent, 16> recent_;
  std::size_t recent_count_ = 0;
  std::size_t recent_next_ = 0;
  Recent current_;  // the message being added, swapped into the ring at the end
  std::vector<Open> open_;
  std::vector<PhotoMention> mentions_;
};

}  // namespace waudit::media

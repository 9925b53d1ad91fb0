#include "media/caption_window.hpp"

#include <algorithm>

namespace waudit::media {
namespace {

// Only the start of a long message is searched: captions are short, and a bound keeps a
// hostile megabyte message from being copied for every photo near it.
constexpr std::size_t kMaxKeptText = 2048;
constexpr std::size_t kMaxOpen = 32;

int minute_of(const chat::TimeOfDay& time) {
  return time.hour * 60 + time.minute;
}

bool same_date(const chat::DateFields& a, const chat::DateFields& b) {
  return a.first == b.first && a.second == b.second && a.third == b.third;
}

std::string_view kept_text(std::string_view text) {
  return text.substr(0, kMaxKeptText);
}

void add_words(const EvidenceWords& words, std::string_view text, Place place,
               std::vector<ChatWord>& out) {
  for (WordHit& hit : words.find(text, WordSource::chat)) {
    out.push_back({std::move(hit), place});
  }
}

}  // namespace

bool CaptionWindow::is_photo(const chat::Message& message) const {
  if (message.kind != chat::MessageKind::user) {
    return false;
  }
  if (message.content == chat::Content::attachment) {
    return words_.is_photo_file(message.attachment);
  }
  if (message.content == chat::Content::omitted_media) {
    const std::string_view first_line = message.text.substr(0, message.text.find('\n'));
    return !words_.names_other_media(first_line);
  }
  return false;
}

void CaptionWindow::add(const chat::Message& message) {
  Recent& current = current_;
  current.sender.assign(message.sender);
  current.date = message.date;
  current.minute = minute_of(message.time);
  current.has_time = message.kind != chat::MessageKind::headless;
  // What the sender wrote: the caption of an attachment, not its reference or marker.
  if (message.content == chat::Content::attachment) {
    current.text.assign(kept_text(message.text.substr(message.attachment_end)));
  } else if (message.content != chat::Content::omitted_media) {
    current.text.assign(kept_text(message.text));
  } else {
    current.text.clear();
  }
  look_after(message, current);
  if (is_photo(message)) {
    open_photo(message, current);
  }
  std::swap(recent_[recent_next_], current_);
  recent_next_ = (recent_next_ + 1) % recent_.size();
  recent_count_ = std::min(recent_count_ + 1, recent_.size());
}

// Gives the open photos the words of a later message of their sender, and closes the photos
// whose window this message has left.
void CaptionWindow::look_after(const chat::Message& message, const Recent& current) {
  std::size_t still_open = 0;
  for (Open& open : open_) {
    const bool in_time = current.has_time && open.mention.has_time &&
                         same_date(current.date, open.mention.date) &&
                         current.minute - open.minute <= kWindowMinutes;
    if (!in_time) {
      keep(std::move(open.mention));
      continue;
    }
    if (message.sender == open.mention.sender && open.after < kMessagesPerSide) {
      ++open.after;
      add_words(words_, current.text, Place::after, open.mention.words);
    }
    if (&open_[still_open] != &open) {
      open_[still_open] = std::move(open);
    }
    ++still_open;
  }
  open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(still_open), open_.end());
}

void CaptionWindow::open_photo(const chat::Message& message, const Recent& current) {
  Open open;
  PhotoMention& mention = open.mention;
  mention.name = message.content == chat::Content::attachment ? std::string(message.attachment)
                                                              : std::string();
  mention.sender = current.sender;
  mention.date = current.date;
  mention.time = message.time;
  mention.has_time = current.has_time;
  mention.line = message.first_line;
  mention.column = message.body_column;
  open.minute = current.minute;
  add_words(words_, current.text, Place::caption, mention.words);
  std::size_t before = 0;
  for (std::size_t back = 1; back <= recent_count_ && before < kMessagesPerSide; ++back) {
    const Recent& earlier = recent_[(recent_next_ + recent_.size() - back) % recent_.size()];
    const bool in_time = earlier.has_time && current.has_time &&
                         same_date(earlier.date, current.date) &&
                         current.minute - earlier.minute <= kWindowMinutes;
    if (!in_time) {
      break;
    }
    if (earlier.sender == current.sender) {
      ++before;
      add_words(words_, earlier.text, Place::before, mention.words);
    }
  }
  // Photos sent in a burst stay open together; a hostile chat of thousands of photos in one
  // minute must not make each message visit all of them.
  if (open_.size() >= kMaxOpen) {
    keep(std::move(open_.front().mention));
    open_.erase(open_.begin());
  }
  open_.push_back(std::move(open));
}

void CaptionWindow::keep(PhotoMention mention) {
  if (!mention.words.empty() && mentions_.size() < kMaxMentions) {
    mentions_.push_back(std::move(mention));
  }
}

std::vector<PhotoMention> CaptionWindow::finish() {
  for (Open& open : open_) {
    keep(std::move(open.mention));
  }
  open_.clear();
  std::sort(mentions_.begin(), mentions_.end(),
            [](const PhotoMention& a, const PhotoMention& b) { return a.line < b.line; });
  return std::move(mentions_);
}

}  // namespace waudit::media

// The words that make a photo look like a card or an identity document (patterns/evidence/
// card_photo.toml, compiled in), and the matcher that finds them in chat text and OCR text.
// Matching is a folded substring search at word boundaries rather than RE2: the list is short,
// and folding once lets "EC-Karte", "ec karte" and "EC\nKarte" meet the same entry.
#pragma once

#include "diagnostics.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::media {

// Where a word was read: in the chat around the photo, or on the image by OCR.
enum class WordSource { chat, image };

struct DocumentKind {
  std::string kind;      // "payment-card", "id-card", ..., "unknown"
  std::string category;  // the finding's category: "financial" or "identity"
  std::vector<std::string> chat_words;
  std::vector<std::string> image_words;
};

struct WordHit {
  std::size_t kind = 0;  // index into EvidenceWords::kinds()
  std::string written;   // the words as the text writes them ("EC-Karte")
};

class EvidenceWords {
 public:
  // Parses the TOML data; the Problem names the line.
  static tl::expected<EvidenceWords, Problem> parse(std::string_view toml);

  // The compiled-in patterns/evidence/card_photo.toml.
  static const EvidenceWords& builtin();

  // Every entry of `source` found in `text`, in the order of the kinds and their entries.
  std::vector<WordHit> find(std::string_view text, WordSource source) const;

  // Whether an omitted-media marker ("Sticker weggelassen") names media that is no photo.
  bool names_other_media(std::string_view marker) const;

  // Whether a media file is an image OCR may read: its extension, and not a sticker.
  bool is_photo_file(std::string_view file_name) const;

  const std::vector<DocumentKind>& kinds() const { return kinds_; }

  // The index of a kind by name; kinds().size() when there is none.
  std::size_t kind_index(std::string_view kind) const;

 private:
  // A word folded as find() folds the text, once at load: find() runs on every message.
  struct FoldedWord {
    std::string text;
    bool open_end = false;  // the word ended with '*'
  };

  void fold_words();

  std::vector<DocumentKind> kinds_;
  std::vector<std::vector<FoldedWord>> chat_entries_;   // per kind, as kinds_[i].chat_words
  std::vector<std::vector<FoldedWord>> image_entries_;  // per kind, as kinds_[i].image_words
  std::vector<std::string> not_photo_;
  std::vector<std::string> image_extensions_;
};

}  // namespace waudit::media

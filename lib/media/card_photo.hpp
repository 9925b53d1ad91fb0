// The verdict on one photo for the rule `card-photo`: what it shows (kind), how sure that is
// (confidence) and why (evidence), from the chat words around it and what its image showed.
//   validated number or MRZ on the image      certain      0.95-0.98
//   card words on the image + ID-1 shape      likely       0.70
//   chat words + the image agreeing (shape or words)       0.60
//   chat words alone (image absent or silent) possible     0.50
// Image words without the card shape are never enough: a receipt says "VISA" too.
#pragma once

#include "media/caption_window.hpp"
#include "media/photo_reader.hpp"
#include "report/finding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waudit::media {

enum class ShowNumbers { masked, unmasked };

struct Verdict {
  std::string kind;      // "payment-card", "id-card", "passport", ..., "unknown"
  std::string category;  // "financial" or "identity"
  double confidence = 0;
  std::string evidence;  // what led to it, '; '-separated; numbers masked unless unmasked
  std::string match;     // the masked number, else the first card word as written
};

// nullopt when nothing points at a card or document. `image` is null when the photo was not
// read (exported without media, OCR off, not an image).
std::optional<Verdict> judge(const std::vector<ChatWord>& chat_words, const ImageEvidence* image,
                             ShowNumbers show);

// Sets a finding's rule (card-photo), category, severity (high), confidence, match, kind and
// evidence from the verdict; where it is and who sent it stay the caller's.
void apply_verdict(const Verdict& verdict, report::Finding& finding);

// The value a card-photo fingerprint is built from: the media file name, or for a photo left
// out of the export (no name) its sender, so that the finding keeps its fingerprint whether
// the image was read or not.
std::string fingerprint_value(std::string_view attachment, std::string_view sender);

}  // namespace waudit::media

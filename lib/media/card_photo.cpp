#include "media/card_photo.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace waudit::media {
namespace {

constexpr double kValidatedMrz = 0.98;
constexpr double kValidatedNumber = 0.95;
constexpr double kImageWordsAndShape = 0.7;
constexpr double kChatAndImage = 0.6;
constexpr double kChatOnly = 0.5;

std::string_view place_name(Place place) {
  switch (place) {
    case Place::before:
      return "message before";
    case Place::after:
      return "message after";
    case Place::caption:
      break;
  }
  return "caption";
}

bool is_mrz(NumberKind kind) {
  return kind == NumberKind::mrz_td1 || kind == NumberKind::mrz_td2 || kind == NumberKind::mrz_td3;
}

std::string_view kind_of_number(NumberKind kind) {
  switch (kind) {
    case NumberKind::mrz_td3:
      return "passport";
    case NumberKind::mrz_td1:
    case NumberKind::mrz_td2:
      return "id-card";
    case NumberKind::payment_card:
    case NumberKind::iban:
      break;
  }
  return "payment-card";
}

// The most telling number: an MRZ before a card number before an IBAN.
const NumberEvidence* strongest(const std::vector<NumberEvidence>& numbers) {
  const auto rank = [](const NumberEvidence& number) {
    return is_mrz(number.kind) ? 0 : number.kind == NumberKind::payment_card ? 1 : 2;
  };
  const auto best = std::min_element(
      numbers.begin(), numbers.end(),
      [&](const NumberEvidence& a, const NumberEvidence& b) { return rank(a) < rank(b); });
  return best == numbers.end() ? nullptr : &*best;
}

std::string shown(const NumberEvidence& number, ShowNumbers show) {
  return show == ShowNumbers::unmasked && !number.value.empty() ? number.value : number.masked;
}

std::vector<std::string> image_reasons(const ImageEvidence& image, ShowNumbers show) {
  std::vector<std::string> reasons;
  for (const NumberEvidence& number : image.numbers) {
    reasons.push_back(is_mrz(number.kind)
                          ? fmt::format("OCR: {} with valid check digits, document number {}",
                                        describe(number.kind), shown(number, show))
                          : fmt::format("OCR: {} {} (checksum valid)", describe(number.kind),
                                        shown(number, show)));
  }
  if (!image.words.empty()) {
    std::vector<std::string> quoted;
    for (const WordHit& hit : image.words) {
      quoted.push_back(fmt::format("\"{}\"", hit.written));
    }
    reasons.push_back(fmt::format("OCR words: {}", fmt::join(quoted, ", ")));
  }
  if (image.card_shape) {
    reasons.emplace_back("ID-1 card shape");
  }
  return reasons;
}

// The kind the words name: the first that is not "unknown", else "unknown".
std::optional<std::size_t> named_kind(const std::vector<ChatWord>& chat_words,
                                      const std::vector<WordHit>& image_words) {
  const EvidenceWords& words = EvidenceWords::builtin();
  const std::size_t unknown = words.kind_index("unknown");
  for (const ChatWord& word : chat_words) {
    if (word.hit.kind != unknown) {
      return word.hit.kind;
    }
  }
  for (const WordHit& hit : image_words) {
    if (hit.kind != unknown) {
      return hit.kind;
    }
  }
  if (!chat_words.empty() || !image_words.empty()) {
    return unknown;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Verdict> judge(const std::vector<ChatWord>& chat_words, const ImageEvidence* image,
                             ShowNumbers show) {
  const EvidenceWords& words = EvidenceWords::builtin();
  const std::vector<WordHit> no_words;
  const std::vector<WordHit>& image_words = image != nullptr ? image->words : no_words;
  const NumberEvidence* number = image != nullptr ? strongest(image->numbers) : nullptr;
  const bool image_agrees = image != nullptr && (image->card_shape || !image->words.empty());
  Verdict verdict;
  std::optional<std::size_t> kind = named_kind(chat_words, image_words);
  if (number != nullptr) {
    kind = words.kind_index(kind_of_number(number->kind));
    verdict.confidence = is_mrz(number->kind) ? kValidatedMrz : kValidatedNumber;
    verdict.match = shown(*number, show);
  } else if (image != nullptr && image->card_shape && !image->words.empty()) {
    verdict.confidence = kImageWordsAndShape;
  } else if (!chat_words.empty()) {
    verdict.confidence = image_agrees ? kChatAndImage : kChatOnly;
  } else {
    return std::nullopt;
  }
  if (!kind || *kind >= words.kinds().size()) {
    return std::nullopt;
  }
  verdict.kind = words.kinds()[*kind].kind;
  verdict.category = words.kinds()[*kind].category;
  std::vector<std::string> reasons;
  if (image != nullptr) {
    reasons = image_reasons(*image, show);
  }
  for (const ChatWord& word : chat_words) {
    reasons.push_back(fmt::format("{}: \"{}\"", place_name(word.place), word.hit.written));
  }
  verdict.evidence = fmt::format("{}", fmt::join(reasons, "; "));
  if (verdict.match.empty()) {
    verdict.match =
        !chat_words.empty() ? chat_words.front().hit.written : image_words.front().written;
  }
  return verdict;
}

void apply_verdict(const Verdict& verdict, report::Finding& finding) {
  finding.rule = "card-photo";
  finding.category = verdict.category;
  finding.severity = rules::Severity::high;
  finding.confidence = verdict.confidence;
  finding.match = verdict.match;
  finding.kind = verdict.kind;
  finding.evidence = verdict.evidence;
}

std::string fingerprint_value(std::string_view attachment, std::string_view sender) {
  return attachment.empty() ? fmt::format("omitted media from {}", sender)
                            : std::string(attachment);
}

}  // namespace waudit::media

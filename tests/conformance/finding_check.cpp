#include "finding_check.hpp"

#include "chat/header.hpp"
#include "rules/rule_pack.hpp"

#include <fmt/format.h>

#include <regex>
#include <string_view>

namespace waudit::conformance {
namespace {

// Rules no fixture can trigger in message content.
constexpr std::string_view kNeverInFixtures[] = {"iban", "payment-card"};

// Media file names of Android (IMG-20220323-WA0002.jpg), iOS (00000035-PHOTO-2022-03-27-...)
// and legacy iOS (2015-08-04-PHOTO-00004762.jpg).
const std::regex& media_name() {
  static const std::regex pattern(
      R"((IMG|VID|PTT|AUD|STK|DOC)-\d{8}-WA\d{4}|\d{8}-(PHOTO|VIDEO|AUDIO|STICKER|GIF)-[\d-]+)"
      R"(|\d{4}-\d\d-\d\d-(PHOTO|VIDEO|AUDIO)-\d{8})");
  return pattern;
}

// Where in WhatsApp's own text the span [begin, end) of a message lies, or "" for content.
std::string_view origin_of(const ChatMessage& message, std::string_view rule, std::size_t begin,
                           std::size_t end) {
  // A phone number in a notice ("+49 170 ... joined") is a participant's, not WhatsApp's
  // wording: reported once per chat, like a sender's number.
  if (message.kind == chat::MessageKind::system && rule != "phone") {
    return "system notice";
  }
  if (begin < message.attachment_end && end > message.attachment_begin) {
    return "attachment reference";
  }
  const std::size_t line_start = message.text.rfind('\n', begin);
  const std::size_t from = line_start == std::string::npos ? 0 : line_start + 1;
  const std::string_view line =
      std::string_view(message.text).substr(from, message.text.find('\n', begin) - from);
  if (from > 0 && chat::parse_header(line)) {
    return "header inside a message";
  }
  for (auto it = std::cregex_iterator(line.data(), line.data() + line.size(), media_name());
       it != std::cregex_iterator(); ++it) {
    const std::size_t name_begin = from + static_cast<std::size_t>(it->position());
    if (begin < name_begin + static_cast<std::size_t>(it->length()) && end > name_begin) {
      return "media file name";
    }
  }
  return "";
}

}  // namespace

tl::expected<FindingCheck, std::string> FindingCheck::create() {
  auto rules = rules::load_builtin_rules();
  if (!rules) {
    return tl::unexpected(rules.error());
  }
  auto detector = detect::Detector::create(std::move(*rules));
  if (!detector) {
    return tl::unexpected(detector.error());
  }
  return FindingCheck(std::move(*detector));
}

std::vector<Difference> FindingCheck::check(const ExportedChat& chat) const {
  std::vector<Difference> suspicious;
  std::vector<detect::Detection> detections;
  std::string_view previous;
  for (std::size_t index = 0; index < chat.messages.size(); ++index) {
    const ChatMessage& message = chat.messages[index];
    detections.clear();
    detector_.scan(
        detect::ScanText{message.text, message.attachment_begin, message.attachment_end, previous},
        detections);
    previous = message.text;
    for (const detect::Detection& detection : detections) {
      const std::string& rule = detector_.rules()[detection.rule_index].id;
      const std::string_view where = origin_of(message, rule, detection.begin, detection.end);
      const bool never = std::find(std::begin(kNeverInFixtures), std::end(kNeverInFixtures),
                                   rule) != std::end(kNeverInFixtures);
      if (!where.empty() || never) {
        suspicious.push_back(Difference{
            index, "finding", "no finding",
            fmt::format("{} in {}: {}", rule, where.empty() ? "message text" : where,
                        message.text.substr(detection.begin, detection.end - detection.begin))});
      }
    }
  }
  return suspicious;
}

}  // namespace waudit::conformance

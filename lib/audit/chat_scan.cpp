#include "audit/chat_scan.hpp"

#include "audit/detection_pipeline.hpp"
#include "audit/media_name_count.hpp"
#include "audit/message_batch.hpp"
#include "audit/pending_findings.hpp"
#include "chat/export_parser.hpp"
#include "detect/previous_messages.hpp"
#include "media/caption_window.hpp"
#include "media/card_photo.hpp"
#include "report/fingerprint.hpp"
#include "report/mask.hpp"
#include "text/line_reader.hpp"
#include "text/utf8.hpp"
#include "text/value_normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace waudit::audit {
namespace {

// A file with no message header this far in is not a chat export: stop reading it.
constexpr std::uint64_t kHeaderSearchLines = 1000;
constexpr std::uint64_t kHeaderSearchBytes = std::uint64_t{1} << 20;

// A media reference whose time is known only as written, like PendingFinding.
struct PendingReference {
  MediaReference reference;
  std::optional<std::pair<chat::DateFields, chat::TimeOfDay>> written_time;
};

// Line and code-point column of byte `offset` of a message's text.
std::pair<std::uint64_t, std::uint64_t> locate(const chat::Message& message, std::size_t offset) {
  const std::string_view before = message.text.substr(0, offset);
  const auto breaks = static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = breaks == 0 ? 0 : before.rfind('\n') + 1;
  const std::uint64_t first_column = breaks == 0 ? message.body_column : 1;
  return {message.first_line + breaks,
          first_column + text::count_code_points(before.substr(line_start))};
}

// The first entry of rule `id`, if it is loaded (a configuration may switch it off).
std::optional<std::size_t> first_rule(const detect::Detector& detector, std::string_view id) {
  const auto& rules = detector.rules();
  const auto found = std::find_if(rules.begin(), rules.end(),
                                  [&](const rules::Rule& rule) { return rule.id == id; });
  return found == rules.end() ? std::nullopt : std::optional<std::size_t>(found - rules.begin());
}

struct NameHash {
  using is_transparent = void;

  std::size_t operator()(std::string_view name) const {
    return std::hash<std::string_view>{}(name);
  }
};

// A chat has a few senders, a hostile file may invent one per line: past this many distinct
// names, new ones are no longer checked.
constexpr std::size_t kMaxSendersChecked = 10000;

class ChatScanner {
 public:
  ChatScanner(const Origin& origin, const std::string& chat, const ScanSettings& settings,
              MediaNames names)
      : origin_(origin), chat_(chat), settings_(settings), names_(names) {}

  // Messages are detected in batches, on other threads when the settings give some
  // (MessageBatch), and handled in order here.
  void on_message(const chat::Message& message) {
    // System notices are scanned like any message: their wording is fixed, but they embed
    // names and phone numbers ("+49 170 ... changed to +49 171 ..."), and the fixed words
    // hold nothing a detector matches. A number in a notice is a participant's, reported
    // once per chat like a sender's number. What WhatsApp adds to a user's text is not scanned:
    // the attachment reference is skipped (ScanText), and the edited-message suffix is not part
    // of message.text at all (chat::Message cuts it off).
    filling_.add(message, previous_.text(), previous_.latest());
    previous_.add(message.text);
    if (filling_.full()) {
      send_batch();
    }
  }

  void error(const Problem& problem) {
    errors_.push_back(settings_.diagnostics.report(origin_, problem));
  }

  // Resolves times with the decided date order, builds the findings' fingerprints and adds
  // the findings to `findings`.
  ChatResult finish(std::uint64_t messages, const chat::DateOrderDecision& order,
                    report::FindingList& findings);

  // What a file that turned out not to be an export yields: its errors, nothing else.
  ChatResult not_an_export() {
    ChatResult result;
    result.is_export = false;
    result.errors = std::move(errors_);
    return result;
  }

 private:
  PendingFinding make_pending(const chat::Message& message, const detect::Detection& detection);
  void send_batch();
  void handle_batch(const MessageBatch& batch);
  void handle_message(const chat::Message& message, std::span<const detect::Detection> detections);
  void note_sender(const chat::Message& message);
  bool first_mention_of_number(const std::string& normalized);
  void note_reference(const chat::Message& message);
  void add_photo_findings();

  const Origin& origin_;
  const std::string& chat_;
  const ScanSettings& settings_;
  MediaNames names_;
  MessageBatch filling_;
  DetectionPipeline pipeline_{settings_.detector, settings_.detection_threads,
                              [this](const MessageBatch& batch) { handle_batch(batch); }};
  PendingFindings pending_;
  std::uint64_t allowlisted_ = 0;
  detect::PreviousMessages previous_;
  std::vector<std::string> errors_;
  std::vector<PendingReference> references_;
  // Looked up by view, like senders_.
  std::unordered_set<std::string, NameHash, std::equal_to<>> referenced_names_;
  MediaNameCount name_count_;  // instead of the two above when names are only counted
  bool media_references_full_ = false;
  // Names already checked for a phone number; looked up by view, without a copy.
  std::unordered_set<std::string, NameHash, std::equal_to<>> senders_;
  std::unordered_set<std::string> participant_numbers_;  // normalized, reported once per chat
  std::optional<std::size_t> phone_rule_ = first_rule(settings_.detector, "phone");
  media::CaptionWindow photos_{media::EvidenceWords::builtin()};
};

void ChatScanner::send_batch() {
  if (!filling_.empty()) {
    pipeline_.send(std::exchange(filling_, MessageBatch()));
  }
}

void ChatScanner::handle_batch(const MessageBatch& batch) {
  allowlisted_ += batch.allowlisted();
  batch.for_each(
      [this](const chat::Message& message, std::span<const detect::Detection> detections) {
        handle_message(message, detections);
      });
}

void ChatScanner::handle_message(const chat::Message& message,
                                 std::span<const detect::Detection> detections) {
  for (const detect::Detection& detection : detections) {
    const bool notice_number = message.kind == chat::MessageKind::system &&
                               settings_.detector.rules()[detection.rule_index].id == "phone";
    if (!notice_number || first_mention_of_number(detection.normalized)) {
      pending_.add(make_pending(message, detection));
    }
  }
  note_sender(message);
  photos_.add(message);  // card-photo: words around photos, with media or without
  if (!message.attachment.empty()) {
    note_reference(message);
  }
}

// An unsaved contact's messages carry its phone number as the sender name. That is participant
// metadata: one `phone` finding per chat and number, at the sender of its first message, not
// one per message (issue #4).
void ChatScanner::note_sender(const chat::Message& message) {
  // Looked up before inserting: this runs for every message, and most senders are known.
  if (!phone_rule_ || message.sender.empty() || senders_.size() >= kMaxSendersChecked ||
      senders_.contains(message.sender)) {
    return;
  }
  senders_.emplace(message.sender);
  const rules::Rule& rule = settings_.detector.rules()[*phone_rule_];
  detect::Detection detection;
  detection.rule_index = *phone_rule_;
  detection.normalized = text::normalize_value(message.sender);
  if (rule.validator == nullptr || !rule.validator(detection.normalized) ||
      !first_mention_of_number(detection.normalized)) {
    return;
  }
  if (settings_.detector.is_allowed(detection.normalized)) {
    ++allowlisted_;
    return;
  }
  detection.confidence = 0.95;  // a validated number, and the app shows it as a person
  PendingFinding pending;
  pending.finding = finding_of(settings_, detection, message.sender);
  pending.finding.location = report::Location{
      origin_.path,
      origin_.entry.empty() ? std::nullopt : std::optional<std::string>(origin_.entry),
      message.first_line, message.sender_column};
  pending.finding.chat = chat_;
  pending.finding.sender = std::string(message.sender);
  pending.normalized = std::move(detection.normalized);
  if (message.kind != chat::MessageKind::headless) {
    pending.written_time = std::pair{message.date, message.time};
  }
  pending_.add(std::move(pending));
}

// Whether a participant's number (a sender's name, or in a notice) is new in this chat.
bool ChatScanner::first_mention_of_number(const std::string& normalized) {
  return participant_numbers_.size() < kMaxSendersChecked &&
         participant_numbers_.insert(normalized).second;
}

// Keeps the first message naming each media file, in bounded memory; without media in hand,
// only counts the names.
void ChatScanner::note_reference(const chat::Message& message) {
  if (message.attachment.size() > kMaxMediaNameBytes) {
    return;
  }
  if (names_ == MediaNames::counted) {
    if (!name_count_.add(message.attachment) && !media_references_full_) {
      media_references_full_ = true;
      error(Problem{fmt::format("more than {} media file names; media_referenced counts the "
                                "first {}",
                                MediaNameCount::kMaxNames, MediaNameCount::kMaxNames),
                    message.first_line});
    }
    return;
  }
  if (referenced_names_.contains(message.attachment)) {
    return;
  }
  if (references_.size() >= kMaxMediaReferences) {
    if (!media_references_full_) {  // said once: the list stays full for the rest of the chat
      media_references_full_ = true;
      error(Problem{fmt::format("more than {} media file names; the media lists are incomplete",
                                kMaxMediaReferences),
                    message.first_line});
    }
    return;
  }
  referenced_names_.emplace(message.attachment);
  PendingReference pending;
  pending.reference.name = std::string(message.attachment);
  pending.reference.line = message.first_line;
  pending.reference.column = message.body_column;
  if (!message.sender.empty()) {
    pending.reference.sender = std::string(message.sender);
  }
  if (message.kind != chat::MessageKind::headless) {
    pending.written_time = std::pair{message.date, message.time};
  }
  references_.push_back(std::move(pending));
}

PendingFinding ChatScanner::make_pending(const chat::Message& message,
                                         const detect::Detection& detection) {
  const std::string_view value =
      message.text.substr(detection.begin, detection.end - detection.begin);
  const auto [line, column] = locate(message, detection.begin);
  PendingFinding pending;
  pending.finding = finding_of(settings_, detection, value);
  report::Finding& finding = pending.finding;
  finding.location = report::Location{
      origin_.path,
      origin_.entry.empty() ? std::nullopt : std::optional<std::string>(origin_.entry), line,
      column};
  finding.chat = chat_;
  if (!message.sender.empty()) {
    finding.sender = std::string(message.sender);
  }
  // `attachment` stays null: CONTRACT.md keeps it for findings about the media file itself
  // (card-photo), not for text in its caption.
  pending.normalized = detection.normalized;
  if (message.kind != chat::MessageKind::headless) {
    pending.written_time = std::pair{message.date, message.time};
  }
  return pending;
}

// card-photo findings from chat words alone; a ZIP scan raises them when it reads the image.
void ChatScanner::add_photo_findings() {
  std::unordered_map<std::string_view, PendingReference*> by_name;
  for (PendingReference& pending : references_) {
    by_name.emplace(pending.reference.name, &pending);
  }
  for (const media::PhotoMention& mention : photos_.finish()) {
    const auto verdict =
        media::judge(mention.words, nullptr,
                     settings_.request.show_values == ShowValues::yes ? media::ShowNumbers::unmasked
                                                                      : media::ShowNumbers::masked);
    if (!verdict) {
      continue;
    }
    PendingFinding pending;
    report::Finding& finding = pending.finding;
    media::apply_verdict(*verdict, finding);
    finding.location = report::Location{
        origin_.path,
        origin_.entry.empty() ? std::nullopt : std::optional<std::string>(origin_.entry),
        mention.line, mention.column};
    finding.chat = chat_;
    if (!mention.sender.empty()) {
      finding.sender = mention.sender;
    }
    if (!mention.name.empty()) {
      finding.attachment = mention.name;
    }
    pending.normalized = media::fingerprint_value(mention.name, mention.sender);
    // The words go with the photo's media reference too, so that a ZIP scan can weigh them
    // with what the image shows.
    if (const auto named = by_name.find(mention.name);
        named != by_name.end() && named->second->reference.line == mention.line) {
      named->second->reference.words = mention.words;
    }
    if (mention.has_time) {
      pending.written_time = std::pair{mention.date, mention.time};
    }
    pending_.add(std::move(pending));
  }
}

ChatResult ChatScanner::finish(std::uint64_t messages, const chat::DateOrderDecision& order,
                               report::FindingList& findings) {
  send_batch();
  pipeline_.finish();
  add_photo_findings();
  ChatResult result;
  result.messages = messages;
  result.allowlisted = allowlisted_;
  result.date_order = order;
  pending_.drain([&](PendingFinding& pending) {
    report::Finding& finding = pending.finding;
    if (pending.written_time) {
      const auto& [date, time] = *pending.written_time;
      if (const auto resolved = chat::resolve(date, time, order.order)) {
        finding.timestamp = chat::to_iso(*resolved);
      }
    }
    finding.fingerprint = report::fingerprint(
        settings_.request.fingerprint_key,
        {finding.rule, pending.normalized, chat_, finding.timestamp.value_or("")});
    findings.add(std::move(finding));
  });
  for (PendingReference& pending : references_) {
    if (pending.written_time) {
      const auto& [date, time] = *pending.written_time;
      if (const auto resolved = chat::resolve(date, time, order.order)) {
        pending.reference.timestamp = chat::to_iso(*resolved);
      }
    }
    result.media_references.push_back(std::move(pending.reference));
  }
  result.media_referenced =
      names_ == MediaNames::counted ? name_count_.count() : result.media_references.size();
  result.errors = std::move(errors_);
  return result;
}

bool looks_like_no_export(const chat::ExportParser& parser, std::uint64_t line,
                          std::uint64_t bytes) {
  return parser.header_lines() == 0 && (line >= kHeaderSearchLines || bytes >= kHeaderSearchBytes);
}

struct ReadOutcome {
  std::uint64_t bytes = 0;
  std::uint64_t long_lines = 0;
  bool is_export = true;
};

// Feeds the file's lines to the parser. The first overlong line is reported where it is;
// the others are counted (a hostile file must not produce an error line per line).
ReadOutcome feed_lines(input::ByteSource& source, chat::ExportParser& parser, ChatScanner& scanner,
                       const input::ReadLimits& limits) {
  text::LineReader reader(source, limits.max_line_bytes);
  ReadOutcome read;
  while (true) {
    auto line = reader.next();
    if (!line) {
      scanner.error(line.error());
      break;
    }
    if (!*line) {
      break;
    }
    if ((*line)->truncated && ++read.long_lines == 1) {
      scanner.error(Problem{fmt::format("line longer than {} bytes (--max-line); the rest of it "
                                        "was not scanned",
                                        limits.max_line_bytes),
                            (*line)->number});
    }
    parser.feed(**line);
    read.bytes += (*line)->text.size() + 1;
    if (looks_like_no_export(parser, (*line)->number, read.bytes)) {
      break;
    }
  }
  read.is_export = parser.header_lines() > 0;
  return read;
}

}  // namespace

report::Finding finding_of(const ScanSettings& settings, const detect::Detection& detection,
                           std::string_view value) {
  const rules::Rule& rule = settings.detector.rules()[detection.rule_index];
  report::Finding finding;
  finding.rule = rule.id;
  finding.category = rule.category;
  finding.severity = detection.negated ? rules::lowered(rule.severity) : rule.severity;
  finding.match = reported_value(settings, rule, value);
  finding.confidence = detection.confidence;
  finding.negated = detection.negated;
  return finding;
}

std::string reported_value(const ScanSettings& settings, const rules::Rule& rule,
                           std::string_view value) {
  return settings.request.show_values == ShowValues::yes
             ? std::string(value)
             : report::mask_value(value, report::reveal_for_category(rule.category));
}

ChatResult scan_chat(input::ByteSource& source, const Origin& origin, const std::string& chat,
                     const ScanSettings& settings, MediaNames names,
                     report::FindingList& findings) {
  ChatScanner scanner(origin, chat, settings, names);
  chat::ExportParser parser(chat::builtin_markers(),
                            [&](const chat::Message& message) { scanner.on_message(message); });
  const ReadOutcome read = feed_lines(source, parser, scanner, settings.request.limits);
  if (!read.is_export) {
    scanner.error(Problem{read.bytes == 0 ? "empty file; nothing to scan"
                                          : "not a WhatsApp chat export (no message header found)",
                          std::nullopt});
    return scanner.not_an_export();
  }
  if (read.long_lines > 1) {
    scanner.error(Problem{fmt::format("{} more lines longer than {} bytes (--max-line) were not "
                                      "scanned to their end",
                                      read.long_lines - 1, settings.request.limits.max_line_bytes),
                          std::nullopt});
  }
  parser.finish();
  if (parser.truncated_messages() > 0) {
    scanner.error(
        Problem{fmt::format("{} message(s) longer than {} bytes; their ends were not "
                            "scanned",
                            parser.truncated_messages(), chat::ExportParser::kDefaultMaxMessage),
                std::nullopt});
  }
  // An order the user gave is not assumed: it is a fact the report states.
  const chat::DateOrderDecision order =
      settings.request.date_order ? chat::DateOrderDecision{*settings.request.date_order, false}
                                  : parser.date_evidence().decide();
  return scanner.finish(parser.messages(), order, findings);
}

}  // namespace waudit::audit

// One chat text, from its byte stream to findings: lines -> messages -> detections. The
// findings' timestamps and fingerprints wait for the end of the chat, because only the whole
// file tells whether 03.04. is the 3rd of April or the 4th of March.
#pragma once

#include "audit/scan.hpp"
#include "chat/date_order.hpp"
#include "detect/detector.hpp"
#include "diagnostics.hpp"
#include "input/byte_source.hpp"
#include "media/caption_window.hpp"
#include "report/finding.hpp"
#include "report/finding_list.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waudit::audit {

// What every chat of a run shares.
struct ScanSettings {
  const detect::Detector& detector;
  const ScanRequest& request;
  Diagnostics& diagnostics;
  // Threads that may detect a chat's messages while its own thread parses (audit/
  // message_batch.hpp); 0: all on the chat's thread.
  unsigned detection_threads = 0;
};

// A media file that the chat names, with the first message that names it.
struct MediaReference {
  std::string name;
  std::optional<std::string> sender;
  std::optional<std::string> timestamp;  // resolved like the findings' timestamps
  std::uint64_t line = 0;                // of the message, where a card-photo finding points
  std::uint64_t column = 1;
  std::vector<media::ChatWord> words;  // card and document words around it (card-photo)
};

// What a chat's media file names are needed for: to be matched with the media in hand (a ZIP
// export, a backup's folder), or only counted (a plain .txt).
enum class MediaNames { listed, counted };

struct ChatResult {
  std::uint64_t messages = 0;
  // Distinct names, in the order of their first mention; at most kMaxMediaReferences; empty
  // when the names were only counted.
  std::vector<MediaReference> media_references;
  std::uint64_t media_referenced = 0;  // distinct names
  std::uint64_t allowlisted = 0;       // findings left out: their value is allowed
  std::vector<std::string> errors;
  std::optional<chat::DateOrderDecision> date_order;  // nullopt when no header was read
  bool is_export = true;  // false: no message header near the start, nothing reported
};

// Bounds what a chat's media references may hold in memory: no real export comes near them.
inline constexpr std::size_t kMaxMediaReferences = 100000;
inline constexpr std::size_t kMaxMediaNameBytes = 1024;  // a longer "name" is not a file's

// A matched value as the report shows it: masked for the rule's category, unless the user
// asked for values.
std::string reported_value(const ScanSettings& settings, const rules::Rule& rule,
                           std::string_view value);

// The part of a finding that comes from the rule and the detection, the same for chats,
// contact cards and backups: rule, category, severity (one lower when negated), the reported
// value, confidence.
report::Finding finding_of(const ScanSettings& settings, const detect::Detection& detection,
                           std::string_view value);

// Scans one chat and adds its findings to `findings`.
ChatResult scan_chat(input::ByteSource& source, const Origin& origin, const std::string& chat,
                     const ScanSettings& settings, MediaNames names, report::FindingList& findings);

}  // namespace waudit::audit

#include "audit/vcard_scan.hpp"

#include "report/fingerprint.hpp"
#include "report/mask.hpp"
#include "text/line_reader.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>

namespace waudit::audit {
namespace {

report::Finding make_finding(const text::Line& line, const detect::Detection& detection,
                             const Origin& origin, const CardContext& context,
                             const ScanSettings& settings) {
  const std::string_view value = line.text.substr(detection.begin, detection.end - detection.begin);
  report::Finding finding = finding_of(settings, detection, value);
  finding.location =
      report::Location{origin.path, origin.entry, line.number,
                       1 + text::count_code_points(line.text.substr(0, detection.begin))};
  finding.chat = context.chat;
  finding.sender = context.sender;
  finding.timestamp = context.timestamp;
  finding.attachment = context.attachment;
  finding.fingerprint = report::fingerprint(
      settings.request.fingerprint_key,
      {finding.rule, detection.normalized, context.chat, finding.timestamp.value_or("")});
  return finding;
}

}  // namespace

CardResult scan_vcard(input::ByteSource& source, const Origin& origin, const CardContext& context,
                      const ScanSettings& settings) {
  CardResult result;
  text::LineReader reader(source, settings.request.limits.max_line_bytes);
  std::vector<detect::Detection> detections;
  std::string previous;  // the line before, for context keywords ("NOTE:IBAN" then the number)
  while (true) {
    auto line = reader.next();
    if (!line) {
      result.errors.push_back(settings.diagnostics.report(origin, line.error()));
      break;
    }
    if (!*line) {
      break;
    }
    const text::Line& current = **line;
    if (current.truncated) {
      result.errors.push_back(settings.diagnostics.report(
          origin, Problem{fmt::format("line longer than {} bytes; the rest of it was not scanned",
                                      settings.request.limits.max_line_bytes),
                          current.number}));
    }
    detections.clear();
    result.allowlisted +=
        settings.detector.scan(detect::ScanText{current.text, 0, 0, previous}, detections);
    for (const detect::Detection& detection : detections) {
      result.findings.push_back(make_finding(current, detection, origin, context, settings));
    }
    previous.assign(current.text);
  }
  return result;
}

}  // namespace waudit::audit

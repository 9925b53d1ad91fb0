#include "report/finding_record.hpp"

#include <bit>
#include <cstring>
#include <stdexcept>

namespace waudit::report {

// Numbers are 8 bytes as the machine holds them; a double goes through its bits.
void RecordWriter::number(std::uint64_t value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out_.append(bytes, sizeof value);
}

void RecordWriter::text(std::string_view value) {
  number(value.size());
  out_.append(value);
}

void RecordWriter::optional_text(const std::optional<std::string>& value) {
  number(value ? 1 : 0);
  if (value) {
    text(*value);
  }
}

void RecordWriter::optional_number(const std::optional<std::uint64_t>& value) {
  number(value ? 1 : 0);
  if (value) {
    number(*value);
  }
}

void RecordWriter::finding(const Finding& finding) {
  text(finding.rule);
  text(finding.category);
  number(static_cast<std::uint64_t>(finding.severity));
  text(finding.location.path);
  optional_text(finding.location.entry);
  optional_number(finding.location.line);
  optional_number(finding.location.column);
  text(finding.chat);
  optional_text(finding.sender);
  optional_text(finding.timestamp);
  text(finding.match);
  optional_text(finding.attachment);
  optional_text(finding.kind);
  optional_text(finding.evidence);
  text(finding.fingerprint);
  number(std::bit_cast<std::uint64_t>(finding.confidence));
  number(finding.negated ? 1 : 0);
  number(finding.sender_is_owner ? (*finding.sender_is_owner ? 2 : 1) : 0);
  number(finding.status ? static_cast<std::uint64_t>(*finding.status) + 1 : 0);
}

std::string_view RecordReader::take(std::size_t size) {
  if (size > in_.size()) {
    throw std::logic_error("finding record read past its end");
  }
  const std::string_view taken = in_.substr(0, size);
  in_.remove_prefix(size);
  return taken;
}

std::uint64_t RecordReader::number() {
  std::uint64_t value = 0;
  std::memcpy(&value, take(sizeof value).data(), sizeof value);
  return value;
}

std::string RecordReader::text() {
  const std::uint64_t size = number();
  return std::string(take(static_cast<std::size_t>(size)));
}

std::optional<std::string> RecordReader::optional_text() {
  return number() != 0 ? std::optional<std::string>(text()) : std::nullopt;
}

std::optional<std::uint64_t> RecordReader::optional_number() {
  return number() != 0 ? std::optional<std::uint64_t>(number()) : std::nullopt;
}

Finding RecordReader::finding() {
  Finding finding;
  finding.rule = text();
  finding.category = text();
  finding.severity = static_cast<rules::Severity>(number());
  finding.location.path = text();
  finding.location.entry = optional_text();
  finding.location.line = optional_number();
  finding.location.column = optional_number();
  finding.chat = text();
  finding.sender = optional_text();
  finding.timestamp = optional_text();
  finding.match = text();
  finding.attachment = optional_text();
  finding.kind = optional_text();
  finding.evidence = optional_text();
  finding.fingerprint = text();
  finding.confidence = std::bit_cast<double>(number());
  finding.negated = number() != 0;
  if (const std::uint64_t owner = number(); owner != 0) {
    finding.sender_is_owner = owner == 2;
  }
  if (const std::uint64_t status = number(); status != 0) {
    finding.status = static_cast<Status>(status - 1);
  }
  return finding;
}

}  // namespace waudit::report

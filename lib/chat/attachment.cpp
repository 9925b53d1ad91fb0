// Media references as WhatsApp writes them on the first body line. Android puts the marker
// after the name ("NAME (file attached)"), iOS wraps the name ("<attached: NAME>"), possibly
// after a document's own title; legacy iOS wrote "NAME <attached>"; Turkish iOS puts the name
// first ("<NAME eklendi>"). The words come from patterns/locales/*.toml.
#include "chat/attachment.hpp"

#include <algorithm>

namespace waudit::chat {
namespace {

constexpr std::string_view kFullWidthColon = "\uFF1A";

// `line` from `begin` to `end` without surrounding spaces and marks.
std::string_view trimmed(std::string_view line, std::size_t begin, std::size_t end) {
  begin = skip_blanks(line.substr(0, end), begin);
  while (end > begin && (line[end - 1] == ' ' ||
                         (end - begin >= 3 && invisible_mark_length(line, end - 3) == 3))) {
    end -= line[end - 1] == ' ' ? 1 : 3;
  }
  return line.substr(begin, end - begin);
}

// Android: "NAME (SUFFIX)" as the whole line; the last " (" opens the suffix, since the name
// may hold parentheses itself ("Foto (1).jpg").
std::optional<AttachmentReference> find_android(std::string_view line, const MarkerTable& markers) {
  const std::string_view whole = trimmed(line, 0, line.size());
  const std::size_t open = line.rfind(" (");
  if (whole.empty() || whole.back() != ')' || open == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t close = static_cast<std::size_t>(whole.data() - line.data()) + whole.size();
  for (const std::string& suffix : markers.attached_suffixes) {
    const std::size_t length = match_marker(line, open + 2, suffix);
    if (length > 0 && skip_blanks(line, open + 2 + length) == close - 1) {
      const std::string_view name = trimmed(line, 0, open);
      if (!name.empty()) {
        return AttachmentReference{name, close};
      }
    }
  }
  return std::nullopt;
}

// iOS, from the '<' at `open` to the first '>' after it at `close`: "<PREFIX: NAME>" with
// optional spaces and marks inside and a full-width colon in CJK, or the legacy "NAME <PREFIX>".
std::optional<AttachmentReference> read_ios(std::string_view line, std::size_t open,
                                            std::size_t close, std::string_view prefix) {
  const std::size_t word = skip_blanks(line, open + 1);
  const std::size_t length = match_marker(line, word, prefix);
  if (length == 0) {
    return std::nullopt;
  }
  std::size_t pos = skip_blanks(line, word + length);
  if (pos > close) {
    return std::nullopt;
  }
  std::string_view name;
  if (pos == close) {
    name = trimmed(line, 0, open);
  } else if (line[pos] == ':' || line.substr(pos).starts_with(kFullWidthColon)) {
    pos += line[pos] == ':' ? 1 : kFullWidthColon.size();
    name = trimmed(line, pos, close);
  }
  if (name.empty()) {
    return std::nullopt;
  }
  return AttachmentReference{name, close + 1};
}

// iOS, name first, between the '<' at `open` and the '>' at `close`: "<NAME WORD>" (Turkish
// "<NAME eklendi>"). A '<' inside leaves the reference to the later '<'.
std::optional<AttachmentReference> read_ios_name_first(std::string_view line, std::size_t open,
                                                       std::size_t close,
                                                       const MarkerTable& markers) {
  // Searching only up to the next '<' keeps the caller's loop over '<' linear.
  if (line.find('<', open + 1) < close) {
    return std::nullopt;
  }
  const std::string_view inner = trimmed(line, open + 1, close);
  const auto inner_begin = static_cast<std::size_t>(inner.data() - line.data());
  for (const std::string& word : markers.attached_after_name) {
    const std::size_t start = marker_start_before(line, inner_begin + inner.size(), word);
    if (start == std::string_view::npos || start <= inner_begin) {
      continue;
    }
    // A space or mark must part the name from the word: "<Xeklendi>" is no reference.
    const std::string_view name = trimmed(line, inner_begin, start);
    if (!name.empty() && name.size() < start - inner_begin) {
      return AttachmentReference{name, close + 1};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<AttachmentReference> find_attachment(std::string_view body,
                                                   const MarkerTable& markers) {
  const std::string_view line = body.substr(0, body.find('\n'));
  if (auto android = find_android(line, markers)) {
    return android;
  }
  std::size_t close = 0;
  for (std::size_t open = line.find('<'); open != std::string_view::npos;
       open = line.find('<', open + 1)) {
    // One search for '>' per '>', not per '<' and word: a line of many '<' stays linear.
    if (close <= open) {
      close = line.find('>', open + 1);
    }
    if (close == std::string_view::npos) {
      break;
    }
    for (const std::string& prefix : markers.attached_prefixes) {
      if (auto ios = read_ios(line, open, close, prefix)) {
        return ios;
      }
    }
    if (auto name_first = read_ios_name_first(line, open, close, markers)) {
      return name_first;
    }
  }
  return std::nullopt;
}

bool is_contact_card_file(std::string_view file_name) {
  constexpr std::string_view kExtension = ".vcf";
  if (file_name.size() < kExtension.size()) {
    return false;
  }
  const std::string_view tail = file_name.substr(file_name.size() - kExtension.size());
  return std::equal(tail.begin(), tail.end(), kExtension.begin(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

}  // namespace waudit::chat

// Media references as WhatsApp writes them on the first body line. Android puts the marker
// after the name ("NAME (file attached)"), iOS wraps the name ("<attached: NAME>"), possibly
// after a document's own title; legacy iOS wrote "NAME <attached>". Turkish iOS
// ("<NAME eklendi>", name first) is not handled.
#include "chat/attachment.hpp"

namespace waudit::chat {
namespace {

constexpr std::string_view kFullWidthColon = "\uFF1A";

std::size_t skip_blanks(std::string_view line, std::size_t pos) {
  while (pos < line.size()) {
    if (line[pos] == ' ') {
      ++pos;
    } else if (const std::size_t mark = invisible_mark_length(line, pos)) {
      pos += mark;
    } else {
      break;
    }
  }
  return pos;
}

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

// iOS, from the '<' at `open`: "<PREFIX: NAME>" with optional spaces and marks inside and a
// full-width colon in CJK, or the legacy "NAME <PREFIX>".
std::optional<AttachmentReference> read_ios(std::string_view line, std::size_t open,
                                            std::string_view prefix) {
  const std::size_t word = skip_blanks(line, open + 1);
  const std::size_t length = match_marker(line, word, prefix);
  if (length == 0) {
    return std::nullopt;
  }
  std::size_t pos = skip_blanks(line, word + length);
  const std::size_t close = line.find('>', pos);
  if (close == std::string_view::npos) {
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

}  // namespace

std::optional<AttachmentReference> find_attachment(std::string_view body,
                                                   const MarkerTable& markers) {
  const std::string_view line = body.substr(0, body.find('\n'));
  if (auto android = find_android(line, markers)) {
    return android;
  }
  for (std::size_t open = line.find('<'); open != std::string_view::npos;
       open = line.find('<', open + 1)) {
    for (const std::string& prefix : markers.attached_prefixes) {
      if (auto ios = read_ios(line, open, prefix)) {
        return ios;
      }
    }
  }
  return std::nullopt;
}

}  // namespace waudit::chat

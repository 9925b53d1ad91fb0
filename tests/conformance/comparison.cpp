#include "comparison.hpp"

#include "chat/local_date_time.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace waudit::conformance {
namespace {

std::string_view first_line(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

// Whether two messages are the same message: equal first lines, or one ends with the other
// (one side took a name into the text that the other read as the author), or an empty body
// that the reference read as the notice "Name:".
bool same_message(const ReferenceMessage& reference, const ChatMessage& ours) {
  const std::string_view a = first_line(reference.text);
  const std::string_view b = first_line(ours.text);
  if (a.empty() || b.empty()) {
    return a == b || (b.empty() && !reference.author && a == ours.sender + ":");
  }
  return a == b || a.ends_with(b) || b.ends_with(a);
}

// Whether `reference` is `ours` plus line breaks: wcp keeps blank lines at the end of a file.
bool only_trailing_newlines(std::string_view reference, std::string_view ours) {
  return reference.size() > ours.size() && reference.starts_with(ours) &&
         reference.find_first_not_of('\n', ours.size()) == std::string_view::npos;
}

std::string_view kind_name(chat::MessageKind kind) {
  switch (kind) {
    case chat::MessageKind::system:
      return "system";
    case chat::MessageKind::headless:
      return "headless";
    case chat::MessageKind::user:
      break;
  }
  return "user";
}

std::string_view content_name(chat::Content content) {
  switch (content) {
    case chat::Content::attachment:
      return "attachment";
    case chat::Content::omitted_media:
      return "omitted_media";
    case chat::Content::deleted:
      return "deleted";
    case chat::Content::location:
      return "location";
    case chat::Content::call:
      return "call";
    case chat::Content::poll:
      return "poll";
    case chat::Content::view_once:
      return "view_once";
    case chat::Content::contact_card:
      return "contact_card";
    case chat::Content::text:
      break;
  }
  return "text";
}

std::string date_of(const ChatMessage& message) {
  return message.time ? chat::to_iso(*message.time) + ".000Z" : "invalid";
}

// wcp reports no author for system messages; a user message's author is its sender.
std::string author_of(const ChatMessage& message) {
  return message.kind == chat::MessageKind::user ? "\"" + message.sender + "\"" : "null";
}

std::string quoted(const std::optional<std::string>& text) {
  return text ? "\"" + *text + "\"" : "null";
}

void compare_pair(std::size_t index, const ReferenceMessage& reference, const ChatMessage& ours,
                  Comparison& result) {
  const std::size_t before = result.differences.size();
  const auto check = [&](std::string_view field, const std::string& expected,
                         const std::string& actual) {
    if (expected != actual) {
      result.differences.push_back(Difference{index, std::string(field), expected, actual});
    }
  };
  // Two differences with a known cause get their own field, so DIFFERENCES.md can justify
  // them without hiding other author or text differences of the same message.
  const bool notice_with_author = reference.author && ours.kind == chat::MessageKind::system;
  check(notice_with_author ? "system" : "author", quoted(reference.author), author_of(ours));
  check("date", reference.date, date_of(ours));
  check(only_trailing_newlines(reference.text, ours.text) ? "trailing-newlines" : "text",
        reference.text, ours.text);
  if (reference.kind) {
    check("kind", *reference.kind, std::string(kind_name(ours.kind)));
  }
  if (reference.content) {
    check("content", *reference.content, std::string(content_name(ours.content)));
  }
  if (reference.edited) {
    check("edited", *reference.edited ? "true" : "false", ours.edited ? "true" : "false");
  }
  if (reference.attachment) {
    check("attachment", quoted(*reference.attachment),
          ours.attachment.empty() ? "null" : "\"" + ours.attachment + "\"");
  }
  if (result.differences.size() == before) {
    ++result.identical;
  }
}

// Pairs of (reference index, our index) in a longest common subsequence of same_message.
std::vector<std::pair<std::size_t, std::size_t>> align(
    const std::vector<ReferenceMessage>& reference, const std::vector<ChatMessage>& ours) {
  const std::size_t n = reference.size();
  const std::size_t m = ours.size();
  std::vector<std::uint32_t> length((n + 1) * (m + 1), 0);
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
    return length[i * (m + 1) + j];
  };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = same_message(reference[i], ours[j]) ? at(i + 1, j + 1) + 1
                                                     : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n && j < m) {
    if (same_message(reference[i], ours[j]) && at(i, j) == at(i + 1, j + 1) + 1) {
      pairs.emplace_back(i++, j++);
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

}  // namespace

tl::expected<std::vector<ReferenceMessage>, std::string> load_reference(
    const std::filesystem::path& path) {
  std::ifstream in(path);
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.is_array()) {
    return tl::unexpected(fmt::format("{}: not a JSON array", path.string()));
  }
  std::vector<ReferenceMessage> messages;
  for (const nlohmann::json& item : json) {
    if (!item.is_object() || !item.contains("date") || !item.contains("message") ||
        !item.contains("author")) {
      return tl::unexpected(fmt::format("{}: message {} lacks date, author or message",
                                        path.string(), messages.size()));
    }
    ReferenceMessage message;
    message.date = item["date"].get<std::string>();
    if (!item["author"].is_null()) {
      message.author = item["author"].get<std::string>();
    }
    message.text = item["message"].get<std::string>();
    if (item.contains("kind")) {
      message.kind = item["kind"].get<std::string>();
    }
    if (item.contains("content")) {
      message.content = item["content"].get<std::string>();
    }
    if (item.contains("edited")) {
      message.edited = item["edited"].get<bool>();
    }
    if (item.contains("attachment")) {
      message.attachment = item["attachment"].is_null()
                               ? std::optional<std::string>()
                               : std::optional<std::string>(item["attachment"].get<std::string>());
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

Comparison compare(const std::vector<ReferenceMessage>& reference, const ExportedChat& chat) {
  Comparison result;
  std::size_t next_reference = 0;
  std::size_t next_ours = 0;
  const auto unpaired_until = [&](std::size_t reference_end, std::size_t ours_end) {
    for (; next_reference < reference_end; ++next_reference) {
      result.differences.push_back(
          Difference{next_reference, "missing", escape(reference[next_reference].text), ""});
    }
    for (; next_ours < ours_end; ++next_ours) {
      const ChatMessage& extra = chat.messages[next_ours];
      result.differences.push_back(Difference{
          next_ours, "extra", "",
          fmt::format("{} {}: {}", date_of(extra), author_of(extra), escape(extra.text))});
    }
  };
  for (const auto& [i, j] : align(reference, chat.messages)) {
    unpaired_until(i, j);
    compare_pair(i, reference[i], chat.messages[j], result);
    next_reference = i + 1;
    next_ours = j + 1;
  }
  unpaired_until(reference.size(), chat.messages.size());
  return result;
}

std::string escape(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      out += "\\n";
      ++i;
      continue;
    }
    if (byte < 0x20) {
      out += fmt::format("\\x{:02X}", byte);
      ++i;
      continue;
    }
    const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    const std::string_view character = text.substr(i, length);
    // Invisible marks and special spaces as \uXXXX; everything else as written.
    static constexpr std::string_view kShown[][2] = {
        {"\u00A0", "\\u00A0"}, {"\u200E", "\\u200E"}, {"\u200F", "\\u200F"},
        {"\u202A", "\\u202A"}, {"\u202C", "\\u202C"}, {"\u202F", "\\u202F"},
        {"\u2068", "\\u2068"}, {"\u2069", "\\u2069"}, {"\uFEFF", "\\uFEFF"},
    };
    const auto* shown = std::find_if(std::begin(kShown), std::end(kShown),
                                     [&](const auto& entry) { return entry[0] == character; });
    out += shown != std::end(kShown) ? std::string((*shown)[1]) : std::string(character);
    i += length;
  }
  return out;
}

}  // namespace waudit::conformance

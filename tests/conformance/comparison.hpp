// Message-by-message comparison of an export as waudit reads it with a reference output.
// Messages are paired in file order by their first lines (longest common subsequence), so a
// message one side splits or glues shows up once, not as a shift of every later message.
#pragma once

#include "exported_chat.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace waudit::conformance {

// One message of a reference file: {"date": ISO, "author": string or null, "message": string},
// plus, in our own synthetic fixtures, optional "kind" (user, system, headless), "content"
// (text, attachment, omitted_media, deleted, location, call, poll, view_once, contact_card),
// "edited" (bool) and "attachment" (string or null). Absent keys are not checked.
struct ReferenceMessage {
  std::string date;
  std::optional<std::string> author;
  std::string text;
  std::optional<std::string> kind;
  std::optional<std::string> content;
  std::optional<bool> edited;
  std::optional<std::optional<std::string>> attachment;  // outer nullopt: not checked
};

[[nodiscard]] tl::expected<std::vector<ReferenceMessage>, std::string> load_reference(
    const std::filesystem::path& path);

struct Difference {
  // The reference message's index; for `extra`, the index among waudit's messages.
  std::size_t message = 0;
  // author, date, text, kind, content, edited, attachment, missing, extra; `system` for an author
  // difference where waudit reads a notice (iOS writes notices under a name), `trailing-newlines`
  // for a text difference that is only line breaks the reference adds at the end.
  std::string field;
  std::string expected;
  std::string actual;
};

struct Comparison {
  std::size_t identical = 0;  // paired messages that agree in every field
  std::vector<Difference> differences;
};

Comparison compare(const std::vector<ReferenceMessage>& reference, const ExportedChat& chat);

// `text` with line breaks and invisible or unusual characters spelled as escapes, for messages.
std::string escape(std::string_view text);

}  // namespace waudit::conformance

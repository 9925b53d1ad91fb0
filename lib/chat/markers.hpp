// The fixed wording WhatsApp writes into exports, per language and platform, loaded from
// patterns/locales/*.toml (compiled in). Adding a language is adding a file there.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "diagnostics.hpp"

namespace waudit::chat {

struct MarkerTable {
  // Android "with media": `IMG-....jpg (file attached)`; the text in parentheses.
  std::vector<std::string> attached_suffixes;
  // iOS "with media": `<attached: 00000012-PHOTO-....jpg>`; the word before the colon.
  std::vector<std::string> attached_prefixes;
  // Whole-body markers of media left out: `<Media omitted>`, `image omitted`, ...
  std::vector<std::string> omitted;
  // Sentences that make a message a system notice even when it carries an author
  // (iOS writes notices as if the chat sent them); matched at the start of the body.
  std::vector<std::string> system_phrases;
  // Languages loaded, e.g. {"de", "en"}.
  std::vector<std::string> languages;
};

// Loads one locale file's content and merges it into `table`; the Problem names the line.
[[nodiscard]] tl::expected<void, Problem> add_locale(MarkerTable& table, std::string_view toml);

// The table of every compiled-in locale.
const MarkerTable& builtin_markers();

// `text` without invisible marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+FEFF) and
// with U+00A0 and U+202F as plain spaces: the form markers are compared in.
std::string strip_marks(std::string_view text);

}  // namespace waudit::chat

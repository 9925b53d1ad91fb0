// The fixed wording WhatsApp writes into exports, per language and platform, loaded from
// patterns/locales/*.toml (compiled in). Adding a language is adding a file there.
#pragma once

#include "diagnostics.hpp"

#include <tl/expected.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::chat {

struct MarkerTable {
  // Android "with media": `IMG-....jpg (file attached)`; the text in parentheses.
  std::vector<std::string> attached_suffixes;
  // iOS "with media": `<attached: 00000012-PHOTO-....jpg>`; the word before the colon.
  std::vector<std::string> attached_prefixes;
  // iOS "with media", name first: `<00000012-PHOTO-....jpg eklendi>`; the word after the name.
  std::vector<std::string> attached_after_name;
  // Whole-body markers of media left out: `<Media omitted>`, `image omitted`, ...
  std::vector<std::string> omitted;
  // Markers of a contact card left out (`Contact card omitted`); matched like `omitted`.
  std::vector<std::string> contact_cards;
  // The placeholder of a deleted message (`This message was deleted`); the whole first line.
  std::vector<std::string> deleted;
  // The suffix of an edited message, without its angle brackets (`This message was edited`).
  std::vector<std::string> edited;
  // Labels of a shared location (`location: https://...`), compared before the colon.
  std::vector<std::string> location_labels;
  // Whole first lines of a live location (`live location shared`).
  std::vector<std::string> live_locations;
  // URL starts of a venue (`https://foursquare.com/v/`), at the end of a location's last line.
  std::vector<std::string> location_urls;
  // Whole first lines of a call record (`Missed voice call`).
  std::vector<std::string> calls;
  // Whole bodies of view-once media (Android writes `null`).
  std::vector<std::string> view_once;
  // The first line of a poll (`POLL:`) and the start of its option lines (`OPTION:`).
  std::vector<std::string> polls;
  std::vector<std::string> poll_options;
  // Sentences that make a message a system notice even when it carries an author
  // (iOS writes notices as if the chat sent them); matched at the start of the body.
  std::vector<std::string> system_phrases;
  // Parts of notices that follow a name ("X created group ..." -> " created group "); found
  // anywhere near the start of a body that begins with an invisible mark, as iOS notices do.
  std::vector<std::string> system_fragments;
  // Languages loaded, e.g. {"de", "en"}.
  std::vector<std::string> languages;

  // Built by add_locale: each list's entries by the ASCII-folded byte they must meet in the
  // text (the first byte; the last for lists matched at a line end; for fragments, the first
  // after a leading space), so a line is compared only with the entries that can match it
  // instead of every entry of every language. A table filled by hand has no index, and then
  // every entry is tried.
  struct Index {
    using Buckets = std::array<std::vector<std::uint16_t>, 256>;
    std::vector<std::pair<std::vector<std::string> MarkerTable::*, Buckets>> lists;
  };

  Index index;
};

// Loads one locale file's content and merges it into `table`; the Problem names the line.
[[nodiscard]] tl::expected<void, Problem> add_locale(MarkerTable& table, std::string_view toml);

// The table of every compiled-in locale.
const MarkerTable& builtin_markers();

// `text` without invisible marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+FEFF) and
// with U+00A0 and U+202F as plain spaces: the form markers are compared in.
std::string strip_marks(std::string_view text);

// Length of U+00A0 or U+202F at `pos` (markers read them as plain spaces), else 0.
std::size_t no_break_space_length(std::string_view text, std::size_t pos);

// `pos` moved past spaces, no-break spaces and invisible marks.
std::size_t skip_blanks(std::string_view text, std::size_t pos);

// Bytes of the invisible mark strip_marks drops that starts at text[pos] (3), or 0.
std::size_t invisible_mark_length(std::string_view text, std::size_t pos);

// Bytes of `text` from `pos` that spell `marker` (given in strip_marks form), skipping invisible
// marks, reading U+00A0/U+202F as spaces and ASCII letters case-insensitively; 0 if they don't.
std::size_t match_marker(std::string_view text, std::size_t pos, std::string_view marker);

// Where `marker` starts in `text` if it ends at text[end], read backwards the way match_marker
// reads forwards; npos when it does not end there.
std::size_t marker_start_before(std::string_view text, std::size_t end, std::string_view marker);

// Whether the first line of `body` is a WhatsApp notice: it starts with a system phrase, or it
// starts with an invisible mark and holds a system fragment.
bool is_system_notice(std::string_view body, const MarkerTable& markers);

// Whether `text` holds a system fragment near its start (no invisible mark needed).
bool contains_system_fragment(std::string_view text, const MarkerTable& markers);

// Whether the first line of `body` ends with an omitted-media marker ("<Media omitted>",
// "image omitted", "Resume.pdf • 2 pages document omitted"); contact cards count too.
bool is_omitted_media(std::string_view body, const MarkerTable& markers);

// Whether the first line of `body` ends with an omitted contact card marker.
bool is_omitted_contact_card(std::string_view body, const MarkerTable& markers);

// Entries of the lists below match the whole first line (leading marks, trailing spaces, marks
// and '.' aside); an entry that ends with a space matches a line that starts with it.

// Whether `body` is the placeholder of a deleted message.
bool is_deleted(std::string_view body, const MarkerTable& markers);

// Whether `body` is a call record ("Missed voice call", "Voice call. 12 min").
bool is_call(std::string_view body, const MarkerTable& markers);

// Whether `body` is a shared location: "LABEL: URL" on the first line, a live location, or a
// venue (at most three lines, the last ending with a venue URL).
bool is_location(std::string_view body, const MarkerTable& markers);

// Whether `body` is a poll: a first line "POLL:" and a later line starting with "OPTION:".
bool is_poll(std::string_view body, const MarkerTable& markers);

// Whether the whole of `body` (one line) is a view-once placeholder.
bool is_view_once(std::string_view body, const MarkerTable& markers);

// Where the edited-message suffix (" <This message was edited>" at the very end of `body`)
// starts, including the spaces and marks before its '<'; npos when there is none.
std::size_t edited_suffix_start(std::string_view body, const MarkerTable& markers);

}  // namespace waudit::chat

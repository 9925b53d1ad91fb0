// Marker tables are data (patterns/locales/*.toml) so that a language is added without code.
// Markers are compared on the fly, without building a stripped copy of each message: marks
// are skipped and no-break spaces read as spaces while walking the text.
#include "chat/markers.hpp"

#include "data/embedded_files.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace waudit::chat {
namespace {

// Phrases and fragments are looked for only this far into a body: notices are short, and a
// bound keeps a hostile megabyte-long first line from costing phrases x bytes.
constexpr std::size_t kNoticeWindow = 512;

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// The index buckets of `list` (a member of `markers`); nullptr when the table has no index.
const MarkerTable::Index::Buckets* buckets_of(const MarkerTable& markers,
                                              const std::vector<std::string>& list) {
  for (const auto& [member, buckets] : markers.index.lists) {
    if (&(markers.*member) == &list) {
      return &buckets;
    }
  }
  return nullptr;
}

// Whether an entry of `list` that can match where the text shows `key` does match: only the
// entries of the key's bucket are tried, or all of them when there is no index.
template <typename Matches>
bool any_entry(const std::vector<std::string>& list, const MarkerTable::Index::Buckets* buckets,
               char key, const Matches& matches) {
  if (buckets == nullptr) {
    return std::any_of(list.begin(), list.end(), matches);
  }
  const auto& bucket = (*buckets)[static_cast<unsigned char>(fold(key))];
  return std::any_of(bucket.begin(), bucket.end(),
                     [&](std::uint16_t i) { return matches(list[i]); });
}

template <typename Matches>
bool any_entry(const MarkerTable& markers, const std::vector<std::string>& list, char key,
               const Matches& matches) {
  return any_entry(list, buckets_of(markers, list), key, matches);
}

// The byte at `pos`, or 0 past the end (no entry is keyed by 0).
char byte_at(std::string_view text, std::size_t pos) {
  return pos < text.size() ? text[pos] : '\0';
}

std::string_view first_line(std::string_view body) {
  return body.substr(0, body.find('\n'));
}

std::size_t skip_marks(std::string_view text, std::size_t pos) {
  while (const std::size_t mark = invisible_mark_length(text, pos)) {
    pos += mark;
  }
  return pos;
}

// `end` moved back over spaces, no-break spaces and marks.
std::size_t skip_blanks_before(std::string_view text, std::size_t end) {
  while (end > 0) {
    if (text[end - 1] == ' ') {
      --end;
    } else if (end >= 3 && invisible_mark_length(text, end - 3) == 3) {
      end -= 3;
    } else if (end >= 3 && text.substr(end - 3, 3) == "\u202F") {
      end -= 3;
    } else if (end >= 2 && text.substr(end - 2, 2) == "\u00A0") {
      end -= 2;
    } else {
      break;
    }
  }
  return end;
}

// Whether `line` is one of `entries` as a whole: leading marks skipped, then the entry, then
// only spaces, marks and '.'; an entry ending in a space needs only to start the line.
bool matches_line(std::string_view line, const MarkerTable& markers,
                  const std::vector<std::string>& entries) {
  const std::size_t start = skip_marks(line, 0);
  return any_entry(markers, entries, byte_at(line, start), [&](const std::string& entry) {
    const std::size_t length = match_marker(line, start, entry);
    if (length == 0) {
      return false;
    }
    std::size_t rest = start + length;
    while (rest < line.size() && line[rest] == '.') {
      rest = skip_blanks(line, rest + 1);
    }
    return entry.back() == ' ' || skip_blanks(line, rest) == line.size();
  });
}

bool any_fragment_within(std::string_view text, const MarkerTable& markers) {
  const std::vector<std::string>& fragments = markers.system_fragments;
  const MarkerTable::Index::Buckets* buckets = buckets_of(markers, fragments);
  const std::size_t limit = std::min(text.size(), kNoticeWindow);
  for (std::size_t pos = 0; pos < limit; ++pos) {
    if (is_continuation_byte(text[pos])) {
      continue;
    }
    // Fragments are keyed by their first byte after a leading space (" created group ").
    const std::size_t space = text[pos] == ' ' ? 1 : no_break_space_length(text, pos);
    const bool found = any_entry(
        fragments, buckets, byte_at(text, pos + space),
        [&](const std::string& fragment) { return match_marker(text, pos, fragment) > 0; });
    if (found) {
      return true;
    }
  }
  return false;
}

// The end of `line` once trailing marks, spaces, '>' and '.' are cut: "<Media omitted>" and
// "image omitted." both end after "omitted".
std::size_t trimmed_end(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0) {
    const char c = line[end - 1];
    if (c == '>' || c == '.' || c == ' ') {
      --end;
    } else if (end >= 3 && invisible_mark_length(line, end - 3) == 3) {
      end -= 3;
    } else {
      break;
    }
  }
  return end;
}

// Whether the first line of `body` ends with one of `markers`: after it only marks, spaces,
// '>' and '.', and before it the line start, a space, '<' or a mark (a whole word).
bool ends_with_marker(std::string_view body, const MarkerTable& markers,
                      const std::vector<std::string>& list) {
  const std::string_view line = first_line(body);
  const std::size_t end = trimmed_end(line);
  if (end == 0) {
    return false;
  }
  return any_entry(markers, list, line[end - 1], [&](const std::string& marker) {
    const std::size_t start = marker_start_before(line, end, marker);
    return start != std::string_view::npos &&
           (start == 0 || line[start - 1] == ' ' || line[start - 1] == '<' ||
            (start >= 3 && invisible_mark_length(line, start - 3) == 3));
  });
}

// "LABEL: URL" (or "LABEL : URL") as the whole first line.
bool is_labelled_location(std::string_view line, const MarkerTable& markers) {
  const std::size_t start = skip_marks(line, 0);
  return any_entry(markers, markers.location_labels, byte_at(line, start),
                   [&](const std::string& label) {
                     const std::size_t length = match_marker(line, start, label);
                     std::size_t pos = skip_blanks(line, start + length);
                     if (length == 0 || pos >= line.size() || line[pos] != ':') {
                       return false;
                     }
                     pos = skip_blanks(line, pos + 1);
                     return line.substr(pos).starts_with("http") &&
                            line.find(' ', pos) == std::string_view::npos;
                   });
}

// A venue: iOS "NAME (ADDRESS): URL" on one line, Android NAME, ADDRESS and URL on three; the
// last line ends with a venue URL that starts it or follows ": ".
bool is_venue(std::string_view body, const MarkerTable& markers) {
  // At most three lines: stop counting at the third line break, not at the end of the body.
  std::size_t breaks = 0;
  for (std::size_t pos = body.find('\n'); pos != std::string_view::npos && breaks <= 2;
       pos = body.find('\n', pos + 1)) {
    ++breaks;
  }
  if (breaks > 2) {
    return false;
  }
  const std::string_view last = body.substr(body.rfind('\n') + 1);
  for (const std::string& url : markers.location_urls) {
    const std::size_t pos = last.find(url);
    if (pos == std::string_view::npos || last.find(' ', pos) != std::string_view::npos) {
      continue;
    }
    if (skip_marks(last, 0) == pos || (pos >= 2 && last.substr(pos - 2, 2) == ": ")) {
      return true;
    }
  }
  return false;
}

// Which byte of an entry the text must show where the entry would match.
enum class Key { first, last, after_space };

MarkerTable::Index::Buckets buckets_for(const std::vector<std::string>& entries, Key key) {
  MarkerTable::Index::Buckets buckets;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string& entry = entries[i];
    const bool space_led = key == Key::after_space && entry.size() > 1 && entry.front() == ' ';
    const char byte = key == Key::last ? entry.back() : entry[space_led ? 1 : 0];
    if (byte == ' ') {
      // A leading space may meet a no-break space in the text: such an entry is tried anywhere.
      for (auto& bucket : buckets) {
        bucket.push_back(static_cast<std::uint16_t>(i));
      }
    } else {
      buckets[static_cast<unsigned char>(fold(byte))].push_back(static_cast<std::uint16_t>(i));
    }
  }
  return buckets;
}

MarkerTable::Index build_index(const MarkerTable& table) {
  using Member = std::vector<std::string> MarkerTable::*;
  constexpr std::pair<Member, Key> kIndexed[] = {
      {&MarkerTable::deleted, Key::first},
      {&MarkerTable::calls, Key::first},
      {&MarkerTable::live_locations, Key::first},
      {&MarkerTable::polls, Key::first},
      {&MarkerTable::view_once, Key::first},
      {&MarkerTable::location_labels, Key::first},
      {&MarkerTable::system_phrases, Key::first},
      {&MarkerTable::omitted, Key::last},
      {&MarkerTable::contact_cards, Key::last},
      {&MarkerTable::edited, Key::last},
      {&MarkerTable::system_fragments, Key::after_space},
  };
  MarkerTable::Index index;
  for (const auto& [member, key] : kIndexed) {
    index.lists.emplace_back(member, buckets_for(table.*member, key));
  }
  return index;
}

struct ListField {
  std::string_view key;
  std::vector<std::string> MarkerTable::*member;
};

constexpr ListField kListFields[] = {
    {"attached_suffixes", &MarkerTable::attached_suffixes},
    {"attached_prefixes", &MarkerTable::attached_prefixes},
    {"attached_after_name", &MarkerTable::attached_after_name},
    {"omitted", &MarkerTable::omitted},
    {"contact_cards", &MarkerTable::contact_cards},
    {"deleted", &MarkerTable::deleted},
    {"edited", &MarkerTable::edited},
    {"location_labels", &MarkerTable::location_labels},
    {"live_locations", &MarkerTable::live_locations},
    {"location_urls", &MarkerTable::location_urls},
    {"calls", &MarkerTable::calls},
    {"view_once", &MarkerTable::view_once},
    {"polls", &MarkerTable::polls},
    {"poll_options", &MarkerTable::poll_options},
    {"system_phrases", &MarkerTable::system_phrases},
    {"system_fragments", &MarkerTable::system_fragments},
};

Problem problem_at(const toml::node& node, std::string message) {
  return Problem{std::move(message), node.source().begin.line};
}

// A list of non-empty strings, kept in strip_marks form so that markers compare as written.
tl::expected<void, Problem> read_list(const toml::node& node, std::string_view key,
                                      std::vector<std::string>& out) {
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return tl::unexpected(problem_at(node, fmt::format("`{}` must be a list of strings", key)));
  }
  for (const toml::node& item : *array) {
    const auto text = item.value<std::string>();
    if (!text || text->empty()) {
      return tl::unexpected(
          problem_at(item, fmt::format("`{}` holds a non-string or empty entry", key)));
    }
    out.push_back(strip_marks(*text));
  }
  return {};
}

tl::expected<void, Problem> read_field(const toml::key& key, const toml::node& node,
                                       MarkerTable& table) {
  if (key.str() == "language") {
    const auto language = node.value<std::string>();
    if (!language || language->empty()) {
      return tl::unexpected(problem_at(node, "`language` must be a non-empty string"));
    }
    table.languages.push_back(*language);
    return {};
  }
  for (const ListField& field : kListFields) {
    if (key.str() == field.key) {
      return read_list(node, field.key, table.*field.member);
    }
  }
  return tl::unexpected(problem_at(node, fmt::format("unknown key `{}`", key.str())));
}

MarkerTable load_builtin() {
  MarkerTable table;
  for (const data::EmbeddedFile& file : data::embedded_files_under("locales/")) {
    if (auto added = add_locale(table, file.content); !added) {
      throw std::logic_error(fmt::format("built-in {}:{}: {}", file.name,
                                         added.error().line.value_or(0), added.error().message));
    }
  }
  return table;
}

}  // namespace

std::size_t marker_start_before(std::string_view text, std::size_t end, std::string_view marker) {
  std::size_t pos = end;
  for (std::size_t i = marker.size(); i-- > 0;) {
    while (pos >= 3 && invisible_mark_length(text, pos - 3) == 3) {
      pos -= 3;
    }
    if (marker[i] == ' ' && pos >= 2 && text.substr(pos - 2, 2) == "\u00A0") {
      pos -= 2;
    } else if (marker[i] == ' ' && pos >= 3 && text.substr(pos - 3, 3) == "\u202F") {
      pos -= 3;
    } else if (pos > 0 && fold(text[pos - 1]) == fold(marker[i])) {
      --pos;
    } else {
      return std::string_view::npos;
    }
  }
  return pos;
}

std::size_t invisible_mark_length(std::string_view text, std::size_t pos) {
  if (pos + 3 > text.size()) {
    return 0;
  }
  const auto b0 = static_cast<unsigned char>(text[pos]);
  const auto b1 = static_cast<unsigned char>(text[pos + 1]);
  const auto b2 = static_cast<unsigned char>(text[pos + 2]);
  const bool directional = b0 == 0xE2 && ((b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F)) ||
                                          (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||
                                          (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9));
  return directional || (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) ? 3 : 0;
}

std::size_t no_break_space_length(std::string_view text, std::size_t pos) {
  if (text.substr(pos).starts_with("\u00A0")) {
    return 2;
  }
  return text.substr(pos).starts_with("\u202F") ? 3 : 0;
}

std::size_t skip_blanks(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
    } else if (const std::size_t skip =
                   invisible_mark_length(text, pos) + no_break_space_length(text, pos)) {
      pos += skip;
    } else {
      break;
    }
  }
  return pos;
}

std::string strip_marks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const std::size_t mark = invisible_mark_length(text, pos)) {
      pos += mark;
    } else if (const std::size_t space = no_break_space_length(text, pos)) {
      out += ' ';
      pos += space;
    } else {
      out += text[pos++];
    }
  }
  return out;
}

std::size_t match_marker(std::string_view text, std::size_t pos, std::string_view marker) {
  // Most calls fail on the first byte: settle those before looking for marks.
  if (marker.empty() || pos >= text.size()) {
    return 0;
  }
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80U && fold(text[pos]) != fold(marker[0])) {
    return 0;
  }
  const std::size_t start = pos;
  for (std::size_t i = 0; i < marker.size(); ++i) {
    while (const std::size_t mark = invisible_mark_length(text, pos)) {
      pos += mark;
    }
    if (marker[i] == ' ') {
      if (const std::size_t space = no_break_space_length(text, pos)) {
        pos += space;
        continue;
      }
    }
    if (pos >= text.size() || fold(text[pos]) != fold(marker[i])) {
      return 0;
    }
    ++pos;
  }
  return pos - start;
}

bool is_system_notice(std::string_view body, const MarkerTable& markers) {
  const std::string_view line = first_line(body);
  std::size_t start = 0;
  while (const std::size_t mark = invisible_mark_length(line, start)) {
    start += mark;
  }
  const bool phrase =
      any_entry(markers, markers.system_phrases, byte_at(line, start),
                [&](const std::string& entry) { return match_marker(line, start, entry) > 0; });
  return phrase || (start > 0 && any_fragment_within(line, markers));
}

bool contains_system_fragment(std::string_view text, const MarkerTable& markers) {
  return any_fragment_within(text, markers);
}

bool is_omitted_media(std::string_view body, const MarkerTable& markers) {
  return ends_with_marker(body, markers, markers.omitted) ||
         ends_with_marker(body, markers, markers.contact_cards);
}

bool is_omitted_contact_card(std::string_view body, const MarkerTable& markers) {
  return ends_with_marker(body, markers, markers.contact_cards);
}

bool is_deleted(std::string_view body, const MarkerTable& markers) {
  return matches_line(first_line(body), markers, markers.deleted);
}

bool is_call(std::string_view body, const MarkerTable& markers) {
  return matches_line(first_line(body), markers, markers.calls);
}

bool is_location(std::string_view body, const MarkerTable& markers) {
  const std::string_view line = first_line(body);
  return is_labelled_location(line, markers) ||
         matches_line(line, markers, markers.live_locations) || is_venue(body, markers);
}

bool is_poll(std::string_view body, const MarkerTable& markers) {
  std::size_t newline = body.find('\n');
  if (newline == std::string_view::npos ||
      !matches_line(body.substr(0, newline), markers, markers.polls)) {
    return false;
  }
  while (newline != std::string_view::npos) {
    const std::size_t start = skip_marks(body, newline + 1);
    for (const std::string& option : markers.poll_options) {
      if (match_marker(body, start, option) > 0) {
        return true;
      }
    }
    newline = body.find('\n', newline + 1);
  }
  return false;
}

bool is_view_once(std::string_view body, const MarkerTable& markers) {
  return body.find('\n') == std::string_view::npos &&
         matches_line(body, markers, markers.view_once);
}

std::size_t edited_suffix_start(std::string_view body, const MarkerTable& markers) {
  std::size_t end = skip_blanks_before(body, body.size());
  if (end == 0 || body[end - 1] != '>') {
    return std::string_view::npos;
  }
  end = skip_blanks_before(body, end - 1);
  if (end > 0 && body[end - 1] == '.') {
    --end;
  }
  std::size_t found = std::string_view::npos;
  any_entry(markers, markers.edited, byte_at(body, end - 1), [&](const std::string& entry) {
    const std::size_t start = marker_start_before(body, end, entry);
    const std::size_t open = start == std::string_view::npos ? 0 : skip_blanks_before(body, start);
    if (open > 0 && body[open - 1] == '<') {
      found = skip_blanks_before(body, open - 1);
      return true;
    }
    return false;
  });
  return found;
}

tl::expected<void, Problem> add_locale(MarkerTable& table, std::string_view text) {
  toml::table document;
  try {
    document = toml::parse(text);
  } catch (const toml::parse_error& error) {
    return tl::unexpected(Problem{std::string(error.description()), error.source().begin.line});
  }
  // Read into a copy so that a broken file leaves `table` as it was.
  MarkerTable added;
  for (const auto& [key, node] : document) {
    if (auto done = read_field(key, node, added); !done) {
      return done;
    }
  }
  if (added.languages.empty()) {
    return tl::unexpected(Problem{"locale file needs `language`", std::nullopt});
  }
  table.languages.push_back(added.languages.front());
  for (const ListField& field : kListFields) {
    auto& into = table.*field.member;
    auto& from = added.*field.member;
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
  }
  table.index = build_index(table);
  return {};
}

const MarkerTable& builtin_markers() {
  static const MarkerTable table = load_builtin();
  return table;
}

}  // namespace waudit::chat

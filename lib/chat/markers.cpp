// Marker tables are data (patterns/locales/*.toml) so that a language is added without code.
// Markers are compared on the fly, without building a stripped copy of each message: marks
// are skipped and no-break spaces read as spaces while walking the text.
#include "chat/markers.hpp"

#include "data/embedded_files.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <bitset>
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

// Whether the byte at `pos` (folded) can start or end an entry, by the table's filter.
bool may_be(const std::bitset<256>& bytes, bool built, std::string_view text, std::size_t pos) {
  return !built || pos >= text.size() || bytes.test(static_cast<unsigned char>(fold(text[pos])));
}

// Fragments mostly start with a space (" created group "): at a space, the byte after it
// decides. A possible no-break space (lead byte 0xC2 or 0xE2) is never skipped.
bool may_start_fragment(const MarkerTable::Filters& filters, std::string_view text,
                        std::size_t pos) {
  if (!filters.built) {
    return true;
  }
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte == 0xC2U || byte == 0xE2U) {
    return true;
  }
  if (text[pos] == ' ') {
    return may_be(filters.fragment_seconds, true, text, pos + 1);
  }
  return filters.fragment_starts.test(static_cast<unsigned char>(fold(text[pos])));
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
bool matches_line(std::string_view line, const std::vector<std::string>& entries,
                  const MarkerTable::Filters& filters) {
  const std::size_t start = skip_marks(line, 0);
  if (!may_be(filters.line_starts, filters.built, line, start)) {
    return false;
  }
  for (const std::string& entry : entries) {
    const std::size_t length = match_marker(line, start, entry);
    if (length == 0) {
      continue;
    }
    std::size_t rest = start + length;
    while (rest < line.size() && line[rest] == '.') {
      rest = skip_blanks(line, rest + 1);
    }
    if (entry.back() == ' ' || skip_blanks(line, rest) == line.size()) {
      return true;
    }
  }
  return false;
}

bool any_fragment_within(std::string_view text, const MarkerTable& markers) {
  const MarkerTable::Filters& filters = markers.filters;
  const std::size_t limit = std::min(text.size(), kNoticeWindow);
  for (std::size_t pos = 0; pos < limit; ++pos) {
    if (is_continuation_byte(text[pos]) || !may_start_fragment(filters, text, pos)) {
      continue;
    }
    for (const std::string& fragment : markers.system_fragments) {
      if (match_marker(text, pos, fragment) > 0) {
        return true;
      }
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
bool ends_with_marker(std::string_view body, const std::vector<std::string>& markers,
                      const MarkerTable::Filters& filters) {
  const std::string_view line = first_line(body);
  const std::size_t end = trimmed_end(line);
  if (end == 0 || !may_be(filters.line_ends, filters.built, line, end - 1)) {
    return false;
  }
  for (const std::string& marker : markers) {
    const std::size_t start = marker_start_before(line, end, marker);
    if (start != std::string_view::npos &&
        (start == 0 || line[start - 1] == ' ' || line[start - 1] == '<' ||
         (start >= 3 && invisible_mark_length(line, start - 3) == 3))) {
      return true;
    }
  }
  return false;
}

// "LABEL: URL" (or "LABEL : URL") as the whole first line.
bool is_labelled_location(std::string_view line, const MarkerTable& markers) {
  const std::size_t start = skip_marks(line, 0);
  if (!may_be(markers.filters.line_starts, markers.filters.built, line, start)) {
    return false;
  }
  for (const std::string& label : markers.location_labels) {
    const std::size_t length = match_marker(line, start, label);
    if (length == 0) {
      continue;
    }
    std::size_t pos = skip_blanks(line, start + length);
    if (pos >= line.size() || line[pos] != ':') {
      continue;
    }
    pos = skip_blanks(line, pos + 1);
    if (line.substr(pos).starts_with("http") && line.find(' ', pos) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// A venue: iOS "NAME (ADDRESS): URL" on one line, Android NAME, ADDRESS and URL on three; the
// last line ends with a venue URL that starts it or follows ": ".
bool is_venue(std::string_view body, const MarkerTable& markers) {
  if (std::count(body.begin(), body.end(), '\n') > 2) {
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

void set_bytes(std::bitset<256>& bytes, const std::vector<std::string>& entries, bool last) {
  for (const std::string& entry : entries) {
    if (!entry.empty()) {
      bytes.set(static_cast<unsigned char>(fold(last ? entry.back() : entry.front())));
    }
  }
}

MarkerTable::Filters build_filters(const MarkerTable& table) {
  MarkerTable::Filters filters;
  for (const auto* list : {&table.deleted, &table.calls, &table.live_locations, &table.polls,
                           &table.view_once, &table.location_labels, &table.system_phrases}) {
    set_bytes(filters.line_starts, *list, false);
  }
  set_bytes(filters.line_ends, table.omitted, true);
  set_bytes(filters.line_ends, table.contact_cards, true);
  for (const std::string& fragment : table.system_fragments) {
    if (fragment.size() > 1 && fragment.front() == ' ') {
      filters.fragment_seconds.set(static_cast<unsigned char>(fold(fragment[1])));
    } else if (!fragment.empty()) {
      filters.fragment_starts.set(static_cast<unsigned char>(fold(fragment.front())));
    }
  }
  filters.built = true;
  return filters;
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
  if (may_be(markers.filters.line_starts, markers.filters.built, line, start)) {
    for (const std::string& phrase : markers.system_phrases) {
      if (match_marker(line, start, phrase) > 0) {
        return true;
      }
    }
  }
  return start > 0 && any_fragment_within(line, markers);
}

bool contains_system_fragment(std::string_view text, const MarkerTable& markers) {
  return any_fragment_within(text, markers);
}

bool is_omitted_media(std::string_view body, const MarkerTable& markers) {
  return ends_with_marker(body, markers.omitted, markers.filters) ||
         ends_with_marker(body, markers.contact_cards, markers.filters);
}

bool is_omitted_contact_card(std::string_view body, const MarkerTable& markers) {
  return ends_with_marker(body, markers.contact_cards, markers.filters);
}

bool is_deleted(std::string_view body, const MarkerTable& markers) {
  return matches_line(first_line(body), markers.deleted, markers.filters);
}

bool is_call(std::string_view body, const MarkerTable& markers) {
  return matches_line(first_line(body), markers.calls, markers.filters);
}

bool is_location(std::string_view body, const MarkerTable& markers) {
  const std::string_view line = first_line(body);
  return is_labelled_location(line, markers) ||
         matches_line(line, markers.live_locations, markers.filters) || is_venue(body, markers);
}

bool is_poll(std::string_view body, const MarkerTable& markers) {
  std::size_t newline = body.find('\n');
  if (newline == std::string_view::npos ||
      !matches_line(body.substr(0, newline), markers.polls, markers.filters)) {
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
         matches_line(body, markers.view_once, markers.filters);
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
  for (const std::string& entry : markers.edited) {
    const std::size_t start = marker_start_before(body, end, entry);
    if (start == std::string_view::npos) {
      continue;
    }
    const std::size_t open = skip_blanks_before(body, start);
    if (open > 0 && body[open - 1] == '<') {
      return skip_blanks_before(body, open - 1);
    }
  }
  return std::string_view::npos;
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
  table.filters = build_filters(table);
  return {};
}

const MarkerTable& builtin_markers() {
  static const MarkerTable table = load_builtin();
  return table;
}

}  // namespace waudit::chat

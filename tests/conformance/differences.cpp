#include "differences.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace waudit::conformance {
namespace {

constexpr std::string_view kFields[] = {
    "author", "system",  "date",   "text",       "trailing-newlines", "missing", "extra",
    "kind",   "content", "edited", "attachment", "finding",           "read"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (text.size() >= 2 && text.front() == '`' && text.back() == '`') {
    text = text.substr(1, text.size() - 2);
  }
  return text;
}

// The cells of a Markdown table row "| a | b |".
std::vector<std::string> cells_of(std::string_view row) {
  std::vector<std::string> cells;
  row = trim(row);
  row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') {
    row.remove_suffix(1);
  }
  std::size_t start = 0;
  while (start <= row.size()) {
    const std::size_t bar = std::min(row.find('|', start), row.size());
    cells.emplace_back(trim(row.substr(start, bar - start)));
    start = bar + 1;
  }
  return cells;
}

bool is_separator_row(const std::vector<std::string>& cells) {
  for (const std::string& cell : cells) {
    if (cell.find_first_not_of("-: ") != std::string::npos) {
      return false;
    }
  }
  return true;
}

// `*`, an index, or indexes split by commas ("0, 14, 20").
bool is_index_list_or_star(std::string_view text) {
  return text == "*" || (!text.empty() && text.find_first_not_of("0123456789, ") == text.npos &&
                         text.find_first_of("0123456789") != text.npos);
}

bool lists_index(std::string_view list, std::size_t index) {
  if (list == "*") {
    return true;
  }
  std::size_t start = 0;
  while (start < list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (trim(list.substr(start, comma - start)) == std::to_string(index)) {
      return true;
    }
    start = comma + 1;
  }
  return false;
}

bool is_field(std::string_view text) {
  for (const std::string_view field : kFields) {
    if (field == text) {
      return true;
    }
  }
  return false;
}

enum class Table { none, reasons, differences };

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  const std::size_t star = pattern.find('*');
  if (star == std::string_view::npos) {
    return pattern == text;
  }
  if (!text.starts_with(pattern.substr(0, star))) {
    return false;
  }
  const std::string_view rest = pattern.substr(star + 1);
  for (std::size_t at = star; at <= text.size(); ++at) {
    if (glob_match(rest, text.substr(at))) {
      return true;
    }
  }
  return false;
}

tl::expected<DifferenceList, std::string> DifferenceList::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    return tl::unexpected(fmt::format("{}: cannot read", path.string()));
  }
  DifferenceList list;
  Table table = Table::none;
  std::string row;
  std::size_t number = 0;
  while (std::getline(in, row)) {
    ++number;
    if (!trim(row).starts_with("|")) {
      table = Table::none;
      continue;
    }
    const std::vector<std::string> cells = cells_of(row);
    const auto error = [&](std::string_view what) {
      return tl::unexpected(fmt::format("{}:{}: {}", path.string(), number, what));
    };
    if (table == Table::none) {
      table = cells.front() == "reason" ? Table::reasons
              : cells.front() == "file" ? Table::differences
                                        : Table::none;
      continue;  // the header row
    }
    if (is_separator_row(cells)) {
      continue;
    }
    if (table == Table::reasons) {
      if (cells.size() != 2 || cells[0].empty()) {
        return error("a reason row has two cells: key and explanation");
      }
      list.reasons_[cells[0]] = cells[1];
      continue;
    }
    if (cells.size() != 4) {
      return error("a difference row has four cells: file, message, field, reason");
    }
    if (!is_index_list_or_star(cells[1])) {
      return error(fmt::format("message must be indexes or *, not \"{}\"", cells[1]));
    }
    if (!is_field(cells[2])) {
      return error(fmt::format("unknown field \"{}\"", cells[2]));
    }
    list.rows_.push_back(Justification{cells[0], cells[1], cells[2], cells[3], number, 0});
  }
  for (const Justification& justification : list.rows_) {
    if (!list.reasons_.contains(justification.reason)) {
      return tl::unexpected(fmt::format("{}:{}: reason \"{}\" is not in the reasons table",
                                        path.string(), justification.line, justification.reason));
    }
  }
  return list;
}

std::optional<std::string> DifferenceList::justify(std::string_view file, std::size_t message,
                                                   std::string_view field) {
  for (Justification& row : rows_) {
    if (row.field == field && lists_index(row.message, message) && glob_match(row.file, file)) {
      ++row.uses;
      return row.reason;
    }
  }
  return std::nullopt;
}

std::vector<const Justification*> DifferenceList::stale() const {
  std::vector<const Justification*> unused;
  for (const Justification& row : rows_) {
    if (row.uses == 0) {
      unused.push_back(&row);
    }
  }
  return unused;
}

}  // namespace waudit::conformance

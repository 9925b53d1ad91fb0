#include "audit/ignore_file.hpp"

#include "diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace waudit::audit {
namespace {

constexpr std::string_view kBlanks = " \t\r";
constexpr std::size_t kFingerprintDigits = 32;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

// Takes the first blank-separated token off `rest`, which keeps what follows it, trimmed.
std::string_view take_token(std::string_view& rest) {
  const std::size_t end = std::min(rest.find_first_of(kBlanks), rest.size());
  const std::string_view token = rest.substr(0, end);
  rest = trim(rest.substr(end));
  return token;
}

bool is_fingerprint(std::string_view token) {
  return token.size() == kFingerprintDigits && std::all_of(token.begin(), token.end(), [](char c) {
           return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f');
         });
}

// A token meant as a date: four digits and a dash. It must then be a real YYYY-MM-DD date, so
// that a mistyped date is an error rather than the first word of the reason.
bool looks_like_date(std::string_view token) {
  return token.size() >= 5 && std::all_of(token.begin(), token.begin() + 4, is_digit) &&
         token[4] == '-';
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view token) {
  if (token.size() != 10 || token[7] != '-') {
    return std::nullopt;
  }
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(token[i])) {
      return std::nullopt;
    }
  }
  const auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) {
      value = value * 10 + (token[i] - '0');
    }
    return value;
  };
  const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  return date.ok() ? std::optional(date) : std::nullopt;
}

std::string format_date(std::chrono::year_month_day date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::chrono::year_month_day local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::chrono::year_month_day{std::chrono::year{local.tm_year + 1900},
                                     std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                     std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

std::string located(const std::string& name, std::uint64_t line, std::string message) {
  return format_located({name, ""}, {std::move(message), line});
}

}  // namespace

tl::expected<IgnoreFile, std::string> IgnoreFile::parse(std::string_view text, std::string name,
                                                        std::chrono::year_month_day today) {
  IgnoreFile file;
  file.name_ = std::move(name);
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::uint64_t number = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view rest = trim(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    ++number;
    if (rest.empty() || rest.front() == '#') {
      continue;
    }
    const std::string_view fingerprint = take_token(rest);
    if (!is_fingerprint(fingerprint)) {
      return tl::unexpected(located(file.name_, number,
                                    "expected a fingerprint (32 hexadecimal digits) at the start"));
    }
    std::optional<std::chrono::year_month_day> expires;
    if (looks_like_date(rest.substr(0, rest.find_first_of(kBlanks)))) {
      expires = parse_date(take_token(rest));
      if (!expires) {
        return tl::unexpected(
            located(file.name_, number, "the expiry date is not a valid YYYY-MM-DD date"));
      }
    }
    if (rest.empty()) {
      return tl::unexpected(located(file.name_, number, "a reason is required"));
    }
    if (expires && *expires < today) {
      file.warnings_.push_back(
          located(file.name_, number,
                  fmt::format("entry expired on {} and no longer applies", format_date(*expires))));
      continue;
    }
    std::string key(fingerprint);
    std::transform(key.begin(), key.end(), key.begin(), lower);
    const auto [entry, added] = file.entries_.try_emplace(std::move(key), Entry{number, false});
    if (!added) {
      file.warnings_.push_back(located(
          file.name_, number, fmt::format("repeats the entry of line {}", entry->second.line)));
    }
  }
  return file;
}

std::size_t IgnoreFile::drop(std::vector<report::Finding>& findings) {
  const std::size_t removed = std::erase_if(findings, [this](const report::Finding& finding) {
    const auto entry = entries_.find(finding.fingerprint);
    if (entry == entries_.end()) {
      return false;
    }
    entry->second.matched = true;
    return true;
  });
  dropped_ += removed;
  return removed;
}

std::vector<std::string> IgnoreFile::unmatched() const {
  std::vector<std::uint64_t> lines;
  for (const auto& [fingerprint, entry] : entries_) {
    if (!entry.matched) {
      lines.push_back(entry.line);
    }
  }
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> warnings;
  for (const std::uint64_t line : lines) {
    warnings.push_back(located(name_, line, "entry matches no finding of this scan"));
  }
  return warnings;
}

std::optional<IgnoreFile> load_ignore_file(const std::optional<std::filesystem::path>& given) {
  std::filesystem::path path(kIgnoreFileName);
  if (given) {
    path = *given;
  } else if (std::error_code error; !std::filesystem::is_regular_file(path, error)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.is_open() || (!in.good() && !in.eof())) {
    throw std::runtime_error(fmt::format("{}: cannot read ignore file", path.string()));
  }
  auto file = IgnoreFile::parse(text, path.string(), local_today());
  if (!file) {
    throw std::runtime_error(file.error());
  }
  return std::move(*file);
}

}  // namespace waudit::audit

#include "rules/term_pattern.hpp"

#include <fmt/format.h>

#include <string_view>

namespace waudit::rules {
namespace {

constexpr std::string_view kLetters = "\\p{L}*";
constexpr std::string_view kSpaces = "[\\s\\x{00A0}\\x{202F}]+";
constexpr std::string_view kHyphen = "[\\-\\s\\x{00A0}\\x{202F}\\x{2010}\\x{2011}]?";

bool is_special(char c) {
  return std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos;
}

// The term's own text between the optional stars.
std::string literal(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ') {
      out += kSpaces;
      while (i + 1 < text.size() && text[i + 1] == ' ') {
        ++i;
      }
    } else if (c == '-') {
      out += kHyphen;
    } else {
      if (is_special(c)) {
        out += '\\';
      }
      out += c;
    }
  }
  return out;
}

tl::expected<std::string, std::string> term_pattern(std::string_view term) {
  const bool compound = term.starts_with('*');
  const bool inflected = term.size() > 1 && term.ends_with('*');
  std::string_view core = term.substr(compound ? 1 : 0);
  core = core.substr(0, core.size() - (inflected ? 1 : 0));
  if (core.empty() || core.find('*') != std::string_view::npos || core.front() == ' ' ||
      core.back() == ' ') {
    return tl::unexpected(fmt::format(
        "bad term \"{}\" (a word or phrase, `*` only at its start or end, no outer spaces)", term));
  }
  std::string out(compound ? kLetters : "");
  out += literal(core);
  if (inflected) {
    out += kLetters;
  }
  return out;
}

}  // namespace

tl::expected<std::string, std::string> pattern_from_terms(const std::vector<std::string>& terms) {
  if (terms.empty()) {
    return tl::unexpected(std::string("`terms` is empty"));
  }
  std::string alternatives;
  for (const std::string& term : terms) {
    auto pattern = term_pattern(term);
    if (!pattern) {
      return tl::unexpected(pattern.error());
    }
    alternatives += (alternatives.empty() ? "" : "|") + *pattern;
  }
  return fmt::format("(?i)(?:^|[^\\p{{L}}\\p{{N}}])({})(?:$|[^\\p{{L}}\\p{{N}}])", alternatives);
}

}  // namespace waudit::rules

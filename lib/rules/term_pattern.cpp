#include "rules/term_pattern.hpp"

#include <fmt/format.h>

#include <array>
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

// A term's stars, which decide which of the four alternatives below it joins.
struct Term {
  bool compound = false;   // "*krebs"
  bool inflected = false;  // "krankmeld*"
  std::string literal;     // the term between its stars, as RE2 syntax
};

tl::expected<Term, std::string> read_term(std::string_view term) {
  Term out;
  out.compound = term.starts_with('*');
  out.inflected = term.size() > 1 && term.ends_with('*');
  std::string_view core = term.substr(out.compound ? 1 : 0);
  core = core.substr(0, core.size() - (out.inflected ? 1 : 0));
  if (core.empty() || core.find('*') != std::string_view::npos || core.front() == ' ' ||
      core.back() == ' ') {
    return tl::unexpected(fmt::format(
        "bad term \"{}\" (a word or phrase, `*` only at its start or end, no outer spaces)", term));
  }
  out.literal = literal(core);
  return out;
}

}  // namespace

tl::expected<std::string, std::string> pattern_from_terms(const std::vector<std::string>& terms) {
  if (terms.empty()) {
    return tl::unexpected(std::string("`terms` is empty"));
  }
  // Terms are grouped by their stars, so \p{L}* (hundreds of UTF-8 byte ranges once
  // compiled) appears at most four times, not once per term: a lexicon of a hundred
  // compound terms would otherwise compile to a program many times larger and slower.
  std::array<std::string, 4> groups;  // index: compound * 2 + inflected
  for (const std::string& text : terms) {
    auto term = read_term(text);
    if (!term) {
      return tl::unexpected(term.error());
    }
    std::string& group = groups[(term->compound ? 2 : 0) + (term->inflected ? 1 : 0)];
    group += (group.empty() ? "" : "|") + term->literal;
  }
  std::string alternatives;
  for (std::size_t index = 0; index < groups.size(); ++index) {
    if (groups[index].empty()) {
      continue;
    }
    alternatives += fmt::format("{}{}(?:{}){}", alternatives.empty() ? "" : "|",
                                (index & 2U) != 0 ? kLetters : "", groups[index],
                                (index & 1U) != 0 ? kLetters : "");
  }
  return fmt::format("(?i)(?:^|[^\\p{{L}}\\p{{N}}])({})(?:$|[^\\p{{L}}\\p{{N}}])", alternatives);
}

}  // namespace waudit::rules

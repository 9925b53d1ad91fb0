#include "detect/negation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace waudit::detect {
namespace {

constexpr std::array<std::string_view, 7> kScopeBreakers{"aber",    "jedoch", "sondern", "but",
                                                         "however", "though", "trotzdem"};

bool ends_sentence(char c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == ':';
}

// Letters, digits and every byte of a multi-byte UTF-8 character belong to words.
bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (std::isalnum(byte) != 0);
}

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

bool breaks_scope(std::string_view word) {
  return std::find(kScopeBreakers.begin(), kScopeBreakers.end(), word) != kScopeBreakers.end();
}

// The words of `text` read from `position` in one direction, nearest first, up to `limit`.
std::vector<std::string> words_from(std::string_view text, std::size_t position, bool forward,
                                    std::size_t limit) {
  std::vector<std::string> words;
  std::size_t i = position;
  while (words.size() < limit) {
    while (forward ? i < text.size() && !is_word_byte(text[i])
                   : i > 0 && !is_word_byte(text[i - 1])) {
      if (ends_sentence(forward ? text[i] : text[i - 1])) {
        return words;
      }
      forward ? ++i : --i;
    }
    const std::size_t edge = i;
    while (forward ? i < text.size() && is_word_byte(text[i])
                   : i > 0 && is_word_byte(text[i - 1])) {
      forward ? ++i : --i;
    }
    if (i == edge) {
      break;
    }
    std::string word =
        lower_ascii(forward ? text.substr(edge, i - edge) : text.substr(i, edge - i));
    if (breaks_scope(word)) {
      break;
    }
    words.push_back(std::move(word));
  }
  return words;
}

bool contains_trigger(std::vector<std::string> words, bool nearest_first_reversed,
                      const std::vector<std::string>& triggers) {
  if (nearest_first_reversed) {
    std::reverse(words.begin(), words.end());
  }
  std::string window = " ";
  for (const std::string& word : words) {
    window += word + ' ';
  }
  return std::any_of(triggers.begin(), triggers.end(), [&](const std::string& trigger) {
    return window.find(' ' + lower_ascii(trigger) + ' ') != std::string::npos;
  });
}

}  // namespace

bool is_negated(std::string_view text, std::size_t begin, std::size_t end,
                const rules::Negation& negation) {
  return contains_trigger(words_from(text, begin, false, kNegationWordsBefore), true,
                          negation.before) ||
         contains_trigger(words_from(text, end, true, kNegationWordsAfter), false, negation.after);
}

}  // namespace waudit::detect

// NegEx-style negation for lexicon rules: "zum Glück kein Krebs", "Corona-Test negativ". A
// negated mention is still about a person's health, so it is reported, one severity lower
// (detectors.md §4.3). The scope is a few words on either side, cut at the end of a sentence
// and at a conjunction that turns it ("kein Fieber, aber Krebs").
#pragma once

#include "rules/rule.hpp"

#include <cstddef>
#include <string_view>

namespace waudit::detect {

inline constexpr std::size_t kNegationWordsBefore = 5;
inline constexpr std::size_t kNegationWordsAfter = 3;

// Whether a trigger of `negation` stands among the words before `begin` or after `end` of
// `text`. Triggers may be several words ("ruled out"); case is ignored for ASCII letters.
bool is_negated(std::string_view text, std::size_t begin, std::size_t end,
                const rules::Negation& negation);

}  // namespace waudit::detect

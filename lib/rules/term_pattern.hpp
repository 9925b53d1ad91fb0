// A lexicon rule lists terms instead of a pattern; this turns them into one RE2 pattern, so
// the scanner treats both kinds of rule alike. Term syntax (patterns/health.toml uses it):
//   krankgeschrieben   the word, any case, with Unicode word boundaries on both sides
//   krankmeld*         letters may follow (inflections: Krankmeldung, krankmelden)
//   *krebs             letters may precede (compounds: Darmkrebs)
//   gelber schein      a space matches any run of spaces
//   au-bescheinigung   a hyphen matches a hyphen, a space or nothing
#pragma once

#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace waudit::rules {

// The pattern, whose group 1 is the matched term; an error names the first bad term.
[[nodiscard]] tl::expected<std::string, std::string> pattern_from_terms(
    const std::vector<std::string>& terms);

}  // namespace waudit::rules

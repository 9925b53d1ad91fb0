// Unicode Normalization Form C for what file names need: iOS and macOS write names decomposed
// (u + U+0308) where the chat text has them composed (ü), or the other way round. Covered are
// the combining marks U+0300-U+036F (Latin, Greek and Cyrillic letters with accents), the kana
// voicing marks U+3099/U+309A and Hangul syllables. Other marks are left as they are and
// treated as starters, so a string with them may differ from full NFC; both sides of a
// comparison are normalized the same way, which is what matching needs.
#pragma once

#include <string>
#include <string_view>

namespace waudit::text {

// `utf8` in NFC (within the coverage above). Invalid bytes are kept as they are.
std::string to_nfc(std::string_view utf8);

}  // namespace waudit::text

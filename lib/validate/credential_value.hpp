// Whether a token looks like a secret rather than a word of the conversation. A password
// typed in reply to "Wie ist das WLAN-Passwort?" has the same shape as the answer "Danke!",
// except that real secrets mix letters with digits or symbols, or are PINs and codes of
// digits only. Letter-only passwords ("Sonnenschein") are missed on purpose: they cannot be
// told apart from words.
#pragma once

#include <string_view>

namespace waudit::validate {

// `normalized`: the token with ASCII letters upper-cased and separators dropped. True for
//   - 4 to 20 digits (PIN, TAN, door and alarm codes as "*4711#" too, the 20-digit key of
//     a router), or
//   - 6 to 64 printable ASCII characters with at least one letter and one digit, or one
//     symbol that is not only trailing punctuation ("SOMMER2023!", "HUNTER2", "P@SSW0RD"),
// and false for web addresses.
bool credential_value(std::string_view normalized);

}  // namespace waudit::validate

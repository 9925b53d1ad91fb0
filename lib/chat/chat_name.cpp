// The export's file name is the only place the chat's name is written. Android localises it
// (export-formats.md section 1.1) and some share targets turn its spaces into '_' or keep the
// translation's U+00A0; iOS names the zip "WhatsApp Chat - NAME.zip".
#include "chat/chat_name.hpp"

#include <array>

namespace waudit::chat {
namespace {

// Longer forms first where one starts another ("с контактом " before "с ").
constexpr std::array<std::string_view, 15> kPrefixes = {
    "WhatsApp Chat with ",         "WhatsApp Chat mit ",        "WhatsApp Chat - ",
    "Chat de WhatsApp con ",       "Discussion WhatsApp avec ", "Chat WhatsApp con ",
    "Conversa do WhatsApp com ",   "Conversa no WhatsApp com ", "WhatsApp-chat met ",
    "Чат WhatsApp с контактом ",   "Чат WhatsApp с ",           "Czat WhatsApp z ",
    "Chat WhatsApp s uživatelem ", "Chat WhatsApp s ",          "WhatsApp-chatt med ",
};

// Languages that put the name first (tr, ja).
constexpr std::array<std::string_view, 2> kSuffixes = {" ile WhatsApp Sohbeti",
                                                       "とのWhatsAppチャット"};

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Bytes of `name` from `pos` spelling `form`, where a space in `form` may be written as a
// space, '_' or U+00A0 and ASCII letters match in either case; 0 when it does not match.
std::size_t match_form(std::string_view name, std::size_t pos, std::string_view form) {
  const std::size_t start = pos;
  for (const char c : form) {
    if (c == ' ' && name.substr(pos).starts_with("\u00A0")) {
      pos += 2;
    } else if (pos < name.size() &&
               (fold(name[pos]) == fold(c) || (c == ' ' && name[pos] == '_'))) {
      ++pos;
    } else {
      return 0;
    }
  }
  return pos - start;
}

std::string_view stem(std::string_view file_name) {
  for (const std::string_view extension : {".txt", ".zip"}) {
    const std::size_t at = file_name.size() >= extension.size()
                               ? file_name.size() - extension.size()
                               : std::string_view::npos;
    if (at != std::string_view::npos && at > 0 &&
        match_form(file_name, at, extension) == extension.size()) {
      return file_name.substr(0, at);
    }
  }
  return file_name;
}

}  // namespace

std::string chat_name_from_file_name(std::string_view file_name) {
  const std::string_view base = stem(file_name);
  for (const std::string_view prefix : kPrefixes) {
    const std::size_t length = match_form(base, 0, prefix);
    if (length > 0 && length < base.size()) {
      return std::string(base.substr(length));
    }
  }
  for (const std::string_view suffix : kSuffixes) {
    // A suffix may contain U+00A0 for a space, so try every start that could end the stem.
    for (std::size_t at = 1; at < base.size(); ++at) {
      if (match_form(base, at, suffix) == base.size() - at) {
        return std::string(base.substr(0, at));
      }
    }
  }
  return std::string(base);
}

}  // namespace waudit::chat

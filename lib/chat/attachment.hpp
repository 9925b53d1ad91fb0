// Attachment references in a message body, with their captions:
//   Android  IMG-20230415-WA0007.jpg (Datei angehängt)\ncaption
//   iOS      <Anhang: 00000012-PHOTO-2023-04-15-14-03-12.jpg>
#pragma once

#include "chat/markers.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace waudit::chat {

struct AttachmentReference {
  std::string_view file_name;  // a view into the body
  std::size_t end = 0;         // byte offset in the body just after the reference
};

// Looks for a reference on the first line of `body`; nullopt when there is none.
std::optional<AttachmentReference> find_attachment(std::string_view body,
                                                   const MarkerTable& markers);

// Whether a media file name is a contact card (vCard, ".vcf" in any case), in any language.
bool is_contact_card_file(std::string_view file_name);

}  // namespace waudit::chat

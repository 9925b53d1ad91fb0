// The chat's name from the export's file name: "WhatsApp Chat mit Max.txt" -> "Max",
// "WhatsApp Chat - Team.zip" -> "Team". Unknown shapes give the file's stem.
#pragma once

#include <string>
#include <string_view>

namespace waudit::chat {

std::string chat_name_from_file_name(std::string_view file_name);

}  // namespace waudit::chat

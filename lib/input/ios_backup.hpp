// iOS's ChatStorage.sqlite, a Core Data store (tables Z..., key Z_PK; research: backups.md 4.1
// and 4.2): messages in ZWAMESSAGE, chats in ZWACHATSESSION, group members in ZWAGROUPMEMBER,
// captions and contact cards in ZWAMEDIAITEM. Dates are seconds since 2001-01-01 UTC. Not read:
// ContactsV2.sqlite and LID.sqlite beside it, receipts and reactions, media files.
#pragma once

#include "input/message_store.hpp"
#include "input/sqlite_backup.hpp"

#include <set>
#include <string>

namespace waudit::input {

// Starts reading the messages of a ChatStorage.sqlite whose tables are `tables`.
[[nodiscard]] tl::expected<std::unique_ptr<MessageStore>, Problem> open_ios_store(
    Database database, const std::set<std::string>& tables);

}  // namespace waudit::input

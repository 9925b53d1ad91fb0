#include "input/ios_backup.hpp"

#include "input/query_store.hpp"

#include <fmt/format.h>

namespace waudit::input {
namespace {

// Seconds from 1970-01-01 to 2001-01-01, Core Data's epoch.
constexpr long long kCoreDataEpoch = 978307200;

// iOS message types (research 4.3): 4 contact card, 6 group event.
constexpr int kContactCard = 4;
constexpr int kSystemEvent = 6;

tl::expected<std::set<std::string>, Problem> columns_if(const Database& database,
                                                        const std::set<std::string>& tables,
                                                        const std::string& table) {
  if (!tables.contains(table)) {
    return std::set<std::string>{};
  }
  return database.columns(table);
}

void add_media(MessageQuery& query, const std::set<std::string>& message,
               const std::set<std::string>& media) {
  if (media.empty()) {
    return;
  }
  if (message.contains("ZMEDIAITEM")) {
    query.from += " LEFT JOIN ZWAMEDIAITEM mi ON mi.Z_PK = m.ZMEDIAITEM";
  } else if (media.contains("ZMESSAGE")) {
    query.from += " LEFT JOIN ZWAMEDIAITEM mi ON mi.ZMESSAGE = m.Z_PK";
  } else {
    return;
  }
  query[Column::caption] = column_or_null(media, "mi", "ZTITLE");
  query[Column::media_path] = column_or_null(media, "mi", "ZMEDIALOCALPATH");
  // ZVCARDSTRING holds the card for contact messages and a MIME type for other media.
  if (media.contains("ZVCARDSTRING") && message.contains("ZMESSAGETYPE")) {
    query[Column::vcard] =
        fmt::format("CASE WHEN m.ZMESSAGETYPE = {} THEN mi.ZVCARDSTRING END", kContactCard);
  }
}

}  // namespace

tl::expected<std::unique_ptr<MessageStore>, Problem> open_ios_store(
    Database database, const std::set<std::string>& tables) {
  auto message = database.columns("ZWAMESSAGE");
  auto media = columns_if(database, tables, "ZWAMEDIAITEM");
  auto members = columns_if(database, tables, "ZWAGROUPMEMBER");
  if (!message || !media || !members) {
    return tl::unexpected(!message ? message.error() : !media ? media.error() : members.error());
  }
  MessageQuery query;
  const std::string group = "s.ZCONTACTJID LIKE '%@g.us'";
  query[Column::row_id] = "m.Z_PK";
  query[Column::chat_key] = "m.ZCHATSESSION";
  query[Column::chat_name] = "s.ZPARTNERNAME";
  query[Column::chat_jid] = "s.ZCONTACTJID";
  query[Column::from_me] = "COALESCE(m.ZISFROMME, 0)";
  query[Column::unix_ms] =
      fmt::format("CAST(ROUND((m.ZMESSAGEDATE + {}) * 1000) AS INTEGER)", kCoreDataEpoch);
  query[Column::system] = message->contains("ZMESSAGETYPE")
                              ? fmt::format("COALESCE(m.ZMESSAGETYPE = {}, 0)", kSystemEvent)
                              : "0";
  query[Column::body] = column_or_null(*message, "m", "ZTEXT");
  query.from = "FROM ZWAMESSAGE m JOIN ZWACHATSESSION s ON s.Z_PK = m.ZCHATSESSION";
  std::string member_jid = "NULL";
  std::string member_name = "NULL";
  if (message->contains("ZGROUPMEMBER") && members->contains("ZMEMBERJID")) {
    query.from += " LEFT JOIN ZWAGROUPMEMBER gm ON gm.Z_PK = m.ZGROUPMEMBER";
    member_jid = "gm.ZMEMBERJID";
    member_name = fmt::format("NULLIF({}, '')", column_or_null(*members, "gm", "ZCONTACTNAME"));
  }
  const std::string from_jid = column_or_null(*message, "m", "ZFROMJID");
  if (tables.contains("ZWAPROFILEPUSHNAME")) {
    query.from += fmt::format(" LEFT JOIN ZWAPROFILEPUSHNAME pn ON pn.ZJID = COALESCE({}, {})",
                              member_jid, from_jid);
    member_name = fmt::format("COALESCE({}, NULLIF(pn.ZPUSHNAME, ''))", member_name);
  }
  // In a group the sender is the member; in a one-to-one chat, the chat's partner.
  query[Column::sender_jid] =
      fmt::format("CASE WHEN {} THEN COALESCE({}, {}) END", group, member_jid, from_jid);
  query[Column::sender_name] = fmt::format("CASE WHEN {} THEN {} END", group, member_name);
  add_media(query, *message, *media);
  query.order = "m.ZCHATSESSION, m.ZMESSAGEDATE, m.Z_PK";
  auto store = make_query_store(std::move(database),
                                StoreSource{std::move(query), {}, std::string(kDefaultOwner)});
  if (!store) {
    return tl::unexpected(Problem{
        fmt::format("unrecognised ChatStorage.sqlite schema ({}); skipped", store.error().message),
        std::nullopt});
  }
  return store;
}

}  // namespace waudit::input

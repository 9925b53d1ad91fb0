#include "input/android_backup.hpp"

#include <fmt/format.h>

namespace waudit::input {
namespace {

// The columns of `table`; an empty set when the table is absent.
tl::expected<std::set<std::string>, Problem> columns_if(const Database& database,
                                                        const std::set<std::string>& tables,
                                                        const std::string& table) {
  if (!tables.contains(table)) {
    return std::set<std::string>{};
  }
  return database.columns(table);
}

// A JID as text from a `jid` row aliased `alias`.
std::string jid_text(const std::set<std::string>& jid_columns, std::string_view alias) {
  const std::string composed = fmt::format("{0}.user || '@' || {0}.server", alias);
  return jid_columns.contains("raw_string")
             ? fmt::format("COALESCE({}.raw_string, {})", alias, composed)
             : composed;
}

// The text of the first column of the first row of `sql`; empty when there is none.
std::string first_text(const Database& database, std::string_view sql) {
  auto statement = database.prepare(sql);
  if (!statement) {
    return {};
  }
  auto row = statement->step();
  return row && *row ? std::string(statement->bytes(0)) : std::string();
}

// Whether `message` has a row in a real chat (not only WhatsApp's placeholder, chat -1).
bool current_schema_has_rows(const Database& database) {
  return first_text(database,
                    "SELECT 1 FROM message m JOIN chat c ON c._id = m.chat_row_id LIMIT 1") == "1";
}

// The joins from a JID row id to its phone JID when `jid_map` maps a LID (@lid) to one.
void add_jid(MessageQuery& query, std::string_view row_id, std::string_view alias, bool lid_map) {
  query.from += fmt::format(" LEFT JOIN jid {0} ON {0}._id = {1}", alias, row_id);
  if (lid_map) {
    query.from += fmt::format(
        " LEFT JOIN jid_map {0}_map ON {0}_map.lid_row_id = {1}"
        " LEFT JOIN jid {0}_phone ON {0}_phone._id = {0}_map.jid_row_id",
        alias, row_id);
  }
}

std::string mapped_jid(std::string_view alias, const std::set<std::string>& jid_columns,
                       bool lid_map) {
  const std::string own = jid_text(jid_columns, alias);
  return lid_map ? fmt::format("COALESCE({}, {})",
                               jid_text(jid_columns, fmt::format("{}_phone", alias)), own)
                 : own;
}

tl::expected<MessageQuery, Problem> current_query(const Database& database,
                                                  const std::set<std::string>& tables) {
  std::array<std::set<std::string>, 6> found;
  const std::array<std::string, 6> names{
      "message", "jid", "jid_map", "message_media", "message_quoted", "message_location"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto columns = columns_if(database, tables, names[i]);
    if (!columns) {
      return tl::unexpected(columns.error());
    }
    found[i] = std::move(*columns);
  }
  const auto& [message, jid, jid_map, media, quoted, location] = found;
  const bool lid_map = jid_map.contains("lid_row_id") && jid_map.contains("jid_row_id");
  MessageQuery query;
  query[Column::row_id] = "m._id";
  query[Column::chat_key] = "m.chat_row_id";
  query[Column::chat_name] = "c.subject";
  query[Column::from_me] = "m.from_me";
  query[Column::unix_ms] = "m.timestamp";
  query[Column::system] =
      message.contains("message_type") ? "COALESCE(m.message_type = 7, 0)" : "0";
  query[Column::body] = column_or_null(message, "m", "text_data");
  query.from = "FROM message m JOIN chat c ON c._id = m.chat_row_id";
  add_jid(query, "c.jid_row_id", "cj", lid_map);
  query[Column::chat_jid] = mapped_jid("cj", jid, lid_map);
  if (message.contains("sender_jid_row_id")) {
    add_jid(query, "m.sender_jid_row_id", "sj", lid_map);
    query[Column::sender_jid] = fmt::format("CASE WHEN sj._id IS NULL THEN NULL ELSE {} END",
                                            mapped_jid("sj", jid, lid_map));
  }
  if (!media.empty()) {
    query.from += " LEFT JOIN message_media mm ON mm.message_row_id = m._id";
    query[Column::caption] = column_or_null(media, "mm", "media_caption");
    query[Column::file_name] = column_or_null(media, "mm", "media_name");
    query[Column::transcript] = column_or_null(media, "mm", "raw_transcription_text");
    query[Column::media_path] = column_or_null(media, "mm", "file_path");
  }
  if (quoted.contains("text_data")) {
    query.from += " LEFT JOIN message_quoted mq ON mq.message_row_id = m._id";
    query[Column::quoted] = "mq.text_data";
  }
  if (tables.contains("message_vcard")) {
    // One row per card: several cards of one message are scanned as one text.
    query.from +=
        " LEFT JOIN (SELECT message_row_id, group_concat(vcard, char(10)) AS vcards"
        " FROM message_vcard GROUP BY message_row_id) mv ON mv.message_row_id = m._id";
    query[Column::vcard] = "mv.vcards";
  }
  if (!location.empty()) {
    query.from += " LEFT JOIN message_location ml ON ml.message_row_id = m._id";
    query[Column::place_name] = column_or_null(location, "ml", "place_name");
    query[Column::place_address] = column_or_null(location, "ml", "place_address");
  }
  query.order = message.contains("sort_id") ? "m.chat_row_id, m.sort_id, m._id"
                                            : "m.chat_row_id, m.timestamp, m._id";
  return query;
}

tl::expected<MessageQuery, Problem> legacy_query(const Database& database,
                                                 const std::set<std::string>& tables) {
  auto messages = database.columns("messages");
  auto chat_list = columns_if(database, tables, "chat_list");
  auto jid = columns_if(database, tables, "jid");
  auto media = columns_if(database, tables, "message_media");
  if (!messages || !chat_list || !jid || !media) {
    return tl::unexpected(!messages    ? messages.error()
                          : !chat_list ? chat_list.error()
                          : !jid       ? jid.error()
                                       : media.error());
  }
  MessageQuery query;
  query[Column::row_id] = "m._id";
  query[Column::chat_key] = "m.key_remote_jid";
  query[Column::chat_jid] = "m.key_remote_jid";
  query[Column::from_me] = "m.key_from_me";
  query[Column::sender_jid] = "NULLIF(m.remote_resource, '')";
  query[Column::unix_ms] = "m.timestamp";
  // Legacy system notices (group events) have status 6.
  query[Column::system] = messages->contains("status") ? "COALESCE(m.status = 6, 0)" : "0";
  query[Column::body] = "m.data";
  query[Column::caption] = column_or_null(*messages, "m", "media_caption");
  query[Column::file_name] = column_or_null(*messages, "m", "media_name");
  query.from = "FROM messages m";
  if (chat_list->contains("subject")) {
    query.from += " LEFT JOIN chat_list cl ON cl.key_remote_jid = m.key_remote_jid";
    query[Column::chat_name] = "cl.subject";
  } else if (tables.contains("chat") && jid->contains("raw_string")) {  // 2021: chat + jid
    query.from +=
        " LEFT JOIN jid lj ON lj.raw_string = m.key_remote_jid"
        " LEFT JOIN chat lc ON lc.jid_row_id = lj._id";
    query[Column::chat_name] = "lc.subject";
  }
  if (tables.contains("messages_quotes") && messages->contains("quoted_row_id")) {
    query.from += " LEFT JOIN messages_quotes q ON q._id = m.quoted_row_id";
    query[Column::quoted] = "q.data";
  }
  if (tables.contains("messages_vcards")) {
    query.from +=
        " LEFT JOIN (SELECT message_row_id, group_concat(vcard, char(10)) AS vcards"
        " FROM messages_vcards GROUP BY message_row_id) mv ON mv.message_row_id = m._id";
    query[Column::vcard] = "mv.vcards";
  }
  if (media->contains("file_path") && media->contains("message_row_id")) {  // 2021 databases
    query.from += " LEFT JOIN message_media mm ON mm.message_row_id = m._id";
    query[Column::media_path] = "mm.file_path";
  }
  query.from += " WHERE m.key_remote_jid <> '-1'";  // WhatsApp's placeholder row
  query.order = "m.key_remote_jid, m.timestamp, m._id";
  return query;
}

}  // namespace

tl::expected<Contacts, Problem> read_contacts(const Database& wa_db) {
  auto columns = wa_db.columns("wa_contacts");
  if (!columns) {
    return tl::unexpected(columns.error());
  }
  Contacts contacts;
  if (!columns->contains("jid")) {
    return contacts;
  }
  auto statement = wa_db.prepare(
      fmt::format("SELECT jid, COALESCE(NULLIF({}, ''), NULLIF({}, '')) FROM wa_contacts",
                  column_or_null(*columns, "wa_contacts", "display_name"),
                  column_or_null(*columns, "wa_contacts", "wa_name")));
  if (!statement) {
    return tl::unexpected(statement.error());
  }
  while (true) {
    auto row = statement->step();
    if (!row) {
      return tl::unexpected(row.error());
    }
    if (!*row) {
      return contacts;
    }
    if (!statement->is_null(1)) {
      contacts.try_emplace(std::string(statement->bytes(0)), statement->bytes(1));
    }
  }
}

tl::expected<std::unique_ptr<MessageStore>, Problem> open_android_store(
    Database database, const std::set<std::string>& tables, Contacts contacts) {
  const bool current = tables.contains("message") && tables.contains("chat") &&
                       tables.contains("jid") &&
                       (!tables.contains("messages") || current_schema_has_rows(database));
  auto query = current ? current_query(database, tables) : legacy_query(database, tables);
  if (!query) {
    return tl::unexpected(query.error());
  }
  StoreSource source{std::move(*query), std::move(contacts), {}};
  if (tables.contains("props")) {
    source.owner = first_text(database, "SELECT value FROM props WHERE key = 'user_push_name'");
  }
  if (source.owner.empty()) {
    source.owner = kDefaultOwner;
  }
  auto store = make_query_store(std::move(database), std::move(source));
  if (!store) {
    return tl::unexpected(
        Problem{fmt::format("unrecognised msgstore.db schema ({}); skipped", store.error().message),
                std::nullopt});
  }
  return store;
}

}  // namespace waudit::input

#include "input/query_store.hpp"

#include <fmt/format.h>

namespace waudit::input {
namespace {

constexpr int index_of(Column column) {
  return static_cast<int>(column);
}

// The text columns and what they hold, in StoredMessage::texts order.
constexpr std::array<std::pair<Column, TextField>, 8> kTextColumns{{
    {Column::body, TextField::body},
    {Column::caption, TextField::caption},
    {Column::file_name, TextField::file_name},
    {Column::quoted, TextField::quoted},
    {Column::vcard, TextField::vcard},
    {Column::place_name, TextField::location},
    {Column::place_address, TextField::location},
    {Column::transcript, TextField::transcript},
}};

class QueryStore final : public MessageStore {
 public:
  QueryStore(Database database, Statement statement, Contacts contacts, std::string owner)
      : database_(std::move(database)),
        statement_(std::move(statement)),
        contacts_(std::move(contacts)),
        owner_(std::move(owner)) {}

  tl::expected<const StoredMessage*, Problem> next() override;

 private:
  std::string name_of(std::string_view jid) const;
  void name_chat();
  void name_sender();

  // Declared first: the statement must be finalised before its database closes.
  Database database_;
  Statement statement_;
  Contacts contacts_;
  std::string owner_;
  bool started_ = false;
  std::string chat_key_;
  std::string chat_name_;
  std::string sender_name_;
  StoredMessage message_;
};

tl::expected<const StoredMessage*, Problem> QueryStore::next() {
  auto row = statement_.step();
  if (!row) {
    return tl::unexpected(row.error());
  }
  if (!*row) {
    return nullptr;
  }
  const std::string_view key = statement_.bytes(index_of(Column::chat_key));
  if (!started_ || key != chat_key_) {
    message_.chat_index += started_ ? 1 : 0;
    started_ = true;
    chat_key_.assign(key);
    name_chat();
  }
  message_.row_id = statement_.int64(index_of(Column::row_id));
  message_.chat = chat_name_;
  message_.system = statement_.int64(index_of(Column::system)) != 0;
  name_sender();
  message_.sender = sender_name_;
  message_.unix_ms.reset();
  if (!statement_.is_null(index_of(Column::unix_ms))) {
    message_.unix_ms = statement_.int64(index_of(Column::unix_ms));
  }
  message_.media_path = statement_.bytes(index_of(Column::media_path));
  message_.texts.clear();
  for (const auto& [column, field] : kTextColumns) {
    const std::string_view text = statement_.bytes(index_of(column));
    if (!text.empty()) {
      message_.texts.push_back(StoredText{field, text});
    }
  }
  return &message_;
}

std::string QueryStore::name_of(std::string_view jid) const {
  if (const auto found = contacts_.find(std::string(jid)); found != contacts_.end()) {
    return found->second;
  }
  return jid_display(jid);
}

// Group subject, else the name shown for the chat, else the contact's name or number.
void QueryStore::name_chat() {
  const std::string_view shown = statement_.bytes(index_of(Column::chat_name));
  chat_name_ =
      shown.empty() ? name_of(statement_.bytes(index_of(Column::chat_jid))) : std::string(shown);
}

void QueryStore::name_sender() {
  if (message_.system) {
    sender_name_.clear();
  } else if (statement_.int64(index_of(Column::from_me)) != 0) {
    sender_name_ = owner_;
  } else if (const std::string_view name = statement_.bytes(index_of(Column::sender_name));
             !name.empty()) {
    sender_name_.assign(name);
  } else if (const std::string_view jid = statement_.bytes(index_of(Column::sender_jid));
             !jid.empty()) {
    sender_name_ = name_of(jid);
  } else {
    sender_name_ = chat_name_;  // a one-to-one chat: the other person
  }
}

}  // namespace

std::string MessageQuery::sql() const {
  return fmt::format("SELECT {} {} ORDER BY {}", fmt::join(columns, ", "), from, order);
}

tl::expected<std::unique_ptr<MessageStore>, Problem> make_query_store(Database database,
                                                                      StoreSource source) {
  auto statement = database.prepare(source.query.sql());
  if (!statement) {
    return tl::unexpected(statement.error());
  }
  return std::make_unique<QueryStore>(std::move(database), std::move(*statement),
                                      std::move(source.contacts), std::move(source.owner));
}

std::string column_or_null(const std::set<std::string>& columns, std::string_view alias,
                           std::string_view column) {
  return columns.contains(std::string(column)) ? fmt::format("{}.{}", alias, column) : "NULL";
}

std::string jid_display(std::string_view jid) {
  const std::size_t at = jid.find('@');
  if (at == std::string_view::npos) {
    return std::string(jid);
  }
  const std::string_view server = jid.substr(at + 1);
  std::string_view user = jid.substr(0, at);
  user = user.substr(0, user.find_first_of(".:"));  // "user.agent:device" names a device
  const bool phone = (server == "s.whatsapp.net" || server == "c.us") && !user.empty() &&
                     user.find_first_not_of("0123456789") == std::string_view::npos;
  if (!phone) {
    return std::string(jid);
  }
  // Built by appending: g++ 12 -O3 warns wrongly (-Wrestrict) about "+" + std::string(user).
  std::string number = "+";
  number += user;
  return number;
}

}  // namespace waudit::input

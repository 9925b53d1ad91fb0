#include "audit/backup_scan.hpp"

#include "chat/message.hpp"
#include "chat/time_zone.hpp"
#include "input/encrypted_backup.hpp"
#include "input/message_store.hpp"
#include "input/private_directory.hpp"
#include "report/fingerprint.hpp"
#include "report/mask.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace waudit::audit {
namespace {

constexpr const char* kKeyVariable = "WAUDIT_BACKUP_KEY";

// The message as an export gives it; its date fields are written year first.
chat::Message to_message(const input::StoredMessage& stored,
                         const std::optional<chat::LocalDateTime>& local) {
  chat::Message message;
  message.kind = stored.system ? chat::MessageKind::system : chat::MessageKind::user;
  message.sender = stored.sender;
  if (local) {
    message.date = chat::DateFields{local->year, local->month, local->day};
    message.time = chat::TimeOfDay{local->hour, local->minute, local->second};
  }
  return message;
}

// Turns the rows of one database into findings, chat by chat.
class BackupScanner {
 public:
  BackupScanner(const Origin& origin, const ScanSettings& settings, InputResult& result)
      : origin_(origin), settings_(settings), result_(result) {}

  void on_message(const input::StoredMessage& stored);

 private:
  void scan_text(const input::StoredMessage& stored, const chat::Message& message,
                 const std::optional<std::string>& timestamp);
  report::Finding make_finding(const input::StoredMessage& stored, const chat::Message& message,
                               const detect::Detection& detection,
                               const std::optional<std::string>& timestamp) const;

  const Origin& origin_;
  const ScanSettings& settings_;
  InputResult& result_;
  std::optional<std::uint64_t> chat_index_;
  std::string previous_text_;
  std::vector<detect::Detection> detections_;
};

void BackupScanner::on_message(const input::StoredMessage& stored) {
  ++result_.report.messages;
  if (chat_index_ != stored.chat_index) {
    chat_index_ = stored.chat_index;
    ++result_.report.chats;
    previous_text_.clear();  // context words do not carry over from another chat
  }
  const std::optional<chat::LocalDateTime> local =
      stored.unix_ms ? chat::local_time(*stored.unix_ms) : std::nullopt;
  const std::optional<std::string> timestamp =
      local ? std::optional<std::string>(chat::to_iso(*local)) : std::nullopt;
  chat::Message message = to_message(stored, local);
  for (const input::StoredText& text : stored.texts) {
    message.text = text.text;
    scan_text(stored, message, timestamp);
    previous_text_.assign(text.text);
  }
}

void BackupScanner::scan_text(const input::StoredMessage& stored, const chat::Message& message,
                              const std::optional<std::string>& timestamp) {
  detections_.clear();
  result_.allowlisted +=
      settings_.detector.scan(detect::ScanText{message.text, 0, 0, previous_text_}, detections_);
  for (const detect::Detection& detection : detections_) {
    result_.findings.push_back(make_finding(stored, message, detection, timestamp));
  }
}

report::Finding BackupScanner::make_finding(const input::StoredMessage& stored,
                                            const chat::Message& message,
                                            const detect::Detection& detection,
                                            const std::optional<std::string>& timestamp) const {
  const rules::Rule& rule = settings_.detector.rules()[detection.rule_index];
  const std::string_view value =
      message.text.substr(detection.begin, detection.end - detection.begin);
  report::Finding finding;
  finding.rule = rule.id;
  finding.category = rule.category;
  finding.severity = rule.severity;
  finding.location =
      report::Location{origin_.path, fmt::format("message/{}", stored.row_id), std::nullopt,
                       1 + text::count_code_points(message.text.substr(0, detection.begin))};
  finding.chat = std::string(stored.chat);
  if (!message.sender.empty()) {
    finding.sender = std::string(message.sender);
  }
  finding.timestamp = timestamp;
  finding.match = reported_value(settings_, rule, value);
  finding.confidence = detection.confidence;
  finding.fingerprint = report::fingerprint(
      settings_.request.fingerprint_key,
      {finding.rule, detection.normalized, finding.chat, finding.timestamp.value_or("")});
  return finding;
}

void report_error(const Origin& origin, const Problem& problem, const ScanSettings& settings,
                  InputResult& result) {
  result.report.errors.push_back(settings.diagnostics.report(origin, problem));
}

// Every message of the store, until the end or the first error.
void read_messages(input::MessageStore& store, const Origin& origin, const ScanSettings& settings,
                   InputResult& result) {
  BackupScanner scanner(origin, settings, result);
  while (true) {
    auto message = store.next();
    if (!message) {
      report_error(origin, message.error(), settings, result);
      return;
    }
    if (*message == nullptr) {
      return;
    }
    scanner.on_message(**message);
  }
}

// The wa.db beside an Android database, if there is one.
input::StoreOptions options_beside(const input::InputFile& file) {
  input::StoreOptions options;
  std::error_code error;
  const std::filesystem::path contacts = file.path.parent_path() / "wa.db";
  if (std::filesystem::is_regular_file(contacts, error) &&
      !std::filesystem::equivalent(contacts, file.path, error)) {
    options.contacts = contacts;
  }
  return options;
}

// Why a database without messages is not scanned.
Problem no_messages(input::StoreKind kind) {
  if (kind == input::StoreKind::contacts) {
    return Problem{
        "WhatsApp contacts database (wa.db), no messages: scan the msgstore.db beside it, which "
        "takes its names from it; skipped",
        std::nullopt};
  }
  return Problem{
      "SQLite database, but neither a WhatsApp msgstore.db nor a ChatStorage.sqlite; "
      "skipped",
      std::nullopt};
}

}  // namespace

input::BackupKeys load_backup_keys(const ScanRequest& request) {
  if (request.timezone) {
    if (auto checked = chat::check_time_zone(*request.timezone); !checked) {
      throw std::runtime_error(fmt::format("--timezone: {}", checked.error()));
    }
  }
  input::BackupKeys keys;
  for (const std::filesystem::path& path : request.key_files) {
    if (auto added = input::add_key_file(keys, path); !added) {
      throw std::runtime_error(added.error());
    }
  }
  const char* variable = std::getenv(kKeyVariable);
  if (variable != nullptr && *variable != '\0') {
    if (auto added = input::add_hex_key(keys, variable, kKeyVariable); !added) {
      throw std::runtime_error(added.error());
    }
  }
  return keys;
}

void scan_database_file(const input::InputFile& file, const ScanSettings& settings,
                        InputResult& result) {
  const Origin origin{file.display_path, ""};
  auto store = input::open_store(file.path, options_beside(file));
  if (!store) {
    report_error(origin, store.error(), settings, result);
    return;
  }
  result.report.kind = std::string(input::to_string(store->kind));
  if (!store->messages) {
    report_error(origin, no_messages(store->kind), settings, result);
    return;
  }
  read_messages(*store->messages, origin, settings, result);
}

void scan_encrypted_file(const input::InputFile& file, const ScanSettings& settings,
                         InputResult& result) {
  const Origin origin{file.display_path, ""};
  if (const auto named = input::format_from_name(file.path.filename().string())) {
    result.report.kind = std::string(input::to_string(*named));
  }
  auto header = input::read_backup_header(file.path);
  if (!header) {
    report_error(origin, header.error(), settings, result);
    return;
  }
  result.report.kind = std::string(input::to_string(header->format));
  // Declared before the store, so it is removed after the database is closed.
  auto directory = input::PrivateDirectory::create();
  auto plain = directory
                   ? directory->create_file("msgstore.db")
                   : tl::expected<std::filesystem::path, Problem>(tl::unexpect, directory.error());
  auto decrypted =
      plain ? input::decrypt_backup(file.path, *header, settings.request.backup_keys, *plain)
            : tl::expected<void, Problem>(tl::unexpect, plain.error());
  auto store = decrypted ? input::open_store(*plain, options_beside(file))
                         : tl::expected<input::OpenStore, Problem>(tl::unexpect, decrypted.error());
  if (!store) {
    report_error(origin, store.error(), settings, result);
    return;
  }
  // SQLite holds the file open: its name can go now, so nothing readable is left behind
  // even if the process dies before the directory is removed.
  std::error_code ignored;
  std::filesystem::remove(*plain, ignored);
  if (!store->messages) {
    report_error(origin, no_messages(store->kind), settings, result);
    return;
  }
  read_messages(*store->messages, origin, settings, result);
}

}  // namespace waudit::audit

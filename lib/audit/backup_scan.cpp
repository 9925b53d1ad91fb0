#include "audit/backup_scan.hpp"

#include "audit/photo_reading.hpp"
#include "audit/vcard_scan.hpp"
#include "chat/message.hpp"
#include "chat/time_zone.hpp"
#include "input/backup_media.hpp"
#include "input/encrypted_backup.hpp"
#include "input/file_source.hpp"
#include "input/ios_backup_folder.hpp"
#include "input/media_index.hpp"
#include "input/message_store.hpp"
#include "input/private_directory.hpp"
#include "input/text_decoding.hpp"
#include "media/evidence_words.hpp"
#include "report/fingerprint.hpp"
#include "report/mask.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <system_error>

namespace waudit::audit {
namespace {

constexpr const char* kKeyVariable = "WAUDIT_BACKUP_KEY";

// No contact card comes near this; it only stops reading a huge file named .vcf.
constexpr std::uintmax_t kMaxCardBytes = std::uintmax_t{64} << 20;

// What one message database is scanned as: where its findings are located and where its
// media files are, if anywhere.
struct ScanTarget {
  Origin origin;
  std::string entry_prefix;  // "" or "business/" for WhatsApp Business in an iPhone backup
  std::optional<input::MediaLocator> media;
};

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
  BackupScanner(const ScanTarget& target, const ScanSettings& settings, InputResult& result)
      : target_(target), settings_(settings), result_(result) {}

  void on_message(const input::StoredMessage& stored);

 private:
  std::string entry_of(const input::StoredMessage& stored) const {
    return fmt::format("{}message/{}", target_.entry_prefix, stored.row_id);
  }

  void scan_text(const input::StoredMessage& stored, const chat::Message& message,
                 const std::optional<std::string>& timestamp);
  report::Finding make_finding(const input::StoredMessage& stored, const chat::Message& message,
                               const detect::Detection& detection,
                               const std::optional<std::string>& timestamp) const;
  void on_media(const input::StoredMessage& stored, const std::optional<std::string>& timestamp);

  const ScanTarget& target_;
  const ScanSettings& settings_;
  InputResult& result_;
  std::optional<std::uint64_t> chat_index_;
  std::string previous_text_;
  std::vector<detect::Detection> detections_;
  std::set<std::string> media_seen_;  // at most kMaxMediaReferences names
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
  if (!stored.media_path.empty()) {
    on_media(stored, timestamp);
  }
}

// Counts each media file once; when the backup has its media folder, lists it as found or
// missing and runs the media checks on the first message naming it.
void BackupScanner::on_media(const input::StoredMessage& stored,
                             const std::optional<std::string>& timestamp) {
  if (stored.media_path.size() > kMaxMediaNameBytes ||
      media_seen_.contains(std::string(stored.media_path))) {
    return;
  }
  if (media_seen_.size() == kMaxMediaReferences) {
    result_.report.errors.push_back(settings_.diagnostics.report(
        target_.origin, Problem{fmt::format("more than {} media files; the media lists are "
                                            "incomplete",
                                            kMaxMediaReferences),
                                std::nullopt}));
  }
  if (media_seen_.size() >= kMaxMediaReferences) {
    return;
  }
  const std::string name(stored.media_path);
  media_seen_.insert(name);
  ++result_.report.media_referenced;
  if (!target_.media) {
    return;  // no media folder in hand: counted only, like the media of a plain chat text
  }
  const std::string listed = target_.entry_prefix + name;
  const auto file = (*target_.media)(name);
  if (!file) {
    result_.report.media_missing.push_back(listed);
    return;
  }
  result_.report.media.push_back(listed);
  scan_backup_media(BackupMedia{name, *file, Origin{target_.origin.path, listed}, entry_of(stored),
                                std::string(stored.chat), std::string(stored.sender), timestamp},
                    settings_, result_);
}

void BackupScanner::scan_text(const input::StoredMessage& stored, const chat::Message& message,
                              const std::optional<std::string>& timestamp) {
  detections_.clear();
  result_.allowlisted +=
      settings_.detector.scan(detect::ScanText{message.text, 0, 0, previous_text_}, detections_);
  for (const detect::Detection& detection : detections_) {
    result_.findings.add(make_finding(stored, message, detection, timestamp));
  }
}

report::Finding BackupScanner::make_finding(const input::StoredMessage& stored,
                                            const chat::Message& message,
                                            const detect::Detection& detection,
                                            const std::optional<std::string>& timestamp) const {
  const std::string_view value =
      message.text.substr(detection.begin, detection.end - detection.begin);
  report::Finding finding = finding_of(settings_, detection, value);
  finding.location =
      report::Location{target_.origin.path, entry_of(stored), std::nullopt,
                       1 + text::count_code_points(message.text.substr(0, detection.begin))};
  finding.chat = std::string(stored.chat);
  if (!message.sender.empty()) {
    finding.sender = std::string(message.sender);
  }
  finding.timestamp = timestamp;
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
void read_messages(input::MessageStore& store, const ScanTarget& target,
                   const ScanSettings& settings, InputResult& result) {
  BackupScanner scanner(target, settings, result);
  while (true) {
    auto message = store.next();
    if (!message) {
      report_error(target.origin, message.error(), settings, result);
      return;
    }
    if (*message == nullptr) {
      return;
    }
    scanner.on_message(**message);
  }
}

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

// Where the media of the database read from `file` are: beside it, found by its kind.
std::optional<input::MediaLocator> media_beside(const input::InputFile& file,
                                                input::StoreKind kind) {
  if (kind == input::StoreKind::chatstorage) {
    return input::ios_media(file.path);
  }
  return input::android_media(file.path);
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

// The messages of an opened store, or why it has none.
void scan_store(input::OpenStore& store, const ScanTarget& target, const ScanSettings& settings,
                InputResult& result) {
  if (!store.messages) {
    report_error(target.origin, no_messages(store.kind), settings, result);
    return;
  }
  read_messages(*store.messages, target, settings, result);
}

// ---------------------------------------------------------------------------------------------
// iPhone backup folders

// A stored ChatStorage.sqlite with the -wal the manifest lists beside it, under their real
// names in a private directory (as links): open_store then sees the -wal and reads a copy.
tl::expected<std::filesystem::path, Problem> with_wal(
    input::IosBackupFolder& folder, const input::WhatsAppGroup& group,
    std::optional<input::PrivateDirectory>& links) {
  const auto wal = folder.file_of(group.domain, "ChatStorage.sqlite-wal");
  std::error_code error;
  if (!wal || std::filesystem::file_size(*wal, error) == 0 || error) {
    return group.chat_storage;
  }
  auto directory = input::PrivateDirectory::create();
  if (!directory) {
    return tl::unexpected(directory.error());
  }
  const std::filesystem::path database = directory->path() / "ChatStorage.sqlite";
  std::filesystem::create_symlink(std::filesystem::absolute(group.chat_storage), database, error);
  if (!error) {
    std::filesystem::create_symlink(std::filesystem::absolute(*wal),
                                    directory->path() / "ChatStorage.sqlite-wal", error);
  }
  if (error) {
    return tl::unexpected(Problem{
        fmt::format("cannot link ChatStorage.sqlite and its -wal: {}", error.message()), {}});
  }
  links.emplace(std::move(*directory));
  return database;
}

bool starts_like_sqlite(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::array<char, 16> magic{};
  file.read(magic.data(), magic.size());
  return file.gcount() == static_cast<std::streamsize>(magic.size()) &&
         input::has_sqlite_magic(std::string_view(magic.data(), magic.size()));
}

void scan_whatsapp_group(input::IosBackupFolder& folder, const input::WhatsAppGroup& group,
                         const ScanTarget& target, const ScanSettings& settings,
                         InputResult& result) {
  if (!starts_like_sqlite(group.chat_storage)) {
    report_error(target.origin,
                 Problem{fmt::format("the ChatStorage.sqlite of {} is encrypted (an encrypted "
                                     "iPhone backup needs its password, which waudit does not "
                                     "take); skipped",
                                     group.app),
                         std::nullopt},
                 settings, result);
    return;
  }
  std::optional<input::PrivateDirectory> links;  // goes after the store, declared before it
  auto path = with_wal(folder, group, links);
  auto store = path ? input::open_store(*path, {})
                    : tl::expected<input::OpenStore, Problem>(tl::unexpect, path.error());
  if (!store) {
    report_error(target.origin, store.error(), settings, result);
    return;
  }
  scan_store(*store, target, settings, result);
}

void scan_ios_backup_folder(const input::InputFile& file, const ScanSettings& settings,
                            InputResult& result) {
  const Origin origin{file.display_path, ""};
  result.report.kind = "iosbackup";
  auto folder = input::IosBackupFolder::open(file.path.parent_path());
  auto groups = folder ? folder->whatsapp_groups()
                       : tl::expected<std::vector<input::WhatsAppGroup>, Problem>(tl::unexpect,
                                                                                  folder.error());
  if (!groups) {
    report_error(origin, groups.error(), settings, result);
    return;
  }
  for (const input::WhatsAppGroup& group : *groups) {
    const std::string domain(group.domain);
    input::IosBackupFolder* manifest = &*folder;
    ScanTarget target{origin, group.app == "WhatsApp" ? "" : "business/",
                      input::MediaLocator([manifest, domain](std::string_view stored) {
                        const auto relative = input::relative_below(stored);
                        return relative ? manifest->file_of(domain,
                                                            "Message/" + relative->generic_string())
                                        : std::nullopt;
                      })};
    scan_whatsapp_group(*folder, group, target, settings, result);
  }
}

// ---------------------------------------------------------------------------------------------
// Encrypted Android backups

// The encrypted wa.db of the backup at `backup`: beside it, or in the Backups folder beside
// its folder (where WhatsApp writes it).
std::optional<std::filesystem::path> encrypted_contacts_beside(
    const std::filesystem::path& backup) {
  const std::filesystem::path folder = backup.parent_path();
  for (const std::filesystem::path& place : {folder, folder.parent_path() / "Backups"}) {
    for (const char* name : {"wa.db.crypt15", "wa.db.crypt14", "wa.db.crypt12"}) {
      std::error_code error;
      if (std::filesystem::is_regular_file(place / name, error)) {
        return place / name;
      }
    }
  }
  return std::nullopt;
}

// Decrypts the encrypted wa.db beside the backup into `directory`; nullopt when there is none
// or it does not decrypt with the keys given (names are a convenience: numbers identify).
std::optional<std::filesystem::path> decrypt_contacts(const input::InputFile& file,
                                                      const ScanSettings& settings,
                                                      const input::PrivateDirectory& directory) {
  const auto encrypted = encrypted_contacts_beside(file.path);
  if (!encrypted) {
    return std::nullopt;
  }
  auto header = input::read_backup_header(*encrypted);
  auto plain = header ? directory.create_file("wa.db")
                      : tl::expected<std::filesystem::path, Problem>(tl::unexpect, header.error());
  if (plain && input::decrypt_backup(*encrypted, *header, settings.request.backup_keys, *plain)) {
    return *plain;
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

// The bytes of a photo on disk, if it is small enough to be a photo WhatsApp sent.
tl::expected<std::string, Problem> read_photo_file(const std::filesystem::path& file) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error || size > kMaxPhotoBytes) {
    return tl::unexpected(Problem{"photo larger than 64 MiB, or unreadable; not read", {}});
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return tl::unexpected(Problem{"photo could not be read", {}});
  }
  return bytes;
}

// A photo beside a backup gets the image check of export photos (the words around it are not
// collected for backups): one card-photo finding, located at the message that sent it.
void scan_backup_photo(const BackupMedia& media, const ScanSettings& settings,
                       InputResult& result) {
  const ScanRequest& request = settings.request;
  if (request.ocr == OcrMode::off ||
      !media::EvidenceWords::builtin().is_photo_file(input::base_name(media.name))) {
    return;
  }
  std::optional<tl::expected<media::ImageEvidence, Problem>> read;
  media::read_photos(
      1, photo_batch_options(request), [&](std::size_t) { return read_photo_file(media.file); },
      [&](std::size_t, tl::expected<media::ImageEvidence, Problem> evidence) {
        read = std::move(evidence);
      });
  if (!read || !*read) {
    report_error(media.origin, read ? read->error() : Problem{"photo not read", {}}, settings,
                 result);
    return;
  }
  const media::ImageEvidence& evidence = **read;
  report::InputReport::OcrCounts& counts =
      result.report.ocr.emplace(result.report.ocr.value_or(report::InputReport::OcrCounts{}));
  ++counts.images;
  count_photo(evidence, counts);
  if (evidence.outcome == media::ImageEvidence::Outcome::no_ocr) {
    if (request.ocr == OcrMode::on) {  // as for an export's photos: asked for, so an error
      report_error(
          media.origin,
          Problem{fmt::format("--ocr on, but {}; photo not read", evidence.no_ocr_reason), {}},
          settings, result);
      return;
    }
    notice_no_ocr(evidence.no_ocr_reason, request);
  }
  const auto verdict = media::judge({}, &evidence, shown_numbers(request));
  if (!verdict) {
    return;
  }
  report::Finding finding;
  finding.location = report::Location{media.origin.path, media.message_entry, {}, {}};
  finding.chat = media.chat;
  if (!media.sender.empty()) {
    finding.sender = media.sender;
  }
  finding.timestamp = media.timestamp;
  media::apply_verdict(*verdict, finding);
  finding.attachment = std::string(input::base_name(media.name));
  finding.fingerprint = report::fingerprint(
      request.fingerprint_key,
      {finding.rule, media::fingerprint_value(*finding.attachment, finding.sender.value_or("")),
       finding.chat, finding.timestamp.value_or("")});
  result.findings.add(std::move(finding));
}

void scan_backup_media(const BackupMedia& media, const ScanSettings& settings,
                       InputResult& result) {
  scan_backup_photo(media, settings, result);
  const std::string_view base = input::base_name(media.name);
  std::string extension(base.substr(std::min(base.size(), base.rfind('.'))));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension != ".vcf") {
    return;
  }
  std::error_code error;
  if (std::filesystem::file_size(media.file, error) > kMaxCardBytes || error) {
    report_error(media.origin,
                 Problem{"contact card larger than 64 MiB, or unreadable; skipped", std::nullopt},
                 settings, result);
    return;
  }
  auto source = input::FileSource::open(media.file);
  auto decoded = source ? input::decode_text(std::move(*source))
                        : tl::expected<input::DecodedText, Problem>(tl::unexpect, source.error());
  if (!decoded) {
    report_error(media.origin, decoded.error(), settings, result);
    return;
  }
  const CardContext context{
      media.chat, std::string(base),
      media.sender.empty() ? std::nullopt : std::optional<std::string>(media.sender),
      media.timestamp};
  CardResult card = scan_vcard(*decoded->source, media.origin, context, settings);
  std::move(card.errors.begin(), card.errors.end(), std::back_inserter(result.report.errors));
  for (report::Finding& finding : card.findings) {
    result.findings.add(std::move(finding));
  }
  result.allowlisted += card.allowlisted;
}

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
  if (input::is_ios_backup_manifest(file.path)) {
    scan_ios_backup_folder(file, settings, result);
  } else {
    const Origin origin{file.display_path, ""};
    auto store = input::open_store(file.path, options_beside(file));
    if (!store) {
      report_error(origin, store.error(), settings, result);
      return;
    }
    result.report.kind = std::string(input::to_string(store->kind));
    scan_store(*store, ScanTarget{origin, "", media_beside(file, store->kind)}, settings, result);
  }
  sort_unique(result.report.media);
  sort_unique(result.report.media_missing);
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
            : tl::expected<input::DecryptedBackup, Problem>(tl::unexpect, plain.error());
  input::StoreOptions options;
  if (decrypted) {
    options.contacts = decrypt_contacts(file, settings, *directory);
  }
  if (decrypted && !decrypted->checksum_ok) {
    // The evidence was changed, if harmlessly: an error, but the database is still scanned.
    report_error(origin,
                 Problem{"MD5 checksum does not match: the file was changed after WhatsApp wrote "
                         "it (its encrypted data checked out and was scanned)",
                         std::nullopt},
                 settings, result);
  }
  auto store = decrypted ? input::open_store(*plain, options)
                         : tl::expected<input::OpenStore, Problem>(tl::unexpect, decrypted.error());
  if (!store) {
    report_error(origin, store.error(), settings, result);
    return;
  }
  // SQLite holds the files open: their names can go now, so nothing readable is left behind
  // even if the process dies before the directory is removed.
  std::error_code ignored;
  std::filesystem::remove(*plain, ignored);
  if (options.contacts) {
    std::filesystem::remove(*options.contacts, ignored);
  }
  scan_store(*store, ScanTarget{origin, "", input::android_media(file.path)}, settings, result);
  sort_unique(result.report.media);
  sort_unique(result.report.media_missing);
}

}  // namespace waudit::audit

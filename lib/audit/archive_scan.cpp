// One ArchiveScan per archive level, top-down: chat texts first (they say which media they
// name), then nested archives, then matching names to entries, then the contact cards and the
// photos (which need to know the message that sent them).
#include "audit/archive_scan.hpp"

#include "audit/photo_reading.hpp"
#include "audit/vcard_scan.hpp"
#include "chat/chat_name.hpp"
#include "input/media_index.hpp"
#include "input/text_decoding.hpp"
#include "input/zip_archive.hpp"
#include "input/zip_export.hpp"
#include "media/card_photo.hpp"
#include "media/photo_batch.hpp"
#include "report/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace waudit::audit {
namespace {

// No contact card comes near this; it only stops one that inflates without end.
constexpr std::uint64_t kMaxCardBytes = std::uint64_t{64} << 20;
constexpr std::size_t kReadChunk = std::size_t{64} << 10;

// A photo WhatsApp sends is well under this; a larger "image" is not read into memory.

// Entry names are compared by extension only to pick what to open: a .docx or .apk is a ZIP
// too, but not an export, so nested archives are the entries named .zip.
bool has_extension(std::string_view name, std::string_view extension) {
  if (name.size() < extension.size()) {
    return false;
  }
  const std::string_view tail = name.substr(name.size() - extension.size());
  return std::equal(tail.begin(), tail.end(), extension.begin(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

// Reads an entry into memory, at most `max_bytes` of it.
tl::expected<std::string, Problem> read_entry(const input::ZipArchive& archive,
                                              const input::ZipEntry& entry, std::uint64_t max_bytes,
                                              std::uint64_t max_ratio) {
  auto source = archive.open_entry(entry, max_bytes, max_ratio);
  if (!source) {
    return tl::unexpected(source.error());
  }
  std::string bytes;
  bytes.reserve(entry.size);
  std::size_t filled = 0;
  while (true) {
    bytes.resize(filled + kReadChunk);
    auto count = (*source)->read(std::span<char>(bytes.data() + filled, kReadChunk));
    if (!count) {
      return tl::unexpected(count.error());
    }
    if (*count == 0) {
      break;
    }
    filled += *count;
  }
  bytes.resize(filled);
  return bytes;
}

// Reads a nested archive into memory, at most limits.max_nested_bytes of it.
tl::expected<std::string, Problem> read_nested(const input::ZipArchive& archive,
                                               const input::ZipEntry& entry,
                                               const input::ReadLimits& limits) {
  if (entry.size > limits.max_nested_bytes) {
    return tl::unexpected(Problem{fmt::format("nested archive larger than {} bytes "
                                              "(--max-nested-size); skipped",
                                              limits.max_nested_bytes),
                                  std::nullopt});
  }
  return read_entry(archive, entry, limits.max_nested_bytes, limits.max_ratio);
}

// One archive level: the input itself, or an archive inside it.
struct Scope {
  std::string prefix;     // this archive's entry path in the input plus '/'; "" for the input
  std::string file_name;  // the archive's own file name, which names a root `_chat.txt`'s chat
  unsigned depth = 1;
};

// A chat text of the archive and the media file names its messages reference.
struct ScannedChat {
  std::string name;
  std::string folder;  // of its entry, with a final '/'; "" at the root
  std::string entry;   // as findings name it ("inner.zip/_chat.txt")
  std::vector<MediaReference> references;
};

// The first chat and message that name a media entry.
struct Sender {
  const ScannedChat* chat;
  const MediaReference* reference;
};

class ArchiveScan {
 public:
  ArchiveScan(const input::InputFile& file, const input::ZipArchive& archive, Scope scope,
              const ScanSettings& settings, InputResult& result)
      : file_(file),
        archive_(archive),
        scope_(std::move(scope)),
        settings_(settings),
        result_(result) {}

  // Scans this level and the ones inside it; returns the number of chat texts found.
  std::uint64_t run();

 private:
  Origin origin_of(const input::ZipEntry& entry) const {
    return {file_.display_path, scope_.prefix + entry.name};
  }

  void report(const input::ZipEntry& entry, const Problem& problem) {
    result_.report.errors.push_back(settings_.diagnostics.report(origin_of(entry), problem));
  }

  std::string chat_name(const input::ZipEntry& entry) const;
  void scan_chat_entry(const input::ZipEntry& entry);
  std::uint64_t scan_nested(const input::ZipEntry& entry);
  void resolve_references(input::MediaIndex& index);
  void scan_card(const input::ZipEntry& entry, std::size_t media_index);
  void scan_photos(const std::vector<const input::ZipEntry*>& media);
  void report_ocr_time(const report::InputReport::OcrCounts& counts) const;
  void judge_photo(const input::ZipEntry& entry, std::size_t media_index,
                   const media::ImageEvidence& evidence);
  void list_media(const input::MediaIndex& index);

  const input::InputFile& file_;
  const input::ZipArchive& archive_;
  Scope scope_;
  const ScanSettings& settings_;
  InputResult& result_;
  std::vector<ScannedChat> chats_;
  std::map<std::size_t, Sender> senders_;  // media index -> the first message naming it
  std::set<std::string> exports_;          // nested archives that held a chat text
};

std::uint64_t ArchiveScan::run() {
  const std::uint64_t max_entries = settings_.request.limits.max_entries;
  if (archive_.entries().size() > max_entries) {
    result_.report.errors.push_back(settings_.diagnostics.report(
        Origin{file_.display_path, scope_.prefix},
        Problem{fmt::format("archive has {} entries, more than {} (--max-entries); skipped",
                            archive_.entries().size(), max_entries),
                std::nullopt}));
    return 0;
  }
  input::ZipExportLayout layout = input::locate_export_entries(archive_.entries());
  std::sort(layout.chat_texts.begin(), layout.chat_texts.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  // 1. The chat texts, collecting the media names they reference.
  for (const input::ZipEntry* entry : layout.chat_texts) {
    scan_chat_entry(*entry);
  }
  std::uint64_t chat_texts = layout.chat_texts.size();
  // 2. Archives inside this one.
  for (const input::ZipEntry* entry : layout.media) {
    if (has_extension(entry->name, ".zip")) {
      const std::uint64_t inside = scan_nested(*entry);
      if (inside > 0) {
        exports_.insert(entry->name);
      }
      chat_texts += inside;
    }
  }
  // 3. References matched to entries.
  std::vector<std::string> names;
  std::transform(layout.media.begin(), layout.media.end(), std::back_inserter(names),
                 [](const input::ZipEntry* entry) { return entry->name; });
  input::MediaIndex index(std::move(names));
  resolve_references(index);
  // 4. Contact cards, with the message that sent them.
  for (std::size_t i = 0; i < layout.media.size(); ++i) {
    if (has_extension(layout.media[i]->name, ".vcf")) {
      scan_card(*layout.media[i], i);
    }
  }
  // 5. Photos: OCR of the images, weighed with the words around them (card-photo).
  scan_photos(layout.media);
  list_media(index);
  return chat_texts;
}

// iOS names the text `_chat.txt` and the archive (or the folder holding it) after the chat;
// Android names the text.
std::string ArchiveScan::chat_name(const input::ZipEntry& entry) const {
  const std::string_view base = input::base_name(entry.name);
  if (base != "_chat.txt") {
    return chat::chat_name_from_file_name(base);
  }
  std::string_view folder = input::folder_of(entry.name);
  if (!folder.empty()) {
    folder.remove_suffix(1);
    return chat::chat_name_from_file_name(input::base_name(folder));
  }
  return chat::chat_name_from_file_name(scope_.file_name);
}

void ArchiveScan::scan_chat_entry(const input::ZipEntry& entry) {
  const input::ReadLimits& limits = settings_.request.limits;
  auto source = archive_.open_entry(entry, limits.max_entry_bytes, limits.max_ratio);
  if (!source) {
    report(entry, source.error());
    return;
  }
  ScannedChat chat{
      chat_name(entry), std::string(input::folder_of(entry.name)), origin_of(entry).entry, {}};
  chat.references =
      scan_chat_text(std::move(*source), origin_of(entry), chat.name, settings_, result_);
  chats_.push_back(std::move(chat));
}

// Returns the number of chat texts found in the nested archive and below.
std::uint64_t ArchiveScan::scan_nested(const input::ZipEntry& entry) {
  if (scope_.depth >= settings_.request.limits.max_depth) {
    report(entry, Problem{fmt::format("ZIP archive nested more than {} levels deep "
                                      "(--max-depth); skipped",
                                      settings_.request.limits.max_depth),
                          std::nullopt});
    return 0;
  }
  auto bytes = read_nested(archive_, entry, settings_.request.limits);
  if (!bytes) {
    report(entry, bytes.error());
    return 0;
  }
  auto nested = input::ZipArchive::open_bytes(std::move(*bytes));
  if (!nested) {
    report(entry, Problem{fmt::format("{}; skipped", nested.error().message), std::nullopt});
    return 0;
  }
  Scope inner{scope_.prefix + entry.name + "/", std::string(input::base_name(entry.name)),
              scope_.depth + 1};
  return ArchiveScan(file_, *nested, std::move(inner), settings_, result_).run();
}

void ArchiveScan::resolve_references(input::MediaIndex& index) {
  for (const ScannedChat& chat : chats_) {
    for (const MediaReference& reference : chat.references) {
      const auto found = index.resolve(reference.name, chat.folder);
      if (!found) {
        result_.report.media_missing.push_back(scope_.prefix + reference.name);
        continue;
      }
      senders_.try_emplace(*found, Sender{&chat, &reference});
    }
  }
}

// A card no message names is counted to the archive's first chat.
void ArchiveScan::scan_card(const input::ZipEntry& entry, std::size_t media_index) {
  CardContext context;
  context.attachment = std::string(input::base_name(entry.name));
  if (const auto sender = senders_.find(media_index); sender != senders_.end()) {
    context.chat = sender->second.chat->name;
    context.sender = sender->second.reference->sender;
    context.timestamp = sender->second.reference->timestamp;
  } else {
    context.chat =
        chats_.empty() ? chat::chat_name_from_file_name(scope_.file_name) : chats_.front().name;
  }
  auto source =
      archive_.open_entry(entry, std::min(kMaxCardBytes, settings_.request.limits.max_entry_bytes),
                          settings_.request.limits.max_ratio);
  if (!source) {
    report(entry, source.error());
    return;
  }
  auto decoded = input::decode_text(std::move(*source));
  if (!decoded) {
    report(entry, decoded.error());
    return;
  }
  CardResult card = scan_vcard(*decoded->source, origin_of(entry), context, settings_);
  std::move(card.errors.begin(), card.errors.end(), std::back_inserter(result_.report.errors));
  for (report::Finding& finding : card.findings) {
    result_.findings.add(std::move(finding));
  }
  result_.allowlisted += card.allowlisted;
}

// The photos are read on --jobs threads, one image in memory per thread; an archive without
// photos never loads Tesseract.
void ArchiveScan::scan_photos(const std::vector<const input::ZipEntry*>& media) {
  const ScanRequest& request = settings_.request;
  std::vector<std::size_t> photos;  // indices into `media`
  for (std::size_t i = 0; i < media.size(); ++i) {
    if (media::EvidenceWords::builtin().is_photo_file(media[i]->name)) {
      photos.push_back(i);
    }
  }
  // Images of an archive without a chat text are no chat's media: it is no export.
  if (photos.empty() || chats_.empty() || request.ocr == OcrMode::off) {
    return;
  }
  std::vector<std::optional<tl::expected<media::ImageEvidence, Problem>>> results(photos.size());
  const std::uint64_t max_bytes = std::min(kMaxPhotoBytes, request.limits.max_entry_bytes);
  media::read_photos(
      photos.size(), photo_batch_options(request),
      [&](std::size_t k) {
        return read_entry(archive_, *media[photos[k]], max_bytes, request.limits.max_ratio);
      },
      [&](std::size_t k, tl::expected<media::ImageEvidence, Problem> result) {
        results[k] = std::move(result);
      });
  report::InputReport::OcrCounts& counts =
      result_.report.ocr.emplace(result_.report.ocr.value_or(report::InputReport::OcrCounts{}));
  counts.images += photos.size();
  bool unavailable = false;
  for (std::size_t k = 0; k < photos.size(); ++k) {
    if (!*results[k]) {
      report(*media[photos[k]], results[k]->error());
      continue;
    }
    const media::ImageEvidence& evidence = **results[k];
    if (evidence.outcome == media::ImageEvidence::Outcome::no_ocr && !unavailable) {
      unavailable = true;
      if (request.ocr == OcrMode::on) {
        report(
            *media[photos[k]],
            Problem{fmt::format("--ocr on, but {}; photos not read", evidence.no_ocr_reason), {}});
      } else {
        notice_no_ocr(evidence.no_ocr_reason, request);
      }
    }
    count_photo(evidence, counts);
    judge_photo(*media[photos[k]], photos[k], evidence);
  }
  report_ocr_time(counts);
}

// How long OCR took, and how much the cache saved: on standard error, since it differs from
// run to run and the reports must not.
void ArchiveScan::report_ocr_time(const report::InputReport::OcrCounts& counts) const {
  if (settings_.request.verbosity == Verbosity::quiet || counts.read + counts.cached == 0) {
    return;
  }
  fmt::print(stderr, "waudit: notice: {}: OCR read {} photos ({} from the cache) in {:.1f} s\n",
             result_.report.path, counts.read + counts.cached, counts.cached,
             static_cast<double>(counts.milliseconds) / 1000.0);
}

// One card-photo finding per photo: at the message that sent it, replacing the finding the
// chat words alone gave; a photo no message names is reported at its own entry.
void ArchiveScan::judge_photo(const input::ZipEntry& entry, std::size_t media_index,
                              const media::ImageEvidence& evidence) {
  const auto sender = senders_.find(media_index);
  const MediaReference* reference = sender != senders_.end() ? sender->second.reference : nullptr;
  const std::vector<media::ChatWord> no_words;
  const auto verdict = media::judge(reference != nullptr ? reference->words : no_words, &evidence,
                                    shown_numbers(settings_.request));
  if (!verdict) {
    return;
  }
  report::Finding finding;
  if (reference != nullptr) {
    const ScannedChat& chat = *sender->second.chat;
    if (!reference->words.empty()) {  // only then did the chat words alone give a finding
      // Kept until the list is read: the lambda owns what it compares.
      result_.findings.remove_if([entry = chat.entry,
                                  line = reference->line](const report::Finding& old) {
        return old.rule == "card-photo" && old.location.entry == entry && old.location.line == line;
      });
    }
    finding.location =
        report::Location{file_.display_path, chat.entry, reference->line, reference->column};
    finding.chat = chat.name;
    finding.sender = reference->sender;
    finding.timestamp = reference->timestamp;
  } else {
    finding.location = report::Location{file_.display_path, origin_of(entry).entry, {}, {}};
    finding.chat =
        chats_.empty() ? chat::chat_name_from_file_name(scope_.file_name) : chats_.front().name;
  }
  media::apply_verdict(*verdict, finding);
  const std::string name(input::base_name(entry.name));
  finding.attachment = reference != nullptr ? reference->name : name;
  finding.fingerprint = report::fingerprint(
      settings_.request.fingerprint_key,
      {finding.rule, media::fingerprint_value(*finding.attachment, finding.sender.value_or("")),
       finding.chat, finding.timestamp.value_or("")});
  result_.findings.add(std::move(finding));
}

// A nested archive that held a chat and that no message names is an export, not media.
void ArchiveScan::list_media(const input::MediaIndex& index) {
  const std::vector<std::string> unreferenced = index.unreferenced();
  const std::set<std::string> unreferenced_set(unreferenced.begin(), unreferenced.end());
  for (const std::string& name : index.names()) {
    const bool is_export = exports_.contains(name) && unreferenced_set.contains(name);
    if (!is_export) {
      result_.report.media.push_back(scope_.prefix + name);
    }
    if (!is_export && unreferenced_set.contains(name)) {
      result_.report.media_unreferenced.push_back(scope_.prefix + name);
    }
  }
}

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

}  // namespace

void scan_zip_file(const input::InputFile& file, const ScanSettings& settings,
                   InputResult& result) {
  auto archive = input::ZipArchive::open(file.path);
  if (!archive) {
    result.report.errors.push_back(
        settings.diagnostics.report(Origin{file.display_path, ""}, archive.error()));
    return;
  }
  Scope scope{"", std::string(input::base_name(file.display_path)), 1};
  const std::uint64_t chat_texts =
      ArchiveScan(file, *archive, std::move(scope), settings, result).run();
  sort_unique(result.report.media);
  sort_unique(result.report.media_missing);
  sort_unique(result.report.media_unreferenced);
  // An archive without a chat text anywhere is an error unless a nested one already said why.
  if (chat_texts == 0 && result.report.errors.empty()) {
    result.report.errors.push_back(settings.diagnostics.report(
        Origin{file.display_path, ""},
        Problem{"no chat text in archive (_chat.txt or WhatsApp Chat ... .txt)", {}}));
  }
}

}  // namespace waudit::audit

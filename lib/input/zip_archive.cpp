// libzip behind a small interface: archives are opened read-only and checked for
// consistency, entries are inflated into caller-sized buffers, and the inflated size is
// capped no matter what the archive's directory claims.
#include "input/zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>

namespace waudit::input {

struct ZipArchive::Handle {
  zip_t* archive = nullptr;
  std::string bytes;  // the archive itself when it was opened from memory

  ~Handle() {
    if (archive != nullptr) {
      zip_discard(archive);  // read-only: never write anything back
    }
  }

  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&&) = delete;
  Handle& operator=(Handle&&) = delete;
};

namespace {

std::string describe_open_error(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "not a ZIP archive";
    case ZIP_ER_INCONS:
      return "ZIP archive is inconsistent (truncated or corrupt)";
    case ZIP_ER_OPEN:
    case ZIP_ER_NOENT:
      return "cannot open file";
    case ZIP_ER_MEMORY:
      return "out of memory while opening ZIP archive";
    default: {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string text = zip_error_strerror(&error);
      zip_error_fini(&error);
      return "cannot read ZIP archive: " + text;
    }
  }
}

// Reads an entry's inflated bytes; counts them so a lying directory cannot make it inflate
// past the limit.
class ZipEntrySource final : public ByteSource {
 public:
  ZipEntrySource(zip_file_t* file, std::uint64_t max_bytes, std::uint64_t max_ratio,
                 std::uint64_t max_ratio_bytes)
      : file_(file),
        max_bytes_(max_bytes),
        max_ratio_(max_ratio),
        max_ratio_bytes_(max_ratio_bytes) {}

  ZipEntrySource(const ZipEntrySource&) = delete;
  ZipEntrySource& operator=(const ZipEntrySource&) = delete;
  ZipEntrySource(ZipEntrySource&&) = delete;
  ZipEntrySource& operator=(ZipEntrySource&&) = delete;

  ~ZipEntrySource() override { zip_fclose(file_); }

  tl::expected<std::size_t, Problem> read(std::span<char> buffer) override {
    const zip_int64_t count = zip_fread(file_, buffer.data(), buffer.size());
    if (count < 0) {
      return tl::unexpected(Problem{
          fmt::format("cannot inflate entry: {}", zip_error_strerror(zip_file_get_error(file_))),
          std::nullopt});
    }
    delivered_ += static_cast<std::uint64_t>(count);
    if (delivered_ > max_ratio_bytes_) {
      return tl::unexpected(Problem{
          fmt::format("entry inflates more than {} times its compressed size (--max-ratio; a zip "
                      "bomb?); skipped the rest",
                      max_ratio_),
          std::nullopt});
    }
    if (delivered_ > max_bytes_) {
      return tl::unexpected(
          Problem{fmt::format("entry inflates to more than {} bytes (--max-entry-size); skipped "
                              "the rest",
                              max_bytes_),
                  std::nullopt});
    }
    return static_cast<std::size_t>(count);
  }

 private:
  zip_file_t* file_;
  std::uint64_t max_bytes_;
  std::uint64_t max_ratio_;        // --max-ratio, for the message
  std::uint64_t max_ratio_bytes_;  // what the compression-ratio limit allows
  std::uint64_t delivered_ = 0;
};

// Opens an archive held in `bytes` (which must outlive it); nullptr with `error_code` set.
zip_t* open_buffer(const std::string& bytes, int flags, int& error_code) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, flags, &error);
  if (archive == nullptr) {
    error_code = source == nullptr ? ZIP_ER_MEMORY : zip_error_code_zip(&error);
    zip_source_free(source);  // still ours when the open failed
  }
  zip_error_fini(&error);
  return archive;
}

std::vector<ZipEntry> list_entries(zip_t* archive) {
  std::vector<ZipEntry> entries;
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &stat) != 0) {
      continue;
    }
    ZipEntry entry;
    entry.index = static_cast<std::uint64_t>(i);
    entry.name = (stat.valid & ZIP_STAT_NAME) != 0 ? stat.name : "";
    entry.size = (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
    entry.compressed_size = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
    entry.encrypted =
        (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE;
    entry.is_directory = entry.name.ends_with('/');
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

tl::expected<ZipArchive, Problem> ZipArchive::open(const std::filesystem::path& path) {
  int error_code = 0;
  // ZIP_CHECKCONS: refuse archives whose central directory and local headers disagree. But
  // libzip 1.7.3 (Debian 12) also refuses archives written by macOS's Archive Utility
  // (nih-at/libzip#341: their local headers keep the size beside a data descriptor), and
  // re-zipped iOS exports are such archives. So an archive failing only that check is opened
  // without it; each entry's CRC is still verified as it is read, and open_entry()'s inflate
  // limit holds either way.
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error_code);
  if (archive == nullptr && error_code == ZIP_ER_INCONS) {
    archive = zip_open(path.c_str(), ZIP_RDONLY, &error_code);  // as in open()
  }
  if (archive == nullptr) {
    return tl::unexpected(Problem{describe_open_error(error_code), std::nullopt});
  }
  auto handle = std::make_unique<Handle>();
  handle->archive = archive;
  std::vector<ZipEntry> entries = list_entries(archive);
  return ZipArchive(std::move(handle), std::move(entries));
}

tl::expected<ZipArchive, Problem> ZipArchive::open_bytes(std::string bytes) {
  // libzip opens an empty buffer as a new, empty archive; an empty file is no archive.
  if (bytes.empty()) {
    return tl::unexpected(Problem{"not a ZIP archive", std::nullopt});
  }
  auto handle = std::make_unique<Handle>();
  handle->bytes = std::move(bytes);
  int error_code = 0;
  zip_t* archive = open_buffer(handle->bytes, ZIP_RDONLY | ZIP_CHECKCONS, error_code);
  if (archive == nullptr && error_code == ZIP_ER_INCONS) {
    archive = open_buffer(handle->bytes, ZIP_RDONLY, error_code);  // as in open()
  }
  if (archive == nullptr) {
    return tl::unexpected(Problem{describe_open_error(error_code), std::nullopt});
  }
  handle->archive = archive;
  std::vector<ZipEntry> entries = list_entries(archive);
  return ZipArchive(std::move(handle), std::move(entries));
}

ZipArchive::ZipArchive(std::unique_ptr<Handle> handle, std::vector<ZipEntry> entries)
    : handle_(std::move(handle)), entries_(std::move(entries)) {}

ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

tl::expected<std::unique_ptr<ByteSource>, Problem> ZipArchive::open_entry(
    const ZipEntry& entry, std::uint64_t max_bytes, std::uint64_t max_ratio) const {
  if (entry.encrypted) {
    return tl::unexpected(Problem{"entry is encrypted; skipped", std::nullopt});
  }
  // Small entries may compress well beyond any ratio (a page of blank lines), so the ratio
  // applies only past the first MiB: at once to the sizes the archive declares, and while
  // reading to what really comes out, since declared sizes can lie.
  constexpr std::uint64_t kRatioGrace = std::uint64_t{1} << 20;
  if (max_ratio != 0 && entry.size > kRatioGrace &&
      entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) > max_ratio) {
    return tl::unexpected(Problem{
        fmt::format("entry would inflate {} times its compressed size, more than {} "
                    "(--max-ratio; a zip bomb?); skipped",
                    entry.size / std::max<std::uint64_t>(entry.compressed_size, 1), max_ratio),
        std::nullopt});
  }
  zip_file_t* file = zip_fopen_index(handle_->archive, entry.index, 0);
  if (file == nullptr) {
    return tl::unexpected(Problem{
        fmt::format("cannot open entry: {}", zip_strerror(handle_->archive)), std::nullopt});
  }
  const std::uint64_t by_ratio = max_ratio == 0 || entry.compressed_size > UINT64_MAX / max_ratio
                                     ? UINT64_MAX
                                     : std::max(kRatioGrace, entry.compressed_size * max_ratio);
  return std::make_unique<ZipEntrySource>(file, max_bytes, max_ratio, by_ratio);
}

}  // namespace waudit::input

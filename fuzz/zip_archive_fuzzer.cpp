// Opens arbitrary bytes as a ZIP archive and reads every entry it can, as the scanner does.
// ZipArchive::open takes a path (libzip opens files), so each input goes to a temporary file
// first. Checked: the export layout points into the entry list and sorts each file entry at
// most once; an entry never delivers more than a read asked for, nor more than max_bytes;
// the archive opened from memory (open_bytes, for a ZIP inside a ZIP) reads the same.
#include "input/zip_archive.hpp"
#include "input/zip_export.hpp"
#include "property.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace waudit::fuzz {
namespace {

constexpr std::uint64_t kMaxEntryBytes = std::uint64_t{1} << 20;
constexpr std::size_t kMaxEntriesRead = 64;  // bounds the time one input can take
constexpr std::size_t kReadBuffer = 4096;

// A temporary file holding one input; removed when it goes out of scope.
class TempFile {
 public:
  TempFile(const std::uint8_t* data, std::size_t size) {
    path_ = (std::filesystem::temp_directory_path() / "waudit-zip-fuzz-XXXXXX").string();
    const int fd = mkstemp(path_.data());
    require(fd >= 0, "a temporary file can be created");
    std::size_t written = 0;
    while (written < size) {
      const ssize_t count = write(fd, data + written, size - written);
      require(count > 0, "the temporary file can be written");
      written += static_cast<std::size_t>(count);
    }
    close(fd);
  }

  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  TempFile(TempFile&&) = delete;
  TempFile& operator=(TempFile&&) = delete;

  ~TempFile() { unlink(path_.c_str()); }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// ZipArchive::open on a temporary file holding the input. libzip keeps the file open, so it
// is removed at once: an input that then fails a check leaves nothing behind.
tl::expected<input::ZipArchive, Problem> open_as_file(const std::uint8_t* data, std::size_t size) {
  const TempFile file(data, size);
  return input::ZipArchive::open(file.path());
}

void check_layout(const std::vector<input::ZipEntry>& entries) {
  const input::ZipExportLayout layout = input::locate_export_entries(entries);
  std::vector<const input::ZipEntry*> seen;
  for (const auto* list : {&layout.chat_texts, &layout.media}) {
    for (const input::ZipEntry* entry : *list) {
      require(entry >= entries.data() && entry < entries.data() + entries.size(),
              "the layout points into the entry list");
      require(!entry->is_directory, "the layout holds no directory");
      require(!entry->name.starts_with("__MACOSX/"), "the layout leaves __MACOSX/ out");
      seen.push_back(entry);
    }
  }
  std::sort(seen.begin(), seen.end());
  require(std::adjacent_find(seen.begin(), seen.end()) == seen.end(),
          "an entry is either chat text or media, once");
}

// What an entry delivered: its bytes, and whether the stream ended in an error.
struct EntryContent {
  std::string bytes;
  bool failed = false;

  bool operator==(const EntryContent&) const = default;
};

EntryContent read_entry(const input::ZipArchive& archive, const input::ZipEntry& entry) {
  EntryContent content;
  auto source = archive.open_entry(entry, kMaxEntryBytes);
  if (!source) {
    content.failed = true;
    return content;
  }
  std::array<char, kReadBuffer> buffer{};
  while (true) {
    auto count = (*source)->read(buffer);
    if (!count) {
      content.failed = true;
      return content;
    }
    if (*count == 0) {
      return content;
    }
    require(*count <= buffer.size(), "a read delivers at most the buffer's size");
    content.bytes.append(buffer.data(), *count);
    require(content.bytes.size() <= kMaxEntryBytes, "an entry delivers at most max_bytes");
  }
}

bool same_entry(const input::ZipEntry& a, const input::ZipEntry& b) {
  return a.index == b.index && a.name == b.name && a.size == b.size && a.encrypted == b.encrypted &&
         a.is_directory == b.is_directory;
}

}  // namespace
}  // namespace waudit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waudit;
  auto archive = fuzz::open_as_file(data, size);
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands out bytes
  auto in_memory =
      input::ZipArchive::open_bytes(std::string(reinterpret_cast<const char*>(data), size));
  fuzz::require(archive.has_value() == in_memory.has_value(),
                "open and open_bytes accept the same archives");
  if (!archive) {
    fuzz::require(!archive.error().message.empty(), "a failed open says why");
    return 0;
  }
  const std::vector<input::ZipEntry>& entries = archive->entries();
  fuzz::require(entries.size() == in_memory->entries().size() &&
                    std::equal(entries.begin(), entries.end(), in_memory->entries().begin(),
                               fuzz::same_entry),
                "open and open_bytes list the same entries");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    fuzz::require(i == 0 || entries[i - 1].index < entries[i].index,
                  "entries are listed in archive order");
  }
  fuzz::check_layout(entries);
  std::size_t read = 0;
  for (const input::ZipEntry& entry : entries) {
    if (entry.encrypted) {
      fuzz::require(!archive->open_entry(entry, fuzz::kMaxEntryBytes).has_value(),
                    "an encrypted entry is not opened");
      continue;
    }
    if (entry.is_directory || read == fuzz::kMaxEntriesRead) {
      continue;
    }
    ++read;
    fuzz::require(fuzz::read_entry(*archive, entry) == fuzz::read_entry(*in_memory, entry),
                  "an entry reads the same from a file and from memory");
  }
  return 0;
}

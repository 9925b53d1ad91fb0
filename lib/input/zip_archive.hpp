// A ZIP archive opened read-only through libzip; entries are read as streams and never
// extracted to disk. The only file that includes <zip.h>.
#pragma once

#include "input/byte_source.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace waudit::input {

struct ZipEntry {
  std::uint64_t index = 0;
  std::string name;        // as stored (bytes of the archive), never used as a file-system path
  std::uint64_t size = 0;  // uncompressed size the archive claims
  std::uint64_t compressed_size = 0;
  bool encrypted = false;
  bool is_directory = false;
};

class ZipArchive {
 public:
  [[nodiscard]] static tl::expected<ZipArchive, Problem> open(const std::filesystem::path& path);

  // Opens an archive held in memory (a ZIP inside a ZIP, never extracted to disk); the
  // archive keeps `bytes` for as long as it lives.
  [[nodiscard]] static tl::expected<ZipArchive, Problem> open_bytes(std::string bytes);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  const std::vector<ZipEntry>& entries() const { return entries_; }

  // A stream of the entry's uncompressed bytes; at most `max_bytes` are delivered before the
  // stream reports an error (the guard against archives that inflate without end), and, when
  // `max_ratio` is not 0, past the first MiB at most `max_ratio` times the compressed size.
  [[nodiscard]] tl::expected<std::unique_ptr<ByteSource>, Problem> open_entry(
      const ZipEntry& entry, std::uint64_t max_bytes, std::uint64_t max_ratio = 0) const;

 private:
  struct Handle;
  explicit ZipArchive(std::unique_ptr<Handle> handle, std::vector<ZipEntry> entries);

  std::unique_ptr<Handle> handle_;
  std::vector<ZipEntry> entries_;
};

}  // namespace waudit::input

// What does not fit in memory goes here: findings of a huge chat waiting for their sort, the
// rendered findings of a JSON report waiting for its summary. An unlinked file in $TMPDIR (or
// /tmp), readable only by this user, never visible by name, gone when closed, whether the
// process ends well or is killed. It holds report values, masked unless --show-values.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace waudit::report {

class SpillFile {
 public:
  // Creates the file; throws std::runtime_error naming the directory when it cannot.
  SpillFile();
  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();

  // Adds `bytes` at the end. Throws std::runtime_error when the disk is full.
  void append(std::string_view bytes);

  // Adds `record` framed (preceded by its size), for a FrameReader to read back.
  void append_record(std::string_view record);

  // Bytes written so far.
  std::uint64_t size() const { return written_ + pending_.size(); }

  // Copies up to `out.size()` bytes from `offset` and returns how many there were.
  std::size_t read(std::uint64_t offset, std::span<char> out);

  // Writes the whole content to `out`, in bounded pieces.
  void copy_to(std::ostream& out);

 private:
  void flush();
  void write(std::string_view bytes);  // at the end of the file, past pending_

  int descriptor_ = -1;
  std::uint64_t written_ = 0;  // bytes on disk; `pending_` follows them
  std::string pending_;
};

// Reads back the records of SpillFile::append_record, one by one.
class FrameReader {
 public:
  // Reads the records in bytes [begin, end) of `file`.
  FrameReader(SpillFile& file, std::uint64_t begin, std::uint64_t end)
      : file_(&file), next_(begin), end_(end) {}

  // The next record, valid until the next call; nullopt after the last. A record cut off
  // is a bug (the file is this process's own): std::logic_error.
  std::optional<std::string_view> next();

 private:
  bool fill(std::size_t count);

  SpillFile* file_;
  std::uint64_t next_;
  std::uint64_t end_;
  std::string buffer_;
  std::size_t start_ = 0;
};

}  // namespace waudit::report

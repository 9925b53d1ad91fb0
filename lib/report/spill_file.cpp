#include "report/spill_file.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

namespace waudit::report {
namespace {

// Frames' size prefix: 8 bytes as the machine holds them.
using FrameSize = std::uint64_t;

// Reads from the file are at least this large.
constexpr std::size_t kReadPiece = std::size_t{64} << 10;

// Appends are gathered up to this size: one write per 256 KiB, not one per finding.
constexpr std::size_t kWriteBuffer = std::size_t{256} << 10;

std::string temporary_directory() {
  const char* configured = std::getenv("TMPDIR");
  return configured != nullptr && *configured != '\0' ? configured : "/tmp";
}

// O_TMPFILE makes a file that never has a name; where the file system lacks it, a named file
// is made with mkstemp and unlinked at once.
int open_unnamed(const std::string& directory) {
  const int descriptor = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (descriptor >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) {
    return descriptor;
  }
  std::string name = directory + "/waudit-spill-XXXXXX";
  const int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) {
    ::unlink(name.c_str());
  }
  return named;
}

[[noreturn]] void fail(std::string_view what) {
  throw std::runtime_error(fmt::format("temporary file in {}: {}: {}", temporary_directory(), what,
                                       std::strerror(errno)));
}

}  // namespace

SpillFile::SpillFile() : descriptor_(open_unnamed(temporary_directory())) {
  if (descriptor_ < 0) {
    fail("cannot create");
  }
}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, -1)),
      written_(std::exchange(other.written_, 0)),
      pending_(std::move(other.pending_)) {}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (descriptor_ >= 0) {
      ::close(descriptor_);
    }
    descriptor_ = std::exchange(other.descriptor_, -1);
    written_ = std::exchange(other.written_, 0);
    pending_ = std::move(other.pending_);
  }
  return *this;
}

SpillFile::~SpillFile() {
  if (descriptor_ >= 0) {
    ::close(descriptor_);
  }
}

void SpillFile::append(std::string_view bytes) {
  if (pending_.size() + bytes.size() < kWriteBuffer) {
    pending_.append(bytes);
    return;
  }
  flush();
  write(bytes);  // large pieces go to the file as they are, not through a copy
}

void SpillFile::flush() {
  write(pending_);
  pending_.clear();
}

void SpillFile::write(std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = ::pwrite(descriptor_, bytes.data() + done, bytes.size() - done,
                                   static_cast<off_t>(written_ + done));
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      fail("cannot write");
    }
    done += static_cast<std::size_t>(wrote);
  }
  written_ += bytes.size();
}

std::size_t SpillFile::read(std::uint64_t offset, std::span<char> out) {
  if (!pending_.empty()) {
    flush();
  }
  std::size_t done = 0;
  while (done < out.size() && offset + done < written_) {
    const ssize_t got = ::pread(descriptor_, out.data() + done, out.size() - done,
                                static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      fail("cannot read back");
    }
    done += static_cast<std::size_t>(got);
  }
  return done;
}

void SpillFile::copy_to(std::ostream& out) {
  std::array<char, 64 * 1024> piece{};
  for (std::uint64_t offset = 0; offset < size();) {
    const std::size_t got = read(offset, piece);
    out.write(piece.data(), static_cast<std::streamsize>(got));
    offset += got;
  }
}

void SpillFile::append_record(std::string_view record) {
  const FrameSize size = record.size();
  char bytes[sizeof size];
  std::memcpy(bytes, &size, sizeof size);
  append(std::string_view(bytes, sizeof size));
  append(record);
}

std::optional<std::string_view> FrameReader::next() {
  FrameSize size = 0;
  if (!fill(sizeof size)) {
    return std::nullopt;
  }
  std::memcpy(&size, buffer_.data() + start_, sizeof size);
  start_ += sizeof size;
  if (!fill(static_cast<std::size_t>(size))) {
    throw std::logic_error("a record in a temporary file is cut off");
  }
  const std::string_view record =
      std::string_view(buffer_).substr(start_, static_cast<std::size_t>(size));
  start_ += static_cast<std::size_t>(size);
  return record;
}

// Whether `count` bytes from start_ are buffered, reading more if needed.
bool FrameReader::fill(std::size_t count) {
  if (buffer_.size() - start_ >= count) {
    return true;
  }
  buffer_.erase(0, start_);
  start_ = 0;
  const std::uint64_t want =
      std::min<std::uint64_t>(std::max(count - buffer_.size(), kReadPiece), end_ - next_);
  const std::size_t kept = buffer_.size();
  buffer_.resize(kept + static_cast<std::size_t>(want));
  const std::size_t got = file_->read(next_, std::span<char>(buffer_).subspan(kept));
  buffer_.resize(kept + got);
  next_ += got;
  return buffer_.size() >= count;
}

}  // namespace waudit::report

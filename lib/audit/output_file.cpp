#include "audit/output_file.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <stdexcept>
#include <system_error>

namespace waudit::audit {
namespace fs = std::filesystem;

namespace {

// A report that replaces another keeps the old one's permissions (a private report stays
// private).
void keep_permissions_of(const fs::path& destination, int descriptor) {
  struct stat existing = {};
  if (::stat(destination.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    ::fchmod(descriptor, existing.st_mode & 07777U);
  }
}

// Creates a new file beside `destination` under a name no other file has, with the
// permissions a shell's `>` would give (0666 less the umask; mkstemp would make it 0600), or
// the destination's own when a report is replaced. Returns its descriptor, or -1 with errno.
int create_temporary(const fs::path& destination, fs::path& temporary) {
  std::random_device seed;
  std::mt19937_64 random(seed());
  constexpr int kAttempts = 100;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    temporary = fmt::format("{}.tmp-{:012x}", destination.string(), random() >> 16U);
    const int descriptor =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // NOLINT
    if (descriptor >= 0) {
      keep_permissions_of(destination, descriptor);
      return descriptor;
    }
    if (errno != EEXIST) {
      return -1;
    }
  }
  return -1;
}

// Puts the written bytes on the disk before the rename, so that a crash leaves the old report
// or the new one, never an empty file under the report's name.
void sync_to_disk(const fs::path& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // NOLINT
  if (descriptor >= 0) {
    ::fsync(descriptor);
    ::close(descriptor);
  }
}

// Whether the destination is something to write through, as a shell's `>` does, rather than
// to replace: a device (/dev/null), a pipe, a socket, or a symbolic link (/dev/stdout, or a
// link the user keeps pointing at the latest report). Renaming over those would put a regular
// file in their place: as root, `-o /dev/null` would replace the system's /dev/null.
bool written_through(const fs::path& destination) {
  struct stat entry = {};
  return ::lstat(destination.c_str(), &entry) == 0 && !S_ISREG(entry.st_mode);
}

}  // namespace

OutputFile::OutputFile(fs::path destination) : destination_(std::move(destination)) {
  if (written_through(destination_)) {
    direct_ = true;
    temporary_ = destination_;
    stream_.open(destination_, std::ios::binary | std::ios::trunc);
    if (!stream_) {
      throw std::runtime_error(fmt::format("{}: cannot open output file for writing: {}",
                                           destination_.string(),
                                           std::generic_category().message(errno)));
    }
    return;
  }
  // The temporary file sits beside the destination, so the final rename stays on one file
  // system and is atomic.
  const int descriptor = create_temporary(destination_, temporary_);
  if (descriptor < 0) {
    throw std::runtime_error(fmt::format("{}: cannot create output file: {}", destination_.string(),
                                         std::generic_category().message(errno)));
  }
  ::close(descriptor);
  stream_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    std::error_code ignored;
    fs::remove(temporary_, ignored);
    throw std::runtime_error(
        fmt::format("{}: cannot open output file for writing", destination_.string()));
  }
}

OutputFile::~OutputFile() {
  if (!committed_ && !direct_) {
    stream_.close();
    std::error_code ignored;
    fs::remove(temporary_, ignored);
  }
}

void OutputFile::commit() {
  stream_.flush();
  const bool written = static_cast<bool>(stream_);
  stream_.close();
  if (!written || stream_.fail()) {
    throw std::runtime_error(fmt::format("{}: cannot write output file", destination_.string()));
  }
  if (direct_) {
    committed_ = true;
    return;
  }
  sync_to_disk(temporary_);
  std::error_code error;
  fs::rename(temporary_, destination_, error);
  if (error) {
    throw std::runtime_error(fmt::format("{}: cannot move output file into place: {}",
                                         destination_.string(), error.message()));
  }
  committed_ = true;
}

}  // namespace waudit::audit

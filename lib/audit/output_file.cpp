#include "audit/output_file.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace waudit::audit {
namespace fs = std::filesystem;

OutputFile::OutputFile(fs::path destination) : destination_(std::move(destination)) {
  // The temporary file sits beside the destination, so the final rename stays on one file
  // system and is atomic; mkstemp never reuses an existing name.
  std::string pattern = destination_.string() + ".tmp-XXXXXX";
  const int descriptor = ::mkstemp(pattern.data());
  if (descriptor < 0) {
    throw std::runtime_error(fmt::format("{}: cannot create output file: {}", destination_.string(),
                                         std::generic_category().message(errno)));
  }
  ::close(descriptor);
  temporary_ = pattern;
  stream_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    std::error_code ignored;
    fs::remove(temporary_, ignored);
    throw std::runtime_error(
        fmt::format("{}: cannot open output file for writing", destination_.string()));
  }
}

OutputFile::~OutputFile() {
  if (!committed_) {
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
  std::error_code error;
  fs::rename(temporary_, destination_, error);
  if (error) {
    throw std::runtime_error(fmt::format("{}: cannot move output file into place: {}",
                                         destination_.string(), error.message()));
  }
  committed_ = true;
}

}  // namespace waudit::audit

#include "input/file_source.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

namespace waudit::input {

tl::expected<std::unique_ptr<FileSource>, Problem> FileSource::open(
    const std::filesystem::path& path) {
  // "rb": read-only and byte-exact; an input is never opened for writing.
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return tl::unexpected(Problem{std::generic_category().message(errno), std::nullopt});
  }
  return std::unique_ptr<FileSource>(new FileSource(file));
}

tl::expected<std::size_t, Problem> FileSource::read(std::span<char> buffer) {
  const std::size_t count = std::fread(buffer.data(), 1, buffer.size(), file_.get());
  if (count < buffer.size() && std::ferror(file_.get()) != 0) {
    return tl::unexpected(
        Problem{"read error: " + std::generic_category().message(errno), std::nullopt});
  }
  return count;
}

}  // namespace waudit::input

#include "input/private_directory.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

namespace waudit::input {

tl::expected<PrivateDirectory, Problem> PrivateDirectory::create() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = (base != nullptr && *base != '\0') ? base : "/tmp";
  pattern += "/waudit-XXXXXX";
  // mkdtemp creates the directory with mode 0700 whatever the umask.
  if (mkdtemp(pattern.data()) == nullptr) {
    return tl::unexpected(Problem{fmt::format("cannot create a private temporary directory: {}",
                                              std::generic_category().message(errno)),
                                  std::nullopt});
  }
  return PrivateDirectory(std::filesystem::path(pattern));
}

PrivateDirectory::~PrivateDirectory() {
  if (!path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
}

tl::expected<std::filesystem::path, Problem> PrivateDirectory::create_file(
    std::string_view name) const {
  const std::filesystem::path file = path_ / name;
  const int descriptor = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (descriptor < 0) {
    return tl::unexpected(Problem{fmt::format("cannot create a private temporary file: {}",
                                              std::generic_category().message(errno)),
                                  std::nullopt});
  }
  ::close(descriptor);
  return file;
}

}  // namespace waudit::input

#include "data/embedded_files.hpp"

namespace waudit::data {

std::vector<EmbeddedFile> embedded_files_under(std::string_view prefix) {
  std::vector<EmbeddedFile> found;
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.name.starts_with(prefix)) {
      found.push_back(file);
    }
  }
  return found;
}

}  // namespace waudit::data

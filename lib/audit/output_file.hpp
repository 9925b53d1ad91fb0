// A report file written next to its destination and renamed into place when complete, so a
// failed run never leaves a half-written report or destroys the previous one. A destination
// that is no regular file (/dev/null, a pipe, a symbolic link) is written through instead.
#pragma once

#include <filesystem>
#include <fstream>

namespace waudit::audit {

class OutputFile {
 public:
  // Throws std::runtime_error when the temporary file cannot be created.
  explicit OutputFile(std::filesystem::path destination);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  OutputFile(OutputFile&&) = delete;
  OutputFile& operator=(OutputFile&&) = delete;
  ~OutputFile();  // removes the temporary file unless commit() succeeded

  std::ostream& stream() { return stream_; }

  // The temporary file, for writers that need a file name rather than a stream
  // (libxlsxwriter); commit() renames it into place (a written-through destination is its
  // own path). Use either this or stream(), not both.
  const std::filesystem::path& path() const { return temporary_; }

  // Flushes and renames into place; throws std::runtime_error on failure.
  void commit();

 private:
  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  std::ofstream stream_;
  bool committed_ = false;
  bool direct_ = false;  // written through: no temporary file, nothing to rename
};

}  // namespace waudit::audit
